package org.pluralstats.align;

import java.util.OptionalDouble;

/**
 * The alignment of one model, in one prompt language, with one population ({@link Alignment}).
 *
 * <p>Undefined numbers are {@code NaN} (written {@code null} in JSON): every correlation with fewer
 * than two units or a constant side; the p-values with fewer than three units (Pearson's is 1 with
 * exactly two, as scipy's); the intervals without bootstrap or with fewer than two defined resamples;
 * {@code selfConsistency} as {@link ModelConsistency}.
 *
 * @param model the model
 * @param family its family, empty when not given
 * @param language the prompt language
 * @param population the population
 * @param level item or response
 * @param n the units correlated: items (item level) or generations (response level)
 * @param items the items used (those with a population score)
 * @param itemsWithoutScore items of the model in this language that the population has no score for (left out)
 * @param generationsWithoutScore at response level, the generations of those items (left out); 0 at item level
 * @param rho Spearman's correlation (average ranks)
 * @param p its two-sided p-value, as {@code scipy.stats.spearmanr}
 * @param ciLow lower end of the percentile bootstrap interval of {@code rho}
 * @param ciHigh upper end
 * @param pearson Pearson's correlation
 * @param pearsonP its two-sided p-value, as {@code scipy.stats.pearsonr}
 * @param pearsonCiLow lower end of the bootstrap interval of {@code pearson}
 * @param pearsonCiHigh upper end
 * @param meanAlignment {@code 1 − mean |x − y|} (the released code's {@code mean_alignment})
 * @param meanAlignmentCiLow lower end of its bootstrap interval
 * @param meanAlignmentCiHigh upper end
 * @param selfConsistency the model's self-consistency in this language ({@link ModelSelfConsistency})
 * @param resamples bootstrap resamples drawn (0 without bootstrap)
 * @param undefinedResamples resamples on which {@code rho} was undefined (left out of its interval)
 */
public record AlignmentResult(String model, String family, String language, String population, AlignmentLevel level,
                              int n, int items, int itemsWithoutScore, int generationsWithoutScore,
                              double rho, double p, double ciLow, double ciHigh,
                              double pearson, double pearsonP, double pearsonCiLow, double pearsonCiHigh,
                              double meanAlignment, double meanAlignmentCiLow, double meanAlignmentCiHigh,
                              double selfConsistency, int resamples, int undefinedResamples) {

    /** @return Spearman's rho, empty when undefined */
    public OptionalDouble spearman() {
        return Double.isNaN(rho) ? OptionalDouble.empty() : OptionalDouble.of(rho);
    }

    /** @return whether the bootstrap interval of rho is defined */
    public boolean hasInterval() {
        return !Double.isNaN(ciLow) && !Double.isNaN(ciHigh);
    }
}
