package org.pluralstats.io.sidefile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.JsonInput;
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
            return ScoreTable.of(rows);
        } catch (IllegalArgumentException e) {
            throw SurveyFormatException.in(name).problem(e.getMessage()).build();
        }
    }
}
