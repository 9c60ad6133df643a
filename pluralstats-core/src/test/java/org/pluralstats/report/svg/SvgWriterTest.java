package org.pluralstats.report.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;

class SvgWriterTest {

    static void wellFormed(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void textIsEscapedAndWellFormed() throws Exception {
        String svg = new SvgWriter(100, 50, "a <b> & \"c\"").text(10, 10, "x < y & 'z' \u0001", SvgWriter.Anchor.LEFT, 12, "")
                .finish();
        wellFormed(svg);
        assertThat(svg).contains("a &lt;b&gt; &amp; &quot;c&quot;").contains("x &lt; y &amp; &#39;z&#39; <")
                .doesNotContain("\u0001");
    }

    @Test
    void rightToLeftLabelsAreMarkedAndKeepTheirPlaceOnThePage() throws Exception {
        String svg = new SvgWriter(100, 50, "t")
                .text(90, 10, "فارسی", SvgWriter.Anchor.RIGHT, 12, "")
                .text(10, 20, "Farsi · فارسی", SvgWriter.Anchor.LEFT, 12, "")
                .text(10, 30, "中文", SvgWriter.Anchor.LEFT, 12, "")
                .finish();
        wellFormed(svg);
        // RTL text ending at x: in an rtl run the anchor "start" is the right edge
        assertThat(svg).contains("text-anchor=\"start\" direction=\"rtl\" unicode-bidi=\"embed\">فارسی");
        assertThat(svg).contains("text-anchor=\"start\" direction=\"ltr\" unicode-bidi=\"embed\">Farsi · فارسی");
        assertThat(svg).contains("text-anchor=\"start\">中文");
        assertThat(svg).contains("font-family=\"&#39;Noto Sans&#39;, &#39;Noto Sans Arabic&#39;").contains("Noto Sans CJK SC");
    }

    @Test
    void ticksAreRoundNumbers() {
        assertThat(ChartStyle.ticks(0, 1, 5)).containsExactly(0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
        assertThat(ChartStyle.ticks(1, 10, 6)).containsExactly(2, 4, 6, 8, 10);
        assertThat(ChartStyle.format(-0.001, 2)).isEqualTo("0.00");
        assertThat(ChartStyle.format(-0.5, 1)).isEqualTo("\u22120.5");
        assertThat(ChartStyle.format(3.125, 2)).isEqualTo("3.12");
    }

    @Test
    void wideScriptsAreMeasuredWider() {
        assertThat(ChartStyle.textWidth("中文中文", 12)).isGreaterThan(ChartStyle.textWidth("abcd", 12));
        // DejaVu Sans, the widest fallback font, as Pillow measures it at 100 px: a label sized by the
        // estimate is never cut (the Eq. 3 coefficient plot's longest term was, with 0.56 em a letter); kerning
        // makes the whole string up to 1% narrower than the sum of its advances
        assertThat(ChartStyle.textWidth("multilingual:family[gemma]:language[Portuguese]", 100))
                .isBetween(2532.8, 2532.8 * 1.01);
        assertThat(ChartStyle.textWidth("Perception of current AI", 100)).isBetween(1179.1, 1179.1 * 1.01);
        assertThat(ChartStyle.wrap("one two three four five six seven", 12, 60, 2)).hasSize(2)
                .last().asString().endsWith("…");
        assertThat(ChartStyle.fit("short", 12, 200)).isEqualTo("short");
    }

    @Test
    void chartsAreWellFormedWithTitlesAxesAndLegends() throws Exception {
        SeriesData d = SeriesData.builder(List.of("Q1", "Q2")).subLabel(0, List.of("تعكس أدوات"))
                .series("Arabic · العربية", List.of(Estimate.of(1.4, 0.5, 2.3), Estimate.missing()))
                .series("Chinese · 中文", List.of(Estimate.of(3.1, 2.2, 4.0), Estimate.of(8.9)))
                .build();
        String bars = IntervalChart.builder("Means", d).yLabel("mean").xLabel("item").yRange(1, 10).render();
        String points = IntervalChart.builder("Means", d).mark(IntervalChart.Mark.POINT).render();
        String dots = DotPlot.builder("Dots", d).xLabel("score").render();
        String heat = HeatMap.builder("Heat", List.of("A", "B"), List.of("A", "B"),
                new double[][] {{1, -0.5}, {-0.5, Double.NaN}}).keyLabel("r").render();
        for (String svg : List.of(bars, points, dots, heat)) {
            wellFormed(svg);
            assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<title>");
        }
        assertThat(bars).contains(">Means</text>", ">mean</text>", ">item</text>", "Arabic · العربية", "Chinese · 中文",
                "direction=\"rtl\"");
        assertThat(heat).contains(">−0.50</text>", ">1.00</text>", "#eeeeee");
    }

    @Test
    void seriesMustMatchTheCategories() {
        assertThatThrownBy(() -> SeriesData.builder(List.of("a", "b")).series("s", List.of(Estimate.of(1))))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("1 values for 2 categories");
    }

    @Test
    void heatMapColoursDivergeFromWhite() {
        assertThat(HeatMap.colour(0, -1, 0, 1)).isEqualTo("#f7f7f7");
        assertThat(HeatMap.colour(1, -1, 0, 1)).isEqualTo("#b2182b");
        assertThat(HeatMap.colour(-1, -1, 0, 1)).isEqualTo("#2166ac");
    }
}
