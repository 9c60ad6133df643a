package org.pluralstats.io;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one way the library writes a CSV cell: every CSV output (report tables, {@code forms --format csv},
 * raked weights, {@code convert --to csv}) goes through {@link #field(String)}.
 *
 * <p><b>Formula injection.</b> A spreadsheet opening a CSV runs a cell that starts with {@code =},
 * {@code +}, {@code -} or {@code @} as a formula, and a leading tab or carriage return can hide such
 * a start. As the OWASP "CSV Injection" page recommends, such a cell is written with a single quote
 * {@code '} in front ({@code =HYPERLINK(…)} becomes {@code '=HYPERLINK(…)}), which spreadsheets show
 * as text. A cell that is a plain decimal number ({@code -2}, {@code -0.5}, {@code +1e3}: an optional
 * sign, digits with an optional point, an optional exponent) is kept as it is, so numbers stay numbers.
 * {@link #rawField(String)} skips the neutralisation, for {@code convert --raw}, whose output must hold
 * the values exactly.
 *
 * <p><b>Quoting.</b> RFC 4180: a cell holding a comma, a quote, a line feed or a carriage return is
 * quoted, with quotes doubled.
 */
public final class CsvOutput {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private CsvOutput() {
    }

    /**
     * @param cell a cell's text
     * @return whether a spreadsheet could run it as a formula: it starts with {@code = + - @}, tab or
     *     carriage return and is not a plain number
     */
    public static boolean isFormulaLike(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char c = cell.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
            return false;
        }
        return !PLAIN_NUMBER.matcher(cell).matches();
    }

    /**
     * @param cell a cell's text
     * @return the text, with a single quote in front when it {@linkplain #isFormulaLike is formula-like}
     */
    public static String neutralise(String cell) {
        return isFormulaLike(cell) ? "'" + cell : cell;
    }

    /**
     * @param cell a cell's text
     * @return the cell neutralised and quoted as RFC 4180 requires
     */
    public static String field(String cell) {
        return rawField(neutralise(cell));
    }

    /**
     * @param cell a cell's text
     * @return the cell quoted as RFC 4180 requires, not neutralised
     */
    public static String rawField(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /**
     * Appends a cell, quoted as RFC 4180 requires.
     *
     * @param line where the cell goes
     * @param cell the cell's text
     * @param neutralise whether formula-like cells get a leading single quote
     * @return {@code line}
     */
    public static StringBuilder append(StringBuilder line, String cell, boolean neutralise) {
        return line.append(rawField(neutralise ? neutralise(cell) : cell));
    }

    /**
     * @param v a number
     * @return its shortest round-trip text ({@link org.pluralstats.data.ShortestDecimal}), or empty when NaN or
     *     infinite (an undefined cell)
     */
    public static String number(double v) {
        return Double.isFinite(v) ? org.pluralstats.data.ShortestDecimal.format(v) : "";
    }

    /**
     * The one CSV table writer: a header, then one line per row, {@code \n} line ends, every cell
     * {@linkplain #field neutralised and quoted}.
     *
     * @param header the column names
     * @param rows the cells' texts, row by row
     * @return the CSV text
     */
    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        rows.forEach(r -> line(sb, r));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            sb.append(c == 0 ? "" : ",").append(field(cells.get(c)));
        }
        sb.append('\n');
    }
}
