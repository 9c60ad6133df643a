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
import org.pluralstats.PluralstatsException;
import org.pluralstats.Progress;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.report.html.HtmlReport;
import org.pluralstats.report.html.ReportTable;

/** The report of the embedded data samples, end to end (data-samples/analysis.json). */
class AnalysisReportTest {
    static AnalysisReport report;

    @TempDir
    Path dir;

    @BeforeAll
    static void run() {
        report = AnalysisReport.run(Analysis.read(Path.of("data-samples/analysis.json")), Progress.none());
    }

    @Test
    void theSampleAnalysisNamesEveryInput() {
        Analysis a = report.analysis();
        assertThat(a.forms().orElseThrow().groups()).containsOnlyKeys("Arabic", "Chinese", "Farsi", "English");
        assertThat(a.forms().orElseThrow().groups().get("Farsi")).isEqualTo(Path.of("data-samples/pilot-survey/farsi.csv")
                .toAbsolutePath().normalize());
        assertThat(a.wvs().orElseThrow().files()).extracting(p -> p.getFileName().toString())
                .containsExactly("wvs7-sample.csv", "wvs7-sample.sav", "wvs7-sample.zsav", "wvs7-sample.dta");
        assertThat(a.models()).isEmpty();
    }

    @Test
    void atLeastFiveChartsAndTheTablesBesideThePage() throws Exception {
        HtmlReport html = report.html();
        assertThat(html.figures()).extracting(f -> f.id()).containsExactly("forms-means", "forms-share-q4",
                "scores-correlations", "scores-by-population", "scores-weights");
        HtmlReport.Written w = html.write(dir);
        String page = Files.readString(w.index());
        assertThat(page).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"?(https?:)?//")
                .doesNotContainPattern("(?i)<script|<link|@import|url\\(");
        Matcher m = Pattern.compile("<svg ").matcher(page);
        int charts = 0;
        while (m.find()) {
            charts++;
        }
        assertThat(charts).isEqualTo(5);
        // labels in Arabic, Farsi and Chinese, in their own scripts
        assertThat(page).contains("Arabic · العربية", "Farsi · فارسی", "Chinese · 中文", "direction=\"rtl\"");
        for (ReportTable t : html.tables()) {
            assertThat(dir.resolve("tables").resolve(t.id() + ".csv")).isRegularFile();
            assertThat(dir.resolve("tables").resolve(t.id() + ".json")).isRegularFile();
        }
        assertThat(dir.resolve("tables/forms-table1.csv")).content().contains("English,22,4.863636363636363",
                "Farsi,11,2.272727272727273");
    }

    @Test
    void everyFileFormatGivesTheSameScores() {
        assertThat(report.fileAgreements()).hasSize(4).allSatisfy(a -> {
            assertThat(a.agrees(ScoreSections.AGREEMENT_TOLERANCE)).as(a.toString()).isTrue();
            assertThat(a.rows()).isEqualTo(380);
            assertThat(a.scores()).isEqualTo(72);
        });
    }

    @Test
    void theSummaryHasTable1AndTheGrimFlag() {
        assertThat(report.summary()).contains("| Chinese | 16 | 3.12 | 8.88 | 3.69 | 68.8 | 6.12 | 6.00 |",
                "| English | Q6 | 1.51 | 22 | inconsistent (nearest 1.50, 1.55) | 1.50 (differs) |",
                "Every file format gives the same scores: csv, sav, zsav, dta.");
        assertThat(report.tableCheck()).hasSize(20);
        assertThat(report.scores().orElseThrow().get("DNK", "Q1").orElseThrow().vps()).isBetween(0.0, 1.0);
        assertThat(report.forms().orElseThrow().cell("Farsi", "Q4").getAsDouble()).isCloseTo(72.727, within(1e-3));
    }

    @Test
    void modelOutputsWaitForTheAlignmentPackage() {
        Analysis a = new Analysis("t", java.util.Optional.empty(), java.util.Optional.empty(), List.of(Path.of("m.jsonl")));
        assertThatThrownBy(() -> AnalysisReport.run(a, Progress.none())).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("org.pluralstats.align");
    }

    @Test
    void analysisFilesAreChecked() throws Exception {
        Path f = dir.resolve("a.json");
        Files.writeString(f, "{\"format\":\"pluralstats-analysis\",\"wvs\":{\"files\":\"x.sav\",\"itms\":\"i.json\"}}");
        assertThatThrownBy(() -> Analysis.read(f)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("a.json").hasMessageContaining("unknown field \"itms\"");
        Files.writeString(f, "{\"title\":\"t\"}");
        assertThatThrownBy(() -> Analysis.read(f)).hasMessageContaining("names no data");
        Files.writeString(f, "{\"wvs\":{\"files\":[\"d/x.sav\"],\"items\":\"i.json\"}}");
        Analysis a = Analysis.read(f);
        assertThat(a.wvs().orElseThrow().files()).containsExactly(dir.resolve("d/x.sav"));
        assertThat(a.wvs().orElseThrow().by()).isEmpty();
    }
}
