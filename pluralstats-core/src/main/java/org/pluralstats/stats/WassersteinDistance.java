package org.pluralstats.stats;

import java.util.Arrays;
import org.pluralstats.PluralstatsException;

/**
 * The first Wasserstein (earth mover's) distance between two distributions on the real line, and the
 * Wasserstein similarity of two option distributions on an ordinal scale.
 *
 * <p>Distance: {@code W₁(u, v) = ∫ |U(t) − V(t)| dt}, with {@code U} and {@code V} the cumulative
 * distribution functions of the (weighted) empirical distributions. Computed as scipy's
 * {@code _cdf_distance(p = 1)}: all values of both samples are sorted; between consecutive values
 * {@code a < b} the integrand is constant, {@code |U(a) − V(a)|}, with {@code U(a)} the weight of
 * {@code u}-values {@code <= a} over the total weight. Equals {@code
 * scipy.stats.wasserstein_distance(u_values, v_values, u_weights, v_weights)}. Source: Ramdas,
 * García Trillos and Cuturi, "On Wasserstein two-sample testing and related families of nonparametric
 * tests", Entropy 19 (2017) 47.
 *
 * <p>Similarity (OpinionQA, Santurkar et al., "Whose opinions do language models reflect?", ICML 2023;
 * the "Wasserstein similarity score" of seed paper 002, Table 1): for option shares {@code h} (human)
 * and {@code m} (model) over the same options at ordinal positions {@code o},
 * {@code S = 1 − W₁(h, m) / (max o − min o)}, in [0, 1], 1 for identical distributions.
 *
 * <p>Input: values finite; weights finite, non-negative, with a positive total (they need not sum to 1;
 * each sample is normalised by its own total). Anything else is a {@link PluralstatsException}.
 */
public final class WassersteinDistance {
    private WassersteinDistance() {
    }

    /**
     * The distance between two unweighted samples (every value weight 1).
     *
     * @param uValues first sample, non-empty
     * @param vValues second sample, non-empty
     * @return {@code W₁}
     */
    public static double between(double[] uValues, double[] vValues) {
        return between(uValues, null, vValues, null);
    }

    /**
     * The distance between two weighted samples.
     *
     * @param uValues values of the first distribution, non-empty, finite
     * @param uWeights their weights (same length), or {@code null} for weight 1 each
     * @param vValues values of the second distribution, non-empty, finite
     * @param vWeights their weights (same length), or {@code null} for weight 1 each
     * @return {@code W₁ >= 0}
     */
    public static double between(double[] uValues, double[] uWeights, double[] vValues, double[] vWeights) {
        check("u", uValues, uWeights);
        check("v", vValues, vWeights);
        double[][] u = sortedCumulative(uValues, uWeights);
        double[][] v = sortedCumulative(vValues, vWeights);
        double[] all = new double[uValues.length + vValues.length];
        System.arraycopy(uValues, 0, all, 0, uValues.length);
        System.arraycopy(vValues, 0, all, uValues.length, vValues.length);
        for (int i = 0; i < all.length; i++) {
            all[i] += 0.0; // -0.0 and 0.0 are one value
        }
        Arrays.sort(all);
        CompensatedSum sum = CompensatedSum.create();
        for (int i = 0; i + 1 < all.length; i++) {
            double delta = all[i + 1] - all[i];
            if (delta == 0) {
                continue;
            }
            double uc = cdf(u, all[i]);
            double vc = cdf(v, all[i]);
            sum.accept(Math.abs(uc - vc) * delta);
        }
        return sum.getAsDouble();
    }

    /**
     * The Wasserstein similarity {@code 1 − W₁(h, m) / (max o − min o)} of two distributions over the
     * same ordinal options.
     *
     * @param ordinals the options' positions on the ordinal scale, at least two distinct
     * @param human the human shares or counts per option
     * @param model the model's shares or counts per option
     * @return the similarity, in [0, 1]
     */
    public static double ordinalSimilarity(double[] ordinals, double[] human, double[] model) {
        if (human.length != ordinals.length || model.length != ordinals.length) {
            throw new PluralstatsException("option distributions must have one share per ordinal: " + ordinals.length
                    + " ordinals, " + human.length + " and " + model.length + " shares");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double o : ordinals) {
            min = Math.min(min, o);
            max = Math.max(max, o);
        }
        if (!(max > min)) {
            throw new PluralstatsException("Wasserstein similarity needs at least two distinct ordinals");
        }
        return 1 - between(ordinals, human, ordinals, model) / (max - min);
    }

    /** @return {@code {sortedValues, cumulativeWeightShares}}, the latter of length n + 1 starting at 0 */
    private static double[][] sortedCumulative(double[] values, double[] weights) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a] + 0.0, values[b] + 0.0));
        double[] sorted = new double[n];
        double[] cum = new double[n + 1];
        CompensatedSum running = CompensatedSum.create();
        for (int i = 0; i < n; i++) {
            sorted[i] = values[order[i]] + 0.0;
            running.accept(weights == null ? 1.0 : weights[order[i]]);
            cum[i + 1] = running.getAsDouble();
        }
        double total = cum[n];
        for (int i = 1; i <= n; i++) {
            cum[i] /= total;
        }
        return new double[][] {sorted, cum};
    }

    /** @return the share of weight at values {@code <= t} */
    private static double cdf(double[][] dist, double t) {
        double[] sorted = dist[0];
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return dist[1][lo];
    }

    private static void check(String name, double[] values, double[] weights) {
        if (values.length == 0) {
            throw new PluralstatsException("the " + name + " distribution has no values");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new PluralstatsException("the " + name + " distribution has a non-finite value: " + v);
            }
        }
        if (weights == null) {
            return;
        }
        if (weights.length != values.length) {
            throw new PluralstatsException("the " + name + " distribution has " + values.length + " values but "
                    + weights.length + " weights");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new PluralstatsException("the " + name + " distribution has an invalid weight: " + w
                        + " (weights must be finite and non-negative)");
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new PluralstatsException("the " + name + " distribution's weights sum to zero");
        }
    }
}
