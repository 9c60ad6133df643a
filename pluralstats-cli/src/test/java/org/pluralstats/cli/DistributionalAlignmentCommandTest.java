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
 * {@code similarity --human global_opinions.csv --model answers.jsonl}: per model × condition × persona ×
 * population and metric, the scores and baselines scipy gives (tools/distributional_reference.py), every
 * answer line accounted for on standard error, and the steerability table.
 */
class DistributionalAlignmentCommandTest {
    private static final Path DIR = Path.of("pluralstats-core/src/test/resources/org/pluralstats/align");

    private static CliRunner.Result similarity(String... more) {
        String[] args = new String[4 + more.length + 1];
        args[0] = "similarity";
        args[1] = "--human";
        args[2] = DIR.resolve("distributional_humans.csv").toString();
        args[3] = "--model=" + DIR.resolve("distributional_answers.jsonl");
        System.arraycopy(more, 0, args, 4, more.length);
        args[args.length - 1] = "--bootstrap=100";
        return CliRunner.run(args);
    }

    @Test
    void summaryEqualsScipyWithBaselines() throws IOException {
        CliRunner.Result r = similarity("--metric", "wasserstein,jsd");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, JsonNode> expected = new HashMap<>();
        for (JsonNode e : new ObjectMapper().readTree(DIR.resolve("distributional_reference.json").toFile()).get("summaries")) {
            expected.put(e.get("model").asText() + "|" + e.get("condition").asText() + "|" + e.get("persona").asText() + "|"
                    + e.get("population").asText() + "|" + e.get("metric").asText(), e);
        }
        JsonNode rows = new ObjectMapper().readTree(r.out()).get("rows");
        assertThat(rows).hasSize(2 * (5 + 3 + 5));
        for (JsonNode row : rows) {
            String k = row.get("model").asText() + "|" + row.get("condition").asText() + "|" + row.get("persona").asText()
                    + "|" + row.get("population").asText() + "|" + row.get("metric").asText();
            JsonNode e = expected.get(k);
            assertThat(e).as(k).isNotNull();
            for (String field : new String[] {"score", "uniform", "majority", "otherPopulations"}) {
                assertThat(row.get(field).asDouble()).as(k + " " + field).isCloseTo(e.get(field).asDouble(), within(1e-12));
            }
            assertThat(row.get("ciLow").asDouble()).isLessThanOrEqualTo(row.get("score").asDouble());
        }
        assertThat(r.err()).contains("698 lines: 690 sampled answers, 7 probability lines, 1 blank; 31 model distributions")
                .contains("left out model question x population pairs: 2 no human distribution");
    }

    @Test
    void theReportShowsTheSameTables(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report");
        String humans = DIR.resolve("distributional_humans.csv").toString();
        String answers = DIR.resolve("distributional_answers.jsonl").toString();
        CliRunner.Result r = CliRunner.run("report", "--human", humans, "--answers", answers, "--bootstrap", "50",
                "--seed", "7", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] cli = {"similarity", "--human", humans, "--model", answers, "--bootstrap", "50", "--seed", "7"};
        assertThat(CliRunner.run(cli).out()).isEqualTo(ReportJson.withoutProvenance(Files.readString(out.resolve("tables/opinions-summary.json"))));
        assertThat(CliRunner.run(AlignTablesMatchReportTest.concat(cli, "--table", "steerability", "--format", "csv")).out())
                .isEqualTo(Files.readString(out.resolve("tables/opinions-steerability.csv")));
        assertThat(CliRunner.run(AlignTablesMatchReportTest.concat(cli, "--table", "questions", "--format", "csv")).out())
                .isEqualTo(Files.readString(out.resolve("tables/opinions-questions.csv")));
        assertThat(Files.readString(out.resolve("index.html"))).contains("opinions-by-population", "baseline: uniform");
    }

