package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.PluralstatsException;

class RanksTest {

    static Stream<Arguments> ranks() {
        return Fixtures.cases("ranks.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranks")
    void agreesWithRankdata(String name, JsonNode c) {
        Ranks r = Ranks.of(Fixtures.doubles(c.get("values")));
        // average ranks are multiples of 1/2: exact
        assertThat(r.ranks()).containsExactly(Fixtures.doubles(c.get("ranks")));
        assertThat(r.tieGroupSizes()).containsExactly(Fixtures.ints(c.get("tie_group_sizes")));
        assertThat(r.tieTerm()).isEqualTo(c.get("tie_term").asDouble());
        assertThat(r.size()).isEqualTo(c.get("values").size());
        assertThat(r.hasTies()).isEqualTo(r.distinctCount() < r.size());
    }

    @Test
    void tiesShareTheAverageRank() {
        Ranks r = Ranks.of(2, 3, 2, 5, 3, 3, 1);
        assertThat(r.ranks()).containsExactly(2.5, 5, 2.5, 7, 5, 5, 1);
        assertThat(r.tieGroupSizes()).containsExactly(1, 2, 3, 1);
        assertThat(r.tieTerm()).isEqualTo(6 + 24);
        assertThat(r.rank(3)).isEqualTo(7);
        assertThat(r.hasTies()).isTrue();
    }

    @Test
    void infinitiesAreRankedEmptyIsEmpty() {
        Ranks r = Ranks.of(Double.POSITIVE_INFINITY, -1, Double.NEGATIVE_INFINITY);
        assertThat(r.ranks()).containsExactly(3, 2, 1);
        assertThat(r.hasTies()).isFalse();
        assertThat(Ranks.of().size()).isZero();
        assertThat(Ranks.of().tieGroupSizes()).isEmpty();
        assertThat(Ranks.of().tieTerm()).isZero();
    }

    @Test
    void rejectsNaN() {
        assertThatThrownBy(() -> Ranks.of(1, Double.NaN)).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("index 1");
    }

    @Test
    void resultIsACopy() {
        Ranks r = Ranks.of(1, 2);
        r.ranks()[0] = 99;
        r.tieGroupSizes()[0] = 99;
        assertThat(r.ranks()).containsExactly(1, 2);
        assertThat(r.tieGroupSizes()).containsExactly(1, 1);
    }
}
