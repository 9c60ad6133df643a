/**
 * Descriptive statistics and tests for survey answers: compensated sums, ranks, Likert summaries,
 * proportions with Wilson intervals, the Kruskal–Wallis and Mann–Whitney U tests, Holm's adjustment,
 * the chi-square test of independence and the GRIM consistency check; for comparing model outputs with
 * populations, Pearson's and Spearman's correlations with scipy's p-values ({@link
 * org.pluralstats.stats.Correlation}), the seeded percentile bootstrap ({@link
 * org.pluralstats.stats.PercentileBootstrap}, {@link org.pluralstats.stats.ResampledCorrelation}) and
 * distribution distances ({@link org.pluralstats.stats.WassersteinDistance}, {@link
 * org.pluralstats.stats.JensenShannonDistance}).
 *
 * <p>Every class is checked against reference values written by {@code tools/stats_reference.py}
 * (scipy 1.10, numpy 1.24, statsmodels 0.13; Python's {@code math.fsum} for sums and a brute-force
 * search for GRIM), and by {@code tools/align_reference.py} (scipy 1.10) for the correlations and
 * distances; each class names its reference function. Classes are final with
 * static factories; results are immutable. Undefined quantities (the standard deviation of one value,
 * the Kruskal–Wallis statistic of all-equal values) are {@link java.util.OptionalDouble#empty()}, never
 * {@code NaN} or {@code null} (the one exception: the bare coefficients of {@code Correlation} and
 * {@code ResampledCorrelation} meant for resampling loops, documented as {@code NaN} when undefined, and
 * the statistic a bootstrap caller returns). Invalid arguments raise {@link org.pluralstats.PluralstatsException}.
 *
 * <p>This package uses {@code org.pluralstats.data} (scales, columns) and Commons Math.
 */
package org.pluralstats.stats;
