package org.pluralstats.io.stata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The fixture files under {@code src/test/resources/org/pluralstats/io/stata} and their reference values. */
final class StataFixtures {
    private StataFixtures() {
    }

    static Path directory() {
        try {
            return Path.of(StataFixtures.class.getResource("README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String name) {
        return directory().resolve(name);
    }

    /** One file's reference entry and the program that produced it. */
    record Reference(String program, JsonNode entry) {
        String file() {
            return entry.get("file").asText();
        }

        @Override
        public String toString() {
            return file();
        }
    }

    static List<Reference> references() {
        List<Reference> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String name : List.of("reference_haven.json", "reference_pandas.json")) {
            try {
                JsonNode doc = json.readTree(file(name).toFile());
                for (JsonNode entry : doc.get("files")) {
                    out.add(new Reference(doc.get("program").asText(), entry));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** @return every {@code .dta} fixture (not the regression inputs) */
    static List<Path> dtaFiles() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".dta")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
