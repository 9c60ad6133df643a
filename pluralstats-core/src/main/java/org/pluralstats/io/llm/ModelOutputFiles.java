package org.pluralstats.io.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.io.InputFiles;
import org.pluralstats.align.Generation;
import org.pluralstats.align.ModelOutputs;
import org.pluralstats.align.Stance;
import org.pluralstats.align.StanceCounts;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.data.Accounting;
import org.pluralstats.io.json.JsonInput;
import org.pluralstats.io.Utf8Lines;

/**
 * Reads model generations ({@link ModelOutputs}) from a file, with the account of every input row: kept, or
 * excluded with a reason.
 *
 * <h2>JSONL (one JSON object per line; blank lines ignored), or a JSON array of the same objects (errors
 * then name the entry)</h2>
 * Read strictly (one strict JSON reader for every input): a second value on a line (two objects, an object followed by
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
 * Excluded and counted: a generation with no pro or con label ({@value ModelOutputs#NO_STANCE}); a CSV row or JSON
 * object whose score is empty, {@code NaN} or {@code null} ({@value ModelOutputs#NO_SCORE}). Errors
 * ({@link SurveyFormatException} naming file, line and field): malformed JSON, a missing field, an
 * unknown label, a score that is not a number in [0, 1], a generation number that is not an integer,
 * and two rows with the same model, language, item and generation number.
 */
public final class ModelOutputFiles {
    private ModelOutputFiles() {
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
        return withInput(file, in -> firstByte(in) == '{' ? jsonl(file.toString(), in)
                : csv(file.toString(), in, ModelCsvColumns.defaults()));
    }

    /**
     * Reads JSON Lines, or a JSON array when the first character is {@code [}, streaming: one line (at
     * most {@value #MAX_LINE_BYTES} bytes) or one array entry is held at a time, and of each record only
     * what the estimators use, with repeated names shared.
     *
     * @param file a JSONL file
     * @return the generations
     */
    public static ModelOutputs readJsonl(Path file) {
        return withInput(file, in -> firstByte(in) == '[' ? jsonArray(file.toString(), in) : jsonl(file.toString(), in));
    }

    /**
     * Reads CSV streaming, one record at a time (lines of at most {@value #MAX_LINE_BYTES} bytes, strict UTF-8).
     *
     * @param file a CSV file with a header
     * @param columns which columns hold what
     * @return the generations
     */
    public static ModelOutputs readCsv(Path file, ModelCsvColumns columns) {
        return withInput(file, in -> csv(file.toString(), in, columns));
    }

    /** The longest line read from a JSON Lines or CSV file of model outputs: 16 MiB. */
    public static final int MAX_LINE_BYTES = Utf8Lines.DEFAULT_MAX_LINE_BYTES;

    private interface Parse {
        ModelOutputs parse(BufferedInputStream in);
    }

    private static ModelOutputs withInput(Path file, Parse parse) {
        InputFiles.requireRegular(file);
        try (InputStream raw = Files.newInputStream(file);
             BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            return parse.parse(in);
        } catch (NoSuchFileException e) {
            throw SurveyFormatException.in(file.toString()).problem("file not found").build();
        } catch (IOException e) {
            throw SurveyFormatException.in(file.toString()).problem("cannot read: " + org.pluralstats.io.FileErrors.reason(e)).cause(e).build();
        } catch (UncheckedIOException e) {
            throw SurveyFormatException.in(file.toString()).problem("cannot read: " + org.pluralstats.io.FileErrors.reason(e.getCause())).cause(e).build();
        }
    }

