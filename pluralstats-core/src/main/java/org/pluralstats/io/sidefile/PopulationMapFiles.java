package org.pluralstats.io.sidefile;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.FileErrors;
import org.pluralstats.io.InputFiles;
import org.pluralstats.io.json.JsonInput;
import org.pluralstats.io.TextFiles;
import org.pluralstats.weight.PopulationSpec;

/** Reads population mapping files: which values of a column make up which population ({@link PopulationSpec#mapped}). */
public final class PopulationMapFiles {
    private PopulationMapFiles() {
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
    public static PopulationSpec read(Path file, Optional<String> column) {
        String name = file.toString();
        Map<String, String> map = new LinkedHashMap<>();
        String col = column.orElse(null);
        InputFiles.requireRegular(file);
        try {
            // read whole up to TextFiles.MAX_BYTES, strictly UTF-8 (new String(bytes, UTF_8) replaced bad bytes)
            String text = TextFiles.readUtf8(file).strip();
            if (text.startsWith("{")) {
                MapJson m = JsonInput.bind(name, text, MapJson.class);
                col = m.column() != null ? m.column() : col;
                if (m.populations() != null) {
                    m.populations().forEach((v, pop) -> map.put(v, (String) pop));
                } else {
                    m.groups().forEach((pop, values) -> values.forEach(v -> {
                        if (map.put(String.valueOf(v), pop) != null) {
                            throw SurveyFormatException.in(name).column("groups." + pop).problem("value \""
                                    + v + "\" is mapped to two populations").build();
                        }
                    }));
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
            throw SurveyFormatException.in(name).problem("cannot read: " + FileErrors.reason(e)).cause(e).build();
        }
        if (col == null || col.isBlank()) {
            throw SurveyFormatException.in(name).problem("the mapping names no column; give one (--by COLUMN)").build();
        }
        if (map.isEmpty()) {
            throw SurveyFormatException.in(name).problem("maps no values").build();
        }
        return PopulationSpec.mapped(col, map);
    }

    /**
     * The JSON mapping: value → population, or population → values.
     *
     * @param column the column, if the file names it
     * @param populations value → population
     * @param groups population → values (texts or numbers), instead of {@code populations}
     */
    record MapJson(String column, LinkedHashMap<String, Object> populations, LinkedHashMap<String, List<Object>> groups) {
        MapJson {
            if ((populations == null) == (groups == null)) {
                throw new IllegalArgumentException("needs one \"populations\" or \"groups\" object");
            }
            (populations == null ? Map.<String, Object>of() : populations).forEach((k, v) -> {
                if (!(v instanceof String)) {
                    throw new JsonInput.Invalid("populations." + k, "found " + v, "a string");
                }
            });
            (groups == null ? Map.<String, List<Object>>of() : groups).forEach((k, v) -> {
                if (v == null || v.stream().anyMatch(x -> !(x instanceof String || x instanceof Number))) {
                    throw new JsonInput.Invalid("groups." + k, "found " + v, "a list of texts or numbers");
                }
            });
        }
    }
}
