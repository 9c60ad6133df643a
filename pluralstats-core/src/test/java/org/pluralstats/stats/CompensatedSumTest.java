package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CompensatedSumTest {

    static Stream<Arguments> sums() {
        return Fixtures.cases("sums.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sums")
    void agreesWithFsum(String name, JsonNode c) {
        double[] values = Fixtures.doubles(c.get("values"));
        double expected = c.get("fsum").asDouble();
        // Neumaier's error bound is about 2 ulp of the result plus O(n u^2) Σ|x|: compare within 2 ulp
        assertThat(CompensatedSum.sum(values)).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(2 * Math.ulp(expected) + Double.MIN_VALUE));
    }

    @Test
    void beatsNaiveSummation() {
        double naive = 0;
        for (int i = 0; i < 10; i++) {
            naive += 0.1;
        }
        assertThat(naive).isNotEqualTo(1.0);
        assertThat(CompensatedSum.sum(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1)).isEqualTo(1.0);
        assertThat(CompensatedSum.sum(1.0, 1e100, 1.0, -1e100)).isEqualTo(2.0);
    }

    @Test
    void combineEqualsSequentialSum() {
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 2 == 0 ? 1e15 : -1e15) + 0.1 * i;
        }
        CompensatedSum left = CompensatedSum.of(Arrays.copyOfRange(values, 0, 333));
        CompensatedSum right = CompensatedSum.of(Arrays.copyOfRange(values, 333, 1000));
        CompensatedSum all = CompensatedSum.of(values);
        assertThat(left.combine(right).getAsDouble()).isEqualTo(all.getAsDouble());
        assertThat(left.count()).isEqualTo(1000);

        double streamed = Arrays.stream(values).parallel()
                .collect(CompensatedSum::create, CompensatedSum::accept, CompensatedSum::combine).getAsDouble();
        assertThat(streamed).isEqualTo(all.getAsDouble());
    }

    @Test
    void emptyAndNonFinite() {
        assertThat(CompensatedSum.create().getAsDouble()).isEqualTo(0.0);
        assertThat(CompensatedSum.create().count()).isZero();
        assertThat(CompensatedSum.sum(1, Double.POSITIVE_INFINITY, 2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(CompensatedSum.sum(Double.NEGATIVE_INFINITY, 1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(CompensatedSum.sum(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)).isNaN();
        assertThat(CompensatedSum.sum(1, Double.NaN)).isNaN();
    }
}
