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
    static final String FILE = "pluralstats-core/src/test/resources/org/pluralstats/io/stata/haven_118_tagged_labels.dta";

    @Test
    void textCountsAndPrintsTheLabelsOfTaggedMissingValues() {
        CliRunner.Result r = CliRunner.run("inspect", FILE);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("| 4 | 1 \"No\"; 2 \"Yes\"; .a \"Refused\"; .d \"Don't know\" |");
    }

    @Test
    void jsonKeysThemAsStataWritesThem() throws IOException {
        CliRunner.Result r = CliRunner.run("inspect", FILE, "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode answer = new ObjectMapper().readTree(r.out()).get("rows").get(1);
        assertThat(answer.get("labels").asText()).isEqualTo("1 \"No\"; 2 \"Yes\"; .a \"Refused\"; .d \"Don't know\"");
        assertThat(answer.get("valueLabels").asInt()).isEqualTo(4);
    }
}
