package org.pluralstats.align;

import java.util.Locale;

/**
 * Which pairs of generations of the same model and item a consistency is computed over
 * ({@link LanguageConsistency}).
 */
public enum PairKind {
    /** Both generations were prompted in the same language (the released self-consistency). */
    WITHIN,
    /** The two generations were prompted in different languages. */
    BETWEEN;

    /** @return the name in tables and JSON: {@code within} or {@code between} */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
