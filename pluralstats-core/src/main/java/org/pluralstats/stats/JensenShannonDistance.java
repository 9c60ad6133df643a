package org.pluralstats.stats;

import org.pluralstats.PluralstatsException;

/**
 * The Jensen–Shannon distance between two discrete distributions over the same categories: the square
 * root of the Jensen–Shannon divergence,
 *
 * <pre>
 *   JS(p, q) = sqrt( (KL(p ‖ m) + KL(q ‖ m)) / 2 ),   m = (p + q) / 2,   KL(p ‖ m) = Σ p_i log(p_i / m_i)
 * </pre>
 *
 * after normalising {@code p} and {@code q} to sum to 1; terms with {@code p_i = 0} are 0. With
 * logarithms to base 2 (the default here) the distance lies in [0, 1], so {@code 1 − JS} is a
 * similarity in [0, 1]; with natural logarithms it lies in [0, sqrt(ln 2)] ≈ [0, 0.8326]. Equals
 * {@code scipy.spatial.distance.jensenshannon(p, q, base=2)} (scipy's own default is the natural
 * logarithm, {@code base=None}): the same operations in the same order (normalise, midpoint,
 * {@code x·log(x/m)}, sum each side, add, divide by {@code log(base)}, halve, square root). Sources:
 * J. Lin, "Divergence measures based on the Shannon entropy", IEEE Trans. Inf. Theory 37 (1991)
 * 145–151; Endres and Schindelin, IEEE Trans. Inf. Theory 49 (2003) 1858–1860 (the square root is a
 * metric); the distributional-alignment metric of seed paper 001 (§ Metrics).
 *
 * <p>Input: equal lengths, at least one category, entries finite and non-negative with a positive
 * total; anything else is a {@link PluralstatsException}. A divergence that rounds below zero (for
 * nearly identical distributions) gives distance 0 where scipy would give NaN.
 */
public final class JensenShannonDistance {
    /** Base 2: distances in [0, 1]. */
    public static final double BASE_2 = 2.0;
    /** Base e: distances in [0, sqrt(ln 2)]. */
    public static final double NATURAL = Math.E;

    private JensenShannonDistance() {
    }

    /**
     * The distance with logarithms to base 2.
     *
     * @param p the first distribution (shares or counts)
     * @param q the second, same categories
     * @return the distance, in [0, 1]
     */
    public static double of(double[] p, double[] q) {
        return of(p, q, BASE_2);
    }

    /**
     * The distance with logarithms to a given base.
     *
     * @param p the first distribution (shares or counts)
     * @param q the second, same categories
     * @param base the logarithm's base, {@code > 1} ({@link #BASE_2} or {@link #NATURAL})
     * @return the distance
     */
    public static double of(double[] p, double[] q, double base) {
        if (!(base > 1) || Double.isInfinite(base)) {
            throw new PluralstatsException("the logarithm base must be a finite number above 1, not " + base);
        }
        if (p.length != q.length || p.length == 0) {
            throw new PluralstatsException("Jensen–Shannon needs two distributions over the same categories, got "
                    + p.length + " and " + q.length + " shares");
        }
        double[] pn = normalised("first", p);
        double[] qn = normalised("second", q);
        CompensatedSum left = CompensatedSum.create();
        CompensatedSum right = CompensatedSum.create();
        for (int i = 0; i < pn.length; i++) {
            double m = (pn[i] + qn[i]) / 2.0;
            left.accept(relativeEntropy(pn[i], m));
            right.accept(relativeEntropy(qn[i], m));
        }
        double js = left.getAsDouble() + right.getAsDouble();
        if (base != NATURAL) {
            js /= Math.log(base);
        }
        return js <= 0 ? 0.0 : Math.sqrt(js / 2.0);
    }

    /** scipy.special.rel_entr for {@code y >= x/2 >= 0}: {@code x log(x/y)}, 0 for {@code x = 0}. */
    private static double relativeEntropy(double x, double y) {
        return x > 0 ? x * Math.log(x / y) : 0.0;
    }

    /** The shares of a distribution given as shares or counts; refuses negative, non-finite or all-zero entries. */
    static double[] normalised(String name, double[] v) {
        double total = 0;
        for (double x : v) {
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new PluralstatsException("the " + name + " distribution has an invalid share: " + x
                        + " (shares must be finite and non-negative)");
            }
        }
        total = CompensatedSum.sum(v);
        if (!(total > 0)) {
            throw new PluralstatsException("the " + name + " distribution's shares sum to zero");
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / total;
        }
        return out;
    }
}
