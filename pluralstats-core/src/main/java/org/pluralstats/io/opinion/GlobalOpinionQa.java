package org.pluralstats.io.opinion;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.align.DistributionSimilarity;
import org.pluralstats.align.OptionCount;
import org.pluralstats.align.OptionDistribution;
import org.pluralstats.io.ReadWarning;
import org.pluralstats.io.TextFiles;

/**
 * Reads GlobalOpinionQA (Anthropic's {@code llm_global_opinions}, {@code data/global_opinions.csv}): a CSV
 * with the columns {@code question}, {@code selections}, {@code options} and {@code source}, one row per
 * question. {@code selections} is the Python {@code repr} of a {@code defaultdict(<class 'list'>, {country:
 * [share, …]})} and {@code options} the {@code repr} of a list of strings; both are read by
 * {@link PythonLiteral}, never evaluated.
 *
 * <p>Read exactly: option texts keep their quotes, escapes and non-ASCII letters; shares are the released
 * decimals parsed to the nearest double; countries and options keep the file's order. Refused, with the
 * file, line and column: a missing column, a cell that is not such a literal, a share that is negative or
 * not a number, a country named twice. A country whose list of shares has another length than the options
 * (a partial release for that country) cannot be matched to the options: it is left out of that question
 * with a {@link ReadWarning} naming the question's line and the country — never silently.
 */
public final class GlobalOpinionQa {
    /** The columns the file must have (matched ignoring case and surrounding blanks). */
    public static final List<String> COLUMNS = List.of("question", "selections", "options", "source");

    private final List<OpinionQuestion> questions;
    private final List<ReadWarning> warnings;

    private GlobalOpinionQa(List<OpinionQuestion> questions, List<ReadWarning> warnings) {
        this.questions = List.copyOf(questions);
        this.warnings = List.copyOf(warnings);
    }

    /** @return the questions, in file order */
    public List<OpinionQuestion> questions() {
        return questions;
    }

    /**
     * The human answer distributions, one per country × question, as {@code similarity} compares them with
     * a model's: the population is the country, the question its text, the options in the survey's order
     * with ordinals 1, 2, … (for Wasserstein) and the released shares as counts (they are normalised by
     * the metric); no unclassifiable share.
     *
     * @return the distributions, questions in file order, countries in each question's order
     */
    public List<OptionDistribution> distributions() {
        List<OptionDistribution> out = new ArrayList<>();
        for (OpinionQuestion q : questions) {
            q.shares().forEach((country, shares) -> {
                List<OptionCount> options = new ArrayList<>();
                for (int k = 0; k < shares.size(); k++) {
                    options.add(new OptionCount(DistributionSimilarity.label(q.options().get(k)), k + 1, shares.get(k)));
                }
                out.add(new OptionDistribution(country, q.question(), options, 0));
            });
        }
        return out;
    }

    /**
     * @param file a file
     * @return whether its first line is a GlobalOpinionQA header (columns {@code selections} and {@code options})
     */
    public static boolean isGlobalOpinionQa(Path file) {
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null) {
                return false;
            }
            List<String> names = new ArrayList<>();
            for (String n : first.replace("\uFEFF", "").split(",", -1)) {
                names.add(n.strip().replace("\"", "").toLowerCase(Locale.ROOT));
            }
            return names.containsAll(COLUMNS);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** @return what was read with a caveat (countries left out of a question), in file order */
    public List<ReadWarning> warnings() {
        return warnings;
    }

    /**
     * @param file the CSV file
     * @return its questions
     * @throws SurveyFormatException where the file is not GlobalOpinionQA as released
     */
    public static GlobalOpinionQa read(Path file) {
        return read(file.toString(), TextFiles.readUtf8(file));
    }

