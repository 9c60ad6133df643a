package org.pluralstats.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pluralstats.PluralstatsException;
import org.pluralstats.Progress;
import org.pluralstats.stats.CompensatedSum;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.Correlation;
import org.pluralstats.stats.PercentileBootstrap;
import org.pluralstats.stats.ResampledCorrelation;

/**
 * Alignment of model outputs with populations (seed paper 003, §2.2 after Eq. 2 and §3): for every
 * model × prompt language × population, Spearman's rank correlation between the model's value
 * polarity scores and the population's, with its p-value and a seeded percentile bootstrap interval;
 * also Pearson's correlation and the released code's {@code mean_alignment = 1 − mean |x − y|}, and the
 * model's self-consistency in the language.
 *
 * <p>Units ({@link AlignmentLevel}): at {@code ITEM} level (the default) the model's item score — the
 * mean of its generations' Eq. 2 scores — against the population's score, over the items both have;
 * at {@code RESPONSE} level each generation's score against its item's population score, as the
 * released code does ({@code analyze_total_gt_alignment}: an inner join of generations and ground truth
 * on the item, then one correlation per model × population × response language). Items the
 * population has no score for are left out and counted ({@link AlignmentResult#itemsWithoutScore()}).
 *
 * <p>Statistics ({@link Correlation}): Spearman with average ranks and p from Student's t on
 * {@code n − 2} degrees of freedom, equal to {@code scipy.stats.spearmanr}; Pearson equal to
 * {@code scipy.stats.pearsonr}. Bootstrap ({@link PercentileBootstrap}): the units (items, or
 * generations) are resampled with replacement, {@code B} times (1000 by default; 0 for none), the three
 * statistics computed on each resample, and the percentile interval taken at the configured level
 * (0.95). The released code draws 100 such resamples of the generations and reports their spread.
 * Each model × language × population × level has its own random stream, seeded from the seed and its
 * name ({@link PercentileBootstrap#seedFor}), so results do not depend on which other groups are
 * computed, or in which order, and the same seed gives byte-identical output. Groups run in parallel.
 *
 * <p>Immutable: {@code Alignment.withDefaults().withLevel(AlignmentLevel.RESPONSE).withResamples(500).withSeed(7)}.
 */
public final class Alignment {
    private final AlignmentLevel level;
    private final int resamples;
    private final long seed;
    private final double confidence;
    private final ModelSelfConsistency consistency;

    private Alignment(AlignmentLevel level, int resamples, long seed, double confidence, ModelSelfConsistency consistency) {
        this.level = level;
        this.resamples = resamples;
        this.seed = seed;
        this.confidence = confidence;
        this.consistency = consistency;
    }

    /**
     * @return item level, 1000 resamples, seed {@link PercentileBootstrap#DEFAULT_SEED}, level 0.95,
     *     self-consistency with {@link ModelSelfConsistency#withDefaults()}
     */
    public static Alignment withDefaults() {
        return new Alignment(AlignmentLevel.ITEM, PercentileBootstrap.DEFAULT_RESAMPLES, PercentileBootstrap.DEFAULT_SEED,
                0.95, ModelSelfConsistency.withDefaults());
    }

    /** @param l item or response @return a copy */
    public Alignment withLevel(AlignmentLevel l) {
        return new Alignment(l, resamples, seed, confidence, consistency);
    }

    /** @param b bootstrap resamples, 0 for no intervals, at most {@link PercentileBootstrap#MAX_RESAMPLES} @return a copy */
    public Alignment withResamples(int b) {
        PercentileBootstrap.checkResamples(b, 0);
        return new Alignment(level, b, seed, confidence, consistency);
    }

    /** @param s the bootstrap seed @return a copy */
    public Alignment withSeed(long s) {
        return new Alignment(level, resamples, s, confidence, consistency);
    }

    /** @param c the confidence level, in (0, 1) @return a copy */
    public Alignment withConfidence(double c) {
        PercentileBootstrap.withDefaults().withLevel(c); // validates
        return new Alignment(level, resamples, seed, c, consistency);
    }

