package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pluralstats.stats.Fixtures.P_VALUE;
import static org.pluralstats.stats.Fixtures.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.PluralstatsException;

class HolmTest {

    static Stream<Arguments> holm() {
        return Fixtures.cases("holm.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("holm")
    void agreesWithStatsmodels(String name, JsonNode c) {
        double[] adjusted = Holm.adjust(Fixtures.doubles(c.get("p")));
        double[] expected = Fixtures.doubles(c.get("adjusted"));
        assertThat(adjusted).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertClose("adjusted[" + i + "]", adjusted[i], expected[i], P_VALUE);
        }
    }

    @Test
    void textbookExample() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
        assertThat(Holm.adjust(0.01, 0.04, 0.03, 0.005)).containsExactly(0.03, 0.06, 0.06, 0.02);
    }

    @Test
    void emptyAndInvalid() {
        assertThat(Holm.adjust()).isEmpty();
        assertThatThrownBy(() -> Holm.adjust(0.1, Double.NaN)).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("index 1");
        assertThatThrownBy(() -> Holm.adjust(1.5)).isInstanceOf(PluralstatsException.class);
    }
}
