package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code similarity --human global_opinions.csv}: GlobalOpinionQA as released is a human side, compared per
 * country with scipy's {@code 1 - jensenshannon(human, model, base=2)} (tools/goqa_reference.py).
 */
class GlobalOpinionQaSimilarityTest {
    private static final Path DIR = Path.of("pluralstats-core/src/test/resources/org/pluralstats/io/opinion");

    @Test
    void jensenShannonSimilarityPerCountryEqualsScipy() throws IOException {
        CliRunner.Result r = CliRunner.run("similarity", "--human", DIR.resolve("global_opinions_sample.csv").toString(),
                "--model", DIR.resolve("model_on_sample.json").toString(), "--metric", "jsd", "--bootstrap", "0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("similarity_jsd.json").toFile()).get("similarity");
        JsonNode rows = new ObjectMapper().readTree(r.out()).get("rows");
        assertThat(rows).hasSize(expected.size());
        for (JsonNode row : rows) {
            String country = row.get("population").asText();
            assertThat(row.get("similarity").asDouble()).as(country).isCloseTo(expected.get(country).asDouble(), within(1e-12));
        }
        // the country whose shares do not match the options is left out with a warning naming its line, not silently
        assertThat(r.err()).contains("pluralstats: warning:", "line 3, selections, Nigeria", "2 shares for 4 options");
    }
}
