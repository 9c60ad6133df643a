package org.pluralstats.report;

import java.util.Optional;
import java.util.OptionalDouble;
import org.pluralstats.data.ShortestDecimal;

/** CSV cell writing for reports: RFC 4180 quoting, numbers in shortest round-trip form, empty when undefined. */
public final class Csv {
    private Csv() {
    }

    /**
     * @param s a text
     * @return the text, quoted when it holds a comma, quote or line break
     */
    public static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
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
