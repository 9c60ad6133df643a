package org.pluralstats.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pluralstats.PluralstatsException;
import org.pluralstats.Progress;
import org.pluralstats.stats.CompensatedSum;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.JensenShannonDistance;
import org.pluralstats.stats.PercentileBootstrap;

/**
 * Similarity of model and human answer distributions on multiple-choice questions: the quantities of
 * seed paper 002's Table 1 (average Wasserstein similarity with bootstrap intervals, and the
 * percentage of unclassifiable outputs) and the Jensen–Shannon alternative of seed paper 001.
 *
 * <p>For each population and question with both a human and a model distribution: the model's
 * options are matched to the human's by label (ignoring case and surrounding space; a model option the
 * human question lacks is an error, a human option the model never chose counts 0); unclassifiable
 * outputs are left out of the model's distribution; both distributions are normalised. Then
 * <ul>
 * <li>{@link SimilarityMetric#WASSERSTEIN}: {@code S = 1 − W₁(h, m) / (max o − min o)} over the options'
 * ordinal positions {@code o} (OpinionQA; {@code scipy.stats.wasserstein_distance});</li>
 * <li>{@link SimilarityMetric#JENSEN_SHANNON}: {@code S = 1 − JS(h, m)}, the Jensen–Shannon distance with
 * logarithms to base 2 (in [0, 1]) or, with {@code withLogBase(Math.E)}, natural logarithms (in
 * [0, 0.833]) ({@code scipy.spatial.distance.jensenshannon}).</li>
 * </ul>
 * Per population: the mean of {@code S} over its questions; a percentile bootstrap interval resampling
 * questions ({@code B = 1000} by default, as in seed 002, seeded per population); and the share of
 * unclassifiable outputs, {@code Σ unclassifiable / Σ (classified + unclassifiable)} over the model's
 * outputs for the questions that have a human distribution.
 *
 * <p>Left out and counted ({@link SimilarityReport#excluded()}): a question with a human but no model
 * distribution ({@value #NO_MODEL}) or the reverse ({@value #NO_HUMAN}); a model distribution with no
 * classified output ({@value #NO_CLASSIFIED}, its unclassifiable outputs still count in the share); a
 * human distribution with no answers ({@value #NO_ANSWERS}); for Wasserstein, options with fewer than
 * two distinct ordinals ({@value #ONE_ORDINAL}).
 */
public final class DistributionSimilarity {
    /** Exclusion reason: the human question has no model distribution. */
    public static final String NO_MODEL = "no model distribution";
    /** Exclusion reason: the model question has no human distribution. */
    public static final String NO_HUMAN = "no human distribution";
    /** Exclusion reason: every model output for the question was unclassifiable. */
    public static final String NO_CLASSIFIED = "no classifiable model output";
    /** Exclusion reason: the human distribution is empty. */
    public static final String NO_ANSWERS = "no human answers";
    /** Exclusion reason: fewer than two distinct ordinals (Wasserstein similarity undefined). */
    public static final String ONE_ORDINAL = "fewer than two distinct ordinals";

    private final SimilarityMetric metric;
    private final double logBase;
    private final int resamples;
    private final long seed;
    private final double confidence;

    private DistributionSimilarity(SimilarityMetric metric, double logBase, int resamples, long seed, double confidence) {
        this.metric = metric;
        this.logBase = logBase;
        this.resamples = resamples;
        this.seed = seed;
        this.confidence = confidence;
    }

    /** @return Wasserstein, base 2 for Jensen–Shannon, 1000 resamples, the default seed, level 0.95 */
    public static DistributionSimilarity withDefaults() {
        return new DistributionSimilarity(SimilarityMetric.WASSERSTEIN, JensenShannonDistance.BASE_2,
                PercentileBootstrap.DEFAULT_RESAMPLES, PercentileBootstrap.DEFAULT_SEED, 0.95);
    }

    /**
     * @param m a similarity metric (Kullback–Leibler, a divergence, is in {@link DistributionalAlignment})
     * @return a copy
     */
    public DistributionSimilarity withMetric(SimilarityMetric m) {
        if (!m.isSimilarity()) {
            throw new PluralstatsException("the Kullback-Leibler divergence is not a similarity: compare model answer files"
                    + " (JSON Lines) for it, with DistributionalAlignment");
        }
        return new DistributionSimilarity(m, logBase, resamples, seed, confidence);
    }

