package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code inspect} shows the labels a Stata file gives to its missing values {@code .a}-{@code .z}, which
 * R haven and pandas both keep ({@code tools/stata_reference.R}, {@code tools/stata_reference.py}).
 */
class InspectStataLabelsTest {
    static final String FILE = "src/test/resources/org/pluralstats/io/stata/haven_118_tagged_labels.dta";

    @Test
    void textCountsAndPrintsTheLabelsOfTaggedMissingValues() {
        CliRunner.Result r = CliRunner.run("inspect", FILE);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("[4 value labels, .a \"Refused\", .d \"Don't know\"]");
    }

    @Test
    void jsonKeysThemAsStataWritesThem() throws IOException {
        CliRunner.Result r = CliRunner.run("inspect", FILE, "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode labels = new ObjectMapper().readTree(r.out()).get("variables").get(1).get("valueLabels");
        assertThat(labels.get("1").asText()).isEqualTo("No");
        assertThat(labels.get("2").asText()).isEqualTo("Yes");
        assertThat(labels.get(".a").asText()).isEqualTo("Refused");
        assertThat(labels.get(".d").asText()).isEqualTo("Don't know");
        assertThat(labels.size()).isEqualTo(4);
    }
}
