package org.pluralstats.design;

/**
 * How {@link TaylorDesign#quantile} turns the weighted distribution function into a quantile: R survey
 * 4.x's {@code svyquantile(…, qrule = …)}.
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
    HF7
}
