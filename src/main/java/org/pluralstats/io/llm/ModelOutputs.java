package org.pluralstats.io.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.io.InputFiles;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.data.Accounting;
import org.pluralstats.io.JsonInput;

/**
 * Model generations read from a file, with the account of every input row: kept, or excluded with a
 * reason. Immutable.
 *
 * <h2>JSONL (one JSON object per line; blank lines ignored), or a JSON array of the same objects (errors
 * then name the entry)</h2>
 * Read strictly ({@link JsonInput}): a second value on a line (two objects, an object followed by
 * other text), anything after the array, and a key given twice in one object are errors naming the
 * line and character.
 * <pre>
 * {"model":"gemma-2-9b-it","family":"gemma","language":"da","item":"F120","generation":3,"labels":["pro","con","null"]}
 * </pre>
 * {@code model}, {@code language}, {@code item} and either {@code labels} (an array of {@code pro},
 * {@code con}, {@code null}, any case; a JSON {@code null} counts as {@code null}) or a precomputed
 * {@code score} in [0, 1] are required; {@code family} and {@code generation} (an integer) are
 * optional. Without {@code generation}, a generation's number is its position (1, 2, …) among the rows
 * of its model × language × item in file order. Each generation is scored by Eq. 2 ({@link StanceCounts#score()}).
 *
 * <h2>CSV (a header, then one row per generation)</h2>
 * Columns as {@link ModelCsvColumns} says; by default the released
 * {@code all_lang_model_responses_with_scores.csv} of seed paper 003 loads as it is.
 *
 * <h2>Accounting and errors</h2>
 * Excluded and counted: a generation with no pro or con label ({@value #NO_STANCE}); a CSV row or JSON
 * object whose score is empty, {@code NaN} or {@code null} ({@value #NO_SCORE}). Errors
 * ({@link SurveyFormatException} naming file, line and field): malformed JSON, a missing field, an
 * unknown label, a score that is not a number in [0, 1], a generation number that is not an integer,
 * and two rows with the same model, language, item and generation number.
 */
public final class ModelOutputs {
    /** Exclusion reason: the generation has no statement labelled pro or con (Eq. 2 undefined). */
    public static final String NO_STANCE = "no pro or con label";
    /** Exclusion reason: the row's precomputed score is empty or NaN. */
    public static final String NO_SCORE = "no score";

    private final String source;
    private final List<Generation> generations;
    private final Accounting accounting;

    private ModelOutputs(String source, List<Generation> generations, Accounting accounting) {
        this.source = source;
        this.generations = List.copyOf(generations);
        this.accounting = accounting;
    }

