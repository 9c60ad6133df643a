package org.pluralstats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.Progress;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.report.html.HtmlReport;
import org.pluralstats.report.html.ReportTable;
import org.pluralstats.run.Analysis;
import org.pluralstats.run.AnalysisRun;

/** The report of the embedded data samples, end to end (data-samples/analysis.json). */
class AnalysisReportTest {
    static AnalysisReport report;

    @TempDir
    Path dir;

    @BeforeAll
    static void run() {
        report = AnalysisReport.of(AnalysisRun.of(Analysis.read(Path.of("data-samples/analysis.json")), Progress.none()));
    }

    @Test
    void theSampleAnalysisNamesEveryInput() {
        Analysis a = report.run().analysis();
        assertThat(a.forms().orElseThrow().groups()).containsOnlyKeys("Arabic", "Chinese", "Farsi", "English");
        assertThat(a.forms().orElseThrow().groups().get("Farsi")).isEqualTo(Path.of("data-samples/pilot-survey/farsi.csv")
                .toAbsolutePath().normalize());
        assertThat(a.wvs().orElseThrow().files()).extracting(p -> p.getFileName().toString())
                .containsExactly("wvs7-sample.csv", "wvs7-sample.sav", "wvs7-sample.zsav", "wvs7-sample.dta");
        Analysis.Models m = a.models().orElseThrow();
        assertThat(m.outputs()).extracting(p -> p.getFileName().toString())
                .containsExactly("all_lang_model_responses_with_scores.csv");
        assertThat(m.resamples()).isEqualTo(200);
        assertThat(a.similarity().orElseThrow().human().getFileName()).hasToString("human-distributions.csv");
        assertThat(a.opinions().orElseThrow().answers().getFileName()).hasToString("model-answers.jsonl");
    }