    /** @param base the Jensen–Shannon logarithm base ({@code 2} or {@code Math.E}) @return a copy */
    public DistributionSimilarity withLogBase(double base) {
        JensenShannonDistance.of(new double[] {1}, new double[] {1}, base); // validates
        return new DistributionSimilarity(metric, base, resamples, seed, confidence);
    }

    /** @param b bootstrap resamples, 0 for none @return a copy */
    public DistributionSimilarity withResamples(int b) {
        PercentileBootstrap.checkResamples(b, 0);
        return new DistributionSimilarity(metric, logBase, b, seed, confidence);
    }

    /** @param s the seed @return a copy */
    public DistributionSimilarity withSeed(long s) {
        return new DistributionSimilarity(metric, logBase, resamples, s, confidence);
    }

    /** @param c the confidence level @return a copy */
    public DistributionSimilarity withConfidence(double c) {
        PercentileBootstrap.withDefaults().withLevel(c);
        return new DistributionSimilarity(metric, logBase, resamples, seed, c);
    }

    /**
     * @param human the human distributions, at most one per population × question
     * @param model the model's, at most one per population × question
     * @return summaries per population, per-question similarities and exclusions
     */
    public SimilarityReport compare(List<OptionDistribution> human, List<OptionDistribution> model) {
        return compare(human, model, Progress.none());
    }

    /**
     * As {@link #compare(List, List)}, reporting the bootstrap rounds done (each population's {@code B}
     * rounds counted when its interval is done; the total is the number of populations times {@code B}).
     * The report is the same.
     *
     * @param human the human distributions, at most one per population × question
     * @param model the model's, at most one per population × question
     * @param progress where to report; {@link Progress#terminal()} draws a bar on a terminal
     * @return summaries per population, per-question similarities and exclusions
     */
    public SimilarityReport compare(List<OptionDistribution> human, List<OptionDistribution> model, Progress progress) {
        Map<String, OptionDistribution> modelByKey = index(model, "model");
        Map<String, OptionDistribution> humanByKey = index(human, "human");
        Map<String, Integer> excluded = new LinkedHashMap<>();
        Map<String, List<QuestionSimilarity>> byPopulation = new LinkedHashMap<>();
        Map<String, double[]> outputs = new HashMap<>();
        Map<String, Integer> excludedByPopulation = new HashMap<>();
        List<QuestionSimilarity> all = new ArrayList<>();
        for (OptionDistribution h : human) {
            byPopulation.computeIfAbsent(h.population(), k -> new ArrayList<>());
            OptionDistribution m = modelByKey.get(key(h));
            String reason = null;
            if (m == null) {
                reason = NO_MODEL;
            } else {
                double[] o = outputs.computeIfAbsent(h.population(), k -> new double[2]);
                double[] counts = modelCounts(h, m);
                double classified = CompensatedSum.sum(counts);
                o[0] += classified;
                o[1] += m.unclassifiable();
                double[] hc = new double[h.options().size()];
                double[] ordinals = new double[hc.length];
                for (int i = 0; i < hc.length; i++) {
                    hc[i] = h.options().get(i).count();
                    ordinals[i] = h.options().get(i).ordinal();
                }
                if (hc.length == 0 || !(CompensatedSum.sum(hc) > 0)) {
                    reason = NO_ANSWERS;
                } else if (!(classified > 0)) {
                    reason = NO_CLASSIFIED;
                } else if (metric == SimilarityMetric.WASSERSTEIN && !distinct(ordinals)) {
                    reason = ONE_ORDINAL;
                } else {
                    double[] ds = metric.measure(ordinals, hc, counts, logBase);
                    double distance = ds[0];
                    double similarity = ds[1];
                    QuestionSimilarity q = new QuestionSimilarity(h.population(), h.question(), hc.length, similarity,
                            distance, classified, m.unclassifiable());
                    byPopulation.get(h.population()).add(q);
                    all.add(q);
                }
            }
            if (reason != null) {
                excluded.merge(reason, 1, Integer::sum);
                excludedByPopulation.merge(h.population(), 1, Integer::sum);
            }
        }
        for (OptionDistribution m : model) {
            if (!humanByKey.containsKey(key(m))) {
                excluded.merge(NO_HUMAN, 1, Integer::sum);
            }
        }
        List<SimilaritySummary> summaries = new ArrayList<>();
        try (Progress.Task done = progress.start("bootstrap", (long) byPopulation.size() * resamples)) {
            Progress.Counter rounds = Progress.counter(done);
            byPopulation.forEach((pop, qs) -> {
                summaries.add(summary(pop, qs, outputs.getOrDefault(pop, new double[2]),
                        excludedByPopulation.getOrDefault(pop, 0)));
                rounds.add(resamples);
            });
        }
        return new SimilarityReport(summaries, all, excluded, metric,
                metric == SimilarityMetric.JENSEN_SHANNON ? logBase : Double.NaN,
                new BootstrapSettings(resamples, seed, confidence));
    }

