package org.pluralstats.report.svg;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The look shared by every chart: a font stack that covers Latin, Arabic, Persian and Chinese, a
 * colour-blind-safe palette (Okabe &amp; Ito 2008), sizes, nice axis ticks, and an estimate of how wide
 * a text is for layout (SVG has no text measurement before rendering).
 */
public final class ChartStyle {
    /**
     * Font families tried in order: Noto for Latin, Arabic (also Persian) and CJK, then DejaVu and the
     * platform's sans-serif. Each glyph falls back along the list, so mixed-script labels render.
     */
    public static final String FONT_FAMILY = "'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', 'Noto Sans CJK SC', "
            + "'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Segoe UI', Tahoma, "
            + "'DejaVu Sans', Arial, sans-serif";

    /** Body text size in pixels. */
    public static final double FONT_SIZE = 12;

    /** Title size in pixels. */
    public static final double TITLE_SIZE = 15;

    /** Axis and grid colour. */
    public static final String AXIS = "#444444";

    /** Grid line colour. */
    public static final String GRID = "#e3e3e3";

    /** Muted text colour. */
    public static final String MUTED = "#555555";

    private static final String[] PALETTE = {
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#999933", "#000000"};

    private ChartStyle() {
    }

    /**
     * The shape of a series' point marker. Colour alone tells apart only the eight colours of the
     * palette, so series 9–16 reuse the colours with squares, 17–24 with triangles, 25–32 with diamonds.
     */
    public enum Marker {
        /** A circle (series 1–8). */
        CIRCLE,
        /** A square (series 9–16). */
        SQUARE,
        /** An upward triangle (series 17–24). */
        TRIANGLE,
        /** A diamond (series 25–32). */
        DIAMOND
    }

    /** How many series get a distinct (colour, marker) pair: 8 colours × 4 markers. */
    public static final int DISTINCT_SERIES = 8 * Marker.values().length;

    /**
     * @param index a series index
     * @return its colour; the eight colours repeat every eight series, told apart by {@link #marker(int)}
     */
    public static String colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /**
     * @param index a series index
     * @return its marker: circles for the first eight series, then squares, triangles and diamonds, so
     *     that the first {@link #DISTINCT_SERIES} series each have their own (colour, marker) pair
     */
    public static Marker marker(int index) {
        return Marker.values()[Math.floorMod(index, DISTINCT_SERIES) / PALETTE.length];
    }

    /**
     * @param index a series index
     * @return whether a bar of this series is hatched, to tell it from the bar of the same colour eight
     *     series earlier (bars have no marker)
     */
    public static boolean hatched(int index) {
        return Math.floorMod(index, 2 * PALETTE.length) >= PALETTE.length;
    }

    /**
     * Advance widths in em of the printable ASCII characters {@code ' '} to {@code '~'} in DejaVu Sans, the
     * widest of the fonts {@link #FONT_FAMILY} falls back to (Chromium on Debian without Noto fonts), so a
     * label measured with them fits in Noto Sans, Segoe UI or Arial too. Measured with Pillow's
     * {@code ImageFont.getlength} on DejaVuSans.ttf 2.37 at 1000 px.
     */
    private static final double[] ASCII_EM = {
            0.318, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838,
            0.318, 0.361, 0.318, 0.337, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636,
            0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531, 1.0, 0.684, 0.686, 0.698,
            0.77, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
            0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.39,
            0.337, 0.39, 0.838, 0.5, 0.5, 0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635,
            0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, 0.635, 0.635, 0.411, 0.521,
            0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838
    };

    /**
     * An estimate of a text's rendered width: printable ASCII by DejaVu Sans's advance widths, CJK and
     * full-width characters one em, other letters 0.56 em (capitals 0.66 em), combining marks nothing.
     *
     * @param text the text
     * @param size the font size
     * @return its approximate width in pixels
     */
    public static double textWidth(String text, double size) {
        double em = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                    || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F)) {
                em += 1.0;
            } else if (cp >= ' ' && cp <= '~') {
                em += ASCII_EM[cp - ' '];
            } else if (Character.isUpperCase(cp) || Character.isDigit(cp)) {
                em += 0.66;
            } else {
                em += 0.56;
            }
        }
        return em * size;
    }

    /**
     * Shortens a text to fit a width, ending it with an ellipsis.
     *
     * @param text the text
     * @param size the font size
     * @param maxWidth the width available
     * @return the text, or its longest prefix that fits followed by "…"
     */
    public static String fit(String text, double size, double maxWidth) {
        if (textWidth(text, size) <= maxWidth) {
            return text;
        }
        int[] cps = text.codePoints().toArray();
        for (int n = cps.length - 1; n > 0; n--) {
            String s = new String(cps, 0, n).strip() + "…";
            if (textWidth(s, size) <= maxWidth) {
                return s;
            }
        }
        return "…";
    }

    /**
     * Breaks a text into at most {@code maxLines} lines of at most {@code maxWidth} pixels. Lines break only
     * where a typesetter would (see {@link #breakPoints}): at spaces, after a hyphen between letters
     * ({@code 13B-Instruct}) or a colon before a letter ({@code family[gemma]:language}), and between the
     * characters of scripts written without spaces (Chinese, Japanese).
     * A word is never split inside: one longer than a line gets a line of its own, shortened with "…" (the
     * line ends there and the text goes on on the next line). When the text needs more than {@code maxLines}
     * lines, the last line is shortened with "…", at a break point when that keeps at least half the line.
     * {@link #isCut} tells whether anything was left out; every line that left something out ends in "…".
     *
     * @param text the text
     * @param size font size
     * @param maxWidth line width
     * @param maxLines the most lines
     * @return the lines
     */
    public static List<String> wrap(String text, double size, double maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        String rest = text.replace('\n', ' ').strip();
        while (!rest.isEmpty() && lines.size() < maxLines - 1 && textWidth(rest, size) > maxWidth) {
            int at = 0;
            for (int p : breakPoints(rest)) {
                if (textWidth(rest.substring(0, p).strip(), size) > maxWidth) {
                    break;
                }
                at = p;
            }
            if (at == 0) {
                // the first word alone is wider than the line: shortened on a line of its own
                int end = breakPoints(rest).stream().findFirst().orElse(rest.length());
                lines.add(fit(rest.substring(0, end).strip(), size, maxWidth));
                rest = rest.substring(end).strip();
            } else {
                lines.add(rest.substring(0, at).strip());
                rest = rest.substring(at).strip();
            }
        }
        if (!rest.isEmpty()) {
            lines.add(fitAtBreak(rest, size, maxWidth));
        }
        return lines;
    }

    /**
     * Shortens a text to fit a width with "…" like {@link #fit}, but at a break point (a space, …) when the
     * part kept is at least half the width, so the last line of a wrapped text ends in a whole word.
     */
    private static String fitAtBreak(String text, double size, double maxWidth) {
        if (textWidth(text, size) <= maxWidth) {
            return text;
        }
        String best = "";
        for (int p : breakPoints(text)) {
            String s = text.substring(0, p).strip();
            s = (s.endsWith("-") ? s.substring(0, s.length() - 1) : s) + "…";
            if (textWidth(s, size) > maxWidth) {
                break;
            }
            best = s;
        }
        return textWidth(best, size) >= maxWidth / 2 ? best : fit(text, size, maxWidth);
    }

    /**
     * Where a line may break, a small part of the Unicode line breaking algorithm (UAX #14): after a run of
     * spaces; after a hyphen-minus that joins two letters; after a colon followed by a letter (the interaction
     * colon of a regression term, {@code multilingual:family[gemma]:language[Danish]}); and between two
     * characters of Han, Hiragana,
     * Katakana or CJK punctuation, except before closing punctuation ({@code 。，、）」}) or after opening
     * punctuation ({@code （「}). Never inside a word, a number ({@code −0.5}, {@code 1-10}) or an Arabic or
     * Persian word.
     *
     * @param text a text
     * @return the offsets (in chars, ascending, inside the text) at which a new line may begin
     */
    static List<Integer> breakPoints(String text) {
        List<Integer> out = new ArrayList<>();
        int[] cps = text.codePoints().toArray();
        int offset = 0;
        for (int i = 0; i < cps.length - 1; i++) {
            offset += Character.charCount(cps[i]);
            int a = cps[i];
            int b = cps[i + 1];
            boolean brk;
            if (Character.isWhitespace(a)) {
                brk = !Character.isWhitespace(b);
            } else if (a == '-') {
                brk = i > 0 && Character.isLetter(cps[i - 1]) && Character.isLetter(b);
            } else if (a == ':') {
                // the interaction colon of a regression term, consistency:language[Danish]
                brk = i > 0 && (Character.isLetterOrDigit(cps[i - 1]) || cps[i - 1] == ']' || cps[i - 1] == ')')
                        && Character.isLetter(b);
            } else {
                brk = cjk(a) && cjk(b) && "。，、．：；！？）」』】〕〉》,.!?:;)".indexOf(b) < 0 && "（「『【〔〈《(".indexOf(a) < 0;
            }
            if (brk) {
                out.add(offset);
            }
        }
        return out;
    }

    private static boolean cjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || (cp >= 0x3000 && cp <= 0x303F)
                || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    /**
     * @param text a text
     * @param lines the lines {@link #wrap} or {@link #fit} made of it
     * @return whether part of the text was left out: the lines, joined, are not the text (white space aside)
     */
    public static boolean isCut(String text, List<String> lines) {
        return !String.join("", lines).replaceAll("\\s+", "").equals(text.replaceAll("\\s+", ""));
    }

    /**
     * A value axis for data from {@code lo} to {@code hi}: padded by {@code padFraction} of the extent on
     * each side, its ends moved out to multiples of the step {@link #ticks} picks for the padded range
     * ({@code hi − lo} when it picks fewer than two ticks). The dot plots, bar and point charts and scatter
     * plots size their axes so.
     *
     * @param lo the smallest value (with anything the axis must show, such as a reference line)
     * @param hi the largest value, above {@code lo}
     * @param padFraction the padding, as a fraction of {@code hi − lo}
     * @param padBelow whether to pad below {@code lo} too (a bar chart starting at 0 does not)
     * @return the axis' ends
     */
    public static double[] roundedRange(double lo, double hi, double padFraction, boolean padBelow) {
        double pad = (hi - lo) * padFraction;
        double[] t = ticks(lo - pad, hi + pad, 6);
        double step = t.length > 1 ? t[1] - t[0] : hi - lo;
        return new double[] {Math.floor((lo - (padBelow ? pad : 0)) / step) * step, Math.ceil((hi + pad) / step) * step};
    }

    /**
     * Round tick values covering a range (1, 2 or 5 times a power of ten apart).
     *
     * @param min lower end
     * @param max upper end
     * @param about how many ticks are wanted
     * @return the ticks, ascending, within [min, max] (allowing for rounding)
     */
    public static double[] ticks(double min, double max, int about) {
        if (!(max > min)) {
            return new double[] {min};
        }
        double raw = (max - min) / Math.max(1, about);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        double first = Math.ceil(min / step - 1e-9) * step;
        List<Double> out = new ArrayList<>();
        for (double t = first; t <= max + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The axis labels of a value axis: its round ticks plus both ends of the axis when they are not
     * ticks themselves (a reader must see where the axis starts and stops, e.g. the "1" of a 1–10
     * scale whose ticks are 2, 4, …, 10).
     *
     * @param min the axis' lower end
     * @param max its upper end
     * @param about how many ticks are wanted
     * @return the label positions, ascending
     */
    public static double[] axisLabels(double min, double max, int about) {
        double[] t = ticks(min, max, about);
        if (!(max > min)) {
            return t;
        }
        double step = t.length > 1 ? t[1] - t[0] : max - min;
        List<Double> out = new ArrayList<>();
        if (t.length == 0 || t[0] - min > step * 1e-6) {
            out.add(min);
        }
        for (double v : t) {
            out.add(v);
        }
        if (t.length == 0 || max - t[t.length - 1] > step * 1e-6) {
            out.add(max);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A labelled place on a value axis: its value and the text printed there. */
    public record AxisLabel(double value, String text) {
    }

    /**
     * The least free space between two neighbouring labels of a horizontal axis, in pixels; at least the
     * narrower label's width is kept free too, so "0.78 0.80" never reads as one label.
     */
    static final double LABEL_GAP = 6;

    /**
     * The labels of a value axis as drawn, the one rule every chart follows so that no two labels of an axis
     * touch: both ends of the axis are always labelled ({@link #axisLabels(double, double, int)}); the round
     * ticks between them are as many as asked for, fewer while neighbouring ticks would overlap; and a tick
     * whose label would overlap an end's label is left out (its value is then read off the end beside it).
     * Labels are {@code FONT_SIZE - 1} pixels high; along a horizontal axis each is centred on its place and
     * as wide as {@link #textWidth}, and two neighbours leave free between them at least the narrower one's
     * width (and 6 pixels); along a vertical axis each is one line high and neighbours leave half a line free.
     *
     * @param min the axis' lower end
     * @param max its upper end
     * @param about how many ticks are wanted
     * @param length the axis' length in pixels
     * @param horizontal whether the axis runs across the page (labels side by side) or up it (stacked)
     * @param atLeastDecimals the decimals asked for (more when a label needs them, {@link #labelDecimals})
     * @param unit appended to every label
     * @return the labels, ascending
     */
    public static List<AxisLabel> axisLabels(double min, double max, int about, double length, boolean horizontal,
                                             int atLeastDecimals, String unit) {
        double size = FONT_SIZE - 1;
        for (int a = Math.max(1, about); ; a--) {
            double[] values = axisLabels(min, max, a);
            int decimals = labelDecimals(values, atLeastDecimals);
            List<AxisLabel> all = new ArrayList<>();
            for (double v : values) {
                all.add(new AxisLabel(v, format(v, decimals) + unit));
            }
            if (all.size() <= 1 || !(max > min)) {
                return all;
            }
            AxisLabel lo = all.get(0);
            AxisLabel hi = all.get(all.size() - 1);
            boolean ticksClash = false;
            for (int i = 2; i < all.size() - 1; i++) {
                ticksClash |= overlap(all.get(i - 1), all.get(i), min, max, length, horizontal, size);
            }
            if (ticksClash && a > 2) {
                continue;
            }
            List<AxisLabel> out = new ArrayList<>();
            out.add(lo);
            for (AxisLabel t : all.subList(1, all.size() - 1)) {
                if (!overlap(lo, t, min, max, length, horizontal, size) && !overlap(t, hi, min, max, length, horizontal, size)) {
                    out.add(t);
                }
            }
            out.add(hi);
            return out;
        }
    }

    /**
     * @param a a label
     * @param b the next label along the axis
     * @param min the axis' lower end
     * @param max its upper end
     * @param length the axis' length in pixels
     * @param horizontal whether the labels stand side by side
     * @param size their font size
     * @return whether the two come too close: horizontally, when the distance of their places is less than their
     *     half widths plus the narrower one's width (at least {@link #LABEL_GAP}); vertically, when it is less
     *     than one and a half lines
     */
    static boolean overlap(AxisLabel a, AxisLabel b, double min, double max, double length, boolean horizontal,
                           double size) {
        double distance = Math.abs(b.value() - a.value()) / (max - min) * length;
        double wa = textWidth(a.text(), size);
        double wb = textWidth(b.text(), size);
        double needed = horizontal ? (wa + wb) / 2 + Math.max(LABEL_GAP, Math.min(wa, wb)) : 1.5 * size;
        return distance < needed;
    }

    /**
     * @param values axis label values
     * @param atLeast the decimals asked for
     * @return the fewest decimals, no fewer than {@code atLeast}, that write every value exactly (so 0.5
     *     is never written "0" and ticks 0.5, 1.5, 2.5 never print as 0, 2, 2)
     */
    public static int labelDecimals(double[] values, int atLeast) {
        for (int d = Math.max(0, atLeast); d < atLeast + 7; d++) {
            double scale = Math.pow(10, d);
            boolean exact = true;
            for (double v : values) {
                if (Math.abs(Math.rint(v * scale) / scale - v) > 1e-9 * Math.max(1, Math.abs(v))) {
                    exact = false;
                    break;
                }
            }
            if (exact) {
                return d;
            }
        }
        return atLeast + 6;
    }

    /**
     * @param v a number
     * @param decimals decimals to show
     * @return it rounded half to even, with a real minus sign; empty for NaN
     */
    public static String format(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "";
        }
        String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        if (s.startsWith("-")) {
            s = s.replaceFirst("^-(0(\\.0*)?)$", "$1");
            s = s.startsWith("-") ? "\u2212" + s.substring(1) : s;
        }
        return s;
    }
}
