/**
 * Descriptive statistics and tests for survey answers: compensated sums, ranks, Likert summaries,
 * proportions with Wilson intervals, the Kruskal–Wallis and Mann–Whitney U tests, Holm's adjustment,
 * the chi-square test of independence and the GRIM consistency check.
 *
 * <p>Every class is checked against reference values written by {@code tools/stats_reference.py}
 * (scipy 1.10, numpy 1.24, statsmodels 0.13; Python's {@code math.fsum} for sums and a brute-force
 * search for GRIM); each class names its reference function. Classes are final with
 * static factories; results are immutable. Undefined quantities (the standard deviation of one value,
 * the Kruskal–Wallis statistic of all-equal values) are {@link java.util.OptionalDouble#empty()}, never
 * {@code NaN} or {@code null}. Invalid arguments raise {@link org.pluralstats.PluralstatsException}.
 *
 * <p>This package uses {@code org.pluralstats.data} (scales, columns) and Commons Math.
 */
package org.pluralstats.stats;
