package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pluralstats.stats.Fixtures.P_VALUE;
import static org.pluralstats.stats.Fixtures.STATISTIC;
import static org.pluralstats.stats.Fixtures.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.PluralstatsException;

class KruskalWallisTest {

    static Stream<Arguments> kruskal() {
        return Fixtures.cases("kruskal.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kruskal")
    void agreesWithScipy(String name, JsonNode c) {
        List<double[]> groups = new ArrayList<>();
        for (JsonNode g : c.get("groups")) {
            groups.add(Fixtures.doubles(g));
        }
        KruskalWallis.Result r = KruskalWallis.test(groups);
        assertClose("H", r.statistic().getAsDouble(), c.get("statistic").asDouble(), STATISTIC);
        assertClose("p", r.pValue().getAsDouble(), c.get("pvalue").asDouble(), P_VALUE);
        assertThat(r.degreesOfFreedom()).isEqualTo(c.get("df").asInt());
        assertThat(r.groupSizes()).hasSize(groups.size());
        assertThat(r.n()).isEqualTo(groups.stream().mapToInt(g -> g.length).sum());
    }

    @Test
    void meanRanksAndTieCorrection() {
        KruskalWallis.Result r = KruskalWallis.test(new double[] {1, 1, 1}, new double[] {2, 2, 2}, new double[] {2, 2});
        assertThat(r.statistic()).hasValue(7.0);
        assertThat(r.meanRanks()).containsExactly(2, 6, 6);
        assertThat(r.groupSizes()).containsExactly(3, 3, 2);
        // ties of 3 and 5 among 8: 1 - (24 + 120) / 504
        assertThat(r.tieCorrection()).isEqualTo(1 - 144.0 / 504);
    }

    @Test
    void allEqualValuesGiveAnEmptyResult() {
        KruskalWallis.Result r = KruskalWallis.test(new double[] {3, 3}, new double[] {3, 3, 3});
        assertThat(r.statistic()).isEmpty();
        assertThat(r.pValue()).isEmpty();
        assertThat(r.degreesOfFreedom()).isEqualTo(1);
        assertThat(r.tieCorrection()).isZero();
        assertThat(r.n()).isEqualTo(5);
    }

    @Test
    void rejectsTooFewOrEmptyGroupsAndNaN() {
        assertThatThrownBy(() -> KruskalWallis.test(new double[] {1, 2})).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("at least two groups");
        assertThatThrownBy(() -> KruskalWallis.test(new double[] {1}, new double[0]))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("group 1");
        assertThatThrownBy(() -> KruskalWallis.test(new double[] {1}, new double[] {2, Double.NaN}))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("value 1 of group 1");
    }
}