    @Test
    void microdataAreTheHumanSideInEveryFormatWithSplitHalfCeilings(@TempDir Path dir) throws IOException {
        Path answers = dir.resolve("answers.jsonl");
        Files.writeString(answers, """
                {"model":"m","question":"Q57","answer":"1"}
                {"model":"m","question":"Q57","answer":"2"}
                {"model":"m","question":"Q1","answer":"1"}
                {"model":"m","question":"Q1","answer":"2"}
                {"model":"m","question":"Q1","answer":"4"}
                """);
        String first = null;
        for (String format : new String[] {"csv", "sav", "zsav", "dta"}) {
            CliRunner.Result r = CliRunner.run("similarity", "--human-data", "data-samples/wvs-sample/wvs7-sample." + format,
                    "--items", "data-samples/wvs-sample/items.json", "--by", "B_COUNTRY_ALPHA", "--model", answers.toString(),
                    "--metric", "wasserstein", "--splits", "20", "--bootstrap", "50", "--format", "csv");
            assertThat(r.exitCode()).as(format + ": " + r.err()).isZero();
            if (first == null) {
                first = r.out();
                assertThat(first).contains(",splitHalf,").contains("m,,,DNK,wasserstein,2,");
            } else {
                assertThat(r.out()).as(format).isEqualTo(first);
            }
        }
        CliRunner.Result bad = CliRunner.run("similarity", "--human-data", "data-samples/wvs-sample/wvs7-sample.csv",
                "--model", answers.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--human-data needs --by");
    }

    @Test
    void anOpinionQaWaveAgainstSampledAnswersEqualsScipy(@TempDir Path dir) throws IOException {
        // model_on_w99.json's counts written out as one sampled answer per line
        Path opinion = Path.of("pluralstats-core/src/test/resources/org/pluralstats/io/opinion");
        StringBuilder lines = new StringBuilder();
        for (JsonNode d : new ObjectMapper().readTree(opinion.resolve("model_on_w99.json").toFile())) {
            for (int k = 0; k < d.get("options").size(); k++) {
                for (int c = 0; c < d.get("counts").get(k).asInt(); c++) {
                    lines.append("{\"model\":\"m\",\"population\":").append(d.get("population")).append(",\"question\":")
                            .append(d.get("question")).append(",\"answer\":").append(d.get("options").get(k)).append("}\n");
                }
            }
        }
        Path answers = dir.resolve("w99.jsonl");
        Files.writeString(answers, lines);
        CliRunner.Result r = CliRunner.run("similarity", "--human", opinion.resolve("American_Trends_Panel_W99").toString(),
                "--human-by", "CREGION", "--model", answers.toString(), "--metric", "wasserstein", "--table", "questions",
                "--bootstrap", "0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode expected = new ObjectMapper().readTree(opinion.resolve("opinionqa_w99_similarity.json").toFile()).get("per_question");
        int compared = 0;
        for (JsonNode row : new ObjectMapper().readTree(r.out()).get("rows")) {
            JsonNode e = expected.get(row.get("population").asText()).get(row.get("question").asText());
            assertThat(row.get("score").asDouble()).as(row.toString()).isCloseTo(e.asDouble(), within(1e-12));
            compared++;
        }
        assertThat(compared).isEqualTo(15);
    }

    @Test
    void steerabilityTableAndKlOnlyForAnswerFiles() {
        CliRunner.Result r = similarity("--table", "steerability", "--format", "csv", "--metric", "wasserstein");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("model,condition,metric,personas,steered,best,bestScore,worst,worstScore,unsteered,gain")
                .contains("example-chat,persona,wasserstein,3,");
        CliRunner.Result kl = CliRunner.run("similarity", "--human", DIR.resolve("distributional_humans.csv").toString(),
                "--model", "pluralstats-core/src/test/resources/org/pluralstats/io/opinion/model_on_sample.json", "--metric", "kl");
        assertThat(kl.exitCode()).isEqualTo(2);
        assertThat(kl.err()).contains("--metric kl needs a model answer file (.jsonl)");
    }
}
