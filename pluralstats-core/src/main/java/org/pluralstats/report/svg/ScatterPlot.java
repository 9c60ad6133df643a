package org.pluralstats.report.svg;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * A scatter plot of many points: small semi-transparent dots (so dense regions read darker), optional
 * dashed horizontal reference line (the zero line of residuals against fitted values), gridlines at round
 * ticks with both axis ends labelled. Above {@link #DEFAULT_MAX_POINTS} finite points (or the builder's
 * {@code maxPoints}) a simple random sample of that many, drawn with {@link SplittableRandom} from the
 * given seed, is shown — the same points on every machine — and the axes still span every point; callers
 * say so in the caption ({@link #drawn()}, {@link #sampled()}). Non-finite points are not drawn.
 */
public final class ScatterPlot {
    /** The most points drawn unless the builder says otherwise: about 200 KB of SVG. */
    public static final int DEFAULT_MAX_POINTS = 5000;
    /** The points' fill. */
    static final String POINT = "#0072B2";

    private final Builder b;
    private final int[] shown;
    private final int finite;

    private ScatterPlot(Builder b) {
        this.b = b;
        int[] ok = new int[b.x.length];
        int k = 0;
        for (int i = 0; i < b.x.length; i++) {
            if (Double.isFinite(b.x[i]) && Double.isFinite(b.y[i])) {
                ok[k++] = i;
            }
        }
        finite = k;
        shown = sample(Arrays.copyOf(ok, k), b.maxPoints, b.seed);
    }

    /**
     * @param title the chart title
     * @param x the horizontal values
     * @param y the vertical values, as many
     * @return a builder
     */
    public static Builder builder(String title, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        }
        return new Builder(title, x.clone(), y.clone());
    }

    /**
     * A simple random sample without replacement: the first {@code max} places of a partial Fisher–Yates
     * shuffle driven by {@code new SplittableRandom(seed)}, returned in ascending order.
     *
     * @param indices the candidates
     * @param max the sample size
     * @param seed the seed
     * @return all candidates when there are at most {@code max}, else {@code max} of them, ascending
     */
    static int[] sample(int[] indices, int max, long seed) {
        if (indices.length <= max) {
            return indices;
        }
        int[] a = indices.clone();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + rng.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        int[] out = Arrays.copyOf(a, max);
        Arrays.sort(out);
        return out;
    }

    /** @return the number of points drawn */
    public int drawn() {
        return shown.length;
    }

    /** @return whether the points drawn are a random sample of the finite points, not all of them */
    public boolean sampled() {
        return shown.length < finite;
    }

    /** @return the SVG */
    public String render() {
        double[] xr = range(b.x, OptionalDouble.empty());
        double[] yr = range(b.y, b.reference);
        List<ChartStyle.AxisLabel> yLabels = ChartStyle.axisLabels(yr[0], yr[1], 5, b.plotHeight, false, 1, "");
        double yLabelW = 0;
        for (ChartStyle.AxisLabel v : yLabels) {
            yLabelW = Math.max(yLabelW, ChartStyle.textWidth(v.text(), ChartStyle.FONT_SIZE - 1));
        }
        double left = 12 + (b.yLabel.isEmpty() ? 0 : 20) + yLabelW + 8;
        double right = 20;
        double plotW = b.width - left - right;
        List<ChartStyle.AxisLabel> xLabels = ChartStyle.axisLabels(xr[0], xr[1], 6, plotW, true, 1, "");
        int subtitleLines = b.subtitle.isEmpty() ? 0
                : ChartStyle.wrap(b.subtitle, ChartStyle.FONT_SIZE, b.width - 24, 2).size();
        double top = 30 + subtitleLines * 16 + 12;
        double plotBottom = top + b.plotHeight;
        double height = plotBottom + 24 + (b.xLabel.isEmpty() ? 0 : 20) + 8;
        SvgWriter svg = new SvgWriter(b.width, height, b.title);
        svg.text(12, 20, b.title, SvgWriter.Anchor.LEFT, ChartStyle.TITLE_SIZE, "font-weight=\"bold\"");
        if (!b.subtitle.isEmpty()) {
            svg.wrappedText(12, 37, b.subtitle, SvgWriter.Anchor.LEFT, ChartStyle.FONT_SIZE, 16, b.width - 24, 2,
                    "fill=\"" + ChartStyle.MUTED + "\"");
        }
        java.util.function.DoubleUnaryOperator px = v -> left + (v - xr[0]) / (xr[1] - xr[0]) * plotW;
        java.util.function.DoubleUnaryOperator py = v -> plotBottom - (v - yr[0]) / (yr[1] - yr[0]) * b.plotHeight;
        for (ChartStyle.AxisLabel t : xLabels) {
            double xx = px.applyAsDouble(t.value());
            svg.line(xx, top, xx, plotBottom, ChartStyle.GRID, 1, "class=\"grid\"");
            svg.text(xx, plotBottom + 16, t.text(), SvgWriter.Anchor.MIDDLE, ChartStyle.FONT_SIZE - 1,
                    "fill=\"" + ChartStyle.MUTED + "\" class=\"tick x-tick\"");
        }
        for (ChartStyle.AxisLabel t : yLabels) {
            double yy = py.applyAsDouble(t.value());
            svg.line(left, yy, left + plotW, yy, ChartStyle.GRID, 1, "class=\"grid\"");
            svg.text(left - 6, yy + 4, t.text(), SvgWriter.Anchor.RIGHT, ChartStyle.FONT_SIZE - 1,
                    "fill=\"" + ChartStyle.MUTED + "\" class=\"tick y-tick\"");
        }
        double r = shown.length > 1000 ? 1.6 : 2.2;
        double opacity = shown.length > 500 ? 0.35 : 0.55;
        svg.openGroup("class=\"points\" fill=\"" + POINT + "\" fill-opacity=\"" + opacity + "\"");
        for (int i : shown) {
            svg.point(px.applyAsDouble(b.x[i]), py.applyAsDouble(b.y[i]), r);
        }
        svg.closeGroup();
        // the reference line over the points, so dense clouds do not hide it
        if (b.reference.isPresent()) {
            double yy = py.applyAsDouble(b.reference.getAsDouble());
            svg.line(left, yy, left + plotW, yy, ChartStyle.AXIS, 1.2, "class=\"reference\" stroke-dasharray=\"5 3\"");
        }
        svg.line(left, plotBottom, left + plotW, plotBottom, ChartStyle.AXIS, 1, "");
        svg.line(left, top, left, plotBottom, ChartStyle.AXIS, 1, "");
        if (!b.xLabel.isEmpty()) {
            svg.text(left + plotW / 2, plotBottom + 36, b.xLabel, SvgWriter.Anchor.MIDDLE, ChartStyle.FONT_SIZE, "");
        }
        if (!b.yLabel.isEmpty()) {
            svg.verticalText(16, top + b.plotHeight / 2, b.yLabel, ChartStyle.FONT_SIZE);
        }
        return svg.finish();
    }

    // the finite values' extent, with the reference, padded by 4% and widened to round ticks
    private static double[] range(double[] v, OptionalDouble reference) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        if (reference.isPresent()) {
            lo = Math.min(lo, reference.getAsDouble());
            hi = Math.max(hi, reference.getAsDouble());
        }
        if (!(lo <= hi)) {
            return new double[] {0, 1};
        }
        if (hi == lo) {
            double half = lo == 0 ? 1 : Math.abs(lo) * 0.5;
            lo -= half;
            hi += half;
        }
        return ChartStyle.roundedRange(lo, hi, 0.04, true);
    }

    /** Configures a {@link ScatterPlot}. */
    public static final class Builder {
        private final String title;
        private final double[] x;
        private final double[] y;
        private String subtitle = "";
        private String xLabel = "";
        private String yLabel = "";
        private OptionalDouble reference = OptionalDouble.empty();
        private double width = 880;
        private double plotHeight = 320;
        private int maxPoints = DEFAULT_MAX_POINTS;
        private long seed;

        private Builder(String title, double[] x, double[] y) {
            this.title = title;
            this.x = x;
            this.y = y;
        }

        /** @param text a line under the title @return this */
        public Builder subtitle(String text) {
            this.subtitle = text;
            return this;
        }

        /** @param label the horizontal axis title @return this */
        public Builder xLabel(String label) {
            this.xLabel = label;
            return this;
        }

        /** @param label the vertical axis title @return this */
        public Builder yLabel(String label) {
            this.yLabel = label;
            return this;
        }

        /** @param value a dashed horizontal reference line, always inside the vertical axis @return this */
        public Builder reference(double value) {
            this.reference = OptionalDouble.of(value);
            return this;
        }

        /** @param pixels the chart's width @return this */
        public Builder width(double pixels) {
            this.width = pixels;
            return this;
        }

        /** @param pixels the plotting area's height @return this */
        public Builder plotHeight(double pixels) {
            this.plotHeight = pixels;
            return this;
        }

        /**
         * @param max the most points drawn (at least 1); beyond it a seeded random sample
         * @param seed the sample's seed
         * @return this
         */
        public Builder maxPoints(int max, long seed) {
            if (max < 1) {
                throw new IllegalArgumentException("maxPoints must be at least 1, not " + max);
            }
            this.maxPoints = max;
            this.seed = seed;
            return this;
        }

        /** @return the chart */
        public ScatterPlot build() {
            return new ScatterPlot(this);
        }

        /** @return the SVG of the chart */
        public String render() {
            return build().render();
        }
    }
}
