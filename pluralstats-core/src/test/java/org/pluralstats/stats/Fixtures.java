package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads the reference fixtures written by {@code tools/stats_reference.py} and compares numbers.
 *
 * <p>Tolerances: statistics agree to {@link #STATISTIC} relative, p-values to {@link #P_VALUE}
 * relative. Values that are mathematically zero are compared with an absolute floor of
 * {@link #ZERO_FLOOR}, since no relative tolerance can hold for them.
 */
final class Fixtures {
    static final double STATISTIC = 1e-12;
    static final double P_VALUE = 1e-10;
    static final double ZERO_FLOOR = 1e-15;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    static JsonNode load(String name) {
        String path = "/org/pluralstats/stats/" + name;
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            assertThat(in).as("fixture %s", path).isNotNull();
            JsonNode root = MAPPER.readTree(in);
            JsonNode generator = root.path("generator");
            assertThat(generator.path("script").asText()).isEqualTo("tools/stats_reference.py");
            assertThat(generator.path("scipy").asText()).isNotEmpty();
            assertThat(root.path("cases").size()).isPositive();
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return one argument list {@code (name, case)} per case of the fixture */
    static Stream<Arguments> cases(String name) {
        List<Arguments> out = new ArrayList<>();
        int i = 0;
        for (JsonNode c : load(name).path("cases")) {
            String label = c.has("name") ? c.get("name").asText() : name + "#" + i;
            out.add(Arguments.of(label, c));
            i++;
        }
        return out.stream();
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = array.get(i);
            out[i] = v.isNull() ? Double.NaN : v.asDouble();
        }
        return out;
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    static void assertClose(String what, double actual, double expected, double relative) {
        double tolerance = Math.max(relative * Math.abs(expected), ZERO_FLOOR);
        assertThat(Math.abs(actual - expected))
                .as("%s: actual %s, expected %s (relative tolerance %s)", what, actual, expected, relative)
                .isLessThanOrEqualTo(tolerance);
    }
}
