package org.pluralstats.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.pluralstats.PluralstatsException;
import org.pluralstats.Progress;
import org.pluralstats.stats.CompensatedSum;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.JensenShannonDistance;
import org.pluralstats.stats.PercentileBootstrap;

/**
 * Distributional alignment of language models with populations (seed paper 001 §5, "distributional
 * pluralism"; seed paper 002's Table 1; OpinionQA, Santurkar et al., ICML 2023; GlobalOpinionQA,
 * Durmus et al., 2023): how close a model's answer distribution on each multiple-choice question is to
 * a population's, per model × condition × persona × population, with baselines that make a score
 * readable and two bootstrap intervals.
 *
 * <h2>Per question</h2>
 * The model's options are matched to the human question's by label (ignoring case and surrounding
 * space; a model option the question lacks is an error; an option never chosen counts 0); answers that
 * chose no option (unclassifiable, refused) stay apart; both sides are normalised over the options.
 * For each metric ({@link SimilarityMetric#measure}): representativeness {@code 1 − W₁(h, m)/(max o −
 * min o)} over the options' ordinal positions (OpinionQA's {@code 1 − W/(N − 1)} for positions 1…N),
 * {@code 1 − JS(h, m)}, {@code 1 − TV(h, m)}, and {@code KL(h ‖ m)}.
 *
 * <h2>Baselines, per population × question and metric</h2>
 * <ul>
 * <li><b>uniform</b>: the model answering every option with equal probability;</li>
 * <li><b>majority</b>: the global majority — all mass on the option with the largest mean share over
 * the populations that have the question (unweighted mean of their shares; the first such option in
 * order on a tie), the answer of a model that always gives the world's most common opinion;</li>
 * <li><b>otherPopulations</b>: the human distributions of the other populations used as the model
 * (mean over them), what answering like another population scores — a ceiling of sorts for a model
 * that is not steered to this one (undefined with one population, and for a population whose options
 * differ);</li>
 * <li><b>splitHalf</b> (with {@link #withHumanHalves}, from microdata): the score of one random half of
 * the population's respondents against the other half, the mean over splits — the ceiling sampling
 * noise leaves (each half has half the respondents, so the ceiling is conservative).</li>
 * </ul>
 *
 * <h2>Per model × condition × persona × population</h2>
 * The score is the mean over the questions compared; the baselines are means over the same questions.
 * Intervals (percentile bootstrap, {@code B = 1000} by default, seeded per group so the result is the
 * same on every machine): over <b>questions</b> (questions resampled with replacement; none for a single
 * question) and, when the
 * model's answers are sampled generations, over <b>generations</b> (each question's classified
 * generations redrawn from a multinomial with the observed shares, the question set fixed). A mean
 * with an infinite Kullback–Leibler term is infinite and has no interval; {@code infinite} counts
 * those questions. Shares of unclassifiable and refused answers are {@code Σ apart / Σ all} over the
 * questions compared.
 *
 * <h2>Which populations</h2>
 * Model answers with a population are compared with it; with a persona and no population, with the
 * persona's population (steering); with neither, with every population that has the question.
 *
 * <p>Left out and counted ({@link DistributionalAlignmentReport#excluded()}): a model question with no
 * human distribution for its population ({@value DistributionSimilarity#NO_HUMAN}); a human
 * distribution with no answers ({@value DistributionSimilarity#NO_ANSWERS}); a model question with no
 * classified answer ({@value DistributionSimilarity#NO_CLASSIFIED}); a question with fewer than two
 * distinct ordinal positions ({@value DistributionSimilarity#ONE_ORDINAL}).
 */
public final class DistributionalAlignment {
    private static final List<SimilarityMetric> ALL = List.of(SimilarityMetric.WASSERSTEIN,
            SimilarityMetric.JENSEN_SHANNON, SimilarityMetric.TOTAL_VARIATION, SimilarityMetric.KULLBACK_LEIBLER);

    private final List<SimilarityMetric> metrics;
    private final double logBase;
    private final int resamples;
    private final long seed;
    private final double confidence;
    private final Map<String, SplitHalves> halves;

