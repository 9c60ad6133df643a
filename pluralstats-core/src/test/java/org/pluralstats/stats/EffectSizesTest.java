package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pluralstats.stats.Fixtures.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Effect sizes and chi-square warnings against R 4.2.2 and effectsize 0.8.3 (tools/pilot_tests_reference.R). */
class EffectSizesTest {

    static Stream<Arguments> chisq() {
        return PilotTestsFixture.cases("chisq");
    }

    static Stream<Arguments> rankBiserial() {
        return PilotTestsFixture.cases("rankBiserial");
    }

    static Stream<Arguments> epsilon() {
        return PilotTestsFixture.cases("rankEpsilonSquared");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chisq")
    void chiSquareWarnsAsRAndCramersVEqualsEffectsize(String name, JsonNode c) {
        long[][] table = PilotTestsFixture.table(c.get("table"));
        ChiSquareIndependence.Result r = ChiSquareIndependence.test(table);
        assertClose(name + " X2", r.statistic(), c.get("statistic").asDouble(), 1e-12);
        assertClose(name + " p", r.pValue(), c.get("p").asDouble(), 1e-12);
        assertThat(r.degreesOfFreedom()).isEqualTo(c.get("df").asInt());
        assertClose(name + " min E", r.minimumExpected(), c.get("minExpected").asDouble(), 1e-14);
        assertThat(r.warning().isPresent()).as(name + " warns").isEqualTo(c.get("warning").asBoolean());
        r.warning().ifPresent(w -> assertThat(w).isEqualTo("Chi-squared approximation may be incorrect"));
        assertClose(name + " V", EffectSizes.cramersV(table, false), c.get("cramersV").asDouble(), 1e-12);
        assertClose(name + " adjusted V", EffectSizes.cramersV(table, true), c.get("cramersVAdjusted").asDouble(), 1e-12);
        for (boolean adjust : new boolean[] {false, true}) {
            String k = adjust ? "cramersVAdjusted" : "cramersV";
            EffectSizes.Estimate e = EffectSizes.cramersVWithInterval(table, adjust);
            assertClose(name + " " + k, e.estimate(), c.get(k).asDouble(), 1e-12);
            ConfidenceInterval ci = e.interval().orElseThrow();
            assertThat(ci.upper()).isEqualTo(1.0);
            assertThat(ci.method()).isEqualTo(ConfidenceInterval.Method.NONCENTRAL_CHI_SQUARE);
            // the exact root of pchisq(X2, df, λ) = 0.95, and effectsize's Nelder–Mead answer
            assertThat(Math.abs(ci.lower() - c.get(k + "LowTight").asDouble())).as(name + " " + k + " low")
                    .isLessThanOrEqualTo(1e-9 * Math.max(1e-6, c.get(k + "LowTight").asDouble()));
            assertThat(Math.abs(ci.lower() - c.get(k + "LowEffectsize").asDouble())).as(name + " " + k + " effectsize")
                    .isLessThanOrEqualTo(1e-6 * Math.max(1e-3, c.get(k + "LowEffectsize").asDouble()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rankBiserial")
    void rankBiserialAndItsIntervalEqualEffectsize(String name, JsonNode c) {
        EffectSizes.Estimate e = EffectSizes.rankBiserial(Fixtures.doubles(c.get("x")), Fixtures.doubles(c.get("y")), 0.95);
        assertClose(name + " r", e.estimate(), c.get("r").asDouble(), 1e-12);
        ConfidenceInterval ci = e.interval().orElseThrow();
        assertThat(ci.method()).isEqualTo(ConfidenceInterval.Method.FISHER_Z);
        assertClose(name + " low", ci.lower(), c.get("ciLow").asDouble(), 1e-10);
        assertClose(name + " high", ci.upper(), c.get("ciHigh").asDouble(), 1e-10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("epsilon")
    void rankEpsilonSquaredEqualsEffectsize(String name, JsonNode c) {
        JsonNode g = c.get("groups");
        double[][] groups = new double[g.size()][];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = Fixtures.doubles(g.get(i));
        }
        KruskalWallis.Result kw = KruskalWallis.test(groups);
        assertClose(name + " H", kw.statistic().getAsDouble(), c.get("h").asDouble(), 1e-12);
        assertClose(name + " p", kw.pValue().getAsDouble(), c.get("p").asDouble(), 1e-12);
        assertClose(name + " eps2", EffectSizes.rankEpsilonSquared(kw.statistic().getAsDouble(), kw.n()),
                c.get("epsilonSquared").asDouble(), 1e-12);
    }

    @Test
    void perfectSeparationHasRankBiserialOneAndAnIntervalAtOne() {
        EffectSizes.Estimate e = EffectSizes.rankBiserial(new double[] {5, 6, 7}, new double[] {1, 2}, 0.95);
        assertThat(e.estimate()).isEqualTo(1.0);
        assertThat(e.interval().orElseThrow().lower()).isEqualTo(1.0);
        assertThat(e.interval().orElseThrow().upper()).isEqualTo(1.0);
    }

    @Test
    void cramersVIsUndefinedForOneColumnAndAdjustedVIsFlooredAtZero() {
        assertThat(EffectSizes.cramersV(new long[][] {{3, 0}, {4, 0}}, false)).isNaN();
        assertThat(EffectSizes.cramersV(new long[][] {{5, 5}, {5, 5}}, true)).isZero();
    }
}
