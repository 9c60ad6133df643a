package org.pluralstats.report.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Issue 15: a dot plot's long row label wraps onto two or three lines in a taller row before it is shortened. */
class DotPlotRowLabelTest {
    private static final String Q33 = "Q33 Jobs scarce: men should have more right to a job than women";
    private static final String HUGE = "Q99 Jobs scarce: men should have more right to a job than women, and employers "
            + "should give priority to people of this country over immigrants when jobs are scarce";
    private static final String ARABIC = "عندما تكون الوظائف نادرة يجب أن يكون للرجال حق في العمل أكثر من النساء";

    private static String drawn(Element text) {
        StringBuilder sb = new StringBuilder();
        for (Node n = text.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE) {
                sb.append(n.getNodeValue());
            }
        }
        return sb.toString();
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

    private static double num(Element e, String attr) {
        return Double.parseDouble(e.getAttribute(attr));
    }

    private static SeriesData rows(String... labels) {
        List<Estimate> a = new ArrayList<>();
        List<Estimate> b = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            a.add(Estimate.of(0.2 + 0.1 * i, 0.1 + 0.1 * i, 0.3 + 0.1 * i));
            b.add(Estimate.of(0.4, 0.35, 0.45));
        }
        return SeriesData.builder(List.of(labels)).series("USA", a).series("DEU", b).build();
    }

    /** The row labels' lines, grouped by the label (their tooltip-free full text is the label). */
    private static List<Element> labelLines(List<Element> all) {
        return withClass(all, "row-label");
    }

    @Test
    void q33WrapsOntoTwoLinesInATallerRowWithoutEllipsis() throws Exception {
        List<Element> all = SvgDom.elements(DotPlot.builder("Scores", rows("Q6 Important in life: Religion", Q33, "Q57 Trust"))
                .render());
        List<Element> lines = labelLines(all);
        assertThat(lines).hasSize(4);
        assertThat(drawn(lines.get(1)) + " " + drawn(lines.get(2))).isEqualTo(Q33);
        for (Element l : lines) {
            assertThat(drawn(l)).doesNotContain("…");
            assertThat(ChartStyle.textWidth(drawn(l), ChartStyle.FONT_SIZE)).isLessThanOrEqualTo(260);
        }
        assertThat(withClass(all, "full-labels")).isEmpty();
        // the second row (shaded) is taller than a one-line row and holds both lines and its points
        List<Element> bands = withClass(all, "row-band");
        assertThat(bands).hasSize(1);
        double top = num(bands.get(0), "y");
        double bottom = top + num(bands.get(0), "height");
        assertThat(num(bands.get(0), "height")).isGreaterThan(24).isGreaterThanOrEqualTo(2 * DotPlot.LINE_HEIGHT + 8);
        assertThat(num(lines.get(1), "y") - 12).isGreaterThanOrEqualTo(top);
        assertThat(num(lines.get(2), "y") + 3).isLessThanOrEqualTo(bottom);
        assertThat(num(lines.get(2), "y") - num(lines.get(1), "y")).isEqualTo(DotPlot.LINE_HEIGHT);
        int inRow = 0;
        for (Element e : all) {
            if (e.getLocalName().equals("circle") && e.getElementsByTagNameNS("*", "title").getLength() > 0
                    && e.getTextContent().contains("Q33")) {
                assertThat(num(e, "cy")).isBetween(top, bottom);
                inRow++;
            }
        }
        assertThat(inRow).isEqualTo(2);
        // rows stay in order: the third label sits below the band
        assertThat(num(lines.get(3), "y")).isGreaterThan(bottom);
    }

    @Test
    void aLabelLongerThanThreeLinesIsShortenedWithItsTooltipAndTheNote() throws Exception {
        List<Element> all = SvgDom.elements(DotPlot.builder("Scores", rows(HUGE, "Q57 Trust")).render());
        List<Element> lines = labelLines(all);
        assertThat(lines).hasSize(DotPlot.LABEL_LINES + 1);
        Element last = lines.get(DotPlot.LABEL_LINES - 1);
        assertThat(drawn(last)).endsWith("…");
        assertThat(last.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo(HUGE);
        // the first lines are whole words of the label and carry no tooltip
        assertThat(HUGE).startsWith(drawn(lines.get(0)) + " " + drawn(lines.get(1)));
        assertThat(lines.get(0).getElementsByTagNameNS("*", "title").getLength()).isZero();
        StringBuilder note = new StringBuilder();
        for (Element e : withClass(all, "full-labels")) {
            note.append(drawn(e)).append(' ');
        }
        assertThat(note.toString().replaceAll("\\s+", " ")).contains(HUGE);
    }

    @Test
    void aLongRegressionTermWrapsAfterItsInteractionColons() throws Exception {
        String term = "multilingual:family[openai]:language[Portuguese]";
        assertThat(ChartStyle.breakPoints(term)).containsExactly(13, 28);
        // before: shortened to "multilingual:family[openai]:la…" in a 200 px label column
        List<Element> all = SvgDom.elements(DotPlot.builder("Coefficients", rows(term, "consistency")).maxLabelWidth(200)
                .render());
        List<Element> lines = labelLines(all);
        assertThat(lines).hasSize(3);
        assertThat(drawn(lines.get(0))).isEqualTo("multilingual:family[openai]:");
        assertThat(drawn(lines.get(1))).isEqualTo("language[Portuguese]");
        assertThat(withClass(all, "full-labels")).isEmpty();
    }

    @Test
    void rightToLeftLabelsWrapWithEveryLineRightToLeft() throws Exception {
        List<Element> all = SvgDom.elements(DotPlot.builder("Scores", rows(ARABIC, "Q33 " + ARABIC)).maxLabelWidth(200)
                .render());
        List<Element> lines = labelLines(all);
        List<Element> arabic = new ArrayList<>();
        List<Element> mixed = new ArrayList<>();
        double firstRowBottom = num(withClass(all, "row-band").get(0), "y");
        for (Element l : lines) {
            (num(l, "y") < firstRowBottom ? arabic : mixed).add(l);
        }
        assertThat(arabic).hasSizeGreaterThan(1);
        assertThat(mixed).hasSizeGreaterThan(1);
        // an Arabic label: every line right-to-left, anchored at its start (which is on the right of the page)
        for (Element l : arabic) {
            assertThat(l.getAttribute("direction")).isEqualTo("rtl");
            assertThat(l.getAttribute("text-anchor")).isEqualTo("start");
        }
        // a label that begins with its item code is a left-to-right paragraph: its all-Arabic second line too
        for (Element l : mixed) {
            assertThat(l.getAttribute("direction")).isEqualTo("ltr");
            assertThat(l.getAttribute("text-anchor")).isEqualTo("end");
        }
        StringBuilder joined = new StringBuilder();
        for (Element l : arabic) {
            joined.append(drawn(l)).append(' ');
        }
        assertThat(joined.toString().strip()).isEqualTo(ARABIC);
        // all right-aligned at the same x, right of which the plot starts
        assertThat(lines).allSatisfy(l -> assertThat(num(l, "x")).isEqualTo(num(lines.get(0), "x")));
    }
}
