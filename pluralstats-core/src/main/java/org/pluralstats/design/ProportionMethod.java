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
    ASIN
}
