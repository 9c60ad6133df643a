package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pluralstats.stats.Fixtures.STATISTIC;
import static org.pluralstats.stats.Fixtures.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.Item;
import org.pluralstats.data.MissingReason;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.Scale;

class LikertSummaryTest {

    /**
     * scipy 1.10's {@code t.ppf} (cephes {@code stdtrit}) is off by up to 2e-9 relative (40-digit mpmath
     * shows it; e.g. df = 63 at 0.995). Our quantile is checked against mpmath at 1e-13, the interval built
     * on it at {@link Fixtures#STATISTIC}, and scipy's own interval only to this looser tolerance on the
     * half-width.
     */
    private static final double SCIPY_T_INTERVAL = 5e-9;

    static Stream<Arguments> likert() {
        return Fixtures.cases("likert.json");
    }

    private static LikertSummary summarize(JsonNode c) {
        LikertSummary.Options options = LikertSummary.withDefaults().withConfidenceLevel(c.get("level").asDouble());
        if (!c.get("scale").isNull()) {
            options = options.withScale(c.get("scale").get(0).asInt(), c.get("scale").get(1).asInt());
        }
        return options.summarize(Fixtures.doubles(c.get("values")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("likert")
    void agreesWithNumpyAndScipy(String name, JsonNode c) {
        LikertSummary s = summarize(c);
        assertThat(s.n()).isEqualTo(c.get("n").asInt());
        assertThat(s.missing()).isEqualTo(c.get("missing").asInt());
        assertClose("mean", s.mean().getAsDouble(), c.get("mean").asDouble(), STATISTIC);
        if (c.get("sd").isNull()) {
            assertThat(s.standardDeviation()).isEmpty();
        } else {
            assertClose("sd", s.standardDeviation().getAsDouble(), c.get("sd").asDouble(), STATISTIC);
        }
        assertClose("median", s.median().getAsDouble(), c.get("median").asDouble(), STATISTIC);
        assertClose("q1", s.firstQuartile().getAsDouble(), c.get("q1").asDouble(), STATISTIC);
        assertClose("q3", s.thirdQuartile().getAsDouble(), c.get("q3").asDouble(), STATISTIC);
        assertClose("iqr", s.interquartileRange().getAsDouble(), c.get("iqr").asDouble(), STATISTIC);

        Map<Integer, Integer> expectedCounts = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.get("counts").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            expectedCounts.put(Integer.valueOf(e.getKey()), e.getValue().asInt());
        }
        assertThat(s.counts()).containsExactlyEntriesOf(expectedCounts);

        if (c.get("top2").isNull()) {
            assertThat(s.topTwoBoxShare()).isEmpty();
            assertThat(s.bottomTwoBoxShare()).isEmpty();
        } else {
            assertClose("top2", s.topTwoBoxShare().getAsDouble(), c.get("top2").asDouble(), STATISTIC);
            assertClose("bottom2", s.bottomTwoBoxShare().getAsDouble(), c.get("bottom2").asDouble(), STATISTIC);
        }

        if (c.get("ci").isNull()) {
            assertThat(s.meanInterval()).isEmpty();
            return;
        }
        ConfidenceInterval ci = s.meanInterval().orElseThrow();
        assertThat(ci.level()).isEqualTo(c.get("level").asDouble());
        double df = s.n() - 1;
        double p = 1 - (1 - c.get("level").asDouble()) / 2;
        assertClose("t quantile vs mpmath", Distributions.tQuantile(p, df), c.get("t_quantile_mpmath").asDouble(),
                1e-13);
        assertClose("lower (mpmath t)", ci.lower(), c.get("ci_mpmath_t").get(0).asDouble(), STATISTIC);
        assertClose("upper (mpmath t)", ci.upper(), c.get("ci_mpmath_t").get(1).asDouble(), STATISTIC);
        double mean = c.get("mean").asDouble();
        double scipyHalf = c.get("ci").get(1).asDouble() - mean;
        assertClose("half-width vs scipy t.interval", ci.upper() - mean, scipyHalf, SCIPY_T_INTERVAL);
        assertClose("lower vs scipy t.interval", mean - ci.lower(), mean - c.get("ci").get(0).asDouble(),
                SCIPY_T_INTERVAL);
    }

    @Test
    void emptyInputHasCountsButNoStatistics() {
        LikertSummary s = LikertSummary.withDefaults().withScale(1, 4).summarize(new double[] {Double.NaN, Double.NaN});
        assertThat(s.n()).isZero();
        assertThat(s.missing()).isEqualTo(2);
        assertThat(s.mean()).isEmpty();
        assertThat(s.standardDeviation()).isEmpty();
        assertThat(s.median()).isEmpty();
        assertThat(s.firstQuartile()).isEmpty();
        assertThat(s.thirdQuartile()).isEmpty();
        assertThat(s.interquartileRange()).isEmpty();
        assertThat(s.topTwoBoxShare()).isEmpty();
        assertThat(s.bottomTwoBoxShare()).isEmpty();
        assertThat(s.meanInterval()).isEmpty();
        assertThat(s.counts()).containsExactly(Map.entry(1, 0), Map.entry(2, 0), Map.entry(3, 0), Map.entry(4, 0));

        LikertSummary none = LikertSummary.of();
        assertThat(none.n()).isZero();
        assertThat(none.counts()).isEmpty();
    }

    @Test
    void oneValueHasNoSpreadAllEqualHaveZeroSpread() {
        LikertSummary one = LikertSummary.of(7);
        assertThat(one.mean()).hasValue(7);
        assertThat(one.median()).hasValue(7);
        assertThat(one.interquartileRange()).hasValue(0);
        assertThat(one.standardDeviation()).isEmpty();
        assertThat(one.meanInterval()).isEmpty();

        LikertSummary equal = LikertSummary.of(5, 5, 5);
        assertThat(equal.standardDeviation()).hasValue(0);
        assertThat(equal.meanInterval()).contains(new ConfidenceInterval(5, 5, 0.95, ConfidenceInterval.Method.STUDENT_T));
    }

    @Test
    void missingCountPassedInOrFromColumn() {
        LikertSummary s = LikertSummary.withDefaults().withScale(1, 5).summarize(new double[] {4, 5, 1}, 3);
        assertThat(s.n()).isEqualTo(3);
        assertThat(s.missing()).isEqualTo(3);
        assertThat(s.topTwoBoxShare()).hasValue(2.0 / 3);
        assertThat(s.bottomTwoBoxShare()).hasValue(1.0 / 3);

        NumericColumn column = NumericColumn.builder(Item.scale("Q1", "Agree?", Scale.of(1, 10)))
                .add(3).addMissing(MissingReason.SKIPPED).add(10).add(9).build();
        LikertSummary fromColumn = LikertSummary.withDefaults().withScale(1, 10)
                .summarize(column.answered(), column.missingCount());
        assertThat(fromColumn.n()).isEqualTo(3);
        assertThat(fromColumn.missing()).isEqualTo(1);
        assertThat(fromColumn.scaleMin()).hasValue(1);
        assertThat(fromColumn.scaleMax()).hasValue(10);
        assertThat(fromColumn.counts()).hasSize(10).containsEntry(10, 1).containsEntry(1, 0);
        assertThat(fromColumn.topTwoBoxShare()).hasValue(2.0 / 3);
    }

    @Test
    void confidenceLevelIsConfigurable() {
        double[] x = {1, 4, 6, 7, 9, 10};
        ConfidenceInterval ci95 = LikertSummary.of(x).meanInterval().orElseThrow();
        ConfidenceInterval ci80 = LikertSummary.withDefaults().withConfidenceLevel(0.8).summarize(x).meanInterval()
                .orElseThrow();
        assertThat(ci95.level()).isEqualTo(0.95);
        assertThat(ci80.level()).isEqualTo(0.8);
        assertThat(ci80.width()).isLessThan(ci95.width());
        assertThat(ci95.contains(37.0 / 6)).isTrue();
        assertThatThrownBy(() -> LikertSummary.withDefaults().withConfidenceLevel(1.0))
                .isInstanceOf(PluralstatsException.class);
        assertThatThrownBy(() -> LikertSummary.withDefaults().withConfidenceLevel(Double.NaN))
                .isInstanceOf(PluralstatsException.class);
    }

    @Test
    void rejectsValuesOffTheScale() {
        assertThatThrownBy(() -> LikertSummary.withDefaults().withScale(1, 10).summarize(new double[] {3, 11})).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("11.0").hasMessageContaining("index 1").hasMessageContaining("1..10");
        assertThatThrownBy(() -> LikertSummary.of(3, 2.5)).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("2.5");
        assertThatThrownBy(() -> LikertSummary.withDefaults().summarize(new double[] {1, Double.NaN}, 0))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> LikertSummary.withDefaults().summarize(new double[] {1}, -1))
                .isInstanceOf(PluralstatsException.class);
    }

    @Test
    void countsAreUnmodifiable() {
        LikertSummary s = LikertSummary.of(1, 2, 2);
        assertThat(s.counts()).containsExactly(Map.entry(1, 1), Map.entry(2, 2));
        assertThatThrownBy(() -> s.counts().put(3, 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void quantilesFollowNumpyLinearInterpolation() {
        double[] sorted = {1, 2, 3, 4};
        assertThat(LikertSummary.quantile7(sorted, 0.25)).isEqualTo(1.75);
        assertThat(LikertSummary.quantile7(sorted, 0.5)).isEqualTo(2.5);
        assertThat(LikertSummary.quantile7(sorted, 0.75)).isEqualTo(3.25);
        assertThat(LikertSummary.quantile7(new double[] {2}, 0.75)).isEqualTo(2);
    }
}
