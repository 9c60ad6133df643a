package org.pluralstats.align;

/**
 * One bootstrap resample of one alignment ({@link Alignment#resamples}): the statistics behind the
 * percentile intervals of {@link AlignmentResult}, one row per resample, for analyses that enter the
 * resamples as observations (the seed paper's Eq. 3 and Eq. 4 regressions use 100 of them).
 *
 * <p>Undefined numbers are {@code NaN}: a correlation on a resample with a constant side, and
 * {@code selfConsistency} at item level or when the resample has fewer than two pairs of rows of one item.
 *
 * @param model the model
 * @param family its family, empty when not given
 * @param language the prompt language (the output's language column)
 * @param population the population
 * @param level item or response
 * @param resample the resample's number, 0 … B − 1
 * @param n the units correlated (before resampling; a resample draws n of them with replacement)
 * @param rho Spearman's correlation on the resample
 * @param pearson Pearson's correlation on the resample
 * @param meanAlignment {@code 1 − mean |x − y|} on the resample
 * @param selfConsistency response level only: the model's self-consistency computed on the same
 *     resample of generations (ordered pairs of different resampled rows of the same item, the
 *     configured {@link ModelSelfConsistency} method, divided by its reliability); {@code NaN} at item level
 */
public record AlignmentResample(String model, String family, String language, String population, AlignmentLevel level,
                                int resample, int n, double rho, double pearson, double meanAlignment,
                                double selfConsistency) {
}
