package org.pluralstats.design;

/**
 * One design-based estimate, field for field what R survey prints for it: {@code coef}, {@code SE},
 * {@code confint(…, df = degf(design))}, {@code deff}. Undefined numbers are {@code NaN}.
 *
 * @param estimate the point estimate (a mean, total, ratio, proportion or quantile)
 * @param se its standard error (Taylor-linearised or replicate)
 * @param ciLow the lower end of its confidence interval
 * @param ciHigh the upper end
 * @param level the interval's confidence level
 * @param df the degrees of freedom of the interval ({@code Double.POSITIVE_INFINITY} for a normal interval)
 * @param deff the design effect ({@code svymean(…, deff = TRUE)}: the variance over that of simple random
 *     sampling of the same size), {@code NaN} when not computed
 */
public record DesignEstimate(double estimate, double se, double ciLow, double ciHigh, double level, double df,
                             double deff) {
}
