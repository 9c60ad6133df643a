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

/** {@code inspect} and {@code convert} on SPSS portable files written by PSPP (see tools/make_por_fixtures.sh). */
class PortableFileCommandTest {
    private static final String DIR = "pluralstats-core/src/test/resources/org/pluralstats/io/por/";

    @TempDir
    Path dir;

    @Test
    void inspectCountsTheCasesOfAPortableFile() throws IOException {
        CliRunner.Result r = CliRunner.run("inspect", DIR + "pspp_many_unwrapped.por", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("metadata").get("format").asText()).isEqualTo("por");
        assertThat(j.get("metadata").get("cases").asInt()).isEqualTo(1500);
        assertThat(j.get("rows")).hasSize(5);
        assertThat(j.get("rows").get(4).get("type").asText()).isEqualTo("string");
    }

    @Test
    void convertWritesTheExactNumbers() throws IOException {
        Path out = dir.resolve("mixed.csv");
        CliRunner.Result r = CliRunner.run("convert", DIR + "pspp_mixed.por", "--to", "csv", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String csv = Files.readString(out, StandardCharsets.UTF_8);
        String[] lines = csv.split("\r?\n");
        assertThat(lines).hasSize(9);
        assertThat(lines[0]).startsWith("ID,NUM,NEG,CODE");
        assertThat(lines[1]).isEqualTo("1,156600,-0.125,1,,1,1,1,\"Hello, World!\",a long string value");
        assertThat(lines[2]).startsWith("2,0.00001651397,-1.5,2,,90,,2.5,lower case; (punct),x");
        // declared user-missing values (CODE 8, LO THRU -1, 90 THRU 99 and 0, 'n/a') are written empty
        assertThat(lines[3]).isEqualTo("3,-1,-0.001,,0,91,,0.5,,y");
    }

    @Test
    void aTruncatedPortableFileIsOneLineWithExitCode1() throws IOException {
        byte[] b = Files.readAllBytes(Path.of(DIR + "pspp_mixed.por"));
        Path cut = dir.resolve("cut.por");
        Files.write(cut, java.util.Arrays.copyOf(b, b.length - 200));
        CliRunner.Result r = CliRunner.run("inspect", cut.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("pluralstats: ").contains("cut.por").contains("byte offset").contains("case 8");
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception");
    }
}
