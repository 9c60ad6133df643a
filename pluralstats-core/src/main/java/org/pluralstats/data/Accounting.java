package org.pluralstats.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where every input row went: kept, or excluded with a reason. {@code inputRows == kept + sum(excluded)}.
 *
 * @param inputRows data rows read from the source (header lines not counted)
 * @param kept rows kept in the data set
 * @param excluded count of excluded rows per reason (e.g. {@code "duplicate submission"})
 */
public record Accounting(int inputRows, int kept, Map<String, Integer> excluded) {

    /** Checks that the counts add up. */
    public Accounting {
        excluded = Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
        int sum = kept;
        for (int v : excluded.values()) {
            sum += v;
        }
        if (sum != inputRows) {
            throw new IllegalArgumentException("accounting does not add up: " + inputRows + " rows read, "
                    + kept + " kept, excluded " + excluded);
        }
    }

    /**
     * @param rows the number of rows read and kept
     * @return accounting with no exclusions
     */
    public static Accounting allKept(int rows) {
        return new Accounting(rows, rows, Map.of());
    }

    /**
     * @param reason an exclusion reason
     * @return how many rows were excluded for it
     */
    public int excluded(String reason) {
        return excluded.getOrDefault(reason, 0);
    }

    /** @return the total number of excluded rows */
    public int excludedTotal() {
        return inputRows - kept;
    }
}
