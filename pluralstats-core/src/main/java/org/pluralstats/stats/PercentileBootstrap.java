package org.pluralstats.stats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.pluralstats.PluralstatsException;

/**
 * The nonparametric percentile bootstrap (Efron 1979; Efron and Tibshirani, <i>An Introduction to the
 * Bootstrap</i>, 1993, §13.3) of statistics computed from {@code n} exchangeable units (items,
 * generations, questions).
 *
 * <p>Each of {@code B} resamples draws {@code n} unit indices uniformly with replacement; the
 * statistic is computed on each. The interval at level {@code 1 − α} is the pair of empirical
 * quantiles {@code α/2} and {@code 1 − α/2} of the resampled statistics, with numpy's default
 * ("linear", Hyndman–Fan type 7) interpolation: for sorted values {@code v[0..m−1]} the quantile
 * {@code q} is {@code v[⌊h⌋] + (h − ⌊h⌋)(v[⌊h⌋+1] − v[⌊h⌋])} with {@code h = (m − 1) q}. Resamples on
 * which the statistic is undefined ({@code NaN}, e.g. a correlation of a resample whose values are all
 * equal) are left out of the quantiles and counted in {@link Result#undefined()}; with fewer than two
 * defined resamples there is no interval.
 *
 * <p>Randomness: a {@link SplittableRandom} seeded with the configured seed, or with
 * {@link #seedFor(long, String)} of the seed and a key naming the group (so that the interval of one
 * group does not depend on which other groups are computed or in which order, and groups can run in
 * parallel). Indices are {@code rng.nextInt(n)}, resample after resample; several statistics computed
 * from the same resamples ({@link #intervals}) share them. The same seed gives the same intervals on
 * every machine and Java version (SplittableRandom's algorithm is specified).
 *
 * <p>Immutable; configure with {@code with…} copies:
 * {@code PercentileBootstrap.withDefaults().withResamples(2000).withSeed(7)}.
 */
public final class PercentileBootstrap {
    /** The default seed. */
    public static final long DEFAULT_SEED = 20250224L;
    /** The default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /**
     * The most resamples accepted: each statistic keeps one double per resample (8 MB per statistic
     * at this limit), and percentile intervals are stable to far fewer (Efron and Tibshirani, §19.3,
     * recommend 1000 or more); a larger number is refused before anything is allocated.
     */
    public static final int MAX_RESAMPLES = 1_000_000;

    private final int resamples;
    private final double level;
    private final long seed;

    /** A statistic of the units selected by a resample. */
    @FunctionalInterface
    public interface Statistic {
        /**
         * @param indices the {@code n} unit indices of one resample (with repeats); do not keep the array
         * @return the statistic, {@code NaN} when undefined on this resample
         */
        double compute(int[] indices);
    }

    /** Several statistics of the same resample. */
    @FunctionalInterface
    public interface Statistics {
        /**
         * @param indices the {@code n} unit indices of one resample (with repeats); do not keep the array
         * @param out where to write the statistics ({@code NaN} when undefined), one slot each
         */
        void compute(int[] indices, double[] out);
    }

    /** Several statistics of one simulated data set (a parametric bootstrap draw). */
    @FunctionalInterface
    public interface Simulation {
        /**
         * @param rng the random source of this draw
         * @param out where to write the statistics ({@code NaN} when undefined), one slot each
         */
        void compute(SplittableRandom rng, double[] out);
    }

    private PercentileBootstrap(int resamples, double level, long seed) {
        this.resamples = resamples;
        this.level = level;
        this.seed = seed;
    }

    /** @return 1000 resamples, level 0.95, seed {@link #DEFAULT_SEED} */
    public static PercentileBootstrap withDefaults() {
        return new PercentileBootstrap(DEFAULT_RESAMPLES, 0.95, DEFAULT_SEED);
    }

    /**
     * @param b the number of resamples, at least 1
     * @return a copy
     */
    public PercentileBootstrap withResamples(int b) {
        return new PercentileBootstrap(checkResamples(b, 1), level, seed);
    }

    /**
     * Checks a number of bootstrap resamples against {@code min} and {@link #MAX_RESAMPLES}.
     *
     * @param b the number of resamples
     * @param min the least allowed (0 where no resamples means no intervals)
     * @return {@code b}
     * @throws PluralstatsException with a one-line message when out of range
     */
    public static int checkResamples(int b, int min) {
        if (b < min || b > MAX_RESAMPLES) {
            throw new PluralstatsException("the number of bootstrap resamples must be from " + min + " to "
                    + MAX_RESAMPLES + " (the limit: every resample is kept in memory), not " + b);
        }
        return b;
    }

    /**
     * @param confidence the confidence level, in (0, 1)
     * @return a copy
     */
    public PercentileBootstrap withLevel(double confidence) {
        return new PercentileBootstrap(resamples, ConfidenceInterval.checkLevel(confidence), seed);
    }

    /**
     * @param s the seed
     * @return a copy
     */
    public PercentileBootstrap withSeed(long s) {
        return new PercentileBootstrap(resamples, level, s);
    }

    /** @return the number of resamples */
    public int resamples() {
        return resamples;
    }

