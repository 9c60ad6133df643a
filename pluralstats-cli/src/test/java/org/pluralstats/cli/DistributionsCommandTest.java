package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pluralstats distributions} in every format against R survey (tools/distributions_reference.R,
 * distributions-reference.json) to 1e-10, and its Markdown against a golden file.
 */
class DistributionsCommandTest {
    static final double TOLERANCE = 1e-10;
    static final String SAMPLE = "data-samples/wvs-sample/wvs7-sample.csv";
    static final String ITEMS = "data-samples/wvs-sample/items.json";
    static final Path HERE = Path.of("pluralstats-core/src/test/resources/org/pluralstats/distribution");

    static JsonNode referenceCase(int i) throws IOException {
        try (InputStream in = DistributionsCommandTest.class.getResourceAsStream(
                "/org/pluralstats/distribution/distributions-reference.json")) {
            return new ObjectMapper().readTree(in).get("cases").get(i);
        }
    }

    /** Compares output rows (as field maps) with the reference rows. */
    static void assertEqualsR(List<Map<String, String>> rows, JsonNode reference) {
        JsonNode expected = reference.get("rows");
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            JsonNode e = expected.get(i);
            String where = e.toString();
            assertThat(r.get("population")).as(where).isEqualTo(e.get("population").asText());
            assertThat(r.get("question")).as(where).isEqualTo(e.get("question").asText());
            assertThat(r.get("option_code")).as(where).isEqualTo(e.get("code").asText());
            assertThat(r.get("base")).as(where).isEqualTo(e.get("base").asText());
            assertThat(r.get("n")).as(where).isEqualTo(e.get("n").asText());
            assertThat(r.get("count")).as(where).isEqualTo(e.get("count").asText());
            for (String[] f : new String[][] {{"share", "share"}, {"se", "se"}, {"ci_lower", "ciLower"},
                {"ci_upper", "ciUpper"}, {"n_eff", "nEff"}}) {
                if (e.get(f[1]).isNull()) {
                    assertThat(r.get(f[0])).as(where + " " + f[0]).isIn("", "null");
                } else {
                    assertThat(Double.parseDouble(r.get(f[0]))).as(where + " " + f[0])
                            .isCloseTo(e.get(f[1]).asDouble(), within(TOLERANCE));
                }
            }
        }
    }

    @Test
    void csvEqualsRSurveyByCountry() throws IOException {
        CliRunner.Result r = CliRunner.run("distributions", "--data", SAMPLE, "--items", ITEMS, "--by", "country",
                "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.out()))) {
            rows.add(rec.toMap());
        }
        assertEqualsR(rows, referenceCase(0));
    }

    @Test
    void jsonEqualsRSurveyForAnIntersectionWrittenToAFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("d.json");
        CliRunner.Result r = CliRunner.run("distributions", "--data", HERE.resolve("synthetic.csv").toString(),
                "--by", "B_COUNTRY_ALPHA,SEX", "--format", "json", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
        // the result model's JSON: title, metadata (populations, weights, design) and the rows
        assertThat(root.get("metadata").get("weights").asText()).isNotEmpty();
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode n : root.get("rows")) {
            Map<String, String> m = new java.util.HashMap<>();
            n.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().isNull() ? "null" : f.getValue().asText()));
            rows.add(m);
        }
        assertEqualsR(rows, referenceCase(2));
    }

    @Test
    void markdownMatchesTheGoldenFile() throws IOException {
        CliRunner.Result r = CliRunner.run("distributions", "--data", HERE.resolve("synthetic.csv").toString(),
                "--by", "B_COUNTRY_ALPHA,SEX", "--format", "md");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(HERE.resolve("synthetic-by-country-sex.md"), StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownPopulationColumnIsOneLineNamingTheClosest() {
        CliRunner.Result r = CliRunner.run("distributions", "--data", SAMPLE, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA,SXE");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").contains("SXE").contains("closest");
    }
}
