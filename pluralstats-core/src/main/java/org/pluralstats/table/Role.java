package org.pluralstats.table;

/**
 * What a {@link Column} means in its table, so that a reader (a chart, a comparison, an assertion) can
 * find the estimate, its standard error and its interval without knowing column names.
 */
public enum Role {
    /** Identifies the row together with the other key columns (population, item, group, term). */
    KEY,
    /** A description for people (an item's label, a note); not part of the row's identity. */
    LABEL,
    /** A point estimate (a score, a mean, a correlation, a coefficient). */
    ESTIMATE,
    /** The standard error of the estimate. */
    SE,
    /** The lower end of the estimate's confidence interval. */
    CI_LOWER,
    /** The upper end of the estimate's confidence interval. */
    CI_UPPER,
    /** A count of respondents, items, draws, iterations or cases. */
    COUNT,
    /** A sum of weights or an effective sample size. */
    WEIGHT,
    /** A test statistic (t, z, H, χ²). */
    STATISTIC,
    /** Degrees of freedom. */
    DF,
    /** A p-value. */
    P_VALUE,
    /** A setting of the method that varies by row (a method name, a bound). */
    PARAMETER,
    /** Anything else. */
    OTHER
}
