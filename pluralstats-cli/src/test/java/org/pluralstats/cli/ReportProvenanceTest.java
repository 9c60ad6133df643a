package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.Version;

/**
 * The report states where it came from, on the page and in every JSON table, and stays reproducible: with
 * {@code --no-date} two runs write the same bytes; dated, they differ only in the provenance's date.
 */
class ReportProvenanceTest {
    private static final String HUMAN = "data-samples/model-outputs/human-distributions.csv";
    private static final String MODEL = "data-samples/model-outputs/model-distributions.json";

    private static Path report(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("report", "--human", HUMAN, "--answers", MODEL,
                "--bootstrap", "20", "--seed", "11", "--out", out.toString()));
        args.addAll(List.of(extra));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return out;
    }

    private static List<Path> jsonTables(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("tables"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyJsonTableAndThePageCarryTheProvenance(@TempDir Path dir) throws Exception {
        Path out = report(dir.resolve("a"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of(HUMAN))));
        List<Path> tables = jsonTables(out);
        assertThat(tables).isNotEmpty();
        ObjectMapper om = new ObjectMapper();
        for (Path t : tables) {
            String text = Files.readString(t);
            assertThat(text).as(t.toString()).doesNotContain("NaN", "Infinity");
            JsonNode p = om.readTree(text).get("provenance");
            assertThat(p).as(t.toString()).isNotNull();
            assertThat(p.get("pluralstats version").asText()).isEqualTo(Version.current());
            assertThat(p.get("date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(p.get("command").asText()).isEqualTo("pluralstats report --human " + HUMAN + " --answers " + MODEL
                    + " --bootstrap 20 --seed 11 --out " + out);
            JsonNode human = p.get("inputs").get(0);
            assertThat(human.get("file").asText()).endsWith("human-distributions.csv");
            assertThat(human.get("bytes").asLong()).isEqualTo(Files.size(Path.of(HUMAN)));
            assertThat(human.get("sha256").asText()).isEqualTo(sha);
            assertThat(p.get("settings").get("similarity seed").asText()).isEqualTo("11");
            assertThat(p.get("settings").get("similarity bootstrap resamples").asText()).isEqualTo("20");
        }
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("<h2>Provenance</h2>", "pluralstats version: " + Version.current(), sha,
                "similarity seed: 11").containsPattern("date \\(UTC\\): \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void twoRunsHaveTheSameRowsAndWithNoDateTheSameBytes(@TempDir Path dir) throws Exception {
        Path a = report(dir.resolve("a"));
        Path b = report(dir.resolve("b"));
        ObjectMapper om = new ObjectMapper();
        for (Path t : jsonTables(a)) {
            JsonNode x = om.readTree(t.toFile());
            JsonNode y = om.readTree(b.resolve("tables").resolve(t.getFileName()).toFile());
            assertThat(y.get("rows")).as(t.toString()).isEqualTo(x.get("rows"));
            assertThat(y.get("metadata")).as(t.toString()).isEqualTo(x.get("metadata"));
        }
        Path c = report(dir.resolve("c"), "--no-date");
        Path d = report(dir.resolve("d"), "--no-date");
        for (Path t : jsonTables(c)) {
            String text = Files.readString(t);
            assertThat(text).doesNotContain("\"date\"");
            assertThat(Files.readString(d.resolve("tables").resolve(t.getFileName()))).as(t.toString())
                    .isEqualTo(text.replace(c.toString(), d.toString()));
        }
        assertThat(Files.readString(d.resolve("index.html")))
                .isEqualTo(Files.readString(c.resolve("index.html")).replace(c.toString(), d.toString()))
                .contains("date (UTC): not recorded (--no-date)");
    }
}
