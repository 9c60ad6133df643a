package org.pluralstats.stats;

import java.util.Arrays;
import org.pluralstats.PluralstatsException;

/**
 * Paired observations prepared for computing Pearson's and Spearman's coefficients of many resamples
 * (bootstrap) in linear time each.
 *
 * <p>A resample is given by the multiplicity {@code c[i] >= 0} of each original pair {@code i}
 * ({@link #counts(int[], int)} turns resampled indices into multiplicities). The coefficient of the
 * resample is that of the data set holding pair {@code i} {@code c[i]} times:
 * <ul>
 * <li>Pearson: {@code Σ c (x − x̄)(y − ȳ) / sqrt(Σ c (x − x̄)² · Σ c (y − ȳ)²)} with {@code c}-weighted
 * means;</li>
 * <li>Spearman: the same of the average ranks within the resample. The pairs are sorted by
 * {@code x} (and by {@code y}) once; the rank of a value in a resample is {@code C + (k + 1) / 2},
 * with {@code C} the multiplicity of smaller values and {@code k} that of equal values, so no sorting
 * is needed per resample.</li>
 * </ul>
 * These equal {@link Correlation#pearsonCoefficient} and {@link Correlation#spearmanCoefficient} of the
 * explicitly resampled arrays up to rounding (about 1e-15 for hundreds of pairs: the sums run in a
 * different order and are plain, not compensated, since a resample's value only feeds a percentile).
 * Undefined coefficients (fewer than two pairs, a constant resample) are {@code NaN}.
 *
 * <p>Instances hold scratch arrays: not thread-safe; use one per thread.
 */
public final class ResampledCorrelation {
    private final double[] x;
    private final double[] y;
    private final int[] xOrder;
    private final int[] yOrder;
    private final double[] rx;
    private final double[] ry;

    private ResampledCorrelation(double[] x, double[] y) {
        this.x = x.clone();
        this.y = y.clone();
        this.xOrder = order(this.x);
        this.yOrder = order(this.y);
        this.rx = new double[x.length];
        this.ry = new double[x.length];
    }

    /**
     * @param x first sample, no {@code NaN}
     * @param y second sample, same length, no {@code NaN}
     * @return the prepared pairs
     */
    public static ResampledCorrelation of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new PluralstatsException("paired samples differ in length: " + x.length + " and " + y.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                throw new PluralstatsException("cannot correlate NaN (pair at index " + i + ")");
            }
        }
        return new ResampledCorrelation(x, y);
    }

    /** @return the number of original pairs */
    public int size() {
        return x.length;
    }

    /**
     * @param indices resampled indices in {@code [0, n)}
     * @param n the number of original units
     * @return the multiplicity of each unit
     */
    public static int[] counts(int[] indices, int n) {
        int[] c = new int[n];
        for (int i : indices) {
            c[i]++;
        }
        return c;
    }

    /**
     * @param counts multiplicity of each original pair
     * @return Pearson's coefficient of the resample, {@code NaN} when undefined
     */
    public double pearson(int[] counts) {
        return weightedPearson(x, y, counts);
    }

    /**
     * @param counts multiplicity of each original pair
     * @return Spearman's coefficient (average ranks) of the resample, {@code NaN} when undefined
     */
    public double spearman(int[] counts) {
        resampleRanks(x, xOrder, counts, rx);
        resampleRanks(y, yOrder, counts, ry);
        return weightedPearson(rx, ry, counts);
    }

    /** Average ranks within the resample for every original unit with a positive count. */
    private static void resampleRanks(double[] v, int[] order, int[] counts, double[] ranks) {
        int n = v.length;
        long below = 0;
        int lo = 0;
        while (lo < n) {
            int hi = lo + 1;
            while (hi < n && v[order[hi]] == v[order[lo]]) {
                hi++;
            }
            long k = 0;
            for (int j = lo; j < hi; j++) {
                k += counts[order[j]];
            }
            double r = below + (k + 1) / 2.0;
            for (int j = lo; j < hi; j++) {
                ranks[order[j]] = r;
            }
            below += k;
            lo = hi;
        }
    }

    private static double weightedPearson(double[] a, double[] b, int[] c) {
        // plain sums: a resample's statistic only feeds a percentile, and with at most a few million
        // terms their rounding (~1e-13 relative) is far below the bootstrap's own variation
        long total = 0;
        boolean constantA = true;
        boolean constantB = true;
        double firstA = Double.NaN;
        double firstB = Double.NaN;
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < a.length; i++) {
            int ci = c[i];
            if (ci == 0) {
                continue;
            }
            if (total == 0) {
                firstA = a[i];
                firstB = b[i];
            } else {
                constantA &= a[i] == firstA;
                constantB &= b[i] == firstB;
            }
            total += ci;
            sa += ci * a[i];
            sb += ci * b[i];
        }
        if (total < 2 || constantA || constantB) {
            return Double.NaN;
        }
        double ma = sa / total;
        double mb = sb / total;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            int ci = c[i];
            if (ci == 0) {
                continue;
            }
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += ci * da * db;
            saa += ci * da * da;
            sbb += ci * db * db;
        }
        double den = Math.sqrt(saa) * Math.sqrt(sbb);
        if (den == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sab / den));
    }

    private static int[] order(double[] v) {
        Integer[] boxed = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            boxed[i] = i;
            v[i] += 0.0; // -0.0 and 0.0 are one value
        }
        Arrays.sort(boxed, (p, q) -> Double.compare(v[p], v[q]));
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }
}