    /** @param c how the self-consistency column is computed (its own bootstrap settings are ignored) @return a copy */
    public Alignment withSelfConsistency(ModelSelfConsistency c) {
        return new Alignment(level, resamples, seed, confidence, c.withResamples(0));
    }

    /** @return the level */
    public AlignmentLevel level() {
        return level;
    }

    /**
     * Compares every model × language of the outputs with every population.
     *
     * @param outputs model outputs
     * @param populations population scores
     * @return one row per model × language × population: models and languages in order of first
     *     appearance, populations in the order of {@code populations}
     */
    public Alignments compare(ModelOutputs outputs, PopulationScores populations) {
        return compare(outputs, populations, populations.populations());
    }

    /**
     * Compares every model × language with the named populations.
     *
     * @param outputs model outputs
     * @param populations population scores
     * @param names the populations to compare with, each present in {@code populations}
     * @return one row per model × language × named population
     */
    public Alignments compare(ModelOutputs outputs, PopulationScores populations, List<String> names) {
        return compare(outputs, populations, names, Progress.none());
    }

    /**
     * As {@link #compare(ModelOutputs, PopulationScores, List)}, reporting the bootstrap rounds done (each
     * model × language × population's {@code B} rounds counted when its interval is done; the total is
     * their number times {@code B}). The rows are the same.
     *
     * @param outputs model outputs
     * @param populations population scores
     * @param names the populations to compare with, each present in {@code populations}
     * @param progress where to report; {@link Progress#terminal()} draws a bar on a terminal
     * @return one row per model × language × named population
     */
    public Alignments compare(ModelOutputs outputs, PopulationScores populations, List<String> names, Progress progress) {
        for (String p : names) {
            if (!populations.contains(p)) {
                throw new PluralstatsException("no scores for population " + p + "; the populations are "
                        + populations.populations());
            }
        }
        List<ModelGroup> groups = ModelGroup.of(outputs);
        double[] selfConsistency = groups.parallelStream()
                .mapToDouble(g -> consistency.estimate(g).selfConsistency()).toArray();
        record Task(int group, String population) {
        }
        List<Task> tasks = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            for (String p : names) {
                tasks.add(new Task(k, p));
            }
        }
        try (Progress.Task done = progress.start("bootstrap", (long) tasks.size() * resamples)) {
            Progress.Counter rounds = Progress.counter(done);
            return new Alignments(tasks.parallelStream()
                    .map(t -> {
                        AlignmentResult r = compare(groups.get(t.group()), populations, t.population(),
                                selfConsistency[t.group()]);
                        rounds.add(resamples);
                        return r;
                    })
                    .toList(), level, new BootstrapSettings(resamples, seed, confidence), consistency.reliabilityFactor());
        }
    }

    /**
     * The bootstrap resamples behind the intervals of {@link #compare(ModelOutputs, PopulationScores)},
     * one row per resample: the same random streams, so the percentile interval of a group's
     * {@code rho} values is its {@code ciLow}/{@code ciHigh}. At response level each row also carries the
     * model's self-consistency on the same resample of generations (the generations the population has
     * a score for), so that alignment and consistency of a round are coupled as in the released code.
     *
     * @param outputs model outputs
     * @param populations population scores
     * @return per model × language × population (in the order of {@code compare}), its B resamples in
     *     order; nothing for groups with fewer than two units or when the number of resamples is 0
     */
    public AlignmentResamples resamples(ModelOutputs outputs, PopulationScores populations) {
        List<ModelGroup> groups = ModelGroup.of(outputs);
        record Task(ModelGroup group, String population) {
        }
        List<Task> tasks = new ArrayList<>();
        for (ModelGroup g : groups) {
            for (String p : populations.populations()) {
                tasks.add(new Task(g, p));
            }
        }
        return new AlignmentResamples(tasks.parallelStream()
                .flatMap(t -> resamples(t.group(), populations, t.population()).stream()).toList(), level,
                new BootstrapSettings(resamples, seed, confidence), consistency.reliabilityFactor());
    }

    private List<AlignmentResample> resamples(ModelGroup g, PopulationScores populations, String population) {
        ModelGroup.Units u = g.units(level, populations, population);
        int n = u.n();
        List<AlignmentResample> out = new ArrayList<>(resamples);
        if (resamples == 0 || n < 2) {
            return out;
        }
        double[] x = u.model();
        double[] y = u.population();
        ResampledCorrelation pairs = ResampledCorrelation.of(x, y);
        ModelSelfConsistency.PairPool pool = null;
        if (level == AlignmentLevel.RESPONSE) {
            Map<String, Integer> index = new HashMap<>();
            int[] itemOf = new int[n];
            for (int i = 0; i < n; i++) {
                itemOf[i] = index.computeIfAbsent(u.items()[i], k -> index.size());
            }
            pool = new ModelSelfConsistency.PairPool(x, itemOf, index.size());
        }
        String key = g.model + '\u001f' + g.language + '\u001f' + population + '\u001f' + level.jsonName();
        SplittableRandom rng = new SplittableRandom(PercentileBootstrap.seedFor(seed, key));
        int[] idx = new int[n];
        for (int b = 0; b < resamples; b++) {
            // the draws of PercentileBootstrap.intervals, in the same order
            for (int i = 0; i < n; i++) {
                idx[i] = rng.nextInt(n);
            }
            int[] c = ResampledCorrelation.counts(idx, n);
            double sc = pool == null ? Double.NaN : pool.correlation(c, consistency.method()) / consistency.reliability();
            out.add(new AlignmentResample(g.model, g.family, g.language, population, level, b, n, pairs.spearman(c),
                    pairs.pearson(c), meanAlignment(x, y, c), sc));
        }
        return out;
    }

    private AlignmentResult compare(ModelGroup g, PopulationScores populations, String population, double selfConsistency) {
        ModelGroup.Units u = g.units(level, populations, population);
        double[] x = u.model();
        double[] y = u.population();
        int n = u.n();
        Correlation.Result s = Correlation.spearman(x, y);
        Correlation.Result r = Correlation.pearson(x, y);
        double mean = meanAlignment(x, y, null);
        double[] ci = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        int undefined = 0;
        if (resamples > 0 && n >= 2) {
            ResampledCorrelation pairs = ResampledCorrelation.of(x, y);
            String key = g.model + '\u001f' + g.language + '\u001f' + population + '\u001f' + level.jsonName();
            List<PercentileBootstrap.Result> rs = PercentileBootstrap.withDefaults().withResamples(resamples)
                    .withSeed(seed).withLevel(confidence).intervals(n, 3, key, (idx, out) -> {
                        int[] c = ResampledCorrelation.counts(idx, n);
                        out[0] = pairs.spearman(c);
                        out[1] = pairs.pearson(c);
                        out[2] = meanAlignment(x, y, c);
                    });
            for (int k = 0; k < 3; k++) {
                ci[2 * k] = ConfidenceInterval.lower(rs.get(k).interval());
                ci[2 * k + 1] = ConfidenceInterval.upper(rs.get(k).interval());
            }
            undefined = rs.get(0).undefined();
        }
        return new AlignmentResult(g.model, g.family, g.language, population, level, n, u.itemsUsed(),
                u.itemsWithoutScore(), u.generationsWithoutScore(),
                s.statistic().orElse(Double.NaN), s.pValue().orElse(Double.NaN), ci[0], ci[1],
                r.statistic().orElse(Double.NaN), r.pValue().orElse(Double.NaN), ci[2], ci[3],
                mean, ci[4], ci[5], selfConsistency, resamples > 0 && n >= 2 ? resamples : 0, undefined);
    }

    /** {@code 1 − Σ c|x − y| / Σ c} (all weights 1 when {@code counts} is null); NaN for no units. */
    static double meanAlignment(double[] x, double[] y, int[] counts) {
        CompensatedSum s = CompensatedSum.create();
        long total = 0;
        for (int i = 0; i < x.length; i++) {
            int c = counts == null ? 1 : counts[i];
            if (c > 0) {
                s.accept(c * Math.abs(x[i] - y[i]));
                total += c;
            }
        }
        return total == 0 ? Double.NaN : 1 - s.getAsDouble() / total;
    }
}
