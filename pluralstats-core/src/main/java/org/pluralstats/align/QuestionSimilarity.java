package org.pluralstats.align;

/**
 * The similarity of the model's and the humans' answer distributions on one question of one
 * population.
 *
 * @param population the population
 * @param question the question
 * @param options the number of options (the human distribution's)
 * @param similarity {@code 1 − W₁/(max − min ordinal)} or {@code 1 − JS}
 * @param distance {@code W₁} or the Jensen–Shannon distance
 * @param classified the model's classified outputs (count or share)
 * @param unclassifiable the model's unclassifiable outputs
 */
public record QuestionSimilarity(String population, String question, int options, double similarity, double distance,
                                 double classified, double unclassifiable) {
}