    private DistributionalAlignment(List<SimilarityMetric> metrics, double logBase, int resamples, long seed,
                                    double confidence, Map<String, SplitHalves> halves) {
        this.metrics = metrics;
        this.logBase = logBase;
        this.resamples = resamples;
        this.seed = seed;
        this.confidence = confidence;
        this.halves = halves;
    }

    /** @return all four metrics, base 2 logarithms, 1000 resamples, the default seed, level 0.95 */
    public static DistributionalAlignment withDefaults() {
        return new DistributionalAlignment(ALL, JensenShannonDistance.BASE_2, PercentileBootstrap.DEFAULT_RESAMPLES,
                PercentileBootstrap.DEFAULT_SEED, 0.95, Map.of());
    }

    /** @param m the metrics, in the order of the output, at least one, no repeats @return a copy */
    public DistributionalAlignment withMetrics(List<SimilarityMetric> m) {
        if (m.isEmpty() || m.stream().distinct().count() != m.size()) {
            throw new PluralstatsException("give one or more different metrics, not " + m);
        }
        return new DistributionalAlignment(List.copyOf(m), logBase, resamples, seed, confidence, halves);
    }

    /** @param base the logarithm base of Jensen–Shannon and Kullback–Leibler (2 or {@code Math.E}) @return a copy */
    public DistributionalAlignment withLogBase(double base) {
        JensenShannonDistance.of(new double[] {1}, new double[] {1}, base); // validates
        return new DistributionalAlignment(metrics, base, resamples, seed, confidence, halves);
    }

    /** @param b bootstrap resamples, 0 for no intervals @return a copy */
    public DistributionalAlignment withResamples(int b) {
        PercentileBootstrap.checkResamples(b, 0);
        return new DistributionalAlignment(metrics, logBase, b, seed, confidence, halves);
    }

    /** @param s the seed @return a copy */
    public DistributionalAlignment withSeed(long s) {
        return new DistributionalAlignment(metrics, logBase, resamples, s, confidence, halves);
    }

    /** @param c the confidence level, in (0, 1) @return a copy */
    public DistributionalAlignment withConfidence(double c) {
        PercentileBootstrap.withDefaults().withLevel(c);
        return new DistributionalAlignment(metrics, logBase, resamples, seed, c, halves);
    }

    /**
     * The split-half human ceiling: with halves of the populations' respondents (from microdata,
     * {@code distribution.AnswerDistributions.humanSide}), each population × question also gets {@code
     * splitHalf}, the mean over splits of the score of the second half against the first.
     *
     * @param h the halves, at most one per population × question
     * @return a copy
     */
    public DistributionalAlignment withHumanHalves(List<SplitHalves> h) {
        Map<String, SplitHalves> m = new HashMap<>();
        for (SplitHalves x : h) {
            if (m.put(key(x.population(), x.question()), x) != null) {
                throw new PluralstatsException("two sets of halves for population " + x.population() + ", question "
                        + x.question());
            }
        }
        return new DistributionalAlignment(metrics, logBase, resamples, seed, confidence, Map.copyOf(m));
    }

    /** One human distribution, normalised, with its per-metric baselines. */
    private static final class Human {
        final OptionDistribution source;
        final String[] labels;
        final double[] shares;
        final double[] ordinals;
        double[][] baselines; // [metric][uniform, majority, otherPopulations, splitHalf]

        Human(OptionDistribution d) {
            source = d;
            int k = d.options().size();
            labels = new String[k];
            shares = new double[k];
            ordinals = new double[k];
            double total = d.classified();
            for (int i = 0; i < k; i++) {
                OptionCount o = d.options().get(i);
                labels[i] = DistributionSimilarity.label(o.option());
                shares[i] = total > 0 ? o.count() / total : 0;
                ordinals[i] = o.ordinal();
            }
        }

        boolean usable() {
            return shares.length > 0 && source.classified() > 0;
        }

        boolean distinctOrdinals() {
            for (double o : ordinals) {
                if (o != ordinals[0]) {
                    return true;
                }
            }
            return false;
        }

        boolean sameOptions(Human other) {
            return java.util.Arrays.equals(labels, other.labels);
        }
    }

    /** One compared question of a group. */
    private record Compared(Human human, ModelAnswers model, double[] counts, double[] scores, double[] distances) {
    }

