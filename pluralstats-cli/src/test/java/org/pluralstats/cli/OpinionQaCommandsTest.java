package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code distributions --opinionqa} and {@code similarity --human WAVE --human-by COLUMN} on the synthetic OpinionQA
 * wave W99, against tools/opinionqa_reference.py (OpinionQA's extract_human_opinions in pandas 1.5.3; scipy
 * 1.10.1's wasserstein_distance / (max - min ordinal)).
 */
class OpinionQaCommandsTest {
    private static final Path DIR = Path.of("pluralstats-core/src/test/resources/org/pluralstats/io/opinion");
    private static final String WAVE = DIR.resolve("American_Trends_Panel_W99").toString();

    @Test
    void distributionsOfAnOpinionQaWaveEqualTheReferenceCode() throws IOException {
        CliRunner.Result r = CliRunner.run("distributions", "--opinionqa", WAVE, "--by", "CREGION", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out()).get("rows");
        Map<String, JsonNode> byOption = new HashMap<>();
        rows.forEach(row -> byOption.put(row.get("population").asText() + "|" + row.get("question").asText() + "|"
                + row.get("option").asText(), row));
        JsonNode ref = new ObjectMapper().readTree(DIR.resolve("opinionqa_w99_reference.json").toFile())
                .get("groupings").get("CREGION").get("distributions");
        int compared = 0;
        for (JsonNode e : ref) {
            if (e.has("left_out")) {
                continue;
            }
            for (int k = 0; k < e.get("options").size(); k++) {
                String id = e.get("population").asText() + "|" + e.get("question").asText() + "|" + e.get("options").get(k).asText();
                JsonNode row = byOption.get(id);
                assertThat(row).as(id).isNotNull();
                assertThat(row.get("share").asDouble()).as(id).isCloseTo(e.get("shares").get(k).asDouble(), within(1e-12));
                assertThat(row.get("refusal_share").asDouble()).as(id).isCloseTo(e.get("refusal_share").asDouble(), within(1e-12));
                assertThat(row.get("ordinal").asDouble()).isEqualTo(e.get("ordinal").get(k).asDouble());
                compared++;
            }
        }
        assertThat(rows).hasSize(compared);
        assertThat(r.err()).contains("300 respondents: 271 kept, 25 outside every group", "West / INDUSTRY_W99 (no weight",
                "line 7, column WORK2_W99", "\"Not sure\"");

        CliRunner.Result md = CliRunner.run("distributions", "--opinionqa", WAVE, "--questions", "CARS10A_W99");
        assertThat(md.exitCode()).as(md.err()).isZero();
        assertThat(md.out()).contains("| population", "refusal_share", "| Overall", "Yes, likely", "WEIGHT_W99");
        assertThat(md.out().lines().filter(l -> l.startsWith("| Overall")).count()).isEqualTo(2);
    }

    @Test
    void similarityPerRegionEqualsScipysWassersteinAsOpinionQaNormalisesIt() throws IOException {
        CliRunner.Result r = CliRunner.run("similarity", "--human", WAVE, "--human-by", "CREGION",
                "--model", DIR.resolve("model_on_w99.json").toString(), "--bootstrap", "0", "--per-question");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("opinionqa_w99_similarity.json").toFile());
        JsonNode rows = new ObjectMapper().readTree(r.out()).get("rows");
        int n = 0;
        for (JsonNode row : rows) {
            JsonNode e = expected.get("per_question").get(row.get("population").asText()).get(row.get("question").asText());
            assertThat(row.get("similarity").asDouble()).as(row.toString()).isCloseTo(e.asDouble(), within(1e-12));
            n++;
        }
        assertThat(n).isEqualTo(15); // 4 regions x 4 questions, West's INDUSTRY_W99 has no human distribution

        CliRunner.Result summary = CliRunner.run("similarity", "--human", DIR.resolve("American_Trends_Panel_W99/responses.csv").toString(),
                "--human-by", "CREGION", "--model", DIR.resolve("model_on_w99.json").toString(), "--bootstrap", "0");
        assertThat(summary.exitCode()).as(summary.err()).isZero();
        for (JsonNode row : new ObjectMapper().readTree(summary.out()).get("rows")) {
            assertThat(row.get("similarity").asDouble()).as(row.toString())
                    .isCloseTo(expected.get("mean").get(row.get("population").asText()).asDouble(), within(1e-12));
        }
        assertThat(summary.err()).contains("300 respondents", "1 population x question pairs without a human distribution");
    }

    @Test
    void misusedOptionsAreRefusedWithoutAStackTrace() {
        CliRunner.Result notAWave = CliRunner.run("similarity", "--human", DIR.resolve("global_opinions_sample.csv").toString(),
                "--human-by", "CREGION", "--model", DIR.resolve("model_on_sample.json").toString());
        assertThat(notAWave.exitCode()).isEqualTo(2);
        assertThat(notAWave.err()).contains("--human-by groups an OpinionQA wave").doesNotContain("\tat ");

        CliRunner.Result neither = CliRunner.run("distributions", "--by", "SEX");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("either --data FILE --by COLUMN or --opinionqa DIR");

        CliRunner.Result unknownGroup = CliRunner.run("distributions", "--opinionqa", WAVE, "--by", "AGE");
        assertThat(unknownGroup.exitCode()).isNotZero();
        assertThat(unknownGroup.err()).contains("metadata.csv", "AGE").doesNotContain("\tat ");
    }
}
