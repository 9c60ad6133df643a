package org.pluralstats.weight;

import org.pluralstats.io.sidefile.ItemCodingFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pluralstats.data.SurveyData;
import org.pluralstats.stats.Correlation;

/** Human self-consistency: the released definition, determinism, and the closed form. */
class HumanSelfConsistencyTest {

    static PolarityDesign design() {
        SurveyData data = Fixtures.read(Fixtures.SAMPLES.resolve("wvs7-sample.csv"));
        return PolarityDesign.builder(data)
                .binarisation(ItemCodingFiles.read(Fixtures.SAMPLES.resolve("items.json")).binarisation())
                .populations(PopulationSpec.by("B_COUNTRY_ALPHA"))
                .weight(WeightSpec.parse("W_WEIGHT"))
                .build();
    }

    /** The released code literally: join the draws with themselves on (country, item), one Pearson over all rows. */
    static double bruteForce(double[][] s) {
        int n = 0;
        for (double[] q : s) {
            n += q.length * q.length;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        int k = 0;
        for (double[] q : s) {
            for (double a : q) {
                for (double b : q) {
                    x[k] = a;
                    y[k++] = b;
                }
            }
        }
        return Correlation.pearsonCoefficient(x, y);
    }

    @Test
    void closedFormEqualsTheReleasedSelfJoin() {
        PolarityDesign d = design();
        HumanSelfConsistency h = HumanSelfConsistency.withDefaults();
        for (int p = 0; p < d.populations().size(); p++) {
            double[][] s = h.drawScores(d, p, d.weightArray());
            assertThat(HumanSelfConsistency.pooledCorrelation(s)).isCloseTo(bruteForce(s), within(1e-12));
        }
    }

    @Test
    void sameSeedSameValuesOtherSeedOtherValues() {
        PolarityDesign d = design();
        List<SelfConsistency> a = HumanSelfConsistency.withDefaults().estimate(d).values();
        List<SelfConsistency> b = HumanSelfConsistency.withDefaults().estimate(d).values();
        List<SelfConsistency> c = HumanSelfConsistency.withDefaults().withSeed(7).estimate(d).values();
        assertThat(a).isEqualTo(b);
        assertThat(a).extracting(SelfConsistency::population).containsExactly("DNK", "NLD", "GBR", "BRA", "USA", "NGA");
        assertThat(a.get(0).value()).isNotEqualTo(c.get(0).value());
        System.out.println("self-consistency (100 draws of 10, seed " + HumanSelfConsistency.DEFAULT_SEED + "): " + a);
        for (SelfConsistency s : a) {
            assertThat(s.value()).isBetween(-0.1, 1.0);
            assertThat(s.draws()).isEqualTo(100);
        }
        assertThat(a.get(5).items()).isEqualTo(11); // NGA has no answers to Q57
    }

    @Test
    void itemsWithFewerAnswersThanTheSampleSizeUseThemAll() {
        // with k larger than every population, each draw is the whole population: all draws equal, r = 1
        List<SelfConsistency> all = HumanSelfConsistency.withDefaults().withSampleSize(1000).withDraws(3).estimate(design()).values();
        for (SelfConsistency s : all) {
            assertThat(s.value()).isCloseTo(1.0, within(1e-12));
        }
    }
}
