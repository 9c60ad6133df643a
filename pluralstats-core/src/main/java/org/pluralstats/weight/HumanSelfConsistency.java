package org.pluralstats.weight;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pluralstats.PluralstatsException;
import org.pluralstats.stats.CompensatedSum;
import org.pluralstats.stats.PercentileBootstrap;

/**
 * Human self-consistency as the seed paper's released code computes it ({@code scripts/process_wvs.py}
 * of jhrystrom/multicultural-alignment; reported per country as 0.665–0.835 in
 * {@code output/gt_self_consistency.csv}).
 *
 * <p>For each population P and each item q with {@code m > 0} answers in P, {@code D} draws
 * ({@code D = 100} by default) each take {@code min(k, m)} distinct respondents uniformly at random
 * from those who answered ({@code k = 10} by default) and compute the weighted score
 * {@code s(d, q) = Σ wA / Σ w} over them. The self-consistency of P is the Pearson correlation of
 * {@code (s(d, q), s(e, q))} pooled over all items q and <b>all ordered pairs (d, e) of draws of the
 * same item, including d = e</b>: this is what the released code's self-join of the draws on
 * (country, item) followed by {@code pl.corr} per country computes. Because the pairs are symmetric,
 * it equals
 *
 * <pre>
 *   r = Σ_q ( Σ_d (s(d,q) - s̄) )²  /  ( D · Σ_q Σ_d (s(d,q) - s̄)² )
 * </pre>
 *
 * with {@code s̄} the mean of all {@code s(d, q)}, computed here in {@code O(QD)} rather than
 * {@code O(QD²)}. It is an intraclass correlation: the share of the variance of a 10-person score
 * that lies between items rather than between draws.
 *
 * <p>Randomness: each population has its own {@link SplittableRandom}, seeded from the configured seed
 * and the population's name (so adding a population changes no other); within it, items are taken in
 * the design's order and draws in order, each draw a partial Fisher–Yates shuffle. The same seed gives
 * the same values on every machine.
 */
public final class HumanSelfConsistency {
    /** The default seed. */
    public static final long DEFAULT_SEED = 20250224L;

    private final int draws;
    private final int sampleSize;
    private final long seed;

    private HumanSelfConsistency(int draws, int sampleSize, long seed) {
        this.draws = draws;
        this.sampleSize = sampleSize;
        this.seed = seed;
    }

    /** @return 100 draws of 10 respondents, seed {@link #DEFAULT_SEED} */
    public static HumanSelfConsistency withDefaults() {
        return new HumanSelfConsistency(100, 10, DEFAULT_SEED);
    }

    /** @param d draws per population and item (at least 1) @return a copy */
    public HumanSelfConsistency withDraws(int d) {
        if (d < 1) {
            throw new PluralstatsException("draws must be at least 1, not " + d);
        }
        return new HumanSelfConsistency(d, sampleSize, seed);
    }

    /** @param k respondents per draw (at least 1) @return a copy */
    public HumanSelfConsistency withSampleSize(int k) {
        if (k < 1) {
            throw new PluralstatsException("the sample size must be at least 1, not " + k);
        }
        return new HumanSelfConsistency(draws, k, seed);
    }

    /** @param s the seed @return a copy */
    public HumanSelfConsistency withSeed(long s) {
        return new HumanSelfConsistency(draws, sampleSize, s);
    }

    /**
     * @param design the design (its weights and binarised items)
     * @return one value per population, in the design's order
     */
    public SelfConsistencies estimate(PolarityDesign design) {
        List<SelfConsistency> out = new ArrayList<>();
        double[] w = design.weightArray();
        for (int p = 0; p < design.populations().size(); p++) {
            String name = design.populations().get(p);
            double[][] s = drawScores(design, p, w);
            out.add(new SelfConsistency(name, pooledCorrelation(s), s.length, draws, sampleSize));
        }
        return new SelfConsistencies(out, draws, sampleSize, seed);
    }

    /** The draw scores {@code s[q][d]} of one population, for items with answers. */
    double[][] drawScores(PolarityDesign design, int population, double[] w) {
        SplittableRandom rng = new SplittableRandom(populationSeed(seed, design.populations().get(population)));
        int[] rows = design.rows(population);
        int[] answered = new int[rows.length];
        List<double[]> scores = new ArrayList<>();
        for (BinaryItem item : design.items()) {
            byte[] a = item.values();
            int m = 0;
            for (int r : rows) {
                if (a[r] >= 0) {
                    answered[m++] = r;
                }
            }
            if (m == 0) {
                continue;
            }
            int k = Math.min(sampleSize, m);
            double[] s = new double[draws];
            for (int d = 0; d < draws; d++) {
                double sw = 0;
                double swa = 0;
                for (int i = 0; i < k; i++) {
                    int j = i + rng.nextInt(m - i);
                    int t = answered[i];
                    answered[i] = answered[j];
                    answered[j] = t;
                    double wr = w[answered[i]];
                    sw += wr;
                    swa += wr * a[answered[i]];
                }
                s[d] = swa / sw;
            }
            scores.add(s);
        }
        return scores.toArray(new double[0][]);
    }

    /** The Pearson correlation over all ordered pairs of draws of the same item, pooled over items. */
    static double pooledCorrelation(double[][] s) {
        if (s.length == 0) {
            return Double.NaN;
        }
        CompensatedSum total = CompensatedSum.create();
        int count = 0;
        for (double[] q : s) {
            for (double v : q) {
                total.accept(v);
                count++;
            }
        }
        double mean = total.getAsDouble() / count;
        CompensatedSum between = CompensatedSum.create();
        CompensatedSum within = CompensatedSum.create();
        int d = s[0].length;
        for (double[] q : s) {
            CompensatedSum dev = CompensatedSum.create();
            for (double v : q) {
                dev.accept(v - mean);
                within.accept((v - mean) * (v - mean));
            }
            between.accept(dev.getAsDouble() * dev.getAsDouble());
        }
        double den = d * within.getAsDouble();
        return den == 0 ? Double.NaN : between.getAsDouble() / den;
    }

    /** A well-mixed seed per population ({@link PercentileBootstrap#seedFor}: FNV-1a of the name, SplitMix64 finaliser). */
    static long populationSeed(long seed, String population) {
        return PercentileBootstrap.seedFor(seed, population);
    }
}
