package org.pluralstats.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pluralstats.align.DistributionalAlignment;
import org.pluralstats.align.DistributionalAlignmentReport;
import org.pluralstats.align.ModelAnswers;
import org.pluralstats.align.OptionCount;
import org.pluralstats.align.OptionDistribution;
import org.pluralstats.align.SimilarityMetric;
import org.pluralstats.align.SplitHalves;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.stats.CompensatedSum;
import org.pluralstats.stats.WassersteinDistance;
import org.pluralstats.weight.WeightSpec;

/**
 * The human side from microdata: the distributions are the valid shares R survey gives
 * ({@link AnswerDistributions#estimate}, pinned by AnswerDistributionsReferenceTest), the split halves
 * partition each population's weighted answers, and the split-half ceiling is the mean score of the
 * halves, seeded.
 */
class HumanSideTest {
    private static final SurveyData DATA = SurveyFiles.read(AnswerDistributionsReferenceTest.file("wvs7-sample.csv"));
    private static final WeightSpec W = WeightSpec.parse("W_WEIGHT");
    private static final List<String> QS = List.of("Q1", "Q57", "Q164");
    private static final List<String> BY = List.of("B_COUNTRY_ALPHA");

    @Test
    void distributionsAreTheValidSharesAndHalvesPartitionTheAnswers() {
        AnswerDistributions.HumanSide side = AnswerDistributions.humanSide(DATA, QS, BY, W, Map.of(), 20, 5);
        DistributionTable shares = AnswerDistributions.estimate(DATA, QS, BY, W);
        List<OptionShare> valid = shares.rows().stream().filter(o -> o.base() == ShareBase.VALID).toList();
        int i = 0;
        for (OptionDistribution d : side.distributions()) {
            for (OptionCount o : d.options()) {
                OptionShare s = valid.get(i++);
                assertThat(d.population()).isEqualTo(s.population());
                assertThat(o.option()).isEqualTo(s.code());
                assertThat(o.ordinal()).isEqualTo(Double.parseDouble(s.code()));
                assertThat(o.count()).isEqualTo(s.share());
            }
        }
        assertThat(i).isEqualTo(valid.size());
        assertThat(side.halves()).hasSize(side.distributions().size());
        for (SplitHalves h : side.halves()) {
            OptionDistribution d = side.distributions().stream()
                    .filter(x -> x.population().equals(h.population()) && x.question().equals(h.question())).findFirst().orElseThrow();
            assertThat(h.first()).hasNumberOfRows(20);
            for (int s = 0; s < 20; s++) {
                double total = CompensatedSum.sum(h.first()[s]) + CompensatedSum.sum(h.second()[s]);
                for (int k = 0; k < d.options().size(); k++) {
                    // each split puts every respondent in exactly one half: the halves add up to the population's shares
                    assertThat((h.first()[s][k] + h.second()[s][k]) / total).isCloseTo(d.options().get(k).count(), within(1e-12));
                }
            }
        }
    }

    @Test
    void theCeilingIsTheMeanScoreOfTheHalvesAndIsSeeded() {
        AnswerDistributions.HumanSide side = AnswerDistributions.humanSide(DATA, QS, BY, W, Map.of(), 10, 5);
        OptionDistribution dnk = side.distributions().get(0);
        ModelAnswers model = new ModelAnswers("m", "", "", dnk.population(), dnk.question(),
                List.of(new OptionCount(dnk.options().get(0).option(), Double.NaN, 3),
                        new OptionCount(dnk.options().get(1).option(), Double.NaN, 1)), 0, 0, true);
        DistributionalAlignmentReport r = DistributionalAlignment.withDefaults().withResamples(0)
                .withMetrics(List.of(SimilarityMetric.WASSERSTEIN)).withHumanHalves(side.halves())
                .compare(side.distributions(), List.of(model));
        SplitHalves h = side.halves().get(0);
        double[] ordinals = dnk.options().stream().mapToDouble(OptionCount::ordinal).toArray();
        double sum = 0;
        for (int s = 0; s < 10; s++) {
            sum += WassersteinDistance.ordinalSimilarity(ordinals, h.first()[s], h.second()[s]);
        }
        assertThat(r.summaries().get(0).splitHalf()).isCloseTo(sum / 10, within(1e-12)).isBetween(0.8, 1.0);
        AnswerDistributions.HumanSide again = AnswerDistributions.humanSide(DATA, QS, BY, W, Map.of(), 10, 5);
        assertThat(again.halves().get(3).first()).isDeepEqualTo(side.halves().get(3).first());
        AnswerDistributions.HumanSide other = AnswerDistributions.humanSide(DATA, QS, BY, W, Map.of(), 10, 6);
        assertThat(java.util.Arrays.deepEquals(other.halves().get(3).first(), side.halves().get(3).first())).isFalse();
        assertThat(AnswerDistributions.humanSide(DATA, QS, BY, W, Map.of(), 0, 5).halves()).isEmpty();
    }
}
