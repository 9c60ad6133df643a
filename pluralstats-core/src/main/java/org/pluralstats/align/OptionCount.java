package org.pluralstats.align;

/**
 * One option of a multiple-choice question, with its position on the ordinal scale and how many
 * answers (or what share of them) chose it.
 *
 * @param option the option's label
 * @param ordinal its position on the ordinal scale (used by the Wasserstein similarity)
 * @param count answers, or a share; finite and non-negative
 */
public record OptionCount(String option, double ordinal, double count) {
}