    @Test
    void atLeastEightChartsAndTheTablesBesideThePage() throws Exception {
        HtmlReport html = report.html();
        assertThat(report.sections()).extracting(s -> s.id()).containsExactly("forms", "scores", "alignment", "us-bias",
                "similarity", "opinions", "regression", "regression-2");
        assertThat(html.figures()).extracting(f -> f.id()).containsExactly("forms-means", "forms-share-q4",
                "scores-correlations", "scores-by-population", "scores-weights", "alignment-own-language",
                "alignment-self-consistency", "alignment-language-consistency", "us-bias-difference",
                "similarity-by-population", "opinions-by-population", "regression-coefficient-plot",
                "regression-residuals-fitted", "regression-random-effects-plot", "regression-2-coefficient-plot", "regression-2-residuals-fitted");
        HtmlReport.Written w = html.write(dir);
        String page = Files.readString(w.index());
        assertThat(page).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"?(https?:)?//")
                .doesNotContainPattern("(?i)<script|<link|@import|url\\(");
        Matcher m = Pattern.compile("<svg ").matcher(page);
        int charts = 0;
        while (m.find()) {
            charts++;
        }
        assertThat(charts).isEqualTo(16).isGreaterThanOrEqualTo(8);
        // labels in Arabic, Farsi and Chinese, in their own scripts
        assertThat(page).contains("Arabic · العربية", "Farsi · فارسی", "Chinese · 中文", "direction=\"rtl\"");
        for (ReportTable t : html.tables()) {
            assertThat(dir.resolve("tables").resolve(t.id() + ".csv")).isRegularFile();
            assertThat(dir.resolve("tables").resolve(t.id() + ".json")).isRegularFile();
        }
        assertThat(dir.resolve("tables/forms-table1.csv")).content().contains("English,22,4.863636363636363",
                "Farsi,11,2.272727272727273");
        assertThat(page).contains("Alignment with each prompt language", "gpt-4o", "da · Dansk",
                "da: US − DK", "Wasserstein similarity", "unclassifiable share");
        assertThat(page).contains("Self-consistency within and between prompt languages");
        for (String t : List.of("alignment-rows", "alignment-self-consistency", "alignment-language-consistency",
                "alignment-language-difference", "us-bias-rows", "similarity-summary",
                "similarity-questions")) {
            assertThat(dir.resolve("tables").resolve(t + ".json")).isRegularFile();
        }
    }

    @Test
    void theReleasedDataAlignAsDocumented() {
        AnalysisRun.ModelAlignment a = report.run().alignment().orElseThrow();
        assertThat(a.outputs().generations()).hasSize(9148);
        // 9 models × 4 languages × the 4 language populations; docs/alignment.md: gpt-4o, Danish, 0.777
        assertThat(a.alignment().orElseThrow().rows()).hasSize(144);
        var r = a.alignment().orElseThrow().rows().stream().filter(x -> x.model().equals("gpt-4o") && x.language().equals("da")
                && x.population().equals("da")).findFirst().orElseThrow();
        assertThat(r.rho()).isCloseTo(0.777, within(5e-4));
        assertThat(r.resamples()).isEqualTo(200);
        assertThat(r.ciLow()).isLessThan(r.rho());
        assertThat(r.ciHigh()).isGreaterThan(r.rho());
        assertThat(a.consistency().rows()).hasSize(36);
        // §2.2: within a language above between languages for every model (docs/alignment.md); per model 4
        // languages, 6 pairs and "all" for within and between; 6 pairs and "all" for the differences
        assertThat(a.languageConsistency().rows()).hasSize(9 * (4 + 6 + 2));
        var pooled = a.languageConsistency().differences().stream().filter(d -> d.languages().equals("all")).toList();
        assertThat(pooled).hasSize(9).allSatisfy(d -> {
            assertThat(d.difference()).isPositive();
            assertThat(d.permutations()).isEqualTo(200);
            assertThat(d.p()).isBetween(1.0 / 201, 1.0);
        });
        // locals: da DK, en 8 countries (the US excluded), nl NL, pt BR and PT
        assertThat(a.usBias().orElseThrow().rows()).hasSize(9 * 12).allSatisfy(b -> assertThat(b.local()).isNotEqualTo("US"));
        var sim = report.run().similarity().orElseThrow();
        assertThat(sim.wasserstein().summaries()).extracting(s -> s.population()).containsExactly("US", "DK", "NL", "BR");
        assertThat(sim.jensenShannon().summaries()).allSatisfy(s -> assertThat(s.similarity()).isBetween(0.0, 1.0));
        assertThat(report.summary()).contains("9148 generations, 9 models × 4 languages", "highest ρ: gpt-4o da with da 0.777",
                "US: Wasserstein similarity");
    }

    @Test
    void modelOutputsAlignWithTheWvsScoresWhenNoPopulationFileIsGiven() throws Exception {
        // the invented sample outputs with its own population file; then with none and no WVS part: only self-consistency
        Path outputs = Path.of("data-samples/model-outputs/outputs.jsonl");
        Analysis.Models m = Analysis.Models.of(List.of(outputs), List.of(Path.of("data-samples/model-outputs/populations.csv")));
        AnalysisReport r = AnalysisReport.of(AnalysisRun.of(new Analysis("t", java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of(m), java.util.Optional.empty()), Progress.none()));
        // languages da and en have populations of their own name: drawn against them, 3 models × 2 languages × 2
        assertThat(r.run().alignment().orElseThrow().alignment().orElseThrow().rows()).hasSize(12).allSatisfy(x -> assertThat(x.n()).isEqualTo(12));
        assertThat(r.html().figures()).extracting(f -> f.id()).containsExactly("alignment-own-language",
                "alignment-self-consistency", "alignment-language-consistency");
        AnalysisReport alone = AnalysisReport.of(AnalysisRun.of(new Analysis("t", java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of(Analysis.Models.of(List.of(outputs), List.of())),
                java.util.Optional.empty()), Progress.none()));
        assertThat(alone.run().alignment().orElseThrow().alignment()).isEmpty();
        assertThat(alone.html().figures()).extracting(f -> f.id()).containsExactly("alignment-self-consistency",
                "alignment-language-consistency");
    }

    @Test
    void everyFileFormatGivesTheSameScores() {
        assertThat(report.run().scores().orElseThrow().agreements()).hasSize(4).allSatisfy(a -> {
            assertThat(a.agrees(ScoreSections.AGREEMENT_TOLERANCE)).as(a.toString()).isTrue();
            assertThat(a.rows()).isEqualTo(380);
            assertThat(a.scores()).isEqualTo(72);
        });
    }

    @Test
    void theSummaryHasTable1AndTheGrimFlag() {
        assertThat(report.summary()).contains("| Chinese | 16 | 3.12 | 8.88 | 3.69 | 68.8 | 6.12 | 6.00 |",
                "| English | Q6 | 1.51 | 22 | inconsistent (nearest 1.50, 1.55) | 1.50 | false |",
                "Every file format gives the same scores: csv, sav, zsav, dta.");
        assertThat(report.run().forms().orElseThrow().check().orElseThrow().cells()).hasSize(20);
        assertThat(report.run().scores().orElseThrow().scores().get("DNK", "Q1").orElseThrow().vps()).isBetween(0.0, 1.0);
        assertThat(report.run().forms().orElseThrow().comparison().cell("Farsi", "Q4").getAsDouble()).isCloseTo(72.727, within(1e-3));
    }


    @Test
    void analysisFilesAreChecked() throws Exception {
        Path f = dir.resolve("a.json");
        Files.writeString(f, "{\"format\":\"pluralstats-analysis\",\"wvs\":{\"files\":\"x.sav\",\"itms\":\"i.json\"}}");
        assertThatThrownBy(() -> Analysis.read(f)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("a.json").hasMessageContaining("unknown field \"itms\"");
        Files.writeString(f, "{\"title\":\"t\"}");
        assertThatThrownBy(() -> Analysis.read(f)).hasMessageContaining("names no data");
        Files.writeString(f, "{\"models\":{\"outputs\":\"m.jsonl\",\"bootstrap\":-1}}");
        assertThatThrownBy(() -> Analysis.read(f)).hasMessageContaining("models.bootstrap");
        Files.writeString(f, "{\"models\":{\"outputs\":\"m.jsonl\",\"populaton\":\"p.csv\"}}");
        assertThatThrownBy(() -> Analysis.read(f)).hasMessageContaining("unknown field \"populaton\"");
        Files.writeString(f, "{\"models\":[\"m.jsonl\"],\"similarity\":{\"human\":\"h.csv\",\"model\":\"m.json\"}}");
        Analysis withModels = Analysis.read(f);
        assertThat(withModels.models().orElseThrow().outputs()).containsExactly(dir.resolve("m.jsonl"));
        assertThat(withModels.models().orElseThrow().populations()).isEmpty();
        assertThat(withModels.similarity().orElseThrow().resamples()).isEqualTo(1000);
        Files.writeString(f, "{\"wvs\":{\"files\":[\"d/x.sav\"],\"items\":\"i.json\"}}");
        Analysis a = Analysis.read(f);
        assertThat(a.wvs().orElseThrow().files()).containsExactly(dir.resolve("d/x.sav"));
        assertThat(a.wvs().orElseThrow().by()).isEmpty();
    }
}
