package org.pluralstats.io.sidefile;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.InputFiles;
import org.pluralstats.io.json.JsonInput;
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
        if (text.startsWith("[")) {
            return new Parsed(margins(List.of(JsonInput.bind(name, text, MarginJson[].class))), false);
        }
        MarginsJson m = JsonInput.bind(name, text, MarginsJson.class);
        return new Parsed(margins(m.margins()), m.targets().equals("proportions"));
    }

    private static List<Margin> margins(List<MarginJson> list) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no margins");
        }
        return list.stream().map(j -> new Margin(j.variable() != null ? List.of(j.variable()) : j.variables(), j.targets()))
                .toList();
    }

    /**
     * The JSON file: the margins, and whether their targets are totals (the default) or proportions.
     *
     * @param margins the margins
     * @param targets {@code totals} or {@code proportions}
     * @param description free text
     */
    record MarginsJson(List<MarginJson> margins, String targets, String description) {
        MarginsJson {
            if (margins == null) {
                throw new JsonInput.Invalid("margins", "no margins", "{\"margins\":[{\"variable\":...,\"targets\":{...}}]}");
            }
            targets = targets == null ? "totals" : targets;
            if (!targets.equals("totals") && !targets.equals("proportions")) {
                throw new JsonInput.Invalid("targets", "found " + targets, "\"totals\" or \"proportions\"");
            }
        }
    }

    /**
     * One margin: one variable or several (cross-classified), and level → target.
     *
     * @param variable the variable
     * @param variables the variables, instead of {@code variable}
     * @param targets level → target, in file order
     */
    record MarginJson(String variable, List<String> variables, LinkedHashMap<String, Double> targets) {
        MarginJson {
            if ((variable == null) == (variables == null || variables.isEmpty()) || targets == null) {
                throw new IllegalArgumentException("needs \"variable\" (or \"variables\") and a \"targets\" object");
            }
            if (variables != null && variables.contains(null) || targets.containsValue(null)) {
                throw new IllegalArgumentException("a variable or target is null");
            }
        }
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
