package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.PluralstatsException;

/**
 * Wasserstein and Jensen–Shannon distances against scipy.stats.wasserstein_distance and
 * scipy.spatial.distance.jensenshannon (tools/align_reference.py, distance.json).
 */
class DistanceTest {
    private static double maxDiff;

    static Stream<Arguments> wasserstein() {
        return AlignmentFixtures.cases("distance.json", "cases");
    }

    static Stream<Arguments> similarity() {
        return AlignmentFixtures.cases("distance.json", "similarity");
    }

    static Stream<Arguments> jensenShannon() {
        return AlignmentFixtures.cases("distance.json", "jensenshannon");
    }

    private static void close(String what, double actual, double expected) {
        Fixtures.assertClose(what, actual, expected, Fixtures.STATISTIC);
        maxDiff = Math.max(maxDiff, Math.abs(actual - expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wasserstein")
    void wassersteinEqualsScipy(String name, JsonNode c) {
        double[] uw = c.has("uWeights") ? Fixtures.doubles(c.get("uWeights")) : null;
        double[] vw = c.has("vWeights") ? Fixtures.doubles(c.get("vWeights")) : null;
        double d = WassersteinDistance.between(Fixtures.doubles(c.get("uValues")), uw, Fixtures.doubles(c.get("vValues")), vw);
        close(name, d, c.get("distance").asDouble());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("similarity")
    void ordinalSimilarityEqualsOneMinusScaledScipyDistance(String name, JsonNode c) {
        double s = WassersteinDistance.ordinalSimilarity(Fixtures.doubles(c.get("ordinals")),
                Fixtures.doubles(c.get("human")), Fixtures.doubles(c.get("model")));
        close(name, s, c.get("similarity").asDouble());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jensenShannon")
    void jensenShannonEqualsScipy(String name, JsonNode c) {
        double[] p = Fixtures.doubles(c.get("p"));
        double[] q = Fixtures.doubles(c.get("q"));
        close(name + " base 2", JensenShannonDistance.of(p, q), c.get("base2").asDouble());
        close(name + " base e", JensenShannonDistance.of(p, q, JensenShannonDistance.NATURAL), c.get("natural").asDouble());
    }

    @AfterAll
    static void summary() {
        System.out.println("distance.json: max |Java - scipy| = " + maxDiff);
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> WassersteinDistance.between(new double[0], new double[] {1}))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("no values");
        assertThatThrownBy(() -> WassersteinDistance.between(new double[] {1, 2}, new double[] {-1, 1}, new double[] {1}, null))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("invalid weight");
        assertThatThrownBy(() -> WassersteinDistance.ordinalSimilarity(new double[] {1, 1}, new double[] {1, 0}, new double[] {0, 1}))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("two distinct ordinals");
        assertThatThrownBy(() -> JensenShannonDistance.of(new double[] {1, 0}, new double[] {1}))
                .isInstanceOf(PluralstatsException.class);
        assertThatThrownBy(() -> JensenShannonDistance.of(new double[] {0, 0}, new double[] {1, 0}))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("sum to zero");
        assertThat(JensenShannonDistance.of(new double[] {0.3, 0.7}, new double[] {3, 7})).isZero();
    }
}
