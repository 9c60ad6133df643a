package org.pluralstats.io.opinion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.ReadWarning;
import org.pluralstats.io.TextFiles;
import org.pluralstats.stats.CompensatedSum;

/**
 * Reads the human responses of OpinionQA (Santurkar et al. 2023, "Whose Opinions Do Language Models
 * Reflect?", ICML; {@code github.com/tatsu-lab/opinions_qa}, data on CodaLab) and computes each population's
 * answer distribution exactly as OpinionQA's reference code does.
 *
 * <h2>The release</h2>
 * One folder per Pew American Trends Panel wave, {@code human_resp/American_Trends_Panel_W{N}/}:
 * <ul>
 * <li>{@code responses.csv}: one row per respondent; a column per question key ({@code CAREREL_W27}) with the
 * answer as option TEXT, blank where the question was not asked; the weight {@code WEIGHT_W{N}}; demographic
 * columns ({@code CREGION, AGE, SEX, EDUCATION, CITIZEN, MARITAL, RELIG, RELIGATTEND, POLPARTY, INCOME,
 * POLIDEOLOGY, RACE}) with the group as text, {@code 'Refused'} included.</li>
 * <li>{@code info.csv} (written by pandas, a leading index column): {@code key}, {@code option_mapping},
 * {@code question}, {@code references} (the repr of the list of option texts, in order, refusal options last)
 * and {@code option_ordinal} (the repr of the list of ordinal positions of the first options).</li>
 * <li>{@code metadata.csv}: {@code key} (a demographic column) and {@code options} (the repr of its groups, in
 * order).</li>
 * </ul>
 * {@code process_results.ipynb} reads them with {@code pd.read_csv} and {@code eval}s the list cells; here
 * they are parsed by {@link PythonLiteral}, never evaluated.
 *
 * <h2>The distributions ({@code helpers.py}, {@code extract_human_opinions})</h2>
 * For a question {@code q} and a demographic {@code A} (or {@code 'Overall'}): keep the rows whose answer is a
 * string (not NaN), group by {@code [q, A]} and sum {@code WEIGHT_W{N}} (pandas' sum: a NaN weight adds 0; a
 * row whose {@code A} is NaN drops out of the groupby), keep the groups listed in {@code metadata.csv} for
 * {@code A}; then per group, with {@code ordinal_refs = references[:len(option_ordinal)]} and {@code
 * refusal_refs} the rest ({@code extract_model_opinions}):
 * <pre>
 *   D_H[k] = w(ordinal_refs[k]) / Σ_j w(ordinal_refs[j])        (left out when the sum is 0)
 *   R_H    = Σ w(refusal_refs) / Σ w(every answer text seen)
 * </pre>
 * The representativeness {@code process_results.ipynb} computes from them is {@code 1 − W₁(D_M, D_H) / (max
 * ordinal − min ordinal)} ({@code scipy.stats.wasserstein_distance} over {@code option_ordinal}, divided by
 * {@code helpers.get_max_wd}) — what {@code DistributionSimilarity}'s Wasserstein metric computes, given the
 * {@link OpinionQaDistributions#distributions() distributions} of this reader.
 *
 * <p>Decisions where the reference is silent or pandas would be silently wrong, each said here:
 * <ul>
 * <li>Answers that are not among a question's {@code references} are, as in the reference, counted in
 * {@code R_H}'s denominator and nowhere else — but reported: a {@link ReadWarning} per question and answer
 * text (first line, occurrences) and {@code unlistedN} per population × question. With
 * {@link UnlistedAnswers#REFUSE} they are an error naming the line and column instead.</li>
 * <li>Missing answers (blank, or one of pandas' default NA strings such as {@code NA}, {@code NaN},
 * {@code NULL}) mean "not asked" and are left out, as {@code type(v) == str} does.</li>
 * <li>A weight that is not a number, negative or infinite is an error (pandas would fail or sum it); a blank
 * weight counts 0, as pandas' sum skips NaN; both kinds are counted in the {@link
 * OpinionQaDistributions.Accounting accounting}.</li>
 * <li>A row with more or fewer fields than the header is an error (pandas pads a short row with NaN).</li>
 * <li>Several grouping columns (OpinionQA groups by one at a time): the intersection, each column filtered by
 * its {@code metadata.csv} groups, named by the values joined with {@code " × "} as {@code
 * AnswerDistributions} names intersections; populations in {@code metadata.csv}'s order, first column
 * slowest.</li>
 * <li>A question whose answer column pandas would parse as numbers is read as text here (pandas' floats would
 * fail {@code type(v) == str} and drop every answer); OpinionQA's questions all have text answers.</li>
 * </ul>
 * Without grouping columns there is one population, {@value #OVERALL}.
 *
 * <p>Immutable; configure with {@code with…} copies: {@code OpinionQa.wave(dir).withGroups(List.of("CREGION"))
 * .read()}.
 */