    /** The first byte that is not a byte-order mark or whitespace among the first 64 KiB, or -1; the stream is reset. */
    private static int firstByte(BufferedInputStream in) {
        int peek = 1 << 16;
        in.mark(peek);
        try {
            int b = -1;
            for (int i = 0; i < peek; i++) {
                b = in.read();
                if (b < 0) {
                    break;
                }
                if (i < 3 && (b == 0xEF || b == 0xBB || b == 0xBF)) {
                    continue;
                }
                if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                    break;
                }
                b = -1;
            }
            in.reset();
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Collects rows, numbering generations and rejecting duplicates, in memory proportional to what is
     * kept: names are shared (one string per distinct model, family, language and item), stance counts are
     * shared, and the generation numbers seen are kept per model × language × item as primitive numbers
     * with the line (or entry) that claimed them.
     */
    private static final class Collector {
        private static final int MAX_SHARED = 1 << 16;
        final String name;
        final String placeKind;
        final List<Generation> kept = new ArrayList<>();
        final Map<String, Integer> excluded = new LinkedHashMap<>();
        private final Map<String, String> names = new HashMap<>();
        private final Map<StanceCounts, Optional<StanceCounts>> counts = new HashMap<>();
        private final Map<String, Group> groups = new HashMap<>();
        int rows;

        Collector(String name, String placeKind) {
            this.name = name;
            this.placeKind = placeKind;
        }

        /** One string per distinct value (up to {@value #MAX_SHARED} of them, then each row keeps its own). */
        String share(String s) {
            String prev = names.get(s);
            if (prev != null) {
                return prev;
            }
            if (names.size() < MAX_SHARED) {
                names.put(s, s);
            }
            return s;
        }

        Optional<StanceCounts> share(StanceCounts c) {
            Optional<StanceCounts> prev = counts.get(c);
            if (prev != null) {
                return prev;
            }
            Optional<StanceCounts> o = Optional.of(c);
            if (counts.size() < MAX_SHARED) {
                counts.put(c, o);
            }
            return o;
        }

        Group group(String model, String language, String item) {
            return groups.computeIfAbsent(model + '\u0000' + language + '\u0000' + item, k -> new Group());
        }

        /**
         * @param g the row's model × language × item
         * @param place the row's line or entry number
         * @param index its generation number
         */
        void claim(Supplier<SurveyFormatException.Builder> at, Group g, long place, String model, String language,
                   String item, int index) {
            long prev = g.seen.putIfAbsent(index, place);
            if (prev != 0) {
                throw at.get().problem("duplicate generation " + index + " of model "
                        + model + ", language " + language + ", item " + item
                        + " (also at " + placeKind + " " + prev + ")").build();
            }
        }

        /**
         * Counts and keeps (or excludes) one row whose fields are read.
         *
         * @param stances the stance counts, or {@code null} when a score is given
         * @param score the score when {@code stances} is {@code null}; NaN to exclude the row for no score
         */
        void add(Supplier<SurveyFormatException.Builder> at, long place, String model, String family, String language,
                 String item, Integer generation, StanceCounts stances, double score) {
            String m = share(model.strip());
            String l = share(Generation.normaliseLanguage(language));
            String it = share(Generation.normaliseItem(item));
            String fam = share(family == null ? "" : family.strip());
            Group g = group(m, l, it);
            // without a number, a generation is numbered by its position among its model × language × item
            int index = ++g.running;
            if (generation != null) {
                index = generation;
            }
            claim(at, g, place, model.strip(), language.strip(), item.strip(), index);
            if (stances != null) {
                if (stances.score().isEmpty()) {
                    exclude(ModelOutputs.NO_STANCE);
                } else {
                    kept.add(new Generation(m, fam, l, it, index, stances.score().getAsDouble(), share(stances)));
                }
            } else if (Double.isNaN(score)) {
                exclude(ModelOutputs.NO_SCORE);
            } else {
                kept.add(new Generation(m, fam, l, it, index, score, Optional.empty()));
            }
        }

        void exclude(String reason) {
            excluded.merge(reason, 1, Integer::sum);
        }

        ModelOutputs done() {
            return ModelOutputs.of(name, kept, new Accounting(rows, kept.size(), excluded));
        }
    }

    /** The rows of one model × language × item: the running number and the generation numbers claimed. */
    private static final class Group {
        int running;
        final IntLongMap seen = new IntLongMap();
    }

    /** Open-addressing map from int keys to non-zero longs (0 means absent): 12 bytes a slot. */
    private static final class IntLongMap {
        private int[] keys = new int[4];
        private long[] values = new long[4];
        private int size;

        /** @return the value already held for the key (then nothing changes), or 0 after storing the new one */
        long putIfAbsent(int key, long value) {
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (values[i] != 0) {
                if (keys[i] == key) {
                    return values[i];
                }
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
            if (++size * 2 > keys.length) {
                grow();
            }
            return 0;
        }

        private void grow() {
            int[] k = keys;
            long[] v = values;
            keys = new int[k.length * 2];
            values = new long[k.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < k.length; j++) {
                if (v[j] != 0) {
                    int i = mix(k[j]) & mask;
                    while (values[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = k[j];
                    values[i] = v[j];
                }
            }
        }

        private static int mix(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    private static ModelOutputs jsonl(String name, InputStream in) {
        Collector c = new Collector(name, "line");
        Utf8Lines lines = new Utf8Lines(name, in, MAX_LINE_BYTES);
        String lineText;
        while ((lineText = lines.next()) != null) {
            long line = lines.lineNumber();
            if (lineText.isBlank()) {
                continue;
            }
            JsonNode o = JsonInput.bind(name, line, lineText, JsonNode.class);
            if (o == null || !o.isObject()) {
                throw SurveyFormatException.in(name).line(line).found(lineText).expected("a JSON object").build();
            }
            addJson(c, () -> SurveyFormatException.in(name).line(line), line, o);
        }
        return c.done();
    }

    /** A JSON array of the same objects, streamed; errors name the entry number (1-based). */
    private static ModelOutputs jsonArray(String name, InputStream in) {
        Collector c = new Collector(name, "entry");
        JsonInput.readArray(name, in, JsonNode.class, (o, entry) -> {
            if (o == null || !o.isObject()) {
                throw SurveyFormatException.in(name).record("entry " + entry).found(String.valueOf(o)).expected("a JSON object").build();
            }
            addJson(c, () -> SurveyFormatException.in(name).record("entry " + entry), entry, o);
        });
        return c.done();
    }

    private static void addJson(Collector c, Supplier<SurveyFormatException.Builder> at, long place, JsonNode o) {
        c.rows++;
        String model = text(at, o, "model", true);
        String family = text(at, o, "family", false);
        String language = text(at, o, "language", true);
        String item = text(at, o, "item", true);
        Integer generation = null;
        JsonNode g = o.get("generation");
        if (g != null && !g.isNull() && g.canConvertToInt() && g.isIntegralNumber()) {
            generation = g.intValue();
        } else if (g != null && !g.isNull()) {
            throw at.get().column("generation").found(g.toString())
                    .expected("an integer").build();
        }
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
            c.add(at, place, model, family, language, item, generation, StanceCounts.of(stances), Double.NaN);
        } else if (o.has("score")) {
            JsonNode s = o.get("score");
            if (s.isNull() || (s.isNumber() && Double.isNaN(s.asDouble()))) {
                c.add(at, place, model, family, language, item, generation, null, Double.NaN);
            } else if (!s.isNumber() || !(s.asDouble() >= 0 && s.asDouble() <= 1)) {
                throw at.get().column("score").found(s.toString())
                        .expected("a number in [0, 1]").build();
            } else {
                c.add(at, place, model, family, language, item, generation, null, s.asDouble());
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

    private static ModelOutputs csv(String name, InputStream in, ModelCsvColumns columns) {
        Collector c = new Collector(name, "line");
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(false).get();
        try (Reader reader = new LinesReader(new Utf8Lines(name, in, MAX_LINE_BYTES)); CSVParser p = CSVParser.parse(reader, format)) {
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
                Integer g = null;
                if (generation >= 0 && !rec.get(generation).isBlank()) {
                    try {
                        g = Integer.parseInt(rec.get(generation).strip());
                    } catch (NumberFormatException e) {
                        throw SurveyFormatException.in(name).line(line).column(header.get(generation))
                                .found(rec.get(generation)).expected("an integer").build();
                    }
                }
                String s = rec.get(score).strip();
                if (s.isEmpty() || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("na")) {
                    c.add(() -> SurveyFormatException.in(name).line(line), line, m, fam, l, it, g, null, Double.NaN);
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
                c.add(() -> SurveyFormatException.in(name).line(line), line, m, fam, l, it, g, null, v);
            }
        } catch (SurveyFormatException e) {
            throw e;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof SurveyFormatIOException f) {
                throw f.error;
            }
            throw SurveyFormatException.in(name).problem("not a CSV file: " + e.getMessage()).cause(e).build();
        } catch (SurveyFormatIOException e) {
            throw e.error;
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw SurveyFormatException.in(name).problem("not a CSV file: " + e.getMessage()).cause(e).build();
        }
        return c.done();
    }

    /** A format error carried through the CSV parser, which wraps what its reader throws. */
    private static final class SurveyFormatIOException extends IOException {
        private static final long serialVersionUID = 1L;
        final transient SurveyFormatException error;

        SurveyFormatIOException(SurveyFormatException error) {
            super(error.getMessage(), error);
            this.error = error;
        }
    }

    /** The lines of a {@link Utf8Lines}, each with the terminator it had, as a character stream for the CSV parser. */
    private static final class LinesReader extends Reader {
        private final Utf8Lines lines;
        private String current = "";
        private int at;

        LinesReader(Utf8Lines lines) {
            this.lines = lines;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (at >= current.length()) {
                String next;
                try {
                    next = lines.next();
                } catch (SurveyFormatException e) {
                    throw new SurveyFormatIOException(e);
                }
                if (next == null) {
                    return -1;
                }
                current = next + lines.terminator();
                at = 0;
            }
            int n = Math.min(len, current.length() - at);
            current.getChars(at, at + n, cbuf, off);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
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
