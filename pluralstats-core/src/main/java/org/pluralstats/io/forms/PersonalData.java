package org.pluralstats.io.forms;

import org.pluralstats.SafeText;

/**
 * Keeps e-mail addresses out of every output: data, labels and error messages. The recognition is
 * {@link SafeText#maskEmails(String)}'s, shared with every message of the library.
 */
final class PersonalData {
    /** What replaces an e-mail address. */
    static final String MASK = SafeText.EMAIL_MASK;

    private PersonalData() {
    }

    /** @return whether the whole (trimmed) text is one e-mail address */
    static boolean isEmail(String s) {
        return SafeText.isEmail(s);
    }

    /** @return the text with every e-mail address replaced by {@link #MASK} */
    static String mask(String s) {
        return SafeText.maskEmails(s);
    }
}
