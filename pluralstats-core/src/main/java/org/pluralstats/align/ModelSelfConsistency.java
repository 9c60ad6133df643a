package org.pluralstats.align;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pluralstats.PluralstatsException;
import org.pluralstats.stats.CompensatedSum;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.Correlation;
import org.pluralstats.stats.PercentileBootstrap;

/**
 * Model self-consistency as the seed paper's released code computes it
 * ({@code scripts/plot_consistency.py} of jhrystrom/multicultural-alignment; §3.2 of the paper: "the
 * Spearman correlation between value polarity scores of repeated responses to identical topics,
 * adjusted by the reliability of the LLM annotation").
 *
 * <p>For one model and prompt language, take every ordered pair {@code (g, h)} of <b>different</b>
 * generations of the same item (the released self-join on item and language, minus the pairs of a
 * generation with itself), pooled over items: {@code Σ_q m_q (m_q − 1)} pairs for items with
 * {@code m_q} generations. The observed self-consistency is Spearman's correlation (average ranks) of
 * {@code (score(g), score(h))} over these pairs; the reported value divides it by a reliability
 * factor, {@code 1 − 0.045 = 0.955} by default (the judge's mean absolute error of 4.5%, §2.2; the
 * correction for attenuation of Charles 2005). Pearson's correlation is available as an option (the
 * released {@code analyse_hypotheses.py} uses Pearson, without the correction, for the consistency
 * covariate of Eq. 3: {@code withMethod(PEARSON).withReliability(1)}).
 *
 * <p>Computation without materialising the pairs: both coordinates of the pairs hold the same multiset,
 * in which generation {@code g} of item {@code q} appears {@code m_q − 1} times. With {@code v} its
 * average rank in that weighted multiset (or its score, for Pearson), {@code v̄} the weighted mean and
 * {@code d = v − v̄}:
 * <pre>
 *   ρ = Σ_q [ (Σ_{g∈q} d_g)² − Σ_{g∈q} d_g² ]  /  Σ_q (m_q − 1) Σ_{g∈q} d_g²
 * </pre>
 * in {@code O(G log G)} for {@code G} generations. Worked example (also in the tests and in
 * {@code tools/align_reference.py}): item A with scores 0.2, 0.4, 0.4 and item B with 0.8, 1.0 give
 * 8 pairs and {@code ρ = 17.5 / 36.5 = 35/73 = 0.4795}; self-consistency {@code 0.5020}.
 *
 * <p>Bootstrap ({@code withResamples(B)}): generations of the model × language are resampled with
 * replacement, and a generation drawn twice counts as two generations (as in the released code, which
 * resamples rows before the self-join); percentile interval of the corrected value.
 *
 * <p>Undefined ({@code NaN}): fewer than two pairs, or all paired scores equal.
 */
public final class ModelSelfConsistency {
    /** The default reliability factor, 1 − 0.045. */
    public static final double DEFAULT_RELIABILITY = 0.955;

    private final Correlation.Method method;
    private final ReliabilityFactor reliability;
    private final int resamples;
    private final long seed;
    private final double confidence;

    private ModelSelfConsistency(Correlation.Method method, ReliabilityFactor reliability, int resamples, long seed, double confidence) {
        this.method = method;
        this.reliability = reliability;
        this.resamples = resamples;
        this.seed = seed;
        this.confidence = confidence;
    }

    /** @return Spearman, reliability 0.955, no bootstrap, seed {@link PercentileBootstrap#DEFAULT_SEED}, level 0.95 */
    public static ModelSelfConsistency withDefaults() {
        return new ModelSelfConsistency(Correlation.Method.SPEARMAN, ReliabilityFactor.of(DEFAULT_RELIABILITY), 0, PercentileBootstrap.DEFAULT_SEED, 0.95);
    }

    /** @param m Spearman or Pearson @return a copy */
    public ModelSelfConsistency withMethod(Correlation.Method m) {
        return new ModelSelfConsistency(m, reliability, resamples, seed, confidence);
    }

