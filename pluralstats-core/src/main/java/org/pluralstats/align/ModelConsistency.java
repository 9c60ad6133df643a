package org.pluralstats.align;

import java.util.OptionalDouble;
import org.pluralstats.stats.Correlation;

/**
 * The self-consistency of one model in one prompt language ({@link ModelSelfConsistency}).
 *
 * <p>Undefined numbers are {@code NaN} (written {@code null} in JSON): the correlation with fewer than
 * two pairs of generations or when all paired scores are equal; the interval without bootstrap or
 * with fewer than two defined resamples.
 *
 * @param model the model
 * @param family its family, empty when not given
 * @param language the prompt language
 * @param method Spearman (the released code) or Pearson
 * @param items items with at least two generations (the only ones that contribute pairs)
 * @param generations generations of the model in the language
 * @param pairs ordered pairs of different generations of the same item, {@code Σ m(m − 1)}
 * @param observed the correlation over the pairs, before the reliability correction
 * @param reliability the reliability factor divided by
 * @param selfConsistency {@code observed / reliability}
 * @param ciLow lower end of the bootstrap interval of {@code selfConsistency}
 * @param ciHigh upper end
 * @param resamples bootstrap resamples drawn (0 without bootstrap)
 * @param undefinedResamples resamples on which the correlation was undefined (left out)
 */
public record ModelConsistency(String model, String family, String language, Correlation.Method method,
                               int items, int generations, long pairs, double observed, double reliability,
                               double selfConsistency, double ciLow, double ciHigh, int resamples,
                               int undefinedResamples) {

    /** @return the self-consistency, empty when undefined */
    public OptionalDouble value() {
        return Double.isNaN(selfConsistency) ? OptionalDouble.empty() : OptionalDouble.of(selfConsistency);
    }
}