    /**
     * @param human the human distributions, at most one per population × question
     * @param model the model answers, at most one per model × condition × persona × population × question
     * @return per group and per question scores with baselines and intervals, steerability, exclusions
     */
    public DistributionalAlignmentReport compare(List<OptionDistribution> human, List<ModelAnswers> model) {
        return compare(human, model, Progress.none());
    }

    /**
     * As {@link #compare(List, List)}, reporting the bootstrap rounds done (each group's {@code B} rounds
     * counted when its intervals are done; the total is the number of groups times {@code B}). The
     * report is the same.
     *
     * @param human the human distributions, at most one per population × question
     * @param model the model answers
     * @param progress where to report; {@link Progress#terminal()} draws a bar on a terminal
     * @return per group and per question scores with baselines and intervals, steerability, exclusions
     */
    public DistributionalAlignmentReport compare(List<OptionDistribution> human, List<ModelAnswers> model,
                                                 Progress progress) {
        Map<String, Human> humans = new LinkedHashMap<>();
        Map<String, List<Human>> byQuestion = new LinkedHashMap<>();
        for (OptionDistribution d : human) {
            Human h = new Human(d);
            if (humans.put(key(d.population(), d.question()), h) != null) {
                throw new PluralstatsException("two human distributions for population " + d.population() + ", question "
                        + d.question());
            }
            byQuestion.computeIfAbsent(question(d.question()), k -> new ArrayList<>()).add(h);
        }
        byQuestion.values().forEach(this::baselines);
        Map<String, Integer> excluded = new LinkedHashMap<>();
        Map<String, List<Compared>> groups = new LinkedHashMap<>();
        Map<String, ModelAnswers> groupHeads = new HashMap<>();
        Map<String, Integer> excludedByGroup = new HashMap<>();
        for (ModelAnswers m : model) {
            List<Human> targets = new ArrayList<>();
            if (m.target().isEmpty()) {
                targets.addAll(byQuestion.getOrDefault(question(m.question()), List.of()));
            } else if (humans.containsKey(key(m.target(), m.question()))) {
                targets.add(humans.get(key(m.target(), m.question())));
            }
            if (targets.isEmpty()) {
                excluded.merge(DistributionSimilarity.NO_HUMAN, 1, Integer::sum);
                continue;
            }
            for (Human h : targets) {
                String g = String.join("\u001f", m.model(), m.condition(), m.persona(), h.source.population());
                groupHeads.putIfAbsent(g, m);
                List<Compared> list = groups.computeIfAbsent(g, k -> new ArrayList<>());
                double[] counts = DistributionSimilarity.countsInHumanOrder(h.source, m.options(), "model " + m.model()
                        + ", population " + h.source.population() + ", question " + m.question());
                String reason = null;
                if (!h.usable()) {
                    reason = DistributionSimilarity.NO_ANSWERS;
                } else if (!(CompensatedSum.sum(counts) > 0)) {
                    reason = DistributionSimilarity.NO_CLASSIFIED;
                } else if (!h.distinctOrdinals()) {
                    reason = DistributionSimilarity.ONE_ORDINAL;
                }
                if (reason != null) {
                    excluded.merge(reason, 1, Integer::sum);
                    excludedByGroup.merge(g, 1, Integer::sum);
                    continue;
                }
                double[] scores = new double[metrics.size()];
                double[] distances = new double[metrics.size()];
                for (int j = 0; j < metrics.size(); j++) {
                    double[] ds = metrics.get(j).measure(h.ordinals, h.shares, counts, logBase);
                    distances[j] = ds[0];
                    scores[j] = ds[1];
                }
                list.add(new Compared(h, m, counts, scores, distances));
            }
        }
        List<DistributionalAlignmentReport.Summary> summaries = new ArrayList<>();
        List<DistributionalAlignmentReport.Question> questions = new ArrayList<>();
        try (Progress.Task done = progress.start("bootstrap", (long) groups.size() * resamples)) {
            Progress.Counter rounds = Progress.counter(done);
            groups.forEach((g, list) -> {
                summarise(g, groupHeads.get(g), g.substring(g.lastIndexOf('\u001f') + 1), list,
                        excludedByGroup.getOrDefault(g, 0), summaries);
                rounds.add(resamples);
            });
        }
        groups.forEach((g, list) -> {
            ModelAnswers head = groupHeads.get(g);
            String population = g.substring(g.lastIndexOf('\u001f') + 1);
            for (Compared c : list) {
                for (int j = 0; j < metrics.size(); j++) {
                    questions.add(new DistributionalAlignmentReport.Question(head.model(), head.condition(), head.persona(),
                            population, c.human.source.question(), metrics.get(j), c.human.shares.length, c.scores[j],
                            c.distances[j], c.human.baselines[j][0], c.human.baselines[j][1], c.human.baselines[j][2],
                            c.human.baselines[j][3],
                            CompensatedSum.sum(c.counts), c.model.unclassifiable(), c.model.refused()));
                }
            }
        });
        return new DistributionalAlignmentReport(summaries, questions, excluded, metrics, logBase,
                new BootstrapSettings(resamples, seed, confidence));
    }

