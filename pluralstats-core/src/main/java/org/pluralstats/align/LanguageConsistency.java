package org.pluralstats.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pluralstats.PluralstatsException;
import org.pluralstats.Progress;
import org.pluralstats.stats.CompensatedSum;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.PercentileBootstrap;

/**
 * Within- versus between-language self-consistency of a model: seed paper 003, §2.2, "LLM responses
 * exhibit significantly lower self-consistency between languages compared to within languages,
 * demonstrating that language impacts output" (the figure is in supplementary materials that the
 * authors' release does not include).
 *
 * <p><b>Pairs.</b> For a model, a <i>scope</i> of prompt languages {@code L} (one language, a pair
 * {@code {a, b}}, or all of the model's languages) and an item {@code q}, let {@code n_{q,l}} be the
 * generations of {@code q} in language {@code l} and {@code n_q = Σ_{l∈L} n_{q,l}}. The pair sets are
 * <ul>
 *   <li>within: every ordered pair {@code (g, h)}, {@code g ≠ h}, of generations of {@code q} in the
 *       <i>same</i> language, {@code Σ_q Σ_l n_{q,l}(n_{q,l} − 1)} pairs — for a one-language scope exactly
 *       the pairs of {@link ModelSelfConsistency} (the released self-join);</li>
 *   <li>between: every ordered pair of generations of {@code q} in <i>different</i> languages of the
 *       scope, {@code Σ_q (n_q² − Σ_l n_{q,l}²)} pairs; for a pair of languages {@code 2 Σ_q n_{q,a} n_{q,b}}.</li>
 * </ul>
 * Both kinds take both orders of every unordered pair, so the two coordinates of the pairs hold the same
 * multiset and the correlation is symmetric: a shift of one language's scores against another's lowers
 * the between-language value (as it should — it is a way language changes the output), and the two
 * kinds are the same estimator on different pair sets. In a scope of two or more languages only items
 * with generations in at least two of its languages are used, for both kinds, so that within and
 * between are computed over the same items; a one-language scope uses all items of the language.
 *
 * <p><b>Estimator</b> (the same for both kinds, and that of {@link ModelSelfConsistency}): Spearman's
 * correlation of {@code (score(g), score(h))} over the pairs, average ranks for ties, divided by the
 * reliability factor ({@code 0.955} by default, as the released code):
 * <pre>
 *   consistency = ρ_S / reliability,   ρ_S = Σ_{(g,h)} d_g d_h / Σ_g w_g d_g²
 * </pre>
 * where {@code w_g} is the number of pairs generation {@code g} is first in ({@code n_{q,l} − 1}
 * within, {@code n_q − n_{q,l}} between), {@code d_g = r_g − r̄} with {@code r_g} the average rank of
 * {@code score(g)} in the multiset holding each generation {@code w_g} times and {@code r̄} its mean
 * ({@code Σ w_g r_g / Σ w_g}). Per item the numerator is {@code Σ_l (S_{q,l}² − Σ_{g∈q,l} d_g²)} within
 * and {@code S_q² − Σ_l S_{q,l}²} between, with {@code S} the sums of {@code d} over the generations of
 * the item (and language). Equal to {@code scipy.stats.spearmanr(x, y)} over the explicit pair vectors
 * ({@code tools/language_consistency_reference.py}). Scores are never NaN ({@link Generation} refuses
 * them). Undefined ({@code NaN}): fewer than two pairs, or all paired values equal.
 *
 * <p><b>Bootstrap</b> ({@code withResamples(B)}): the items of the scope are resampled with replacement
 * (a cluster bootstrap: the generations of an item are dependent, the items are the units the two kinds
 * share); an item drawn {@code c} times counts as {@code c} separate items, so its pairs count {@code c}
 * times and no pairs form between its copies. Within, between and their difference are computed on the
 * same resamples (a paired interval of the difference); percentile intervals as
 * {@link PercentileBootstrap}, its random stream seeded with
 * {@code PercentileBootstrap.seedFor(seed, model + U+001F + languages + U+001F + "language-consistency")}.
 * The within interval of a one-language scope therefore differs from {@link ModelSelfConsistency}'s,
 * which resamples generations, while its value is the same.
 *
 * <p><b>Test</b> ({@code withPermutations(P)}): under the null hypothesis that the prompt language does
 * not change the output, the language labels of the generations of an item are exchangeable. Each
 * permutation shuffles the labels among each item's generations (Fisher–Yates from the last position,
 * {@code j = rng.nextInt(i + 1)}, items in order of first appearance; the count per language and item is
 * kept) and recomputes {@code D* = within − between}. With {@code D} observed and {@code P'} defined
 * permutations, {@code p = (1 + #{D* ≥ D − 1e−12}) / (P' + 1)} for the alternative within &gt; between
 * (the paper's claim), and {@code pTwoSided = (1 + #{|D*| ≥ |D| − 1e−12}) / (P' + 1)} (Phipson and Smyth
 * 2010; the tolerance keeps permutations equal to the observed one by rounding on the conservative
 * side); the mean of the defined {@code D*} is reported as {@code nullDifference}, the difference
 * expected when language does not matter (within and between weight the items differently, so it is
 * not exactly 0). Random stream: {@code new SplittableRandom(PercentileBootstrap.seedFor(seed, model + U+001F +
 * languages + U+001F + "language-permutation"))}. The same seed gives the same output on every machine,
 * and models and scopes are independent of each other and of the order they run in.
 *
 * <p>Immutable; configure by {@code with…} copies:
 * {@code LanguageConsistency.withDefaults().withResamples(1000).withPermutations(1000).withSeed(7)}.
 */
