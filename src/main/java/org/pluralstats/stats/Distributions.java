package org.pluralstats.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Quantiles and tail probabilities from Commons Math, chosen for accuracy in the tails.
 *
 * <p>Upper tails are computed directly (the regularised upper incomplete gamma function, the
 * complementary error function), not as {@code 1 - cdf}, so small p-values keep their relative
 * precision (scipy's {@code chi2.sf} and {@code norm.sf} do the same). Student t quantiles use Commons
 * Math's inversion with an absolute accuracy of 1e-14 instead of its default 1e-9.
 */
final class Distributions {
    private static final double T_INVERSE_ACCURACY = 1e-14;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Distributions() {
    }

    /** @return the standard normal quantile {@code Φ⁻¹(p)} */
    static double normalQuantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /** @return the standard normal upper tail {@code 1 - Φ(z) = erfc(z / √2) / 2} */
    static double normalUpperTail(double z) {
        return 0.5 * Erf.erfc(z / Math.sqrt(2.0));
    }

    /** @return the Student t quantile with {@code df} degrees of freedom */
    static double tQuantile(double p, double df) {
        return new TDistribution(null, df, T_INVERSE_ACCURACY).inverseCumulativeProbability(p);
    }

    /** @return the chi-square upper tail {@code P(X >= x) = Q(df/2, x/2)} (1 for {@code x <= 0}) */
    static double chiSquareUpperTail(double x, int df) {
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
    }
}
