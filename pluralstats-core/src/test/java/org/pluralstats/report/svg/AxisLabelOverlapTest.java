package org.pluralstats.report.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Issue 15: no two labels of an axis touch. The rule, in one place ({@link ChartStyle#axisLabels(double, double,
 * int, double, boolean, int, String)}): both axis ends are always labelled, and a round tick whose label would
 * touch an end's label is left out.
 */
class AxisLabelOverlapTest {
    private static final double SIZE = ChartStyle.FONT_SIZE - 1;

    private static List<Element> ticks(String svg) throws Exception {
        List<Element> out = new ArrayList<>();
        for (Element e : SvgDom.elements(svg)) {
            if (e.getLocalName().equals("text") && e.getAttribute("class").startsWith("tick")) {
                out.add(e);
            }
        }
        return out;
    }

    private static double num(Element e, String attr) {
        return Double.parseDouble(e.getAttribute(attr));
    }

    /** Fails when two labels of a horizontal axis (centred at x) leave less free between them than the narrower's width. */
    private static void horizontalApart(List<Element> labels, String what) {
        labels.sort((a, b) -> Double.compare(num(a, "x"), num(b, "x")));
        for (int i = 1; i < labels.size(); i++) {
            Element a = labels.get(i - 1);
            Element b = labels.get(i);
            double wa = ChartStyle.textWidth(a.getTextContent(), SIZE);
            double wb = ChartStyle.textWidth(b.getTextContent(), SIZE);
            double free = (num(b, "x") - wb / 2) - (num(a, "x") + wa / 2);
            // at least the narrower label's width free between them, and never less than the gap
            assertThat(free).as("%s: \"%s\" and \"%s\"", what, a.getTextContent(), b.getTextContent())
                    .isGreaterThanOrEqualTo(Math.max(ChartStyle.LABEL_GAP, Math.min(wa, wb)) - 0.02);
        }
    }

    /** Fails when two labels of a vertical axis (one line each, baseline y) leave less than half a line free. */
    private static void verticalApart(List<Element> labels, String what) {
        labels.sort((a, b) -> Double.compare(num(a, "y"), num(b, "y")));
        for (int i = 1; i < labels.size(); i++) {
            assertThat(num(labels.get(i), "y") - num(labels.get(i - 1), "y"))
                    .as("%s: \"%s\" and \"%s\"", what, labels.get(i - 1).getTextContent(), labels.get(i).getTextContent())
                    .isGreaterThanOrEqualTo(1.5 * SIZE - 0.02);
        }
    }

    @Test
    void anEndLabelBesideATickDropsTheTickNotTheEnd() throws Exception {
        // before: "0.78" printed 32 px (centre to centre) from "0.80", 7.5 px free between them (the reviewer's "0.75 0.80")
        SeriesData d = SeriesData.builder(List.of("a", "b"))
                .series("s", List.of(Estimate.of(0.85, 0.8, 0.9), Estimate.of(0.95, 0.9, 0.99))).build();
        List<Element> t = ticks(DotPlot.builder("Scores", d).width(400).range(0.78, 1.0).render());
        List<String> texts = t.stream().map(Element::getTextContent).toList();
        assertThat(texts).first().isEqualTo("0.78");
        assertThat(texts).last().isEqualTo("1.00");
        assertThat(texts).doesNotContain("0.80").contains("0.90");
        horizontalApart(new ArrayList<>(t), "dot plot 0.78–1");
        // the rule itself: the same labels whatever chart asks
        List<String> rule = ChartStyle.axisLabels(0.78, 1.0, 6, 350, true, 1, "").stream()
                .map(ChartStyle.AxisLabel::text).toList();
        assertThat(rule).containsExactly("0.78", "0.85", "0.90", "0.95", "1.00");
    }