public final class LanguageConsistency {
    /** The scope label of all of a model's languages. */
    public static final String ALL = "all";
    /** Between the two languages of a pair scope's label, e.g. {@code da|en}. */
    public static final String PAIR_SEPARATOR = "|";
    /** Tolerance of the permutation counts. */
    static final double TIE_TOLERANCE = 1e-12;

    private final double reliability;
    private final int resamples;
    private final int permutations;
    private final long seed;
    private final double confidence;

    private LanguageConsistency(double reliability, int resamples, int permutations, long seed, double confidence) {
        this.reliability = reliability;
        this.resamples = resamples;
        this.permutations = permutations;
        this.seed = seed;
        this.confidence = confidence;
    }

    /**
     * @return reliability {@link ModelSelfConsistency#DEFAULT_RELIABILITY}, no bootstrap, no permutations,
     *     seed {@link PercentileBootstrap#DEFAULT_SEED}, level 0.95
     */
    public static LanguageConsistency withDefaults() {
        return new LanguageConsistency(ModelSelfConsistency.DEFAULT_RELIABILITY, 0, 0, PercentileBootstrap.DEFAULT_SEED,
                0.95);
    }

    /** @param r the reliability factor, in (0, 1] @return a copy */
    public LanguageConsistency withReliability(double r) {
        if (!(r > 0 && r <= 1)) {
            throw new PluralstatsException("the reliability factor must lie in (0, 1], not " + r);
        }
        return new LanguageConsistency(r, resamples, permutations, seed, confidence);
    }

    /** @param b bootstrap resamples, 0 for none @return a copy */
    public LanguageConsistency withResamples(int b) {
        PercentileBootstrap.checkResamples(b, 0);
        return new LanguageConsistency(reliability, b, permutations, seed, confidence);
    }

    /** @param p permutations of the test, 0 for none (up to {@link PercentileBootstrap#MAX_RESAMPLES}) @return a copy */
    public LanguageConsistency withPermutations(int p) {
        if (p < 0 || p > PercentileBootstrap.MAX_RESAMPLES) {
            throw new PluralstatsException("the number of permutations must be from 0 to "
                    + PercentileBootstrap.MAX_RESAMPLES + ", not " + p);
        }
        return new LanguageConsistency(reliability, resamples, p, seed, confidence);
    }

