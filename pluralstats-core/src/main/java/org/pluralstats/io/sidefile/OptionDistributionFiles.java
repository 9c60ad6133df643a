package org.pluralstats.io.sidefile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.align.DistributionSimilarity;
import org.pluralstats.align.OptionCount;
import org.pluralstats.align.OptionDistribution;
import org.pluralstats.io.json.JsonInput;
import org.pluralstats.io.TextFiles;

/**
 * Reads answer distributions over the options of multiple-choice questions, human or model, from JSON
 * or CSV.
 *
 * <h2>JSON: an array of questions</h2>
 * <pre>
 * [{"population":"US","question":"Q12","options":["Yes","No"],"counts":[61,39]},
 *  {"population":"US","question":"Q13","options":["1","2","3","4"],"shares":[0.1,0.4,0.3,0.2],
 *   "ordinals":[1,2,3,4],"unclassifiable":0.02}]
 * </pre>
 * {@code question}, {@code options} and {@code counts} (or {@code shares}) are required;
 * {@code population} defaults to {@value #ALL}; {@code unclassifiable} to 0; any other member is an error.
 *
 * <h2>CSV: one row per population × question × option</h2>
 * Header (names matched ignoring case): {@code question} (or {@code question_key}, {@code item}),
 * {@code option}, {@code count} (or {@code share}, {@code proportion}, {@code probability}), and
 * optionally {@code population} and {@code ordinal}. Rows of a question need not be adjacent; options
 * keep the order of their first row.
 *
 * <h2>Both</h2>
 * An option whose label equals the unclassifiable label ({@value #UNCLASSIFIABLE} by default, any case)
 * is not an option: its count is the question's unclassifiable outputs. Ordinal positions: the
 * {@code ordinals} / {@code ordinal} given; else the option labels themselves when they are all
 * numbers; else 1, 2, … in option order. Errors name the file and the line (CSV) or the member (JSON): a
 * negative or non-numeric count, an option given twice, counts and options of different lengths.
 */
public final class OptionDistributionFiles {
    /** The default population name. */
    public static final String ALL = "all";
    /** The default label of unclassifiable outputs. */
    public static final String UNCLASSIFIABLE = "unclassifiable";

    private OptionDistributionFiles() {
    }

    /**
     * @param file a JSON or CSV file
     * @return its distributions, in file order
     */
    public static List<OptionDistribution> read(Path file) {
        return read(file, UNCLASSIFIABLE);
    }

    /**
     * @param file a JSON or CSV file
     * @param unclassifiableLabel the option label that marks unclassifiable outputs
     * @return its distributions, in file order
     */
    public static List<OptionDistribution> read(Path file, String unclassifiableLabel) {
        String name = file.toString();
        String text = TextFiles.readUtf8(file);
        String u = DistributionSimilarity.label(unclassifiableLabel);
        return text.strip().startsWith("[") ? json(name, text, u) : csv(name, text, u);
    }

