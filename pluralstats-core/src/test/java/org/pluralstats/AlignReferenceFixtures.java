package org.pluralstats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads a fixture of {@code tools/align_reference.py} (test resources under {@code org/pluralstats/align/}),
 * checking that it names the script and the scipy version that made it. Used by the align and stats tests.
 */
public final class AlignReferenceFixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlignReferenceFixtures() {
    }

    /**
     * @param name the fixture's file name
     * @return its JSON tree
     */
    public static JsonNode load(String name) {
        String path = "/org/pluralstats/align/" + name;
        try (InputStream in = AlignReferenceFixtures.class.getResourceAsStream(path)) {
            assertThat(in).as("fixture %s", path).isNotNull();
            JsonNode root = MAPPER.readTree(in);
            assertThat(root.path("generator").path("script").asText()).isEqualTo("tools/align_reference.py");
            assertThat(root.path("generator").path("scipy").asText()).isEqualTo("1.10.1");
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
