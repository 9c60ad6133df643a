package org.pluralstats.align;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.pluralstats.PluralstatsException;
import org.pluralstats.Progress;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.Correlation;
import org.pluralstats.stats.PercentileBootstrap;
import org.pluralstats.stats.ResampledCorrelation;

/**
 * US-centric bias (seed paper 003, §3.3): for each model and prompt language, the model's alignment
 * with US value polarity scores against its alignment with the "local" populations — the countries
 * where the language is native ({@link CountryLanguages}), the US itself excluded (as the released
 * {@code analyze_cross_linguistic_transfer} excludes it).
 *
 * <p>For a local country L, the units are the items (or, at response level, the generations) whose
 * item has a score in both L and the US; {@code ρ_L} and {@code ρ_US} are Spearman's correlations of
 * the model's scores with each over the same units, and the bias is {@code ρ_US − ρ_L} (positive: the
 * model is closer to the US than to L). Its interval is a paired percentile bootstrap: each resample
 * of the units gives both correlations. This is the descriptive comparison; the paper's Eq. 4
 * regression of these alignments is the regression module's.
 *
 * <p>Immutable: {@code UsCentricBias.withDefaults().withReference("US").withLevel(AlignmentLevel.RESPONSE)}.
 */
public final class UsCentricBias {
    /** The default reference population. */
    public static final String US = "US";

    private final String reference;
    private final AlignmentLevel level;
    private final int resamples;
    private final long seed;
    private final double confidence;

    private UsCentricBias(String reference, AlignmentLevel level, int resamples, long seed, double confidence) {
        this.reference = reference;
        this.level = level;
        this.resamples = resamples;
        this.seed = seed;
        this.confidence = confidence;
    }

    /** @return reference {@code US}, item level, 1000 resamples, the default seed, level 0.95 */
    public static UsCentricBias withDefaults() {
        return new UsCentricBias(US, AlignmentLevel.ITEM, PercentileBootstrap.DEFAULT_RESAMPLES,
                PercentileBootstrap.DEFAULT_SEED, 0.95);
    }

    /** @param population the reference population's name @return a copy */
    public UsCentricBias withReference(String population) {
        return new UsCentricBias(population.strip(), level, resamples, seed, confidence);
    }

    /** @param l item or response @return a copy */
    public UsCentricBias withLevel(AlignmentLevel l) {
        return new UsCentricBias(reference, l, resamples, seed, confidence);
    }

    /** @param b bootstrap resamples, 0 for none @return a copy */
    public UsCentricBias withResamples(int b) {
        PercentileBootstrap.checkResamples(b, 0);
        return new UsCentricBias(reference, level, b, seed, confidence);
    }

    /** @param s the seed @return a copy */
    public UsCentricBias withSeed(long s) {
        return new UsCentricBias(reference, level, resamples, s, confidence);
    }

    /** @param c the confidence level @return a copy */
    public UsCentricBias withConfidence(double c) {
        PercentileBootstrap.withDefaults().withLevel(c);
        return new UsCentricBias(reference, level, resamples, seed, c);
    }

    /**
     * @param populations population scores
     * @param table country → language
     * @param language a prompt language
     * @return the local populations compared for that language: its countries, without the reference,
     *     that have scores
     */
    public List<String> locals(PopulationScores populations, CountryLanguages table, String language) {
        List<String> out = new ArrayList<>();
        for (String c : table.countries(language)) {
            if (!c.equals(reference) && populations.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * @param outputs model outputs
     * @param populations population scores, including the reference population
     * @param table country → language
     * @return one row per model × language × local population (languages without a local population
     *     have none; see {@link #locals})
     */
    public UsBiasResults compare(ModelOutputs outputs, PopulationScores populations, CountryLanguages table) {
        return compare(outputs, populations, table, Progress.none());
    }

    /**
     * As {@link #compare(ModelOutputs, PopulationScores, CountryLanguages)}, reporting the bootstrap rounds
     * done (each row's {@code B} rounds counted when its interval is done). The rows are the same.
     *
     * @param outputs model outputs
     * @param populations population scores, including the reference population
     * @param table country → language
     * @param progress where to report; {@link Progress#terminal()} draws a bar on a terminal
     * @return one row per model × language × local population
     */
    public UsBiasResults compare(ModelOutputs outputs, PopulationScores populations, CountryLanguages table,
                                 Progress progress) {
        if (!populations.contains(reference)) {
            throw new PluralstatsException("no scores for the reference population " + reference + "; the populations are "
                    + populations.populations());
        }
        record Task(ModelGroup group, String local) {
        }
        List<Task> tasks = new ArrayList<>();
        for (ModelGroup g : ModelGroup.of(outputs)) {
            for (String l : locals(populations, table, g.language)) {
                tasks.add(new Task(g, l));
            }
        }
        try (Progress.Task done = progress.start("bootstrap", (long) tasks.size() * resamples)) {
            Progress.Counter rounds = Progress.counter(done);
            return new UsBiasResults(tasks.parallelStream().map(t -> {
                UsBiasResult r = compare(t.group(), populations, t.local());
                rounds.add(resamples);
                return r;
            }).toList(), reference, level, new BootstrapSettings(resamples, seed, confidence));
        }
    }

    private UsBiasResult compare(ModelGroup g, PopulationScores populations, String local) {
        ModelGroup.Units u = g.units(level, populations, local);
        int keep = 0;
        double[] ref = new double[u.n()];
        for (int i = 0; i < u.n(); i++) {
            OptionalDouble r = populations.score(reference, u.items()[i]);
            ref[i] = r.orElse(Double.NaN);
            if (r.isPresent()) {
                keep++;
            }
        }
        double[] x = new double[keep];
        double[] yl = new double[keep];
        double[] yr = new double[keep];
        int j = 0;
        for (int i = 0; i < u.n(); i++) {
            if (!Double.isNaN(ref[i])) {
                x[j] = u.model()[i];
                yl[j] = u.population()[i];
                yr[j++] = ref[i];
            }
        }
        int n = keep;
        double rl = Correlation.spearmanCoefficient(x, yl);
        double rr = Correlation.spearmanCoefficient(x, yr);
        double low = Double.NaN;
        double high = Double.NaN;
        int undefined = 0;
        int drawn = 0;
        if (resamples > 0 && n >= 2) {
            ResampledCorrelation pl = ResampledCorrelation.of(x, yl);
            ResampledCorrelation pr = ResampledCorrelation.of(x, yr);
            String key = g.model + '\u001f' + g.language + '\u001f' + local + '\u001f' + reference + '\u001f'
                    + level.jsonName() + "\u001fbias";
            PercentileBootstrap.Result r = PercentileBootstrap.withDefaults().withResamples(resamples).withSeed(seed)
                    .withLevel(confidence).interval(n, key, idx -> {
                        int[] c = ResampledCorrelation.counts(idx, n);
                        return pr.spearman(c) - pl.spearman(c);
                    });
            low = ConfidenceInterval.lower(r.interval());
            high = ConfidenceInterval.upper(r.interval());
            undefined = r.undefined();
            drawn = resamples;
        }
        return new UsBiasResult(g.model, g.family, g.language, local, reference, level, n, rl, rr, rr - rl, low, high,
                drawn, undefined);
    }
}
