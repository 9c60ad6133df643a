package org.pluralstats.report.svg;

import java.util.List;
import java.util.Locale;

/**
 * A small SVG 1.1 writer: the few elements the charts draw, every text XML-escaped, numbers written
 * with at most two decimals, and text that starts in a right-to-left script (Arabic, Persian, Hebrew)
 * marked {@code direction="rtl"} so it is shaped and ordered correctly while keeping the anchor the
 * caller asked for.
 *
 * <p>The root element carries {@link ChartStyle#FONT_FAMILY}, a font stack that covers Latin, Arabic,
 * Persian and CJK, so the SVG reads the same inline in the HTML report and as a file of its own.
 */
public final class SvgWriter {
    /**
     * How a chart introduces the labels it had to shorten with "…", written whole under the plot so a
     * printed page keeps them (the screen also has each shortened label's {@code <title>} tooltip).
     */
    public static final String FULL_LABELS = "Shortened labels in full: ";

    /** Horizontal anchoring of a text at its x coordinate, as seen on the page. */
    public enum Anchor {
        /** The text begins at x (left edge on the page). */
        LEFT,
        /** The text is centred on x. */
        MIDDLE,
        /** The text ends at x (right edge on the page). */
        RIGHT
    }

    private final StringBuilder sb = new StringBuilder(8192);
    private final double width;
    private final double height;
    private boolean finished;
    private boolean hatchDefined;
    private static final String HATCH_ID = "pluralstats-hatch";

