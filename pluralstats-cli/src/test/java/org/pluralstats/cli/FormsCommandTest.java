package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden end-to-end tests of {@code pluralstats forms} on the pilot samples: Table 1 at the paper's
 * rounding, and every statistic against pandas/scipy/statsmodels (tools/pilot/pilot_reference.py).
 */
class FormsCommandTest {
    static final String P = "data-samples/pilot-survey/";
    static final String[] GROUPS = {"--group", "Arabic=" + P + "arabic.csv", "--group", "Chinese=" + P + "chinese.csv",
        "--group", "Farsi=" + P + "farsi.csv", "--group", "English=" + P + "english.csv"};

    @TempDir
    Path dir;

    private static String[] args(String... more) {
        List<String> a = new ArrayList<>(List.of("forms"));
        a.addAll(List.of(GROUPS));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    private static JsonNode reference() throws IOException {
        try (InputStream in = FormsCommandTest.class.getResourceAsStream("/org/pluralstats/compare/pilot-reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void table1AtThePapersRounding() {
        CliRunner.Result r = CliRunner.run(args("--codebook", P + "codebook.json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(
                "| group | n | Q1 | Q2 | Q3 | Q4 (% B) | Q5 | Q6 |",
                "| Arabic | 7 | 1.43 | 7.71 | 6.71 | 57.1 | 6.00 | 6.71 |",
                "| Chinese | 16 | 3.12 | 8.88 | 3.69 | 68.8 | 6.12 | 6.00 |",
                "| Farsi | 11 | 2.27 | 1.27 | 7.00 | 72.7 | 5.45 | 4.18 |",
                "| English | 22 | 4.86 | 6.14 | 2.14 | 54.5 | 2.86 | 1.50 |");
    }

    @Test
    void withoutCodebookTheTranslatedChoiceIsAlignedToo() {
        CliRunner.Result r = CliRunner.run(args());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("| Arabic | 7 | 1.43 | 7.71 | 6.71 | 57.1 | 6.00 | 6.71 |",
                "| English | 22 | 4.86 | 6.14 | 2.14 | 54.5 | 2.86 | 1.50 |");
    }

    @Test
    void jsonEqualsScipyAndStatsmodels() throws IOException {
        JsonNode ref = reference();
        for (String[] extra : List.of(new String[] {"--codebook", P + "codebook.json"}, new String[0])) {
            JsonNode table1 = json(extra, "table1");
            JsonNode means = json(extra, "means");
            JsonNode shares = json(extra, "shares");
            JsonNode tests = json(extra, "tests");
            JsonNode rows = json(extra, "rows");
            for (int g = 0; g < 4; g++) {
                JsonNode rg = ref.get("groups").get(g);
                String group = rg.get("group").asText();
                assertThat(table1.get(g).get("group").asText()).isEqualTo(group);
                assertThat(table1.get(g).get("n").asInt()).isEqualTo(rg.get("n").asInt());
                assertThat(rows.get(g).get("excluded").asText()).isEqualTo("none");
                int scaleItems = 0;
                for (JsonNode item : means) {
                    if (!item.get("group").asText().equals(group)) {
                        continue;
                    }
                    scaleItems++;
                    JsonNode ri = rg.get("items").get(item.get("item").asText());
                    for (String f : List.of("mean", "sd", "median", "q1", "q3")) {
                        assertThat(item.get(f).asDouble()).as(f).isCloseTo(ri.get(f).asDouble(), within(1e-12));
                    }
                    // scipy 1.10's t quantile is off by up to 2e-9 relative (checked against mpmath in
                    // stats.LikertSummaryTest); our interval is exact to 1e-12 there
                    for (String f : List.of("ciLow", "ciHigh")) {
                        assertThat(item.get(f).asDouble()).as(f).isCloseTo(ri.get(f).asDouble(), within(5e-9));
                    }
                }
                assertThat(scaleItems).isEqualTo(5);
                double shareB = -1;
                for (JsonNode option : shares) {
                    boolean isB = extra.length > 0 ? option.get("option").asText().equals("B")
                            : option.get("option").asText().matches(".*(?<![A-Za-z])B(?![A-Za-z]).*");
                    if (option.get("group").asText().equals(group) && isB) {
                        JsonNode ri = rg.get("items").get(option.get("item").asText());
                        shareB = option.get("share").asDouble();
                        assertThat(option.get("ciLow").asDouble()).isCloseTo(ri.get("ciLow").asDouble(), within(1e-12));
                        assertThat(option.get("ciHigh").asDouble()).isCloseTo(ri.get("ciHigh").asDouble(), within(1e-12));
                        assertThat(shareB).isCloseTo(ri.get("shareB").asDouble(), within(1e-15));
                    }
                }
                assertThat(shareB).isNotNegative();
            }
            for (JsonNode rt : ref.get("tests")) {
                List<JsonNode> ot = new ArrayList<>();
                for (JsonNode t : tests) {
                    if (t.get("item").asText().equals(rt.get("item").asText())) {
                        ot.add(t);
                    }
                }
                assertThat(ot).as(rt.get("item").asText()).isNotEmpty();
                assertThat(ot.get(0).get("test").asText()).isEqualTo(rt.get("test").asText());
                assertThat(ot.get(0).get("statistic").asDouble()).isCloseTo(rt.get("statistic").asDouble(), within(1e-10));
                assertThat(ot.get(0).get("p").asDouble()).isCloseTo(rt.get("p").asDouble(), within(1e-12));
                if (rt.has("pairwise")) {
                    assertThat(ot).hasSize(1 + rt.get("pairwise").size());
                    for (int i = 0; i < rt.get("pairwise").size(); i++) {
                        JsonNode rp = rt.get("pairwise").get(i);
                        JsonNode op = ot.get(i + 1);
                        assertThat(op.get("pair").asText()).startsWith(rp.get("first").asText() + " – ");
                        assertThat(op.get("statistic").asDouble()).isEqualTo(rp.get("u").asDouble());
                        assertThat(op.get("p").asDouble()).isCloseTo(rp.get("p").asDouble(), within(1e-12));
                        assertThat(op.get("pHolm").asDouble()).isCloseTo(rp.get("pHolm").asDouble(), within(1e-12));
                    }
                } else {
                    assertThat(ot.get(0).get("df").asInt()).isEqualTo(rt.get("df").asInt());
                }
            }
        }
    }

    /** The rows of one table that {@code forms --format json --table NAME} prints. */
    private static JsonNode json(String[] extra, String table) throws IOException {
        List<String> a = new ArrayList<>(List.of(args(extra)));
        a.addAll(List.of("--format", "json", "--table", table));
        CliRunner.Result r = CliRunner.run(a.toArray(new String[0]));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out()).get("rows");
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }

    private static JsonNode rReference() throws IOException {
        try (InputStream in = FormsCommandTest.class.getResourceAsStream("/org/pluralstats/stats/pilot-tests-reference.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            assertThat(root.get("generator").get("script").asText()).isEqualTo("tools/pilot_tests_reference.R");
            return root;
        }
    }

    private static JsonNode named(JsonNode section, String name) {
        for (JsonNode c : section) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no reference case " + name);
    }

    @Test
    void table1HasThePooledRowOfThePaper() throws IOException {
        CliRunner.Result r = CliRunner.run(args("--codebook", P + "codebook.json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        // "35 of 56 (62.5%) chose Model B"
        assertThat(r.out()).contains("| English | 22 | 4.86 | 6.14 | 2.14 | 54.5 | 2.86 | 1.50 |\n"
                + "| All groups (pooled) | 56 | 3.43 | 6.16 | 4.11 | 62.5 | 4.70 | 3.96 |\n");
        JsonNode pooled = rReference().get("pooled");
        for (String[] extra : List.of(new String[] {"--codebook", P + "codebook.json"}, new String[0])) {
            JsonNode row = json(extra, "table1").get(4);
            assertThat(row.get("group").asText()).isEqualTo("All groups (pooled)");
            assertThat(row.get("n").asInt()).isEqualTo(pooled.get("n").asInt());
            String q4 = "";
            for (String f : iterable(row.fieldNames())) {
                q4 = f.startsWith("Q4 (% ") ? f : q4;
            }
            assertThat(row.get(q4).asDouble()).as(q4).isEqualTo(pooled.get("Q4percentB").asDouble());
            for (String item : List.of("Q1", "Q2", "Q3", "Q5", "Q6")) {
                assertThat(row.get(item).asDouble()).as(item).isCloseTo(pooled.get(item).asDouble(), within(1e-12));
            }
        }
    }

    @Test
    void testsCarryEffectSizesRsWarningAndFishersTest() throws IOException {
        CliRunner.Result md = CliRunner.run(args("--codebook", P + "codebook.json", "--table", "tests"));
        assertThat(md.exitCode()).as(md.err()).isZero();
        assertThat(md.out()).contains("| item | test | pair | statistic | df | p | pHolm | effect | effectSize | effectLow | "
                + "effectHigh | warning | note |");
        assertThat(md.err()).isEqualTo("pluralstats: warning: Q4 chi-square: Chi-squared approximation may be incorrect "
                + "(smallest expected count 2.63); Fisher's exact test p = 0.7468\n");
        JsonNode ref = rReference();
        for (String[] extra : List.of(new String[] {"--codebook", P + "codebook.json"}, new String[0])) {
            JsonNode tests = json(extra, "tests");
            int checkedPairs = 0;
            int checkedItems = 0;
            for (int i = 0; i < tests.size(); i++) {
                JsonNode t = tests.get(i);
                String item = t.get("item").asText();
                String test = t.get("test").asText();
                if (test.equals("chi-square")) {
                    JsonNode c = named(ref.get("chisq"), "pilot_q4");
                    assertThat(t.get("warning").asText()).startsWith("Chi-squared approximation may be incorrect");
                    assertThat(t.get("effect").asText()).isEqualTo("cramers-v-adjusted");
                    assertThat(t.get("effectSize").asDouble()).isEqualTo(c.get("cramersVAdjusted").asDouble());
                    assertThat(t.get("effectLow").asDouble()).isEqualTo(c.get("cramersVAdjustedLowTight").asDouble());
                    assertThat(t.get("effectHigh").asDouble()).isEqualTo(1.0);
                    assertThat(t.get("p").asDouble()).isCloseTo(c.get("p").asDouble(), within(1e-12));
                    JsonNode f = tests.get(i + 1);
                    assertThat(f.get("item").asText()).isEqualTo("Q4");
                    assertThat(f.get("test").asText()).isEqualTo("fisher-exact (exact)");
                    assertThat(f.get("p").asDouble())
                            .isCloseTo(named(ref.get("fisher"), "pilot_q4").get("p").asDouble(), within(1e-13));
                    checkedItems++;
                } else if (test.equals("kruskal-wallis")) {
                    JsonNode e = named(ref.get("rankEpsilonSquared"), item);
                    assertThat(t.get("effect").asText()).isEqualTo("rank-epsilon-squared");
                    assertThat(t.get("effectSize").asDouble()).isCloseTo(e.get("epsilonSquared").asDouble(), within(1e-12));
                    assertThat(t.get("effectLow").isNull()).isTrue();
                    assertThat(t.get("warning").asText()).isEmpty();
                    checkedItems++;
                } else if (test.startsWith("mann-whitney-u")) {
                    JsonNode e = named(ref.get("rankBiserial"), item + " " + t.get("pair").asText().replace(" – ", " "));
                    assertThat(t.get("effect").asText()).isEqualTo("rank-biserial");
                    assertThat(t.get("effectSize").asDouble()).isCloseTo(e.get("r").asDouble(), within(1e-12));
                    assertThat(t.get("effectLow").asDouble()).isCloseTo(e.get("ciLow").asDouble(), within(1e-10));
                    assertThat(t.get("effectHigh").asDouble()).isCloseTo(e.get("ciHigh").asDouble(), within(1e-10));
                    checkedPairs++;
                }
            }
            assertThat(checkedItems).isEqualTo(6);
            assertThat(checkedPairs).isEqualTo(5 * 6);
        }
    }

    @Test
    void twoGroupsGiveFishersOddsRatioBesideTheTwoByTwoTable() throws IOException {
        CliRunner.Result r = CliRunner.run("forms", "--group", "Arabic=" + P + "arabic.csv", "--group",
                "English=" + P + "english.csv", "--codebook", P + "codebook.json", "--table", "tests", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("Q4 chi-square: Chi-squared approximation may be incorrect (smallest expected count 3.14)");
        JsonNode ref = named(rReference().get("fisher"), "pilot_q4_arabic_english");
        JsonNode chi = named(rReference().get("chisq"), "pilot_q4_arabic_english");
        JsonNode fisher = null;
        for (JsonNode t : new ObjectMapper().readTree(r.out()).get("rows")) {
            if (t.get("item").asText().equals("Q4") && t.get("test").asText().equals("chi-square")) {
                assertThat(t.get("df").asInt()).isEqualTo(1);
                assertThat(t.get("p").asDouble()).isCloseTo(chi.get("p").asDouble(), within(1e-12));
                assertThat(t.get("effectSize").asDouble()).isCloseTo(chi.get("cramersVAdjusted").asDouble(), within(1e-12));
            }
            fisher = t.get("test").asText().startsWith("fisher-exact") ? t : fisher;
        }
        assertThat(fisher).isNotNull();
        assertThat(fisher.get("test").asText()).isEqualTo("fisher-exact (exact)");
        assertThat(fisher.get("p").asDouble()).isCloseTo(ref.get("p").asDouble(), within(1e-12));
        assertThat(fisher.get("effect").asText()).isEqualTo("odds-ratio");
        assertThat(fisher.get("effectSize").asDouble()).isCloseTo(ref.get("oddsRatioTight").asDouble(), within(1e-10));
        assertThat(fisher.get("effectLow").asDouble()).isCloseTo(ref.get("orLowerTight").asDouble(), within(1e-10));
        assertThat(fisher.get("effectHigh").asDouble()).isCloseTo(ref.get("orUpperTight").asDouble(), within(1e-9));
    }

    @Test
    void checkTableFlagsTheEnglishQ6() {
        CliRunner.Result r = CliRunner.run(args("--codebook", P + "codebook.json", "--check-table",
                P + "table1-published.csv"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("| English | Q6 | 1.51 | 22 | inconsistent (nearest 1.50, 1.55) | 1.50 | false |")
                .contains("1 of 20 reported means are GRIM-inconsistent");
    }

    @Test
    void csvHasARowPerGroupItemAndOption() throws IOException {
        Path out = dir.resolve("t.csv");
        CliRunner.Result r = CliRunner.run(args("--codebook", P + "codebook.json", "--format", "csv", "--table", "shares",
                "--out", out.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("group,item,option,text,count,n,share,ciLow,ciHigh");
        assertThat(lines).hasSize(1 + 4 * 2);
        assertThat(lines).anyMatch(l -> l.startsWith("Farsi,Q4,B,") && l.contains(",8,11,0.7272727272727273,"));
        r = CliRunner.run(args("--codebook", P + "codebook.json", "--format", "csv", "--table", "means", "--out",
                out.toString()));
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).hasSize(1 + 4 * 5);
    }

    @Test
    void aBadExportIsOneLineNamingFileAndLine() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "Timestamp,Q\n2025/05/14 1:07:13 PM GMT+2,3\n2025/05/14 1:09:13 PM GMT+2,3,4\n");
        CliRunner.Result r = CliRunner.run("forms", "--group", "X=" + bad);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("pluralstats: ").contains("bad.csv").contains("line 3");
    }

    @Test
    void aColumnOfDecimalsIsRefusedNamingItGroupAndRespondentWithWhatToDo() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.writeString(a, "Timestamp,Q,weight\n2025/05/14 1:07:13 PM GMT+2,3,1\n2025/05/14 1:09:13 PM GMT+2,4,2\n");
        Files.writeString(b, "Timestamp,Q,weight\n2025/05/14 1:07:13 PM GMT+2,3,1\n2025/05/14 1:09:13 PM GMT+2,5,0.634\n");
        CliRunner.Result r = CliRunner.run("forms", "--group", "A=" + a, "--group", "B=" + b);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("pluralstats: column \"weight\" holds 0.634 (group B, respondent 2), not a whole"
                + " scale point, so it cannot be compared as a scale item; if it is a weight, name it with --weight,"
                + " otherwise list its header under the codebook's \"ignore\"\n");
        r = CliRunner.run("forms", "--group", "A=" + a, "--group", "B=" + b, "--weight", "weight", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void eMailAddressesNeverAppear() {
        for (String format : List.of("md", "json", "csv")) {
            for (String table : List.of("table1", "rows", "means", "shares", "tests")) {
                CliRunner.Result r = CliRunner.run(args("--format", format, "--table", table));
                assertThat(r.exitCode()).as(r.err()).isZero();
                assertThat(r.out()).doesNotContain("@example.org");
            }
        }
    }

    @Test
    void reportReproducesTable1AndTheGrimFlag() {
        CliRunner.Result r = CliRunner.run("report", "--out", dir.resolve("report").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("| English | 22 | 4.86 | 6.14 | 2.14 | 54.5 | 2.86 | 1.50 |")
                .contains("| English | Q6 | 1.51 | 22 | inconsistent (nearest 1.50, 1.55) | 1.50 | false |")
                .contains("wrote " + dir.resolve("report").resolve("index.html").toAbsolutePath().normalize());
        assertThat(dir.resolve("report").resolve("index.html")).isRegularFile();
        assertThat(r.out()).contains("16 charts", "9148 generations, 9 models × 4 languages");
    }

    @Test
    void reportOnModelOutputsAndAnswerDistributions() {
        String m = "data-samples/model-outputs/";
        CliRunner.Result r = CliRunner.run("report", "--model", m + "outputs.jsonl", "--population", m + "populations.csv",
                "--countries", "data-samples/multicultural-alignment/country_languages.csv", "--align-with", "language",
                "--align-with", "US", "--bootstrap", "100", "--human", m + "human-distributions.csv", "--answers",
                m + "model-distributions.json", "--out", dir.resolve("models").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("360 generations, 3 models × 2 languages", "US versus local: 6 comparisons",
                "BR: Wasserstein similarity", "6 charts");
        assertThat(dir.resolve("models/figures/alignment-US.svg")).isRegularFile();
        assertThat(dir.resolve("models/tables/us-bias-rows.csv")).content().contains("example-large-70b,da,DK,US,12,");
        CliRunner.Result bad = CliRunner.run("report", "--population", m + "populations.csv");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("need --model");
    }
}
