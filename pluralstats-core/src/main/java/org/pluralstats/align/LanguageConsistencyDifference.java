package org.pluralstats.align;

/**
 * Within- minus between-language consistency of one model in one scope of prompt languages, with a
 * paired bootstrap interval and a permutation test ({@link LanguageConsistency}).
 *
 * @param model the model
 * @param family its family, empty when not given
 * @param languages the scope: a pair of languages ({@code da|en}) or {@code all}
 * @param within consistency over pairs in the same language, pooled over the scope's languages
 * @param between consistency over pairs in different languages of the scope
 * @param difference {@code within − between}
 * @param ciLow lower end of the percentile bootstrap interval of the difference (items resampled, both
 *     correlations on each resample)
 * @param ciHigh upper end
 * @param p one-sided permutation p-value for "within &gt; between" (language labels permuted among the
 *     generations of each item), {@code NaN} without permutations
 * @param pTwoSided two-sided permutation p-value ({@code |difference|})
 * @param nullDifference the mean of {@code within − between} over the permutations: what the difference
 *     is expected to be when the language does not matter (not exactly 0: the two kinds weight the items
 *     differently, by their numbers of within and between pairs), {@code NaN} without permutations
 * @param items items with generations in at least two languages of the scope
 * @param withinPairs ordered within-language pairs
 * @param betweenPairs ordered between-language pairs
 * @param resamples bootstrap resamples drawn
 * @param undefinedResamples resamples on which the difference was undefined
 * @param permutations permutations drawn
 * @param undefinedPermutations permutations on which the difference was undefined (left out of p)
 */
public record LanguageConsistencyDifference(String model, String family, String languages, double within,
                                            double between, double difference, double ciLow, double ciHigh,
                                            double p, double pTwoSided, double nullDifference, int items, long withinPairs,
                                            long betweenPairs, int resamples, int undefinedResamples,
                                            int permutations, int undefinedPermutations) {
}
