package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 10, items 4, 5, 7 and 10: every output whole or absent, an output that is an input refused,
 * path problems in one line naming the path and the cause, inspect checking the data.
 */
class OutputPathsTest {
    private static final Path SAV = Path.of("data-samples/wvs-sample/wvs7-sample.sav");
    private static final Path DATA = Path.of("data-samples/wvs-sample/wvs7-sample.csv");
    private static final Path ITEMS = Path.of("data-samples/wvs-sample/items.json");

    @TempDir
    Path dir;

    /** The sample .sav cut inside case 354 of 380: the reader fails after streaming 353 cases. */
    private Path truncatedSav() throws IOException {
        byte[] all = Files.readAllBytes(SAV);
        Path t = dir.resolve("truncated.sav");
        Files.write(t, java.util.Arrays.copyOf(all, 30000));
        return t;
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    private static void assertOneLine(CliRunner.Result r) {
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ").startsWith("pluralstats: ");
    }

    @Test
    void convertFailingHalfWayLeavesNoFile() throws IOException {
        Path in = truncatedSav();
        for (String to : List.of("csv", "jsonl")) {
            Path out = dir.resolve("out." + to);
            CliRunner.Result r = CliRunner.run("convert", in.toString(), "--to", to, "--out", out.toString());
            assertOneLine(r);
            assertThat(r.err()).contains("case 353", "nothing written to " + out);
            assertThat(out).doesNotExist();
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void convertFailingHalfWayKeepsTheEarlierFile() throws IOException {
        Path out = dir.resolve("out.csv");
        Files.writeString(out, "earlier\n");
        CliRunner.Result r = CliRunner.run("convert", truncatedSav().toString(), "--to", "csv", "--out", out.toString());
        assertOneLine(r);
        assertThat(out).hasContent("earlier");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void convertReplacesTheTargetWhole() throws IOException {
        Path out = dir.resolve("out.csv");
        Files.writeString(out, "earlier\n");
        CliRunner.Result r = CliRunner.run("convert", SAV.toString(), "--to", "csv", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(381);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anOutputThatIsAnInputIsRefusedBeforeWriting() throws IOException {
        Path x = dir.resolve("x.sav");
        Files.copy(SAV, x);
        byte[] before = Files.readAllBytes(x);
        Path sym = Files.createSymbolicLink(dir.resolve("sym.csv"), x.getFileName());
        Path hard = Files.createLink(dir.resolve("hard.csv"), x);
        for (Path out : List.of(x, sym, hard)) {
            CliRunner.Result r = CliRunner.run("convert", x.toString(), "--to", "csv", "--out", out.toString());
            assertOneLine(r);
            assertThat(r.err()).contains("refusing to write " + out, "nothing written");
            assertThat(Files.readAllBytes(x)).isEqualTo(before);
        }
        // the input named through the link, the output the file itself
        CliRunner.Result r = CliRunner.run("convert", sym.toString(), "--to", "csv", "--out", x.toString());
        assertOneLine(r);
        assertThat(Files.readAllBytes(x)).isEqualTo(before);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void everyCommandRefusesToWriteOverAnInput() throws IOException {
        Path data = dir.resolve("data.csv");
        Files.copy(DATA, data);
        byte[] before = Files.readAllBytes(data);
        Path items = dir.resolve("items.json");
        Files.copy(ITEMS, items);
        CliRunner.Result r = CliRunner.run("vps", "--data", data.toString(), "--items", items.toString(),
                "--by", "global", "--out", items.toString());
        assertOneLine(r);
        assertThat(r.err()).contains("refusing to write " + items);
        r = CliRunner.run("vps", "--data", data.toString(), "--items", items.toString(), "--by", "global",
                "--format", "csv", "--out", data.toString());
        assertOneLine(r);
        assertThat(Files.readAllBytes(data)).isEqualTo(before);
    }

    @Test
    void fullDiskIsOneLine() {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "no /dev/full here");
        CliRunner.Result r = CliRunner.run("convert", SAV.toString(), "--to", "csv", "--out", "/dev/full");
        assertOneLine(r);
        assertThat(r.err()).contains("/dev/full", "no space left on device");
        r = CliRunner.run("vps", "--data", DATA.toString(), "--items", ITEMS.toString(), "--by", "global",
                "--out", "/dev/full");
        assertOneLine(r);
        assertThat(r.err()).contains("/dev/full", "no space left on device");
        assertThat(Path.of("/dev/full")).exists();
        assertThat(Files.isRegularFile(Path.of("/dev/full"))).isFalse();
    }

    @Test
    void aDirectoryAsOutputIsOneLine() throws IOException {
        Path d = Files.createDirectory(dir.resolve("d"));
        CliRunner.Result r = CliRunner.run("convert", SAV.toString(), "--to", "csv", "--out", d.toString());
        assertOneLine(r);
        assertThat(r.err()).contains("cannot write " + d, "is a directory");
        r = CliRunner.run("vps", "--data", DATA.toString(), "--items", ITEMS.toString(), "--by", "global",
                "--out", d.toString());
        assertOneLine(r);
        assertThat(r.err()).contains("is a directory");
        try (Stream<Path> s = Files.list(d)) {
            assertThat(s.count()).isZero();
        }
    }

    @Test
    void missingDirectoriesAreCreatedButAFileOnThePathIsOneLine() throws IOException {
        Path out = dir.resolve("new/deeper/out.csv");
        assertThat(CliRunner.run("convert", SAV.toString(), "--to", "csv", "--out", out.toString()).exitCode()).isZero();
        assertThat(out).exists();
        Path file = Files.writeString(dir.resolve("plain"), "x");
        CliRunner.Result r = CliRunner.run("convert", SAV.toString(), "--to", "csv", "--out", file.resolve("out.csv").toString());
        assertOneLine(r);
        assertThat(r.err()).contains("not a directory", "nothing written");
    }

    @Test
    void unreadableInputsAreOneLine() throws IOException {
        Path d = Files.createDirectory(dir.resolve("indir"));
        CliRunner.Result r = CliRunner.run("convert", d.toString(), "--to", "csv", "--out", dir.resolve("o.csv").toString());
        assertOneLine(r);
        assertThat(r.err()).contains(d.toString(), "is a directory");
        r = CliRunner.run("inspect", dir.resolve("nope.sav").toString());
        assertOneLine(r);
        assertThat(r.err()).contains("nope.sav", "file not found");
        assertThat(dir.resolve("o.csv")).doesNotExist();
    }

    @Test
    void inspectReadsEveryCaseByDefault() throws IOException {
        CliRunner.Result ok = CliRunner.run("inspect", SAV.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("cases: 380");
        assertThat(ok.err()).contains("data checked: 380 cases read");
        CliRunner.Result json = CliRunner.run("inspect", SAV.toString(), "--format", "json");
        assertThat(new ObjectMapper().readTree(json.out()).get("metadata").get("cases").asLong()).isEqualTo(380);
        assertThat(json.err()).contains("data checked: 380 cases read");

        Path t = truncatedSav();
        CliRunner.Result bad = CliRunner.run("inspect", t.toString());
        assertOneLine(bad);
        assertThat(bad.err()).contains("truncated.sav", "case 353");

        CliRunner.Result quick = CliRunner.run("inspect", t.toString(), "--header-only");
        assertThat(quick.exitCode()).isZero();
        assertThat(quick.out()).contains("cases: 380");
        assertThat(quick.err()).contains("header only", "not read");
    }

    @Test
    void reportOverAnEarlierRunRemovesStaleTablesAndFigures() throws IOException {
        Path out = dir.resolve("rep");
        Files.createDirectories(out.resolve("tables"));
        Files.createDirectories(out.resolve("figures"));
        Files.writeString(out.resolve("tables/stale.csv"), "x\n");
        Files.writeString(out.resolve("tables/stale.json"), "[]");
        Files.writeString(out.resolve("figures/stale.svg"), "<svg/>");
        Files.writeString(out.resolve("notes.txt"), "mine");
        CliRunner.Result r = CliRunner.run("report", "--human", "data-samples/model-outputs/human-distributions.csv",
                "--answers", "data-samples/model-outputs/model-distributions.json", "--bootstrap", "20", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out.resolve("index.html")).exists();
        assertThat(out.resolve("tables/stale.csv")).doesNotExist();
        assertThat(out.resolve("tables/stale.json")).doesNotExist();
        assertThat(out.resolve("figures/stale.svg")).doesNotExist();
        assertThat(out.resolve("notes.txt")).hasContent("mine");
        String html = Files.readString(out.resolve("index.html"));
        try (Stream<Path> s = Files.list(out.resolve("tables"))) {
            for (Path p : s.toList()) {
                assertThat(html).contains("tables/" + p.getFileName());
            }
        }
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))).isEmpty();
        }
    }

    @Test
    void reportOntoAFileIsOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("rep"), "x");
        CliRunner.Result r = CliRunner.run("report", "--human", "data-samples/model-outputs/human-distributions.csv",
                "--answers", "data-samples/model-outputs/model-distributions.json", "--bootstrap", "20", "--out", file.toString());
        assertOneLine(r);
        assertThat(r.err()).contains(file.toString(), "not a directory", "nothing written");
        assertThat(file).hasContent("x");
    }

    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @CommandLine.Parameters(index = "0")
        String what;

        @Override
        public Integer call() {
            if (what.equals("oom")) {
                throw new OutOfMemoryError("Java heap space");
            }
            throw new IllegalStateException("unexpected\nstate");
        }
    }

    @Test
    void unexpectedErrorsAreOneLine() {
        for (String what : List.of("oom", "bug")) {
            CommandLine cl = Main.commandLine();
            cl.addSubcommand("boom", new CommandLine(new Boom()));
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute("boom", what);
            assertThat(code).isEqualTo(1);
            assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("\tat ").startsWith("pluralstats: ");
            if (what.equals("oom")) {
                assertThat(err.toString()).contains("out of memory", "fewer variables or populations", "-Xmx");
            } else {
                assertThat(err.toString()).contains("internal error", "IllegalStateException", "unexpected\\nstate",
                        "report");
            }
        }
    }
}