    private SimilaritySummary summary(String population, List<QuestionSimilarity> qs, double[] outputs, int excluded) {
        int n = qs.size();
        double[] s = qs.stream().mapToDouble(QuestionSimilarity::similarity).toArray();
        double mean = n == 0 ? Double.NaN : CompensatedSum.sum(s) / n;
        double low = Double.NaN;
        double high = Double.NaN;
        int drawn = 0;
        if (resamples > 0 && n >= 1) {
            PercentileBootstrap.Result r = PercentileBootstrap.withDefaults().withResamples(resamples).withSeed(seed)
                    .withLevel(confidence).interval(n, population + '\u001f' + metric.jsonName(), idx -> {
                        CompensatedSum sum = CompensatedSum.create();
                        for (int i : idx) {
                            sum.accept(s[i]);
                        }
                        return sum.getAsDouble() / idx.length;
                    });
            low = ConfidenceInterval.lower(r.interval());
            high = ConfidenceInterval.upper(r.interval());
            drawn = resamples;
        }
        double total = outputs[0] + outputs[1];
        return new SimilaritySummary(population, metric, metric == SimilarityMetric.JENSEN_SHANNON ? logBase : Double.NaN,
                n, mean, low, high, outputs[0], outputs[1], total > 0 ? outputs[1] / total : Double.NaN, excluded, drawn);
    }

    /** The model's counts in the order of the human options. */
    private static double[] modelCounts(OptionDistribution h, OptionDistribution m) {
        return countsInHumanOrder(h, m.options(), "population " + m.population() + ", question " + m.question());
    }

    /**
     * A model's counts over the options of a human distribution, matched by {@link #label} (options the
     * model never chose count 0).
     *
     * @param h the human distribution, whose option order the counts take
     * @param model the model's options with their counts
     * @param where what to name in the error: the model's population or setting and the question
     * @return one count per human option
     * @throws PluralstatsException for a model option the human question does not have
     */
    static double[] countsInHumanOrder(OptionDistribution h, List<OptionCount> model, String where) {
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < h.options().size(); i++) {
            pos.put(label(h.options().get(i).option()), i);
        }
        double[] c = new double[h.options().size()];
        for (OptionCount o : model) {
            Integer i = pos.get(label(o.option()));
            if (i == null) {
                List<String> known = h.options().stream().map(OptionCount::option).toList();
                throw new PluralstatsException(where + ": the model's option \"" + o.option()
                        + "\" is not an option of the human question " + known);
            }
            c[i] += o.count();
        }
        return c;
    }

    private static boolean distinct(double[] ordinals) {
        for (double o : ordinals) {
            if (o != ordinals[0]) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, OptionDistribution> index(List<OptionDistribution> list, String side) {
        Map<String, OptionDistribution> m = new HashMap<>();
        for (OptionDistribution d : list) {
            if (m.put(key(d), d) != null) {
                throw new PluralstatsException("two " + side + " distributions for population " + d.population()
                        + ", question " + d.question());
            }
        }
        return m;
    }

    private static String key(OptionDistribution d) {
        return d.population() + '\u0000' + d.question().strip().toUpperCase(Locale.ROOT);
    }

    /**
     * @param option an option label
     * @return how labels are compared: stripped, lower case
     */
    public static String label(String option) {
        return option.strip().toLowerCase(Locale.ROOT);
    }
}
