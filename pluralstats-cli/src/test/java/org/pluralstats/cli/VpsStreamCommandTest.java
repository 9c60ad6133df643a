package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class VpsStreamCommandTest {
    @Test
    void streamGivesTheSameRowsAsInMemory() throws IOException {
        String[] common = {"vps", "--data", "data-samples/wvs-sample/wvs7-sample.dta", "--rule", "paper", "--by",
            "B_COUNTRY_ALPHA"};
        CliRunner.Result a = CliRunner.run(common);
        String[] streamed = java.util.Arrays.copyOf(common, common.length + 1);
        streamed[common.length] = "--stream";
        CliRunner.Result b = CliRunner.run(streamed);
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        JsonNode x = new ObjectMapper().readTree(a.out()).get("rows");
        JsonNode y = new ObjectMapper().readTree(b.out()).get("rows");
        assertThat(y.size()).isEqualTo(x.size()).isEqualTo(6 * 12);
        for (int i = 0; i < x.size(); i++) {
            assertThat(y.get(i).get("population").asText()).isEqualTo(x.get(i).get("population").asText());
            assertThat(y.get(i).get("item").asText()).isEqualTo(x.get(i).get("item").asText());
            assertThat(y.get(i).get("n").asInt()).isEqualTo(x.get(i).get("n").asInt());
            assertThat(y.get(i).get("vps").asDouble()).isCloseTo(x.get(i).get("vps").asDouble(), within(1e-12));
            assertThat(y.get(i).get("se").isNull()).isEqualTo(x.get(i).get("se").isNull());
        }
    }
}
