package org.pluralstats.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.report.DictionaryReport;
import org.pluralstats.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pluralstats inspect FILE [--format text|json]}: a data file's dictionary and case count. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a data file's format, case count, variables, labels and missing values.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "a .sav, .zsav, .dta or .csv file")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    enum OutputFormat { text, json }

    @Override
    public Integer call() {
        try (CaseReader r = SurveyFiles.open(file)) {
            long rows = r.dictionary().rows();
            if (rows < 0) {
                r.select(new int[0]);
                rows = 0;
                while (r.next()) {
                    rows++;
                }
            }
            System.out.print(format == OutputFormat.json ? Json.write(DictionaryReport.json(r.dictionary(), rows))
                    : DictionaryReport.text(r.dictionary(), rows));
        }
        return 0;
    }
}
