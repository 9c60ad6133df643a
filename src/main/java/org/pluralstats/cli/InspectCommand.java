package org.pluralstats.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.ReadWarning;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.report.DictionaryReport;
import org.pluralstats.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pluralstats inspect FILE [--format text|json] [--header-only]}: a data file's dictionary and
 * case count. By default every case is streamed through the reader (decoding no variable, so it runs at
 * the speed of reading the file) and the count is of the cases actually read: a truncated or corrupted
 * data section is an error naming the place, not a healthy file of the declared size. With
 * {@code --header-only} only the dictionary is read and the count is the header's, as the output says.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show a data file's format, case count, variables, labels and missing values.",
            "Reads every case to check the data (the count is of the cases read); --header-only skips that."})
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "a .sav, .zsav, .dta or .csv file")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--header-only",
            description = "read only the dictionary: the case count is the header's and the data is not checked")
    boolean headerOnly;

    enum OutputFormat { text, json }

    @Override
    public Integer call() {
        try (CaseReader r = SurveyFiles.open(file)) {
            long declared = r.dictionary().rows();
            long rows = declared;
            boolean counted = false;
            if (!headerOnly || declared < 0) {
                r.select(new int[0]);
                rows = 0;
                while (r.next()) {
                    rows++;
                }
                counted = true;
            }
            boolean checked = !headerOnly;
            List<String> warnings = r.warnings().stream().map(ReadWarning::toString).toList();
            String text;
            if (format == OutputFormat.json) {
                ObjectNode root = DictionaryReport.json(r.dictionary(), rows);
                root.put("checked", checked ? "data" : "header");
                if (declared >= 0) {
                    root.put("declaredRows", declared);
                } else {
                    root.putNull("declaredRows");
                }
                ArrayNode w = root.putArray("warnings");
                warnings.forEach(w::add);
                text = Json.write(root);
            } else {
                String dict = DictionaryReport.text(r.dictionary(), rows);
                int eol = dict.indexOf('\n') + 1;
                StringBuilder sb = new StringBuilder(dict.substring(0, eol));
                if (checked) {
                    sb.append("  data checked: ").append(rows).append(rows == 1 ? " case" : " cases").append(" read");
                    if (declared >= 0 && declared != rows) {
                        sb.append(" (the header declares ").append(declared).append(')');
                    } else if (declared < 0) {
                        sb.append(" (the header does not declare a count)");
                    }
                    sb.append('\n');
                } else if (counted) {
                    sb.append("  header only: the header declares no case count; the cases were counted, "
                            + "their values not checked\n");
                } else {
                    sb.append("  header only: the case count is the header's; the data was not read "
                            + "(inspect without --header-only checks it)\n");
                }
                sb.append(dict.substring(eol));
                for (String w : warnings) {
                    sb.append("warning: ").append(w).append('\n');
                }
                text = sb.toString();
            }
            Output.write(null, text);
            Warnings.print(warnings);
        }
        return 0;
    }
}
