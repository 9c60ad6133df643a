package org.pluralstats.weight;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.io.InputFiles;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.JsonInput;
import org.pluralstats.data.SurveyData;

/**
 * Which populations scores are computed for: every respondent ({@link #global()}), the respondents
 * sharing a value of a column ({@link #by(String)}: country, interview language, a Google Forms
 * {@code group}, any variable), or values of a column mapped onto populations ({@link #mapped}: e.g.
 * countries onto their main language). Respondents whose column is missing, or whose value is not
 * mapped, belong to no population.
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
     * Reads a mapping file: JSON {@code {"column":"B_COUNTRY_ALPHA","populations":{"DNK":"da","GBR":"en"}}}
     * (value → population) or {@code {"column":..., "groups":{"en":["GBR","USA"]}}} (population →
     * values); or CSV with a header and two columns, value then population. The column may be omitted
     * from the file and given as {@code column}.
     *
     * @param file the mapping file
     * @param column the column when the file does not name one (may be empty)
     * @return the mapped spec
     */
    static PopulationSpec readMapping(Path file, Optional<String> column) {
        String name = file.toString();
        Map<String, String> map = new LinkedHashMap<>();
        String col = column.orElse(null);
        InputFiles.requireRegular(file);
        try {
            // read whole up to TextFiles.MAX_BYTES, strictly UTF-8 (new String(bytes, UTF_8) replaced bad bytes)
            String text = org.pluralstats.io.TextFiles.readUtf8(file).strip();
            if (text.startsWith("{")) {
                JsonNode root = JsonInput.readTree(name, text);
                if (root.hasNonNull("column")) {
                    col = JsonInput.text(name, root.get("column"), "column");
                }
                if (root.path("populations").isObject()) {
                    Iterator<Map.Entry<String, JsonNode>> it = root.get("populations").fields();
                    while (it.hasNext()) {
                        Map.Entry<String, JsonNode> e = it.next();
                        map.put(e.getKey(), JsonInput.text(name, e.getValue(), "populations." + e.getKey()));
                    }
                } else if (root.path("groups").isObject()) {
                    Iterator<Map.Entry<String, JsonNode>> it = root.get("groups").fields();
                    while (it.hasNext()) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (!e.getValue().isArray()) {
                            throw SurveyFormatException.in(name).column("groups." + e.getKey())
                                    .found(e.getValue().toString()).expected("a list of values").build();
                        }
                        for (JsonNode v : e.getValue()) {
                            String value = v.isNumber() ? v.asText() : JsonInput.text(name, v, "groups." + e.getKey());
                            if (map.put(value, e.getKey()) != null) {
                                throw SurveyFormatException.in(name).column("groups." + e.getKey()).problem("value \""
                                        + value + "\" is mapped to two populations").build();
                            }
                        }
                    }
                } else {
                    throw SurveyFormatException.in(name).problem("no \"populations\" or \"groups\" object").build();
                }
            } else {
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    int line = 1;
                    for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                        line++;
                        if (rec.size() < 2) {
                            throw SurveyFormatException.in(name).line(line).problem("needs two fields: value,population").build();
                        }
                        map.put(rec.get(0).trim(), rec.get(1).trim());
                    }
                }
            }
        } catch (IOException e) {
            throw SurveyFormatException.in(name).problem("cannot read: " + org.pluralstats.io.FileErrors.reason(e)).cause(e).build();
        }
        if (col == null || col.isBlank()) {
            throw SurveyFormatException.in(name).problem("the mapping names no column; give one (--by COLUMN)").build();
        }
        if (map.isEmpty()) {
            throw SurveyFormatException.in(name).problem("maps no values").build();
        }
        return mapped(col, map);
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
