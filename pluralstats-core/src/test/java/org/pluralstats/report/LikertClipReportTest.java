package org.pluralstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.Progress;
import org.pluralstats.report.html.HtmlReport;
import org.pluralstats.report.html.ReportBlock;
import org.pluralstats.report.html.ReportTable;
import org.pluralstats.run.Analysis;
import org.pluralstats.run.AnalysisRun;

/**
 * Issue 15: a Likert mean's t interval that leaves the scale (Arabic Q1 of the pilot, below 1 on its 1–10
 * scale) is drawn clipped to the scale with a note in the chart and a sentence in the caption; the
 * tables keep the exact interval.
 */
class LikertClipReportTest {
    @TempDir
    Path dir;

    @Test
    void theMeansChartSaysWhichIntervalsItClipsAndTheTableKeepsThem() throws Exception {
        Path p = Path.of("data-samples/pilot-survey").toAbsolutePath();
        Path file = dir.resolve("analysis.json");
        Files.writeString(file, "{\"format\": \"pluralstats-analysis\", \"version\": 1, \"title\": \"pilot\", \"forms\": {"
                + "\"groups\": {\"Arabic\": \"" + p.resolve("arabic.csv") + "\", \"Chinese\": \"" + p.resolve("chinese.csv")
                + "\", \"Farsi\": \"" + p.resolve("farsi.csv") + "\", \"English\": \"" + p.resolve("english.csv") + "\"}, "
                + "\"codebook\": \"" + p.resolve("codebook.json") + "\"}}");
        HtmlReport html = AnalysisReport.of(AnalysisRun.of(Analysis.read(file), Progress.none())).html();
        ReportBlock.Figure means = html.figures().stream().filter(f -> f.id().equals("forms-means")).findFirst().orElseThrow();
        // the exact interval, as the Likert table holds it
        ReportTable t = html.tables().stream().filter(x -> x.id().equals("forms-means")).findFirst().orElseThrow();
        int group = t.columns().stream().map(ReportTable.Column::name).toList().indexOf("group");
        int item = t.columns().stream().map(ReportTable.Column::name).toList().indexOf("item");
        int low = t.columns().stream().map(ReportTable.Column::name).toList().indexOf("ciLow");
        double arabicQ1Low = t.rows().stream().filter(r -> String.valueOf(r.get(group)).startsWith("Arabic")
                && "Q1".equals(r.get(item))).mapToDouble(r -> ((Number) r.get(low)).doubleValue()).findFirst().orElseThrow();
        assertThat(arabicQ1Low).as("the t interval leaves the scale").isLessThan(1);
        String shown = String.format(java.util.Locale.ROOT, "%.2f", arabicQ1Low);
        assertThat(means.caption()).contains("Intervals clipped to the scale 1\u201310 are marked with an arrowhead at the "
                + "clipped end (").contains("Q1 [" + shown + ", ").contains("the tables keep the exact, unclipped t intervals");
        assertThat(means.svg()).contains("class=\"clip-note\"", "A t interval that leaves the scale 1\u201310 is clipped to it",
                "class=\"clip-arrow\"");
    }
}
