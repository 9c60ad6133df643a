package org.pluralstats.report.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Issue 15: no text is cut with "…" without a way to read the whole of it. */
class CutTextTest {
    private static final String LONG_SUBTITLE = "Spearman's rho of model and population scores at the response level, "
            + "with 95% bootstrap intervals from 200 resamples of respondents; Figure 4 of Rystrøm, Kirk and Hale, "
            + "reproduced per model and prompt language for every population in the study";
    private static final String MEDIUM_SUBTITLE = "Spearman's rho of model and population scores at the response level, "
            + "with 95% bootstrap intervals from 200 resamples of respondents (Figure 4)";
    private static final String LONG_OPTION = "Willingness to share cultural or demographic information with an AI "
            + "system to get answers better suited to me";
    private static final String LONG_ROW = "OLMo-2-1124-13B-Instruct-with-a-very-long-checkpoint-name-that-goes-on";

    /** The drawn text of a {@code <text>} element, without its {@code <title>}. */
    private static String drawn(Element text) {
        StringBuilder sb = new StringBuilder();
        for (Node n = text.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE) {
                sb.append(n.getNodeValue());
            }
        }
        return sb.toString();
    }

    private static String title(Element text) {
        var titles = text.getElementsByTagNameNS("*", "title");
        return titles.getLength() == 0 ? "" : titles.item(0).getTextContent();
    }

    /** @return the full texts (titles) of every text drawn with an ellipsis; fails if one has no title */
    private static List<String> cutTexts(String svg) throws Exception {
        List<String> full = new ArrayList<>();
        for (Element e : SvgDom.elements(svg)) {
            if (e.getLocalName().equals("text") && drawn(e).endsWith("…")) {
                assertThat(title(e)).as("text cut to \"%s\" has no title", drawn(e)).isNotEmpty();
                assertThat(title(e)).contains(drawn(e).substring(0, drawn(e).length() - 1).strip());
                full.add(title(e));
            }
        }
        return full;
    }

    private static List<String> drawnTexts(String svg) throws Exception {
        List<String> out = new ArrayList<>();
        for (Element e : SvgDom.elements(svg)) {
            if (e.getLocalName().equals("text")) {
                out.add(drawn(e));
            }
        }
        return out;
    }

    private static SeriesData data() {
        return SeriesData.builder(List.of("Q6", LONG_ROW)).subLabel(0, List.of(LONG_OPTION))
                .series("Arabic", List.of(Estimate.of(0.5, 0.4, 0.6), Estimate.of(0.3)))
                .series("English", List.of(Estimate.of(0.6, 0.5, 0.7), Estimate.of(0.4)))
                .build();
    }

    @Test
    void aSubtitleThatFitsOnTwoLinesWrapsWithoutEllipsis() throws Exception {
        for (String svg : List.of(
                IntervalChart.builder("Alignment", data()).subtitle(MEDIUM_SUBTITLE).render(),
                DotPlot.builder("Alignment", data()).subtitle(MEDIUM_SUBTITLE).render())) {
            List<String> texts = drawnTexts(svg);
            int first = -1;
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i).startsWith("Spearman")) {
                    first = i;
                }
            }
            assertThat(first).isNotNegative();
            assertThat(texts.get(first + 1)).doesNotEndWith("…");
            assertThat((texts.get(first) + " " + texts.get(first + 1)).replace("  ", " ")).isEqualTo(MEDIUM_SUBTITLE);
        }
    }

    @Test
    void everythingCutCarriesTheWholeTextAsATitle() throws Exception {
        String bars = IntervalChart.builder("Alignment", data()).subtitle(LONG_SUBTITLE).width(400).render();
        String dots = DotPlot.builder("Alignment", data()).subtitle(LONG_SUBTITLE).width(520).maxLabelWidth(150).render();
        String heat = HeatMap.builder("Heat", List.of(LONG_ROW, "b"), List.of(LONG_ROW + LONG_ROW, "b"),
                new double[][] {{1, 0.5}, {0.5, 1}}).render();
        // the long subtitle, the long row/category label and the option text are cut, and each can be read whole
        assertThat(cutTexts(bars)).contains(LONG_SUBTITLE, LONG_ROW, LONG_OPTION);
        assertThat(cutTexts(dots)).contains(LONG_SUBTITLE, LONG_ROW, "Q6 " + LONG_OPTION);
        assertThat(cutTexts(heat)).contains(LONG_ROW + LONG_ROW);
    }

    @Test
    void wrappedTextMarksOnlyTheCutLine() throws Exception {
        SvgWriter w = new SvgWriter(300, 100, "t");
        assertThat(w.wrappedText(10, 20, "short text", SvgWriter.Anchor.LEFT, 12, 16, 280, 2, "")).isEqualTo(1);
        assertThat(w.wrappedText(10, 40, LONG_SUBTITLE, SvgWriter.Anchor.LEFT, 12, 16, 280, 2, "")).isEqualTo(2);
        String out = w.finish();
        assertThat(cutTexts(out)).containsExactly(LONG_SUBTITLE);
        assertThat(out).containsOnlyOnce("<title>" + SvgWriter.escape(LONG_SUBTITLE));
    }

    /** The drawn lines of the texts with a class, joined with spaces (as a reader of the printed page reads them). */
    private static String drawnWithClass(String svg, String cls) throws Exception {
        List<String> lines = new ArrayList<>();
        for (Element e : SvgDom.elements(svg)) {
            if (e.getLocalName().equals("text") && e.getAttribute("class").equals(cls)) {
                lines.add(drawn(e));
            }
        }
        return String.join(" ", lines);
    }

    @Test
    void thePilotsQ6LabelIsDrawnWhole() throws Exception {
        String q6 = "Willingness to share cultural or demographic information to improve alignment";
        SeriesData d = SeriesData.builder(List.of("Q1", "Q2", "Q3", "Q5", "Q6"))
                .subLabel(0, List.of("Perception of current AI")).subLabel(4, List.of(q6))
                .series("Arabic", List.of(Estimate.of(1.4, 0.7, 2.2), Estimate.of(7.7), Estimate.of(6.7), Estimate.of(6.0),
                        Estimate.of(6.7))).build();
        String svg = IntervalChart.builder("Group means", d).yRange(1, 10).render();
        assertThat(cutTexts(svg)).isEmpty();
        assertThat(String.join(" ", drawnTexts(svg))).contains(q6.replace("demographic information", "demographic")
                .substring(0, 40));
        assertThat(drawnWithClass(svg, "full-labels")).isEmpty();
    }

    @Test
    void labelsStillShortenedAreWrittenWholeUnderTheChart() throws Exception {
        String bars = IntervalChart.builder("Alignment", data()).width(400).render();
        String dots = DotPlot.builder("Alignment", data()).width(520).maxLabelWidth(150).render();
        // on paper there is no tooltip: the whole texts are printed under the plot (the long model name breaks
        // after a hyphen, so compare without white space)
        assertThat(drawnWithClass(bars, "full-labels").replaceAll("\\s+", "")).isEqualTo((SvgWriter.FULL_LABELS + "Q6: "
                + LONG_OPTION + "; " + LONG_ROW + ".").replaceAll("\\s+", ""));
        assertThat(drawnWithClass(dots, "full-labels").replaceAll("\\s+", "")).isEqualTo((SvgWriter.FULL_LABELS
                + "Q6 " + LONG_OPTION + "; " + LONG_ROW + ".").replaceAll("\\s+", ""));
        // ... below everything else the chart draws, inside its height
        for (String svg : List.of(bars, dots)) {
            List<Element> all = SvgDom.elements(svg);
            double height = Double.parseDouble(all.get(0).getAttribute("height"));
            double lowest = 0;
            double firstNote = Double.MAX_VALUE;
            for (Element e : all) {
                if (e.getLocalName().equals("text")) {
                    double y = Double.parseDouble(e.getAttribute("y"));
                    if (e.getAttribute("class").equals("full-labels")) {
                        firstNote = Math.min(firstNote, y);
                        assertThat(y).isLessThan(height);
                    } else {
                        lowest = Math.max(lowest, y);
                    }
                }
            }
            assertThat(firstNote).isGreaterThan(lowest);
        }
    }
}
