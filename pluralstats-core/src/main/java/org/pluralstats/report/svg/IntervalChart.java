package org.pluralstats.report.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A vertical chart of estimates with intervals: categories along the x axis, the series of each
 * category side by side, drawn as bars or as points, each with its interval as an error bar. Used for
 * group means with 95% CIs per item (the pilot's Table 1 as a chart), shares with Wilson intervals,
 * and any estimate per category × series (alignment per model × language, bias per model × language).
 *
 * <pre>{@code
 * String svg = IntervalChart.builder("Group means", data).yLabel("mean (1–10)").yRange(1, 10).render();
 * }</pre>
 */
public final class IntervalChart {
    /** How the estimates are drawn. */
    public enum Mark {
        /** A bar from the baseline to the value. */
        BAR,
        /** A point at the value. */
        POINT
    }

    /** The most lines a category's sub-label wraps to before it is shortened (and written whole below). */
    static final int SUB_LABEL_LINES = 4;

    /** The default width in pixels. */
    public static final double DEFAULT_WIDTH = 880;

    private final Builder b;

    private IntervalChart(Builder b) {
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
        double width = b.width;
        double left = 64;
        double right = 16;
        double plotW = width - left - right;
        double band = nc == 0 ? plotW : plotW / nc;
        // each sub-label wraps to at most four lines; a line still cut carries the whole text as its title,
        // and every label shortened with "…" is also written whole under the chart, for paper
        List<List<String[]>> subs = new ArrayList<>();
        List<String> full = new ArrayList<>();
        int subLines = 0;
        for (int c = 0; c < nc; c++) {
            List<String[]> lines = new ArrayList<>();
            String category = d.categories().get(c);
            if (!ChartStyle.fit(category, ChartStyle.FONT_SIZE, band - 4).equals(category)) {
                full.add(category);
            }
            for (String s : d.subLabels(c)) {
                List<String> wrapped = ChartStyle.wrap(s, ChartStyle.FONT_SIZE - 1, band - 6, SUB_LABEL_LINES);
                for (int k = 0; k < wrapped.size(); k++) {
                    boolean cut = wrapped.get(k).endsWith("…") && ChartStyle.isCut(s, wrapped);
                    lines.add(new String[] {wrapped.get(k), cut ? s : wrapped.get(k)});
                }
                if (ChartStyle.isCut(s, wrapped)) {
                    full.add(category + ": " + s);
                }
            }
            subs.add(lines);
            subLines = Math.max(subLines, lines.size());
        }
        int legendRows = ns > 1 || b.legendAlways ? Legend.rows(d.series(), plotW) : 0;
        int subtitleLines = b.subtitle.isEmpty() ? 0 : ChartStyle.wrap(b.subtitle, ChartStyle.FONT_SIZE, plotW, 2).size();
        double top = 30 + subtitleLines * 16 + legendRows * Legend.ROW + 12;
        double bottom = 22 + subLines * 14 + (b.xLabel.isEmpty() ? 0 : 20) + 8;
        double[] range = range(d);
        // a chart that clips an interval says so under the axis title, in words a printed page keeps
        String note = b.clipped(range).isEmpty() ? "" : b.clipNote.orElseGet(() -> clipNote(range));
        List<String> noteLines = new ArrayList<>(note.isEmpty() ? List.of()
                : ChartStyle.wrap(note, ChartStyle.FONT_SIZE - 1, plotW, 3));
        int clipLines = noteLines.size();
        String fullNote = full.isEmpty() ? "" : SvgWriter.FULL_LABELS + String.join("; ", full) + ".";
        if (!full.isEmpty()) {
            noteLines.addAll(ChartStyle.wrap(fullNote, ChartStyle.FONT_SIZE - 1, plotW, 8));
        }
        double noteTop = top + b.plotHeight + bottom;
        double height = noteTop + (noteLines.isEmpty() ? 0 : noteLines.size() * 14 + 6);
        SvgWriter svg = new SvgWriter(width, height, b.title);
        svg.text(left, 20, b.title, SvgWriter.Anchor.LEFT, ChartStyle.TITLE_SIZE, "font-weight=\"bold\"");
        if (!b.subtitle.isEmpty()) {
            svg.wrappedText(left, 37, b.subtitle, SvgWriter.Anchor.LEFT, ChartStyle.FONT_SIZE, 16, plotW, 2,
                    "fill=\"" + ChartStyle.MUTED + "\"");
        }
        if (legendRows > 0) {
            Legend.draw(svg, d.series(), left, 30 + subtitleLines * 16, plotW, b.mark == Mark.POINT);
        }
        double y0 = range[0];
        double y1 = range[1];
        double plotTop = top;
        double plotBottom = top + b.plotHeight;
        java.util.function.DoubleUnaryOperator y = v -> plotBottom - (v - y0) / (y1 - y0) * (plotBottom - plotTop);
        // grid and y axis
        for (ChartStyle.AxisLabel t : ChartStyle.axisLabels(y0, y1, 6, plotBottom - plotTop, false, b.tickDecimals, b.unit)) {
            double yy = y.applyAsDouble(t.value());
            svg.line(left, yy, left + plotW, yy, ChartStyle.GRID, 1, "class=\"grid\"");
            svg.text(left - 6, yy + 4, t.text(), SvgWriter.Anchor.RIGHT,
                    ChartStyle.FONT_SIZE - 1, "fill=\"" + ChartStyle.MUTED + "\" class=\"tick\"");
        }
        svg.line(left, plotTop, left, plotBottom, ChartStyle.AXIS, 1, "");
        double base = b.mark == Mark.BAR ? b.baseline.orElse(Math.max(y0, Math.min(0, y1))) : y0;
        svg.line(left, plotBottom, left + plotW, plotBottom, ChartStyle.AXIS, 1, "");
        if (b.reference.isPresent() && b.reference.getAsDouble() > y0 && b.reference.getAsDouble() < y1) {
            double yy = y.applyAsDouble(b.reference.getAsDouble());
            svg.line(left, yy, left + plotW, yy, ChartStyle.AXIS, 1, "stroke-dasharray=\"4 3\"");
        }
        if (!b.yLabel.isEmpty()) {
            svg.verticalText(16, (plotTop + plotBottom) / 2, b.yLabel, ChartStyle.FONT_SIZE);
        }
        // marks
        double inner = band * (ns > 1 ? 0.84 : 0.5);
        double slot = ns == 0 ? inner : inner / ns;
        for (int c = 0; c < nc; c++) {
            double bandLeft = left + c * band;
            double groupLeft = bandLeft + (band - inner) / 2;
            for (int s = 0; s < ns; s++) {
                Estimate e = d.get(s, c);
                double cx = groupLeft + slot * (s + 0.5);
                String colour = ChartStyle.colour(s);
                String tip = d.series().get(s) + " · " + d.categories().get(c) + ": " + describe(e);
                if (!e.present()) {
                    svg.text(cx, plotBottom - 4, "–", SvgWriter.Anchor.MIDDLE, ChartStyle.FONT_SIZE - 1,
                            "fill=\"" + ChartStyle.MUTED + "\"");
                    continue;
                }
                double v = clamp(e.value(), y0, y1);
                if (b.mark == Mark.BAR) {
                    double bw = Math.min(slot * 0.82, 56);
                    double ya = y.applyAsDouble(Math.max(v, base));
                    double yb = y.applyAsDouble(Math.min(v, base));
                    svg.rect(cx - bw / 2, ya, bw, yb - ya, colour, "fill-opacity=\"0.85\"", tip);
                    if (ChartStyle.hatched(s)) {
                        svg.hatch(cx - bw / 2, ya, bw, yb - ya);
                    }
                }
                if (e.hasInterval()) {
                    double ylo = y.applyAsDouble(clamp(e.lower(), y0, y1));
                    double yhi = y.applyAsDouble(clamp(e.upper(), y0, y1));
                    double cap = Math.min(slot * 0.25, 6);
                    String stroke = b.mark == Mark.BAR ? ChartStyle.AXIS : colour;
                    svg.line(cx, ylo, cx, yhi, stroke, 1.5, "");
                    // an end beyond the axis gets an arrow at the axis end instead of a cap (drawn after
                    // the point, which may sit on it)
                    if (e.lower() >= y0) {
                        svg.line(cx - cap, ylo, cx + cap, ylo, stroke, 1.5, "class=\"cap\"");
                    }
                    if (e.upper() <= y1) {
                        svg.line(cx - cap, yhi, cx + cap, yhi, stroke, 1.5, "class=\"cap\"");
                    }
                }
                if (b.mark == Mark.POINT) {
                    svg.marker(ChartStyle.marker(s), cx, y.applyAsDouble(v), Math.min(5, Math.max(3, slot * 0.3)), colour, tip);
                }
                if (e.hasInterval() && e.lower() < y0) {
                    svg.arrowHead(cx, plotBottom, 0, 1, 7, b.mark == Mark.BAR ? ChartStyle.AXIS : colour);
                }
                if (e.hasInterval() && e.upper() > y1) {
                    svg.arrowHead(cx, plotTop, 0, -1, 7, b.mark == Mark.BAR ? ChartStyle.AXIS : colour);
                }
                if (b.valueLabels) {
                    double ylab = y.applyAsDouble(e.hasInterval() ? Math.max(v, clamp(e.upper(), y0, y1)) : v) - 5;
                    svg.text(cx, Math.max(plotTop + 10, ylab), ChartStyle.format(e.value(), b.valueDecimals) + b.unit,
                            SvgWriter.Anchor.MIDDLE, ChartStyle.FONT_SIZE - 1, "");
                }
            }
            double cx = bandLeft + band / 2;
            svg.text(cx, plotBottom + 16, ChartStyle.fit(d.categories().get(c), ChartStyle.FONT_SIZE, band - 4),
                    SvgWriter.Anchor.MIDDLE, ChartStyle.FONT_SIZE, "font-weight=\"bold\"", d.categories().get(c));
            List<String[]> lines = subs.get(c);
            for (int k = 0; k < lines.size(); k++) {
                svg.text(cx, plotBottom + 31 + 14 * k, lines.get(k)[0], SvgWriter.Anchor.MIDDLE, ChartStyle.FONT_SIZE - 1,
                        "fill=\"" + ChartStyle.MUTED + "\"", lines.get(k)[1]);
            }
        }
        if (!b.xLabel.isEmpty()) {
            svg.text(left + plotW / 2, noteTop - 10, b.xLabel, SvgWriter.Anchor.MIDDLE, ChartStyle.FONT_SIZE, "");
        }
        for (int k = 0; k < noteLines.size(); k++) {
            boolean clip = k < clipLines;
            svg.text(left, noteTop + 8 + 14 * k, noteLines.get(k), SvgWriter.Anchor.LEFT, ChartStyle.FONT_SIZE - 1,
                    "fill=\"" + ChartStyle.MUTED + "\" class=\"" + (clip ? "clip-note" : "full-labels") + "\"",
                    clip ? note : fullNote);
        }
        return svg.finish();
    }

    private String clipNote(double[] range) {
        int decimals = ChartStyle.labelDecimals(new double[] {range[0], range[1]}, 0);
        return "An arrowhead at the axis end marks an interval clipped to the axis (" + ChartStyle.format(range[0], decimals)
                + b.unit + "\u2013" + ChartStyle.format(range[1], decimals) + b.unit
                + "); its tooltip and the table give it whole.";
    }

    private double[] range(SeriesData d) {
        if (b.yRange.isPresent()) {
            return b.yRange.get();
        }
        double[] ext = d.extent();
        double lo = Double.isNaN(ext[0]) ? 0 : ext[0];
        double hi = Double.isNaN(ext[1]) ? 1 : ext[1];
        if (b.mark == Mark.BAR) {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        return ChartStyle.roundedRange(lo, hi, 0.06, lo < 0 || b.mark == Mark.POINT);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private String describe(Estimate e) {
        if (!e.present()) {
            return "no estimate";
        }
        String s = ChartStyle.format(e.value(), b.valueDecimals + 1) + b.unit;
        if (e.hasInterval()) {
            s += " [" + ChartStyle.format(e.lower(), b.valueDecimals + 1) + ", "
                    + ChartStyle.format(e.upper(), b.valueDecimals + 1) + "]";
        }
        return s;
    }

    /** Configures an {@link IntervalChart}. */
    public static final class Builder implements Chart {
        private final String title;
        private final SeriesData data;
        private String subtitle = "";
        private String xLabel = "";
        private String yLabel = "";
        private String unit = "";
        private Optional<double[]> yRange = Optional.empty();
        private OptionalDouble baseline = OptionalDouble.empty();
        private OptionalDouble reference = OptionalDouble.empty();
        private Mark mark = Mark.BAR;
        private double width = DEFAULT_WIDTH;
        private double plotHeight = 280;
        private int tickDecimals = 0;
        private int valueDecimals = 2;
        private boolean valueLabels;
        private boolean legendAlways;
        private Optional<String> clipNote = Optional.empty();

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

        /** @param label the x axis title @return this */
        public Builder xLabel(String label) {
            this.xLabel = label;
            return this;
        }

        /** @param label the y axis title @return this */
        public Builder yLabel(String label) {
            this.yLabel = label;
            return this;
        }

        /** @param unit appended to tick and value labels ({@code "%"}) @return this */
        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        /**
         * @param min the y axis' lower end
         * @param max its upper end
         * @return this
         */
        public Builder yRange(double min, double max) {
            this.yRange = Optional.of(new double[] {min, max});
            return this;
        }

        /** @param value where bars start (default 0, or the axis' lower end when 0 is outside) @return this */
        public Builder baseline(double value) {
            this.baseline = OptionalDouble.of(value);
            return this;
        }

        /** @param value a dashed horizontal reference line (e.g. no bias at 0) @return this */
        public Builder reference(double value) {
            this.reference = OptionalDouble.of(value);
            return this;
        }

        /** @param mark bars or points @return this */
        public Builder mark(Mark mark) {
            this.mark = mark;
            return this;
        }

        /** @param pixels the chart's width @return this */
        public Builder width(double pixels) {
            this.width = pixels;
            return this;
        }

        /** @param pixels the plot area's height @return this */
        public Builder plotHeight(double pixels) {
            this.plotHeight = pixels;
            return this;
        }

        /** @param decimals decimals of axis ticks @return this */
        public Builder tickDecimals(int decimals) {
            this.tickDecimals = decimals;
            return this;
        }

        /** @param decimals decimals of values in labels and tooltips @return this */
        public Builder valueDecimals(int decimals) {
            this.valueDecimals = decimals;
            return this;
        }

        /** @param show whether to print each value above its mark @return this */
        public Builder valueLabels(boolean show) {
            this.valueLabels = show;
            return this;
        }

        /** @param show whether to draw the legend even for a single series @return this */
        public Builder legendAlways(boolean show) {
            this.legendAlways = show;
            return this;
        }

        /**
         * @param text the note drawn under the chart when an interval runs past the value axis and is clipped to
         *     it (default: "An arrowhead at the axis end marks an interval clipped to the axis (MIN–MAX); its
         *     tooltip and the table give it whole.")
         * @return this
         */
        public Builder clipNote(String text) {
            this.clipNote = Optional.of(text);
            return this;
        }

        /**
         * @return each interval the chart clips to its value axis (the axis range set by {@link #yRange}, or the
         *     one the data gives), as {@code "SERIES CATEGORY [LOWER, UPPER]"} with the value decimals, in drawing
         *     order; empty when every interval fits
         */
        public List<String> clippedIntervals() {
            return clipped(new IntervalChart(this).range(data));
        }

        List<String> clipped(double[] range) {
            List<String> out = new ArrayList<>();
            for (int c = 0; c < data.categories().size(); c++) {
                for (int s = 0; s < data.series().size(); s++) {
                    Estimate e = data.get(s, c);
                    if (e.present() && e.hasInterval() && (e.lower() < range[0] || e.upper() > range[1])) {
                        out.add(data.series().get(s) + " " + data.categories().get(c) + " ["
                                + ChartStyle.format(e.lower(), valueDecimals) + ", " + ChartStyle.format(e.upper(), valueDecimals)
                                + "]");
                    }
                }
            }
            return out;
        }

        /** @return the chart */
        public IntervalChart build() {
            return new IntervalChart(this);
        }

        /** @return the SVG of the chart */
        @Override
        public String render() {
            return build().render();
        }
    }
}
