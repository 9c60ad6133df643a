package org.pluralstats.cli;

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
            description = "populations: a column (country, interview language, group, any variable) or global")
    String by;

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
        String by = populationColumn();
        ItemCodings codings = items == null ? null : ItemCodings.read(items);
        Binarisation b = binarisation(spec, codings);
        PopulationSpec populations;
        if (map != null) {
            if (by.equalsIgnoreCase(PopulationSpec.GLOBAL)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--map needs --by COLUMN, not global");
            }
            populations = PopulationSpec.readMapping(map, Optional.of(by));
        } else {
            populations = PopulationSpec.parse(by);
        }
        List<String> variables = new ArrayList<>();
        if (codings != null) {
            for (ItemCoding c : codings.items()) {
                variables.add(c.id());
            }
            populations.column().ifPresent(variables::add);
        }
        String source = items == null ? "" : items.toString();
        SurveyInputs.Loaded in = SurveyInputs.load(data, variables, Optional.ofNullable(weight),
                v -> codings != null && codings.items().stream().anyMatch(c -> c.id().equalsIgnoreCase(v))
                        ? "item %s (from " + source + ")" : "population column %s");
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
        return codings != null ? codings.binarisation(automatic)
                : automatic.get() == AutomaticRule.PAPER ? Binarisation.paper() : Binarisation.scaleMidpoint();
    }

    /**
     * @param spec the command, for usage errors
     * @return the one-pass scorer for {@code --stream}
     */
    StreamingScores streaming(CommandLine.Model.CommandSpec spec) {
        if (map != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--stream takes --by COLUMN or global, not --map");
        }
        Binarisation b = binarisation(spec, items == null ? null : ItemCodings.read(items));
        String by = populationColumn();
        Optional<String> column = by.equalsIgnoreCase(PopulationSpec.GLOBAL) ? Optional.empty() : Optional.of(by);
        return StreamingScores.of(b, column, weight == null ? WeightSpec.design() : WeightSpec.parse(weight),
                excludeInvalidWeights ? InvalidWeights.EXCLUDE : InvalidWeights.FAIL);
    }

    /**
     * The {@code --by} column with {@code language} and {@code country} resolved through the file's WVS/EVS
     * conventions; when the populations are interview languages, a note on standard error says which
     * column they come from (in the official Wave 7 file S_INTLANGUAGE is a numeric code, LNGE_ISO the
     * ISO 639 code).
     */
    private String populationColumn() {
        boolean alias = by.equalsIgnoreCase(WvsConventions.LANGUAGE) || by.equalsIgnoreCase(WvsConventions.COUNTRY);
        if (!alias && !WvsConventions.isLanguageColumn(by)) {
            return by;
        }
        try (CaseReader r = SurveyFiles.open(data)) {
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
        if (d.excludedTotal() > 0) {
            System.err.println("pluralstats: excluded " + d.excludedTotal() + " respondents with invalid weights ("
                    + d.weight().expression() + "): " + org.pluralstats.report.WeightReports.describe(d.exclusionReasons()));
        }
    }
}
