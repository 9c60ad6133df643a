package org.pluralstats.regress;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.pluralstats.stats.Distributions;

/**
 * Tail probabilities and quantiles for the coefficient tests, computed as upper tails directly (not as
 * {@code 1 - cdf}) so that small p-values keep their relative precision, as scipy's {@code sf} does.
 */
final class TestDistributions {
    /** Φ⁻¹(0.975). */
    static final double Z_975 = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.975);

    private TestDistributions() {
    }

    /** @return {@code P(|T| >= |t|)} for Student's t with {@code df} degrees of freedom */
    static double tTwoSided(double t, double df) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        return Distributions.tTwoSided(t, df);
    }

    /** @return the Student t quantile {@code t_p(df)} */
    static double tQuantile(double p, double df) {
        return Distributions.tQuantile(p, df);
    }

    /** @return {@code P(|Z| >= |z|) = erfc(|z|/√2)} for the standard normal */
    static double zTwoSided(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return Erf.erfc(Math.abs(z) / Math.sqrt(2.0));
    }

    /** @return {@code P(F >= f)} for the F distribution with (d1, d2) degrees of freedom */
    static double fUpperTail(double f, double d1, double d2) {
        if (Double.isNaN(f)) {
            return Double.NaN;
        }
        if (f <= 0) {
            return 1.0;
        }
        // P(F >= f) = I_{d2/(d2+d1 f)}(d2/2, d1/2)
        return Beta.regularizedBeta(d2 / (d2 + d1 * f), 0.5 * d2, 0.5 * d1, 1e-15, Integer.MAX_VALUE);
    }
}
