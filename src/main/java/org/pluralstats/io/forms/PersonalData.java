package org.pluralstats.io.forms;

import java.util.regex.Pattern;

/**
 * Keeps e-mail addresses out of every output: data, labels and error messages. Addresses are
 * recognised by a permissive pattern ({@code local@domain.tld}) and replaced by {@link #MASK}.
 */
final class PersonalData {
    /** What replaces an e-mail address. */
    static final String MASK = "<e-mail removed>";

    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+'\\-]+@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*\\.\\p{L}{2,}");

    private PersonalData() {
    }

    /** @return whether the whole (trimmed) text is one e-mail address */
    static boolean isEmail(String s) {
        return s.indexOf('@') >= 0 && EMAIL.matcher(s.trim()).matches();
    }

    /** @return the text with every e-mail address replaced by {@link #MASK} */
    static String mask(String s) {
        if (s == null || s.indexOf('@') < 0) {
            return s;
        }
        return EMAIL.matcher(s).replaceAll(MASK);
    }
}
