package org.pluralstats.stats;

import java.util.Arrays;
import org.pluralstats.PluralstatsException;

/**
 * Ranks of values, tied values sharing the average of the ranks they span (the "average" or "mid-rank"
 * method), with the sizes of the tie groups.
 *
 * <p>The value at sorted positions {@code lo+1 .. hi} (1-based) gets rank {@code (lo + 1 + hi) / 2}.
 * Equals {@code scipy.stats.rankdata(values, method='average')} and R's {@code rank(x)}. {@code -0.0}
 * and {@code 0.0} are equal; infinities are ranked like other values; {@code NaN} is rejected.
 *
 * <p>The tie term {@code Σ (t³ − t)} over tie groups of size {@code t} is what the tie corrections of
 * the Kruskal–Wallis and Mann–Whitney tests and Spearman's coefficient need.
 *
 * <p>Cost: one sort of a copy of the values, {@code O(n log n)}, and no boxing.
 */
public final class Ranks {
    private final double[] ranks;
    private final int[] tieGroupSizes;

    private Ranks(double[] ranks, int[] tieGroupSizes) {
        this.ranks = ranks;
        this.tieGroupSizes = tieGroupSizes;
    }

    /**
     * Ranks values (average ranks for ties).
     *
     * @param values the values, in any order; may be empty; no {@code NaN}
     * @return their ranks, in the order of {@code values}
     * @throws PluralstatsException if a value is {@code NaN}
     */
    public static Ranks of(double... values) {
        int n = values.length;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                throw new PluralstatsException("cannot rank NaN (value at index " + i + ")");
            }
            sorted[i] = v + 0.0; // -0.0 becomes 0.0, so both sort as one value
        }
        Arrays.sort(sorted);

        int groups = 0;
        int[] sizes = new int[n];
        for (int lo = 0; lo < n;) {
            int hi = lo + 1;
            while (hi < n && sorted[hi] == sorted[lo]) {
                hi++;
            }
            sizes[groups++] = hi - lo;
            lo = hi;
        }

        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            double v = values[i] + 0.0;
            int lo = lowerBound(sorted, v);
            int hi = upperBound(sorted, v);
            ranks[i] = (lo + 1 + hi) / 2.0;
        }
        return new Ranks(ranks, Arrays.copyOf(sizes, groups));
    }

    /** @return the index of the first element {@code >= v} */
    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return the index of the first element {@code > v} */
    private static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return the number of ranked values */
    public int size() {
        return ranks.length;
    }

    /** @return a copy of the ranks, in the order of the input values */
    public double[] ranks() {
        return ranks.clone();
    }

    /**
     * @param index position in the input
     * @return the rank of the value at that position, between 1 and {@link #size()}
     */
    public double rank(int index) {
        return ranks[index];
    }

    /**
     * The sizes of the groups of equal values, in increasing order of value; untied values form groups
     * of size 1, so the sizes add up to {@link #size()}. Equals the counts of
     * {@code numpy.unique(values, return_counts=True)}.
     *
     * @return a copy of the group sizes
     */
    public int[] tieGroupSizes() {
        return tieGroupSizes.clone();
    }

    /** @return the number of distinct values (the number of tie groups) */
    public int distinctCount() {
        return tieGroupSizes.length;
    }

    /** @return whether any value occurs more than once */
    public boolean hasTies() {
        return tieGroupSizes.length < ranks.length;
    }

    /**
     * The tie term {@code Σ (t³ − t)} over tie groups of size {@code t}; 0 without ties. Exact while the
     * total stays below {@code 2^53} (more than 200 000 tied values in one group).
     *
     * @return the tie term
     */
    public double tieTerm() {
        double sum = 0;
        for (int t : tieGroupSizes) {
            if (t > 1) {
                sum += (double) t * t * t - t;
            }
        }
        return sum;
    }
}
