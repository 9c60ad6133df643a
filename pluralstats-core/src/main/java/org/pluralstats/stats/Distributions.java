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
    /** From this many degrees of freedom on, t quantiles are solved by Newton's method (see tQuantile). */
    private static final double NEWTON_MIN_DF = 10;
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
     * The Student t quantile to about machine precision (Commons Math's default accuracy of 1e-9 is too
     * coarse to match R's {@code qt} and scipy's {@code t.ppf} to 1e-9 after back-transforms). For
     * {@code df >= 10} and {@code 1e-10 <= p <= 1 - 1e-10}: Newton's method on the upper tail
     * {@code I_{df/(df+t²)}(df/2, 1/2) / 2}, started from the Cornish–Fisher expansion of Abramowitz &amp;
     * Stegun 26.7.5, until the step is below 4e-16 relative (two or three steps); otherwise Commons
     * Math's bracketing solver with an absolute accuracy of 1e-14. The Newton result inverts
     * {@link #tTwoSided} to 1e-16 and agrees with the solver to 1e-12 relative, the solver's own
     * accuracy ({@code DistributionsTest}).
     *
     * @param p the lower-tail probability
     * @param df degrees of freedom ({@code > 0})
     * @return {@code t} with {@code P(T ≤ t) = p}
     */
    public static double tQuantile(double p, double df) {
        if (!(df >= NEWTON_MIN_DF) || !(p >= 1e-10 && p <= 1 - 1e-10)) {
            return new TDistribution(null, df, T_INVERSE_ACCURACY).inverseCumulativeProbability(p);
        }
        if (p == 0.5) {
            return 0.0;
        }
        // solve P(T > t) = q for t > 0 by Newton from the Cornish-Fisher expansion (Abramowitz & Stegun
        // 26.7.5); the tail is the regularised incomplete beta, as in tTwoSided
        double q = Math.min(p, 1 - p);
        double z = -normalQuantile(q);
        double z2 = z * z;
        double g1 = (z2 + 1) * z / 4;
        double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
        double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
        double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
        double t = z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
        double logNorm = Gamma.logGamma((df + 1) / 2) - Gamma.logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
        double step = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 8 && Math.abs(step) > 4e-16 * t; i++) {
            double tail = 0.5 * Beta.regularizedBeta(df / (df + t * t), 0.5 * df, 0.5, BETA_EPSILON);
            double density = Math.exp(logNorm - (df + 1) / 2 * Math.log1p(t * t / df));
            step = (tail - q) / density;
            t += step;
        }
        if (!(Math.abs(step) <= 1e-12 * t)) {
            return new TDistribution(null, df, T_INVERSE_ACCURACY).inverseCumulativeProbability(p);
        }
        return p > 0.5 ? t : -t;
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

    /**
     * The noncentral chi-square distribution function {@code P(χ²_df(λ) <= x)} as the Poisson mixture
     * {@code Σ_j e^{−λ/2} (λ/2)^j / j! · P(χ²_{df+2j} <= x)} (Johnson, Kotz and Balakrishnan, <i>Continuous
     * Univariate Distributions</i> 2, ch. 29), summed outwards from the Poisson mode until the weights left
     * are below 1e-17 of the total; R {@code pchisq(x, df, ncp)}.
     *
     * @param x the quantile
     * @param df degrees of freedom, positive
     * @param ncp the noncentrality λ, non-negative
     * @return the probability
     */
    static double noncentralChiSquareCdf(double x, double df, double ncp) {
        if (x <= 0) {
            return 0.0;
        }
        if (ncp == 0) {
            return Gamma.regularizedGammaP(df / 2.0, x / 2.0);
        }
        double half = ncp / 2;
        int mode = (int) Math.floor(half);
        CompensatedSum sum = CompensatedSum.create();
        double weightSum = 0;
        for (int j = mode; j >= 0; j--) {
            double w = Math.exp(-half + j * Math.log(half) - Gamma.logGamma(j + 1.0));
            sum.accept(w * Gamma.regularizedGammaP(df / 2.0 + j, x / 2.0));
            weightSum += w;
            if (w < 1e-17 * weightSum) {
                break;
            }
        }
        for (int j = mode + 1; ; j++) {
            double w = Math.exp(-half + j * Math.log(half) - Gamma.logGamma(j + 1.0));
            sum.accept(w * Gamma.regularizedGammaP(df / 2.0 + j, x / 2.0));
            weightSum += w;
            if (w < 1e-17 * weightSum) {
                break;
            }
        }
        return Math.min(1.0, sum.getAsDouble());
    }
}