public final class OpinionQa {
    /** The population of the whole panel, as OpinionQA names it. */
    public static final String OVERALL = "Overall";
    /** The file names of a wave folder. */
    public static final String RESPONSES = "responses.csv";
    /** The questions of a wave. */
    public static final String INFO = "info.csv";
    /** The demographic groups of a wave. */
    public static final String METADATA = "metadata.csv";
    /** What joins the values of several grouping columns in a population's name (as AnswerDistributions.JOIN). */
    public static final String JOIN = " × ";

    /** pandas 1.5's default NA strings ({@code pandas._libs.parsers.STR_NA_VALUES}): read as missing. */
    static final Set<String> NA_STRINGS = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
            "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "n/a", "nan", "null");
    private static final Pattern WEIGHT = Pattern.compile("WEIGHT_W(\\d+)");
    private static final Pattern WAVE_DIR = Pattern.compile(".*_W(\\d+)");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** What to do with an answer that is not among its question's options. */
    public enum UnlistedAnswers {
        /** Count it in the refusal share's denominator only, as OpinionQA's code does, and warn (the default). */
        COUNT,
        /** Refuse the file, naming the line and column of the first such answer. */
        REFUSE
    }

    private final Path responses;
    private final Path info;
    private final Optional<Path> metadata;
    private final Optional<String> weightColumn;
    private final List<String> questions;
    private final List<String> groups;
    private final UnlistedAnswers unlisted;

    private OpinionQa(Path responses, Path info, Optional<Path> metadata, Optional<String> weightColumn,
            List<String> questions, List<String> groups, UnlistedAnswers unlisted) {
        this.responses = responses;
        this.info = info;
        this.metadata = metadata;
        this.weightColumn = weightColumn;
        this.questions = List.copyOf(questions);
        this.groups = List.copyOf(groups);
        this.unlisted = unlisted;
    }

    /**
     * A wave folder ({@code American_Trends_Panel_W27/}, or any folder with {@code responses.csv} and {@code
     * info.csv}; {@code metadata.csv} is needed only to group), or its {@code responses.csv} with the other files
     * beside it. The weight column is {@code WEIGHT_W{N}} for the folder's {@code _W{N}} as in {@code
     * process_results.ipynb}, else the one {@code WEIGHT_W…} column of {@code responses.csv}.
     *
     * @param path the folder or its {@code responses.csv}
     * @return a reader of every question of {@code info.csv} for the whole panel
     */
    public static OpinionQa wave(Path path) {
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path resp = Files.isDirectory(path) ? path.resolve(RESPONSES) : path;
        Path md = dir.resolve(METADATA);
        Optional<String> weight = Optional.empty();
        Path name = dir.toAbsolutePath().normalize().getFileName();
        Matcher m = WAVE_DIR.matcher(name == null ? "" : name.toString());
        if (m.matches()) {
            weight = Optional.of("WEIGHT_W" + m.group(1));
        }
        return new OpinionQa(resp, dir.resolve(INFO), Files.isRegularFile(md) ? Optional.of(md) : Optional.empty(),
                weight, List.of(), List.of(), UnlistedAnswers.COUNT);
    }

