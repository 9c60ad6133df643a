package org.pluralstats.io;

import java.util.Arrays;
import java.util.List;

/**
 * Values a file declares as user-missing for one variable (SPSS: up to three discrete values, a range,
 * or a range plus one value; {@code LO}/{@code HI} are encoded as infinite bounds; string variables:
 * up to three strings).
 *
 * @param values discrete missing numbers
 * @param low lower bound of the missing range (inclusive), or NaN when there is no range
 * @param high upper bound of the missing range (inclusive), or NaN when there is no range
 * @param strings discrete missing strings (trailing blanks removed)
 */
public record MissingValues(double[] values, double low, double high, List<String> strings) {

    private static final MissingValues NONE = new MissingValues(new double[0], Double.NaN, Double.NaN, List.of());

    /** Copies the arrays. */
    public MissingValues {
        values = values.clone();
        strings = List.copyOf(strings);
    }

    /** @return no declared missing values */
    public static MissingValues none() {
        return NONE;
    }

    /** @return whether a range is declared */
    public boolean hasRange() {
        return !Double.isNaN(low);
    }

    /** @return whether nothing is declared */
    public boolean isEmpty() {
        return values.length == 0 && !hasRange() && strings.isEmpty();
    }

    /**
     * @param v a numeric value (not NaN)
     * @return whether it is declared missing
     */
    public boolean isMissing(double v) {
        for (double m : values) {
            if (m == v) {
                return true;
            }
        }
        return hasRange() && v >= low && v <= high;
    }

    /**
     * @param s a string value, trailing blanks removed
     * @return whether it is declared missing
     */
    public boolean isMissing(String s) {
        return strings.contains(s);
    }

    /**
     * The declaration as SPSS users read it (the {@code MISSING VALUES} syntax, as SPSS's and PSPP's
     * {@code DISPLAY DICTIONARY} show it): the range first, {@code -5 thru -1}, with an open end written
     * {@code LO} or {@code HI} ({@code LO thru -1}, {@code 1 thru HI}), then the discrete values in the
     * file's order, {@code 8; 9; -1}, numbers in their shortest decimal form; strings quoted,
     * {@code "n/a"}, an inner quote doubled. PSPP 1.6 prints {@code LOWEST THRU -1; 8}; R haven's
     * {@code print()} of a {@code labelled_spss} shows the same declaration as
     * {@code Missing range: [-Inf, -1]} and {@code Missing values: 8}.
     *
     * @return the declaration, or {@code ""} when nothing is declared
     */
    public String describe() {
        List<String> parts = new java.util.ArrayList<>();
        if (hasRange()) {
            parts.add(bound(low) + " thru " + bound(high));
        }
        for (double v : values) {
            parts.add(bound(v));
        }
        for (String s : strings) {
            parts.add('"' + s.replace("\"", "\"\"") + '"');
        }
        return String.join("; ", parts);
    }

    /** LO and HI are -∞ and +∞ here (the readers map SPSS's ∓DBL_MAX bounds to them). */
    private static String bound(double v) {
        return v == Double.NEGATIVE_INFINITY ? "LO" : v == Double.POSITIVE_INFINITY ? "HI"
                : org.pluralstats.data.ShortestDecimal.format(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MissingValues m && Arrays.equals(values, m.values)
                && Double.compare(low, m.low) == 0 && Double.compare(high, m.high) == 0 && strings.equals(m.strings);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + strings.hashCode();
    }

    @Override
    public String toString() {
        return "MissingValues" + Arrays.toString(values) + (hasRange() ? "[" + low + ".." + high + "]" : "") + strings;
    }
}
