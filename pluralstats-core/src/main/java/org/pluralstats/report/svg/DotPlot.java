package org.pluralstats.report.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A horizontal dot plot with intervals: one row per category (label on the left, room for long or
 * right-to-left labels; a label wider than its column wraps onto up to three lines, the row
 * growing to hold them, and only then is shortened with "…", its whole text in a tooltip and under the
 * chart), the series of a row as coloured points offset within it, each with its
 * interval as a whisker; the value axis runs along the bottom. Suited to many categories × several
 * series: value polarity scores per item × country, alignment per language × model, similarity per
 * population.
 */
public final class DotPlot {
    /** The fill of every other row's shading band. */
    static final String ROW_BAND = "#f6f6f6";

    /** The most lines a row label wraps onto before it is shortened with "…". */
    static final int LABEL_LINES = 3;

    /** The distance between the baselines of a wrapped row label's lines. */
    static final double LINE_HEIGHT = 14;

    private final Builder b;

    private DotPlot(Builder b) {
        this.b = b;
    }

    /**
     * @param title the chart title
     * @param data the estimates
     * @return a builder
     */
    public static Builder builder(String title, SeriesData data) {
        return new Builder(title, data);
    }

    /** @return the SVG */
    public String render() {
        SeriesData d = b.data;
        int nc = d.categories().size();
        int ns = d.series().size();
        double labelW = 0;
        for (int c = 0; c < nc; c++) {
            labelW = Math.max(labelW, ChartStyle.textWidth(label(d, c), ChartStyle.FONT_SIZE));
        }
        labelW = Math.min(labelW, b.maxLabelWidth);
        double left = labelW + 20;
        double right = 20;
        double plotW = b.width - left - right;
        int legendRows = ns > 1 ? Legend.rows(d.series(), b.width - 24) : 0;
        int subtitleLines = b.subtitle.isEmpty() ? 0 : ChartStyle.wrap(b.subtitle, ChartStyle.FONT_SIZE, b.width - 24, 2).size();
        double top = 30 + subtitleLines * 16 + legendRows * Legend.ROW + 12;
        // a row label too long for its column wraps onto up to LABEL_LINES lines, its row growing to hold them;
        // one still too long is shortened with "…", keeps its tooltip and is written whole under the chart
        double baseRowH = Math.max(24, ns * 8 + 10);
        List<List<String>> rowLabels = new ArrayList<>();
        double[] rowTops = new double[nc + 1];
        List<String> full = new ArrayList<>();
        for (int c = 0; c < nc; c++) {
            List<String> lines = ChartStyle.wrap(label(d, c), ChartStyle.FONT_SIZE, labelW, LABEL_LINES);
            rowLabels.add(lines);
            if (ChartStyle.isCut(label(d, c), lines)) {
                full.add(label(d, c));
            }
            rowTops[c + 1] = rowTops[c] + rowHeight(baseRowH, lines.size());
        }
        double plotH = rowTops[nc];
        String fullNote = full.isEmpty() ? "" : SvgWriter.FULL_LABELS + String.join("; ", full) + ".";
        double[] range = range(d);
        // an interval clipped to the axis is said so in words under the chart, before the labels in full
        boolean clips = false;
        for (int s = 0; s < ns; s++) {
            for (int c = 0; c < nc; c++) {
                Estimate e = d.get(s, c);
                clips |= e.present() && e.hasInterval() && (e.lower() < range[0] || e.upper() > range[1]);
            }
        }
        int endDecimals = ChartStyle.labelDecimals(range, b.tickDecimals);
        String clipNote = !clips ? "" : "An arrowhead at the axis end marks an interval clipped to the axis ("
                + ChartStyle.format(range[0], endDecimals) + b.unit + "\u2013" + ChartStyle.format(range[1], endDecimals) + b.unit
                + "); its tooltip and the table give it whole.";
        List<String> noteLines = new ArrayList<>(clips ? ChartStyle.wrap(clipNote, ChartStyle.FONT_SIZE - 1, b.width - 24, 3)
                : List.of());
        int clipLines = noteLines.size();
        if (!full.isEmpty()) {
            noteLines.addAll(ChartStyle.wrap(fullNote, ChartStyle.FONT_SIZE - 1, b.width - 24, 8));
        }
        double noteTop = top + plotH + 30 + (b.xLabel.isEmpty() ? 0 : 20) + 6;
        double height = noteTop + (noteLines.isEmpty() ? 0 : noteLines.size() * 14 + 6);
        SvgWriter svg = new SvgWriter(b.width, height, b.title);
        svg.text(12, 20, b.title, SvgWriter.Anchor.LEFT, ChartStyle.TITLE_SIZE, "font-weight=\"bold\"");
        if (!b.subtitle.isEmpty()) {
            svg.wrappedText(12, 37, b.subtitle, SvgWriter.Anchor.LEFT, ChartStyle.FONT_SIZE, 16, b.width - 24, 2,
                    "fill=\"" + ChartStyle.MUTED + "\"");
        }
        if (legendRows > 0) {
            Legend.draw(svg, d.series(), 12, 30 + subtitleLines * 16, b.width - 24, true);
        }
        double x0 = range[0];
        double x1 = range[1];
        java.util.function.DoubleUnaryOperator x = v -> left + (Math.max(x0, Math.min(x1, v)) - x0) / (x1 - x0) * plotW;
        double plotBottom = top + plotH;
        // row bands first, so gridlines, the reference line and the marks are drawn over them
        for (int c = 1; c < nc; c += 2) {
            svg.rect(left, top + rowTops[c], plotW, rowTops[c + 1] - rowTops[c], ROW_BAND, "class=\"row-band\"");
        }
        for (ChartStyle.AxisLabel t : ChartStyle.axisLabels(x0, x1, 6, plotW, true, b.tickDecimals, b.unit)) {
            double xx = x.applyAsDouble(t.value());
            svg.line(xx, top, xx, plotBottom, ChartStyle.GRID, 1, "class=\"grid\"");
            svg.text(xx, plotBottom + 16, t.text(), SvgWriter.Anchor.MIDDLE,
                    ChartStyle.FONT_SIZE - 1, "fill=\"" + ChartStyle.MUTED + "\" class=\"tick\"");
        }
        if (b.reference.isPresent() && b.reference.getAsDouble() >= x0 && b.reference.getAsDouble() <= x1) {
            double xx = x.applyAsDouble(b.reference.getAsDouble());
            svg.line(xx, top, xx, plotBottom, ChartStyle.AXIS, 1, "class=\"reference\" stroke-dasharray=\"4 3\"");
        }
        svg.line(left, plotBottom, left + plotW, plotBottom, ChartStyle.AXIS, 1, "");
        for (int c = 0; c < nc; c++) {
            double rowTop = top + rowTops[c];
            double rowH = rowTops[c + 1] - rowTops[c];
            List<String> lines = rowLabels.get(c);
            boolean cut = ChartStyle.isCut(label(d, c), lines);
            for (int k = 0; k < lines.size(); k++) {
                String line = lines.get(k);
                svg.text(left - 8, rowTop + rowH / 2 + 4 + LINE_HEIGHT * (k - (lines.size() - 1) / 2.0), line,
                        SvgWriter.Anchor.RIGHT, ChartStyle.FONT_SIZE, "class=\"row-label\"",
                        cut && line.endsWith("…") ? label(d, c) : line, label(d, c));
            }
            for (int s = 0; s < ns; s++) {
                Estimate e = d.get(s, c);
                if (!e.present()) {
                    continue;
                }
                // the series of a row keep the spacing of a one-line row, centred in a taller one
                double cy = rowTop + rowH / 2 + (ns == 1 ? 0 : (baseRowH - 10) * ((s + 0.5) / ns - 0.5));
                String colour = ChartStyle.colour(s);
                if (e.hasInterval()) {
                    svg.line(x.applyAsDouble(e.lower()), cy, x.applyAsDouble(e.upper()), cy, colour, 1.5, "");
                }
                String tip = d.series().get(s) + " · " + d.categories().get(c) + ": "
                        + ChartStyle.format(e.value(), b.valueDecimals) + b.unit
                        + (e.hasInterval() ? " [" + ChartStyle.format(e.lower(), b.valueDecimals) + ", "
                        + ChartStyle.format(e.upper(), b.valueDecimals) + "]" : "");
                svg.marker(ChartStyle.marker(s), x.applyAsDouble(e.value()), cy, 3.6, colour, tip);
                // an end beyond the axis gets an arrow at the axis end (after the point, which may sit on it)
                if (e.hasInterval() && e.lower() < x0) {
                    svg.arrowHead(x.applyAsDouble(x0), cy, -1, 0, 6, colour);
                }
                if (e.hasInterval() && e.upper() > x1) {
                    svg.arrowHead(x.applyAsDouble(x1), cy, 1, 0, 6, colour);
                }
            }
        }
        svg.line(left, top, left, plotBottom, ChartStyle.AXIS, 1, "");
        if (!b.xLabel.isEmpty()) {
            svg.text(left + plotW / 2, plotBottom + 36, b.xLabel, SvgWriter.Anchor.MIDDLE, ChartStyle.FONT_SIZE, "");
        }
        for (int k = 0; k < noteLines.size(); k++) {
            boolean clip = k < clipLines;
            svg.text(12, noteTop + 8 + 14 * k, noteLines.get(k), SvgWriter.Anchor.LEFT, ChartStyle.FONT_SIZE - 1,
                    "fill=\"" + ChartStyle.MUTED + "\" class=\"" + (clip ? "clip-note" : "full-labels") + "\"",
                    clip ? clipNote : fullNote);
        }
        return svg.finish();
    }

