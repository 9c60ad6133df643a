package org.pluralstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.Item;
import org.pluralstats.io.sidefile.ItemCodingFiles;
import org.pluralstats.weight.ItemCoding;
import org.pluralstats.weight.ItemCodings;
import org.pluralstats.weight.PopulationSpec;
import picocli.CommandLine;

/**
 * Survey microdata read for answer distributions ({@code distributions --data}, {@code similarity
 * --human-data}): the population columns of {@code --by} (with {@code country} and {@code language}
 * resolved by the file's conventions), the questions of {@code --items} (or every variable but the
 * population and weight columns) with their user-missing codes, and the data with the weights.
 *
 * @param in the data and weights
 * @param by the population columns
 * @param questions the question ids
 * @param missing question id → its user-missing codes
 */
record Microdata(SurveyInputs.Loaded in, List<String> by, List<String> questions, Map<String, List<String>> missing) {

    static Microdata load(CommandLine cmd, Path data, Path items, List<String> byOption, String weight) {
        return load(cmd, data, items, byOption, weight, List.of());
    }

    static Microdata load(CommandLine cmd, Path data, Path items, List<String> byOption, String weight, List<String> extra) {
        List<String> columns = populationColumns(cmd, data, byOption);
        ItemCodings codings = items == null ? null : ItemCodingFiles.read(items);
        List<String> variables = new ArrayList<>();
        Map<String, List<String>> missing = new LinkedHashMap<>();
        if (codings != null) {
            for (ItemCoding c : codings.items()) {
                variables.add(c.id());
                missing.put(c.id(), c.missing());
            }
            for (String c : columns) {
                if (!c.equalsIgnoreCase(PopulationSpec.GLOBAL)) {
                    variables.add(c);
                }
            }
            variables.addAll(extra);
        }
        SurveyInputs.Loaded in = SurveyInputs.load(data, variables, Optional.ofNullable(weight),
                SurveyInputs.itemsOrColumns(codings, items, extra));
        List<String> questions = new ArrayList<>();
        if (codings != null) {
            codings.items().forEach(c -> questions.add(c.id()));
        } else {
            List<String> skip = new ArrayList<>(columns);
            skip.addAll(in.weight().columns());
            skip.addAll(extra);
            for (Item item : in.data().items()) {
                if (skip.stream().noneMatch(s -> s.equalsIgnoreCase(item.id()))) {
                    questions.add(item.id());
                }
            }
        }
        if (questions.isEmpty()) {
            throw new PluralstatsException(data + ": no questions to tabulate");
        }
        return new Microdata(in, columns, questions, missing);
    }

    /** The {@code --by} columns with {@code language} and {@code country} resolved by the file's WVS/EVS conventions. */
    private static List<String> populationColumns(CommandLine cmd, Path data, List<String> by) {
        List<String> out = new ArrayList<>();
        for (String b : by) {
            String c = b.trim();
            if (c.isEmpty()) {
                throw new CommandLine.ParameterException(cmd, "--by has an empty column name");
            }
            out.add(DesignOptions.populationColumn(data, c));
        }
        if (out.size() > 1 && out.stream().anyMatch(c -> c.equalsIgnoreCase(PopulationSpec.GLOBAL))) {
            throw new CommandLine.ParameterException(cmd, "--by global cannot be intersected with columns");
        }
        if (out.stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().count() < out.size()) {
            throw new CommandLine.ParameterException(cmd, "--by names a column twice");
        }
        return out;
    }
}
