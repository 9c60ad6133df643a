package org.pluralstats.weight;

/**
 * The human self-consistency of one population (see {@link HumanSelfConsistency}).
 *
 * @param population the population name
 * @param value the pooled Pearson correlation between draws; NaN when undefined
 * @param items the number of items with at least one answer in the population
 * @param draws the number of draws per item
 * @param sampleSize respondents per draw (fewer for items with fewer answers)
 */
public record SelfConsistency(String population, double value, int items, int draws, int sampleSize) {
}