    /**
     * Starts a drawing.
     *
     * @param width width in CSS pixels
     * @param height height in CSS pixels
     * @param title the accessible title ({@code <title>}), shown as a tooltip
     */
    public SvgWriter(double width, double height, String title) {
        this.width = width;
        this.height = height;
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" role=\"img\" font-family=\"").append(escape(ChartStyle.FONT_FAMILY))
                .append("\" font-size=\"").append(num(ChartStyle.FONT_SIZE)).append("\">\n");
        sb.append("<title>").append(escape(title)).append("</title>\n");
        rect(0, 0, width, height, "#ffffff", "");
    }

    /** @return the drawing's width */
    public double width() {
        return width;
    }

    /** @return the drawing's height */
    public double height() {
        return height;
    }

    /**
     * @param x left
     * @param y top
     * @param w width
     * @param h height
     * @param fill fill colour
     * @param extra further attributes (already escaped), or empty
     * @return this
     */
    public SvgWriter rect(double x, double y, double w, double h, String fill, String extra) {
        sb.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(Math.max(0, w))).append("\" height=\"").append(num(Math.max(0, h))).append("\" fill=\"")
                .append(escape(fill)).append('"').append(extra.isEmpty() ? "" : " " + extra).append("/>\n");
        return this;
    }

    /**
     * @param x1 start x
     * @param y1 start y
     * @param x2 end x
     * @param y2 end y
     * @param stroke colour
     * @param strokeWidth width
     * @param extra further attributes (already escaped), or empty
     * @return this
     */
    public SvgWriter line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String extra) {
        sb.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(escape(stroke))
                .append("\" stroke-width=\"").append(num(strokeWidth)).append('"')
                .append(extra.isEmpty() ? "" : " " + extra).append("/>\n");
        return this;
    }

    /**
     * @param cx centre x
     * @param cy centre y
     * @param r radius
     * @param fill fill colour
     * @param tooltip a tooltip ({@code <title>}), or empty
     * @return this
     */
    public SvgWriter circle(double cx, double cy, double r, String fill, String tooltip) {
        sb.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
                .append("\" fill=\"").append(escape(fill)).append("\" stroke=\"#ffffff\" stroke-width=\"1\"");
        if (tooltip.isEmpty()) {
            sb.append("/>\n");
        } else {
            sb.append("><title>").append(escape(tooltip)).append("</title></circle>\n");
        }
        return this;
    }

    /**
     * A bare point, {@code <circle cx cy r/>}, its fill and opacity inherited from the enclosing group
     * ({@link #openGroup}): the many small points of a scatter plot, a few bytes each.
     *
     * @param cx centre x
     * @param cy centre y
     * @param r radius
     * @return this
     */
    public SvgWriter point(double cx, double cy, double r) {
        sb.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
                .append("\"/>\n");
        return this;
    }

    /**
     * A point marker of a series: a circle, square, triangle or diamond of about the same area as a
     * circle of radius {@code r}, white-edged, with the class {@code marker-circle}, {@code marker-square},
     * … so a reader (or a test) can tell the shapes apart.
     *
     * @param marker the shape
     * @param cx centre x
     * @param cy centre y
     * @param r the radius of the equivalent circle
     * @param fill fill colour
     * @param tooltip a tooltip ({@code <title>}), or empty
     * @return this
     */
    public SvgWriter marker(ChartStyle.Marker marker, double cx, double cy, double r, String fill, String tooltip) {
        String cls = "marker-" + marker.name().toLowerCase(Locale.ROOT);
        String common = " fill=\"" + escape(fill) + "\" stroke=\"#ffffff\" stroke-width=\"1\" class=\"" + cls + "\"";
        switch (marker) {
            case CIRCLE -> sb.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
                    .append("\" r=\"").append(num(r)).append('"').append(common);
            case SQUARE -> {
                double h = r * 0.89;
                sb.append("<rect x=\"").append(num(cx - h)).append("\" y=\"").append(num(cy - h)).append("\" width=\"")
                        .append(num(2 * h)).append("\" height=\"").append(num(2 * h)).append('"').append(common);
            }
            case TRIANGLE -> {
                double h = r * 1.35;
                sb.append("<polygon points=\"").append(num(cx)).append(',').append(num(cy - h)).append(' ')
                        .append(num(cx + h * 0.87)).append(',').append(num(cy + h * 0.5)).append(' ')
                        .append(num(cx - h * 0.87)).append(',').append(num(cy + h * 0.5)).append('"').append(common);
            }
            case DIAMOND -> {
                double h = r * 1.25;
                sb.append("<polygon points=\"").append(num(cx)).append(',').append(num(cy - h)).append(' ')
                        .append(num(cx + h)).append(',').append(num(cy)).append(' ').append(num(cx)).append(',')
                        .append(num(cy + h)).append(' ').append(num(cx - h)).append(',').append(num(cy)).append('"')
                        .append(common);
            }
            default -> throw new IllegalStateException(marker.name());
        }
        String tag = switch (marker) {
            case CIRCLE -> "circle";
            case SQUARE -> "rect";
            default -> "polygon";
        };
        if (tooltip.isEmpty()) {
            sb.append("/>\n");
        } else {
            sb.append("><title>").append(escape(tooltip)).append("</title></").append(tag).append(">\n");
        }
        return this;
    }

    /**
     * An arrowhead marking an interval cut at the end of the axis: a filled triangle whose tip is at
     * (x, y), pointing in the direction (dx, dy) (a unit vector along the axis, outward), with the
     * class {@code clip-arrow}.
     *
     * @param x tip x
     * @param y tip y
     * @param dx direction x (-1, 0 or 1)
     * @param dy direction y (-1, 0 or 1)
     * @param size the arrowhead's length
     * @param fill its colour
     * @return this
     */
    public SvgWriter arrowHead(double x, double y, double dx, double dy, double size, String fill) {
        double bx = x - dx * size;
        double by = y - dy * size;
        double hx = -dy * size * 0.6;
        double hy = dx * size * 0.6;
        sb.append("<path d=\"M").append(num(x)).append(' ').append(num(y)).append(" L").append(num(bx + hx)).append(' ')
                .append(num(by + hy)).append(" L").append(num(bx - hx)).append(' ').append(num(by - hy))
                .append(" Z\" fill=\"").append(escape(fill)).append("\" class=\"clip-arrow\"/>\n");
        return this;
    }

    /**
     * Lays white diagonal hatching over a rectangle (a bar of the ninth to sixteenth series, to tell it
     * from the bar of the same colour eight series earlier). The pattern is defined on first use.
     *
     * @param x left
     * @param y top
     * @param w width
     * @param h height
     * @return this
     */
    public SvgWriter hatch(double x, double y, double w, double h) {
        if (!hatchDefined) {
            sb.append("<defs><pattern id=\"").append(HATCH_ID).append("\" width=\"6\" height=\"6\" ")
                    .append("patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
                    .append("<rect x=\"0\" y=\"0\" width=\"2.2\" height=\"6\" fill=\"#ffffff\" fill-opacity=\"0.8\"/>")
                    .append("</pattern></defs>\n");
            hatchDefined = true;
        }
        return rect(x, y, w, h, "url(#" + HATCH_ID + ")", "class=\"hatch\" pointer-events=\"none\"");
    }

    /**
     * A rectangle with a tooltip.
     *
     * @param x left
     * @param y top
     * @param w width
     * @param h height
     * @param fill fill colour
     * @param extra further attributes (already escaped), or empty
     * @param tooltip the tooltip
     * @return this
     */
    public SvgWriter rect(double x, double y, double w, double h, String fill, String extra, String tooltip) {
        sb.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(Math.max(0, w))).append("\" height=\"").append(num(Math.max(0, h))).append("\" fill=\"")
                .append(escape(fill)).append('"').append(extra.isEmpty() ? "" : " " + extra).append("><title>")
                .append(escape(tooltip)).append("</title></rect>\n");
        return this;
    }

    /**
     * Writes a line of text. Text whose first strong character is right-to-left is written with
     * {@code direction="rtl"}, and its {@code text-anchor} mirrored so that it still sits where
     * {@code anchor} says on the page.
     *
     * @param x anchor x
     * @param y baseline y
     * @param text the text (escaped here)
     * @param anchor where x is on the text
     * @param size font size in pixels
     * @param extra further attributes (already escaped), or empty: {@code font-weight="bold"}, {@code fill="…"}
     * @return this
     */
    public SvgWriter text(double x, double y, String text, Anchor anchor, double size, String extra) {
        return text(x, y, text, anchor, size, extra, text);
    }

    /**
     * Writes a line of text that may be a shortened form of a longer text: when {@code shown} differs
     * from {@code full}, the full text is attached as the text's {@code <title>}, so a reader can
     * always read what was cut (as a tooltip in a browser, and in the SVG's source).
     *
     * @param x anchor x
     * @param y baseline y
     * @param shown the text drawn (escaped here)
     * @param anchor where x is on the text
     * @param size font size in pixels
     * @param extra further attributes (already escaped), or empty
     * @param full the whole text
     * @return this
     */
    public SvgWriter text(double x, double y, String shown, Anchor anchor, double size, String extra, String full) {
        return text(x, y, shown, anchor, size, extra, full, full);
    }

    /**
     * Writes one line of a text broken over several lines: like {@link #text(double, double, String, Anchor,
     * double, String, String)}, but its direction is the whole text's (a line of Arabic words under a first
     * line that starts with a Latin item code is still laid out as part of a left-to-right paragraph).
     *
     * @param x anchor x
     * @param y baseline y
     * @param shown the line drawn (escaped here)
     * @param anchor where x is on the line
     * @param size font size in pixels
     * @param extra further attributes (already escaped), or empty
     * @param full the whole text, attached as the line's {@code <title>} unless it equals {@code shown}
     * @param paragraph the whole text the line belongs to, whose first strong character sets the direction
     * @return this
     */
    SvgWriter text(double x, double y, String shown, Anchor anchor, double size, String extra, String full,
                   String paragraph) {
        String text = shown;
        boolean rtl = Bidi.startsRightToLeft(paragraph);
        String a = switch (anchor) {
            case MIDDLE -> "middle";
            case LEFT -> rtl ? "end" : "start";
            case RIGHT -> rtl ? "start" : "end";
        };
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(a)
                .append('"');
        if (size != ChartStyle.FONT_SIZE) {
            sb.append(" font-size=\"").append(num(size)).append('"');
        }
        if (rtl) {
            sb.append(" direction=\"rtl\" unicode-bidi=\"embed\"");
        } else if (Bidi.hasRightToLeft(text) || Bidi.hasRightToLeft(paragraph)) {
            sb.append(" direction=\"ltr\" unicode-bidi=\"embed\"");
        }
        if (!extra.isEmpty()) {
            sb.append(' ').append(extra);
        }
        sb.append('>').append(escape(text));
        if (!full.equals(shown)) {
            sb.append("<title>").append(escape(full)).append("</title>");
        }
        sb.append("</text>\n");
        return this;
    }

    /**
     * Draws a text over at most {@code maxLines} lines of at most {@code maxWidth} pixels (see
     * {@link ChartStyle#wrap}); if it still does not fit, each line shortened with "…" carries the whole text
     * as its {@code <title>}. Every line takes the direction of the whole text.
     *
     * @param x anchor x
     * @param y baseline of the first line
     * @param text the text
     * @param anchor where x is on each line
     * @param size font size
     * @param lineHeight distance between baselines
     * @param maxWidth line width
     * @param maxLines the most lines
     * @param extra further attributes (already escaped), or empty
     * @return the number of lines drawn
     */
    public int wrappedText(double x, double y, String text, Anchor anchor, double size, double lineHeight,
                           double maxWidth, int maxLines, String extra) {
        List<String> lines = ChartStyle.wrap(text, size, maxWidth, maxLines);
        boolean cut = ChartStyle.isCut(text, lines);
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            text(x, y + k * lineHeight, line, anchor, size, extra, cut && line.endsWith("…") ? text : line, text);
        }
        return lines.size();
    }

    /**
     * Text rotated by -90° about its anchor (a vertical axis title), read bottom to top.
     *
     * @param x anchor x
     * @param y anchor y
     * @param text the text
     * @param size font size
     * @return this
     */
    public SvgWriter verticalText(double x, double y, String text, double size) {
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"middle\"")
                .append(" font-size=\"").append(num(size)).append("\" transform=\"rotate(-90 ").append(num(x)).append(' ')
                .append(num(y)).append(")\"");
        if (Bidi.startsRightToLeft(text)) {
            sb.append(" direction=\"rtl\" unicode-bidi=\"embed\"");
        }
        sb.append('>').append(escape(text)).append("</text>\n");
        return this;
    }

    /**
     * @param d the path data (numbers and commands only)
     * @param fill fill colour or {@code none}
     * @param stroke stroke colour or {@code none}
     * @param strokeWidth stroke width
     * @return this
     */
    public SvgWriter path(String d, String fill, String stroke, double strokeWidth) {
        sb.append("<path d=\"").append(escape(d)).append("\" fill=\"").append(escape(fill)).append("\" stroke=\"")
                .append(escape(stroke)).append("\" stroke-width=\"").append(num(strokeWidth)).append("\"/>\n");
        return this;
    }

    /**
     * Opens a group.
     *
     * @param attributes its attributes (already escaped), or empty
     * @return this
     */
    public SvgWriter openGroup(String attributes) {
        sb.append("<g").append(attributes.isEmpty() ? "" : " " + attributes).append(">\n");
        return this;
    }

    /** @return this, after closing the innermost group */
    public SvgWriter closeGroup() {
        sb.append("</g>\n");
        return this;
    }

    /** @return the finished SVG document (no XML declaration, so it can be inlined in HTML) */
    public String finish() {
        if (!finished) {
            sb.append("</svg>\n");
            finished = true;
        }
        return sb.toString();
    }

    /**
     * @param s any text
     * @return the text with {@code & < > " '} escaped and characters not allowed in XML 1.0 dropped
     */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            out.append(c);
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * @param v a coordinate
     * @return it with at most two decimals, no trailing zeros
     */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        double r = Math.round(v * 100) / 100.0;
        if (r == Math.rint(r)) {
            return Long.toString((long) r);
        }
        return String.format(Locale.ROOT, "%.2f", r).replaceAll("0+$", "");
    }
}
