package org.pluralstats.align;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pluralstats.PluralstatsException;
import org.pluralstats.Progress;
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
 * <p>Bootstrap ({@code withResamples(B)}), percentile interval of the corrected value, resampling
 * ({@link #withInterval}):
 * <ul>
 *   <li>{@link SelfConsistencyInterval#ITEMS} (default): items drawn with replacement, each with all its
 *       generations; an item drawn {@code k} times counts as {@code k} items whose generations are paired
 *       only within each copy ({@code ρ} above with every item's terms weighted by {@code k}). The items
 *       are the independent units of this statistic, so this is the bootstrap that holds its level.</li>
 *   <li>{@link SelfConsistencyInterval#GENERATIONS} (the released code, for reproduction): generations
 *       resampled with replacement, a generation drawn twice counting as two generations (the released
 *       code resamples rows before the self-join), so a duplicated generation is paired with its own copy
 *       and the resampled values are biased upwards: on the released data the estimate sits at the bottom
 *       of its interval (docs/alignment.md).</li>
 * </ul>
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
    private final SelfConsistencyInterval interval;

    private ModelSelfConsistency(Correlation.Method method, ReliabilityFactor reliability, int resamples, long seed, double confidence,
                                 SelfConsistencyInterval interval) {
        this.method = method;
        this.reliability = reliability;
        this.resamples = resamples;
        this.seed = seed;
        this.confidence = confidence;
        this.interval = interval;
    }

    /**
     * @return Spearman, reliability 0.955, no bootstrap, seed {@link PercentileBootstrap#DEFAULT_SEED}, level 0.95,
     *     intervals resampling {@link SelfConsistencyInterval#ITEMS}
     */
    public static ModelSelfConsistency withDefaults() {
        return new ModelSelfConsistency(Correlation.Method.SPEARMAN, ReliabilityFactor.of(DEFAULT_RELIABILITY), 0,
                PercentileBootstrap.DEFAULT_SEED, 0.95, SelfConsistencyInterval.ITEMS);
    }

    /**
     * @param i what the bootstrap resamples: items (default) or generations (the released code)
     * @return a copy
     */
    public ModelSelfConsistency withInterval(SelfConsistencyInterval i) {
        return new ModelSelfConsistency(method, reliability, resamples, seed, confidence, Objects.requireNonNull(i, "interval"));
    }

    /** @return what the bootstrap resamples */
    public SelfConsistencyInterval interval() {
        return interval;
    }

    /** @param m Spearman or Pearson @return a copy */
    public ModelSelfConsistency withMethod(Correlation.Method m) {
        return new ModelSelfConsistency(m, reliability, resamples, seed, confidence, interval);
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
        return new ModelSelfConsistency(method, Objects.requireNonNull(r, "reliability"), resamples, seed, confidence, interval);
    }

    /** @param b bootstrap resamples, 0 for none @return a copy */
    public ModelSelfConsistency withResamples(int b) {
        PercentileBootstrap.checkResamples(b, 0);
        return new ModelSelfConsistency(method, reliability, b, seed, confidence, interval);
    }

    /** @param s the bootstrap seed @return a copy */
    public ModelSelfConsistency withSeed(long s) {
        return new ModelSelfConsistency(method, reliability, resamples, s, confidence, interval);
    }

    /** @param c the confidence level, in (0, 1) @return a copy */
    public ModelSelfConsistency withConfidence(double c) {
        PercentileBootstrap.withDefaults().withLevel(c); // validates
        return new ModelSelfConsistency(method, reliability, resamples, seed, c, interval);
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
        return estimate(outputs, Progress.none());
    }

    /**
     * As {@link #estimate(ModelOutputs)}, reporting the bootstrap rounds done (each model × language's
     * {@code B} rounds counted when its interval is done). The rows are the same.
     *
     * @param outputs model outputs
     * @param progress where to report; {@link Progress#terminal()} draws a bar on a terminal
     * @return one row per model × language, in order of first appearance
     */
    public ModelConsistencies estimate(ModelOutputs outputs, Progress progress) {
        List<ModelGroup> groups = ModelGroup.of(outputs);
        try (Progress.Task done = progress.start("bootstrap", (long) groups.size() * resamples)) {
            Progress.Counter rounds = Progress.counter(done);
            return new ModelConsistencies(groups.parallelStream().map(g -> {
                ModelConsistency c = estimate(g);
                rounds.add(resamples);
                return c;
            }).toList(), new BootstrapSettings(resamples, seed, confidence), reliability, interval);
        }
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
            PercentileBootstrap b = PercentileBootstrap.withDefaults().withResamples(resamples).withSeed(seed).withLevel(confidence);
            String key = g.model + '\u001f' + g.language + "\u001fconsistency";
            PercentileBootstrap.Result r;
            if (interval == SelfConsistencyInterval.ITEMS) {
                int itemCount = g.items.size();
                r = b.interval(itemCount, key + "\u001fitems", idx -> {
                    long[] w = new long[itemCount];
                    for (int q : idx) {
                        w[q]++;
                    }
                    return pool.correlation(ones, w, method) / reliability.value();
                });
            } else {
                r = b.interval(g.generations(), key,
                        idx -> pool.correlation(counts(idx, g.generations()), method) / reliability.value());
            }
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
            return correlation(counts, null, method);
        }

        /**
         * @param counts multiplicity of each generation (1 for the data as read)
         * @param itemWeights how many copies of each item (its pairs never cross copies), {@code null} for one each
         * @param method Spearman or Pearson
         * @return the correlation over ordered pairs of different rows of the same copy of an item
         */
        double correlation(int[] counts, long[] itemWeights, Correlation.Method method) {
            int n = scores.length;
            long[] m = new long[itemCount];
            for (int i = 0; i < n; i++) {
                m[itemOf[i]] += counts[i];
            }
            long[] k = itemWeights;
            if (k == null) {
                k = new long[itemCount];
                Arrays.fill(k, 1);
            }
            long pairs = 0;
            for (int q = 0; q < itemCount; q++) {
                pairs += k[q] * m[q] * (m[q] - 1);
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
                        w += counts[g] * k[itemOf[g]] * (m[itemOf[g]] - 1);
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
                long w = counts[i] * k[itemOf[i]] * (m[itemOf[i]] - 1);
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
                if (counts[i] == 0 || m[q] < 2 || k[q] == 0) {
                    continue;
                }
                double d = v[i] - mean;
                if (dev[q] == null) {
                    dev[q] = CompensatedSum.create();
                    dev2[q] = CompensatedSum.create();
                }
                dev[q].accept(counts[i] * d);
                dev2[q].accept(counts[i] * d * d);
                sxx.accept(k[q] * (m[q] - 1) * counts[i] * d * d);
            }
            CompensatedSum sxy = CompensatedSum.create();
            for (int q = 0; q < itemCount; q++) {
                if (dev[q] != null) {
                    double s = dev[q].getAsDouble();
                    sxy.accept(k[q] * s * s);
                    sxy.accept(-k[q] * dev2[q].getAsDouble());
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
