package org.pluralstats.align;

/**
 * A model's alignment, in one prompt language, with the reference population (the US) and with one
 * local population of that language ({@link UsCentricBias}). Undefined numbers are {@code NaN}
 * ({@code null} in JSON).
 *
 * @param model the model
 * @param family its family, empty when not given
 * @param language the prompt language
 * @param local the local population (a country where the language is native)
 * @param reference the reference population ({@code US})
 * @param level item or response
 * @param n units (items or generations) whose item has a score in both populations
 * @param rhoLocal Spearman's correlation with the local population over these units
 * @param rhoReference Spearman's correlation with the reference population over the same units
 * @param difference {@code rhoReference − rhoLocal}: positive means closer to the US than to the local population
 * @param ciLow lower end of the paired bootstrap interval of the difference
 * @param ciHigh upper end
 * @param resamples bootstrap resamples (0 without bootstrap)
 * @param undefinedResamples resamples on which the difference was undefined (left out)
 */
public record UsBiasResult(String model, String family, String language, String local, String reference,
                           AlignmentLevel level, int n, double rhoLocal, double rhoReference, double difference,
                           double ciLow, double ciHigh, int resamples, int undefinedResamples) {
}
