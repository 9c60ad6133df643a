package org.pluralstats.weight;

import org.pluralstats.stats.Correlation;

/**
 * The correlation of two populations' value polarity score vectors over the items both have a score
 * for (the seed paper's Figure 2).
 *
 * @param a first population
 * @param b second population
 * @param method Pearson or Spearman
 * @param items the number of shared items
 * @param r the correlation; NaN when fewer than two items are shared or a vector is constant
 */
public record PopulationCorrelation(String a, String b, Correlation.Method method, int items, double r) {
}
