package org.pluralstats.data;

import java.util.Arrays;

/** A growable list of primitive ints. */
final class IntList {
    private int[] a = new int[8];
    private int n;

    void add(int v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        a[n++] = v;
    }

    int[] toArray() {
        return Arrays.copyOf(a, n);
    }
}
