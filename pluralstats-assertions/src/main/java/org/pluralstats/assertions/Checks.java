package org.pluralstats.assertions;

import org.assertj.core.data.Offset;

/** Tolerance checks shared by the assertions. */
final class Checks {
    private Checks() {
    }

    /**
     * @return whether {@code actual} is within the offset of {@code expected}; NaN is never close
     *     (use the {@code isUndefined} assertions for undefined results)
     */
    static boolean close(double actual, double expected, Offset<Double> offset) {
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            return false;
        }
        double d = Math.abs(actual - expected);
        return offset.strict ? d < offset.value : d <= offset.value;
    }

    static String describe(double expected, Offset<Double> offset) {
        return expected + " ± " + offset.value;
    }
}