    /** @return the confidence level */
    public double level() {
        return level;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /**
     * The interval of one statistic, resampling with {@code new SplittableRandom(seed)}.
     *
     * @param n the number of units, at least 1
     * @param statistic the statistic
     * @return the result
     */
    public Result interval(int n, Statistic statistic) {
        return interval(n, statistic, new SplittableRandom(seed));
    }

    /**
     * The interval of one statistic for a named group, resampling with
     * {@code new SplittableRandom(seedFor(seed, key))}.
     *
     * @param n the number of units, at least 1
     * @param key the group's name
     * @param statistic the statistic
     * @return the result
     */
    public Result interval(int n, String key, Statistic statistic) {
        return interval(n, statistic, new SplittableRandom(seedFor(seed, key)));
    }

    /**
     * The interval of one statistic with a given random source.
     *
     * @param n the number of units, at least 1
     * @param statistic the statistic
     * @param rng the random source (advanced by {@code B · n} draws)
     * @return the result
     */
    public Result interval(int n, Statistic statistic, SplittableRandom rng) {
        return intervals(n, 1, (idx, out) -> out[0] = statistic.compute(idx), rng).get(0);
    }

    /**
     * Intervals of several statistics from the same resamples, for a named group.
     *
     * @param n the number of units, at least 1
     * @param count the number of statistics
     * @param key the group's name (see {@link #seedFor})
     * @param statistics computes all of them from one resample
     * @return one result per statistic, in slot order
     */
    public List<Result> intervals(int n, int count, String key, Statistics statistics) {
        return intervals(n, count, statistics, new SplittableRandom(seedFor(seed, key)));
    }

    /**
     * Intervals of several statistics from the same resamples.
     *
     * @param n the number of units, at least 1
     * @param count the number of statistics, at least 1
     * @param statistics computes all of them from one resample
     * @param rng the random source (advanced by {@code B · n} draws)
     * @return one result per statistic, in slot order
     */
    public List<Result> intervals(int n, int count, Statistics statistics, SplittableRandom rng) {
        if (n < 1) {
            throw new PluralstatsException("cannot bootstrap " + n + " units");
        }
        int[] idx = new int[n];
        return simulate(count, (r, out) -> {
            for (int i = 0; i < n; i++) {
                idx[i] = r.nextInt(n);
            }
            statistics.compute(idx, out);
        }, rng);
    }

    /**
     * Percentile intervals of several statistics over {@code B} simulated data sets (a parametric
     * bootstrap, e.g. generations redrawn from a multinomial), for a named group: draw {@code b} is
     * {@code simulation.compute(rng, out)} with {@code rng = new SplittableRandom(seedFor(seed, key))}
     * shared by all draws in order. Quantiles as {@link #intervals}.
     *
     * @param count the number of statistics, at least 1
     * @param key the group's name (see {@link #seedFor})
     * @param simulation draws one data set and computes the statistics
     * @return one result per statistic, in slot order
     */
    public List<Result> simulate(int count, String key, Simulation simulation) {
        return simulate(count, simulation, new SplittableRandom(seedFor(seed, key)));
    }

    private List<Result> simulate(int count, Simulation simulation, SplittableRandom rng) {
        if (count < 1) {
            throw new PluralstatsException("no statistics to bootstrap");
        }
        double[][] values = new double[count][resamples];
        int[] defined = new int[count];
        double[] out = new double[count];
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(out, Double.NaN);
            simulation.compute(rng, out);
            for (int s = 0; s < count; s++) {
                if (!Double.isNaN(out[s])) {
                    values[s][defined[s]++] = out[s];
                }
            }
        }
        List<Result> results = new ArrayList<>(count);
        double alpha = 1 - level;
        for (int s = 0; s < count; s++) {
            double[] v = Arrays.copyOf(values[s], defined[s]);
            Arrays.sort(v);
            ConfidenceInterval ci = null;
            if (v.length >= 2) {
                ci = new ConfidenceInterval(quantile(v, alpha / 2), quantile(v, 1 - alpha / 2), level,
                        ConfidenceInterval.Method.PERCENTILE_BOOTSTRAP);
            }
            results.add(new Result(ci, resamples, resamples - defined[s]));
        }
        return results;
    }

    /**
     * The linearly interpolated quantile of sorted values (numpy's default, Hyndman–Fan type 7).
     *
     * @param sorted values in increasing order, at least one
     * @param q the probability, in [0, 1]
     * @return the quantile
     */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double frac = h - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        // numpy's _lerp: a + (b − a)·t, computed from the upper end when t >= 0.5
        double d = b - a;
        double r = a + d * frac;
        if (frac >= 0.5) {
            r = b - d * (1 - frac);
        }
        return r;
    }

    /**
     * A well-mixed seed for a named group: FNV-1a over the key's UTF-8 bytes, combined with the seed
     * through SplitMix64's finaliser (SplittableRandom's own mixing of nearby seeds is weak).
     *
     * @param seed the base seed
     * @param key the group's name
     * @return the group's seed
     */
    public static long seedFor(long seed, String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix64(mix64(seed) ^ h);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A bootstrap interval with the number of resamples it came from. Immutable. */
    public static final class Result {
        private final ConfidenceInterval interval;
        private final int resamples;
        private final int undefined;

        private Result(ConfidenceInterval interval, int resamples, int undefined) {
            this.interval = interval;
            this.resamples = resamples;
            this.undefined = undefined;
        }

        /** @return the percentile interval; empty with fewer than two defined resamples */
        public Optional<ConfidenceInterval> interval() {
            return Optional.ofNullable(interval);
        }

        /** @return the number of resamples drawn */
        public int resamples() {
            return resamples;
        }

        /** @return how many resamples left the statistic undefined (not in the quantiles) */
        public int undefined() {
            return undefined;
        }

        @Override
        public String toString() {
            return "bootstrap(" + (interval == null ? "no interval" : interval)
                    + ", B=" + resamples + ", undefined=" + undefined + ")";
        }
    }
}
