package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pluralstats agreement} on the sample annotation file against tools/agreement_reference.py's values
 * for the same scores, its errors, and {@code align --reliability FILE}.
 */
class AgreementCommandTest {
    static final String SAMPLE = "data-samples/annotations/judge-validation.csv";
    static final String REFERENCE = "pluralstats-core/src/test/resources/org/pluralstats/agreement/agreement-reference.json";
    static final ObjectMapper M = new ObjectMapper();

    static JsonNode scoresCase() throws IOException {
        for (JsonNode c : M.readTree(Files.readString(Path.of(REFERENCE))).get("cases")) {
            if (c.get("name").asText().equals("scores")) {
                return c;
            }
        }
        throw new AssertionError("no scores case");
    }

    static Map<String, JsonNode> rows(String json) throws IOException {
        Map<String, JsonNode> m = new HashMap<>();
        M.readTree(json).get("rows").forEach(r -> m.put(r.get("statistic").asText() + "|" + r.get("level").asText(), r));
        return m;
    }

    @Test
    void scoresEqualTheReference(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("agreement.json");
        WeightCommandsTest.run(0, "agreement", "--data", SAMPLE, "--raters", "human,judge", "--level", "interval", "--weights",
                "quadratic", "--out", out.toString());
        String json = Files.readString(out);
        assertThat(json).doesNotContain("NaN");
        JsonNode ref = scoresCase();
        Map<String, JsonNode> r = rows(json);
        assertThat(r).hasSize(7);
        assertThat(r.get("Krippendorff's alpha|interval").get("estimate").asDouble())
                .isCloseTo(ref.get("alpha").get("interval").asDouble(), within(1e-12));
        assertThat(r.get("Krippendorff's alpha|interval").get("values").asLong()).isEqualTo(ref.get("pairableValues").asLong());
        assertThat(r.get("mean absolute error|interval").get("estimate").asDouble())
                .isCloseTo(ref.get("mae").get("mae").asDouble(), within(1e-12));
        for (String w : new String[] {"none", "quadratic"}) {
            JsonNode k = r.get("Cohen's kappa|" + w);
            JsonNode e = ref.get("cohen").get(w);
            assertThat(k.get("estimate").asDouble()).isCloseTo(e.get("kappa").asDouble(), within(1e-12));
            assertThat(k.get("se").asDouble()).isCloseTo(e.get("std_kappa").asDouble(), within(1e-12));
            assertThat(k.get("ciHigh").asDouble()).isCloseTo(e.get("kappa_upp").asDouble(), within(1e-12));
        }
        assertThat(r.get("Fleiss' kappa|nominal").get("note").asText()).isEqualTo("2 unit(s) with a missing rating left out");
        JsonNode meta = M.readTree(json).get("metadata");
        assertThat(meta.get("raters").asText()).isEqualTo("human, judge");
        assertThat(meta.get("units").asText()).isEqualTo("50");
    }

    @Test
    void labelsAndMarkdown() {
        String[] md = WeightCommandsTest.run(0, "agreement", "--data", SAMPLE, "--raters", "human_label, judge_label", "--format", "md");
        assertThat(md[0]).contains("| percent agreement |  | 0.9167 |").contains("| Krippendorff's alpha | nominal |");
        assertThat(md[1]).isEmpty();
    }

    @Test
    void errorsAreOneLocatedLine() {
        String[] missing = WeightCommandsTest.run(1, "agreement", "--data", SAMPLE, "--raters", "human,llm");
        assertThat(missing[1].strip()).isEqualTo("pluralstats: " + SAMPLE + ", line 1, column \"llm\": found "
                + "\"unit,human,judge,human_label,judge_label\", expected a column llm in the header (one column per rater)");
        String[] ordinalLabels = WeightCommandsTest.run(1, "agreement", "--data", SAMPLE, "--raters", "human_label,judge_label",
                "--level", "ordinal");
        assertThat(ordinalLabels[1]).contains("ordinal level need numeric ratings; found text labels (con, neutral, pro)")
                .doesNotContain("\tat ");
        WeightCommandsTest.run(2, "agreement", "--data", SAMPLE, "--raters", "human");
        WeightCommandsTest.run(2, "agreement", "--data", SAMPLE, "--raters", "human,judge", "--level", "cardinal");
        WeightCommandsTest.run(2, "agreement", "--data", SAMPLE, "--raters", "human,judge", "--weights", "cubic");
    }

