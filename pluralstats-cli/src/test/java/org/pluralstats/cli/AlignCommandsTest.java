package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end runs of {@code align} and {@code similarity}: the released data of seed paper 003 against
 * pandas/scipy (tools/align_reference.py), reproducibility, formats and bad input.
 */
class AlignCommandsTest {
    static final String D = "data-samples/multicultural-alignment/";
    static final String GENERATIONS = D + "all_lang_model_responses_with_scores.csv";
    static final ObjectMapper M = new ObjectMapper();

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = AlignCommandsTest.class.getResourceAsStream("/org/pluralstats/align/" + name)) {
            return M.readTree(in);
        }
    }

    static String[] populations() {
        return new String[] {"--population", D + "ground_truth_global.csv", "--population", D + "ground_truth_per_language.csv",
            "--population", D + "ground_truth_every_country.csv"};
    }

    static String[] args(String... head) {
        List<String> a = new ArrayList<>(List.of(head));
        a.addAll(List.of(populations()));
        return a.toArray(new String[0]);
    }

    @Test
    void alignReleasedDataItemLevelIsReproducibleAndEqualsScipy(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        WeightCommandsTest.run(0, args("align", "--model", GENERATIONS, "--bootstrap", "200", "--seed", "5", "--out", a.toString()));
        WeightCommandsTest.run(0, args("align", "--model", GENERATIONS, "--bootstrap", "200", "--seed", "5", "--out", b.toString()));
        String text = Files.readString(a);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode table = M.readTree(text);
        assertThat(table.get("metadata").get("seed").asText()).isEqualTo("5");
        assertThat(table.get("metadata").get("bootstrap resamples").asText()).isEqualTo("200");
        JsonNode rows = table.get("rows");
        assertThat(rows.size()).isEqualTo(9 * 4 * 18);
        List<String> fields = new ArrayList<>();
        rows.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).startsWith("model", "language", "population", "n", "rho", "p", "ciLow", "ciHigh");
        Map<String, JsonNode> byKey = new HashMap<>();
        rows.forEach(r -> byKey.put(r.get("model").asText() + "|" + r.get("language").asText() + "|"
                + r.get("population").asText(), r));
        int checked = 0;
        for (JsonNode c : fixture("released-alignment.json").get("cases")) {
            if (!c.get("level").asText().equals("item")) {
                continue;
            }
            JsonNode r = byKey.get(c.get("model").asText() + "|" + c.get("language").asText() + "|" + c.get("population").asText());
            assertThat(r.get("n").asInt()).isEqualTo(c.get("n").asInt());
            assertThat(r.get("rho").asDouble()).isCloseTo(c.get("rho").asDouble(), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(Math.abs(r.get("p").asDouble() / c.get("p").asDouble() - 1)).isLessThan(1e-10);
            assertThat(r.get("ciLow").asDouble()).isLessThan(r.get("ciHigh").asDouble());
            assertThat(r.get("resamples").asInt()).isEqualTo(200);
            checked++;
        }
        assertThat(checked).isEqualTo(216);
        String[] other = WeightCommandsTest.run(0, args("align", "--model", GENERATIONS, "--bootstrap", "200", "--seed", "6"));
        assertThat(other[0]).isNotEqualTo(text);
    }

    @Test
    void responseLevelWithoutBootstrapCsvAndMarkdown() throws IOException {
        String[] csv = WeightCommandsTest.run(0, args("align", "--model", GENERATIONS, "--level", "response", "--bootstrap", "0",
                "--format", "csv"));
        List<String> lines = csv[0].lines().toList();
        assertThat(lines).hasSize(1 + 648);
        assertThat(lines.get(0)).startsWith("model,language,population,n,rho,p,ciLow,ciHigh,level");
        assertThat(lines.get(1)).startsWith("OLMo-2-1124-7B-Instruct,da,global,157,0.31039954881336");
        assertThat(lines.get(1)).contains(",,,response,olmo,");
        assertThat(csv[1]).contains("items without a population score were left out");
        String[] md = WeightCommandsTest.run(0, args("align", "--model", GENERATIONS, "--bootstrap", "0", "--format", "md"));
        assertThat(md[0]).startsWith("**Alignment per model × language × population**\n\n| model | language | population | n | rho | p |")
                .contains("bootstrap resamples: 0");
    }

    /** Issue 15: the released generation bootstrap puts the estimate low in its interval; the item bootstrap does not. */
    @Test
    void consistencyIntervalResamplesItemsByDefaultAndGenerationsOnRequest() throws IOException {
        String[] base = {"align", "--model", GENERATIONS, "--table", "consistency", "--bootstrap", "200"};
        JsonNode items = M.readTree(WeightCommandsTest.run(0, base)[0]);
        JsonNode gens = M.readTree(WeightCommandsTest.run(0, concat(base, "--consistency-interval", "generations"))[0]);
        assertThat(items.get("metadata").get("interval").asText()).isEqualTo("items");
        assertThat(gens.get("metadata").get("interval").asText()).isEqualTo("generations");
        assertThat(medianPosition(gens.get("rows"))).isLessThan(0.4);
        assertThat(medianPosition(items.get("rows"))).isBetween(0.45, 0.8);
        assertThat(WeightCommandsTest.run(2, concat(base, "--consistency-interval", "rows"))[1])
                .contains("expected items or generations");
    }

    private static double medianPosition(JsonNode rows) {
        List<Double> pos = new ArrayList<>();
        for (JsonNode r : rows) {
            double lo = r.get("ciLow").asDouble();
            pos.add((r.get("selfConsistency").asDouble() - lo) / (r.get("ciHigh").asDouble() - lo));
        }
        assertThat(pos).hasSize(36);
        java.util.Collections.sort(pos);
        return (pos.get(17) + pos.get(18)) / 2;
    }

    @Test
    void consistencyAndUsBiasTables() throws IOException {
        String[] c = WeightCommandsTest.run(0, "align", "--model", GENERATIONS, "--table", "consistency", "--bootstrap", "0");
        JsonNode rows = M.readTree(c[0]).get("rows");
        assertThat(rows.size()).isEqualTo(36);
        for (JsonNode ref : fixture("released-alignment.json").get("selfConsistency")) {
            JsonNode r = null;
            for (JsonNode x : rows) {
                if (x.get("model").asText().equals(ref.get("model").asText())
                        && x.get("language").asText().equals(ref.get("language").asText())) {
                    r = x;
                }
            }
            assertThat(r.get("selfConsistency").asDouble())
                    .isCloseTo(ref.get("selfConsistency").asDouble(), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(r.get("pairs").asLong()).isEqualTo(ref.get("pairs").asLong());
        }
        String[] b = WeightCommandsTest.run(0, "align", "--model", GENERATIONS, "--table", "us-bias", "--population",
                D + "ground_truth_every_country.csv", "--countries", D + "country_languages.csv", "--bootstrap", "100");
        JsonNode bias = M.readTree(b[0]).get("rows");
        assertThat(bias.size()).isEqualTo(9 * 12);
        JsonNode first = bias.get(0);
        assertThat(first.get("local").asText()).isEqualTo("DK");
        assertThat(first.get("reference").asText()).isEqualTo("US");
        assertThat(first.get("difference").asDouble())
                .isCloseTo(first.get("rhoReference").asDouble() - first.get("rhoLocal").asDouble(),
                        org.assertj.core.api.Assertions.within(1e-15));
    }

    /**
     * {@code --table language-difference} and {@code language-consistency} on the released-data slice of
     * tools/language_consistency_reference.py, written as a CSV: every value of the reference (explicit
     * pairs, scipy, the same seeded resamples and permutations) to 1e-12; md and csv outputs; reruns
     * byte for byte; options that do not apply are refused.
     */
    @Test
    void languageConsistencyEqualsTheReference(@TempDir Path dir) throws IOException {
        JsonNode c = fixture("language-consistency.json").get("cases").get(1);
        assertThat(c.get("name").asText()).isEqualTo("released slice");
        StringBuilder csv = new StringBuilder("model_name,language,question_key,response_pro_score\n");
        for (JsonNode g : c.get("generations")) {
            csv.append(g.get("model").asText()).append(',').append(g.get("language").asText()).append(',')
                    .append(g.get("item").asText()).append(',').append(g.get("score").asText()).append('\n');
        }
        Path file = dir.resolve("slice.csv");
        Files.writeString(file, csv);
        String[] common = {"align", "--model", file.toString(), "--bootstrap", c.get("resamples").asText(), "--permutations",
            c.get("permutations").asText(), "--seed", c.get("seed").asText()};
        String[] d = WeightCommandsTest.run(0, concat(common, "--table", "language-difference"));
        assertThat(WeightCommandsTest.run(0, concat(common, "--table", "language-difference"))[0]).isEqualTo(d[0]);
        JsonNode diff = M.readTree(d[0]);
        assertThat(diff.get("metadata").get("seed").asText()).isEqualTo(c.get("seed").asText());
        String[] w = WeightCommandsTest.run(0, concat(common, "--table", "language-consistency"));
        JsonNode rows = M.readTree(w[0]).get("rows");
        assertThat(rows.size()).isEqualTo(2 * (4 + 6 + 2));
        int checked = 0;
        for (JsonNode r : c.get("results")) {
            JsonNode row = find(diff.get("rows"), r, null);
            if (!r.has("betweenPairs")) {
                JsonNode one = find(rows, r, "within");
                close(one.get("consistency"), r.get("within"));
                close(one.get("ciLow"), r.get("withinCi").get(0));
                close(one.get("ciHigh"), r.get("withinCi").get(1));
                assertThat(one.get("pairs").asLong()).isEqualTo(r.get("withinPairs").asLong());
                checked++;
                continue;
            }
            close(row.get("within"), r.get("within"));
            close(row.get("between"), r.get("between"));
            close(row.get("difference"), r.get("difference"));
            close(row.get("ciLow"), r.get("differenceCi").get(0));
            close(row.get("ciHigh"), r.get("differenceCi").get(1));
            close(row.get("p"), r.get("p"));
            close(row.get("pTwoSided"), r.get("pTwoSided"));
            close(row.get("nullDifference"), r.get("nullDifference"));
            assertThat(row.get("betweenPairs").asLong()).isEqualTo(r.get("betweenPairs").asLong());
            JsonNode between = find(rows, r, "between");
            close(between.get("ciLow"), r.get("betweenCi").get(0));
            close(between.get("ciHigh"), r.get("betweenCi").get(1));
            checked++;
        }
        assertThat(checked).isEqualTo(22);
        String md = WeightCommandsTest.run(0, concat(common, "--table", "language-difference", "--format", "md"))[0];
        assertThat(md).contains("| model").contains("within minus between").contains("gpt-4o");
        String csvOut = WeightCommandsTest.run(0, concat(common, "--table", "language-consistency", "--format", "csv"))[0];
        assertThat(csvOut.lines().findFirst().orElseThrow()).startsWith("model,languages,kind,pairs,consistency,ciLow,ciHigh");
        assertThat(csvOut.lines().count()).isGreaterThan(24);
        String[] bad = WeightCommandsTest.run(2, concat(common, "--table", "language-consistency", "--consistency-method",
                "pearson"));
        assertThat(bad[1]).contains("Spearman only");
        assertThat(WeightCommandsTest.run(2, concat(common, "--table", "language-difference", "--permutations", "-1"))[1])
                .contains("--permutations");
    }

    private static String[] concat(String[] a, String... b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l.toArray(new String[0]);
    }

    private static JsonNode find(JsonNode rows, JsonNode ref, String kind) {
        for (JsonNode x : rows) {
            if (x.get("model").asText().equals(ref.get("model").asText())
                    && x.get("languages").asText().equals(ref.get("languages").asText())
                    && (kind == null || x.get("kind").asText().equals(kind))) {
                return x;
            }
        }
        return null;
    }

    private static void close(JsonNode actual, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            assertThat(actual == null || actual.isNull()).isTrue();
        } else {
            assertThat(actual.asDouble()).isCloseTo(expected.asDouble(), org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void jsonlWithLabelsAndBadInput(@TempDir Path dir) throws IOException {
        Path jsonl = dir.resolve("out.jsonl");
        StringBuilder sb = new StringBuilder();
        String[] items = {"F120", "F121", "E001", "D054"};
        for (int i = 0; i < items.length; i++) {
            for (int g = 1; g <= 3; g++) {
                sb.append("{\"model\":\"toy\",\"family\":\"t\",\"language\":\"da\",\"item\":\"").append(items[i].toLowerCase())
                        .append("\",\"generation\":").append(g).append(",\"labels\":[");
                for (int k = 0; k < 10; k++) {
                    sb.append(k > 0 ? "," : "").append(k < 2 + 2 * i + g ? "\"pro\"" : k % 2 == 0 ? "\"con\"" : "\"null\"");
                }
                sb.append("]}\n");
            }
        }
        sb.append("{\"model\":\"toy\",\"language\":\"da\",\"item\":\"F120\",\"generation\":9,\"labels\":[\"null\"]}\n");
        Files.writeString(jsonl, sb.toString());
        String[] r = WeightCommandsTest.run(0, "align", "--model", jsonl.toString(), "--population", D + "ground_truth_every_country.csv",
                "--bootstrap", "50");
        JsonNode rows = M.readTree(r[0]).get("rows");
        assertThat(rows.size()).isEqualTo(13);
        assertThat(rows.get(0).get("n").asInt()).isEqualTo(4);
        assertThat(r[1]).contains("excluded 1 of 13 generations").contains("1 no pro or con label");
        Files.writeString(jsonl, "{\"model\":\"toy\",\"language\":\"da\",\"item\":\"F120\",\"labels\":[\"pro\",\"pros\"]}\n");
        String[] bad = WeightCommandsTest.run(1, "align", "--model", jsonl.toString(), "--population", D + "ground_truth_global.csv");
        assertThat(bad[1]).contains("line 1").contains("\"pros\"").doesNotContain("Exception");
        WeightCommandsTest.run(2, "align", "--model", GENERATIONS, "--level", "sentence", "--population", D + "ground_truth_global.csv");
        WeightCommandsTest.run(2, "align", "--model", GENERATIONS);
        WeightCommandsTest.run(2, "align", "--model", GENERATIONS, "--table", "us-bias", "--population", D + "ground_truth_global.csv");
    }

    @Test
    void vpsOutputIsAPopulationFileAndCsvColumnsAreConfigurable(@TempDir Path dir) throws IOException {
        Path vps = dir.resolve("vps.json");
        WeightCommandsTest.run(0, "vps", "--data", WeightCommandsTest.DATA, "--items", WeightCommandsTest.ITEMS, "--by",
                "B_COUNTRY_ALPHA", "--out", vps.toString());
        JsonNode scores = M.readTree(Files.readString(vps)).get("rows");
        Path csv = dir.resolve("scores.csv");
        StringBuilder sb = new StringBuilder("who,prompt_lang,q,p\n");
        String[] items = {"Q1", "Q2", "Q6", "Q33", "Q57", "Q164"};
        double[] model = {0.9, 0.8, 0.3, 0.2, 0.5, 0.1};
        for (int i = 0; i < items.length; i++) {
            sb.append("toy,en,").append(items[i].toLowerCase()).append(',').append(model[i]).append('\n');
            sb.append("toy,en,").append(items[i]).append(',').append(model[i]).append('\n');
        }
        Files.writeString(csv, sb.toString());
        String[] r = WeightCommandsTest.run(0, "align", "--model", csv.toString(), "--population", vps.toString(),
                "--column", "model=who", "--column", "language=prompt_lang", "--column", "item=q", "--column", "score=p",
                "--bootstrap", "0");
        JsonNode rows = M.readTree(r[0]).get("rows");
        assertThat(rows.size()).isEqualTo(6);
        JsonNode usa = null;
        for (JsonNode x : rows) {
            if (x.get("population").asText().equals("USA")) {
                usa = x;
            }
        }
        double[] y = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            for (JsonNode s : scores) {
                if (s.get("population").asText().equals("USA") && s.get("item").asText().equals(items[i])) {
                    y[i] = s.get("vps").asDouble();
                }
            }
        }
        assertThat(usa.get("n").asInt()).isEqualTo(6);
        assertThat(usa.get("rho").asDouble()).isEqualTo(
                org.pluralstats.stats.Correlation.spearman(model, y).statistic().getAsDouble());
        WeightCommandsTest.run(2, "align", "--model", csv.toString(), "--population", vps.toString(), "--column", "colour=p");
    }

    @Test
    void similarityEqualsScipyAndPrintsTable1() throws IOException {
        Path res = Path.of("pluralstats-core/src/test/resources/org/pluralstats/align/similarity");
        String human = res.resolve("human.csv").toString();
        String model = res.resolve("model.json").toString();
        JsonNode ref = fixture("similarity.json");
        String[] w = WeightCommandsTest.run(0, "similarity", "--human", human, "--model", model, "--seed", "3");
        JsonNode rows = M.readTree(w[0]).get("rows");
        assertThat(rows.size()).isEqualTo(2);
        for (int k = 0; k < 2; k++) {
            JsonNode s = ref.get("summaries").get(k);
            assertThat(rows.get(k).get("population").asText()).isEqualTo(s.get("population").asText());
            assertThat(rows.get(k).get("similarity").asDouble())
                    .isCloseTo(s.get("wassersteinSimilarity").asDouble(), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(rows.get(k).get("unclassifiableShare").asDouble())
                    .isCloseTo(s.get("unclassifiableShare").asDouble(), org.assertj.core.api.Assertions.within(1e-15));
            assertThat(rows.get(k).get("logBase").isNull()).isTrue();
        }
        assertThat(w[1]).contains("1 no model distribution").contains("1 no human distribution")
                .contains("1 no classifiable model output");
        assertThat(WeightCommandsTest.run(0, "similarity", "--human", human, "--model", model, "--seed", "3")[0]).isEqualTo(w[0]);
        String[] j = WeightCommandsTest.run(0, "similarity", "--human", human, "--model", model, "--metric", "jsd",
                "--log-base", "e", "--bootstrap", "0");
        JsonNode jr = M.readTree(j[0]).get("rows");
        assertThat(jr.get(1).get("similarity").asDouble())
                .isCloseTo(ref.get("summaries").get(1).get("jsdSimilarityNatural").asDouble(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(jr.get(1).get("ciLow").isNull()).isTrue();
        String[] md = WeightCommandsTest.run(0, "similarity", "--human", human, "--model", model, "--format", "md");
        assertThat(md[0]).contains("| US | wasserstein | 3 | 0.809 | 0.702 | 0.900 | 0.275 | 290 | 110 | 2 | – | 1000 |")
                .contains("seed: 20250224; confidence level: 0.95; left out (population × question): no model distribution 1");
        String[] q = WeightCommandsTest.run(0, "similarity", "--human", human, "--model", model, "--per-question", "--format", "csv");
        assertThat(q[0].lines().count()).isEqualTo(1 + 6);
        WeightCommandsTest.run(2, "similarity", "--human", human, "--model", model, "--metric", "kl");
        // total variation: each question's similarity is 1 - TV, the summary their mean
        String[] tv = WeightCommandsTest.run(0, "similarity", "--human", human, "--model", model, "--metric", "tv",
                "--per-question", "--format", "csv");
        List<String[]> tq = tv[0].lines().skip(1).map(l -> l.split(",")).toList();
        assertThat(tq).hasSize(6);
        String[] header = tv[0].lines().findFirst().orElseThrow().split(",");
        int sim = java.util.Arrays.asList(header).indexOf("similarity");
        int dist = java.util.Arrays.asList(header).indexOf("distance");
        for (String[] r : tq) {
            assertThat(Double.parseDouble(r[sim])).isCloseTo(1 - Double.parseDouble(r[dist]),
                    org.assertj.core.api.Assertions.within(1e-15));
            assertThat(Double.parseDouble(r[dist])).isBetween(0.0, 1.0);
        }
        JsonNode ts = M.readTree(WeightCommandsTest.run(0, "similarity", "--human", human, "--model", model, "--metric",
                "tv", "--bootstrap", "0")[0]).get("rows");
        assertThat(ts.get(0).get("metric").asText()).isEqualTo("tv");
        String pop = ts.get(0).get("population").asText();
        double mean = tq.stream().filter(r -> r[0].equals(pop)).mapToDouble(r -> Double.parseDouble(r[sim])).average()
                .orElseThrow();
        assertThat(ts.get(0).get("similarity").asDouble()).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-12));
    }
}
