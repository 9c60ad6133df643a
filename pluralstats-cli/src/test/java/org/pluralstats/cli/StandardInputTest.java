package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void alignExclusionsNameStandardInputNotTheTemporaryCopy() throws Exception {
        // one generation with no pro or con label: align says how many it excluded and from which input
        Path in = Files.createTempFile("outputs", ".jsonl");
        try {
            Files.writeString(in, Files.readString(Path.of(M + "outputs.jsonl")) + "{\"model\": \"example-small-1b\", "
                    + "\"family\": \"example\", \"language\": \"da\", \"item\": \"E117\", \"generation\": 99, "
                    + "\"labels\": [\"null\"]}\n");
            CliRunner.Result r = withStdin(in, "align", "--model", "-", "--population", M + "populations.csv",
                    "--bootstrap", "10", "--format", "csv");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.err()).contains("excluded 1 of 361 generations in <stdin>: 1 no pro or con label");
            assertNoTemporaryName(r);
        } finally {
            Files.delete(in);
        }
    }

    @Test
    void similarityAccountingNamesStandardInput() throws Exception {
        Path align = Path.of("pluralstats-core/src/test/resources/org/pluralstats/align");
        CliRunner.Result r = withStdin(align.resolve("distributional_answers.jsonl"), "similarity", "--human",
                align.resolve("distributional_humans.csv").toString(), "--model", "-", "--bootstrap", "10");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("pluralstats: <stdin>: 698 lines: 690 sampled answers");
        assertNoTemporaryName(r);
    }

    @Test
    void readerErrorsNameStandardInput() throws Exception {
        // a short last row: the CSV reader's located error, from commands that read --data
        Path in = Files.createTempFile("short", ".csv");
        try {
            Files.writeString(in, Files.readString(Path.of(DATA)) + "208,\"DNK\",1\n");
            String[][] commands = {
                {"vps", "--data", "-", "--rule", "paper", "--by", "B_COUNTRY_ALPHA"},
                {"distributions", "--data", "-", "--by", "B_COUNTRY_ALPHA"},
            };
            for (String[] c : commands) {
                CliRunner.Result r = withStdin(in, c);
                assertThat(r.exitCode()).as(String.join(" ", c) + "\n" + r.err()).isEqualTo(1);
                assertThat(r.err()).as(String.join(" ", c)).startsWith("pluralstats: <stdin>, line ");
                assertNoTemporaryName(r);
            }
        } finally {
            Files.delete(in);
        }
    }

    @Test
    void rakeSummaryOnStandardOutputNamesStandardInput(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path margins = dir.resolve("margins.json");
        Files.writeString(margins, "{\"margins\":[{\"variable\":\"stype\",\"targets\":{\"E\":4421,\"H\":755,\"M\":1018}}]}");
        CliRunner.Result r = withStdin(Path.of("pluralstats-core/src/test/resources/org/pluralstats/design/apiclus1.csv"),
                "rake", "--data", "-", "--margins", margins.toString(), "--weight", "pw",
                "--out", dir.resolve("w.csv").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("respondents of <stdin> to 1 margins");
        assertThat(r.err() + r.out()).doesNotContain("pluralstats-stdin", "stdin.csv");
    }

    /** Neither the spooled copy's folder nor its file name appears in anything the run printed. */
    private static void assertNoTemporaryName(CliRunner.Result r) {
        assertThat(r.err() + r.out()).doesNotContain("pluralstats-stdin", "stdin.csv", "stdin.jsonl",
                System.getProperty("java.io.tmpdir"));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void theReportRefusesStandardInputSayingWhy() {
        for (String[] args : List.of(new String[] {"report", "--model", "-", "--population", "p.csv"},
                new String[] {"report", "--human", "h.csv", "--answers", "-"},
                new String[] {"report", "--forms", "Arabic=-"})) {
            CliRunner.Result r = CliRunner.run(args);
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).startsWith("pluralstats: report cannot read --")
                    .contains("from standard input (-): the report records each input's name, size and SHA-256");
        }
    }
}
