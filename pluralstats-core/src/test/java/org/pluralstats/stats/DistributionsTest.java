package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * The Newton-solved t quantile agrees with Commons Math's bracketing solver to the solver's own
 * accuracy (1e-12 relative) and inverts the tail to 2e-16; the intervals built on it are checked
 * against mpmath and R's qt in LikertSummaryTest and the weight fixtures.
 */
class DistributionsTest {
    private static final double[] PROBABILITIES = {1e-10, 1e-6, 0.001, 0.005, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9,
        0.95, 0.975, 0.995, 0.999, 1 - 1e-6, 1 - 1e-10};

    @Test
    void newtonQuantileEqualsTheBracketingSolver() {
        for (double df = 1; df < 5000; df = df < 40 ? df + 1 : Math.ceil(df * 1.13)) {
            for (double p : PROBABILITIES) {
                // the solver works on the CDF, which loses the upper tail's relative precision near 1:
                // there the exact reference is the mirror image of the lower tail q = 1 - p
                double expected = p <= 0.5 || df < 10 ? new TDistribution(null, df, 1e-14).inverseCumulativeProbability(p)
                        : -new TDistribution(null, df, 1e-14).inverseCumulativeProbability(1 - p);
                double actual = Distributions.tQuantile(p, df);
                assertThat(actual).as("p=%s df=%s", p, df)
                        .isCloseTo(expected, within(Math.max(1e-12 * Math.abs(expected), 2e-14)));
            }
        }
        for (double df : new double[] {12.5, 99.5}) {
            double expected = new TDistribution(null, df, 1e-14).inverseCumulativeProbability(0.975);
            assertThat(Distributions.tQuantile(0.975, df)).isCloseTo(expected, within(1e-12 * expected));
        }
        // at 100,000 df the bracketing solver is off by 6e-12; the reference is mpmath 1.2.1 (40 digits):
        // findroot(lambda t: betainc(df/2, 1/2, 0, df/(df+t*t), regularized=True)/2 - 0.025, 1.96)
        assertThat(Distributions.tQuantile(0.975, 1e5)).isCloseTo(1.959987707534609638591882986336377379682,
                within(1e-12 * 1.96));
    }

    @Test
    void quantileInvertsTheTail() {
        for (double df : new double[] {10, 57, 1234}) {
            double t = Distributions.tQuantile(0.975, df);
            assertThat(Distributions.tTwoSided(t, df)).isCloseTo(2 * (1 - 0.975), within(2e-16));
            assertThat(Distributions.tQuantile(1 - 0.975, df)).isEqualTo(-t);
        }
    }
}
