package org.pluralstats.io.sidefile;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.json.JsonInput;
import org.pluralstats.io.TextFiles;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.ValuePolarityScore;

/** Reads back the {@link ScoreTable} that {@code pluralstats vps} writes, as JSON or CSV. */
public final class ScoreTableFiles {
    private ScoreTableFiles() {
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
        List<RowJson> rows = text.startsWith("[") ? List.of(JsonInput.bind(name, text, RowJson[].class))
                : JsonInput.bind(name, text, ScoresJson.class).rows();
        return guarded(name, rows.stream().map(r -> new ValuePolarityScore(r.population(), r.item(), count(r.n()),
                num(r.weightSum()), num(r.vps()), num(r.se()), num(r.nEff()), interval(r.ciLow(), r.ciHigh()),
                count(r.excluded()))).toList());
    }

    private static double num(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static int count(Long v) {
        return v == null ? 0 : v.intValue();
    }

    /**
     * The result table's JSON object.
     *
     * @param title its title
     * @param metadata how it was computed
     * @param rows the score rows
     */
    record ScoresJson(String title, Map<String, Object> metadata, List<RowJson> rows) {
        ScoresJson {
            if (rows == null) {
                throw new JsonInput.Invalid("rows", "no array of score rows", "");
            }
        }
    }

    /** A logit interval read back from a file (written at the 95% level of {@code pluralstats vps}). */
    private static Optional<ConfidenceInterval> interval(Double low, Double high) {
        return ConfidenceInterval.ofLimits(num(low), num(high), 0.95, ConfidenceInterval.Method.LOGIT);
    }

    /**
     * One score row, as {@link ScoreTable#table()} names its columns; absent numbers are undefined.
     *
     * @param population the population
     * @param item the item
     * @param n respondents
     * @param weightSum Σw
     * @param vps the score
     * @param se its SE
     * @param nEff Kish's effective size
     * @param ciLow interval lower bound
     * @param ciHigh interval upper bound
     * @param excluded respondents left out for an invalid weight
     */
    record RowJson(String population, String item, Long n, Double weightSum, Double vps, Double se, Double nEff,
                   Double ciLow, Double ciHigh, Long excluded) {
        RowJson {
            if (population == null || item == null) {
                throw new IllegalArgumentException("no \"population\" or \"item\"");
            }
            String[] names = {"weightSum", "vps", "se", "nEff", "ciLow", "ciHigh"};
            Double[] values = {weightSum, vps, se, nEff, ciLow, ciHigh};
            for (int i = 0; i < names.length; i++) {
                if (values[i] != null && !Double.isFinite(values[i])) {
                    throw new JsonInput.Invalid(names[i], "found " + values[i], "a finite number");
                }
            }
            count("n", n);
            count("excluded", excluded);
        }

        private static void count(String name, Long c) {
            if (c != null && (c < 0 || c > Integer.MAX_VALUE)) {
                throw new JsonInput.Invalid(name, "found " + c, "a count from 0 to " + Integer.MAX_VALUE);
            }
        }
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
            return ScoreTable.of(rows);
        } catch (IllegalArgumentException e) {
            throw SurveyFormatException.in(name).problem(e.getMessage()).build();
        }
    }
}
