package org.pluralstats.align;

/**
 * The mean similarity of one population over its questions, with a bootstrap interval, and the
 * share of unclassifiable outputs: one cell pair of seed paper 002's Table 1. Undefined numbers are
 * {@code NaN} ({@code null} in JSON).
 *
 * @param population the population
 * @param metric Wasserstein or Jensen–Shannon
 * @param logBase the logarithm base of the Jensen–Shannon distance ({@code NaN} for Wasserstein)
 * @param questions questions compared
 * @param similarity the mean similarity over them
 * @param ciLow lower end of the percentile bootstrap interval (questions resampled)
 * @param ciHigh upper end
 * @param classified the model's classified outputs over the questions with a human distribution
 * @param unclassifiable its unclassifiable outputs over the same questions
 * @param unclassifiableShare {@code unclassifiable / (classified + unclassifiable)}
 * @param excludedQuestions questions of the population left out (see {@link SimilarityReport#excluded()})
 * @param resamples bootstrap resamples (0 without bootstrap)
 */
public record SimilaritySummary(String population, SimilarityMetric metric, double logBase, int questions,
                                double similarity, double ciLow, double ciHigh, double classified,
                                double unclassifiable, double unclassifiableShare, int excludedQuestions,
                                int resamples) {
}
