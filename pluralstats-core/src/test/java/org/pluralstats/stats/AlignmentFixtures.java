package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads the fixtures of {@code tools/align_reference.py} (in {@code org/pluralstats/align/}) that check
 * the correlations and distances this package provides for the alignment package.
 */
final class AlignmentFixtures {
    private AlignmentFixtures() {
    }

    static JsonNode load(String name) {
        return org.pluralstats.AlignReferenceFixtures.load(name);
    }

    static Stream<Arguments> cases(String name, String field) {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : load(name).path(field)) {
            out.add(Arguments.of(c.path("name").asText(), c));
        }
        assertThat(out).isNotEmpty();
        return out.stream();
    }

    /** null → NaN */
    static double num(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }
}
