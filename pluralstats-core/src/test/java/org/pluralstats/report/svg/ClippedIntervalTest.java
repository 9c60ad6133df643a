package org.pluralstats.report.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Issue 15: an interval that runs past the axis is marked by an arrow, never cut silently with a cap. */
class ClippedIntervalTest {

    private static SeriesData arabicQ1() {
        return SeriesData.builder(List.of("Q1", "Q2"))
                .series("Arabic", List.of(Estimate.of(0.9, 0.70, 2.16), Estimate.of(0.4, 0.3, 0.5)))
                .build();
    }

    private static double num(Element e, String attr) {
        return Double.parseDouble(e.getAttribute(attr));
    }

    private static List<Element> withClass(List<Element> all, String cls) {
        List<Element> out = new ArrayList<>();
        for (Element e : all) {
            if (e.getAttribute("class").equals(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> tickTexts(List<Element> all) {
        List<String> out = new ArrayList<>();
        for (Element e : withClass(all, "tick")) {
            out.add(e.getTextContent());
        }
        return out;
    }

    @Test
    void verticalIntervalPastTheTopEndsInAnArrowNotACap() throws Exception {
        for (IntervalChart.Mark mark : IntervalChart.Mark.values()) {
            String svg = IntervalChart.builder("Share", arabicQ1()).mark(mark).yRange(0, 1).render();
            List<Element> all = SvgDom.elements(svg);
            List<Element> arrows = withClass(all, "clip-arrow");
            assertThat(arrows).as(mark.name()).hasSize(1);
            // the arrow's tip (the path's first point) sits at the top of the plot, pointing up
            String[] d = arrows.get(0).getAttribute("d").substring(1).split("[ L]+");
            double tipY = Double.parseDouble(d[1]);
            List<Element> grid = withClass(all, "grid");
            double plotTop = grid.stream().mapToDouble(g -> num(g, "y1")).min().orElseThrow();
            assertThat(tipY).isEqualTo(plotTop);
            assertThat(Double.parseDouble(d[3])).isGreaterThan(tipY);
            // three caps: both ends of Q2, the lower end of Q1; none at the top of the plot
            List<Element> caps = withClass(all, "cap");
            assertThat(caps).hasSize(3);
            assertThat(caps).noneMatch(c -> num(c, "y1") == plotTop);
            // both ends of the axis are labelled
            assertThat(tickTexts(all)).startsWith("0.0").endsWith("1.0");
        }
    }

    @Test
    void axisEndsAreLabelledEvenWhenTheyAreNotRoundTicks() throws Exception {
        String svg = IntervalChart.builder("Means", SeriesData.builder(List.of("Q1"))
                .series("ar", List.of(Estimate.of(5, 4, 6))).build()).yRange(1, 10).render();
        assertThat(tickTexts(SvgDom.elements(svg))).containsExactly("1", "2", "4", "6", "8", "10");
        // ticks half a unit apart are written with the decimal they need, not rounded to duplicates
        String half = IntervalChart.builder("Means", SeriesData.builder(List.of("Q1"))
                .series("ar", List.of(Estimate.of(1, 0.5, 2.4))).build()).yRange(0, 3).render();
        assertThat(tickTexts(SvgDom.elements(half))).doesNotHaveDuplicates().contains("0.5", "2.5");
    }

    @Test
    void horizontalIntervalPastEitherEndEndsInArrows() throws Exception {
        SeriesData d = SeriesData.builder(List.of("a", "b"))
                .series("s", List.of(Estimate.of(0.1, -0.5, 0.3), Estimate.of(0.5, 0.2, 1.4))).build();
        List<Element> all = SvgDom.elements(DotPlot.builder("Bias", d).range(0, 1).render());
        List<Element> arrows = withClass(all, "clip-arrow");
        assertThat(arrows).hasSize(2);
        List<Element> grid = withClass(all, "grid");
        double left = grid.stream().mapToDouble(g -> num(g, "x1")).min().orElseThrow();
        double right = grid.stream().mapToDouble(g -> num(g, "x1")).max().orElseThrow();
        List<Double> tips = new ArrayList<>();
        for (Element a : arrows) {
            tips.add(Double.parseDouble(a.getAttribute("d").substring(1).split("[ L]+")[0]));
        }
        assertThat(tips).containsExactly(left, right);
        assertThat(withClass(all, "clip-note")).extracting(Element::getTextContent).containsExactly(
                "An arrowhead at the axis end marks an interval clipped to the axis (0.0\u20131.0); its tooltip and the "
                        + "table give it whole.");
        assertThat(withClass(SvgDom.elements(DotPlot.builder("Bias", d).render()), "clip-note")).isEmpty();
        assertThat(tickTexts(all)).startsWith("0.0").endsWith("1.0");
        // an interval inside the axis has no arrow
        SeriesData inside = SeriesData.builder(List.of("a")).series("s", List.of(Estimate.of(0.5, 0.2, 0.8))).build();
        assertThat(DotPlot.builder("Bias", inside).range(0, 1).render()).doesNotContain("clip-arrow");
    }

    @Test
    void aChartThatClipsAnIntervalSaysSoUnderTheAxis() throws Exception {
        SeriesData likert = SeriesData.builder(List.of("Q1", "Q2"))
                .series("Arabic", List.of(Estimate.of(1.43, 0.70, 2.16), Estimate.of(7.71, 6.6, 8.8))).build();
        IntervalChart.Builder chart = IntervalChart.builder("Means", likert).mark(IntervalChart.Mark.POINT).yRange(1, 10);
        assertThat(chart.clippedIntervals()).containsExactly("Arabic Q1 [0.70, 2.16]");
        List<Element> all = SvgDom.elements(chart.render());
        List<Element> notes = withClass(all, "clip-note");
        assertThat(notes).isNotEmpty();
        assertThat(notes.get(0).getTextContent()).startsWith("An arrowhead at the axis end marks an interval clipped to the "
                + "axis (1\u201310)");
        // the note sits below the plot and its category labels (at plotBottom + 16), inside the chart
        double plotBottom = withClass(all, "grid").stream().mapToDouble(g -> num(g, "y1")).max().orElseThrow();
        double height = num(all.get(0), "height");
        assertThat(num(notes.get(0), "y")).isGreaterThan(plotBottom + 30).isLessThan(height);
        assertThat(withClass(all, "clip-arrow")).hasSize(1);
        // a caller's own words replace the default
        String own = chart.clipNote("clipped to the scale 1\u201310: Arabic Q1").render();
        assertThat(withClass(SvgDom.elements(own), "clip-note").get(0).getTextContent()).isEqualTo(
                "clipped to the scale 1\u201310: Arabic Q1");
        // nothing clipped, no note
        SeriesData inside = SeriesData.builder(List.of("Q1")).series("English", List.of(Estimate.of(4.86, 3.8, 5.9))).build();
        IntervalChart.Builder fits = IntervalChart.builder("Means", inside).yRange(1, 10);
        assertThat(fits.clippedIntervals()).isEmpty();
        assertThat(withClass(SvgDom.elements(fits.render()), "clip-note")).isEmpty();
    }
}
