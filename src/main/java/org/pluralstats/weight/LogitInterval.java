package org.pluralstats.weight;

import org.pluralstats.stats.Distributions;

/**
 * The logit confidence interval of a proportion, as R survey's {@code svyciprop(method = "logit")}
 * computes it: a Wald interval on the logit scale with Student-t quantiles on the design's degrees of
 * freedom, back-transformed,
 *
 * <pre>
 *   expit( logit(p) ± t(1 - α/2, df) · se / (p (1 - p)) )
 * </pre>
 *
 * where {@code se / (p (1 - p))} is the delta-method (equivalently, the intercept-only quasibinomial
 * sandwich) standard error of {@code logit(p)}. For {@code svydesign(ids = ~1, ...)} on {@code m}
 * respondents {@code df = m - 1}. Undefined (NaN) when {@code p} is 0 or 1, {@code se} is not finite,
 * or {@code df < 1}.
 */
public final class LogitInterval {
    private LogitInterval() {
    }

    /**
     * @param p the estimated proportion
     * @param se its standard error
     * @param df degrees of freedom of the t quantile
     * @param level confidence level, e.g. 0.95
     * @return {@code {low, high}}, both NaN when undefined
     */
    public static double[] of(double p, double se, double df, double level) {
        if (!(p > 0 && p < 1) || !Double.isFinite(se) || !(df >= 1) || !(level > 0 && level < 1)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double t = studentQuantile(1 - (1 - level) / 2, df);
        double centre = Math.log(p / (1 - p));
        double half = t * se / (p * (1 - p));
        return new double[] {expit(centre - half), expit(centre + half)};
    }

    /**
     * The Student-t quantile, solved to an absolute accuracy of 1e-14 (Commons Math's default of 1e-9
     * is too coarse to match R's {@code qt} to 1e-9 after the back-transform).
     *
     * @param probability the lower-tail probability
     * @param df degrees of freedom (at least 1)
     * @return {@code t} with {@code P(T ≤ t) = probability}
     */
    public static double studentQuantile(double probability, double df) {
        return Distributions.tQuantile(probability, df);
    }

    private static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
