package org.pluralstats.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pluralstats.table.ResultTable;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.CategoricalColumn;
import org.pluralstats.data.Item;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.SurveyData;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.Distributions;

/** Degenerate inputs and bad weights. */
class ValuePolarityScoresTest {
    static final double NA = Double.NaN;

    static SurveyData data(String[] country, double[] w, double[] s, double[] q) {
        return SurveyData.builder("t.csv")
                .attribute(CategoricalColumn.of(Item.choice("B_COUNTRY_ALPHA", "", List.of()), country))
                .item(NumericColumn.of(Item.numeric("W_WEIGHT", "", Map.of()), w))
                .item(NumericColumn.of(Item.numeric("S018", "", Map.of()), s))
                .item(NumericColumn.of(Item.numeric("Q1", "", Map.of()), q))
                .ids(new String[] {"r1", "r2", "r3", "r4", "r5", "r6"}.clone())
                .build();
    }

    static final String[] COUNTRY = {"DNK", "DNK", "NLD", "NLD", "NLD", "USA"};

    static PolarityDesign.Builder design(SurveyData d) {
        return PolarityDesign.builder(d).binarisation(Binarisation.of(List.of(ItemCoding.of("Q1", 1))))
                .populations(PopulationSpec.by("b_country_alpha")).weight(WeightSpec.parse("w_weight*S018"));
    }

    @Test
    void degenerateScores() {
        // DNK: all positive (vps 1, no CI); NLD: one answer (no SE, no CI); USA: no answer (n = 0)
        SurveyData d = data(COUNTRY, new double[] {1, 2, 1, 1, 1, 1}, new double[] {1, 1, 1, 1, 1, 1},
                new double[] {1, 1, 2, -1 + 0 * 1, NA, NA});
        ScoreTable t = ValuePolarityScores.withDefaults().estimate(design(d).build());
        ValuePolarityScore dnk = t.get("DNK", "Q1").orElseThrow();
        assertThat(dnk.vps()).isEqualTo(1.0);
        assertThat(dnk.n()).isEqualTo(2);
        assertThat(dnk.se()).isEqualTo(0.0);
        assertThat(dnk.nEff()).isCloseTo(9.0 / 5, within(1e-15));
        assertThat(dnk.interval()).isEmpty();
        ValuePolarityScore nld = t.get("NLD", "Q1").orElseThrow();
        assertThat(nld.n()).isEqualTo(1);
        assertThat(nld.vps()).isEqualTo(0.0);
        assertThat(nld.se()).isNaN();
        assertThat(nld.interval()).isEmpty();
        ValuePolarityScore usa = t.get("USA", "Q1").orElseThrow();
        assertThat(usa.n()).isZero();
        assertThat(usa.weightSum()).isZero();
        assertThat(usa.score()).isEmpty();
        assertThat(usa.se()).isNaN();
    }

    @Test
    void theTableStatesTheConfidenceLevelOfItsIntervals() {
        SurveyData d = data(COUNTRY, new double[] {1, 2, 1, 2, 1, 2}, new double[] {1, 1, 1, 1, 1, 1},
                new double[] {1, 2, 1, 2, 2, 2});
        ScoreTable t = ValuePolarityScores.withDefaults().withConfidenceLevel(0.9).estimate(design(d).build());
        assertThat(t.rows()).anySatisfy(r -> assertThat(r.interval()).isPresent());
        assertThat(t.table().metadata()).containsEntry(ResultTable.CONFIDENCE_LEVEL, "0.9");
        assertThat(ValuePolarityScores.withDefaults().estimate(design(d).build()).table().metadata())
                .containsEntry(ResultTable.CONFIDENCE_LEVEL, "0.95");
    }

