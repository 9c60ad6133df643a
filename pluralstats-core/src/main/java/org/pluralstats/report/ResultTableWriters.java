package org.pluralstats.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pluralstats.io.Json;
import org.pluralstats.data.ShortestDecimal;
import org.pluralstats.io.CsvOutput;
import org.pluralstats.report.html.HtmlReport;
import org.pluralstats.report.html.ReportTable;
import org.pluralstats.table.Column;
import org.pluralstats.table.ResultTable;

/**
 * The generic writers of any {@link ResultTable}: Markdown, CSV, JSON and an HTML {@code <table>}. The
 * CLI's {@code --format md|csv|json} and the report's {@code tables/*.csv|json} both write through these,
 * so the same result gives the same bytes in both.
 *
 * <ul>
 *   <li><b>CSV</b>: a header of the column names, then one line per row, {@code \n} line ends; every cell
 *     through {@link CsvOutput#field} (RFC 4180 quoting, spreadsheet formulas neutralised); numbers exact
 *     as shortest round-trip decimals ({@link ShortestDecimal}); an undefined cell is empty.</li>
 *   <li><b>JSON</b>: an object {@code {"title": …, "metadata": {…}, "rows": […]}}: the title, the metadata
 *     (method, weights, confidence level, seed, pluralstats version) and the rows as objects keyed by column
 *     name, in column order; numbers exact, integers as integers, booleans as booleans, {@code null} for
 *     undefined (never NaN); written through {@link Json#write} (valid JSON whatever reaches it).</li>
 *   <li><b>Markdown</b>: a pipe table for reading; numbers <em>rounded</em> to each column's decimals and
 *     p-values below 10⁻⁴ as {@code <0.0001} ({@link ResultTable#display}), {@code –} when undefined; text
 *     cells with e-mail addresses masked and control characters and pipes escaped; number columns
 *     right-aligned; the title above in bold and the metadata below as one line. Use CSV or JSON for the
 *     exact values.</li>
 *   <li><b>HTML</b>: a {@code <table>} element, cells as in Markdown, escaped.</li>
 * </ul>
 * CSV holds the rows only (a spreadsheet's data); the other three carry the title, and Markdown and JSON
 * the metadata, so a saved result says how it was computed.
 */
public final class ResultTableWriters {
    private ResultTableWriters() {
    }

    /**
     * @param t a table
     * @return its CSV text, numbers exact, empty cells where undefined
     */
    public static String csv(ResultTable t) {
        // the shortest exact form of a double costs microseconds: a long table is formatted on all cores
        // (each row on its own, so the text is the same however it is split)
        String[][] cells = new String[t.rows()][];
        int width = t.columns().size();
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, t.rows());
        (t.rows() >= 1000 ? range.parallel() : range).forEach(r -> {
            String[] row = new String[width];
            for (int c = 0; c < width; c++) {
                row[c] = exact(t, r, c);
            }
            cells[r] = row;
        });
        List<List<String>> rows = java.util.Arrays.stream(cells).map(List::of).toList();
        return CsvOutput.table(t.columns().stream().map(Column::name).toList(), rows);
    }

    /**
     * @param t a table
     * @return its JSON text: an object of title, metadata and rows (objects keyed by column name,
     *     {@code null} where undefined), indented, ending with a line separator
     */
    public static String json(ResultTable t) {
        return json(t, Map.of());
    }

    /**
     * @param t a table
     * @param provenance where the table came from (the report's {@link Provenance#toMap()}); empty for none
     * @return its JSON text as {@link #json(ResultTable)}, with a last member {@code "provenance"} unless
     *     {@code provenance} is empty
     */
    public static String json(ResultTable t, Map<String, Object> provenance) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < t.rows(); r++) {
            Map<String, Object> o = new LinkedHashMap<>();
            for (int c = 0; c < t.columns().size(); c++) {
                o.put(t.columns().get(c).name(), t.cell(r, c));
            }
            rows.add(o);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", t.title());
        root.put("metadata", t.metadata());
        root.put("rows", rows);
        if (!provenance.isEmpty()) {
            root.put("provenance", provenance);
        }
        return Json.write(root);
    }

    /**
     * @param t a table
     * @return a Markdown pipe table, numbers rounded for reading
     */
    public static String markdown(ResultTable t) {
        StringBuilder sb = new StringBuilder();
        if (!t.title().isEmpty()) {
            sb.append("**").append(Tables.cell(t.title())).append("**\n\n");
        }
        sb.append('|');
        for (Column c : t.columns()) {
            sb.append(' ').append(Tables.cell(c.name())).append(" |");
        }
        sb.append("\n|");
        for (Column c : t.columns()) {
            sb.append(c.numeric() ? "---:|" : "---|");
        }
        sb.append('\n');
        for (int r = 0; r < t.rows(); r++) {
            sb.append('|');
            for (int c = 0; c < t.columns().size(); c++) {
                sb.append(' ').append(Tables.cell(t.display(r, c))).append(" |");
            }
            sb.append('\n');
        }
        if (!t.metadata().isEmpty()) {
            sb.append('\n').append(Tables.cell(t.metadataLine(true))).append('\n');
        }
        return sb.toString();
    }

    /**
     * @param t a table
     * @return an HTML {@code <table>} element, as the report shows the table
     */
    public static String html(ResultTable t) {
        return HtmlReport.tableElement(ReportTable.of("table", t, false));
    }

    /**
     * @param t a table
     * @param format {@code md}, {@code csv} or {@code json}
     * @return the table in that format
     */
    public static String write(ResultTable t, String format) {
        return switch (format) {
            case "md" -> markdown(t);
            case "csv" -> csv(t);
            case "json" -> json(t);
            default -> throw new IllegalArgumentException("unknown table format " + format + "; expected md, csv or json");
        };
    }

    private static String exact(ResultTable t, int r, int c) {
        Object v = t.cell(r, c);
        if (v == null) {
            return "";
        }
        return v instanceof Double d ? ShortestDecimal.format(d) : v.toString();
    }
}