    /** @param r the reliability factor, in (0, 1] @return a copy */
    public ModelSelfConsistency withReliability(double r) {
        return withReliability(ReliabilityFactor.of(r));
    }

    /**
     * @param r the reliability factor with its source, e.g. {@code 1 − MAE} of an annotation file
     *     ({@link org.pluralstats.agreement.JudgeReliability})
     * @return a copy
     */
    public ModelSelfConsistency withReliability(ReliabilityFactor r) {
        return new ModelSelfConsistency(method, Objects.requireNonNull(r, "reliability"), resamples, seed, confidence);
    }

    /** @param b bootstrap resamples, 0 for none @return a copy */
    public ModelSelfConsistency withResamples(int b) {
        PercentileBootstrap.checkResamples(b, 0);
        return new ModelSelfConsistency(method, reliability, b, seed, confidence);
    }

    /** @param s the bootstrap seed @return a copy */
    public ModelSelfConsistency withSeed(long s) {
        return new ModelSelfConsistency(method, reliability, resamples, s, confidence);
    }

    /** @param c the confidence level, in (0, 1) @return a copy */
    public ModelSelfConsistency withConfidence(double c) {
        PercentileBootstrap.withDefaults().withLevel(c); // validates
        return new ModelSelfConsistency(method, reliability, resamples, seed, c);
    }

    /** @return the correlation over the pairs: Spearman (default) or Pearson */
    public Correlation.Method method() {
        return method;
    }

    /** @return the reliability factor */
    public double reliability() {
        return reliability.value();
    }

    /** @return the reliability factor with its source */
    public ReliabilityFactor reliabilityFactor() {
        return reliability;
    }

    /**
     * @param outputs model outputs
     * @return one result per model × language, models in order of first appearance
     */
    public ModelConsistencies estimate(ModelOutputs outputs) {
        return new ModelConsistencies(ModelGroup.of(outputs).parallelStream().map(this::estimate).toList(),
                new BootstrapSettings(resamples, seed, confidence), reliability);
    }

    ModelConsistency estimate(ModelGroup g) {
        PairPool pool = new PairPool(g.generationScores, g.generationItem, g.items.size());
        int[] ones = new int[g.generations()];
        Arrays.fill(ones, 1);
        double observed = pool.correlation(ones, method);
        double low = Double.NaN;
        double high = Double.NaN;
        int undefined = 0;
        if (resamples > 0 && g.generations() > 0) {
            PercentileBootstrap.Result r = PercentileBootstrap.withDefaults().withResamples(resamples).withSeed(seed)
                    .withLevel(confidence).interval(g.generations(), g.model + '\u001f' + g.language + "\u001fconsistency",
                            idx -> pool.correlation(counts(idx, g.generations()), method) / reliability.value());
            low = ConfidenceInterval.lower(r.interval());
            high = ConfidenceInterval.upper(r.interval());
            undefined = r.undefined();
        }
        int items = 0;
        long pairs = 0;
        int[] m = new int[g.items.size()];
        for (int k : g.generationItem) {
            m[k]++;
        }
        for (int c : m) {
            if (c >= 2) {
                items++;
                pairs += (long) c * (c - 1);
            }
        }
        return new ModelConsistency(g.model, g.family, g.language, method, items, g.generations(), pairs, observed,
                reliability.value(), observed / reliability.value(), low, high, resamples, undefined);
    }

