package org.pluralstats.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pluralstats.PluralstatsException;
import org.pluralstats.io.forms.Codebook;
import org.pluralstats.io.forms.FormsReadOptions;
import org.pluralstats.io.forms.FormsSurvey;
import org.pluralstats.io.forms.GoogleFormsReader;
import org.pluralstats.report.FormsReport;
import org.pluralstats.report.Json;
import org.pluralstats.report.TableCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats forms --group NAME=FILE … [--codebook FILE] [--keep-duplicates] [--format md|csv|json]
 * [--out FILE] [--check-table FILE.csv] [--share ITEM=OPTION]}.
 */
@Command(name = "forms", mixinStandardHelpOptions = true,
        description = "Compare groups of a multilingual Google Forms survey (one CSV export per group).")
final class FormsCommand implements Callable<Integer> {
    @Option(names = "--group", required = true, paramLabel = "NAME=FILE",
            description = "a group and its export; repeat per group, in table order")
    List<String> groups;

    @Option(names = "--codebook", description = "JSON codebook mapping each language's headers and options (docs/codebook.md)")
    Path codebook;

    @Option(names = "--keep-duplicates", description = "keep duplicate submissions (default: excluded and counted)")
    boolean keepDuplicates;

    @Option(names = "--format", defaultValue = "md", description = "md, csv or json (default: ${DEFAULT-VALUE})")
    Output.Format format;

    @Option(names = "--out", description = "write to this file instead of standard output")
    Path out;

    @Option(names = "--check-table", paramLabel = "FILE.csv",
            description = "check a reported table (columns group,item,mean) with GRIM and against the data")
    Path checkTable;

    @Option(names = "--share", paramLabel = "ITEM=OPTION",
            description = "the option whose %% a choice item's table column shows (default: the second of two)")
    Map<String, String> share = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        FormsSurvey survey = read(groups, codebook, keepDuplicates);
        FormsReport report = FormsReport.of(survey, share);
        List<TableCheck.Cell> checks = checkTable == null ? List.of() : TableCheck.check(checkTable, report);
        String text = switch (format) {
            case md -> report.markdown() + (checkTable == null ? ""
                    : "\n## Reported table checked (" + checkTable.getFileName() + ")\n\n" + TableCheck.markdown(checks));
            case json -> {
                var root = report.json();
                if (checkTable != null) {
                    var arr = root.putArray("tableCheck");
                    for (TableCheck.Cell c : checks) {
                        var o = arr.addObject();
                        o.put("group", c.group());
                        o.put("item", c.item());
                        o.put("reported", c.reported());
                        o.put("n", c.n());
                        o.put("grimApplicable", c.grim().applicable());
                        o.put("grimConsistent", c.grim().consistent());
                        o.put("nearestBelow", c.grim().nearestBelowText());
                        o.put("nearestAbove", c.grim().nearestAboveText());
                        o.put("dataMean", c.computed());
                    }
                }
                yield Json.write(root);
            }
            case csv -> report.csv();
        };
        Output.write(out, text);
        return 0;
    }

    /**
     * Reads the exports named by {@code NAME=FILE} arguments.
     *
     * @param groups the arguments
     * @param codebook a codebook file, or null
     * @param keepDuplicates whether to keep duplicate submissions
     * @return the survey
     */
    static FormsSurvey read(List<String> groups, Path codebook, boolean keepDuplicates) {
        LinkedHashMap<String, Path> files = new LinkedHashMap<>();
        for (String g : groups) {
            int eq = g.indexOf('=');
            if (eq <= 0 || eq == g.length() - 1) {
                throw new PluralstatsException("--group expects NAME=FILE, got \"" + g + "\"");
            }
            if (files.put(g.substring(0, eq), Path.of(g.substring(eq + 1))) != null) {
                throw new PluralstatsException("group \"" + g.substring(0, eq) + "\" is given twice");
            }
        }
        FormsReadOptions.Builder opts = FormsReadOptions.builder().keepDuplicates(keepDuplicates);
        if (codebook != null) {
            opts.codebook(Codebook.read(codebook));
        }
        return GoogleFormsReader.read(files, opts.build());
    }
}
