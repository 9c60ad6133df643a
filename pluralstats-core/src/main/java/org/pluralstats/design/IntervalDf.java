package org.pluralstats.design;

/**
 * Which quantile a design estimate's confidence interval uses, {@code estimate ± q · se}.
 *
 * <p>R's {@code confint()} on a {@code svystat} uses normal quantiles ({@code df = Inf}) unless it is
 * given {@code df}; R survey's own interval functions ({@code svyciprop}, {@code svyquantile}) default to
 * {@code df = degf(design)} of the design they are given, which inside {@code svyby} is the domain's
 * {@code subset} design. pluralstats' default is {@link #DESIGN}: {@code confint(est, df = degf(design))}.
 */
public enum IntervalDf {
    /** Normal quantiles: {@code confint(est)} in R. */
    NORMAL,
    /** Student t on the whole design's degrees of freedom: {@code confint(est, df = degf(design))}. */
    DESIGN,
    /**
     * Student t on the degrees of freedom of the domain's design: {@code df = degf(subset(design, domain))},
     * what {@code svyby(…, svyciprop)} and {@code svyby(…, svyquantile)} use; the same as {@link #DESIGN}
     * without a domain (and without missing values that remove whole PSUs).
     */
    DOMAIN
}
