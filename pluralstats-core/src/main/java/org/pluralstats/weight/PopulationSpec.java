package org.pluralstats.weight;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.SurveyData;

/**
 * Which populations scores are computed for: every respondent ({@link #global()}), the respondents
 * sharing a value of a column ({@link #by(String)}: country, interview language, a Google Forms
 * {@code group}, any variable), or values of a column mapped onto populations ({@link #mapped}: e.g.
 * countries onto their main language). Respondents whose column is missing, or whose value is not
 * mapped, belong to no population. A mapping file is read by {@code io.sidefile.PopulationMapFiles}.
 */
public sealed interface PopulationSpec {

    /** The name of the single population of {@link #global()}. */
    String GLOBAL = "global";

    /** @return every respondent, as one population named {@code global} */
    static PopulationSpec global() {
        return new Global();
    }

    /**
     * @param column a column name, case-insensitive
     * @return one population per value of the column, in order of first appearance
     */
    static PopulationSpec by(String column) {
        return new ByColumn(column);
    }

    /**
     * @param column a column name, case-insensitive
     * @param valueToPopulation each column value's population; unmapped values are left out
     * @return one population per mapped name, in order of first appearance in the data
     */
    static PopulationSpec mapped(String column, Map<String, String> valueToPopulation) {
        return new Mapped(column, valueToPopulation);
    }

    /**
     * @param text {@code global} (any case) or a column name
     * @return the spec
     */
    static PopulationSpec parse(String text) {
        return text.trim().equalsIgnoreCase(GLOBAL) ? global() : by(text.trim());
    }

    /**
     * @param data the data
     * @return population name → its rows (ascending), in order of first appearance
     * @throws PluralstatsException for a column not in the data (naming the closest)
     */
    Map<String, int[]> groups(SurveyData data);

    /** @return a short description, e.g. {@code B_COUNTRY_ALPHA} or {@code global} */
    String describe();

    /** @return the column that defines the populations, if any */
    Optional<String> column();

    /** Every respondent. */
    record Global() implements PopulationSpec {
        @Override
        public Map<String, int[]> groups(SurveyData data) {
            int[] all = new int[data.rows()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return Map.of(GLOBAL, all);
        }

        @Override
        public String describe() {
            return GLOBAL;
        }

        @Override
        public Optional<String> column() {
            return Optional.empty();
        }
    }

    /**
     * One population per value of a column.
     *
     * @param name the column name
     */
    record ByColumn(String name) implements PopulationSpec {
        @Override
        public Map<String, int[]> groups(SurveyData data) {
            return data.groupRows(name);
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public Optional<String> column() {
            return Optional.of(name);
        }
    }

    /**
     * Values of a column mapped onto populations.
     *
     * @param name the column name
     * @param valueToPopulation value → population name
     */
    record Mapped(String name, Map<String, String> valueToPopulation) implements PopulationSpec {
        /** Copies the map. */
        public Mapped {
            valueToPopulation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(valueToPopulation));
        }

        @Override
        public Map<String, int[]> groups(SurveyData data) {
            Map<String, int[]> byValue = data.groupRows(name);
            Map<String, String> folded = new LinkedHashMap<>();
            valueToPopulation.forEach((k, v) -> folded.put(k.toLowerCase(Locale.ROOT), v));
            Map<String, List<int[]>> parts = new LinkedHashMap<>();
            byValue.forEach((value, rows) -> {
                String pop = valueToPopulation.getOrDefault(value, folded.get(value.toLowerCase(Locale.ROOT)));
                if (pop != null) {
                    parts.computeIfAbsent(pop, p -> new java.util.ArrayList<>()).add(rows);
                }
            });
            Map<String, int[]> out = new LinkedHashMap<>();
            parts.forEach((pop, list) -> out.put(pop, RowSets.mergeSorted(list)));
            return out;
        }

        @Override
        public String describe() {
            return name + " mapped";
        }

        @Override
        public Optional<String> column() {
            return Optional.of(name);
        }
    }
}