    /** @param s the seed of the bootstrap and the permutations @return a copy */
    public LanguageConsistency withSeed(long s) {
        return new LanguageConsistency(reliability, resamples, permutations, s, confidence);
    }

    /** @param c the confidence level, in (0, 1) @return a copy */
    public LanguageConsistency withConfidence(double c) {
        PercentileBootstrap.withDefaults().withLevel(c); // validates
        return new LanguageConsistency(reliability, resamples, permutations, seed, c);
    }

    /** @return the reliability factor */
    public double reliability() {
        return reliability;
    }

    /**
     * Every model's consistency within each language, between each pair of languages and pooled over
     * all its languages, and the differences within − between per language pair and pooled.
     *
     * @param outputs model outputs
     * @return rows per model (in order of first appearance): within per language, between per pair of
     *     languages (languages in order of first appearance in {@code outputs}), within and between over
     *     all; differences per pair and over all. A model with exactly two languages gets {@code all}
     *     rows that repeat its pair's (the same scope: same numbers, same resamples and permutations);
     *     a model with one language gets only its within row and no difference
     */
    public LanguageConsistencies estimate(ModelOutputs outputs) {
        return estimate(outputs, Progress.none());
    }

    /**
     * As {@link #estimate(ModelOutputs)}, reporting the bootstrap rounds done (each model's {@code B}
     * rounds counted when all its scopes are done). The rows are the same.
     *
     * @param outputs model outputs
     * @param progress where to report; {@link Progress#terminal()} draws a bar on a terminal
     * @return rows per model, as {@link #estimate(ModelOutputs)}
     */
    public LanguageConsistencies estimate(ModelOutputs outputs, Progress progress) {
        List<String> languages = outputs.languages();
        Map<String, List<Generation>> byModel = new LinkedHashMap<>();
        Map<String, String> family = new HashMap<>();
        for (Generation g : outputs.generations()) {
            byModel.computeIfAbsent(g.model(), k -> new ArrayList<>()).add(g);
            if (!g.family().isEmpty()) {
                family.putIfAbsent(g.model(), g.family());
            }
        }
        record Part(List<LanguageConsistencyRow> rows, List<LanguageConsistencyDifference> differences) {
        }
        Progress.Task done = progress.start("bootstrap", (long) byModel.size() * resamples);
        Progress.Counter rounds = Progress.counter(done);
        List<Part> parts;
        try (done) {
            parts = byModel.entrySet().parallelStream().map(e -> {
                List<LanguageConsistencyRow> rows = new ArrayList<>();
                List<LanguageConsistencyDifference> diffs = new ArrayList<>();
                String model = e.getKey();
                String fam = family.getOrDefault(model, "");
                List<String> own = new ArrayList<>();
                for (String l : languages) {
                    if (e.getValue().stream().anyMatch(g -> g.language().equals(l))) {
                        own.add(l);
                    }
                }
                for (String l : own) {
                    rows.add(scope(model, fam, e.getValue(), List.of(l), l).within);
                }
                List<Scope> multi = new ArrayList<>();
                for (int a = 0; a < own.size(); a++) {
                    for (int b = a + 1; b < own.size(); b++) {
                        Scope s = scope(model, fam, e.getValue(), List.of(own.get(a), own.get(b)),
                                own.get(a) + PAIR_SEPARATOR + own.get(b));
                        rows.add(s.between);
                        multi.add(s);
                    }
                }
                if (own.size() > 2) {
                    Scope s = scope(model, fam, e.getValue(), own, ALL);
                    rows.add(s.within);
                    rows.add(s.between);
                    multi.add(s);
                } else if (own.size() == 2) {
                    // with two languages "all" is the pair: the same numbers under its own label
                    Scope pair = multi.get(0);
                    rows.add(relabel(pair.within, ALL));
                    rows.add(relabel(pair.between, ALL));
                    multi.add(new Scope(relabel(pair.within, ALL), relabel(pair.between, ALL), relabel(pair.difference, ALL)));
                }
                multi.forEach(s -> diffs.add(s.difference));
                rounds.add(resamples);
                return new Part(rows, diffs);
            }).toList();
        }
        List<LanguageConsistencyRow> rows = new ArrayList<>();
        List<LanguageConsistencyDifference> diffs = new ArrayList<>();
        parts.forEach(p -> {
            rows.addAll(p.rows);
            diffs.addAll(p.differences);
        });
        return new LanguageConsistencies(rows, diffs, new BootstrapSettings(resamples, seed, confidence), permutations,
                reliability);
    }

