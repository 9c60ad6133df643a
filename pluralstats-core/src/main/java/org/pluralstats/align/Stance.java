package org.pluralstats.align;

import java.util.Locale;
import java.util.Optional;

/**
 * The stance a judge assigned to one statement of a model's generation (seed paper 003, §2.2): for
 * ({@code pro}), against ({@code con}), or neither ({@code null}). Labels are matched ignoring case
 * and surrounding white space.
 */
public enum Stance {
    /** In favour of the item's construct. */
    PRO,
    /** Against it. */
    CON,
    /** Neither (no stance, off topic, unclassifiable). */
    NULL;

    /**
     * @param label a label such as {@code "pro"}, {@code "CON"}, {@code " null "}
     * @return the stance, empty when the label is none of the three
     */
    public static Optional<Stance> parse(String label) {
        return switch (label.strip().toLowerCase(Locale.ROOT)) {
            case "pro" -> Optional.of(PRO);
            case "con" -> Optional.of(CON);
            case "null" -> Optional.of(NULL);
            default -> Optional.empty();
        };
    }

    /** @return the label as written in files ({@code pro}, {@code con}, {@code null}) */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
