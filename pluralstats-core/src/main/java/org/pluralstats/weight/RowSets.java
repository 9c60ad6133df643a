package org.pluralstats.weight;

import java.util.Arrays;
import java.util.List;

/** Small operations on ascending row-index arrays. */
final class RowSets {
    private RowSets() {
    }

    /** @return the union of disjoint ascending arrays, ascending */
    static int[] mergeSorted(List<int[]> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int n = 0;
        for (int[] p : parts) {
            n += p.length;
        }
        int[] out = new int[n];
        int k = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        Arrays.sort(out);
        return out;
    }
}
