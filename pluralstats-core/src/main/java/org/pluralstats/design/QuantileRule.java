package org.pluralstats.design;

import java.util.Arrays;
import org.pluralstats.stats.CompensatedSum;

/**
 * How {@link TaylorDesign#quantile} and {@code ReplicateDesign.quantile} turn the weighted distribution function
 * into a quantile: R survey 4.x's {@code svyquantile(…, qrule = …)}.
 */
public enum QuantileRule {
    /**
     * {@code qrule = "math"} (the default): with the values sorted and {@code W_k} their cumulative weights
     * out of {@code W}, the smallest value {@code x_(k+1)} with {@code W_k < pW ≤ W_(k+1)}; the value
     * {@code x_(k)} when {@code pW = W_k} exactly (the inverse of the weighted distribution function).
     */
    MATH,
    /**
     * {@code qrule = "hf7"}: linear interpolation of the sorted values at {@code p} over the points
     * {@code p_k = W_(k−1) / W_(n−1)} ({@code p_1 = 0}, {@code p_n = 1}), Hyndman &amp; Fan type 7 with
     * weights; equal weights give R's {@code quantile(type = 7)}.
     */
    HF7;

    /**
     * The two arrays {@link #quantile} takes: the values in ascending order by a stable sort (ties keep their
     * order, as R's {@code order()}), and their cumulative weights summed with Neumaier's compensation
     * ({@link CompensatedSum#addTo}), which rounds to the doubles of R's long-double {@code cumsum}.
     *
     * @param values the values of the respondents of positive weight
     * @param weights their weights, in the same order
     * @return {@code {sorted, cumulativeWeights}}
     */
    public static double[][] sortedWithCumulativeWeights(double[] values, double[] weights) {
        int m = values.length;
        Integer[] order = new Integer[m];
        for (int j = 0; j < m; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] sorted = new double[m];
        double[] cumw = new double[m];
        double[] sum = new double[2];
        for (int j = 0; j < m; j++) {
            sorted[j] = values[order[j]];
            CompensatedSum.addTo(sum, 0, weights[order[j]]);
            cumw[j] = sum[0] + sum[1];
        }
        return new double[][] {sorted, cumw};
    }

    /**
     * This rule's quantile at {@code p}, as survey's {@code qrule_math} (via {@code qs}) and {@code qrule_hf7}
     * compute it once the values are sorted: R sorts with {@code order(x)} and accumulates {@code cumsum} in long
     * double, so give {@code cumulativeWeights} summed with compensation (a plain running sum can miss the exact
     * ties of {@code pW} with a cumulative weight that R finds, e.g. equal weights at {@code p = 1/2}). Drop
     * respondents of weight 0 first, as both R rules do.
     *
     * @param sorted the values in ascending order (at least one)
     * @param cumulativeWeights their cumulative weights, {@code W_1 … W_n = W}
     * @param p the probability, in [0, 1]
     * @return the quantile
     */
    public double quantile(double[] sorted, double[] cumulativeWeights, double p) {
        double[] x = sorted;
        double[] cumw = cumulativeWeights;
        int m = x.length;
        double total = cumw[m - 1];
        if (this == MATH) {
            int pos = 0; // survey:::last(): the last k with cumw[k] <= p W, the first when there is none
            for (int j = 0; j < m; j++) {
                if (cumw[j] <= p * total) {
                    pos = j;
                }
            }
            int next = pos == m - 1 ? pos : pos + 1;
            return p - cumw[pos] / total == 0 ? x[pos] : x[next];
        }
        if (m == 1) {
            return x[0];
        }
        double denominator = cumw[m - 2];
        // approx(pk, x, p, rule = 2) with pk = c(0, cumw[-n]) / cumw[n - 1]
        if (p <= 0) {
            return x[0];
        }
        for (int j = 1; j < m; j++) {
            double lower = j == 1 ? 0 : cumw[j - 2] / denominator;
            double upper = cumw[j - 1] / denominator;
            if (p <= upper) {
                return p == upper ? x[j] : x[j - 1] + (x[j] - x[j - 1]) * ((p - lower) / (upper - lower));
            }
        }
        return x[m - 1];
    }
}
