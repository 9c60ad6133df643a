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

class GrimTest {

    static Stream<Arguments> grim() {
        return Fixtures.cases("grim.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grim")
    void agreesWithBruteForce(String name, JsonNode c) {
        Grim.Result r = Grim.test(c.get("mean").asText(), c.get("n").asInt(), c.get("items").asInt());
        String what = c.get("mean").asText() + " n=" + c.get("n").asInt() + " items=" + c.get("items").asInt();
        assertThat(r.consistent()).as(what).isEqualTo(c.get("consistent").asBoolean());
        assertThat(r.applicable()).as(what).isEqualTo(c.get("applicable").asBoolean());
        assertThat(r.decimals()).as(what).isEqualTo(c.get("decimals").asInt());
        assertThat(r.nearestBelowText()).as(what).isEqualTo(c.get("below").asText());
        assertThat(r.nearestAboveText()).as(what).isEqualTo(c.get("above").asText());
        if (r.consistent()) {
            long t = r.total().getAsLong();
            double mean = (double) t / (r.n() * r.items());
            assertThat(Math.abs(mean - r.reportedMean())).as(what).isLessThanOrEqualTo(0.5 * Math.pow(10, -r.decimals())
                    + 1e-12);
        } else {
            assertThat(r.total()).isEmpty();
        }
    }

    @Test
    void flagsTheClassicInconsistentMean() {
        Grim.Result r = Grim.test(1.51, 22);
        assertThat(r.consistent()).isFalse();
        assertThat(r.applicable()).isTrue();
        assertThat(r.nearestBelow()).isEqualTo(1.50);
        assertThat(r.nearestAbove()).isEqualTo(1.55);
        assertThat(r.nearestBelowText()).isEqualTo("1.50");
        assertThat(r.toString()).contains("inconsistent").contains("1.50").contains("1.55");
    }

    @Test
    void acceptsReachableMeans() {
        assertThat(Grim.test(1.50, 22).consistent()).isTrue();
        assertThat(Grim.test(1.50, 22).total()).hasValue(33);
        assertThat(Grim.test(1.43, 7).consistent()).isTrue(); // 10 / 7 = 1.428...
        assertThat(Grim.test(2.27, 11).consistent()).isTrue(); // 25 / 11 = 2.2727...
    }

    @Test
    void exactTiesAreAcceptedInBothDirections() {
        // 50 / 16 = 3.125: half down gives 3.12, half up 3.13; both must pass
        assertThat(Grim.test(3.12, 16).consistent()).isTrue();
        assertThat(Grim.test(3.13, 16).consistent()).isTrue();
        assertThat(Grim.test(3.12, 16).total()).hasValue(50);
        assertThat(Grim.test(3.11, 16).consistent()).isFalse();
    }

    @Test
    void itemsAndDecimalsChangeTheGranularity() {
        // 3 items, n = 12: N = 36, 124 / 36 = 3.444...
        assertThat(Grim.test(3.44, 12, 2, 3).consistent()).isTrue();
        assertThat(Grim.test(4.8, 7, 1, 1).consistent()).isFalse();
        assertThat(Grim.test(4.9, 7, 1, 1).consistent()).isTrue();
        assertThat(Grim.test(1.5, 22, 2, 1).reportedMeanText()).isEqualTo("1.50");
    }

    @Test
    void notApplicableWhenTheSampleIsLarge() {
        Grim.Result r = Grim.test(5.19, 120);
        assertThat(r.applicable()).isFalse();
        assertThat(r.consistent()).isTrue();
        assertThat(r.toString()).contains("not applicable");
        assertThat(Grim.test(5.19, 99).applicable()).isTrue();
        assertThat(Grim.test(5.19, 50, 2, 2).applicable()).isFalse();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Grim.test(1.515, 22)).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("more than 2 decimals");
        assertThatThrownBy(() -> Grim.test(1.5, 0)).isInstanceOf(PluralstatsException.class);
        assertThatThrownBy(() -> Grim.test(1.5, 5, 2, 0)).isInstanceOf(PluralstatsException.class);
        assertThatThrownBy(() -> Grim.test(1.5, 5, 10, 1)).isInstanceOf(PluralstatsException.class);
        assertThatThrownBy(() -> Grim.test(Double.NaN, 5)).isInstanceOf(PluralstatsException.class);
        assertThatThrownBy(() -> Grim.test("abc", 5, 1)).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("abc");
        assertThatThrownBy(() -> Grim.test(1e15, 1_000_000, 2, 1000)).isInstanceOf(PluralstatsException.class);
    }
}
