package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reader noticed reaches the user: a file whose header declares 239 cases but holds 240 (PSPP
 * wrote 240; the count was patched by {@code tools/spss/edge_fixtures.py}) is read whole by every
 * data-reading command, and each says so on standard error with both numbers.
 */
class ReaderWarningsCommandTest {
    private static Path edge(String name) throws URISyntaxException {
        return Path.of(ReaderWarningsCommandTest.class.getResource("/org/pluralstats/io/spss/edge/" + name).toURI());
    }

    @Test
    void inspectReportsTheCasesReadAndWarns() throws Exception {
        CliRunner.Result r = CliRunner.run("inspect", edge("cases_239_compressed.sav").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("240");
        assertThat(r.err()).contains("pluralstats: warning: ").contains("239").contains("240");
    }

    @Test
    void convertWritesEveryCaseAndWarns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.csv");
        CliRunner.Result r = CliRunner.run("convert", edge("cases_239_uncompressed.sav").toString(), "--to", "csv",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(1 + 240);
        assertThat(r.err()).contains("pluralstats: warning: ").contains("239").contains("240");
    }
}
