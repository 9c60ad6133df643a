package org.pluralstats.report;

import java.util.Locale;
import org.pluralstats.SafeText;

/** Cell formatting shared by the report classes' Markdown. */
final class Tables {
    private Tables() {
    }

    /** @return {@code v} with the given decimals, or {@code –} when NaN */
    static String fixed(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
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
}
