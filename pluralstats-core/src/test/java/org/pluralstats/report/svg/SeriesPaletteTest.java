package org.pluralstats.report.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Issue 15: with more than eight series no two series may share both colour and marker. */
class SeriesPaletteTest {

    private static SeriesData twelveCountries() {
        List<String> countries = List.of("USA", "DEU", "JPN", "IND", "EGY", "IRN", "CHN", "RUS", "BRA", "NGA",
                "MEX", "TUR");
        SeriesData.Builder d = SeriesData.builder(List.of("Q1", "Q2"));
        for (int i = 0; i < countries.size(); i++) {
            d.series(countries.get(i), List.of(Estimate.of(1 + i * 0.1, 0.8 + i * 0.1, 1.2 + i * 0.1),
                    Estimate.of(2 + i * 0.1, 1.8 + i * 0.1, 2.2 + i * 0.1)));
        }
        return d.build();
    }

    private static String shape(Element e) {
        return e.getLocalName() + "/" + e.getAttribute("class");
    }

    private static boolean hasTooltip(Element e) {
        return e.getElementsByTagNameNS("*", "title").getLength() > 0;
    }

    @Test
    void styleGivesTwelveSeriesTwelveDistinctColourMarkerPairs() {
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            pairs.add(ChartStyle.colour(i) + " " + ChartStyle.marker(i));
        }
        assertThat(pairs).hasSize(12);
        Set<String> all = new HashSet<>();
        for (int i = 0; i < ChartStyle.DISTINCT_SERIES; i++) {
            all.add(ChartStyle.colour(i) + " " + ChartStyle.marker(i));
        }
        assertThat(all).hasSize(ChartStyle.DISTINCT_SERIES);
        // USA (0) and BRA (8) share the blue but not the marker
        assertThat(ChartStyle.colour(8)).isEqualTo(ChartStyle.colour(0));
        assertThat(ChartStyle.marker(8)).isNotEqualTo(ChartStyle.marker(0));
    }

    @Test
    void pointChartsDrawTwelveDistinctMarksAndLegendEntries() throws Exception {
        SeriesData d = twelveCountries();
        for (String svg : List.of(DotPlot.builder("Scores", d).render(),
                IntervalChart.builder("Scores", d).mark(IntervalChart.Mark.POINT).render())) {
            List<Element> all = SvgDom.elements(svg);
            List<String> legend = new ArrayList<>();
            List<String> marks = new ArrayList<>();
            for (Element e : all) {
                if (e.getAttribute("class").startsWith("marker-")) {
                    (hasTooltip(e) ? marks : legend).add(shape(e) + " " + e.getAttribute("fill"));
                }
            }
            assertThat(legend).hasSize(12).doesNotHaveDuplicates();
            assertThat(marks).hasSize(24); // 12 series × 2 categories
            assertThat(new HashSet<>(marks)).hasSize(12);
            assertThat(legend).contains("circle/marker-circle #0072B2", "rect/marker-square #0072B2");
        }
    }

    @Test
    void barsOfTheNinthSeriesOnAreHatched() throws Exception {
        String svg = IntervalChart.builder("Shares", twelveCountries()).render();
        List<Element> all = SvgDom.elements(svg);
        List<String> swatches = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Element e = all.get(i);
            if (e.getAttribute("class").equals("swatch")) {
                int j = i + 1;
                while (j < all.size() && (all.get(j).getLocalName().equals("defs")
                        || all.get(j).getLocalName().equals("pattern")
                        || all.get(j).getParentNode().getLocalName().equals("pattern"))) {
                    j++; // the hatch pattern is defined on first use
                }
                boolean hatched = j < all.size() && all.get(j).getAttribute("class").equals("hatch");
                swatches.add(e.getAttribute("fill") + (hatched ? " hatched" : ""));
            }
        }
        assertThat(swatches).hasSize(12).doesNotHaveDuplicates().contains("#0072B2", "#0072B2 hatched");
        // four hatched bars per category in the plot (series 9–12), each over its bar, plus four in the legend
        assertThat(all.stream().filter(e -> e.getAttribute("class").equals("hatch")).count()).isEqualTo(4 * 2 + 4);
        assertThat(svg).containsOnlyOnce("<pattern id=");
    }
}
