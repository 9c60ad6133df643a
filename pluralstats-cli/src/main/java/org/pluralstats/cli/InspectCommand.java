package org.pluralstats.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.ReadWarning;
import org.pluralstats.io.SurveyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pluralstats inspect FILE [--format md|csv|json] [--header-only]}: a data file's dictionary and
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

    @Option(names = "--format", defaultValue = "md", description = "md, csv or json (default: ${DEFAULT-VALUE})")
    Output.Format format;

    @Option(names = "--header-only",
            description = "read only the dictionary: the case count is the header's and the data is not checked")
    boolean headerOnly;

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
            // how the case count was found goes to the terminal beside the warnings; the table is the file's
            String note = !headerOnly ? "data checked: " + rows + (rows == 1 ? " case" : " cases") + " read"
                    + (declared >= 0 && declared != rows ? " (the header declares " + declared + ")"
                    : declared < 0 ? " (the header does not declare a count)" : "")
                    : counted ? "header only: the header declares no case count; the cases were counted, "
                    + "their values not checked"
                    : "header only: the case count is the header's; the data was not read "
                    + "(inspect without --header-only checks it)";
            Output.write(null, Output.table(r.dictionary().withRows(rows).table(), format));
            System.err.println("pluralstats: " + note);
            List<String> warnings = r.warnings().stream().map(ReadWarning::toString).toList();
            Warnings.print(warnings);
        }
        return 0;
    }
}