    private void summarise(String g, ModelAnswers head, String population, List<Compared> list, int excludedQuestions,
                           List<DistributionalAlignmentReport.Summary> out) {
        int n = list.size();
        int k = metrics.size();
        double[][] s = new double[k][n];
        int[] infinite = new int[k];
        double classified = 0;
        double unclassifiable = 0;
        double refused = 0;
        boolean sampled = n > 0;
        for (int i = 0; i < n; i++) {
            Compared c = list.get(i);
            for (int j = 0; j < k; j++) {
                s[j][i] = c.scores[j];
                if (Double.isInfinite(c.scores[j])) {
                    infinite[j]++;
                }
            }
            classified += CompensatedSum.sum(c.counts);
            unclassifiable += c.model.unclassifiable();
            refused += c.model.refused();
            sampled &= c.model.sampled();
        }
        List<PercentileBootstrap.Result> overQuestions = null;
        List<PercentileBootstrap.Result> overGenerations = null;
        PercentileBootstrap bootstrap = resamples > 0 ? PercentileBootstrap.withDefaults().withResamples(resamples)
                .withSeed(seed).withLevel(confidence) : null;
        if (bootstrap != null && n >= 2) {
            overQuestions = bootstrap.intervals(n, k, g + "\u001fquestions", (idx, o) -> {
                for (int j = 0; j < k; j++) {
                    o[j] = mean(s[j], idx);
                }
            });
        }
        if (bootstrap != null && n >= 1 && sampled) {
            overGenerations = bootstrap.simulate(k, g + "\u001fgenerations", (rng, o) -> redraw(list, rng, o));
        }
        double total = classified + unclassifiable + refused;
        for (int j = 0; j < k; j++) {
            double[] base = new double[4];
            for (int b = 0; b < 4; b++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = list.get(i).human.baselines[j][b];
                }
                base[b] = n == 0 ? Double.NaN : CompensatedSum.sum(v) / n;
            }
            boolean finite = infinite[j] == 0;
            out.add(new DistributionalAlignmentReport.Summary(head.model(), head.condition(), head.persona(), population,
                    metrics.get(j), n, n == 0 ? Double.NaN : CompensatedSum.sum(s[j]) / n,
                    finite ? lower(overQuestions, j) : Double.NaN, finite ? upper(overQuestions, j) : Double.NaN,
                    lower(overGenerations, j), upper(overGenerations, j), base[0], base[1], base[2], base[3], infinite[j],
                    classified, total > 0 ? unclassifiable / total : Double.NaN, total > 0 ? refused / total : Double.NaN,
                    excludedQuestions, sampled));
        }
    }

    /** One draw of the generations bootstrap: every question's classified generations redrawn, the mean score per metric. */
    private void redraw(List<Compared> list, SplittableRandom rng, double[] out) {
        int k = metrics.size();
        CompensatedSum[] sums = new CompensatedSum[k];
        for (int j = 0; j < k; j++) {
            sums[j] = CompensatedSum.create();
        }
        for (Compared c : list) {
            int total = (int) CompensatedSum.sum(c.counts);
            double[] drawn = new double[c.counts.length];
            for (int t = 0; t < total; t++) {
                int r = rng.nextInt(total);
                int i = 0;
                while (r >= c.counts[i]) {
                    r -= (int) c.counts[i];
                    i++;
                }
                drawn[i]++;
            }
            for (int j = 0; j < k; j++) {
                sums[j].accept(metrics.get(j).measure(c.human.ordinals, c.human.shares, drawn, logBase)[1]);
            }
        }
        for (int j = 0; j < k; j++) {
            double v = sums[j].getAsDouble() / list.size();
            out[j] = Double.isInfinite(v) ? Double.NaN : v;
        }
    }

    /** The baselines of every population's distribution of one question, per metric. */
    private void baselines(List<Human> sameQuestion) {
        int majority = -1;
        Human first = sameQuestion.get(0);
        double[] mean = new double[first.shares.length];
        int count = 0;
        for (Human h : sameQuestion) {
            if (h.sameOptions(first) && h.usable()) {
                count++;
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += h.shares[i];
                }
            }
        }
        for (int i = 0; i < mean.length; i++) {
            if (count > 0 && (majority < 0 || mean[i] > mean[majority])) {
                majority = i;
            }
        }
        for (Human h : sameQuestion) {
            h.baselines = new double[metrics.size()][4];
            for (double[] b : h.baselines) {
                java.util.Arrays.fill(b, Double.NaN);
            }
            if (!h.usable() || !h.distinctOrdinals()) {
                continue;
            }
            double[] uniform = new double[h.shares.length];
            java.util.Arrays.fill(uniform, 1.0);
            double[] point = null;
            if (majority >= 0 && h.sameOptions(first)) {
                point = new double[h.shares.length];
                point[majority] = 1;
            }
            for (int j = 0; j < metrics.size(); j++) {
                SimilarityMetric metric = metrics.get(j);
                h.baselines[j][0] = metric.measure(h.ordinals, h.shares, uniform, logBase)[1];
                h.baselines[j][1] = point == null ? Double.NaN : metric.measure(h.ordinals, h.shares, point, logBase)[1];
                CompensatedSum others = CompensatedSum.create();
                int n = 0;
                for (Human o : sameQuestion) {
                    if (o != h && o.usable() && o.sameOptions(h)) {
                        others.accept(metric.measure(h.ordinals, h.shares, o.shares, logBase)[1]);
                        n++;
                    }
                }
                h.baselines[j][2] = n == 0 ? Double.NaN : others.getAsDouble() / n;
                h.baselines[j][3] = splitHalf(metric, h);
            }
        }
    }

    /** The mean score of second halves against first halves, over the splits where both halves answered. */
    private double splitHalf(SimilarityMetric metric, Human h) {
        SplitHalves x = halves.get(key(h.source.population(), h.source.question()));
        if (x == null) {
            return Double.NaN;
        }
        CompensatedSum sum = CompensatedSum.create();
        int n = 0;
        for (int s = 0; s < x.first().length; s++) {
            if (x.first()[s].length != h.shares.length) {
                throw new PluralstatsException("population " + h.source.population() + ", question " + h.source.question()
                        + ": the halves have " + x.first()[s].length + " options, the distribution " + h.shares.length);
            }
            if (CompensatedSum.sum(x.first()[s]) > 0 && CompensatedSum.sum(x.second()[s]) > 0) {
                sum.accept(metric.measure(h.ordinals, x.first()[s], x.second()[s], logBase)[1]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum.getAsDouble() / n;
    }


    private static double mean(double[] v, int[] idx) {
        CompensatedSum sum = CompensatedSum.create();
        for (int i : idx) {
            sum.accept(v[i]);
        }
        double m = sum.getAsDouble() / idx.length;
        return Double.isInfinite(m) ? Double.NaN : m;
    }

    /** The interval's lower end; none when a resample was undefined (an infinite divergence). */
    private static double lower(List<PercentileBootstrap.Result> r, int j) {
        return r == null || r.get(j).undefined() > 0 ? Double.NaN : ConfidenceInterval.lower(r.get(j).interval());
    }

    private static double upper(List<PercentileBootstrap.Result> r, int j) {
        return r == null || r.get(j).undefined() > 0 ? Double.NaN : ConfidenceInterval.upper(r.get(j).interval());
    }

    private static String key(String population, String question) {
        return population + '\u0000' + question(question);
    }

    private static String question(String q) {
        return q.strip().toUpperCase(Locale.ROOT);
    }
}
