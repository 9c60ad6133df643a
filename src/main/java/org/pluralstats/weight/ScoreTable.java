package org.pluralstats.weight;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.JsonInput;
import org.pluralstats.io.TextFiles;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * Value polarity scores of populations × items: the rows, and each population's score vector. Read
 * back from the JSON or CSV that {@code pluralstats vps} writes with {@link #read(Path)}. Shown as its
 * {@link #table()}. Immutable.
 */
public final class ScoreTable implements TabularResult {
    private final List<ValuePolarityScore> rows;
    private final List<String> populations;
    private final List<String> items;
    private final Map<String, Map<String, ValuePolarityScore>> index = new HashMap<>();

    private ScoreTable(List<ValuePolarityScore> rows) {
        this.rows = List.copyOf(rows);
        LinkedHashSet<String> pops = new LinkedHashSet<>();
        LinkedHashSet<String> its = new LinkedHashSet<>();
        for (ValuePolarityScore s : rows) {
            pops.add(s.population());
            its.add(s.item());
            if (index.computeIfAbsent(s.population(), k -> new HashMap<>()).put(s.item(), s) != null) {
                throw new IllegalArgumentException("two scores for population " + s.population() + ", item " + s.item());
            }
        }
        this.populations = List.copyOf(pops);
        this.items = List.copyOf(its);
    }

    /**
     * @param rows score rows, at most one per population × item
     * @return the table
     */
    public static ScoreTable of(List<ValuePolarityScore> rows) {
        return new ScoreTable(rows);
    }

    /**
     * The scores as a table, one row per population × item: {@code population}, {@code item} (keys),
     * {@code vps} (the estimate), {@code n} (respondents with an answer and a valid weight),
     * {@code weightSum} (Σw), {@code se} (linearised SE), {@code nEff} (Kish's effective size),
     * {@code ciLow}, {@code ciHigh} (the logit 95% interval of R survey's {@code svyciprop}) and
     * {@code excluded} (respondents left out for an invalid weight). What {@code pluralstats vps} prints
     * and the report's scores table; {@link #read(Path)} reads its JSON and CSV back.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = ResultTable.builder("Value polarity scores per population × item")
                .meta(ResultTable.METHOD, "value polarity score (Eq. 1), linearised SE, logit interval (svyciprop)")
                .meta(ResultTable.CONFIDENCE_LEVEL, "0.95")
                .column("population", ColumnType.TEXT, Role.KEY).column("item", ColumnType.TEXT, Role.KEY)
                .number("vps", Role.ESTIMATE, 4).column("n", ColumnType.INTEGER, Role.COUNT)
                .number("weightSum", Role.WEIGHT, 2).number("se", Role.SE, 4).number("nEff", Role.WEIGHT, 1)
                .number("ciLow", Role.CI_LOWER, 4).number("ciHigh", Role.CI_UPPER, 4)
                .column("excluded", ColumnType.INTEGER, Role.COUNT);
        for (ValuePolarityScore s : rows) {
            t.row(s.population(), s.item(), s.vps(), s.n(), s.weightSum(), s.se(), s.nEff(),
                    ConfidenceInterval.lower(s.interval()), ConfidenceInterval.upper(s.interval()),
                    s.excluded());
        }
        return t.build();
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }

    /** @return all rows, in order */
    public List<ValuePolarityScore> rows() {
        return rows;
    }

    /** @return the population names, in order of first appearance */
    public List<String> populations() {
        return populations;
    }

    /** @return the item ids, in order of first appearance */
    public List<String> items() {
        return items;
    }

    /**
     * @param population a population name
     * @param item an item id
     * @return the row, if present
     */
    public Optional<ValuePolarityScore> get(String population, String item) {
        return Optional.ofNullable(index.getOrDefault(population, Map.of()).get(item));
    }

    /**
     * @param population a population name
     * @return its scores aligned with {@link #items()}, NaN where absent or undefined
     */
    public double[] vector(String population) {
        double[] v = new double[items.size()];
        Map<String, ValuePolarityScore> m = index.getOrDefault(population, Map.of());
        for (int i = 0; i < v.length; i++) {
            ValuePolarityScore s = m.get(items.get(i));
            v[i] = s == null ? Double.NaN : s.vps();
        }
        return v;
    }

    /**
     * Reads scores written by {@code pluralstats vps}: JSON (the result table's object with its
     * {@code rows}, or a bare array of rows), or CSV with a header
     * (at least {@code population,item,vps}; empty cells are undefined).
     *
     * @param file the file
     * @return the table
     */
    public static ScoreTable read(Path file) {
        String name = file.toString();
        String text = TextFiles.readUtf8(file);
        String t = text.strip();
        return t.startsWith("[") || t.startsWith("{") ? readJson(name, t) : readCsv(name, t);
    }

    private static ScoreTable readJson(String name, String text) {
        JsonNode root = JsonInput.readTree(name, text);
        if (root.isObject()) {
            root = root.path("rows");
        }
        if (!root.isArray()) {
            throw SurveyFormatException.in(name).problem("no array of score rows (\"rows\")").build();
        }
        List<ValuePolarityScore> out = new ArrayList<>();
        int k = 0;
        for (JsonNode r : root) {
            k++;
            if (!r.path("population").isTextual() || !r.path("item").isTextual()) {
                throw SurveyFormatException.in(name).record("row " + k).problem("no \"population\" or \"item\"").build();
            }
            String where = "row " + k;
            out.add(new ValuePolarityScore(r.get("population").textValue(), r.get("item").textValue(),
                    count(name, r, "n", where), num(name, r, "weightSum", where), num(name, r, "vps", where),
                    num(name, r, "se", where), num(name, r, "nEff", where),
                    interval(num(name, r, "ciLow", where), num(name, r, "ciHigh", where)),
                    count(name, r, "excluded", where)));
        }
        return guarded(name, out);
    }

    /** A logit interval read back from a file (written at the 95% level of {@code pluralstats vps}). */
    private static Optional<ConfidenceInterval> interval(double low, double high) {
        return ConfidenceInterval.ofLimits(low, high, 0.95, ConfidenceInterval.Method.LOGIT);
    }

    private static double num(String name, JsonNode r, String f, String where) {
        return JsonInput.number(name, r, f, where + "." + f).orElse(Double.NaN);
    }

    private static int count(String name, JsonNode r, String f, String where) {
        long v = JsonInput.wholeNumber(name, r, f, where + "." + f).orElse(0);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw SurveyFormatException.in(name).column(where + "." + f).found(Long.toString(v))
                    .expected("a count from 0 to " + Integer.MAX_VALUE).build();
        }
        return (int) v;
    }

    private static ScoreTable readCsv(String name, String text) {
        List<ValuePolarityScore> out = new ArrayList<>();
        try (Reader r = new java.io.StringReader(text)) {
            int line = 1;
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                line++;
                if (!rec.isMapped("population") || !rec.isMapped("item") || !rec.isMapped("vps")) {
                    throw SurveyFormatException.in(name).line(1).problem("the header lacks population, item or vps").build();
                }
                for (String f : List.of("population", "item")) {
                    if (rec.get(f).isBlank()) {
                        throw SurveyFormatException.in(name).line(line).column(f).found(rec.get(f)).expected("a name")
                                .build();
                    }
                }
                out.add(new ValuePolarityScore(rec.get("population"), rec.get("item"), (int) cell(name, line, rec, "n", 0),
                        cell(name, line, rec, "weightSum", Double.NaN), cell(name, line, rec, "vps", Double.NaN),
                        cell(name, line, rec, "se", Double.NaN), cell(name, line, rec, "nEff", Double.NaN),
                        interval(cell(name, line, rec, "ciLow", Double.NaN), cell(name, line, rec, "ciHigh", Double.NaN)),
                        (int) cell(name, line, rec, "excluded", 0)));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw SurveyFormatException.in(name).problem("not a score CSV: " + e.getMessage()).cause(e).build();
        }
        return guarded(name, out);
    }

    private static double cell(String name, int line, CSVRecord rec, String col, double absent) {
        if (!rec.isMapped(col) || !rec.isSet(col) || rec.get(col).isBlank()) {
            return absent;
        }
        try {
            return Double.parseDouble(rec.get(col).trim());
        } catch (NumberFormatException e) {
            throw SurveyFormatException.in(name).line(line).column(col).found(rec.get(col)).expected("a number").build();
        }
    }

    private static ScoreTable guarded(String name, List<ValuePolarityScore> rows) {
        try {
            return of(rows);
        } catch (IllegalArgumentException e) {
            throw SurveyFormatException.in(name).problem(e.getMessage()).build();
        }
    }
}