    /**
     * The released definition on explicit arrays (for tests and library users): scores of generations
     * and the item each belongs to.
     *
     * @param scores generation scores
     * @param items item of each generation (any labels; equal labels = same item)
     * @param method Spearman or Pearson
     * @return the observed correlation over ordered pairs of different generations of the same item, {@code NaN} when undefined
     */
    public static double pairedCorrelation(double[] scores, String[] items, Correlation.Method method) {
        if (scores.length != items.length) {
            throw new PluralstatsException("scores and items differ in length: " + scores.length + " and " + items.length);
        }
        Map<String, Integer> index = new HashMap<>();
        int[] itemOf = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            itemOf[i] = index.computeIfAbsent(items[i], k -> index.size());
        }
        int[] ones = new int[scores.length];
        Arrays.fill(ones, 1);
        return new PairPool(scores, itemOf, index.size()).correlation(ones, method);
    }

    private static int[] counts(int[] idx, int n) {
        int[] c = new int[n];
        for (int i : idx) {
            c[i]++;
        }
        return c;
    }

    /** Generations sorted once by score, for the weighted-rank closed form. */
    static final class PairPool {
        private final double[] scores;
        private final int[] itemOf;
        private final int itemCount;
        private final int[] order;

        PairPool(double[] scores, int[] itemOf, int itemCount) {
            for (double s : scores) {
                if (Double.isNaN(s)) {
                    throw new PluralstatsException("a generation score is NaN");
                }
            }
            this.scores = scores;
            this.itemOf = itemOf;
            this.itemCount = itemCount;
            Integer[] boxed = new Integer[scores.length];
            for (int i = 0; i < boxed.length; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> Double.compare(scores[a] + 0.0, scores[b] + 0.0));
            order = new int[scores.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = boxed[i];
            }
        }

        /**
         * @param counts multiplicity of each generation (1 for the data as read)
         * @param method Spearman or Pearson
         * @return the correlation over ordered pairs of different rows of the same item
         */
        double correlation(int[] counts, Correlation.Method method) {
            int n = scores.length;
            long[] m = new long[itemCount];
            for (int i = 0; i < n; i++) {
                m[itemOf[i]] += counts[i];
            }
            long pairs = 0;
            for (long c : m) {
                pairs += c * (c - 1);
            }
            if (pairs < 2) {
                return Double.NaN;
            }
            double[] v = new double[n];
            if (method == Correlation.Method.SPEARMAN) {
                long below = 0;
                int lo = 0;
                while (lo < n) {
                    int hi = lo + 1;
                    while (hi < n && scores[order[hi]] + 0.0 == scores[order[lo]] + 0.0) {
                        hi++;
                    }
                    long w = 0;
                    for (int j = lo; j < hi; j++) {
                        int g = order[j];
                        w += counts[g] * (m[itemOf[g]] - 1);
                    }
                    double r = below + (w + 1) / 2.0;
                    for (int j = lo; j < hi; j++) {
                        v[order[j]] = r;
                    }
                    below += w;
                    lo = hi;
                }
            } else {
                System.arraycopy(scores, 0, v, 0, n);
            }
            CompensatedSum sum = CompensatedSum.create();
            boolean constant = true;
            double first = Double.NaN;
            for (int i = 0; i < n; i++) {
                long w = counts[i] * (m[itemOf[i]] - 1);
                if (w > 0) {
                    sum.accept(w * v[i]);
                    if (Double.isNaN(first)) {
                        first = v[i];
                    } else {
                        constant &= v[i] == first;
                    }
                }
            }
            if (constant) {
                return Double.NaN;
            }
            double mean = sum.getAsDouble() / pairs;
            CompensatedSum[] dev = new CompensatedSum[itemCount];
            CompensatedSum[] dev2 = new CompensatedSum[itemCount];
            CompensatedSum sxx = CompensatedSum.create();
            for (int i = 0; i < n; i++) {
                int q = itemOf[i];
                if (counts[i] == 0 || m[q] < 2) {
                    continue;
                }
                double d = v[i] - mean;
                if (dev[q] == null) {
                    dev[q] = CompensatedSum.create();
                    dev2[q] = CompensatedSum.create();
                }
                dev[q].accept(counts[i] * d);
                dev2[q].accept(counts[i] * d * d);
                sxx.accept((m[q] - 1) * counts[i] * d * d);
            }
            CompensatedSum sxy = CompensatedSum.create();
            for (int q = 0; q < itemCount; q++) {
                if (dev[q] != null) {
                    double s = dev[q].getAsDouble();
                    sxy.accept(s * s);
                    sxy.accept(-dev2[q].getAsDouble());
                }
            }
            double den = sxx.getAsDouble();
            if (!(den > 0)) {
                return Double.NaN;
            }
            return Math.max(-1, Math.min(1, sxy.getAsDouble() / den));
        }
    }
}
