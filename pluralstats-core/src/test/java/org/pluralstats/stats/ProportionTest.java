package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pluralstats.stats.Fixtures.STATISTIC;
import static org.pluralstats.stats.Fixtures.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.PluralstatsException;

class ProportionTest {

    static Stream<Arguments> proportions() {
        return Fixtures.cases("proportion.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proportions")
    void agreesWithStatsmodelsWilson(String name, JsonNode c) {
        long k = c.get("k").asLong();
        long n = c.get("n").asLong();
        double level = c.get("level").asDouble();
        Proportion p = Proportion.of(k, n);
        assertClose("share", p.estimate().getAsDouble(), c.get("share").asDouble(), STATISTIC);
        ConfidenceInterval ci = p.wilsonInterval(level).orElseThrow();
        assertThat(ci.level()).isEqualTo(level);
        assertClose("lower", ci.lower(), c.get("lower").asDouble(), STATISTIC);
        assertClose("upper", ci.upper(), c.get("upper").asDouble(), STATISTIC);
        assertThat(ci).isEqualTo(Proportion.wilson(k, n, level));
        if (k == 0) {
            assertThat(ci.lower()).isZero();
        }
        if (k == n) {
            assertThat(ci.upper()).isEqualTo(1.0);
        }
    }

    @Test
    void defaultsTo95Percent() {
        Proportion p = Proportion.of(3, 10);
        assertThat(p.count()).isEqualTo(3);
        assertThat(p.n()).isEqualTo(10);
        assertThat(p.wilsonInterval().orElseThrow()).isEqualTo(p.wilsonInterval(0.95).orElseThrow());
        assertThat(p.toString()).isEqualTo("3/10");
    }

    @Test
    void emptyWhenNoTrials() {
        Proportion p = Proportion.of(0, 0);
        assertThat(p.estimate()).isEmpty();
        assertThat(p.wilsonInterval()).isEmpty();
        assertThatThrownBy(() -> Proportion.wilson(0, 0, 0.95)).isInstanceOf(PluralstatsException.class);
    }

    @Test
    void rejectsInvalidCounts() {
        assertThatThrownBy(() -> Proportion.of(4, 3)).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("k = 4");
        assertThatThrownBy(() -> Proportion.of(-1, 3)).isInstanceOf(PluralstatsException.class);
        assertThatThrownBy(() -> Proportion.of(1, 3).wilsonInterval(0)).isInstanceOf(PluralstatsException.class);
    }
}
