package org.pluralstats.report.svg;

/**
 * A value to plot with its interval. Missing parts are NaN: a NaN value is not drawn, a NaN bound
 * draws no whisker.
 *
 * @param value the estimate
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 */
public record Estimate(double value, double lower, double upper) {

    /**
     * @param value the estimate
     * @return an estimate without interval
     */
    public static Estimate of(double value) {
        return new Estimate(value, Double.NaN, Double.NaN);
    }

    /**
     * @param value the estimate
     * @param lower lower end
     * @param upper upper end
     * @return an estimate with interval
     */
    public static Estimate of(double value, double lower, double upper) {
        return new Estimate(value, lower, upper);
    }

    /** @return an estimate that is not drawn */
    public static Estimate missing() {
        return new Estimate(Double.NaN, Double.NaN, Double.NaN);
    }

    /** @return whether the value is defined */
    public boolean present() {
        return Double.isFinite(value);
    }

    /** @return whether both bounds are defined */
    public boolean hasInterval() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }
}