    /**
     * The three files given one by one; the weight column is the one {@code WEIGHT_W…} column of {@code responses}.
     *
     * @param responses {@code responses.csv}
     * @param info {@code info.csv}
     * @param metadata {@code metadata.csv}, needed only to group
     * @return a reader of every question of {@code info} for the whole panel
     */
    public static OpinionQa files(Path responses, Path info, Optional<Path> metadata) {
        return new OpinionQa(responses, info, metadata, Optional.empty(), List.of(), List.of(), UnlistedAnswers.COUNT);
    }

    /**
     * @param keys the question keys to read, in this order (empty: every question of {@code info.csv})
     * @return a copy reading those questions
     */
    public OpinionQa withQuestions(List<String> keys) {
        return new OpinionQa(responses, info, metadata, weightColumn, keys, groups, unlisted);
    }

    /**
     * @param columns the demographic columns defining the populations (empty: the whole panel, {@value #OVERALL};
     *     several: their intersection)
     * @return a copy grouping so
     */
    public OpinionQa withGroups(List<String> columns) {
        return new OpinionQa(responses, info, metadata, weightColumn, questions, columns, unlisted);
    }

    /**
     * @param policy what to do with answers outside a question's options
     * @return a copy with that policy
     */
    public OpinionQa withUnlistedAnswers(UnlistedAnswers policy) {
        return new OpinionQa(responses, info, metadata, weightColumn, questions, groups, Objects.requireNonNull(policy));
    }

    /**
     * @param column the weight column, instead of {@code WEIGHT_W{N}}
     * @return a copy weighting by it
     */
    public OpinionQa withWeightColumn(String column) {
        return new OpinionQa(responses, info, metadata, Optional.of(column), questions, groups, unlisted);
    }

