/**
 * Comparisons of model outputs with populations, seed paper 003 from Eq. 2 up to its regressions and
 * the distribution metrics of seed papers 001 and 002:
 * <ul>
 * <li>{@link org.pluralstats.align.Alignment}: Spearman (with scipy's p-value and a seeded percentile
 * bootstrap interval), Pearson and {@code 1 − mean |x − y|} per model × prompt language × population,
 * over items or generations ({@link org.pluralstats.align.AlignmentLevel});</li>
 * <li>{@link org.pluralstats.align.ModelSelfConsistency}: Spearman over ordered pairs of different
 * generations of the same item, divided by a reliability factor, as the released code;</li>
 * <li>{@link org.pluralstats.align.LanguageConsistency}: the same estimator over pairs in the same
 * prompt language and in different ones (§2.2), with an item bootstrap and a permutation test of
 * within − between;</li>
 * <li>{@link org.pluralstats.align.UsCentricBias}: alignment with the US against the local populations of
 * each language ({@link org.pluralstats.align.CountryLanguages});</li>
 * <li>{@link org.pluralstats.align.DistributionSimilarity}: Wasserstein similarity and 1 − Jensen–Shannon
 * distance of option distributions, averaged over questions with bootstrap intervals, and the share
 * of unclassifiable outputs (seed 002, Table 1).</li>
 * </ul>
 * Inputs: {@link org.pluralstats.align.ModelOutputs} (model side) and {@link
 * org.pluralstats.align.PopulationScores} (the {@code vps} command's output or the paper's ground
 * truth). Results are records whose undefined numbers are {@code NaN}, written {@code null} in JSON.
 * Formulas and file formats: {@code docs/alignment.md}.
 */
package org.pluralstats.align;
