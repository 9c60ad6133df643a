package org.pluralstats.io.forms;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The comparison key of a header or option text: Unicode NFC, every run of white space (line breaks,
 * no-break spaces included) folded to one space, trimmed, lower-cased. Two texts that differ only in
 * these respects denote the same question or option.
 */
final class TextKey {
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");

    private TextKey() {
    }

    static String of(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACE.matcher(nfc).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Replaces Arabic-Indic and Extended Arabic-Indic (Persian) digits by ASCII digits, so that a
     * number typed on an Arabic or Farsi keyboard reads as a number.
     */
    static String asciiDigits(String s) {
        int i0 = 0;
        while (i0 < s.length() && s.charAt(i0) < '\u0660') {
            i0++;
        }
        if (i0 == s.length()) {
            return s;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = c >= '\u0660' && c <= '\u0669' ? c - '\u0660' : c >= '\u06F0' && c <= '\u06F9' ? c - '\u06F0' : -1;
            if (d >= 0) {
                if (b == null) {
                    b = new StringBuilder(s);
                }
                b.setCharAt(i, (char) ('0' + d));
            }
        }
        return b == null ? s : b.toString();
    }
}