    @Test
    void invalidWeightIsAnErrorNamingRespondentAndVariable() {
        SurveyData d = data(COUNTRY, new double[] {1, 2, 0, 1, 1, 1}, new double[] {1, 1, 1, NA, 1, 1},
                new double[] {1, 2, 1, 2, 1, 2});
        assertThatThrownBy(() -> design(d).build())
                .isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("respondent r3 (row 3)")
                .hasMessageContaining("W_WEIGHT = 0")
                .hasMessageContaining("(1 more in this population)");
        SurveyData neg = data(COUNTRY, new double[] {1, -2, 1, 1, 1, 1}, new double[] {1, 1, 1, 1, 1, 1},
                new double[] {1, 2, 1, 2, 1, 2});
        assertThatThrownBy(() -> design(neg).build()).hasMessageContaining("respondent r2 (row 2)")
                .hasMessageContaining("W_WEIGHT = -2 is negative");
        SurveyData missing = data(COUNTRY, new double[] {1, 1, 1, 1, 1, 1}, new double[] {1, 1, 1, NA, 1, 1},
                new double[] {1, 2, 1, 2, 1, 2});
        assertThatThrownBy(() -> design(missing).build()).hasMessageContaining("respondent r4 (row 4)")
                .hasMessageContaining("S018 is missing (system_missing)");
    }

    @Test
    void invalidWeightsCanBeExcludedAndAreCounted() {
        SurveyData d = data(COUNTRY, new double[] {1, 2, 0, 1, 1, NA}, new double[] {1, 1, 1, NA, 1, 1},
                new double[] {1, 2, 1, NA, 1, 2});
        PolarityDesign design = design(d).invalidWeights(InvalidWeights.EXCLUDE).build();
        assertThat(design.exclusionReasons()).containsExactly(Map.entry("zero weight", 1), Map.entry("missing weight", 2));
        assertThat(design.excludedTotal()).isEqualTo(3);
        ScoreTable t = ValuePolarityScores.withDefaults().estimate(design);
        ValuePolarityScore nld = t.get("NLD", "Q1").orElseThrow();
        assertThat(nld.n()).isEqualTo(1);
        assertThat(nld.excluded()).isEqualTo(1); // r3 answered and was excluded; r4 did not answer
        ValuePolarityScore usa = t.get("USA", "Q1").orElseThrow();
        assertThat(usa.n()).isZero();
        assertThat(usa.excluded()).isEqualTo(1);
    }

    @Test
    void globalAndMappedPopulations() {
        SurveyData d = data(COUNTRY, new double[] {1, 1, 1, 1, 1, 1}, new double[] {1, 1, 1, 1, 1, 1},
                new double[] {1, 2, 1, 2, 1, 2});
        ScoreTable global = ValuePolarityScores.withDefaults().estimate(design(d).populations(PopulationSpec.global()).build());
        assertThat(global.populations()).containsExactly("global");
        assertThat(global.get("global", "Q1").orElseThrow().vps()).isEqualTo(0.5);
        ScoreTable mapped = ValuePolarityScores.withDefaults().estimate(design(d)
                .populations(PopulationSpec.mapped("B_COUNTRY_ALPHA", Map.of("DNK", "da", "NLD", "nl", "USA", "en"))).build());
        assertThat(mapped.populations()).containsExactly("da", "nl", "en");
        assertThat(mapped.get("nl", "Q1").orElseThrow().vps()).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void logitIntervalMatchesTheFormula() {
        // t(0.975, 9) = 2.262157162798205 (R qt)
        assertThat(Distributions.tQuantile(0.975, 9)).isCloseTo(2.2621571627982053, within(1e-13));
        assertThat(Distributions.tQuantile(0.975, 1)).isCloseTo(12.706204736174707, within(1e-11));
        ConfidenceInterval ci = LogitInterval.at(0.95).of(0.3, 0.1, 9).orElseThrow();
        double half = 2.2621571627982053 * 0.1 / 0.21;
        assertThat(ci.lower()).isCloseTo(1 / (1 + Math.exp(-(Math.log(0.3 / 0.7) - half))), within(1e-14));
        assertThat(ci.upper()).isCloseTo(1 / (1 + Math.exp(-(Math.log(0.3 / 0.7) + half))), within(1e-14));
        assertThat(ci.method()).isEqualTo(ConfidenceInterval.Method.LOGIT);
        assertThat(LogitInterval.at(0.95).of(0, 0.1, 9)).isEmpty();
    }
}
