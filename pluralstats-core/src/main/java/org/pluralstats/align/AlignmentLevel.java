package org.pluralstats.align;

import java.util.Locale;
import org.pluralstats.PluralstatsException;

/** What the alignment correlation runs over. */
public enum AlignmentLevel {
    /**
     * Items: the model's item score (the mean of its generations' Eq. 2 scores) against the
     * population's score, over the items both have.
     */
    ITEM,
    /**
     * Generations: each generation's Eq. 2 score against its item's population score, over all
     * generations of items the population has a score for. This is what the seed paper's released code
     * computes ({@code scripts/analyse_hypotheses.py}, {@code analyze_total_gt_alignment}).
     */
    RESPONSE;

    /** @return {@code item} or {@code response} */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code item} or {@code response}, any case
     * @return the level
     */
    public static AlignmentLevel parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "item", "items" -> ITEM;
            case "response", "responses", "generation", "generations" -> RESPONSE;
            default -> throw new PluralstatsException("unknown alignment level " + text + "; expected item or response");
        };
    }
}
