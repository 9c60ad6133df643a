package org.pluralstats.align;

import org.pluralstats.io.llm.ModelOutputFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pluralstats.stats.Correlation;

/** Model self-consistency: the hand-worked case, the released definition (self-join + scipy), the closed form. */
class ModelSelfConsistencyTest {

    /**
     * Item A has generations scored 0.2, 0.4, 0.4; item B has 0.8 and 1.0. Ordered pairs of different
     * generations of the same item: (0.2,0.4) (0.2,0.4) (0.4,0.2) (0.4,0.4) (0.4,0.2) (0.4,0.4) from A and
     * (0.8,1.0) (1.0,0.8) from B. First elements 0.2 0.2 0.4 0.4 0.4 0.4 0.8 1.0 have average ranks
     * 1.5 1.5 4.5 4.5 4.5 4.5 7 8; the second elements take the same ranks in pair order
     * 4.5 4.5 1.5 4.5 1.5 4.5 8 7. Mean rank 4.5, deviations (−3 −3 0 0 0 0 2.5 3.5) and
     * (0 0 −3 0 −3 0 3.5 2.5): Σ products = 2.5·3.5 + 3.5·2.5 = 17.5, Σ squares = 9 + 9 + 6.25 + 12.25 =
     * 36.5 on each side, so ρ = 17.5 / 36.5 = 35/73 and the self-consistency is 35/73 / 0.955.
     */
    @Test
    void handWorkedCase() {
        ModelOutputs o = ModelOutputs.of(List.of(
                Generation.ofScore("m", "", "da", "A", 1, 0.2), Generation.ofScore("m", "", "da", "A", 2, 0.4),
                Generation.ofScore("m", "", "da", "A", 3, 0.4), Generation.ofScore("m", "", "da", "B", 1, 0.8),
                Generation.ofScore("m", "", "da", "B", 2, 1.0)));
        ModelConsistency c = ModelSelfConsistency.withDefaults().estimate(o).rows().get(0);
        assertThat(c.pairs()).isEqualTo(8);
        assertThat(c.items()).isEqualTo(2);
        assertThat(c.generations()).isEqualTo(5);
        assertThat(c.observed()).isCloseTo(35.0 / 73, within(1e-15));
        assertThat(c.selfConsistency()).isCloseTo(35.0 / 73 / 0.955, within(1e-15));
        // the same pairs written out, through Spearman on the explicit arrays
        double[] x = {0.2, 0.2, 0.4, 0.4, 0.4, 0.4, 0.8, 1.0};
        double[] y = {0.4, 0.4, 0.2, 0.4, 0.2, 0.4, 1.0, 0.8};
        assertThat(Correlation.spearmanCoefficient(x, y)).isCloseTo(35.0 / 73, within(1e-15));
        JsonNode ref = AlignFixtures.load("self-consistency.json").get("cases").get(0).get("results").get(0);
        assertThat(ref.get("pairs").asInt()).isEqualTo(8);
        assertThat(c.observed()).isCloseTo(ref.get("rho").asDouble(), within(1e-15));
        assertThat(c.selfConsistency()).isCloseTo(ref.get("selfConsistency").asDouble(), within(1e-15));
    }

    @Test
    void equalsTheReleasedSelfJoin() {
        JsonNode cs = AlignFixtures.load("self-consistency.json").get("cases");
        for (JsonNode c : cs) {
            List<Generation> gens = new ArrayList<>();
            java.util.Map<String, Integer> counter = new java.util.HashMap<>();
            for (JsonNode g : c.get("generations")) {
                String key = g.get("model").asText() + g.get("language").asText() + g.get("item").asText();
                int idx = counter.merge(key, 1, Integer::sum);
                gens.add(Generation.ofScore(g.get("model").asText(), "", g.get("language").asText(), g.get("item").asText(),
                        idx, g.get("score").asDouble()));
            }
            ModelOutputs o = ModelOutputs.of(gens);
            List<ModelConsistency> sp = ModelSelfConsistency.withDefaults().estimate(o).rows();
            List<ModelConsistency> pe = ModelSelfConsistency.withDefaults().withMethod(Correlation.Method.PEARSON)
                    .withReliability(1).estimate(o).rows();
            for (JsonNode r : c.get("results")) {
                ModelConsistency s = find(sp, r);
                assertThat(s.pairs()).isEqualTo(r.get("pairs").asLong());
                assertThat(AlignFixtures.relative(s.observed(), AlignFixtures.num(r.get("rho")))).isLessThan(AlignFixtures.STATISTIC);
                assertThat(AlignFixtures.relative(s.selfConsistency(), AlignFixtures.num(r.get("selfConsistency"))))
                        .isLessThan(AlignFixtures.STATISTIC);
                if (r.has("pearson")) {
                    assertThat(AlignFixtures.relative(find(pe, r).selfConsistency(), AlignFixtures.num(r.get("pearson"))))
                            .isLessThan(AlignFixtures.STATISTIC);
                }
            }
        }
    }

    private static ModelConsistency find(List<ModelConsistency> list, JsonNode r) {
        return list.stream().filter(x -> x.model().equals(r.get("model").asText()) && x.language().equals(r.get("language").asText()))
                .findFirst().orElseThrow();
    }

    @Test
    void closedFormEqualsExplicitPairs() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            int g = 2 + rnd.nextInt(60);
            double[] scores = new double[g];
            String[] items = new String[g];
            for (int i = 0; i < g; i++) {
                items[i] = "Q" + rnd.nextInt(8);
                scores[i] = rnd.nextInt(11) / 10.0;
            }
            List<double[]> pairs = new ArrayList<>();
            for (int i = 0; i < g; i++) {
                for (int j = 0; j < g; j++) {
                    if (i != j && items[i].equals(items[j])) {
                        pairs.add(new double[] {scores[i], scores[j]});
                    }
                }
            }
            double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
            for (Correlation.Method m : Correlation.Method.values()) {
                double expected = pairs.isEmpty() ? Double.NaN : m.coefficient(x, y);
                double actual = ModelSelfConsistency.pairedCorrelation(scores, items, m);
                if (Double.isNaN(expected)) {
                    assertThat(actual).isNaN();
                } else {
                    assertThat(actual).as("trial %d %s", trial, m).isCloseTo(expected, within(1e-13));
                }
            }
        }
    }

    @Test
    void undefinedCasesAndBootstrap() {
        // one generation per item: no pairs
        assertThat(ModelSelfConsistency.pairedCorrelation(new double[] {0.1, 0.9}, new String[] {"a", "b"},
                Correlation.Method.SPEARMAN)).isNaN();
        // all paired scores equal
        assertThat(ModelSelfConsistency.pairedCorrelation(new double[] {0.5, 0.5, 0.5, 0.5}, new String[] {"a", "a", "b", "b"},
                Correlation.Method.SPEARMAN)).isNaN();
        ModelOutputs o = ModelOutputFiles.read(AlignFixtures.GENERATIONS);
        ModelSelfConsistency b = ModelSelfConsistency.withDefaults().withResamples(200).withSeed(9);
        List<ModelConsistency> r1 = b.estimate(o).rows();
        List<ModelConsistency> r2 = b.estimate(o).rows();
        assertThat(r1).isEqualTo(r2);
        assertThat(r1).hasSize(36).allSatisfy(c -> {
            assertThat(c.ciLow()).isLessThanOrEqualTo(c.selfConsistency());
            assertThat(c.ciHigh()).isGreaterThanOrEqualTo(c.ciLow());
        });
    }
}
