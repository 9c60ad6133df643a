package org.pluralstats.align;

import java.util.Locale;
import org.pluralstats.PluralstatsException;

/**
 * What the percentile bootstrap of {@link ModelSelfConsistency} resamples.
 *
 * <p>The statistic is a correlation over pairs of different generations <i>of the same item</i>, so the
 * independent units are the items (questions), not the generations: the generations of one item share its
 * latent stance, and that shared stance is exactly what the statistic measures. Resampling generations
 * breaks that structure in a way that biases the interval: a generation drawn twice counts as two
 * generations, and the pair of the two copies has identical scores, so every resample adds perfectly
 * concordant pairs that the data do not hold. The resampled values then sit above the estimate (on the
 * released data a row of 0.088 gets [0.062, 0.824]), and the interval misses the truth far more often
 * than its level says. The simulation in {@code SelfConsistencyIntervalCoverageTest} measures both.
 */
public enum SelfConsistencyInterval {
    /**
     * The default: a cluster (item) bootstrap. Items are drawn with replacement, each with all its
     * generations; an item drawn twice counts as two items, and its generations are paired only within
     * each copy (never a generation with its own copy). The statistic is recomputed on the drawn items.
     * This is the standard bootstrap for a statistic of clustered data (Davison &amp; Hinkley 1997, §3.8;
     * Field &amp; Welsh 2007), and its intervals hold their level in the simulation.
     */
    ITEMS,
    /**
     * The released code's method, kept for reproduction: generations of the model × language are drawn
     * with replacement before the self-join, so a generation drawn twice is paired with its own copy.
     * Its intervals are biased upwards (see the class comment).
     */
    GENERATIONS;

    /** @return the name as the CLI and the table metadata spell it: {@code items} or {@code generations} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return what is resampled, for captions and table metadata */
    public String describe() {
        return this == ITEMS ? "percentile bootstrap of the items (each with all its generations)"
                : "percentile bootstrap of the generations (released code: a duplicated generation is paired with its copy)";
    }

    /**
     * @param text {@code items} or {@code generations}, any case
     * @return the method
     */
    public static SelfConsistencyInterval parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (SelfConsistencyInterval v : values()) {
            if (v.label().equals(t)) {
                return v;
            }
        }
        throw new PluralstatsException("unknown self-consistency interval " + text + "; expected items or generations");
    }
}
