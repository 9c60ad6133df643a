package org.pluralstats.design;

/**
 * How {@link TaylorDesign#proportion} sets the confidence interval of a proportion {@code p} with standard
 * error {@code se}: R survey's {@code svyciprop(…, method = …)}; {@code q} is the interval's quantile
 * ({@link IntervalDf}). {@code ReplicateDesign.proportion} uses the same formulas but for {@link #LOGIT}, whose
 * glm on a replicate design takes its variance from the replicates' refitted intercepts (see there).
 */
public enum ProportionMethod {
    /**
     * {@code "logit"} (the default): {@code expit(logit(p) ± q · se / (p(1 − p)))}, the Wald interval of the
     * intercept of {@code svyglm(y ~ 1, family = quasibinomial)} at convergence.
     */
    LOGIT,
    /** {@code "mean"}: {@code p ± q · se}. */
    MEAN,
    /**
     * {@code "xlogit"}: the delta-method interval of {@code logit(p)} back-transformed, the same limits as
     * {@link #LOGIT} computed without the glm fit.
     */
    XLOGIT,
    /** {@code "asin"}: {@code sin²(asin(√p) ± q · se / (2 √(p(1 − p))))}. */
    ASIN;

    /**
     * The interval by this method's closed form, the formulas above ({@link #LOGIT} as {@link #XLOGIT}, the
     * delta method; undefined at {@code p = 0} or {@code 1}).
     *
     * @param p the proportion
     * @param se its standard error
     * @param q the interval's quantile (a t or normal quantile)
     * @return {@code {lower, upper}}
     */
    public double[] interval(double p, double se, double q) {
        return switch (this) {
            case MEAN -> new double[] {p - q * se, p + q * se};
            case LOGIT, XLOGIT -> {
                if (!(p > 0 && p < 1)) {
                    yield new double[] {Double.NaN, Double.NaN};
                }
                double c = Math.log(p / (1 - p));
                double half = q * se / (p * (1 - p));
                yield new double[] {1 / (1 + Math.exp(-(c - half))), 1 / (1 + Math.exp(-(c + half)))};
            }
            case ASIN -> {
                double c = Math.asin(Math.sqrt(p));
                double half = q * se / (2 * Math.sqrt(p * (1 - p)));
                yield new double[] {Math.pow(Math.sin(c - half), 2), Math.pow(Math.sin(c + half), 2)};
            }
        };
    }
}
