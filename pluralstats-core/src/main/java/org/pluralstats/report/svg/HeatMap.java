package org.pluralstats.report.svg;

import java.util.List;
import org.pluralstats.PluralstatsException;

/**
 * A matrix of values as coloured cells with the value printed in each: a diverging blue–white–red
 * scale centred on a midpoint (0 for correlations), with a colour key. The seed paper's Figure 2
 * (correlations of value polarity scores between countries) is one.
 */
public final class HeatMap {
    private final Builder b;

    private HeatMap(Builder b) {
        this.b = b;
    }

    /**
     * @param title the chart title
     * @param rows row labels
     * @param columns column labels
     * @param values values[row][column]; NaN cells are drawn grey and empty
     * @return a builder
     */
    public static Builder builder(String title, List<String> rows, List<String> columns, double[][] values) {
        if (values.length != rows.size()) {
            throw new PluralstatsException(values.length + " rows of values for " + rows.size() + " row labels");
        }
        for (double[] r : values) {
            if (r.length != columns.size()) {
                throw new PluralstatsException(r.length + " values in a row for " + columns.size() + " columns");
            }
        }
        return new Builder(title, List.copyOf(rows), List.copyOf(columns), values);
    }

    /**
     * The colour of a value on the diverging scale.
     *
     * @param v the value
     * @param min the scale's lower end (full blue)
     * @param mid its midpoint (white)
     * @param max its upper end (full red)
     * @return an {@code #rrggbb} colour; light grey for NaN
     */
    public static String colour(double v, double min, double mid, double max) {
        if (!Double.isFinite(v)) {
            return "#eeeeee";
        }
        // RdBu end points (ColorBrewer): #2166ac … #f7f7f7 … #b2182b
        int[] lo = {0x21, 0x66, 0xac};
        int[] white = {0xf7, 0xf7, 0xf7};
        int[] hi = {0xb2, 0x18, 0x2b};
        double t;
        int[] end;
        if (v >= mid) {
            t = max > mid ? Math.min(1, (v - mid) / (max - mid)) : 0;
            end = hi;
        } else {
            t = mid > min ? Math.min(1, (mid - v) / (mid - min)) : 0;
            end = lo;
        }
        int r = (int) Math.round(white[0] + (end[0] - white[0]) * t);
        int g = (int) Math.round(white[1] + (end[1] - white[1]) * t);
        int bl = (int) Math.round(white[2] + (end[2] - white[2]) * t);
        return String.format("#%02x%02x%02x", r, g, bl);
    }

    /** @return the SVG */
    public String render() {
        int nr = b.rows.size();
        int nc = b.columns.size();
        double labelW = 0;
        for (String r : b.rows) {
            labelW = Math.max(labelW, ChartStyle.textWidth(r, ChartStyle.FONT_SIZE));
        }
        labelW = Math.min(labelW, 200);
        double colLabelW = 0;
        for (String c : b.columns) {
            colLabelW = Math.max(colLabelW, ChartStyle.textWidth(c, ChartStyle.FONT_SIZE));
        }
        double keyW = 90;
        double left = 12 + labelW + 10;
        double cell = Math.max(28, Math.min(64, (b.width - left - keyW - 16) / Math.max(1, nc)));
        boolean rotate = colLabelW > cell - 4;
        double top = 30 + (b.subtitle.isEmpty() ? 0 : 16) + 10 + (rotate ? Math.min(colLabelW, 120) : 18);
        double height = top + cell * nr + 20 + (b.xLabel.isEmpty() ? 0 : 18);
        double width = Math.max(left + cell * nc + keyW + 16,
                Math.max(ChartStyle.textWidth(b.title, ChartStyle.TITLE_SIZE), ChartStyle.textWidth(b.subtitle, ChartStyle.FONT_SIZE)) + 28);
        SvgWriter svg = new SvgWriter(width, height, b.title);
        svg.text(12, 20, b.title, SvgWriter.Anchor.LEFT, ChartStyle.TITLE_SIZE, "font-weight=\"bold\"");
        if (!b.subtitle.isEmpty()) {
            // the chart is made wide enough for its subtitle, so it is never cut; a title keeps the rule anyway
            svg.text(12, 37, ChartStyle.fit(b.subtitle, ChartStyle.FONT_SIZE, width - 24), SvgWriter.Anchor.LEFT,
                    ChartStyle.FONT_SIZE, "fill=\"" + ChartStyle.MUTED + "\"", b.subtitle);
        }
        for (int j = 0; j < nc; j++) {
            double cx = left + cell * (j + 0.5);
            if (rotate) {
                svg.openGroup("transform=\"rotate(-45 " + SvgWriter.num(cx) + " " + SvgWriter.num(top - 6) + ")\"");
                svg.text(cx, top - 6, ChartStyle.fit(b.columns.get(j), ChartStyle.FONT_SIZE, 120), SvgWriter.Anchor.LEFT,
                        ChartStyle.FONT_SIZE, "", b.columns.get(j));
                svg.closeGroup();
            } else {
                svg.text(cx, top - 6, b.columns.get(j), SvgWriter.Anchor.MIDDLE, ChartStyle.FONT_SIZE, "");
            }
        }
        for (int i = 0; i < nr; i++) {
            double y = top + cell * i;
            svg.text(left - 8, y + cell / 2 + 4, ChartStyle.fit(b.rows.get(i), ChartStyle.FONT_SIZE, labelW),
                    SvgWriter.Anchor.RIGHT, ChartStyle.FONT_SIZE, "", b.rows.get(i));
            for (int j = 0; j < nc; j++) {
                double v = b.values[i][j];
                String fill = colour(v, b.min, b.mid, b.max);
                String tip = b.rows.get(i) + " × " + b.columns.get(j) + ": "
                        + (Double.isFinite(v) ? ChartStyle.format(v, b.decimals + 1) : "undefined");
                svg.rect(left + cell * j, y, cell, cell, fill, "stroke=\"#ffffff\" stroke-width=\"1\"", tip);
                if (Double.isFinite(v)) {
                    double t = Math.abs(v - b.mid) / Math.max(1e-12, v >= b.mid ? b.max - b.mid : b.mid - b.min);
                    svg.text(left + cell * (j + 0.5), y + cell / 2 + 4, ChartStyle.format(v, b.decimals),
                            SvgWriter.Anchor.MIDDLE, Math.min(ChartStyle.FONT_SIZE, cell / 3.2),
                            t > 0.55 ? "fill=\"#ffffff\"" : "fill=\"#222222\"");
                }
            }
        }
        // colour key
        double kx = left + cell * nc + 24;
        double kh = Math.min(cell * nr, 220);
        int steps = 40;
        for (int k = 0; k < steps; k++) {
            double v = b.max - (b.max - b.min) * (k + 0.5) / steps;
            svg.rect(kx, top + kh * k / steps, 16, kh / steps + 0.5, colour(v, b.min, b.mid, b.max), "");
        }
        svg.rect(kx, top, 16, kh, "none", "stroke=\"" + ChartStyle.AXIS + "\" stroke-width=\"0.5\"");
        for (double t : ChartStyle.ticks(b.min, b.max, 4)) {
            double yy = top + (b.max - t) / (b.max - b.min) * kh;
            svg.line(kx + 16, yy, kx + 20, yy, ChartStyle.AXIS, 1, "");
            svg.text(kx + 23, yy + 4, ChartStyle.format(t, 1), SvgWriter.Anchor.LEFT, ChartStyle.FONT_SIZE - 1, "");
        }
        if (!b.keyLabel.isEmpty()) {
            svg.text(kx, top + kh + 16, b.keyLabel, SvgWriter.Anchor.LEFT, ChartStyle.FONT_SIZE - 1, "");
        }
        if (!b.xLabel.isEmpty()) {
            svg.text(left + cell * nc / 2, height - 8, b.xLabel, SvgWriter.Anchor.MIDDLE, ChartStyle.FONT_SIZE - 1,
                    "fill=\"" + ChartStyle.MUTED + "\"");
        }
        return svg.finish();
    }

