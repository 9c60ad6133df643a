package org.pluralstats.weight;

import org.pluralstats.stats.CompensatedSum;

/**
 * Kish's effective sample size of a set of weights, {@code nEff = (Σ w)² / Σ w²} (Kish 1965,
 * <i>Survey Sampling</i>, §11.7), and the weighting efficiency {@code nEff / n}. Sums are compensated.
 */
public final class KishEffectiveSize {
    private KishEffectiveSize() {
    }

    /**
     * @param weights the weights (NaN weights make the result NaN)
     * @return {@code (Σ w)² / Σ w²}; NaN for no weights or when every weight is 0
     */
    public static double of(double[] weights) {
        CompensatedSum s = CompensatedSum.create();
        CompensatedSum s2 = CompensatedSum.create();
        for (double w : weights) {
            s.accept(w);
            s2.accept(w * w);
        }
        return fromSums(s.getAsDouble(), s2.getAsDouble());
    }

    /**
     * @param sum {@code Σ w}
     * @param sumOfSquares {@code Σ w²}
     * @return {@code (Σ w)² / Σ w²}; NaN when {@code Σ w² = 0}
     */
    public static double fromSums(double sum, double sumOfSquares) {
        return sumOfSquares == 0 ? Double.NaN : sum * sum / sumOfSquares;
    }

    /**
     * @param weights the weights
     * @return the efficiency {@code nEff / n}, in (0, 1] for positive weights; NaN for no weights
     */
    public static double efficiency(double[] weights) {
        return weights.length == 0 ? Double.NaN : of(weights) / weights.length;
    }
}
