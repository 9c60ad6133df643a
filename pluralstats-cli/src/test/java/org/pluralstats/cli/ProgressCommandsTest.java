package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every long command draws a progress bar on standard error when it is a terminal (forced here with the
 * system property {@code pluralstats.progress=1}, as the launcher's {@code PLURALSTATS_PROGRESS=1} does),
 * the bar reaches 100%, and what goes to standard output is byte-identical with and without it; without a
 * terminal (standard error captured, as in CI and pipes) nothing of it is printed.
 */
class ProgressCommandsTest {
    private static final String WVS = "data-samples/wvs-sample/wvs7-sample.";
    private static final String M = "data-samples/model-outputs/";
    private static final String ALIGN = "pluralstats-core/src/test/resources/org/pluralstats/align/";
    private static final String OPINION = "pluralstats-core/src/test/resources/org/pluralstats/io/opinion/";

    static Stream<Arguments> commands() {
        return Stream.of(
                // the command, the task whose bar must reach 100%
                Arguments.of("reading wvs7-sample.csv", new String[] {"vps", "--data", WVS + "csv", "--rule", "paper",
                    "--by", "B_COUNTRY_ALPHA", "--by", "global", "--format", "csv"}),
                Arguments.of("reading wvs7-sample.sav", new String[] {"vps", "--data", WVS + "sav", "--rule", "paper",
                    "--by", "B_COUNTRY_ALPHA", "--stream", "--format", "csv"}),
                Arguments.of("reading wvs7-sample.dta", new String[] {"vps", "--data", WVS + "dta", "--rule", "paper",
                    "--by", "B_COUNTRY_ALPHA", "--format", "csv"}),
                Arguments.of("reading wvs7-sample.zsav", new String[] {"convert", WVS + "zsav", "--to", "csv"}),
                Arguments.of("reading wvs7-sample.dta", new String[] {"convert", WVS + "dta", "--to", "jsonl"}),
                Arguments.of("reading wvs7-sample.sav", new String[] {"distributions", "--data", WVS + "sav",
                    "--by", "B_COUNTRY_ALPHA", "--format", "csv"}),
                Arguments.of("bootstrap", new String[] {"align", "--model", M + "outputs.jsonl", "--population",
                    M + "populations.csv", "--bootstrap", "200", "--format", "csv"}),
                Arguments.of("bootstrap", new String[] {"align", "--model", M + "outputs.jsonl", "--table", "consistency",
                    "--bootstrap", "100", "--format", "csv"}),
                Arguments.of("bootstrap", new String[] {"align", "--model", AlignCommandsTest.GENERATIONS, "--table",
                    "language-consistency", "--bootstrap", "20", "--format", "csv"}),
                Arguments.of("bootstrap", new String[] {"align", "--model", AlignCommandsTest.GENERATIONS, "--table", "us-bias",
                    "--population", AlignCommandsTest.D + "ground_truth_every_country.csv", "--countries",
                    AlignCommandsTest.D + "country_languages.csv", "--bootstrap", "20", "--format", "csv"}),
                Arguments.of("bootstrap", new String[] {"similarity", "--human", ALIGN + "distributional_humans.csv",
                    "--model", ALIGN + "distributional_answers.jsonl", "--bootstrap", "100", "--format", "csv"}),
                Arguments.of("bootstrap", new String[] {"similarity", "--human", OPINION + "global_opinions_sample.csv",
                    "--model", OPINION + "model_on_sample.json", "--metric", "jsd", "--bootstrap", "100", "--format", "csv"}));
    }

    private static synchronized CliRunner.Result run(String progress, String... args) {
        String old = System.getProperty("pluralstats.progress");
        try {
            if (progress == null) {
                System.clearProperty("pluralstats.progress");
            } else {
                System.setProperty("pluralstats.progress", progress);
            }
            return CliRunner.run(args);
        } finally {
            if (old == null) {
                System.clearProperty("pluralstats.progress");
            } else {
                System.setProperty("pluralstats.progress", old);
            }
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("commands")
    void onATerminalTheBarReachesOneHundredPercentAndTheOutputIsUnchanged(String task, String[] args) {
        CliRunner.Result bar = run("1", args);
        assertThat(bar.exitCode()).as(bar.err()).isZero();
        assertThat(bar.err()).containsPattern("\r" + java.util.regex.Pattern.quote(task) + " \\[#{24}\\] 100%  \\d+\\.\\d s")
                .doesNotContain("\u001b");
        CliRunner.Result plain = run("0", args);
        assertThat(plain.exitCode()).isZero();
        assertThat(bar.out()).isEqualTo(plain.out()).isNotBlank();
        assertThat(bar.err().replaceAll("\r[^\r\n]*(\n|(?=\r))", "")).isEqualTo(plain.err());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("commands")
    void withoutATerminalNothingOfTheBarIsPrinted(String task, String[] args) {
        assumeFalse("1".equals(System.getenv("PLURALSTATS_PROGRESS")), "PLURALSTATS_PROGRESS=1 asks for the bar");
        CliRunner.Result r = run(null, args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("\r", "\u001b", "%  ", task + " [");
    }

    @org.junit.jupiter.api.Test
    void convertToAFileWithTheBarWritesTheSameBytes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        assertThat(run("1", "convert", WVS + "sav", "--to", "csv", "--out", a.toString()).exitCode()).isZero();
        assertThat(run("0", "convert", WVS + "sav", "--to", "csv", "--out", b.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }
}