    /**
     * Whether a path is an OpinionQA wave: a folder with {@code responses.csv} and {@code info.csv}, or a CSV
     * file with {@code info.csv} beside it whose header has a {@code WEIGHT_W{N}} column.
     *
     * @param path a path
     * @return whether {@link #wave(Path)} reads it
     */
    public static boolean isOpinionQa(Path path) {
        if (Files.isDirectory(path)) {
            return Files.isRegularFile(path.resolve(RESPONSES)) && Files.isRegularFile(path.resolve(INFO));
        }
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null || !Files.isRegularFile(dir.resolve(INFO)) || !Files.isRegularFile(path)) {
            return false;
        }
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null) {
                return false;
            }
            for (String n : first.replace("\uFEFF", "").split(",", -1)) {
                if (WEIGHT.matcher(n.strip().replace("\"", "")).matches()) {
                    return true;
                }
            }
            return false;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Reads the wave and computes the distributions (see the class comment for the formulas and decisions).
     *
     * @return the distributions per population × question, left-out pairs, accounting and warnings
     * @throws SurveyFormatException naming file, line and column where a file is not as released
     * @throws PluralstatsException for a question key or grouping column that the files do not have
     */
    public OpinionQaDistributions read() {
        List<OpinionQaQuestion> all = readInfo(info.toString(), TextFiles.readUtf8(info));
        List<OpinionQaQuestion> asked = select(all);
        List<Grouping> grouping = new ArrayList<>();
        if (!groups.isEmpty()) {
            Path md = metadata.orElseThrow(() -> new PluralstatsException(info.getParent() + ": no " + METADATA
                    + " to group by " + String.join(",", groups) + " (OpinionQA keeps the groups it lists)"));
            Map<String, List<String>> options = readMetadata(md.toString(), TextFiles.readUtf8(md));
            for (String g : groups) {
                List<String> o = options.get(g);
                if (o == null) {
                    throw new PluralstatsException(md + ": no row for the grouping column " + g + "; it lists "
                            + String.join(", ", options.keySet()));
                }
                grouping.add(new Grouping(g, o));
            }
        }
        return new Tally(responses.toString(), asked, grouping).read(responses);
    }

    private List<OpinionQaQuestion> select(List<OpinionQaQuestion> all) {
        if (questions.isEmpty()) {
            return all;
        }
        Map<String, OpinionQaQuestion> byKey = new HashMap<>();
        all.forEach(q -> byKey.put(q.key(), q));
        List<OpinionQaQuestion> out = new ArrayList<>();
        for (String k : questions) {
            OpinionQaQuestion q = byKey.get(k);
            if (q == null) {
                throw new PluralstatsException(info + ": no question " + k + " (" + all.size() + " questions, e.g. "
                        + (all.isEmpty() ? "none" : all.get(0).key()) + ")");
            }
            if (!out.contains(q)) {
                out.add(q);
            }
        }
        return out;
    }

    /**
     * Reads an {@code info.csv}: the columns {@code key}, {@code references} and {@code option_ordinal} (and
     * {@code question} if present), the list cells as Python literals.
     *
     * @param name the file's name, for messages
     * @param text its text
     * @return its questions in file order
     * @throws SurveyFormatException with file, line and column where it is not such a file
     */
    public static List<OpinionQaQuestion> readInfo(String name, String text) {
        List<OpinionQaQuestion> out = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Cells r : rows(name, text, List.of("key", "references", "option_ordinal"))) {
            String key = r.get("key");
            if (key.isBlank()) {
                throw r.at("key").problem("an empty question key").build();
            }
            Long before = seen.putIfAbsent(key, r.line);
            if (before != null) {
                throw r.at("key").found(key).problem("the key is also on line " + before).build();
            }
            List<String> options = strings(r, "references");
            Object ord = r.literal("option_ordinal");
            if (!(ord instanceof List<?> l)) {
                throw r.at("option_ordinal").expected("a list of numbers such as [1.0, 2.0, 3.0]").build();
            }
            List<Double> ordinals = new ArrayList<>();
            for (Object o : l) {
                if (!(o instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    throw r.at("option_ordinal").found(String.valueOf(o)).expected("every ordinal a finite number").build();
                }
                ordinals.add(n.doubleValue());
            }
            try {
                out.add(new OpinionQaQuestion(key, r.has("question") ? r.get("question") : key, options, ordinals));
            } catch (PluralstatsException e) {
                throw r.at("option_ordinal").problem(e.getMessage()).build();
            }
        }
        return out;
    }

    /**
     * Reads a {@code metadata.csv}: the columns {@code key} and {@code options}, the latter a Python list literal.
     *
     * @param name the file's name, for messages
     * @param text its text
     * @return grouping column → its groups, in file order
     * @throws SurveyFormatException with file, line and column where it is not such a file
     */
    public static Map<String, List<String>> readMetadata(String name, String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Cells r : rows(name, text, List.of("key", "options"))) {
            if (out.put(r.get("key"), strings(r, "options")) != null) {
                throw r.at("key").found(r.get("key")).problem("the key is listed twice").build();
            }
        }
        return out;
    }

    private static List<String> strings(Cells r, String column) {
        Object v = r.literal(column);
        if (!(v instanceof List<?> l)) {
            throw r.at(column).expected("a list of option texts such as ['Yes', 'No', 'Refused']").build();
        }
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof String s)) {
                throw r.at(column).found(String.valueOf(o)).expected("every option a string").build();
            }
            out.add(s);
        }
        return out;
    }

    /** One data row of a small CSV, its cells by header name, with its line for messages. */
    private record Cells(String file, long line, CSVRecord record, Map<String, Integer> col) {
        boolean has(String column) {
            return col.containsKey(column);
        }

        String get(String column) {
            return record.get(col.get(column));
        }

        Object literal(String column) {
            try {
                return PythonLiteral.parse(get(column));
            } catch (PythonLiteral.SyntaxError e) {
                throw at(column).problem("not a Python literal: " + e.getMessage()).build();
            }
        }

        SurveyFormatException.Builder at(String column) {
            return SurveyFormatException.in(file).line(line).column(column);
        }
    }

    private static List<Cells> rows(String name, String text, List<String> required) {
        List<Cells> out = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get())) {
            Iterator<CSVRecord> it = p.iterator();
            if (!it.hasNext()) {
                throw SurveyFormatException.in(name).line(1).problem("the file is empty")
                        .expected("a header with " + String.join(", ", required)).build();
            }
            CSVRecord h = it.next();
            Map<String, Integer> col = new HashMap<>();
            for (int c = 0; c < h.size(); c++) {
                if (col.putIfAbsent(h.get(c), c) != null && !h.get(c).isEmpty()) {
                    throw SurveyFormatException.in(name).line(1).column(h.get(c)).problem("the column is named twice").build();
                }
            }
            for (String c : required) {
                if (!col.containsKey(c)) {
                    throw SurveyFormatException.in(name).line(1).column(c).problem("no column " + c)
                            .expected("the columns " + String.join(", ", required) + " (OpinionQA)").build();
                }
            }
            long line = p.getCurrentLineNumber() + 1;
            while (it.hasNext()) {
                CSVRecord r = it.next();
                if (r.size() != h.size()) {
                    throw SurveyFormatException.in(name).line(line).problem("the row has " + r.size() + " fields, the header "
                            + h.size()).build();
                }
                out.add(new Cells(name, line, r, col));
                line = p.getCurrentLineNumber() + 1;
            }
        } catch (IOException | UncheckedIOException e) {
            throw SurveyFormatException.in(name).problem("not a CSV file: " + e.getMessage()).cause(e).build();
        }
        return out;
    }

    /** A grouping column and its groups from {@code metadata.csv}. */
    private record Grouping(String column, List<String> groups) {
    }

    /** One pass over {@code responses.csv}: weighted sums per question × population × option. */
    private final class Tally {
        private final String name;
        private final List<OpinionQaQuestion> asked;
        private final List<Grouping> grouping;
        private final List<String> populations = new ArrayList<>();
        private final List<Map<String, Integer>> groupIndex = new ArrayList<>();
        /** [question][population]: per option a Neumaier sum and its compensation, then unlisted answers'. */
        private double[][][] sums;
        /** [question][population]: respondents per option, then unlisted, then all answers. */
        private long[][][] counts;
        private final Map<String, long[]> unlistedSeen = new LinkedHashMap<>();
        private long respondents;
        private long outside;
        private long blankWeight;
        private long zeroWeight;
        private long kept;
        private String weightName = "";

        Tally(String name, List<OpinionQaQuestion> asked, List<Grouping> grouping) {
            this.name = name;
            this.asked = asked;
            this.grouping = grouping;
            populations.add("");
            for (Grouping g : grouping) {
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < g.groups().size(); i++) {
                    index.putIfAbsent(g.groups().get(i), i);
                }
                groupIndex.add(index);
                List<String> next = new ArrayList<>();
                for (String p : populations) {
                    for (String v : g.groups()) {
                        next.add(p.isEmpty() ? v : p + JOIN + v);
                    }
                }
                populations.clear();
                populations.addAll(next);
            }
            if (grouping.isEmpty()) {
                populations.set(0, OVERALL);
            }
        }

        OpinionQaDistributions read(Path file) {
            CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder));
                    CSVParser p = CSVParser.parse(in, format)) {
                Iterator<CSVRecord> it = p.iterator();
                if (!it.hasNext()) {
                    throw SurveyFormatException.in(name).line(1).problem("the file is empty")
                            .expected("a header with the question keys and WEIGHT_W{N}").build();
                }
                CSVRecord header = it.next();
                Columns c = columns(header);
                weightName = c.weightName();
                sums = new double[asked.size()][populations.size()][];
                counts = new long[asked.size()][populations.size()][];
                for (int q = 0; q < asked.size(); q++) {
                    int k = asked.get(q).options().size();
                    for (int g = 0; g < populations.size(); g++) {
                        sums[q][g] = new double[2 * k + 2];
                        counts[q][g] = new long[k + 2];
                    }
                }
                List<Map<String, Integer>> optionIndex = new ArrayList<>();
                for (OpinionQaQuestion q : asked) {
                    Map<String, Integer> m = new HashMap<>();
                    for (int k = 0; k < q.options().size(); k++) {
                        m.put(q.options().get(k), k);
                    }
                    optionIndex.add(m);
                }
                long line = p.getCurrentLineNumber() + 1;
                while (it.hasNext()) {
                    CSVRecord r = it.next();
                    row(r, line, header, c, optionIndex);
                    line = p.getCurrentLineNumber() + 1;
                }
            } catch (IOException | UncheckedIOException e) {
                Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                String why = cause instanceof CharacterCodingException ? "not UTF-8 text" : "not a CSV file: " + e.getMessage();
                throw SurveyFormatException.in(name).problem(why).cause(e).build();
            }
            return result();
        }

        private record Columns(int weight, String weightName, int[] questions, int[] groups) {
        }

        private Columns columns(CSVRecord header) {
            Map<String, Integer> col = new HashMap<>();
            Map<String, Integer> twice = new HashMap<>();
            List<String> weights = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).replace("\uFEFF", "");
                if (col.putIfAbsent(h, i) != null) {
                    twice.put(h, i);
                }
                if (WEIGHT.matcher(h).matches()) {
                    weights.add(h);
                }
            }
            String w;
            if (weightColumn.isPresent()) {
                w = weightColumn.get();
            } else if (weights.size() == 1) {
                w = weights.get(0);
            } else {
                throw SurveyFormatException.in(name).line(1).column("WEIGHT_W{N}")
                        .problem(weights.isEmpty() ? "no weight column" : "several weight columns " + weights)
                        .expected("one column WEIGHT_W{N} (OpinionQA weights by the wave's WEIGHT_W{N}), or the wave's"
                                + " folder named …_W{N}").build();
            }
            int[] q = new int[asked.size()];
            for (int i = 0; i < asked.size(); i++) {
                q[i] = column(col, twice, asked.get(i).key(), "the question " + asked.get(i).key() + " of " + info.getFileName());
            }
            int[] g = new int[grouping.size()];
            for (int i = 0; i < grouping.size(); i++) {
                g[i] = column(col, twice, grouping.get(i).column(), "the grouping column");
            }
            return new Columns(column(col, twice, w, "the weight column " + w + " (OpinionQA's WEIGHT_W{N})"), w, q, g);
        }

        private int column(Map<String, Integer> col, Map<String, Integer> twice, String c, String what) {
            if (twice.containsKey(c)) {
                throw SurveyFormatException.in(name).line(1).column(c).problem("the column is named twice").build();
            }
            Integer i = col.get(c);
            if (i == null) {
                throw SurveyFormatException.in(name).line(1).column(c).problem("no column " + c).expected(what).build();
            }
            return i;
        }

        private void row(CSVRecord r, long line, CSVRecord header, Columns c, List<Map<String, Integer>> optionIndex) {
            if (r.size() != header.size()) {
                throw SurveyFormatException.in(name).line(line)
                        .problem("the row has " + r.size() + " fields, the header " + header.size()).build();
            }
            respondents++;
            String wt = r.get(c.weight());
            boolean blank = NA_STRINGS.contains(wt);
            double w = blank ? 0 : weight(wt, line, c.weightName());
            int g = 0;
            for (int i = 0; i < grouping.size(); i++) {
                String v = r.get(c.groups()[i]);
                Integer k = NA_STRINGS.contains(v) ? null : groupIndex.get(i).get(v);
                if (k == null) {
                    outside++;
                    for (int q = 0; q < asked.size(); q++) {
                        String a = r.get(c.questions()[q]);
                        if (!NA_STRINGS.contains(a) && !optionIndex.get(q).containsKey(a)) {
                            unlisted(q, a, line);
                        }
                    }
                    return;
                }
                g = g * grouping.get(i).groups().size() + k;
            }
            if (blank) {
                blankWeight++;
            } else if (w == 0) {
                zeroWeight++;
            } else {
                kept++;
            }
            for (int q = 0; q < asked.size(); q++) {
                String a = r.get(c.questions()[q]);
                if (NA_STRINGS.contains(a)) {
                    continue;
                }
                double[] s = sums[q][g];
                long[] n = counts[q][g];
                int k = n.length - 2;
                Integer o = optionIndex.get(q).get(a);
                if (o == null) {
                    unlisted(q, a, line);
                } else {
                    k = o;
                }
                CompensatedSum.addTo(s, 2 * k, w);
                n[k]++;
                n[n.length - 1]++;
            }
        }

        private void unlisted(int q, String answer, long line) {
            OpinionQaQuestion question = asked.get(q);
            if (unlisted == UnlistedAnswers.REFUSE) {
                throw SurveyFormatException.in(name).line(line).column(question.key()).found(answer)
                        .expected("one of the question's options in " + info.getFileName() + ": "
                                + String.join(" | ", question.options())).build();
            }
            unlistedSeen.computeIfAbsent(question.key() + "\u0000" + answer, x -> new long[] {line, 0})[1]++;
        }

        private double weight(String text, long line, String column) {
            String t = text.strip();
            double w = DECIMAL.matcher(t).matches() ? Double.parseDouble(t) : Double.NaN;
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw SurveyFormatException.in(name).line(line).column(column).found(text)
                        .expected("a finite weight ≥ 0, or blank").build();
            }
            return w;
        }

        private OpinionQaDistributions result() {
            List<OpinionQaDistributions.Row> rows = new ArrayList<>();
            List<OpinionQaDistributions.LeftOut> left = new ArrayList<>();
            for (int q = 0; q < asked.size(); q++) {
                OpinionQaQuestion question = asked.get(q);
                int ordinal = question.ordinals().size();
                int k = question.options().size();
                for (int g = 0; g < populations.size(); g++) {
                    double[] s = sums[q][g];
                    long[] n = counts[q][g];
                    long answers = n[k + 1];
                    double[] w = new double[k + 1];
                    for (int i = 0; i <= k; i++) {
                        w[i] = s[2 * i] + s[2 * i + 1];
                    }
                    double valid = CompensatedSum.of(java.util.Arrays.copyOf(w, ordinal)).getAsDouble();
                    if (answers == 0 || valid == 0) {
                        left.add(new OpinionQaDistributions.LeftOut(populations.get(g), question.key(),
                                answers == 0 ? OpinionQaDistributions.LeftOut.NO_ANSWERS
                                        : OpinionQaDistributions.LeftOut.NO_WEIGHT, answers));
                        continue;
                    }
                    List<Double> shares = new ArrayList<>();
                    List<Long> optionN = new ArrayList<>();
                    List<Double> optionWeight = new ArrayList<>();
                    for (int i = 0; i < ordinal; i++) {
                        shares.add(w[i] / valid);
                        optionN.add(n[i]);
                        optionWeight.add(w[i]);
                    }
                    double refused = CompensatedSum.of(java.util.Arrays.copyOfRange(w, ordinal, k)).getAsDouble();
                    double total = CompensatedSum.of(w).getAsDouble();
                    rows.add(new OpinionQaDistributions.Row(populations.get(g), question, shares, optionN, optionWeight,
                            refused / total, refused, answers, total, n[k]));
                }
            }
            List<ReadWarning> warnings = new ArrayList<>();
            unlistedSeen.forEach((key, seen) -> {
                String[] parts = key.split("\u0000", 2);
                warnings.add(new ReadWarning(name, "line " + seen[0] + ", column " + parts[0], "the answer \"" + parts[1]
                        + "\" is not an option of " + parts[0] + " in " + info.getFileName() + " (" + seen[1]
                        + " answers): counted in the refusal share's denominator only, as OpinionQA's extract_human_opinions"));
            });
            return new OpinionQaDistributions(rows, left, new OpinionQaDistributions.Accounting(respondents, outside,
                    blankWeight, zeroWeight, kept), warnings, groups, weightName);
        }
    }
}
