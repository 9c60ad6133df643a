package org.pluralstats.report.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Issue 15: the shaded row bands must not hide the gridlines and the dashed reference line. */
class DotPlotLayeringTest {

    private static String fiveRows() {
        List<String> cats = List.of("ar", "en", "fa", "zh", "ru");
        List<Estimate> a = new ArrayList<>();
        List<Estimate> b = new ArrayList<>();
        for (int i = 0; i < cats.size(); i++) {
            a.add(Estimate.of(-0.2 + 0.1 * i, -0.4 + 0.1 * i, 0.1 * i));
            b.add(Estimate.of(0.3 - 0.1 * i, 0.1 - 0.1 * i, 0.5 - 0.1 * i));
        }
        SeriesData d = SeriesData.builder(cats).series("model A", a).series("model B", b).build();
        return DotPlot.builder("Bias", d).reference(0).xLabel("bias").render();
    }

    @Test
    void rowBandsArePaintedBeforeGridlinesReferenceLineAndMarks() throws Exception {
        List<Element> all = SvgDom.elements(fiveRows());
        List<Integer> bands = SvgDom.indices(all, "rect", "fill", DotPlot.ROW_BAND);
        List<Integer> grid = SvgDom.indices(all, "line", "stroke", ChartStyle.GRID);
        List<Integer> reference = new ArrayList<>();
        for (int i : SvgDom.indices(all, "line")) {
            if (!all.get(i).getAttribute("stroke-dasharray").isEmpty()) {
                reference.add(i);
            }
        }
        List<Integer> marks = new ArrayList<>();
        for (int i : SvgDom.indices(all, "circle")) {
            if (all.get(i).getElementsByTagNameNS("*", "title").getLength() > 0) {
                marks.add(i); // data points carry a tooltip; legend swatches do not
            }
        }
        // five rows: rows 2 and 4 are shaded
        assertThat(bands).hasSize(2);
        assertThat(grid).hasSizeGreaterThan(2);
        assertThat(reference).hasSize(1);
        assertThat(marks).isNotEmpty();
        int lastBand = Collections.max(bands);
        assertThat(Collections.min(grid)).isGreaterThan(lastBand);
        assertThat(reference.get(0)).isGreaterThan(lastBand);
        assertThat(Collections.min(marks)).isGreaterThan(lastBand);
        // the reference line is drawn over the gridlines, which stay light
        assertThat(reference.get(0)).isGreaterThan(Collections.max(grid));
    }
}