    @Test
    void noTwoLabelsOfAnAxisOverlapForRandomRanges() {
        SplittableRandom rng = new SplittableRandom(2026);
        for (int trial = 0; trial < 20000; trial++) {
            double scale = Math.pow(10, rng.nextInt(7) - 3);
            double lo = (rng.nextDouble() * 2 - 1) * scale * 10;
            double hi = lo + scale * (0.05 + rng.nextDouble() * 20);
            double length = 120 + rng.nextInt(800);
            boolean horizontal = rng.nextBoolean();
            int decimals = rng.nextInt(3);
            String unit = rng.nextInt(4) == 0 ? "%" : "";
            List<ChartStyle.AxisLabel> labels = ChartStyle.axisLabels(lo, hi, 5 + rng.nextInt(3), length, horizontal,
                    decimals, unit);
            String what = lo + " to " + hi + " on " + length + " px " + (horizontal ? "across" : "up");
            assertThat(labels.get(0).value()).as(what).isEqualTo(lo);
            assertThat(labels.get(labels.size() - 1).value()).as(what).isEqualTo(hi);
            for (int i = 1; i < labels.size(); i++) {
                ChartStyle.AxisLabel a = labels.get(i - 1);
                ChartStyle.AxisLabel b = labels.get(i);
                assertThat(b.value()).as(what).isGreaterThan(a.value());
                // two labels side by side only when the axis is too short for even its two ends
                if (labels.size() > 2) {
                    assertThat(ChartStyle.overlap(a, b, lo, hi, length, horizontal, SIZE))
                            .as("%s: %s and %s", what, a.text(), b.text()).isFalse();
                }
            }
            assertThat(labels.stream().map(ChartStyle.AxisLabel::text).distinct().count()).as(what).isEqualTo(labels.size());
        }
    }

    @Test
    void everyChartKeepsItsAxisLabelsApart() throws Exception {
        SplittableRandom rng = new SplittableRandom(15);
        for (int trial = 0; trial < 150; trial++) {
            double scale = Math.pow(10, rng.nextInt(5) - 2);
            double lo = (rng.nextDouble() * 2 - 1) * scale * 10;
            double hi = lo + scale * (0.05 + rng.nextDouble() * 10);
            double width = 360 + rng.nextInt(600);
            List<Estimate> est = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                double v = lo + (hi - lo) * rng.nextDouble();
                est.add(Estimate.of(v, v - (hi - lo) * 0.05, v + (hi - lo) * 0.05));
            }
            SeriesData d = SeriesData.builder(List.of("a", "b", "c")).series("s", est).build();
            String what = lo + " to " + hi + " at " + width + " px";
            // a caller's axis that is not on round ticks, and the axis the chart picks itself
            for (String svg : List.of(DotPlot.builder("t", d).width(width).range(lo, hi).render(),
                    DotPlot.builder("t", d).width(width).render())) {
                horizontalApart(ticks(svg), "dot plot " + what);
            }
            for (String svg : List.of(
                    IntervalChart.builder("t", d).width(width).plotHeight(120 + rng.nextInt(300)).yRange(lo, hi).render(),
                    IntervalChart.builder("t", d).mark(IntervalChart.Mark.POINT).width(width).render())) {
                verticalApart(ticks(svg), "interval chart " + what);
            }
            double[] x = new double[20];
            double[] y = new double[20];
            for (int i = 0; i < x.length; i++) {
                x[i] = lo + (hi - lo) * rng.nextDouble();
                y[i] = (rng.nextDouble() - 0.5) * scale;
            }
            List<Element> xs = new ArrayList<>();
            List<Element> ys = new ArrayList<>();
            for (Element e : ticks(ScatterPlot.builder("t", x, y).width(width).plotHeight(100 + rng.nextInt(300)).render())) {
                (e.getAttribute("class").contains("x-tick") ? xs : ys).add(e);
            }
            horizontalApart(xs, "scatter x " + what);
            verticalApart(ys, "scatter y " + what);
        }
    }
}