    private record Scope(LanguageConsistencyRow within, LanguageConsistencyRow between,
                         LanguageConsistencyDifference difference) {
    }

    private static LanguageConsistencyRow relabel(LanguageConsistencyRow r, String languages) {
        return new LanguageConsistencyRow(r.model(), r.family(), languages, r.kind(), r.items(), r.generations(),
                r.pairs(), r.observed(), r.reliability(), r.consistency(), r.ciLow(), r.ciHigh(), r.resamples(),
                r.undefinedResamples());
    }

    private static LanguageConsistencyDifference relabel(LanguageConsistencyDifference d, String languages) {
        return new LanguageConsistencyDifference(d.model(), d.family(), languages, d.within(), d.between(),
                d.difference(), d.ciLow(), d.ciHigh(), d.p(), d.pTwoSided(), d.nullDifference(), d.items(), d.withinPairs(),
                d.betweenPairs(), d.resamples(), d.undefinedResamples(), d.permutations(), d.undefinedPermutations());
    }

    private Scope scope(String model, String family, List<Generation> gens, List<String> languages, String label) {
        PairSets p = PairSets.of(gens, languages);
        boolean multi = languages.size() > 1;
        int[] ones = new int[p.itemCount];
        java.util.Arrays.fill(ones, 1);
        double[] obs = p.correlations(ones, p.language);
        double lowW = Double.NaN;
        double highW = Double.NaN;
        double lowB = Double.NaN;
        double highB = Double.NaN;
        double lowD = Double.NaN;
        double highD = Double.NaN;
        int undefW = 0;
        int undefB = 0;
        int undefD = 0;
        if (resamples > 0 && p.itemCount > 0) {
            List<PercentileBootstrap.Result> r = PercentileBootstrap.withDefaults().withResamples(resamples).withSeed(seed)
                    .withLevel(confidence).intervals(p.itemCount, multi ? 3 : 1,
                            model + '\u001f' + label + "\u001flanguage-consistency", (idx, out) -> {
                                int[] copies = new int[p.itemCount];
                                for (int i : idx) {
                                    copies[i]++;
                                }
                                double[] c = p.correlations(copies, p.language);
                                out[0] = c[0] / reliability;
                                if (multi) {
                                    out[1] = c[1] / reliability;
                                    out[2] = out[0] - out[1];
                                }
                            });
            lowW = ConfidenceInterval.lower(r.get(0).interval());
            highW = ConfidenceInterval.upper(r.get(0).interval());
            undefW = r.get(0).undefined();
            if (multi) {
                lowB = ConfidenceInterval.lower(r.get(1).interval());
                highB = ConfidenceInterval.upper(r.get(1).interval());
                undefB = r.get(1).undefined();
                lowD = ConfidenceInterval.lower(r.get(2).interval());
                highD = ConfidenceInterval.upper(r.get(2).interval());
                undefD = r.get(2).undefined();
            }
        }
        int gensUsed = p.scores.length;
        LanguageConsistencyRow within = new LanguageConsistencyRow(model, family, label, PairKind.WITHIN, p.itemCount,
                gensUsed, p.pairs(ones, p.language)[0], obs[0], reliability, obs[0] / reliability, lowW, highW, resamples,
                undefW);
        if (!multi) {
            return new Scope(within, null, null);
        }
        LanguageConsistencyRow between = new LanguageConsistencyRow(model, family, label, PairKind.BETWEEN, p.itemCount,
                gensUsed, p.pairs(ones, p.language)[1], obs[1], reliability, obs[1] / reliability, lowB, highB, resamples,
                undefB);
        double d = obs[0] / reliability - obs[1] / reliability;
        double pOne = Double.NaN;
        double pTwo = Double.NaN;
        double nullMean = Double.NaN;
        int undefP = 0;
        if (permutations > 0 && !Double.isNaN(d)) {
            SplittableRandom rng = new SplittableRandom(PercentileBootstrap.seedFor(seed,
                    model + '\u001f' + label + "\u001flanguage-permutation"));
            int[] labels = p.language.clone();
            int above = 0;
            int aboveAbs = 0;
            int defined = 0;
            CompensatedSum nullSum = CompensatedSum.create();
            for (int k = 0; k < permutations; k++) {
                p.shuffleWithinItems(labels, rng);
                double[] c = p.correlations(ones, labels);
                double dk = c[0] / reliability - c[1] / reliability;
                if (Double.isNaN(dk)) {
                    undefP++;
                    continue;
                }
                defined++;
                nullSum.accept(dk);
                if (dk >= d - TIE_TOLERANCE) {
                    above++;
                }
                if (Math.abs(dk) >= Math.abs(d) - TIE_TOLERANCE) {
                    aboveAbs++;
                }
            }
            pOne = (1.0 + above) / (defined + 1.0);
            pTwo = (1.0 + aboveAbs) / (defined + 1.0);
            nullMean = defined == 0 ? Double.NaN : nullSum.getAsDouble() / defined;
        }
        LanguageConsistencyDifference diff = new LanguageConsistencyDifference(model, family, label, within.consistency(),
                between.consistency(), d, lowD, highD, pOne, pTwo, nullMean, p.itemCount, within.pairs(), between.pairs(),
                resamples, undefD, permutations, undefP);
        return new Scope(within, between, diff);
    }

