package org.pluralstats;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from input files made safe to print: one escaper for control characters and one mask for
 * e-mail addresses, used by every message ({@link PluralstatsException}, {@link SurveyFormatException})
 * and every text, Markdown and table output that shows names, labels or cells read from a file.
 *
 * <p><b>Control characters.</b> A header or label may hold terminal escape sequences (ESC, the C1
 * CSI, BEL), line breaks or bidirectional overrides; printed raw they can retitle or clear a terminal,
 * split one error over several lines or reverse what a reader sees. {@link #escapeControls(String)}
 * writes them visibly: C0 controls and DEL as {@code \x01}…{@code \x1f}, {@code \x7f} (line feed,
 * carriage return and tab as {@code \n}, {@code \r}, {@code \t}); C1 controls (U+0080–U+009F) as
 * {@code \x80}…{@code \x9f}; the Unicode bidirectional controls (U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069), the line and paragraph separators (U+2028, U+2029) and unpaired
 * surrogates as {@code \u202e}-style escapes. Everything else, including all letters of all scripts,
 * is kept. Backslashes are kept as they are, so the escaping is for display, not a reversible encoding.
 *
 * <p><b>E-mail addresses.</b> {@link #maskEmails(String)} replaces every address-like token by
 * {@value #EMAIL_MASK}: a local part (RFC 5322 atext and dots, any letter or digit, or a quoted
 * string such as {@code "john doe"}, also with its quotes doubled as a CSV field holds it), an at sign ({@code @}, the full-width {@code ＠} U+FF20 or the
 * small {@code ﹫} U+FE6B), and a domain: dot-separated labels of letters, digits and hyphens — one
 * label is enough ({@code x@host}), and full-width and ideographic dots ({@code ．。｡}) count as dots —
 * or an address literal in brackets ({@code x@[192.168.0.1]}, {@code x@[IPv6:::1]}). The pattern is
 * deliberately wider than RFC 5321 (a false mask costs a word; a missed one leaks a person).
 */
public final class SafeText {
    /** What replaces an e-mail address. */
    public static final String EMAIL_MASK = "<e-mail removed>";

    private static final String AT = "[@\\uFF20\\uFE6B]";
    private static final String DOT = "[.\\uFF0E\\u3002\\uFF61]";
    private static final String ATEXT = "[\\p{L}\\p{N}\\p{M}!#$%&'*+\\-/=?^_`{|}~]";
    // a quoted local part may appear with its quotes doubled, as inside a quoted CSV field
    private static final String LOCAL = "(?:\"{1,2}(?:[^\"@\\\\\\r\\n]|\\\\.){0,64}\"{1,2}|" + ATEXT + "+(?:" + DOT + ATEXT
            + "+)*)";
    private static final String LABEL = "[\\p{L}\\p{N}\\p{M}](?:[\\p{L}\\p{N}\\p{M}\\-]*[\\p{L}\\p{N}\\p{M}])?";
    private static final String DOMAIN = "(?:\\[[^\\]\\s@]{1,100}\\]|" + LABEL + "(?:" + DOT + LABEL + ")*)";
    private static final Pattern EMAIL = Pattern.compile(LOCAL + AT + DOMAIN);

    private SafeText() {
    }

    /**
     * @param s a text, maybe {@code null}
     * @return whether the whole text, trimmed, is one e-mail address (as {@link #maskEmails} recognises them)
     */
    public static boolean isEmail(String s) {
        return s != null && hasAt(s) && EMAIL.matcher(s.strip()).matches();
    }

    /**
     * @param s a text, maybe {@code null}
     * @return the text with every address-like token replaced by {@value #EMAIL_MASK} ({@code null} stays {@code null})
     */
    public static String maskEmails(String s) {
        if (s == null || !hasAt(s)) {
            return s;
        }
        Matcher m = EMAIL.matcher(s);
        return m.find() ? m.replaceAll(Matcher.quoteReplacement(EMAIL_MASK)) : s;
    }

    /**
     * @param s a text, maybe {@code null}
     * @return the text with control, bidirectional and separator characters escaped as described above
     *     ({@code null} stays {@code null})
     */
    public static String escapeControls(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !special(s, i)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!special(s, i)) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x100) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    /**
     * What a message or a printed table shows of a text read from a file: e-mail addresses masked,
     * then control characters escaped.
     *
     * @param s a text, maybe {@code null}
     * @return the safe text ({@code null} stays {@code null})
     */
    public static String forDisplay(String s) {
        return escapeControls(maskEmails(s));
    }

    private static boolean hasAt(String s) {
        return s.indexOf('@') >= 0 || s.indexOf('\uFF20') >= 0 || s.indexOf('\uFE6B') >= 0;
    }

    private static boolean special(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
            return true;
        }
        if (c < 0x600) {
            return false;
        }
        if (c == 0x061C || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069
                || c == 0x2028 || c == 0x2029) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