    /**
     * Generations built in code; two with the same model, language, item and number are an error.
     *
     * @param generations the generations
     * @return them, all kept
     */
    public static ModelOutputs of(List<Generation> generations) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < generations.size(); i++) {
            Generation g = generations.get(i);
            Integer prev = seen.put(key(g.model(), g.language(), g.item(), g.index()), i);
            if (prev != null) {
                throw new PluralstatsException("generations " + prev + " and " + i + " are both generation " + g.index()
                        + " of model " + g.model() + ", language " + g.language() + ", item " + g.item());
            }
        }
        return new ModelOutputs("<generations>", generations, Accounting.allKept(generations.size()));
    }

    /**
     * Reads JSONL (name ending {@code .jsonl}, {@code .ndjson} or {@code .json}, or content starting
     * with <code>{</code>) or else CSV with the default columns.
     *
     * @param file the file
     * @return the generations
     */
    public static ModelOutputs read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return readJsonl(file);
        }
        if (name.endsWith(".csv")) {
            return readCsv(file, ModelCsvColumns.defaults());
        }
        String text = text(file);
        return text.stripLeading().startsWith("{") ? parseJsonl(file.toString(), text)
                : parseCsv(file.toString(), text, ModelCsvColumns.defaults());
    }

    /**
     * @param file a JSONL file
     * @return the generations
     */
    public static ModelOutputs readJsonl(Path file) {
        return parseJsonl(file.toString(), text(file));
    }

    /**
     * @param file a CSV file with a header
     * @param columns which columns hold what
     * @return the generations
     */
    public static ModelOutputs readCsv(Path file, ModelCsvColumns columns) {
        return parseCsv(file.toString(), text(file), columns);
    }

    /** @return the file name (or {@code <generations>}) */
    public String source() {
        return source;
    }

    /** @return the kept generations, in file order */
    public List<Generation> generations() {
        return generations;
    }

    /** @return rows read, kept and excluded by reason */
    public Accounting accounting() {
        return accounting;
    }

    /** @return the model names, in order of first appearance */
    public List<String> models() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        generations.forEach(g -> s.add(g.model()));
        return List.copyOf(s);
    }

    /** @return the prompt languages, in order of first appearance */
    public List<String> languages() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        generations.forEach(g -> s.add(g.language()));
        return List.copyOf(s);
    }

    private static String text(Path file) {
        InputFiles.requireRegular(file);
        try {
            String t = Files.readString(file, StandardCharsets.UTF_8);
            return t.startsWith("\uFEFF") ? t.substring(1) : t;
        } catch (NoSuchFileException e) {
            throw SurveyFormatException.in(file.toString()).problem("file not found").build();
        } catch (IOException e) {
            throw SurveyFormatException.in(file.toString()).problem("cannot read: " + org.pluralstats.io.FileErrors.reason(e)).cause(e).build();
        }
    }

    private static String key(String model, String language, String item, int index) {
        return model + '\u0000' + language + '\u0000' + item + '\u0000' + index;
    }

    /** Collects rows, numbering generations and rejecting duplicates. */
    private static final class Collector {
        final String name;
        final List<Generation> kept = new ArrayList<>();
        final Map<String, Integer> excluded = new LinkedHashMap<>();
        final Map<String, String> seen = new HashMap<>();
        final Map<String, Integer> running = new HashMap<>();
        int rows;

        Collector(String name) {
            this.name = name;
        }

        int nextIndex(String model, String language, String item) {
            return running.merge(model + '\u0000' + Generation.normaliseLanguage(language) + '\u0000'
                    + Generation.normaliseItem(item), 1, Integer::sum);
        }

        void claim(long line, String model, String language, String item, int index) {
            claim(() -> SurveyFormatException.in(name).line(line), "line " + line, model, language, item, index);
        }

        void claim(Supplier<SurveyFormatException.Builder> at, String place, String model,
                   String language, String item, int index) {
            String k = key(model.strip(), Generation.normaliseLanguage(language), Generation.normaliseItem(item), index);
            String prev = seen.put(k, place);
            if (prev != null) {
                throw at.get().problem("duplicate generation " + index + " of model "
                        + model.strip() + ", language " + language.strip() + ", item " + item.strip()
                        + " (also at " + prev + ")").build();
            }
        }

        void exclude(String reason) {
            excluded.merge(reason, 1, Integer::sum);
        }

        ModelOutputs done() {
            return new ModelOutputs(name, kept, new Accounting(rows, kept.size(), excluded));
        }
    }

    private static ModelOutputs parseJsonl(String name, String text) {
        if (text.stripLeading().startsWith("[")) {
            return parseJsonArray(name, text);
        }
        Collector c = new Collector(name);
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String lineText;
            long line = 0;
            while ((lineText = r.readLine()) != null) {
                line++;
                if (lineText.isBlank()) {
                    continue;
                }
                JsonNode o = JsonInput.readLine(name, line, lineText);
                if (o == null || !o.isObject()) {
                    throw SurveyFormatException.in(name).line(line).found(lineText).expected("a JSON object").build();
                }
                long at = line;
                addJson(c, () -> SurveyFormatException.in(name).line(at), "line " + line, o);
            }
        } catch (IOException e) {
            throw SurveyFormatException.in(name).problem("cannot read: " + org.pluralstats.io.FileErrors.reason(e)).cause(e).build();
        }
        return c.done();
    }

    /** A JSON array of the same objects; errors name the entry number (1-based) as the line. */
    private static ModelOutputs parseJsonArray(String name, String text) {
        JsonNode root = JsonInput.readTree(name, text);
        Collector c = new Collector(name);
        long k = 0;
        for (JsonNode o : root) {
            k++;
            if (!o.isObject()) {
                throw SurveyFormatException.in(name).record("entry " + k).found(o.toString()).expected("a JSON object").build();
            }
            long entry = k;
            addJson(c, () -> SurveyFormatException.in(name).record("entry " + entry), "entry " + entry, o);
        }
        return c.done();
    }

    private static void addJson(Collector c, Supplier<SurveyFormatException.Builder> at, String place,
                                JsonNode o) {
        c.rows++;
        String model = text(at, o, "model", true);
        String family = text(at, o, "family", false);
        String language = text(at, o, "language", true);
        String item = text(at, o, "item", true);
        // without a number, a generation is numbered by its position among its model × language × item
        int index = c.nextIndex(model, language, item);
        JsonNode g = o.get("generation");
        if (g != null && !g.isNull() && g.canConvertToInt() && g.isIntegralNumber()) {
            index = g.intValue();
        } else if (g != null && !g.isNull()) {
            throw at.get().column("generation").found(g.toString())
                    .expected("an integer").build();
        }
        c.claim(at, place, model, language, item, index);
        JsonNode labels = o.get("labels");
        if (labels != null && !labels.isNull()) {
            if (!labels.isArray()) {
                throw at.get().column("labels").found(labels.toString())
                        .expected("an array of pro, con and null").build();
            }
            List<Stance> stances = new ArrayList<>();
            for (JsonNode l : labels) {
                if (l.isNull()) {
                    stances.add(Stance.NULL);
                } else if (l.isTextual()) {
                    Optional<Stance> s = Stance.parse(l.asText());
                    if (s.isEmpty()) {
                        throw at.get().column("labels").found(l.asText())
                                .expected("pro, con or null (any case)").build();
                    }
                    stances.add(s.get());
                } else {
                    throw at.get().column("labels").found(l.toString())
                            .expected("pro, con or null (any case)").build();
                }
            }
            Optional<Generation> gen = Generation.ofStances(model, family, language, item, index,
                    StanceCounts.of(stances));
            if (gen.isPresent()) {
                c.kept.add(gen.get());
            } else {
                c.exclude(NO_STANCE);
            }
        } else if (o.has("score")) {
            JsonNode s = o.get("score");
            if (s.isNull() || (s.isNumber() && Double.isNaN(s.asDouble()))) {
                c.exclude(NO_SCORE);
            } else if (!s.isNumber() || !(s.asDouble() >= 0 && s.asDouble() <= 1)) {
                throw at.get().column("score").found(s.toString())
                        .expected("a number in [0, 1]").build();
            } else {
                c.kept.add(Generation.ofScore(model, family, language, item, index, s.asDouble()));
            }
        } else {
            throw at.get().problem("no \"labels\" (or \"score\")").build();
        }
    }

    private static String text(Supplier<SurveyFormatException.Builder> at, JsonNode o, String field,
                               boolean required) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw at.get().problem("no \"" + field + "\"").build();
            }
            return "";
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw at.get().column(field).found(v.toString()).expected("a string").build();
        }
        String s = v.asText();
        if (required && s.isBlank()) {
            throw at.get().column(field).found(s).expected("a non-empty string").build();
        }
        return s;
    }

    private static ModelOutputs parseCsv(String name, String text, ModelCsvColumns columns) {
        Collector c = new Collector(name);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(false).get();
        try (Reader reader = new java.io.StringReader(text); CSVParser p = CSVParser.parse(reader, format)) {
            List<String> header = new ArrayList<>();
            Map<String, Integer> index = new HashMap<>();
            List<String> names = p.getHeaderNames();
            for (int i = 0; i < names.size(); i++) {
                String h = names.get(i).strip().toLowerCase(Locale.ROOT);
                header.add(h);
                index.putIfAbsent(h, i);
            }
            int model = required(name, header, index, columns.model(), "model");
            int language = required(name, header, index, columns.language(), "language");
            int item = required(name, header, index, columns.item(), "item");
            int score = required(name, header, index, columns.score(), "score");
            int family = ModelCsvColumns.find(header, columns.family()).map(index::get).orElse(-1);
            int generation = ModelCsvColumns.find(header, columns.generation()).map(index::get).orElse(-1);
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber() + 1;
                c.rows++;
                if (rec.size() != header.size()) {
                    throw SurveyFormatException.in(name).line(line).found(rec.size() + " fields")
                            .expected(header.size() + " as in the header").build();
                }
                String m = cell(name, line, rec, model, header, true);
                String l = cell(name, line, rec, language, header, true);
                String it = cell(name, line, rec, item, header, true);
                String fam = family < 0 ? "" : rec.get(family);
                int g = c.nextIndex(m, l, it);
                if (generation >= 0 && !rec.get(generation).isBlank()) {
                    try {
                        g = Integer.parseInt(rec.get(generation).strip());
                    } catch (NumberFormatException e) {
                        throw SurveyFormatException.in(name).line(line).column(header.get(generation))
                                .found(rec.get(generation)).expected("an integer").build();
                    }
                }
                c.claim(line, m, l, it, g);
                String s = rec.get(score).strip();
                if (s.isEmpty() || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("na")) {
                    c.exclude(NO_SCORE);
                    continue;
                }
                double v;
                try {
                    v = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw SurveyFormatException.in(name).line(line).column(header.get(score)).found(s)
                            .expected("a number in [0, 1]").build();
                }
                if (!(v >= 0 && v <= 1)) {
                    throw SurveyFormatException.in(name).line(line).column(header.get(score)).found(s)
                            .expected("a number in [0, 1]").build();
                }
                c.kept.add(Generation.ofScore(m, fam, l, it, g, v));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw SurveyFormatException.in(name).problem("not a CSV file: " + e.getMessage()).cause(e).build();
        }
        return c.done();
    }

    private static int required(String name, List<String> header, Map<String, Integer> index, List<String> candidates,
                                String role) {
        return ModelCsvColumns.find(header, candidates).map(index::get).orElseThrow(() -> SurveyFormatException.in(name)
                .line(1).problem("no " + role + " column").found(String.join(",", header))
                .expected("one of " + String.join(", ", candidates)).build());
    }

    private static String cell(String name, long line, CSVRecord rec, int col, List<String> header, boolean required) {
        String v = rec.get(col);
        if (required && v.isBlank()) {
            throw SurveyFormatException.in(name).line(line).column(header.get(col)).found(v).expected("a value").build();
        }
        return v;
    }
}