    /**
     * Spearman's correlation over the within- or between-language pairs of explicit arrays (for tests
     * and library users): all generations belong to one model, and every language present is in scope
     * (for between, only items with generations in at least two languages have pairs; for within, all
     * items are used, as in a one-language scope).
     *
     * @param scores generation scores
     * @param items item of each generation (equal labels = same item)
     * @param languages prompt language of each generation
     * @param kind within or between
     * @return the correlation before the reliability correction, {@code NaN} when undefined
     */
    public static double pairedCorrelation(double[] scores, String[] items, String[] languages, PairKind kind) {
        if (scores.length != items.length || scores.length != languages.length) {
            throw new PluralstatsException("scores, items and languages differ in length: " + scores.length + ", "
                    + items.length + " and " + languages.length);
        }
        List<Generation> gens = new ArrayList<>();
        Map<String, Integer> counter = new HashMap<>();
        List<String> langs = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            String l = Generation.normaliseLanguage(languages[i]);
            if (!langs.contains(l)) {
                langs.add(l);
            }
            int idx = counter.merge(l + '\u0000' + Generation.normaliseItem(items[i]), 1, Integer::sum);
            gens.add(Generation.ofScore("model", "", l, items[i], idx, scores[i]));
        }
        PairSets p = PairSets.of(gens, langs, kind == PairKind.WITHIN);
        int[] ones = new int[p.itemCount];
        java.util.Arrays.fill(ones, 1);
        return p.correlations(ones, p.language)[kind == PairKind.WITHIN ? 0 : 1];
    }

    /**
     * The generations of one model in one scope of languages, sorted once by score, with the closed
     * forms of the within and between correlations for any item multiplicities and language labels.
     */
    static final class PairSets {
        final double[] scores;
        final int[] itemOf;
        final int[] language;
        final int itemCount;
        final int languageCount;
        /** Generation indices sorted by score. */
        final int[] order;
        /** Per item, its generations' indices, in input order. */
        final int[][] members;

        private PairSets(double[] scores, int[] itemOf, int[] language, int itemCount, int languageCount) {
            this.scores = scores;
            this.itemOf = itemOf;
            this.language = language;
            this.itemCount = itemCount;
            this.languageCount = languageCount;
            Integer[] boxed = new Integer[scores.length];
            for (int i = 0; i < boxed.length; i++) {
                boxed[i] = i;
            }
            java.util.Arrays.sort(boxed, (a, b) -> Double.compare(scores[a] + 0.0, scores[b] + 0.0));
            order = new int[scores.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = boxed[i];
            }
            int[] size = new int[itemCount];
            for (int q : itemOf) {
                size[q]++;
            }
            members = new int[itemCount][];
            for (int q = 0; q < itemCount; q++) {
                members[q] = new int[size[q]];
            }
            int[] fill = new int[itemCount];
            for (int i = 0; i < itemOf.length; i++) {
                members[itemOf[i]][fill[itemOf[i]]++] = i;
            }
        }

        static PairSets of(List<Generation> gens, List<String> languages) {
            return of(gens, languages, languages.size() == 1);
        }

        /**
         * @param allItems keep every item (one-language scopes); otherwise only items with generations
         *     in at least two of the languages
         */
        static PairSets of(List<Generation> gens, List<String> languages, boolean allItems) {
            Map<String, Integer> langIndex = new HashMap<>();
            for (String l : languages) {
                langIndex.put(l, langIndex.size());
            }
            Map<String, boolean[]> seen = new LinkedHashMap<>();
            for (Generation g : gens) {
                Integer l = langIndex.get(g.language());
                if (l != null) {
                    seen.computeIfAbsent(g.item(), k -> new boolean[languages.size()])[l] = true;
                }
            }
            Map<String, Integer> itemIndex = new HashMap<>();
            for (Map.Entry<String, boolean[]> e : seen.entrySet()) {
                int present = 0;
                for (boolean b : e.getValue()) {
                    present += b ? 1 : 0;
                }
                if (allItems || present >= 2) {
                    itemIndex.put(e.getKey(), itemIndex.size());
                }
            }
            int n = 0;
            for (Generation g : gens) {
                if (langIndex.containsKey(g.language()) && itemIndex.containsKey(g.item())) {
                    n++;
                }
            }
            double[] s = new double[n];
            int[] it = new int[n];
            int[] la = new int[n];
            int j = 0;
            for (Generation g : gens) {
                Integer l = langIndex.get(g.language());
                Integer q = itemIndex.get(g.item());
                if (l != null && q != null) {
                    s[j] = g.score();
                    it[j] = q;
                    la[j++] = l;
                }
            }
            return new PairSets(s, it, la, itemIndex.size(), languages.size());
        }

        /** @return {@code n_{q,l}} for one copy of each item, flat {@code [q · L + l]} */
        private int[] cellCounts(int[] labels) {
            int[] n = new int[itemCount * languageCount];
            for (int i = 0; i < scores.length; i++) {
                n[itemOf[i] * languageCount + labels[i]]++;
            }
            return n;
        }

        /**
         * @param copies multiplicity of each item
         * @param labels language index of each generation
         * @return ordered within pairs, ordered between pairs
         */
        long[] pairs(int[] copies, int[] labels) {
            int[] n = cellCounts(labels);
            long w = 0;
            long b = 0;
            for (int q = 0; q < itemCount; q++) {
                long nq = 0;
                long sq = 0;
                for (int l = 0; l < languageCount; l++) {
                    long c = n[q * languageCount + l];
                    nq += c;
                    sq += c * c;
                    w += copies[q] * c * (c - 1);
                }
                b += copies[q] * (nq * nq - sq);
            }
            return new long[] {w, b};
        }

        /**
         * @param copies multiplicity of each item (1 for the data as read)
         * @param labels language index of each generation (possibly permuted within items)
         * @return Spearman's correlation over the within pairs and over the between pairs, {@code NaN} when undefined
         */
        double[] correlations(int[] copies, int[] labels) {
            int[] n = cellCounts(labels);
            int[] nq = new int[itemCount];
            for (int q = 0; q < itemCount; q++) {
                for (int l = 0; l < languageCount; l++) {
                    nq[q] += n[q * languageCount + l];
                }
            }
            long[] wWithin = new long[scores.length];
            long[] wBetween = new long[scores.length];
            for (int i = 0; i < scores.length; i++) {
                int q = itemOf[i];
                int c = n[q * languageCount + labels[i]];
                wWithin[i] = (long) copies[q] * (c - 1);
                wBetween[i] = (long) copies[q] * (nq[q] - c);
            }
            return new double[] {correlation(wWithin, copies, labels, true), correlation(wBetween, copies, labels, false)};
        }

        private double correlation(long[] weight, int[] copies, int[] labels, boolean within) {
            int n = scores.length;
            long pairs = 0;
            for (long w : weight) {
                pairs += w;
            }
            if (pairs < 2) {
                return Double.NaN;
            }
            double[] v = new double[n];
            long below = 0;
            int lo = 0;
            while (lo < n) {
                int hi = lo + 1;
                while (hi < n && scores[order[hi]] + 0.0 == scores[order[lo]] + 0.0) {
                    hi++;
                }
                long w = 0;
                for (int j = lo; j < hi; j++) {
                    w += weight[order[j]];
                }
                double r = below + (w + 1) / 2.0;
                for (int j = lo; j < hi; j++) {
                    v[order[j]] = r;
                }
                below += w;
                lo = hi;
            }
            CompensatedSum sum = CompensatedSum.create();
            boolean constant = true;
            double first = Double.NaN;
            for (int i = 0; i < n; i++) {
                if (weight[i] > 0) {
                    sum.accept(weight[i] * v[i]);
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
            // per item × language: Σ d and Σ d² over one copy of the item
            double[] cell = new double[itemCount * languageCount];
            double[] cell2 = new double[itemCount * languageCount];
            CompensatedSum sxx = CompensatedSum.create();
            for (int i = 0; i < n; i++) {
                if (weight[i] == 0) {
                    continue;
                }
                double d = v[i] - mean;
                int k = itemOf[i] * languageCount + labels[i];
                cell[k] += d;
                cell2[k] += d * d;
                sxx.accept(weight[i] * d * d);
            }
            CompensatedSum sxy = CompensatedSum.create();
            for (int q = 0; q < itemCount; q++) {
                if (copies[q] == 0) {
                    continue;
                }
                double item = 0;
                double squares = 0;
                for (int l = 0; l < languageCount; l++) {
                    double s = cell[q * languageCount + l];
                    item += s;
                    squares += s * s;
                    if (within) {
                        sxy.accept(copies[q] * (s * s - cell2[q * languageCount + l]));
                    }
                }
                if (!within) {
                    sxy.accept(copies[q] * (item * item - squares));
                }
            }
            double den = sxx.getAsDouble();
            if (!(den > 0)) {
                return Double.NaN;
            }
            return Math.max(-1, Math.min(1, sxy.getAsDouble() / den));
        }

        /** Shuffles the labels among the generations of each item, items in order (Fisher–Yates). */
        void shuffleWithinItems(int[] labels, SplittableRandom rng) {
            for (int[] m : members) {
                for (int i = m.length - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = labels[m[i]];
                    labels[m[i]] = labels[m[j]];
                    labels[m[j]] = t;
                }
            }
        }
    }
}
