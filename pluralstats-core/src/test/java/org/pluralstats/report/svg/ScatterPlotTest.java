package org.pluralstats.report.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The scatter plot of residuals against fitted values: every point or a seeded sample, a zero line, labelled axis ends. */
class ScatterPlotTest {

    private static double[][] cloud(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.2 + 0.6 * r.nextDouble();
            y[i] = (r.nextDouble() - 0.5) * 0.3;
        }
        return new double[][] {x, y};
    }

    private static List<Element> points(List<Element> all) {
        List<Element> out = new ArrayList<>();
        for (Element e : all) {
            if (e.getLocalName().equals("circle") && e.getParentNode() instanceof Element g
                    && "points".equals(g.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> texts(List<Element> all, String cls) {
        List<String> out = new ArrayList<>();
        for (Element e : all) {
            if (e.getLocalName().equals("text") && e.getAttribute("class").contains(cls)) {
                out.add(e.getTextContent());
            }
        }
        return out;
    }

    @Test
    void everyFinitePointIsDrawnWithAZeroLineOverThem() throws Exception {
        double[][] c = cloud(200, 1);
        c[1][7] = Double.NaN;
        ScatterPlot p = ScatterPlot.builder("Residuals against fitted values", c[0], c[1]).reference(0)
                .xLabel("fitted value").yLabel("residual").build();
        String svg = p.render();
        List<Element> all = SvgDom.elements(svg);
        assertThat(points(all)).hasSize(199);
        assertThat(p.drawn()).isEqualTo(199);
        assertThat(p.sampled()).isFalse();
        List<Integer> reference = SvgDom.indices(all, "line", "class", "reference");
        assertThat(reference).hasSize(1);
        Element zero = all.get(reference.get(0));
        assertThat(zero.getAttribute("stroke-dasharray")).isNotEmpty();
        assertThat(zero.getAttribute("y1")).isEqualTo(zero.getAttribute("y2"));
        // painted after the points
        int group = SvgDom.indices(all, "g", "class", "points").get(0);
        assertThat(reference.get(0)).isGreaterThan(group);
        assertThat(svg).contains("<title>Residuals against fitted values</title>", ">fitted value</text>", ">residual</text>");
        // the points are small and translucent
        Element g = all.get(group);
        assertThat(Double.parseDouble(g.getAttribute("fill-opacity"))).isLessThan(1);
        assertThat(Double.parseDouble(points(all).get(0).getAttribute("r"))).isLessThanOrEqualTo(2.5);
    }

    @Test
    void bothAxisEndsAreLabelledAndTheZeroLineIsInsideTheAxis() throws Exception {
        // all residuals positive: the vertical axis must still reach 0
        double[] x = {1.3, 2.1, 3.7, 4.4};
        double[] y = {0.5, 1.5, 0.8, 2.2};
        String svg = ScatterPlot.builder("t", x, y).reference(0).render();
        List<Element> all = SvgDom.elements(svg);
        List<String> yTicks = texts(all, "y-tick");
        List<String> xTicks = texts(all, "x-tick");
        assertThat(yTicks).contains("0.0");
        assertThat(Double.parseDouble(yTicks.get(0).replace('\u2212', '-'))).isLessThanOrEqualTo(0);
        assertThat(Double.parseDouble(yTicks.get(yTicks.size() - 1).replace('\u2212', '-'))).isGreaterThanOrEqualTo(2.2);
        assertThat(Double.parseDouble(xTicks.get(0).replace('\u2212', '-'))).isLessThanOrEqualTo(1.3);
        assertThat(Double.parseDouble(xTicks.get(xTicks.size() - 1).replace('\u2212', '-'))).isGreaterThanOrEqualTo(4.4);
        assertThat(SvgDom.indices(all, "line", "class", "reference")).hasSize(1);
    }

    @Test
    void manyPointsAreASeededSampleOfFixedSize() throws Exception {
        double[][] c = cloud(20_000, 2);
        ScatterPlot p = ScatterPlot.builder("big", c[0], c[1]).reference(0).build();
        String svg = p.render();
        assertThat(p.sampled()).isTrue();
        assertThat(p.drawn()).isEqualTo(ScatterPlot.DEFAULT_MAX_POINTS);
        assertThat(points(SvgDom.elements(svg))).hasSize(ScatterPlot.DEFAULT_MAX_POINTS);
        // about 40 bytes a point: a page-friendly file
        assertThat(svg.length()).isLessThan(300_000);
        assertThat(ScatterPlot.builder("big", c[0], c[1]).reference(0).render()).isEqualTo(svg);
        assertThat(ScatterPlot.builder("big", c[0], c[1]).reference(0).maxPoints(ScatterPlot.DEFAULT_MAX_POINTS, 99).render())
                .isNotEqualTo(svg);
    }

    @Test
    void theSampleHasNoRepeatsAndIsAscending() {
        int[] all = new int[1000];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        int[] s = ScatterPlot.sample(all, 100, 5);
        assertThat(s).hasSize(100);
        for (int i = 1; i < s.length; i++) {
            assertThat(s[i]).isGreaterThan(s[i - 1]);
        }
        assertThat(ScatterPlot.sample(all, 1000, 5)).isEqualTo(all);
        assertThatThrownBy(() -> ScatterPlot.builder("t", new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