    /**
     * @param baseRowH the height of a row whose label takes one line
     * @param lines the lines its label takes
     * @return the row's height: the base height, or the label's lines plus 4 pixels above and below
     */
    static double rowHeight(double baseRowH, int lines) {
        return Math.max(baseRowH, lines * LINE_HEIGHT + 8);
    }

    private static String label(SeriesData d, int c) {
        String sub = String.join(" ", d.subLabels(c));
        return sub.isEmpty() ? d.categories().get(c) : d.categories().get(c) + " " + sub;
    }

    private double[] range(SeriesData d) {
        if (b.range.isPresent()) {
            return b.range.get();
        }
        double[] ext = d.extent();
        double lo = Double.isNaN(ext[0]) ? 0 : ext[0];
        double hi = Double.isNaN(ext[1]) ? 1 : ext[1];
        if (hi == lo) {
            hi = lo + 1;
        }
        return ChartStyle.roundedRange(lo, hi, 0.05, true);
    }

    /** Configures a {@link DotPlot}. */
    public static final class Builder implements Chart {
        private final String title;
        private final SeriesData data;
        private String subtitle = "";
        private String xLabel = "";
        private String unit = "";
        private Optional<double[]> range = Optional.empty();
        private OptionalDouble reference = OptionalDouble.empty();
        private double width = 880;
        private double maxLabelWidth = 260;
        private int tickDecimals = 1;
        private int valueDecimals = 3;

