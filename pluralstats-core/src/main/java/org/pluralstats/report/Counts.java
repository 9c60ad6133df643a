package org.pluralstats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Counts of left-out rows, per reason, as one phrase for messages and tables. */
public final class Counts {
    private Counts() {
    }

    /**
     * @param counts reason → count, in the order to show
     * @return {@code "2 zero weight, 1 missing weight"}; empty when there are none
     */
    public static String describe(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(v + " " + k));
        return String.join(", ", parts);
    }
}
