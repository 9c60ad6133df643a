package org.pluralstats.stats;

import org.pluralstats.PluralstatsException;

/**
 * The Kullback–Leibler divergence of one distribution from another over the same categories:
 * {@code KL(p ‖ q) = Σ p_i log(p_i / q_i)}, after normalising {@code p} and {@code q} to sum to 1.
 * Terms with {@code p_i = 0} are 0; a category with {@code p_i > 0} and {@code q_i = 0} makes the
 * divergence {@link Double#POSITIVE_INFINITY} (the model gives no probability to an answer people
 * gave). Not symmetric: {@code p} is the reference (the population), {@code q} the approximation (the
 * model). Equals {@code scipy.stats.entropy(p, q, base)} (Cover and Thomas, <i>Elements of Information
 * Theory</i>, 2nd ed., §2.3), checked by {@code tools/kl_reference.py}.
 */
public final class KullbackLeibler {
    private KullbackLeibler() {
    }

    /**
     * @param p the reference distribution (shares or counts, finite, non-negative, positive total)
     * @param q the approximating distribution, same categories
     * @param base the logarithm's base, {@code > 1} ({@link JensenShannonDistance#NATURAL} for nats,
     *     {@link JensenShannonDistance#BASE_2} for bits)
     * @return {@code KL(p ‖ q) >= 0}, possibly infinite
     */
    public static double of(double[] p, double[] q, double base) {
        if (!(base > 1) || Double.isInfinite(base)) {
            throw new PluralstatsException("the logarithm base must be a finite number above 1, not " + base);
        }
        if (p.length != q.length || p.length == 0) {
            throw new PluralstatsException("Kullback-Leibler needs two distributions over the same categories, got "
                    + p.length + " and " + q.length + " shares");
        }
        double[] pn = JensenShannonDistance.normalised("first", p);
        double[] qn = JensenShannonDistance.normalised("second", q);
        CompensatedSum sum = CompensatedSum.create();
        for (int i = 0; i < pn.length; i++) {
            if (pn[i] > 0) {
                if (!(qn[i] > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                sum.accept(pn[i] * Math.log(pn[i] / qn[i]));
            }
        }
        double kl = sum.getAsDouble();
        if (base != JensenShannonDistance.NATURAL) {
            kl /= Math.log(base);
        }
        return Math.max(kl, 0.0);
    }
}
