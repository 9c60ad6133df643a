package org.pluralstats.report.svg;

import java.util.List;

/** A horizontal legend of coloured swatches, wrapped over as many rows as it needs. */
final class Legend {
    static final double ROW = 18;

    private Legend() {
    }

    /**
     * @param names series names
     * @param width the width available
     * @return the rows the legend takes
     */
    static int rows(List<String> names, double width) {
        if (names.isEmpty()) {
            return 0;
        }
        int rows = 1;
        double x = 0;
        for (String n : names) {
            double w = itemWidth(n);
            if (x > 0 && x + w > width) {
                rows++;
                x = 0;
            }
            x += w;
        }
        return rows;
    }

    /**
     * Draws the legend.
     *
     * @param svg the drawing
     * @param names series names, coloured by {@link ChartStyle#colour(int)}, with
     *     {@link ChartStyle#marker(int)} for points and {@link ChartStyle#hatched(int)} for bars
     * @param left left edge
     * @param top top edge
     * @param width width available
     * @param point whether series are drawn as points (circles) rather than bars (squares)
     */
    static void draw(SvgWriter svg, List<String> names, double left, double top, double width, boolean point) {
        double x = 0;
        double y = top;
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            double w = itemWidth(n);
            if (x > 0 && x + w > width) {
                y += ROW;
                x = 0;
            }
            if (point) {
                svg.marker(ChartStyle.marker(i), left + x + 6, y + 7, 5, ChartStyle.colour(i), "");
            } else {
                svg.rect(left + x, y + 1, 12, 12, ChartStyle.colour(i), "class=\"swatch\"");
                if (ChartStyle.hatched(i)) {
                    svg.hatch(left + x, y + 1, 12, 12);
                }
            }
            svg.text(left + x + 17, y + 11.5, n, SvgWriter.Anchor.LEFT, ChartStyle.FONT_SIZE, "");
            x += w;
        }
    }

    private static double itemWidth(String name) {
        return 17 + ChartStyle.textWidth(name, ChartStyle.FONT_SIZE) + 18;
    }
}
