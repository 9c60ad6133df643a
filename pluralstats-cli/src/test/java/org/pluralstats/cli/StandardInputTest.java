package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code --data -} and {@code --model -} read standard input: CSV and JSON Lines, named {@code <stdin>}. */
class StandardInputTest {
    private static final String DATA = "data-samples/wvs-sample/wvs7-sample.csv";
    private static final String M = "data-samples/model-outputs/";

    private static synchronized CliRunner.Result withStdin(Path file, String... args) throws Exception {
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(file)));
            return CliRunner.run(args);
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void csvFromStandardInputGivesWhatTheFileGives() throws Exception {
        CliRunner.Result piped = withStdin(Path.of(DATA), "vps", "--data", "-", "--rule", "paper", "--by",
                "B_COUNTRY_ALPHA", "--format", "csv");
        assertThat(piped.exitCode()).as(piped.err()).isZero();
        CliRunner.Result file = CliRunner.run("vps", "--data", DATA, "--rule", "paper", "--by", "B_COUNTRY_ALPHA",
                "--format", "csv");
        assertThat(piped.out()).isEqualTo(file.out()).contains("DNK,");
    }

    @Test
    void jsonLinesFromStandardInputGivesWhatTheFileGives() throws Exception {
        String[] rest = {"--population", M + "populations.csv", "--bootstrap", "100", "--format", "csv"};
        CliRunner.Result piped = withStdin(Path.of(M + "outputs.jsonl"), concat(new String[] {"align", "--model", "-"}, rest));
        assertThat(piped.exitCode()).as(piped.err()).isZero();
        CliRunner.Result file = CliRunner.run(concat(new String[] {"align", "--model", M + "outputs.jsonl"}, rest));
        assertThat(piped.out()).isEqualTo(file.out()).isNotBlank();
    }

    @Test
    void messagesNameStandardInput() throws Exception {
        CliRunner.Result r = withStdin(Path.of(DATA), "vps", "--data", "-", "--rule", "paper", "--by", "NOPE");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("pluralstats: <stdin>: population column \"NOPE\" is not in the file")
                .doesNotContain("stdin.csv");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
