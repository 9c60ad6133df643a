package org.pluralstats.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;
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
public final class Distributions {
    private static final double T_INVERSE_ACCURACY = 1e-14;
    private static final double BETA_EPSILON = 1e-15;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Distributions() {
    }

    /**
     * @param p a probability in (0, 1)
     * @return the standard normal quantile {@code Φ⁻¹(p)}
     */
    public static double normalQuantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /**
     * @param z a value
     * @return the standard normal upper tail {@code 1 - Φ(z) = erfc(z / √2) / 2}
     */
    public static double normalUpperTail(double z) {
        return 0.5 * Erf.erfc(z / Math.sqrt(2.0));
    }

    /**
     * The Student t quantile, solved to an absolute accuracy of 1e-14 (Commons Math's default 1e-9 is
     * too coarse to match R's {@code qt} and scipy's {@code t.ppf} to 1e-9 after back-transforms).
     *
     * @param p the lower-tail probability
     * @param df degrees of freedom ({@code > 0})
     * @return {@code t} with {@code P(T ≤ t) = p}
     */
    public static double tQuantile(double p, double df) {
        return new TDistribution(null, df, T_INVERSE_ACCURACY).inverseCumulativeProbability(p);
    }

    /**
     * The two-sided Student t tail {@code P(|T| >= |t|) = I_x(df/2, 1/2)} with {@code x = df / (df + t²)}
     * (the regularised incomplete beta function), as cephes' {@code stdtr} that scipy uses computes it
     * for large {@code |t|}; exact 0 for infinite {@code t} and 1 for {@code t = 0}.
     *
     * @param t the statistic
     * @param df degrees of freedom
     * @return the two-sided p-value, NaN when {@code df <= 0} or {@code t} is NaN
     */
    public static double tTwoSided(double t, double df) {
        if (!(df > 0) || Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        double x = df / (df + t * t);
        return Math.min(1.0, Beta.regularizedBeta(x, 0.5 * df, 0.5, BETA_EPSILON));
    }

    /**
     * The two-sided tail of a correlation coefficient under independence of normal variables:
     * {@code P(|R| >= |r|) = 2 · I_{(1-|r|)/2}(a, a)} with {@code a = n/2 − 1}, the symmetric beta
     * distribution on (−1, 1) that scipy 1.10's {@code pearsonr} uses.
     *
     * @return the p-value, NaN when {@code n < 3} or {@code r} is NaN
     */
    static double correlationTwoSided(double r, int n) {
        if (n < 3 || Double.isNaN(r)) {
            return Double.NaN;
        }
        double a = n / 2.0 - 1;
        double x = 0.5 * (1 - Math.abs(r));
        if (x <= 0) {
            return 0.0;
        }
        return Math.min(1.0, 2 * Beta.regularizedBeta(x, a, a, BETA_EPSILON));
    }

    /** @return the chi-square upper tail {@code P(X >= x) = Q(df/2, x/2)} (1 for {@code x <= 0}) */
    static double chiSquareUpperTail(double x, int df) {
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
    }
}
