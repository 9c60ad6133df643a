package org.pluralstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.Progress;
import org.pluralstats.report.html.HtmlReport;
import org.pluralstats.report.html.ReportBlock;
import org.pluralstats.report.html.ReportSection;
import org.pluralstats.report.svg.DotPlot;
import org.pluralstats.report.svg.Estimate;
import org.pluralstats.report.svg.HeatMap;
import org.pluralstats.report.svg.IntervalChart;
import org.pluralstats.report.svg.SeriesData;
import org.pluralstats.run.Analysis;
import org.pluralstats.run.AnalysisRun;

/**
 * A chart whose input is constant or undefined is not drawn; its place in the page says why (issue 15:
 * the effective-size chart of a report run with {@code --weight none}).
 */
class ConstantChartTest {
    @TempDir
    Path dir;

    @Test
    void theWeightsChartOfUnweightedScoresSaysWhyItIsNotDrawn() throws Exception {
        Path samples = Path.of("data-samples/wvs-sample").toAbsolutePath();
        Path file = dir.resolve("analysis.json");
        Files.writeString(file, "{\"format\": \"pluralstats-analysis\", \"version\": 1, \"title\": \"unweighted\", "
                + "\"wvs\": {\"files\": [\"" + samples.resolve("wvs7-sample.csv") + "\"], \"items\": \""
                + samples.resolve("items.json") + "\", \"by\": \"B_COUNTRY_ALPHA\", \"weight\": \"none\"}}");
        HtmlReport html = AnalysisReport.of(AnalysisRun.of(Analysis.read(file), Progress.none())).html();
        assertThat(html.figures()).extracting(ReportBlock.Figure::id).contains("scores-correlations", "scores-by-population")
                .doesNotContain("scores-weights");
        String page = html.html();
        assertThat(page).contains("<figure id=\"figure-scores-weights\" class=\"not-drawn\">",
                "<b dir=\"auto\">What the weights cost: respondents and effective sample size</b><br>Not drawn: every "
                        + "respondent has weight 1 (weight none), so the effective size equals the number of respondents "
                        + "in every population; the table below lists them.</p>");
        assertThat(html.tables()).extracting(t -> t.id()).contains("scores-weights");
        HtmlReport.Written w = html.write(dir.resolve("out"));
        assertThat(dir.resolve("out/figures/scores-weights.svg")).doesNotExist();
        assertThat(dir.resolve("out/figures/scores-by-population.svg")).exists();
        assertThat(w.figures()).isEqualTo(html.figures().size());
    }

    @Test
    void theSameDataWithWeightsIsDrawn() {
        SeriesData d = SeriesData.builder(List.of("DNK", "NLD")).series("respondents (n)", List.of(Estimate.of(60),
                Estimate.of(55))).series("Kish effective size (n_eff)", List.of(Estimate.of(54.04), Estimate.of(47.97))).build();
        assertThat(d.degenerate()).isEmpty();
        ReportSection s = ReportSection.builder("s", "S").chart("w", IntervalChart.builder("W", d), "caption").build();
        assertThat(s.figures()).hasSize(1);
        assertThat(s.blocks()).noneMatch(b -> b instanceof ReportBlock.NotDrawn);
    }

    @Test
    void everyKindOfDegenerateInputIsNamed() {
        List<String> two = List.of("a", "b");
        // no value at all
        assertThat(SeriesData.builder(two).series("x", List.of(Estimate.missing(), Estimate.missing())).build().degenerate())
                .contains("no value is defined");
        // two series equal everywhere (up to rounding of the last digit)
        assertThat(SeriesData.builder(two).series("n", List.of(Estimate.of(60), Estimate.of(55)))
                .series("n_eff", List.of(Estimate.of(60 * (1 + 1e-15)), Estimate.of(55))).build().degenerate())
                .contains("\u201cn\u201d and \u201cn_eff\u201d are equal in every category (60, 55)");
        // every value the same, no interval
        assertThat(SeriesData.builder(two).series("x", List.of(Estimate.of(0.5), Estimate.of(0.5))).build().degenerate())
                .contains("every value is 0.5");
        // the same values with intervals are worth drawing; so is a single estimate
        assertThat(SeriesData.builder(two).series("x", List.of(Estimate.of(0.5, 0.4, 0.6), Estimate.of(0.5, 0.3, 0.7)))
                .build().degenerate()).isEmpty();
        assertThat(SeriesData.builder(two).series("x", List.of(Estimate.of(0.5), Estimate.missing())).build().degenerate())
                .isEmpty();
        // a correlation matrix whose only defined cells are its diagonal
        double nan = Double.NaN;
        assertThat(HeatMap.builder("r", two, two, new double[][] {{1, nan}, {nan, 1}}).degenerate())
                .contains("every defined value is 1");
        assertThat(HeatMap.builder("r", two, two, new double[][] {{1, 0.3}, {0.3, 1}}).degenerate()).isEmpty();
        // the generic sentence in the page
        ReportSection s = ReportSection.builder("s", "S").chart("dots", DotPlot.builder("Dots",
                SeriesData.builder(two).series("x", List.of(Estimate.missing(), Estimate.missing())).build()), "c").build();
        assertThat(s.blocks()).containsExactly(new ReportBlock.NotDrawn("dots", "Dots",
                "the chart would show nothing: no value is defined."));
        assertThat(HtmlReport.builder("R").section(s).build().html()).contains("<figure id=\"figure-dots\" class=\"not-drawn\">")
                .doesNotContain("<svg");
    }
}