    @Test
    void undefinedStatisticsAreNullAndSaidOnStandardError(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("same.csv"), "a,b\nyes,yes\nyes,yes\nyes,\n");
        String[] r = WeightCommandsTest.run(0, "agreement", "--data", f.toString(), "--raters", "a,b");
        JsonNode kappa = rows(r[0]).get("Cohen's kappa|none");
        assertThat(kappa.get("estimate").isNull()).isTrue();
        assertThat(kappa.get("note").asText()).contains("one category only");
        assertThat(r[1]).contains("pluralstats: Cohen's kappa (none) is undefined (null): one category only");
        assertThat(rows(r[0]).get("percent agreement|").get("estimate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void reliabilityFileDividesSelfConsistencyByOneMinusTheJudgeError(@TempDir Path dir) throws IOException {
        String model = AlignCommandsTest.GENERATIONS;
        JsonNode byDefault = M.readTree(WeightCommandsTest.run(0, "align", "--model", model, "--table", "consistency",
                "--bootstrap", "0")[0]);
        JsonNode byFile = M.readTree(WeightCommandsTest.run(0, "align", "--model", model, "--table", "consistency",
                "--bootstrap", "0", "--reliability", SAMPLE)[0]);
        JsonNode byNumber = M.readTree(WeightCommandsTest.run(0, "align", "--model", model, "--table", "consistency",
                "--bootstrap", "0", "--reliability", "0.5")[0]);
        double factor = 1 - scoresCase().get("mae").get("mae").asDouble();
        assertThat(factor).isCloseTo(0.9529166666666667, within(1e-12));
        assertThat(byDefault.get("metadata").get("reliability").asText()).startsWith("0.955 (default: 1 - the 4.5% mean absolute error");
        assertThat(byFile.get("metadata").get("reliability").asText()).startsWith(factor + " (1 - mean absolute error")
                .endsWith("over 48 units (" + SAMPLE + "))");
        assertThat(byNumber.get("metadata").get("reliability").asText()).isEqualTo("0.5 (given)");
        int checked = 0;
        for (int i = 0; i < byDefault.get("rows").size(); i++) {
            JsonNode d = byDefault.get("rows").get(i);
            JsonNode f = byFile.get("rows").get(i);
            if (d.get("selfConsistency").isNull()) {
                continue;
            }
            assertThat(f.get("reliability").asDouble()).isCloseTo(factor, within(1e-15));
            assertThat(f.get("observed").asDouble()).isEqualTo(d.get("observed").asDouble());
            assertThat(f.get("selfConsistency").asDouble())
                    .isCloseTo(d.get("selfConsistency").asDouble() * 0.955 / factor, within(1e-12));
            assertThat(byNumber.get("rows").get(i).get("selfConsistency").asDouble())
                    .isCloseTo(d.get("observed").asDouble() / 0.5, within(1e-12));
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
        WeightCommandsTest.run(2, "align", "--model", model, "--table", "consistency", "--reliability", "missing.csv");
        Path copy = Files.copy(Path.of(SAMPLE), dir.resolve("annotations.csv"));
        String before = Files.readString(copy);
        String[] same = WeightCommandsTest.run(1, "align", "--model", model, "--table", "consistency", "--bootstrap", "0",
                "--reliability", copy.toString(), "--out", copy.toString());
        assertThat(same[1]).startsWith("pluralstats: ").contains(copy.getFileName().toString());
        assertThat(Files.readString(copy)).isEqualTo(before);
        WeightCommandsTest.run(2, "align", "--model", model, "--table", "consistency", "--reliability", "0");
    }
}
