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
 * Reads {@code pilot-tests-reference.json}, written by {@code tools/pilot_tests_reference.R} with R 4.2.2
 * ({@code fisher.test}, {@code chisq.test}, {@code kruskal.test}) and effectsize 0.8.3.
 */
final class PilotTestsFixture {
    private PilotTestsFixture() {
    }

    static JsonNode load() {
        String path = "/org/pluralstats/stats/pilot-tests-reference.json";
        try (InputStream in = PilotTestsFixture.class.getResourceAsStream(path)) {
            assertThat(in).as("fixture %s", path).isNotNull();
            JsonNode root = new ObjectMapper().readTree(in);
            assertThat(root.path("generator").path("script").asText()).isEqualTo("tools/pilot_tests_reference.R");
            assertThat(root.path("generator").path("effectsize").asText()).isEqualTo("0.8.3");
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code (name, case)} per case of one section ({@code fisher}, {@code chisq}, ...) */
    static Stream<Arguments> cases(String section) {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : load().path(section)) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        assertThat(out).as(section).isNotEmpty();
        return out.stream();
    }

    static long[][] table(JsonNode t) {
        long[][] out = new long[t.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new long[t.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = t.get(i).get(j).asLong();
            }
        }
        return out;
    }

    /** A number that may be written as the string "Infinity". */
    static double number(JsonNode v) {
        return v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
    }
}