    private static List<OptionDistribution> json(String name, String text, String unclassifiable) {
        List<OptionDistribution> out = new ArrayList<>();
        int k = 0;
        for (Entry q : JsonInput.bind(name, text, Entry[].class)) {
            String where = "entry " + ++k;
            if (q == null) {
                throw SurveyFormatException.in(name).record(where).found("null").expected("a JSON object").build();
            }
            if (q.options().size() != q.counts().size()) {
                throw SurveyFormatException.in(name).record(where).problem(q.options().size() + " options but "
                        + q.counts().size() + " counts").build();
            }
            if (q.ordinals() != null && q.ordinals().size() != q.options().size()) {
                throw SurveyFormatException.in(name).record(where).problem("\"ordinals\" must be an array with one number"
                        + " per option").build();
            }
            double unc = q.unclassifiable();
            List<String> labels = new ArrayList<>();
            List<Double> cs = new ArrayList<>();
            List<Double> ords = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < q.options().size(); i++) {
                String label = q.options().get(i);
                if (DistributionSimilarity.label(label).equals(unclassifiable)) {
                    unc += q.counts().get(i);
                    continue;
                }
                if (!seen.add(DistributionSimilarity.label(label))) {
                    throw SurveyFormatException.in(name).record(where).problem("option \"" + label + "\" given twice").build();
                }
                labels.add(label);
                cs.add(q.counts().get(i));
                ords.add(q.ordinals() == null ? Double.NaN : q.ordinals().get(i));
            }
            out.add(build(q.population(), q.question(), labels, cs, ords, unc, name + ", " + where));
        }
        return out;
    }

    /**
     * One question of the JSON form, bound strictly; each value is checked here (how the lengths fit
     * together, in {@link #json}).
     *
     * @param question the question key (a string or a number)
     * @param population the population, {@value #ALL} when absent
     * @param options the option labels (strings or numbers)
     * @param counts the counts or shares, one per option, finite and non-negative
     * @param ordinals the ordinal positions, one per option, or null
     * @param unclassifiable the unclassifiable outputs, 0 when absent
     */
    record Entry(String question, String population, List<String> options, List<Double> counts, List<Double> ordinals,
                 double unclassifiable) {
        @JsonCreator
        static Entry of(@JsonProperty("question") Object question, @JsonProperty("population") Object population,
                        @JsonProperty("options") List<Object> options, @JsonProperty("counts") List<Double> counts,
                        @JsonProperty("shares") List<Double> shares, @JsonProperty("ordinals") List<Double> ordinals,
                        @JsonProperty("unclassifiable") Double unclassifiable) {
            String q = label("question", question);
            if (q == null || q.isBlank()) {
                throw new JsonInput.Invalid("question", "no \"question\"", "");
            }
            List<Double> cs = counts != null ? counts : shares;
            if (options == null || cs == null) {
                throw new JsonInput.Invalid(options == null ? "options" : "counts",
                        "needs arrays \"options\" and \"counts\" (or \"shares\")", "");
            }
            String p = label("population", population);
            return new Entry(q, p == null ? ALL : p, options.stream().map(o -> label("options", o)).toList(),
                    numbers(counts != null ? "counts" : "shares", cs, false), ordinals == null ? null
                    : numbers("ordinals", ordinals, true), unclassifiable == null ? 0
                    : numbers("unclassifiable", List.of(unclassifiable), false).get(0));
        }

        private static String label(String member, Object v) {
            if (v == null || v instanceof String) {
                return (String) v;
            }
            if (v instanceof Number) {
                return v.toString();
            }
            throw new JsonInput.Invalid(member, "found " + v, "a string");
        }

        private static List<Double> numbers(String member, List<Double> xs, boolean signed) {
            for (Double x : xs) {
                if (x == null || !Double.isFinite(x) || !signed && x < 0) {
                    throw new JsonInput.Invalid(member, "found " + x, signed ? "a finite number" : "a finite non-negative number");
                }
            }
            return xs;
        }
    }

    private static List<OptionDistribution> csv(String name, String text, String unclassifiable) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        Map<String, Group> groups = new LinkedHashMap<>();
        try (Reader r = new java.io.StringReader(text); CSVParser p = CSVParser.parse(r, format)) {
            List<String> names = p.getHeaderNames();
            Map<String, Integer> col = header(names);
            int question = first(col, "question", "question_key", "item");
            int option = first(col, "option");
            int count = first(col, "count", "share", "proportion", "probability");
            int population = first(col, "population");
            int ordinal = first(col, "ordinal");
            if (question < 0 || option < 0 || count < 0) {
                throw SurveyFormatException.in(name).line(1).found(String.join(",", names))
                        .expected("columns question, option and count (or share), optionally population and ordinal").build();
            }
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber() + 1;
                if (rec.size() != names.size()) {
                    throw SurveyFormatException.in(name).line(line).found(rec.size() + " fields")
                            .expected(names.size() + " as in the header").build();
                }
                String q = rec.get(question).strip();
                String o = rec.get(option).strip();
                String pop = population < 0 || rec.get(population).isBlank() ? ALL : rec.get(population).strip();
                if (q.isEmpty() || o.isEmpty()) {
                    throw SurveyFormatException.in(name).line(line).problem("empty question or option").build();
                }
                double c = cell(name, line, names.get(count), rec.get(count), false);
                Group g = groups.computeIfAbsent(pop + '\u0000' + q, k -> new Group(pop, q, line));
                if (DistributionSimilarity.label(o).equals(unclassifiable)) {
                    g.unclassifiable += c;
                    continue;
                }
                if (!g.seen.add(DistributionSimilarity.label(o))) {
                    throw SurveyFormatException.in(name).line(line).problem("option \"" + o + "\" of question " + q
                            + " (" + pop + ") given twice").build();
                }
                g.labels.add(o);
                g.counts.add(c);
                g.ordinals.add(ordinal < 0 ? Double.NaN : cell(name, line, names.get(ordinal), rec.get(ordinal), true));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw SurveyFormatException.in(name).problem("not a CSV file: " + e.getMessage()).cause(e).build();
        }
        List<OptionDistribution> out = new ArrayList<>();
        for (Group g : groups.values()) {
            out.add(build(g.population, g.question, g.labels, g.counts, g.ordinals, g.unclassifiable,
                    name + ", line " + g.line));
        }
        return out;
    }

    private static final class Group {
        final String population;
        final String question;
        final long line;
        final List<String> labels = new ArrayList<>();
        final List<Double> counts = new ArrayList<>();
        final List<Double> ordinals = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        double unclassifiable;

        Group(String population, String question, long line) {
            this.population = population;
            this.question = question;
            this.line = line;
        }
    }

    private static double cell(String name, long line, String column, String text, boolean signed) {
        String s = text.strip();
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw SurveyFormatException.in(name).line(line).column(column).found(s).expected("a number").build();
        }
        if (!Double.isFinite(v) || (!signed && v < 0)) {
            throw SurveyFormatException.in(name).line(line).column(column).found(s)
                    .expected(signed ? "a finite number" : "a finite non-negative number").build();
        }
        return v;
    }

    /** @return each header name (stripped, lower case) → its first column */
    static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            col.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return col;
    }

    /** @return the column of the first of the names the header has, or -1 */
    static int first(Map<String, Integer> col, String... names) {
        for (String n : names) {
            if (col.containsKey(n)) {
                return col.get(n);
            }
        }
        return -1;
    }

    private static OptionDistribution build(String population, String question, List<String> labels, List<Double> counts,
                                            List<Double> ordinals, double unclassifiable, String where) {
        if (labels.isEmpty()) {
            // only unclassifiable outputs: keep the question so they are counted
            return new OptionDistribution(population, question, List.of(), unclassifiable);
        }
        double[] ord = new double[labels.size()];
        boolean given = ordinals.stream().noneMatch(d -> Double.isNaN(d));
        boolean numeric = true;
        for (int i = 0; i < ord.length && !given; i++) {
            try {
                ord[i] = Double.parseDouble(labels.get(i).strip());
                numeric &= Double.isFinite(ord[i]);
            } catch (NumberFormatException e) {
                numeric = false;
            }
        }
        List<OptionCount> options = new ArrayList<>();
        for (int i = 0; i < ord.length; i++) {
            double o = given ? ordinals.get(i) : numeric ? ord[i] : i + 1;
            options.add(new OptionCount(labels.get(i), o, counts.get(i)));
        }
        try {
            return new OptionDistribution(population, question, options, unclassifiable);
        } catch (PluralstatsException e) {
            throw new PluralstatsException(where + ": " + e.getMessage(), e);
        }
    }
}
