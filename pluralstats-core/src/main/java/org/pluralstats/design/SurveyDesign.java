package org.pluralstats.design;

/**
 * A survey design over {@code n} respondents, in file order: what R survey's {@code svydesign} or
 * {@code svrepdesign} object is. Immutable. Estimators take variables as {@code double[n]} arrays; a
 * respondent outside a domain keeps its place (domain estimation uses the whole design, as R's
 * {@code svyby} and {@code subset}).
 *
 * <p>Implementations: a Taylor-linearisation design (weights, clusters, strata, fpc) and a
 * replicate-weight design (JK1, JKn, BRR, Fay, bootstrap).
 */
public interface SurveyDesign {
    /** @return the number of respondents */
    int size();

    /** @return the sampling weights, one per respondent (a copy) */
    double[] weights();

    /**
     * @return the design's degrees of freedom ({@code degf(design)}: PSUs minus strata for a Taylor
     *     design, the rank of the replicate weights minus 1 for a replicate design)
     */
    double degreesOfFreedom();

    /**
     * @param domain who is in the domain, or {@code null} for everyone
     * @return the degrees of freedom of intervals for the domain: by default {@link #degreesOfFreedom()}
     *     (a replicate design's); a Taylor design counts the domain's PSUs ({@code degf(subset(design, domain))})
     */
    default double degreesOfFreedom(boolean[] domain) {
        return degreesOfFreedom();
    }

    /**
     * The weighted mean of {@code y} over the respondents in {@code domain} ({@code svymean(~y, subset(design,
     * domain))}), its standard error and t interval with {@link #degreesOfFreedom()}.
     *
     * @param y the variable, one value per respondent (values outside the domain are ignored)
     * @param domain who is in the domain, or {@code null} for everyone
     * @param level the confidence level of the interval
     * @return the estimate
     */
    DesignEstimate mean(double[] y, boolean[] domain, double level);

    /**
     * The weighted total of {@code y} over the domain ({@code svytotal}).
     *
     * @param y the variable
     * @param domain who is in the domain, or {@code null} for everyone
     * @param level the confidence level
     * @return the estimate
     */
    DesignEstimate total(double[] y, boolean[] domain, double level);

    /**
     * The ratio of totals {@code Σ w y / Σ w x} over the domain ({@code svyratio}).
     *
     * @param y the numerator variable
     * @param x the denominator variable
     * @param domain who is in the domain, or {@code null} for everyone
     * @param level the confidence level
     * @return the estimate
     */
    DesignEstimate ratio(double[] y, double[] x, boolean[] domain, double level);
}
