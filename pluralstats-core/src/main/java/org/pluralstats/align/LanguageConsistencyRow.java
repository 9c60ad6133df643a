package org.pluralstats.align;

import java.util.OptionalDouble;

/**
 * The consistency of one model over one kind of pairs of its generations in one scope of prompt
 * languages ({@link LanguageConsistency}).
 *
 * <p>Undefined numbers are {@code NaN} (written {@code null} in JSON): the correlation with fewer than
 * two pairs or when all paired values are equal; the interval without bootstrap or with fewer than two
 * defined resamples.
 *
 * @param model the model
 * @param family its family, empty when not given
 * @param languages the scope: one language ({@code da}), a pair ({@code da|en}) or {@code all}
 * @param kind within (same prompt language) or between (different prompt languages)
 * @param items the items of the scope (the units the bootstrap resamples)
 * @param generations generations of those items in the scope's languages
 * @param pairs ordered pairs of the kind, both orders of every unordered pair
 * @param observed Spearman's correlation over the pairs, before the reliability correction
 * @param reliability the reliability factor divided by
 * @param consistency {@code observed / reliability}
 * @param ciLow lower end of the percentile bootstrap interval (items resampled)
 * @param ciHigh upper end
 * @param resamples bootstrap resamples drawn (0 without bootstrap)
 * @param undefinedResamples resamples on which the correlation was undefined (left out)
 */
public record LanguageConsistencyRow(String model, String family, String languages, PairKind kind, int items,
                                     int generations, long pairs, double observed, double reliability,
                                     double consistency, double ciLow, double ciHigh, int resamples,
                                     int undefinedResamples) {

    /** @return the consistency, empty when undefined */
    public OptionalDouble value() {
        return Double.isNaN(consistency) ? OptionalDouble.empty() : OptionalDouble.of(consistency);
    }
}
