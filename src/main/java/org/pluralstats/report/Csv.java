package org.pluralstats.report;

import java.util.Optional;
import java.util.OptionalDouble;
import org.pluralstats.data.ShortestDecimal;
import org.pluralstats.io.CsvOutput;

/**
 * CSV cell writing for reports: RFC 4180 quoting, formula-like text neutralised ({@link CsvOutput}),
 * numbers in shortest round-trip form, empty when undefined.
 */
public final class Csv {
    private Csv() {
    }

    /**
     * @param s a text
     * @return the text, neutralised when a spreadsheet would run it as a formula and quoted when it holds
     *     a comma, quote or line break ({@link CsvOutput#field(String)})
     */
    public static String field(String s) {
        return CsvOutput.field(s);
    }

    /**
     * @param v a number
     * @return its shortest text, or empty when NaN or infinite
     */
    public static String number(double v) {
        return Double.isFinite(v) ? ShortestDecimal.format(v) : "";
    }

    /**
     * @param v a number, maybe absent
     * @return its shortest text, or empty
     */
    public static String number(OptionalDouble v) {
        return v.isPresent() ? number(v.getAsDouble()) : "";
    }

    /**
     * @param v a number, maybe absent
     * @return its shortest text, or empty
     */
    public static String number(Optional<Double> v) {
        return v.map(Csv::number).orElse("");
    }
}
