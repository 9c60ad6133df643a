package org.pluralstats.io.sidefile;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.agreement.Ratings;
import org.pluralstats.io.TextFiles;

/**
 * Reads an annotation file: CSV with a header, one row per rated unit, one column per rater, e.g.
 *
 * <pre>
 *   unit,human,judge
 *   s001,0.8,0.75
 *   s002,pro,pro        (or text labels throughout)
 * </pre>
 *
 * The unit is the column {@code unit} (or {@code id}, {@code item}, {@code statement}) when there is one,
 * else the line number. Rater columns are matched by name, ignoring case and surrounding blanks; other
 * columns are ignored. Empty cells and {@code NA}, {@code NaN}, {@code N/A}, {@code null}, {@code .} are
 * missing ratings. The rater columns hold either numbers throughout (scores, ordinal codes) or text labels
 * throughout, which are coded 1, 2, … in sorted order ({@link Ratings#labels()}); a number among labels
 * or a label among numbers is an error naming the line and column.
 */
public final class AnnotationFiles {
    private static final Set<String> MISSING = Set.of("", "na", "nan", "n/a", "null", ".");

    private AnnotationFiles() {
    }

    /**
     * @param file the CSV file
     * @param raters the rater columns, at least one
     * @return the ratings, one row per data line
     * @throws SurveyFormatException naming the file, line and column: a rater column missing from the header,
     *     a ragged line, mixed numbers and labels, or no rows
     */
    public static Ratings read(Path file, List<String> raters) {
        String name = file.toString();
        String text = TextFiles.readUtf8(file);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        List<String> units = new ArrayList<>();
        List<String[]> cells = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        int[] col = new int[raters.size()];
        try (Reader r = new StringReader(text); CSVParser p = CSVParser.parse(r, format)) {
            List<String> names = p.getHeaderNames();
            Map<String, Integer> header = OptionDistributionFiles.header(names);
            for (int j = 0; j < raters.size(); j++) {
                Integer c = header.get(raters.get(j).strip().toLowerCase(Locale.ROOT));
                if (c == null) {
                    throw SurveyFormatException.in(name).line(1).column(raters.get(j)).found(String.join(",", names))
                            .expected("a column " + raters.get(j) + " in the header (one column per rater)").build();
                }
                col[j] = c;
            }
            int unit = OptionDistributionFiles.first(header, "unit", "id", "item", "statement");
            int scanned = 0;
            long line = 1;
            for (CSVRecord rec : p) {
                // the line the record starts on (empty lines are skipped, so not the record number + 1)
                for (long end = rec.getCharacterPosition(); scanned < end; scanned++) {
                    if (text.charAt(scanned) == '\n') {
                        line++;
                    }
                }
                for (; scanned < text.length() && (text.charAt(scanned) == '\n' || text.charAt(scanned) == '\r'); scanned++) {
                    if (text.charAt(scanned) == '\n') {
                        line++; // an empty line before the record, which the position points at
                    }
                }
                if (rec.size() != names.size()) {
                    throw SurveyFormatException.in(name).line(line).found(rec.size() + " fields")
                            .expected(names.size() + " as in the header").build();
                }
                String[] row = new String[raters.size()];
                for (int j = 0; j < row.length; j++) {
                    row[j] = rec.get(col[j]).strip();
                }
                units.add(unit < 0 ? Long.toString(line) : rec.get(unit).strip());
                cells.add(row);
                lines.add(line);
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw SurveyFormatException.in(name).problem("not a CSV file: " + e.getMessage()).cause(e).build();
        }
        if (cells.isEmpty()) {
            throw SurveyFormatException.in(name).problem("no rated units (a header line only)").build();
        }
        return decode(name, units, raters, cells, lines);
    }

    private static Ratings decode(String name, List<String> units, List<String> raters, List<String[]> cells, List<Long> lines) {
        double[][] values = new double[cells.size()][raters.size()];
        Set<String> labels = new TreeSet<>();
        long firstNumber = -1;
        int firstNumberColumn = -1;
        long firstLabel = -1;
        int firstLabelColumn = -1;
        for (int u = 0; u < cells.size(); u++) {
            for (int j = 0; j < raters.size(); j++) {
                String s = cells.get(u)[j];
                if (MISSING.contains(s.toLowerCase(Locale.ROOT))) {
                    values[u][j] = Double.NaN;
                    continue;
                }
                double v = number(s);
                if (Double.isNaN(v)) {
                    labels.add(s);
                    if (firstLabel < 0) {
                        firstLabel = lines.get(u);
                        firstLabelColumn = j;
                    }
                } else {
                    values[u][j] = v;
                    if (firstNumber < 0) {
                        firstNumber = lines.get(u);
                        firstNumberColumn = j;
                    }
                }
            }
        }
        if (labels.isEmpty()) {
            return new Ratings(name, units, raters, values, List.of());
        }
        if (firstNumber >= 0) {
            boolean numbersFirst = firstNumber < firstLabel || (firstNumber == firstLabel && firstNumberColumn < firstLabelColumn);
            long line = numbersFirst ? firstLabel : firstNumber;
            int column = numbersFirst ? firstLabelColumn : firstNumberColumn;
            String found = cells.get(lines.indexOf(line))[column];
            throw SurveyFormatException.in(name).line(line).column(raters.get(column)).found(found)
                    .expected(numbersFirst ? "a number, as the ratings before it (or text labels throughout)"
                            : "a text label, as the ratings before it (or numbers throughout)").build();
        }
        List<String> sorted = List.copyOf(labels);
        for (int u = 0; u < cells.size(); u++) {
            for (int j = 0; j < raters.size(); j++) {
                if (!MISSING.contains(cells.get(u)[j].toLowerCase(Locale.ROOT))) {
                    values[u][j] = sorted.indexOf(cells.get(u)[j]) + 1;
                }
            }
        }
        return new Ratings(name, units, raters, values, sorted);
    }

    /** @return the finite number the text spells, or NaN */
    private static double number(String s) {
        char c = s.charAt(0);
        if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
