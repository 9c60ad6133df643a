package org.pluralstats.io.sidefile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.FileErrors;
import org.pluralstats.io.InputFiles;
import org.pluralstats.io.JsonInput;
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
}
