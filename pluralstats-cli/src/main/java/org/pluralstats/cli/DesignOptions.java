package org.pluralstats.cli;

import org.pluralstats.io.sidefile.PopulationMapFiles;
import org.pluralstats.io.sidefile.ItemCodingFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pluralstats.PluralstatsException;
import org.pluralstats.weight.AutomaticRule;
import org.pluralstats.weight.Binarisation;
import org.pluralstats.weight.ItemCoding;
import org.pluralstats.weight.ItemCodings;
import org.pluralstats.weight.InvalidWeights;
import org.pluralstats.weight.PolarityDesign;
import org.pluralstats.weight.PopulationSpec;
import org.pluralstats.weight.StreamingScores;
import org.pluralstats.weight.WeightSpec;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.io.wvs.WvsConventions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options that define a {@link PolarityDesign}: data, binarisation, populations, weights. */
final class DesignOptions {
    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "survey data: .csv (WVS/EVS or any delimited file), .sav, .zsav, .dta")
    Path data;

    @Option(names = "--items", paramLabel = "ITEMS.json",
            description = "items and their positive codes: {\"items\":[{\"id\":\"Q184\",\"positive\":[6,7,8,9,10]}]}")
    Path items;

    @Option(names = "--rule", paramLabel = "RULE",
            description = "automatic binarisation: paper (the released code's rule) or scale (above a declared scale's midpoint);"
                    + " with --items, used for items listed without positive codes")
    String rule;

    @Option(names = "--by", required = true, paramLabel = "COLUMN|global",
            description = "populations: a column (country, interview language, group, any variable) or global;"
                    + " vps takes it several times to score several groupings in one read")
    List<String> by;

    @Option(names = "--map", paramLabel = "FILE",
            description = "map the --by column's values onto populations (JSON {\"populations\":{value:name}} or CSV value,population)")
    Path map;

    @Option(names = "--weight", paramLabel = "EXPR|none",
            description = "weight: a column, a product (W_WEIGHT*S018) or none; default: the file's convention (W_WEIGHT; gwght*pwght), else none")
    String weight;

    @Option(names = "--exclude-invalid-weights",
            description = "leave out respondents whose weight is negative, zero or missing (counted in the output) instead of stopping")
    boolean excludeInvalidWeights;

    /**
     * @param spec the command, for usage errors
     * @return the design, read from the data file
     */
    PolarityDesign design(CommandLine.Model.CommandSpec spec) {
        return design(spec, List.of());
    }

    /**
     * @param spec the command, for usage errors
     * @param extra further columns to read (a survey design's clusters, strata, fpc)
     * @return the design, read from the data file
     */
    PolarityDesign design(CommandLine.Model.CommandSpec spec, List<String> extra) {
        if (this.by.size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give one --by, not " + this.by.size());
        }
        String by = populationColumn(data, this.by.get(0));
        ItemCodings codings = items == null ? null : ItemCodingFiles.read(items);
        Binarisation b = binarisation(spec, codings);
        PopulationSpec populations;
        if (map != null) {
            if (by.equalsIgnoreCase(PopulationSpec.GLOBAL)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--map needs --by COLUMN, not global");
            }
            populations = PopulationMapFiles.read(map, Optional.of(by));
        } else {
            populations = PopulationSpec.parse(by);
        }
        List<String> variables = new ArrayList<>();
        if (codings != null) {
            for (ItemCoding c : codings.items()) {
                variables.add(c.id());
            }
            populations.column().ifPresent(variables::add);
            variables.addAll(extra);
        }
        SurveyInputs.Loaded in = SurveyInputs.load(data, variables, Optional.ofNullable(weight),
                SurveyInputs.itemsOrColumns(codings, items, extra));
        if (b.items().isEmpty() && in.data().items().isEmpty()) {
            throw new PluralstatsException(data + ": no items to score");
        }
        return PolarityDesign.builder(in.data())
                .binarisation(b)
                .populations(populations)
                .weight(in.weight())
                .invalidWeights(excludeInvalidWeights ? InvalidWeights.EXCLUDE : InvalidWeights.FAIL)
                .build();
    }

    /**
     * @param spec the command, for usage errors
     * @param codings the items file's codings, or null
     * @return the binarisation the options name
     */
    Binarisation binarisation(CommandLine.Model.CommandSpec spec, ItemCodings codings) {
        if (items == null && rule == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --items ITEMS.json or --rule paper");
        }
        Optional<AutomaticRule> automatic = Optional.ofNullable(rule).map(r -> switch (r.toLowerCase(java.util.Locale.ROOT)) {
            case "paper" -> AutomaticRule.PAPER;
            case "scale", "scale-midpoint" -> AutomaticRule.SCALE_MIDPOINT;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown --rule " + r + "; expected paper or scale");
        });
        return codings != null ? automatic.map(codings::binarisation).orElseGet(codings::binarisation)
                : Binarisation.of(automatic.get());
    }

    /**
     * @param spec the command, for usage errors
     * @return the one-pass scorer of {@code vps}: every {@code --by} (mapped by {@code --map} when there is one)
     */
    StreamingScores streaming(CommandLine.Model.CommandSpec spec) {
        Binarisation b = binarisation(spec, items == null ? null : ItemCodingFiles.read(items));
        if (map != null && by.size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--map maps the values of one --by column, not "
                    + by.size());
        }
        List<PopulationSpec> groupings = new ArrayList<>();
        for (String g : by) {
            String column = populationColumn(data, g);
            if (map == null) {
                groupings.add(PopulationSpec.parse(column));
            } else if (column.equalsIgnoreCase(PopulationSpec.GLOBAL)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--map needs --by COLUMN, not global");
            } else {
                groupings.add(PopulationMapFiles.read(map, Optional.of(column)));
            }
        }
        return StreamingScores.of(b, groupings, weight == null ? WeightSpec.design() : WeightSpec.parse(weight),
                excludeInvalidWeights ? InvalidWeights.EXCLUDE : InvalidWeights.FAIL);
    }

    /**
     * Resolves a {@code --by} column: {@code language} and {@code country} through the file's WVS/EVS
     * conventions; for an interview-language column, says on standard error which column the populations
     * come from (issue 10, item 11).
     *
     * @param data the data file
     * @param by the column as given
     * @return the column to group by
     */
    static String populationColumn(Path data, String by) {
        boolean alias = by.equalsIgnoreCase(WvsConventions.LANGUAGE) || by.equalsIgnoreCase(WvsConventions.COUNTRY);
        if (!alias && !WvsConventions.isLanguageColumn(by)) {
            return by;
        }
        // the dictionary only: a delimited file is typed from its first rows, not scanned whole
        try (CaseReader r = SurveyFiles.detect(data) == org.pluralstats.io.FileFormat.CSV
                ? org.pluralstats.io.csv.CsvReader.openSampled(data, java.util.Set.of()) : SurveyFiles.open(data)) {
            FileDictionary dict = r.dictionary();
            String column = WvsConventions.populationColumn(dict, by);
            WvsConventions conv = WvsConventions.detect(dict);
            if (conv.languageVariable().filter(column::equalsIgnoreCase).isPresent()) {
                conv.languageNote(dict).ifPresent(n -> System.err.println("pluralstats: note: populations by " + n));
            } else if (WvsConventions.isLanguageColumn(column)) {
                conv.languageNote(dict).ifPresent(n -> System.err.println("pluralstats: note: --by " + column
                        + " is not the file's interview-language column; " + n + " (--by language)"));
            }
            return column;
        }
    }

    static void reportExclusions(PolarityDesign d) {
        reportExclusions(d.excludedTotal(), d.weight().expression(), d.exclusionReasons());
    }

    static void reportExclusions(int total, String weight, java.util.Map<String, Integer> reasons) {
        if (total > 0) {
            System.err.println("pluralstats: excluded " + total + " respondents with invalid weights (" + weight + "): "
                    + org.pluralstats.report.Counts.describe(reasons));
        }
    }
}