    /**
     * @param name the file's name, for messages
     * @param text the file's text
     * @return its questions
     * @throws SurveyFormatException where the text is not GlobalOpinionQA as released
     */
    public static GlobalOpinionQa read(String name, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        List<OpinionQuestion> out = new ArrayList<>();
        List<ReadWarning> warnings = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(new StringReader(body), format)) {
            Iterator<CSVRecord> it = p.iterator();
            if (!it.hasNext()) {
                throw SurveyFormatException.in(name).line(1).problem("the file is empty").expected(String.join(",", COLUMNS)).build();
            }
            Map<String, Integer> col = header(name, it.next());
            long line = p.getCurrentLineNumber() + 1;
            while (it.hasNext()) {
                CSVRecord r = it.next();
                out.add(question(name, line, r, col, warnings));
                line = p.getCurrentLineNumber() + 1;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw SurveyFormatException.in(name).problem("not a CSV file: " + e.getMessage()).cause(e).build();
        }
        return new GlobalOpinionQa(out, warnings);
    }

    private static Map<String, Integer> header(String name, CSVRecord h) {
        Map<String, Integer> col = new HashMap<>();
        for (int c = 0; c < h.size(); c++) {
            String n = h.get(c).strip().toLowerCase(Locale.ROOT);
            if (col.putIfAbsent(n, c) != null && COLUMNS.contains(n)) {
                throw SurveyFormatException.in(name).line(1).column(n).problem("the column is named twice").build();
            }
        }
        for (String c : COLUMNS) {
            if (!col.containsKey(c)) {
                throw SurveyFormatException.in(name).line(1).column(c).problem("no column " + c)
                        .expected("the columns " + String.join(", ", COLUMNS) + " (GlobalOpinionQA)").build();
            }
        }
        return col;
    }

    private static OpinionQuestion question(String name, long line, CSVRecord r, Map<String, Integer> col,
            List<ReadWarning> warnings) {
        String question = cell(name, line, r, col, "question");
        String source = cell(name, line, r, col, "source");
        Object options = literal(name, line, r, col, "options");
        List<String> opts = new ArrayList<>();
        if (!(options instanceof List<?> l)) {
            throw located(name, line, "options").expected("a list of option texts such as ['Yes', 'No']").build();
        }
        for (Object o : l) {
            if (!(o instanceof String str)) {
                throw located(name, line, "options").found(String.valueOf(o)).expected("every option a string").build();
            }
            opts.add(str);
        }
        Object selections = literal(name, line, r, col, "selections");
        if (!(selections instanceof Map<?, ?> m)) {
            throw located(name, line, "selections")
                    .expected("a dict of country → shares, as defaultdict(<class 'list'>, {'Country': [0.5, 0.5]})").build();
        }
        Map<String, List<Double>> shares = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String country)) {
                throw located(name, line, "selections").found(String.valueOf(e.getKey())).expected("country names as strings").build();
            }
            if (!(e.getValue() instanceof List<?> values)) {
                throw located(name, line, "selections").problem(country + ": the shares are not a list").build();
            }
            List<Double> s = new ArrayList<>();
            for (Object v : values) {
                if (!(v instanceof Number n) || !(n.doubleValue() >= 0) || Double.isInfinite(n.doubleValue())) {
                    throw located(name, line, "selections").found(country + ": " + v)
                            .expected("shares that are finite numbers ≥ 0").build();
                }
                s.add(n.doubleValue());
            }
            if (s.size() != opts.size()) {
                warnings.add(new ReadWarning(name, "line " + line + ", selections, " + country,
                        s.size() + " shares for " + opts.size() + " options: " + country + " left out of this question"));
                continue;
            }
            shares.put(country, s);
        }
        try {
            return new OpinionQuestion(question, opts, source, shares);
        } catch (PluralstatsException e) {
            throw located(name, line, "selections").problem(e.getMessage()).build();
        }
    }

    private static String cell(String name, long line, CSVRecord r, Map<String, Integer> col, String column) {
        int c = col.get(column);
        if (c >= r.size()) {
            throw located(name, line, column).problem("the row has " + r.size() + " fields; the header has more").build();
        }
        return r.get(c);
    }

    private static Object literal(String name, long line, CSVRecord r, Map<String, Integer> col, String column) {
        String text = cell(name, line, r, col, column);
        try {
            return PythonLiteral.parse(text);
        } catch (PythonLiteral.SyntaxError e) {
            throw located(name, line, column).problem("not a Python literal: " + e.getMessage()).build();
        }
    }

    private static SurveyFormatException.Builder located(String name, long line, String column) {
        return SurveyFormatException.in(name).line(line).column(column);
    }
}