    /** Configures a {@link HeatMap}. */
    public static final class Builder implements Chart {
        private final String title;
        private final List<String> rows;
        private final List<String> columns;
        private final double[][] values;
        private String subtitle = "";
        private String keyLabel = "";
        private String xLabel = "";
        private double min = -1;
        private double mid = 0;
        private double max = 1;
        private int decimals = 2;
        private double width = 760;

        private Builder(String title, List<String> rows, List<String> columns, double[][] values) {
            this.title = title;
            this.rows = rows;
            this.columns = columns;
            this.values = values;
        }

        /** @return the chart's title */
        @Override
        public String title() {
            return title;
        }

        /**
         * @return "no value is defined" when no cell is finite; "every defined value is V" when two or more
         *     cells are and all are equal (a correlation matrix whose only defined cells are its diagonal of
         *     1s); otherwise empty
         */
        @Override
        public java.util.Optional<String> degenerate() {
            int cells = 0;
            int defined = 0;
            double first = Double.NaN;
            boolean same = true;
            for (double[] row : values) {
                for (double v : row) {
                    cells++;
                    if (Double.isFinite(v)) {
                        if (defined++ == 0) {
                            first = v;
                        } else {
                            same &= v == first;
                        }
                    }
                }
            }
            if (defined == 0) {
                return java.util.Optional.of("no value is defined");
            }
            return cells > 1 && same ? java.util.Optional.of((defined < cells ? "every defined value is " : "every value is ")
                    + org.pluralstats.data.ShortestDecimal.format(first)) : java.util.Optional.empty();
        }

        /** @param text a line under the title @return this */
        public Builder subtitle(String text) {
            this.subtitle = text;
            return this;
        }

        /** @param label what the colours mean ({@code "Pearson r"}) @return this */
        public Builder keyLabel(String label) {
            this.keyLabel = label;
            return this;
        }

        /** @param label a note under the matrix @return this */
        public Builder note(String label) {
            this.xLabel = label;
            return this;
        }

        /**
         * @param min the value drawn full blue
         * @param mid the value drawn white
         * @param max the value drawn full red
         * @return this
         */
        public Builder scale(double min, double mid, double max) {
            if (!(min < max) || mid < min || mid > max) {
                throw new PluralstatsException("colour scale needs min < max and mid between them");
            }
            this.min = min;
            this.mid = mid;
            this.max = max;
            return this;
        }

        /** @param decimals decimals printed in the cells @return this */
        public Builder decimals(int decimals) {
            this.decimals = decimals;
            return this;
        }

        /** @param pixels the most width the chart may take @return this */
        public Builder width(double pixels) {
            this.width = pixels;
            return this;
        }

        /** @return the chart */
        public HeatMap build() {
            return new HeatMap(this);
        }

        /** @return the SVG of the chart */
        @Override
        public String render() {
            return build().render();
        }
    }
}
