package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.PluralstatsException;

/** Pearson and Spearman against scipy.stats.pearsonr / spearmanr (tools/align_reference.py, correlation.json). */
class CorrelationTest {
    private static double maxStatistic;
    private static double maxP;

    static Stream<Arguments> cases() {
        return AlignmentFixtures.cases("correlation.json", "cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsScipy(String name, JsonNode c) {
        double[] x = Fixtures.doubles(c.get("x"));
        double[] y = Fixtures.doubles(c.get("y"));
        Correlation.Result s = Correlation.spearman(x, y);
        Correlation.Result p = Correlation.pearson(x, y);
        assertThat(s.n()).isEqualTo(x.length);
        check(name + " rho", s.statistic(), c.get("spearman").get("rho"), Fixtures.STATISTIC, true);
        check(name + " spearman p", s.pValue(), c.get("spearman").get("p"), Fixtures.P_VALUE, false);
        check(name + " r", p.statistic(), c.get("pearson").get("r"), Fixtures.STATISTIC, true);
        check(name + " pearson p", p.pValue(), c.get("pearson").get("p"), Fixtures.P_VALUE, false);
        assertThat(Double.compare(Correlation.spearmanCoefficient(x, y), s.statistic().orElse(Double.NaN))).isZero();
    }

    private static void check(String what, OptionalDouble actual, JsonNode expected, double relative, boolean statistic) {
        if (expected.isNull()) {
            assertThat(actual).as(what + " undefined as in scipy").isEmpty();
            return;
        }
        assertThat(actual).as(what).isPresent();
        double e = expected.asDouble();
        double a = actual.getAsDouble();
        Fixtures.assertClose(what, a, e, relative);
        double rel = e == 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e);
        if (statistic) {
            maxStatistic = Math.max(maxStatistic, rel);
        } else {
            maxP = Math.max(maxP, rel);
        }
    }

    @AfterAll
    static void summary() {
        System.out.println("correlation.json: max relative difference to scipy: statistic " + maxStatistic + ", p " + maxP);
    }

    @Test
    void degenerateInput() {
        assertThat(Correlation.spearman(new double[] {1}, new double[] {2}).statistic()).isEmpty();
        assertThat(Correlation.pearson(new double[0], new double[0]).pValue()).isEmpty();
        assertThat(Correlation.pearson(new double[] {1, 2}, new double[] {3, 1}).pValue()).hasValue(1.0);
        assertThat(Correlation.pearson(new double[] {1, 2}, new double[] {3, 1}).statistic()).hasValue(-1.0);
        assertThatThrownBy(() -> Correlation.spearman(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("differ in length");
        assertThatThrownBy(() -> Correlation.pearson(new double[] {1, Double.NaN}, new double[] {1, 2}))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("NaN");
        assertThat(Correlation.Method.SPEARMAN.jsonName()).isEqualTo("spearman");
    }
}
