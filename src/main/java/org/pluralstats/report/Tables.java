package org.pluralstats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pluralstats.SafeText;
import org.pluralstats.data.ShortestDecimal;
import org.pluralstats.io.CsvOutput;

/** CSV and Markdown table writing shared by the report classes. */
final class Tables {
    private Tables() {
    }

    /** @return the shortest round-trip decimal, or empty when NaN or infinite */
    static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : ShortestDecimal.format(v);
    }

    /** @return {@code v} with the given decimals, or {@code –} when NaN */
    static String fixed(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** @return {@code v} with 3 significant digits, or {@code –} when NaN */
    static String sig(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format(Locale.ROOT, "%.3g", v);
    }

    /** @return CSV through the one CSV writer, {@link CsvOutput#table} */
    static String csv(List<String> header, List<List<String>> rows) {
        return CsvOutput.table(header, rows);
    }

    /**
     * A text from the data as a Markdown table cell: e-mail addresses masked, control characters
     * escaped ({@link SafeText#forDisplay}), pipes escaped.
     *
     * @param s the text, maybe {@code null}
     * @return the cell's Markdown
     */
    static String cell(String s) {
        return s == null ? "" : SafeText.forDisplay(s).replace("|", "\\|");
    }

    /**
     * @param textColumns how many leading columns are text (left-aligned); the rest are right-aligned
     * @return a Markdown table
     */
    static String markdown(List<String> header, List<List<String>> rows, int textColumns) {
        StringBuilder sb = new StringBuilder();
        List<String> heads = new ArrayList<>();
        for (String h : header) {
            heads.add(cell(h));
        }
        sb.append("| ").append(String.join(" | ", heads)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            sb.append(i < textColumns ? "---|" : "---:|");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : r) {
                cells.add(cell(c));
            }
            sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return sb.toString();
    }
}
