/**
 * Descriptive statistics and tests for survey answers: compensated sums, ranks, Likert summaries,
 * proportions with Wilson intervals, the Kruskal–Wallis and Mann–Whitney U tests, Holm's adjustment,
 * the chi-square test of independence and the GRIM consistency check.
 *
 * <p>Every class is checked against scipy 1.10 or statsmodels 0.13 on reference cases written by
 * {@code tools/stats_reference.py}; each class names its reference function. Classes are final with
 * static factories; results are immutable. Undefined quantities (the standard deviation of one value,
 * the Kruskal–Wallis statistic of all-equal values) are {@link java.util.OptionalDouble#empty()}, never
 * {@code NaN} or {@code null}. Invalid arguments raise {@link org.pluralstats.PluralstatsException}.
 *
 * <p>This package uses {@code org.pluralstats.data} (scales, columns) and Commons Math.
 */
package org.pluralstats.stats;
