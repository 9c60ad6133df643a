package org.pluralstats.stats;

import org.pluralstats.PluralstatsException;

/**
 * The total variation distance between two discrete distributions over the same categories,
 *
 * <pre>
 *   TV(p, q) = ½ Σ |p_i − q_i|  =  max over sets A of |P(A) − Q(A)|
 * </pre>
 *
 * after normalising {@code p} and {@code q} to sum to 1: 0 for equal distributions, 1 for disjoint
 * ones, so {@code 1 − TV} is a similarity in [0, 1] (the share of probability the two have in common,
 * {@code Σ min(p_i, q_i)}). Equals {@code 0.5 * numpy.abs(p / p.sum() - q / q.sum()).sum()} with the
 * same operations in the same order (compensated here). Sources: A. B. Tsybakov, Introduction to
 * Nonparametric Estimation (Springer 2009), Definition 2.4 and Lemma 2.1; issue 13's metric list for
 * distributional alignment (seed paper 001, § Metrics).
 *
 * <p>Input: equal lengths, at least one category, entries finite and non-negative with a positive
 * total; anything else is a {@link PluralstatsException}.
 */
public final class TotalVariation {
    private TotalVariation() {
    }

    /**
     * @param p the first distribution (shares or counts)
     * @param q the second, same categories
     * @return the total variation distance, in [0, 1]
     * @throws PluralstatsException for unequal lengths, no categories, or an invalid entry or total
     */
    public static double of(double[] p, double[] q) {
        if (p.length != q.length || p.length == 0) {
            throw new PluralstatsException("total variation needs two distributions over the same categories, got "
                    + p.length + " and " + q.length);
        }
        double[] a = JensenShannonDistance.normalised("first", p);
        double[] b = JensenShannonDistance.normalised("second", q);
        CompensatedSum s = CompensatedSum.create();
        for (int i = 0; i < a.length; i++) {
            s.accept(Math.abs(a[i] - b[i]));
        }
        return Math.min(1, 0.5 * s.getAsDouble());
    }
}
