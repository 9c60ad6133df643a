package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectConvertCommandTest {
    static final String SAMPLE = "data-samples/wvs-sample/wvs7-sample.csv";

    @TempDir
    Path dir;

    @Test
    void inspectJsonListsVariablesAndRows() throws IOException {
        CliRunner.Result r = CliRunner.run("inspect", SAMPLE, "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("metadata").get("format").asText()).isEqualTo("csv");
        assertThat(j.get("metadata").get("cases").asInt()).isEqualTo(380);
        assertThat(j.get("rows").get(1).get("name").asText()).isEqualTo("B_COUNTRY_ALPHA");
        assertThat(j.get("rows").get(1).get("type").asText()).isEqualTo("string");
        assertThat(j.get("rows").get(6).get("type").asText()).isEqualTo("numeric");
    }

    @Test
    void convertCsvRoundTripsTheSample() throws IOException {
        Path out = dir.resolve("out.csv");
        CliRunner.Result r = CliRunner.run("convert", SAMPLE, "--to", "csv", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String written = Files.readString(out, StandardCharsets.UTF_8);
        // R's write.csv quotes every string and header; the content is otherwise the same
        String original = Files.readString(Path.of(SAMPLE), StandardCharsets.UTF_8).replace("\"", "");
        assertThat(written).isEqualTo(original);
    }

    @Test
    void convertJsonLinesHasOneObjectPerCase() throws IOException {
        CliRunner.Result r = CliRunner.run("convert", SAMPLE, "--to", "jsonl");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(380);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.get("B_COUNTRY_ALPHA").asText()).isEqualTo("DNK");
        assertThat(first.get("W_WEIGHT").asDouble()).isEqualTo(0.59837);
    }

    @Test
    void badInputIsOneLineWithExitCode1() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "a,b\n1,2\n3\n");
        CliRunner.Result r = CliRunner.run("inspect", bad.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("pluralstats: ").contains("bad.csv").contains("line 3");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void convertNeutralisesFormulaCellsUnlessRaw() throws IOException {
        Path in = Files.writeString(dir.resolve("formula.csv"), "id,note\n1,=1+1\n2,-2\n3,@x\n", StandardCharsets.UTF_8);
        CliRunner.Result safe = CliRunner.run("convert", in.toString(), "--to", "csv");
        assertThat(safe.exitCode()).isZero();
        assertThat(safe.out()).isEqualTo("id,note\n1,'=1+1\n2,-2\n3,'@x\n");
        CliRunner.Result raw = CliRunner.run("convert", in.toString(), "--to", "csv", "--raw");
        assertThat(raw.out()).isEqualTo("id,note\n1,=1+1\n2,-2\n3,@x\n");
    }

    @Test
    void aHeaderCannotDriveTheTerminalThroughAnError() throws IOException {
        Path in = Files.writeString(dir.resolve("esc.csv"), "\"a\u001b[2J\",\"a\u001b[2J\"\n1,2\n", StandardCharsets.UTF_8);
        CliRunner.Result r = CliRunner.run("inspect", in.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("a\\x1b[2J").doesNotContain("\u001b");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }
}
