package org.pluralstats.stats;

import org.pluralstats.PluralstatsException;

/**
 * A two-sided confidence interval {@code [lower, upper]} at a confidence level such as 0.95.
 *
 * @param lower lower limit
 * @param upper upper limit, {@code >= lower}
 * @param level the confidence level, in (0, 1)
 */
public record ConfidenceInterval(double lower, double upper, double level) {

    /**
     * Checks that the limits are ordered numbers and the level lies in (0, 1).
     *
     * @param lower lower limit
     * @param upper upper limit, {@code >= lower}
     * @param level the confidence level, in (0, 1)
     * @throws PluralstatsException if the limits are NaN or reversed, or the level is not in (0, 1)
     */
    public ConfidenceInterval {
        checkLevel(level);
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new PluralstatsException("confidence interval limits must be ordered numbers, got ["
                    + lower + ", " + upper + "]");
        }
    }

    /** @return {@code upper - lower} */
    public double width() {
        return upper - lower;
    }

    /**
     * @param value a value
     * @return whether {@code lower <= value <= upper}
     */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    static double checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new PluralstatsException("confidence level must lie strictly between 0 and 1, got " + level);
        }
        return level;
    }
}
