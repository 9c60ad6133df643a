package org.pluralstats.weight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.SurveyFiles;

/** Shared access to the R reference fixtures and the samples. */
final class Fixtures {
    static final Path SAMPLES = Path.of("data-samples/wvs-sample");
    static final Path RESOURCES = Path.of("pluralstats-core/src/test/resources/org/pluralstats/weight");

    private Fixtures() {
    }

    static JsonNode json(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a sample file, or empty when its format's reader is not on this branch yet (the SPSS and
     * Stata readers are written elsewhere; their files are in the parameter lists already).
     */
    static SurveyData read(Path file) {
        return SurveyFiles.read(file);
    }

    static double num(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }
}
