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
import org.pluralstats.run.FormsComparison;
import org.pluralstats.run.TableCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats forms --group NAME=FILE … [--codebook FILE] [--keep-duplicates] [--format md|csv|json]
 * [--out FILE] [--check-table FILE.csv] [--share ITEM=OPTION] [--table NAME]}: one table of
 * {@link FormsComparison} (or the {@link TableCheck}) through the generic writers, as the report shows it.
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

    @Option(names = "--table", paramLabel = "NAME", description = "the table printed: table1, rows, means, shares, "
            + "tests, or check (the --check-table result); default: check with --check-table, else table1")
    String table;

    @Override
    public Integer call() throws IOException {
        FormsComparison report = FormsComparison.of(read(groups, codebook, keepDuplicates), share);
        String name = table != null ? table : checkTable != null ? "check" : "table1";
        if (name.equals("check") && checkTable == null) {
            throw new PluralstatsException("--table check needs --check-table FILE.csv");
        }
        Warnings.print(report.warnings());
        Output.write(out, Output.table(name.equals("check") ? TableCheck.check(checkTable, report).table()
                : report.table(name), format));
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
