package org.pluralstats.io.sidefile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.InputFiles;
import org.pluralstats.io.JsonInput;
import org.pluralstats.io.TextFiles;
import org.pluralstats.weight.Margin;

/** Reads raking margins ({@link Margin}) from JSON or CSV. */
public final class MarginFiles {
    private MarginFiles() {
    }

    /**
     * Reads margins from JSON,
     * <pre>{@code
     * {"margins":[{"variable":"B_COUNTRY_ALPHA","targets":{"DNK":50,"NLD":70}},
     *             {"variables":["B_COUNTRY_ALPHA","SEX"],"targets":{"DNK:1":27.5,"DNK:2":22.5}}],
     *  "targets":"totals"}
     * }</pre>
     * ({@code "targets":"proportions"} marks shares of the total weight: see {@link #proportions(Path)}),
     * or from CSV with the header {@code variable,level,target} (a cross-classified margin as
     * {@code A:B} with levels {@code a:b}).
     *
     * @param file the margins file
     * @return the margins in file order
     */
    public static List<Margin> read(Path file) {
        return parse(file).margins;
    }

    /**
     * @param file a margins file
     * @return whether it declares its targets as proportions ({@code "targets":"proportions"}, JSON only)
     */
    public static boolean proportions(Path file) {
        return parse(file).proportions;
    }

    private record Parsed(List<Margin> margins, boolean proportions) {
    }

    private static Parsed parse(Path file) {
        String name = file.toString();
        String text;
        InputFiles.requireRegular(file);
        text = TextFiles.readUtf8(file).strip(); // at most TextFiles.MAX_BYTES
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            return text.startsWith("{") || text.startsWith("[") ? json(name, text) : new Parsed(csv(name, text), false);
        } catch (IllegalArgumentException e) {
            throw SurveyFormatException.in(name).problem(e.getMessage()).build();
        }
    }

    private static Parsed json(String name, String text) {
        JsonNode root = JsonInput.readTree(name, text);
        JsonNode list = root.isArray() ? root : root.path("margins");
        if (!list.isArray() || list.isEmpty()) {
            throw SurveyFormatException.in(name).problem("no margins").expected("{\"margins\":[{\"variable\":...,\"targets\":{...}}]}").build();
        }
        String kind = root.isObject() ? JsonInput.text(name, root, "targets", "targets").orElse("totals") : "totals";
        if (!kind.equals("totals") && !kind.equals("proportions")) {
            throw SurveyFormatException.in(name).column("targets").found(kind).expected("\"totals\" or \"proportions\"")
                    .build();
        }
        boolean proportions = kind.equals("proportions");
        List<Margin> out = new ArrayList<>();
        int k = 0;
        for (JsonNode m : list) {
            k++;
            List<String> vars = new ArrayList<>();
            if (m.path("variable").isTextual()) {
                vars.add(m.get("variable").asText());
            } else if (m.path("variables").isArray()) {
                int kk = k;
                m.get("variables").forEach(v -> vars.add(JsonInput.text(name, v, "margins[" + kk + "].variables")));
            }
            if (vars.isEmpty() || !m.path("targets").isObject()) {
                throw SurveyFormatException.in(name).record("margins[" + k + "]")
                        .problem("needs \"variable\" (or \"variables\") and a \"targets\" object").build();
            }
            Map<String, Double> targets = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = m.get("targets").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNumber() || !Double.isFinite(e.getValue().asDouble())) {
                    throw SurveyFormatException.in(name).record("margins[" + k + "]").column(e.getKey())
                            .found(e.getValue().toString()).expected("a finite number").build();
                }
                targets.put(e.getKey(), e.getValue().asDouble());
            }
            out.add(new Margin(vars, targets));
        }
        return new Parsed(out, proportions);
    }

    private static List<Margin> csv(String name, String text) {
        Map<String, Map<String, Double>> byVar = new LinkedHashMap<>();
        try (Reader r = new StringReader(text)) {
            int line = 1;
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                line++;
                if (!rec.isMapped("variable") || !rec.isMapped("level") || !rec.isMapped("target")) {
                    throw SurveyFormatException.in(name).line(1).problem("the header is not variable,level,target").build();
                }
                for (String f : List.of("variable", "level")) {
                    if (rec.get(f).isBlank() || f.equals("variable")
                            && List.of(rec.get(f).trim().split(Margin.SEPARATOR, -1)).stream().anyMatch(String::isBlank)) {
                        throw SurveyFormatException.in(name).line(line).column(f).found(rec.get(f))
                                .expected("a " + f + " name").build();
                    }
                }
                double t;
                try {
                    t = Double.parseDouble(rec.get("target").trim());
                    if (!Double.isFinite(t)) {
                        throw new NumberFormatException("not finite");
                    }
                } catch (NumberFormatException e) {
                    throw SurveyFormatException.in(name).line(line).column("target").found(rec.get("target"))
                            .expected("a number").build();
                }
                if (byVar.computeIfAbsent(rec.get("variable").trim(), v -> new LinkedHashMap<>())
                        .put(rec.get("level").trim(), t) != null) {
                    throw SurveyFormatException.in(name).line(line).problem("level " + rec.get("level") + " of "
                            + rec.get("variable") + " is given twice").build();
                }
            }
        } catch (IOException | IllegalStateException e) {
            throw SurveyFormatException.in(name).problem("not a margins CSV: " + e.getMessage()).cause(e).build();
        }
        if (byVar.isEmpty()) {
            throw SurveyFormatException.in(name).problem("no margins").build();
        }
        List<Margin> out = new ArrayList<>();
        byVar.forEach((v, t) -> out.add(new Margin(List.of(v.split(Margin.SEPARATOR, -1)), t)));
        return out;
    }
}
