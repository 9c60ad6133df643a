package org.pluralstats.regress;

import org.pluralstats.io.csv.RegressionDataFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads the fixtures written by {@code tools/regress_reference.py} (statsmodels) and
 * {@code tools/regress_reference.R} (lme4), and the data sets they were computed on.
 */
final class Fixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, RegressionData> DATA = new HashMap<>();

    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/org/pluralstats/regress/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    static JsonNode load(String name, String script) {
        String path = "/org/pluralstats/regress/" + name;
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            assertThat(in).as("fixture %s", path).isNotNull();
            JsonNode root = MAPPER.readTree(in);
            assertThat(root.path("generator").path("script").asText()).isEqualTo(script);
            assertThat(root.path("cases").size()).isPositive();
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return one argument list {@code (name, case)} per case */
    static Stream<Arguments> cases(String name, String script) {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : load(name, script).path("cases")) {
            out.add(Arguments.of(c.path("name").asText(), c));
        }
        return out.stream();
    }

    static synchronized RegressionData data(String file) {
        return DATA.computeIfAbsent(file, f -> RegressionDataFiles.read(path(f), List.of()));
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = array.get(i);
            out[i] = v.isNull() ? Double.NaN : v.asDouble();
        }
        return out;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Relative difference with an absolute floor: {@code |a − e| / max(|e|, floor)}. */
    static double relative(double actual, double expected, double floor) {
        return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
    }

    static void assertClose(String what, double actual, double expected, double tolerance, double floor) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
            return;
        }
        assertThat(relative(actual, expected, floor))
                .as("%s: actual %s, expected %s (tolerance %s relative, floor %s)", what, actual, expected, tolerance, floor)
                .isLessThanOrEqualTo(tolerance);
    }
}
