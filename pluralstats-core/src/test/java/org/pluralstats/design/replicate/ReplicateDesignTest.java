package org.pluralstats.design.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;
import org.pluralstats.design.DesignEstimate;

/** Hand-checkable cases of the replicate variance, the rank behind degf, and the checks on input. */
class ReplicateDesignTest {
    private static final double[] W = {1, 2, 3, 4};
    private static final double[][] HALVES = {{2, 0, 2, 0}, {0, 2, 0, 2}, {2, 0, 0, 2}, {0, 2, 2, 0}};
    private static final double[] Y = {1, 2, 4, 8};

    @Test
    void brrVarianceIsScaleTimesSquaredDeviationsFromTheReplicateMean() {
        ReplicateDesign brr = ReplicateDesign.brr(W, HALVES).withCombinedWeights(false);
        double[] thetas = brr.replicateEstimates(ReplicateDesign.Statistic.MEAN, Y, null, null);
        // replicate 1 keeps respondents 1 and 3: (1*1 + 3*4) / (1 + 3)
        assertThat(thetas[0]).isEqualTo(13.0 / 4);
        double mean = (thetas[0] + thetas[1] + thetas[2] + thetas[3]) / 4;
        double v = 0;
        for (double t : thetas) {
            v += (t - mean) * (t - mean);
        }
        DesignEstimate e = brr.mean(Y, null, 0.95);
        assertThat(e.estimate()).isEqualTo((1 + 4 + 12 + 32) / 10.0);
        assertThat(e.se()).isCloseTo(Math.sqrt(v / 4), within(1e-15));
        double theta = e.estimate();
        double vMse = 0;
        for (double t : thetas) {
            vMse += (t - theta) * (t - theta);
        }
        assertThat(brr.withMse(true).mean(Y, null, 0.95).se()).isCloseTo(Math.sqrt(vMse / 4), within(1e-15));
        assertThat(vMse).isGreaterThan(v);
    }

    @Test
    void combinedWeightsAreTheAnalysisWeights() {
        ReplicateDesign multipliers = ReplicateDesign.brr(W, HALVES).withCombinedWeights(false);
        double[][] analysis = new double[4][];
        for (int r = 0; r < 4; r++) {
            analysis[r] = multipliers.analysisWeights(r);
        }
        ReplicateDesign combined = ReplicateDesign.brr(W, analysis);
        assertThat(combined.combinedWeights()).isTrue();
        assertThat(combined.total(Y, null, 0.95)).isEqualTo(multipliers.total(Y, null, 0.95));
        assertThat(ReplicateDesign.brr(W, HALVES).total(Y, null, 0.95).se())
                .isNotEqualTo(multipliers.total(Y, null, 0.95).se());
    }

    @Test
    void degreesOfFreedomAreTheRankOfTheAnalysisWeightsMinusOne() {
        // ranks as R 4.2.2's qr(x, tol = 1e-5)$rank gives them for the same matrices
        // the four half-samples of 4 respondents: replicates 1 + 2 = 3 + 4, rank 3
        assertThat(ReplicateDesign.brr(W, HALVES).degreesOfFreedom()).isEqualTo(2);
        // ?svrepdesign's BRR half-samples of the 6 scd rows: rank 4; a repeated replicate adds no rank
        double[][] scd = {{2, 0, 2, 0, 2, 0}, {2, 0, 0, 2, 0, 2}, {0, 2, 2, 0, 0, 2}, {0, 2, 0, 2, 2, 0}};
        double[] ones = {1, 1, 1, 1, 1, 1};
        assertThat(ReplicateDesign.brr(ones, scd).degreesOfFreedom()).isEqualTo(3);
        assertThat(ReplicateDesign.brr(ones, new double[][] {scd[0], scd[1], scd[0], scd[2]}).degreesOfFreedom())
                .isEqualTo(2);
        // a replicate that is the sum of two others but for 1e-6 (under the 1e-5 tolerance) or 1e-4 (over it)
        double[] r3 = {1, 1, 1};
        assertThat(ReplicateDesign.other(W, new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {1, 1, 1e-6, 0}}, 1, r3)
                .withCombinedWeights(false).degreesOfFreedom()).isEqualTo(1);
        assertThat(ReplicateDesign.other(W, new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {1, 1, 1e-4, 0}}, 1, r3)
                .withCombinedWeights(false).degreesOfFreedom()).isEqualTo(2);
        assertThat(ReplicateRank.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}, 1e-7)).isEqualTo(2);
    }

    @Test
    void aDomainWithoutWeightInAReplicateDropsThatReplicate() {
        ReplicateDesign jk = ReplicateDesign.jk1(W, new double[][] {{0, 4.0 / 3, 4.0 / 3, 4.0 / 3},
                {4.0 / 3, 0, 4.0 / 3, 4.0 / 3}, {4.0 / 3, 4.0 / 3, 0, 4.0 / 3}, {4.0 / 3, 4.0 / 3, 4.0 / 3, 0}}, 0.75)
                .withCombinedWeights(false);
        boolean[] first = {true, false, false, false};
        assertThat(jk.replicateEstimates(ReplicateDesign.Statistic.MEAN, Y, null, first)[0]).isNaN();
        DesignEstimate e = jk.mean(Y, first, 0.95);
        assertThat(e.estimate()).isEqualTo(1.0);
        assertThat(e.se()).isEqualTo(0.0);
        DesignEstimate empty = jk.mean(Y, new boolean[4], 0.95);
        assertThat(empty.estimate()).isNaN();
        assertThat(empty.se()).isNaN();
    }

    @Test
    void printsLikeR() {
        ReplicateDesign fay = ReplicateDesign.fay(W, HALVES, 0.3).withCombinedWeights(false);
        assertThat(fay.toString()).isEqualTo("Call: svrepdesign(weights = <4 weights>, repweights = <4 replicates>,"
                + " type = \"Fay\", rho = 0.3, combined.weights = FALSE)\nFay's variance method (rho= 0.3 ) with 4 replicates.\n"
                + "4 respondents; scale 0.5102041, rscales 1; replicate weights multiply the sampling weights;"
                + " variance centred on the replicate mean\n");
        assertThat(ReplicateDesign.jk1(W, HALVES, 0.75).withMse(true).toString())
                .contains("Unstratified cluster jacknife (JK1) with 4 replicates and MSE variances.");
        DomainEstimates by = fay.meanByDomain(Y, new String[] {"b", "a", "b", null}, 0.95);
        assertThat(by.domains()).containsExactly("a", "b");
        assertThat(by.toString()).startsWith("Domain estimates (svymean) (2 rows × 6 columns)");
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> ReplicateDesign.brr(W, new double[][] {{1, 2}})).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("replicate 1 has 2 weights");
        assertThatThrownBy(() -> ReplicateDesign.fay(W, HALVES, 1)).isInstanceOf(PluralstatsException.class);
        assertThatThrownBy(() -> ReplicateDesign.brr(W, HALVES).withScale(2)).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("fixed");
        assertThatThrownBy(() -> ReplicateDesign.jkn(W, HALVES, new double[] {1})).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("rscales");
        assertThatThrownBy(() -> ReplicateDesign.brr(W, HALVES).mean(new double[3], null, 0.95))
                .isInstanceOf(PluralstatsException.class);
        assertThatThrownBy(() -> ReplicateDesign.brr(W, HALVES).mean(Y, null, 1.5))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("confidence level");
        assertThatThrownBy(() -> ReplicateDesign.brr(new double[] {1, -1, 1, 1}, HALVES))
                .isInstanceOf(PluralstatsException.class);
    }
}
