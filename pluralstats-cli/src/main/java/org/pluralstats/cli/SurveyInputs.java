package org.pluralstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pluralstats.PluralstatsException;
import org.pluralstats.Progress;
import org.pluralstats.data.EditDistance;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.ReadOptions;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.io.wvs.WvsConventions;
import org.pluralstats.weight.ItemCodings;
import org.pluralstats.weight.WeightSpec;

/**
 * How the weighting commands read {@code --data}: one open of the file, its conventions detected from
 * the dictionary, and only the variables the command needs read.
 *
 * <p><b>Extension point — Google Forms exports.</b> {@link #load} reads every format
 * {@link SurveyFiles#open(Path)} recognises (CSV today; SPSS and Stata when their readers are merged).
 * A Google Forms export (a CSV whose header holds the form's questions, plus a codebook) should be
 * recognised at the marked place in {@link #load} and read by the {@code io.forms} reader into
 * {@link SurveyData} with its {@code group} attribute and SCALE/CHOICE items; everything downstream
 * (binarisation, populations {@code --by group}, weights {@code none} by default) already works on
 * any {@code SurveyData}.
 */
final class SurveyInputs {
    private SurveyInputs() {
    }

    /**
     * A data file read for a command, with the weight the command should use.
     *
     * @param data the data
     * @param weight the weight spec: {@code --weight}, else the convention's default (W_WEIGHT, gwght*pwght), else none
     * @param wvs whether WVS/EVS conventions were recognised
     */
    record Loaded(SurveyData data, WeightSpec weight, boolean wvs) {
    }

    /**
     * What a variable of an item-scoring command is, for {@link #load}'s messages: an item of the items file,
     * a survey design's column, else a population column.
     *
     * @param codings the items file's codings, or {@code null} without one
     * @param items the items file, or {@code null}
     * @param designColumns the design's columns (clusters, strata, fpc)
     * @return the {@code what} of {@link #load}
     */
    static java.util.function.Function<String, String> itemsOrColumns(ItemCodings codings, Path items,
                                                                        List<String> designColumns) {
        String source = items == null ? "" : items.toString();
        return v -> codings != null && codings.items().stream().anyMatch(c -> c.id().equalsIgnoreCase(v))
                ? "item %s (from " + source + ")" : designColumns.stream().anyMatch(e -> e.equalsIgnoreCase(v))
                ? "design column %s" : "population column %s";
    }

    /**
     * @param file the data file
     * @param variables the variables the command needs (case-insensitive); empty: all
     * @param weightExpression {@code --weight}, if given
     * @param what what each variable is, for messages, with {@code %s} standing for its name
     *     ({@code "item %s (from items.json)"}, {@code "margin variable %s"})
     * @return the data and its weight spec
     */
    static Loaded load(Path file, List<String> variables, Optional<String> weightExpression,
                       java.util.function.Function<String, String> what) {
        // Extension point: recognise a Google Forms export here and return its SurveyData (io.forms).
        try (CaseReader reader = SurveyFiles.open(file, Progress.terminal())) {
            FileDictionary dict = reader.dictionary();
            WvsConventions conv = WvsConventions.detect(dict);
            WeightSpec weight = weightExpression.map(WeightSpec::parse)
                    .orElseGet(() -> WeightSpec.product(conv.defaultWeight()));
            Set<String> wanted = new LinkedHashSet<>();
            if (!variables.isEmpty()) {
                for (String v : variables) {
                    if (dict.find(v).isEmpty()) {
                        throw new PluralstatsException(file + ": " + what.apply(v).replace("%s", "\"" + v + "\"")
                                + " is not in the file; closest: "
                                + String.join(", ", EditDistance.closest(v, dict.names(), 5)));
                    }
                    wanted.add(v);
                }
                for (String w : weight.columns()) {
                    if (dict.find(w).isEmpty()) {
                        throw new PluralstatsException(file + ": weight variable \"" + w + "\" is not in the file; closest: "
                                + String.join(", ", EditDistance.closest(w, dict.names(), 5)));
                    }
                    wanted.add(w);
                }
            }
            ReadOptions options = ReadOptions.builder().variables(new ArrayList<>(dedupe(wanted))).weight().build();
            SurveyData data = SurveyFiles.read(reader, options);
            Warnings.print(data.warnings());
            return new Loaded(data, weight, conv.applies());
        }
    }

    private static List<String> dedupe(Set<String> names) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (seen.add(n.toLowerCase(Locale.ROOT))) {
                out.add(n);
            }
        }
        return out;
    }
}
