package org.pluralstats.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pluralstats.data.Item;
import org.pluralstats.stats.LikertSummary;
import org.pluralstats.stats.Proportion;

/** One group's summary of one item; the variant follows the item's kind. */
public sealed interface ItemSummary {

    /** @return the item */
    Item item();

    /** @return respondents of the group who answered the item */
    int n();

    /** @return respondents of the group who did not answer it */
    int missing();

    /**
     * A scale (or numeric) item: mean, SD, quartiles, counts per point, box shares, t interval.
     *
     * @param item the item
     * @param likert the summary of the answered values
     */
    record Scale(Item item, LikertSummary likert) implements ItemSummary {
        @Override
        public int n() {
            return likert.n();
        }

        @Override
        public int missing() {
            return likert.missing();
        }
    }

    /**
     * A single-choice item: the share of each option among those who answered (Wilson intervals).
     *
     * @param item the item
     * @param n respondents who answered
     * @param missing respondents who did not
     * @param shares option (as stored: this group's text, or the codebook code) to its proportion, in
     *     option order; options nobody in the group chose are included with count 0 when known
     */
    record Choice(Item item, int n, int missing, Map<String, Proportion> shares) implements ItemSummary {
        /** Copies the map. */
        public Choice {
            shares = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shares));
        }
    }

    /**
     * A checkbox item: the share of answering respondents who ticked each option.
     *
     * @param item the item
     * @param n respondents who answered (ticked anything, or answered "none")
     * @param missing respondents who skipped it
     * @param shares option to the proportion of answering respondents who ticked it
     */
    record Multi(Item item, int n, int missing, Map<String, Proportion> shares) implements ItemSummary {
        /** Copies the map. */
        public Multi {
            shares = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shares));
        }
    }

    /**
     * A free-text item: only counted.
     *
     * @param item the item
     * @param n respondents who answered
     * @param missing respondents who did not
     */
    record Text(Item item, int n, int missing) implements ItemSummary {
    }
}
