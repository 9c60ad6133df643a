package org.pluralstats.io.csv;

/**
 * Parses decimal numbers straight from bytes. Plain decimals with at most 18 significant digits and
 * at most 22 fractional digits take the exact fast path of Clinger (1990): an integer mantissa below
 * 2^53 divided by an exactly representable power of ten is correctly rounded, so the result equals
 * {@link Double#parseDouble(String)}. Everything else falls back to {@code Double.parseDouble}. A
 * number beyond the range of a double is not a number here (the column is then text, as pandas
 * {@code read_csv} 2.x reads it: dtype object).
 */
final class NumberParser {
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private NumberParser() {
    }

    /**
     * @return the value, or NaN when the bytes are not a number
     */
    static double parse(byte[] b, int from, int to) {
        if (to - from == 1) {
            int d = b[from] - '0';
            if (d >= 0 && d <= 9) {
                return d;
            }
        }
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        boolean any = false;
        for (; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mantissa != 0 || c != '0') {
                    digits++;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
                if (digits > 18) {
                    return slow(b, from, to);
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return slow(b, from, to);
            }
        }
        if (!any) {
            return Double.NaN;
        }
        double v = mantissa;
        if (fraction > 0) {
            if (fraction > 22 || mantissa > (1L << 53)) {
                return slow(b, from, to);
            }
            v = mantissa / POW10[fraction];
        }
        return negative ? -v : v;
    }

    private static double slow(byte[] b, int from, int to) {
        String s = new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1).trim();
        if (s.isEmpty() || !looksNumeric(s)) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            // a number too large for a double (a 400-digit integer, 1e400) is text, as pandas reads it,
            // never an invented Infinity
            return Double.isInfinite(v) ? Double.NaN : v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Rejects Java-only spellings that parseDouble accepts ("1d", "0x1p3", "Infinity"). */
    private static boolean looksNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }
}
