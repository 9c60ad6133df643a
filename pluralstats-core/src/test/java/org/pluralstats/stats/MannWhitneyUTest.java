package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pluralstats.stats.Fixtures.P_VALUE;
import static org.pluralstats.stats.Fixtures.STATISTIC;
import static org.pluralstats.stats.Fixtures.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.PluralstatsException;
import org.pluralstats.stats.MannWhitneyU.PValueMethod;

class MannWhitneyUTest {

    static Stream<Arguments> mannwhitneyu() {
        return Fixtures.cases("mannwhitneyu.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mannwhitneyu")
    void agreesWithScipy(String name, JsonNode c) {
        PValueMethod method = PValueMethod.valueOf(c.get("method").asText().toUpperCase(Locale.ROOT));
        MannWhitneyU.Result r = MannWhitneyU.test(Fixtures.doubles(c.get("x")), Fixtures.doubles(c.get("y")), method);
        assertThat(r.method()).isEqualTo(PValueMethod.valueOf(c.get("used").asText().toUpperCase(Locale.ROOT)));
        assertClose("U1", r.statistic(), c.get("u1").asDouble(), STATISTIC);
        assertClose("p", r.pValue(), c.get("pvalue").asDouble(), P_VALUE);
        assertThat(r.statistic() + r.statisticOfSecond()).isEqualTo((double) r.n1() * r.n2());
    }

    /** Counts of U over all C(m+n, m) placements of the first sample, by brute force. */
    private static long[] bruteForceCounts(int m, int n) {
        long[] counts = new long[m * n + 1];
        int total = m + n;
        for (int mask = 0; mask < 1 << total; mask++) {
            if (Integer.bitCount(mask) != m) {
                continue;
            }
            int u = 0;
            int ySeen = 0;
            for (int pos = 0; pos < total; pos++) {
                if ((mask >> pos & 1) == 1) {
                    u += ySeen; // an x at this position exceeds every y before it
                } else {
                    ySeen++;
                }
            }
            counts[u]++;
        }
        return counts;
    }

    @Test
    void exactDistributionMatchesEnumeration() {
        int[][] sizes = {{1, 1}, {1, 5}, {2, 3}, {3, 4}, {4, 4}, {5, 7}, {8, 3}, {6, 9}};
        for (int[] s : sizes) {
            long[] counts = bruteForceCounts(s[0], s[1]);
            long all = 0;
            for (long c : counts) {
                all += c;
            }
            long cumulative = 0;
            for (int k = 0; k < counts.length; k++) {
                cumulative += counts[k];
                assertClose("P(U <= " + k + ") for " + s[0] + "," + s[1], MannWhitneyU.exactCdf(s[0], s[1], k),
                        (double) cumulative / all, 1e-14);
            }
            assertThat(MannWhitneyU.exactCdf(s[0], s[1], -1)).isZero();
        }
    }

    @Test
    void autoUsesExactUpToEightWithoutTies() {
        double[] eight = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] nine = {11, 12, 13, 14, 15, 16, 17, 18, 19};
        double[] nineToo = {21, 22, 23, 24, 25, 26, 27, 28, 29};
        assertThat(MannWhitneyU.test(eight, nine).method()).isEqualTo(PValueMethod.EXACT);
        assertThat(MannWhitneyU.test(nine, nineToo).method()).isEqualTo(PValueMethod.ASYMPTOTIC);
        assertThat(MannWhitneyU.test(new double[] {1, 2}, new double[] {2, 3}).method())
                .isEqualTo(PValueMethod.ASYMPTOTIC);
        // exact p of complete separation: 2 / C(17, 8)
        assertClose("p", MannWhitneyU.test(eight, nine).pValue(), 2.0 / 24310, 1e-14);
        assertThat(MannWhitneyU.test(eight, nine).z()).isEmpty();
        assertThat(MannWhitneyU.test(nine, nineToo).z()).isPresent();
    }

    @Test
    void allEqualValuesGivePValueOne() {
        MannWhitneyU.Result r = MannWhitneyU.test(new double[] {3, 3, 3}, new double[] {3, 3, 3, 3});
        assertThat(r.pValue()).isEqualTo(1.0);
        assertThat(r.statistic()).isEqualTo(6.0);
        assertThat(r.z()).isEmpty();
    }

    @Test
    void largeUnequalSamplesExactIsFast() {
        double[] x = new double[5];
        double[] y = new double[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 0.37 + 0.001;
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = i * 0.001 + 0.0005;
        }
        MannWhitneyU.Result r = MannWhitneyU.test(x, y);
        assertThat(r.method()).isEqualTo(PValueMethod.EXACT);
        assertThat(r.pValue()).isBetween(0.0, 1.0);
    }

    @Test
    void rejectsEmptyOrNaNAndHugeExact() {
        assertThatThrownBy(() -> MannWhitneyU.test(new double[0], new double[] {1}))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("first sample");
        assertThatThrownBy(() -> MannWhitneyU.test(new double[] {1}, new double[] {Double.NaN}))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("second sample");
        double[] big = new double[3000];
        double[] big2 = new double[3000];
        for (int i = 0; i < big.length; i++) {
            big[i] = 2 * i;
            big2[i] = 2 * i + 1;
        }
        assertThatThrownBy(() -> MannWhitneyU.test(big, big2, PValueMethod.EXACT))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("asymptotic");
    }
}
