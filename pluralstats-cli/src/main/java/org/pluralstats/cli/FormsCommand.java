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
import org.pluralstats.design.DesignSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats forms --group NAME=FILE … [--codebook FILE] [--keep-duplicates] [--format md|csv|json]
 * [--out FILE] [--check-table FILE.csv] [--share ITEM=OPTION] [--table NAME] [--weight COLUMN [--psu C] [--strata S]
 * [--fpc F] [--nest] [--lonely-psu RULE]]}: one table of
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
            + "tests, design (with --weight), or check (the --check-table result); default: check with --check-table, "
            + "else table1")
    String table;

    @Option(names = "--weight", paramLabel = "COLUMN", description = "a sampling-weight column present in every export: "
            + "adds the design-based estimates (--table design), each group a separate design")
    String weight;

    @CommandLine.Mixin
    SurveyDesignOptions surveyDesign;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        DesignSpec design = DesignSpec.simple();
        List<String> textColumns = List.of();
        List<String> numericColumns = List.of();
        if (!surveyDesign.repweights.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "forms takes a Taylor design (--weight, --psu, "
                    + "--strata, --fpc); --repweights is not supported here");
        }
        if (surveyDesign.domain) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the groups of forms are separate samples, each "
                    + "its own design; --domain does not apply");
        }
        design = surveyDesign.spec(spec.commandLine());
        if (weight == null && !design.isSimple()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--psu, --strata, --fpc and --nest need --weight");
        }
        if (weight != null) {
            if (weight.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--weight names an empty column");
            }
            List<String> text = new java.util.ArrayList<>(design.psu());
            text.addAll(design.strata());
            textColumns = text.stream().distinct().toList();
            List<String> numbers = new java.util.ArrayList<>(List.of(weight.strip()));
            numbers.addAll(design.fpc());
            numericColumns = numbers.stream().distinct().toList();
        }
        FormsComparison report = FormsComparison.of(read(groups, codebook, keepDuplicates, textColumns, numericColumns),
                share);
        if (weight != null) {
            report = report.withDesign(weight.strip(), design);
        }
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
        return read(groups, codebook, keepDuplicates, List.of(), List.of());
    }

    /**
     * Reads the exports named by {@code NAME=FILE} arguments, some columns as attributes (a design's).
     *
     * @param groups the arguments
     * @param codebook a codebook file, or null
     * @param keepDuplicates whether to keep duplicate submissions
     * @param attributes columns read as text attributes (clusters, strata)
     * @param numericAttributes columns read as numeric attributes (weight, fpc)
     * @return the survey
     */
    static FormsSurvey read(List<String> groups, Path codebook, boolean keepDuplicates, List<String> attributes,
                            List<String> numericAttributes) {
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
        FormsReadOptions.Builder opts = FormsReadOptions.builder().keepDuplicates(keepDuplicates)
                .attributes(attributes).numericAttributes(numericAttributes);
        if (codebook != null) {
            opts.codebook(Codebook.read(codebook));
        }
        return GoogleFormsReader.read(files, opts.build());
    }
}
