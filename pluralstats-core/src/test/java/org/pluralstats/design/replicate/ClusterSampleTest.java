package org.pluralstats.design.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;
import org.pluralstats.design.DesignEstimate;

/**
 * The conversion of a cluster sample to replicate weights: JK1 and JKn give R's {@code as.svrepdesign} replicate
 * weights, scale and rscales exactly (and so R's estimates); the seeded bootstrap is reproducible and has the
 * properties of R's {@code bootweights}.
 */
class ClusterSampleTest {
    private static final JsonNode REFERENCE = ReplicateFixtures.reference();
    private static final Map<String, String[]> CLUS1 = ReplicateFixtures.csv("apiclus1.csv");
    private static final Map<String, String[]> STRAT = ReplicateFixtures.csv("apistrat.csv");

    private static JsonNode design(String id) {
        for (JsonNode d : REFERENCE.get("designs")) {
            if (d.get("id").asText().equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static ClusterSample clus1() {
        return ClusterSample.of(ReplicateFixtures.numbers(CLUS1.get("pw")), CLUS1.get("dnum"));
    }

    private static ClusterSample strat() {
        return ClusterSample.ofRespondents(ReplicateFixtures.numbers(STRAT.get("pw"))).withStrata(STRAT.get("stype"))
                .withPopulationSizes(ReplicateFixtures.numbers(STRAT.get("fpc")));
    }

    private static void assertSameWeights(ReplicateDesign got, String file) {
        double[][] want = ReplicateFixtures.replicates(file);
        assertThat(got.replicateCount()).isEqualTo(want.length);
        for (int r = 0; r < want.length; r++) {
            assertThat(got.replicateWeights(r)).as("replicate " + (r + 1)).containsExactly(want[r]);
        }
    }

    @Test
    void jk1WithFpcGivesRsReplicateWeightsAndEstimates() {
        ReplicateDesign jk1 = clus1().withPopulationSizes(ReplicateFixtures.numbers(CLUS1.get("fpc"))).jk1();
        JsonNode d = design("clus1-jk1");
        assertSameWeights(jk1, d.get("repweights").asText());
        assertThat(jk1.scale()).isEqualTo(d.get("scale").asDouble());
        assertThat(jk1.combinedWeights()).isFalse();
        assertThat(jk1.degreesOfFreedom()).isEqualTo(14);
        JsonNode mean = d.get("estimates").get(0);
        ReplicateDesignReferenceTest.check("converted JK1 mean", jk1.mean(ReplicateFixtures.numbers(CLUS1.get("api00")),
                null, 0.95), mean, 0.95);
        assertThat(jk1.toString()).startsWith("Call: as.svrepdesign(<cluster sample: 183 respondents, 15 PSUs, with fpc>,"
                + " type = \"JK1\")\nUnstratified cluster jacknife (JK1) with 15 replicates.\n");
    }

    @Test
    void jk1WithoutFpcGivesRsReplicateWeights() {
        ReplicateDesign jk1 = clus1().jk1();
        JsonNode d = design("clus1-jk1-nofpc");
        assertSameWeights(jk1, d.get("repweights").asText());
        assertThat(jk1.scale()).isEqualTo(d.get("scale").asDouble());
    }

    @Test
    void jknGivesRsReplicateWeightsRscalesAndEstimates() {
        ReplicateDesign jkn = strat().jkn();
        JsonNode d = design("strat-jkn");
        assertSameWeights(jkn, d.get("repweights").asText());
        assertThat(jkn.rscales()).containsExactly(ReplicateFixtures.doubles(d.get("rscales")));
        assertThat(jkn.scale()).isEqualTo(1.0);
        assertThat(jkn.degreesOfFreedom()).isEqualTo(d.get("degf").asDouble());
        double[] y = ReplicateFixtures.numbers(STRAT.get("api00"));
        ReplicateDesignReferenceTest.check("converted JKn mean", jkn.mean(y, null, 0.90), d.get("estimates").get(0), 0.90);
        JsonNode no = d.get("byDomain").get(0).get("domains").get(0);
        ReplicateDesignReferenceTest.check("converted JKn domain", jkn.meanByDomain(y, STRAT.get("awards"), 0.95)
                .get(no.get("domain").asText()), no, 0.95);
    }

    @Test
    void bootstrapIsReproducibleAndDrawsEachStratumsPsus() {
        ReplicateDesign a = clus1().bootstrap(200, 14L);
        ReplicateDesign b = clus1().bootstrap(200, 14L);
        ReplicateDesign c = clus1().bootstrap(200, 15L);
        for (int r = 0; r < 200; r++) {
            assertThat(a.replicateWeights(r)).containsExactly(b.replicateWeights(r));
        }
        assertThat(a.replicateWeights(0)).isNotEqualTo(c.replicateWeights(0));
        // each replicate draws 15 PSUs: the multipliers of the PSUs (one respondent each) add up to 15
        String[] dnum = CLUS1.get("dnum");
        for (int r = 0; r < 200; r++) {
            double[] m = a.replicateWeights(r);
            java.util.Map<String, Double> perPsu = new java.util.HashMap<>();
            for (int i = 0; i < m.length; i++) {
                Double before = perPsu.put(dnum[i], m[i]);
                assertThat(before == null || before == m[i]).as("one multiplier per PSU").isTrue();
            }
            assertThat(perPsu.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(15.0);
        }
        assertThat(a.scale()).isEqualTo(15.0 / ((15 - 1) * (200 - 1.0)));
        assertThat(a.combinedWeights()).isFalse();
    }

    @Test
    void bootstrapSeOfApiclus1IsCloseToTaylorSe() {
        JsonNode taylor = REFERENCE.get("taylorClus1");
        double[] y = ReplicateFixtures.numbers(CLUS1.get("api00"));
        // without fpc: with-replacement draws of n of n PSUs, scale n/((n-1)(R-1))
        DesignEstimate wr = clus1().bootstrap(2000, 2024L).mean(y, null, 0.95);
        assertThat(wr.estimate()).isCloseTo(taylor.get("estimate").asDouble(), within(1e-9));
        assertThat(wr.se() / taylor.get("seWithoutFpc").asDouble()).isCloseTo(1.0, within(0.03));
        // with fpc (757 districts): R's population bootstrap
        ReplicateDesign pop = clus1().withPopulationSizes(ReplicateFixtures.numbers(CLUS1.get("fpc"))).bootstrap(2000, 2024L);
        assertThat(pop.mean(y, null, 0.95).se() / taylor.get("se").asDouble()).isCloseTo(1.0, within(0.03));
        // the mean multiplier over all replicates and respondents is 1 (each replicate draws n PSUs of n)
        double sum = 0;
        for (int r = 0; r < 2000; r++) {
            for (double m : pop.replicateWeights(r)) {
                sum += m;
            }
        }
        assertThat(sum / (2000.0 * y.length)).isCloseTo(1.0, within(0.02));
    }

    @Test
    void stratifiedBootstrapSeIsCloseToTaylorSe() {
        JsonNode taylor = REFERENCE.get("taylorStrat");
        double[] y = ReplicateFixtures.numbers(STRAT.get("api00"));
        ReplicateDesign boot = strat().bootstrap(2000, 7L);
        // h = harmonic mean of 100, 50, 50 PSUs per stratum
        double h = 3 / (1 / 100.0 + 1 / 50.0 + 1 / 50.0);
        assertThat(boot.scale()).isCloseTo(h / ((h - 1) * 1999), within(1e-15));
        assertThat(boot.mean(y, null, 0.95).se() / taylor.get("se").asDouble()).isCloseTo(1.0, within(0.04));
    }

    @Test
    void refusesWhatRRefuses() {
        assertThatThrownBy(() -> strat().jk1()).isInstanceOf(PluralstatsException.class).hasMessageContaining("JK1");
        String[] strata = {"a", "a", "b"};
        ClusterSample lonely = ClusterSample.of(new double[] {1, 1, 1}, new String[] {"1", "2", "3"}).withStrata(strata);
        assertThatThrownBy(lonely::jkn).isInstanceOf(PluralstatsException.class).hasMessageContaining("only one PSU");
        assertThatThrownBy(() -> ClusterSample.of(new double[] {1, 1}, new String[] {"1", "1"})
                .withStrata(new String[] {"a", "b"})).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("nested");
        assertThatThrownBy(() -> ClusterSample.of(new double[] {1, 1, 1}, new String[] {"1", "2", "3"})
                .withPopulationSizes(new double[] {2, 2, 2}).jk1()).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("smaller");
        assertThatThrownBy(() -> clus1().bootstrap(1, 1L)).isInstanceOf(PluralstatsException.class);
        assertThatThrownBy(() -> ClusterSample.of(new double[] {1, 1, 1}, new String[] {"1", "2", "3"})
                .withPopulationSizes(new double[] {9, 9, 10}).jk1()).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("more than one population size");
    }
}
