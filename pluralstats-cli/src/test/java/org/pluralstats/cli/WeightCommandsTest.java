package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end runs of {@code vps}, {@code correlate}, {@code consistency} and {@code rake} on the
 * samples, checked against the R survey fixtures of tools/weight_reference.R.
 */
class WeightCommandsTest {
    static final String DATA = "data-samples/wvs-sample/wvs7-sample.csv";
    static final String ITEMS = "data-samples/wvs-sample/items.json";
    static final Path RES = Path.of("pluralstats-core/src/test/resources/org/pluralstats/weight");
    static final ObjectMapper M = new ObjectMapper();

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = WeightCommandsTest.class.getResourceAsStream("/org/pluralstats/weight/" + name)) {
            return M.readTree(in);
        }
    }

    static JsonNode referenceCase(String by, String weight) throws IOException {
        for (JsonNode c : fixture("vps-reference.json").get("cases")) {
            if (c.get("data").asText().equals("wvs7-sample.csv") && c.get("by").asText().equals(by)
                    && c.get("weight").asText().equals(weight)) {
                return c;
            }
        }
        throw new AssertionError("no case " + by + " " + weight);
    }

    /** Runs the CLI, capturing standard output and error. */
    static String[] run(int expectedExit, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.commandLine().setOut(new java.io.PrintWriter(System.out, true))
                    .setErr(new java.io.PrintWriter(System.err, true)).execute(args);
            assertThat(code).as("exit code; stderr: " + e.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new String[] {o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    }

    private static JsonNode rowsOf(String json) throws IOException {
        return M.readTree(json).get("rows");
    }

    @Test
    void vpsJsonEqualsRSurvey(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("vps.json");
        run(0, "vps", "--data", DATA, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA", "--weight", "W_WEIGHT*S018",
                "--out", out.toString());
        String text = Files.readString(out);
        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode rows = M.readTree(text).get("rows");
        JsonNode ref = referenceCase("B_COUNTRY_ALPHA", "W_WEIGHT*S018").get("rows");
        assertThat(rows.size()).isEqualTo(ref.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            List<String> fields = new ArrayList<>();
            r.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("population", "item", "vps", "n", "weightSum", "se", "nEff", "ciLow", "ciHigh", "excluded");
            JsonNode e = ref.get(i);
            assertThat(r.get("population").asText()).isEqualTo(e.get("population").asText());
            assertThat(r.get("n").asInt()).isEqualTo(e.get("n").asInt());
            for (String f : List.of("vps", "weightSum", "se", "nEff", "ciLow", "ciHigh")) {
                if (e.get(f).isNull()) {
                    assertThat(r.get(f).isNull()).as(f).isTrue();
                } else {
                    assertThat(Math.abs(r.get(f).asDouble() - e.get(f).asDouble())).as(f).isLessThanOrEqualTo(1e-9);
                }
            }
        }
        // the population with no answers to an item: n = 0 and null scores
        JsonNode nga = null;
        for (JsonNode r : rows) {
            if (r.get("population").asText().equals("NGA") && r.get("item").asText().equals("Q57")) {
                nga = r;
            }
        }
        assertThat(nga).isNotNull();
        assertThat(nga.get("n").asInt()).isZero();
        assertThat(nga.get("vps").isNull()).isTrue();
    }

    @Test
    void vpsGlobalCsvAndMarkdown(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("vps.csv");
        run(0, "vps", "--data", DATA, "--rule", "paper", "--by", "global", "--format", "csv", "--out", csv.toString());
        List<String> lines = Files.readAllLines(csv);
        // the table of ScoreTable.table(): the excluded count is always a column now (0 without --exclude-invalid-weights)
        assertThat(lines.get(0)).isEqualTo("population,item,vps,n,weightSum,se,nEff,ciLow,ciHigh,excluded");
        assertThat(lines).hasSize(13);
        JsonNode ref = referenceCase("global", "W_WEIGHT").get("rows");
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            assertThat(f[0]).isEqualTo("global");
            assertThat(f[1]).isEqualTo(ref.get(i - 1).get("item").asText());
            assertThat(Math.abs(Double.parseDouble(f[2]) - ref.get(i - 1).get("vps").asDouble())).isLessThan(1e-12);
        }
        String md = run(0, "vps", "--data", DATA, "--items", ITEMS, "--by", "S_INTLANGUAGE", "--format", "md")[0];
        assertThat(md).startsWith("**Value polarity scores per population × item**\n\n| population | item | vps | n |").contains("| da | Q1 |");
    }

    @Test
    void vpsMappedPopulationsEqualTheLanguageColumn(@TempDir Path dir) throws IOException {
        // in the sample each country has one interview language, so mapping countries onto languages
        // must reproduce --by S_INTLANGUAGE (R fixture) exactly
        Path map = dir.resolve("languages.json");
        Files.writeString(map, "{\"column\":\"B_COUNTRY_ALPHA\",\"groups\":{\"da\":[\"DNK\"],\"nl\":[\"NLD\"],"
                + "\"en\":[\"GBR\",\"USA\",\"NGA\"],\"pt\":[\"BRA\"]}}");
        JsonNode rows = rowsOf(run(0, "vps", "--data", DATA, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA",
                "--map", map.toString())[0]);
        JsonNode ref = referenceCase("S_INTLANGUAGE", "W_WEIGHT").get("rows");
        assertThat(rows.size()).isEqualTo(ref.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("population").asText()).isEqualTo(ref.get(i).get("population").asText());
            assertThat(Math.abs(rows.get(i).get("se").asDouble() - ref.get(i).get("se").asDouble())).isLessThan(1e-9);
        }
        Path csv = dir.resolve("languages.csv");
        Files.writeString(csv, "value,population\nDNK,da\nNLD,nl\n");
        JsonNode two = rowsOf(run(0, "vps", "--data", DATA, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA",
                "--map", csv.toString())[0]);
        assertThat(two.size()).isEqualTo(24);
    }

    @Test
    void vpsJointFileUsesGwghtTimesPwghtAndThePaperRuleByDefault() throws IOException {
        JsonNode rows = rowsOf(run(0, "vps", "--data", "data-samples/wvs-sample/joint-sample.csv", "--rule", "paper",
                "--by", "cntry_AN")[0]);
        JsonNode ref = null;
        for (JsonNode c : fixture("vps-reference.json").get("cases")) {
            if (c.get("data").asText().equals("joint-sample.csv") && c.get("by").asText().equals("cntry_AN")) {
                ref = c.get("rows");
            }
        }
        assertThat(rows.size()).isEqualTo(ref.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("item").asText()).isEqualTo(ref.get(i).get("item").asText());
            if (!ref.get(i).get("ciLow").isNull()) {
                assertThat(Math.abs(rows.get(i).get("ciLow").asDouble() - ref.get(i).get("ciLow").asDouble())).isLessThan(1e-9);
            }
        }
    }

    @Test
    void vpsBadInput() {
        String[] missingRule = run(2, "vps", "--data", DATA, "--by", "global");
        assertThat(missingRule[1]).contains("give --items ITEMS.json or --rule paper");
        Path bad = RES.resolve("no-such-items.json");
        assertThat(run(1, "vps", "--data", DATA, "--items", bad.toString(), "--by", "global")[1]).contains("file not found");
        String[] weight = run(1, "vps", "--data", DATA, "--items", ITEMS, "--by", "global", "--weight", "W_WEIGHT*Q1");
        assertThat(weight[1]).contains("respondent 20800044 (row 44)").contains("Q1 is missing (dont_know)");
        String[] excluded = run(0, "vps", "--data", DATA, "--items", ITEMS, "--by", "global", "--weight", "W_WEIGHT*Q1",
                "--exclude-invalid-weights", "--format", "csv");
        assertThat(excluded[0].lines().findFirst().orElseThrow()).endsWith(",excluded");
        assertThat(excluded[1]).contains("excluded 16 respondents with invalid weights (W_WEIGHT*Q1): 16 missing weight");
    }

    @Test
    void vpsUnknownItemNamesTheClosest(@TempDir Path dir) throws IOException {
        Path items = dir.resolve("items.json");
        Files.writeString(items, "{\"items\":[{\"id\":\"q1844\",\"positive\":[6,7,8,9,10]}]}");
        String[] r = run(1, "vps", "--data", DATA, "--items", items.toString(), "--by", "global");
        assertThat(r[1]).contains("item \"q1844\"").contains("is not in the file; closest: Q184");
    }

    @Test
    void correlateEqualsRCor(@TempDir Path dir) throws IOException {
        Path vps = dir.resolve("vps.csv");
        run(0, "vps", "--data", DATA, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA", "--weight", "W_WEIGHT",
                "--format", "csv", "--out", vps.toString());
        for (String method : List.of("pearson", "spearman")) {
            JsonNode pairs = M.readTree(run(0, "correlate", "--vps", vps.toString(), "--method", method)[0]).get("rows");
            int checked = 0;
            for (JsonNode e : fixture("vps-reference.json").get("correlations").get("pairs")) {
                if (!e.get("method").asText().equals(method)) {
                    continue;
                }
                for (JsonNode p : pairs) {
                    if (p.get("a").asText().equals(e.get("a").asText()) && p.get("b").asText().equals(e.get("b").asText())) {
                        assertThat(p.get("items").asInt()).isEqualTo(e.get("items").asInt());
                        assertThat(Math.abs(p.get("r").asDouble() - e.get("r").asDouble())).isLessThan(1e-12);
                        checked++;
                    }
                }
            }
            assertThat(checked).isEqualTo(36);
        }
        // Markdown is the generic writer of the same long table as JSON and CSV (one row per ordered pair), r to 3 decimals
        assertThat(run(0, "correlate", "--vps", vps.toString(), "--format", "md")[0])
                .contains("| a | b | method | items | r |\n|---|---|---|---:|---:|\n| DNK | DNK | pearson |");
    }

    @Test
    void consistencyIsReproducible() {
        String a = run(0, "consistency", "--data", DATA, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA", "--format", "csv")[0];
        String b = run(0, "consistency", "--data", DATA, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA", "--format", "csv")[0];
        String c = run(0, "consistency", "--data", DATA, "--items", ITEMS, "--by", "B_COUNTRY_ALPHA", "--format", "csv",
                "--seed", "1")[0];
        assertThat(a).isEqualTo(b).isNotEqualTo(c).startsWith("population,selfConsistency,items,draws,sampleSize\nDNK,");
    }

    @Test
    void rakeEqualsSurveyRake(@TempDir Path dir) throws IOException {
        JsonNode ref = fixture("rake-reference.json").get("cases");
        for (String margins : List.of("margins.json", "margins.csv")) {
            Path out = dir.resolve("raked.csv");
            String[] r = run(0, "rake", "--data", RES.resolve("wvs7-rake.csv").toString(), "--margins",
                    RES.resolve(margins).toString(), "--weight", "W_WEIGHT", "--out", out.toString(),
                    "--tolerance", "1e-12");
            assertThat(r[0]).contains("converged after 6 cycles").contains("Kish efficiency: 0.8774 before, 0.8319 after");
            compare(out, ref.get(0).get("weights"));
        }
        Path out = dir.resolve("bounded.csv");
        String[] r = run(0, "rake", "--data", RES.resolve("wvs7-rake.csv").toString(), "--margins",
                RES.resolve("margins.json").toString(), "--weight", "W_WEIGHT", "--out", out.toString(),
                "--bounds", "0.7,1.4", "--tolerance", "1e-13", "--summary", "json");
        // the summary is RakingResult.table() through the generic JSON writer: an array of one row
        JsonNode summary = M.readTree(r[0]).get("rows").get(0);
        assertThat(summary.get("method").asText()).isEqualTo("bounded");
        assertThat(summary.get("margins").asText()).contains("; ");
        assertThat(summary.get("converged").asBoolean()).isTrue();
        compare(out, ref.get(3).get("weights"));
    }

    static void compare(Path csv, JsonNode expected) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("id,baseWeight,rakedWeight");
        assertThat(lines).hasSize(expected.size() + 1);
        Iterator<JsonNode> it = expected.iterator();
        for (int i = 1; i < lines.size(); i++) {
            double w = Double.parseDouble(lines.get(i).split(",")[2]);
            double e = it.next().asDouble();
            assertThat(Math.abs(w - e) / e).isLessThan(1e-6);
        }
    }
}