        /** @return the chart's title */
        @Override
        public String title() {
            return title;
        }

        /** @return {@link SeriesData#degenerate()} of the data drawn */
        @Override
        public Optional<String> degenerate() {
            return data.degenerate();
        }

        private Builder(String title, SeriesData data) {
            this.title = title;
            this.data = data;
        }

        /** @param text a line under the title @return this */
        public Builder subtitle(String text) {
            this.subtitle = text;
            return this;
        }

        /** @param label the value axis title @return this */
        public Builder xLabel(String label) {
            this.xLabel = label;
            return this;
        }

        /** @param unit appended to tick labels @return this */
        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        /**
         * @param min the value axis' lower end
         * @param max its upper end
         * @return this
         */
        public Builder range(double min, double max) {
            this.range = Optional.of(new double[] {min, max});
            return this;
        }

        /** @param value a dashed vertical reference line @return this */
        public Builder reference(double value) {
            this.reference = OptionalDouble.of(value);
            return this;
        }

        /** @param pixels the chart's width @return this */
        public Builder width(double pixels) {
            this.width = pixels;
            return this;
        }

        /**
         * @param pixels the most width the row labels may take (default 260); a longer label wraps onto up to
         *     three lines
         * @return this
         */
        public Builder maxLabelWidth(double pixels) {
            this.maxLabelWidth = pixels;
            return this;
        }

        /** @param decimals decimals of axis ticks @return this */
        public Builder tickDecimals(int decimals) {
            this.tickDecimals = decimals;
            return this;
        }

        /** @param decimals decimals of values in tooltips @return this */
        public Builder valueDecimals(int decimals) {
            this.valueDecimals = decimals;
            return this;
        }

        /** @return the chart */
        public DotPlot build() {
            return new DotPlot(this);
        }

        /** @return the SVG of the chart */
        @Override
        public String render() {
            return build().render();
        }
    }
}
