package org.pluralstats.distribution;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.pluralstats.PluralstatsException;
import org.pluralstats.align.OptionCount;
import org.pluralstats.align.OptionDistribution;
import org.pluralstats.align.SplitHalves;
import org.pluralstats.data.CategoricalColumn;
import org.pluralstats.data.Column;
import java.util.stream.IntStream;
import org.pluralstats.data.MissingReason;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.SurveyData;
import org.pluralstats.design.DesignEstimate;
import org.pluralstats.design.DesignSpec;
import org.pluralstats.design.DomainMethod;
import org.pluralstats.design.SurveyDesign;
import org.pluralstats.design.TaylorDesign;
import org.pluralstats.stats.CompensatedSum;
import org.pluralstats.stats.PercentileBootstrap;
import org.pluralstats.weight.KishEffectiveSize;
import org.pluralstats.weight.LogitInterval;
import org.pluralstats.weight.PopulationSpec;
import org.pluralstats.weight.WeightSpec;

/**
 * Answer distributions from survey microdata: for each population P and question Q, the weighted
 * share of every valid option, as R survey gives per level
 *
 * <pre>
 *   svymean(~factor(Q), svydesign(ids = ~1, weights = ~w, data = &lt;P's respondents with a valid answer to Q&gt;))
 * </pre>
 *
 * i.e. separate designs per population of independent respondents with weights (the convention of
 * the value polarity scores). Over the {@code m} respondents of the base with weights {@code w_i}
 * ({@code W = Σ w_i}) and the option indicator {@code y_ik}:
 *
 * <pre>
 *   p_k  = Σ w_i y_ik / W
 *   z_ik = w_i (y_ik - p_k) / W                       (the ratio's influence function)
 *   se_k = sqrt( m / (m - 1) · Σ z_ik² )              (with-replacement linearisation, svyrecvar)
 *   CI_k = expit( logit(p_k) ± t(0.975, m - 1) · se_k / (p_k (1 - p_k)) )   (svyciprop, method = "logit")
 * </pre>
 *
 * (Binder 1983; Lumley 2010, <i>Complex Surveys</i>, §2.3 and §3.2; R survey {@code svymean},
 * {@code svyciprop}.) The logit interval is chosen over svymean's Wald interval because it stays
 * inside (0, 1) for the small shares distributions are full of; it is undefined (NaN) at 0 and 1.
 * {@code n = m}; {@code nEff = W² / Σ w_i²} (Kish 1965, §11.7).
 *
 * <p><b>Missing answers.</b> Don't know (WVS −1), no answer (−2), not applicable (−3), not asked (−4),
 * unknown (−5), user-missing and system-missing values are not options: the valid shares sum to 1 over
 * the valid answers. Each missing reason that occurs for Q in the file is reported as its own row with
 * base {@link ShareBase#ALL}: the same estimator over <i>all</i> of P's respondents (the valid answers
 * pooled as one level), so {@code n = |P|} and its share is {@code Σ_{reason} w / Σ_{P} w}.
 * A population with no valid answer to Q has no valid-option rows, only its missing-reason rows.
 *
 * <p><b>Options and their order.</b> For a numeric question, the valid codes observed anywhere in the
 * file, ascending (so every population lists the same options, zero shares included, and ordinal
 * questions keep their order), labelled with the file's value labels; for a categorical question, its
 * levels in their declared order.
 *
 * <p><b>Populations.</b> One column as {@link PopulationSpec#parse} ({@code global} or a column), or the
 * intersection of several columns: respondents sharing the values of every column, named by the values
 * joined with {@code " × "} ({@code DNK × 2}), in order of first appearance; respondents missing any of
 * the columns belong to no population. Every weight used must be finite and positive.
 */
public final class AnswerDistributions {
    /** The design note carried in the results. */
    public static final String DESIGN = "separate designs per population: svydesign(ids=~1, weights=~w) over the"
            + " population's respondents with a valid answer (valid options) or over all its respondents (missing"
            + " reasons); svymean(~factor(Q), design)";
    /** The interval note carried in the results. */
    public static final String INTERVAL = "95% logit interval, svyciprop(method=\"logit\"): expit(logit(p) ± t(0.975, n-1)"
            + " se / (p(1-p)))";
    /** What joins the values of an intersection of columns in a population's name. */
    public static final String JOIN = " × ";

    private static final LogitInterval LOGIT_95 = LogitInterval.at(0.95);

    private AnswerDistributions() {
    }

    /**
     * @param data the data
     * @param questions the question ids (case-insensitive)
     * @param by the population columns (one: a column or {@code global}; several: their intersection)
     * @param weight the weights
     * @return the distributions
     * @throws PluralstatsException for an unknown column, a question that is not numeric or categorical,
     *     or an invalid weight (naming the respondent)
     */
    public static DistributionTable estimate(SurveyData data, List<String> questions, List<String> by, WeightSpec weight) {
        return estimate(data, questions, by, weight, Map.of());
    }

    /**
     * As {@link #estimate(SurveyData, List, List, WeightSpec)}, with codes that count as user-missing
     * for some questions (an items file's {@code "missing"} codes), reported as {@code user_missing}.
     *
     * @param data the data
     * @param questions the question ids (case-insensitive)
     * @param by the population columns (one: a column or {@code global}; several: their intersection)
     * @param weight the weights
     * @param missingCodes question id (case-insensitive) → codes as written in the output ({@code 8},
     *     a level text) that are user-missing
     * @return the distributions
     */
    public static DistributionTable estimate(SurveyData data, List<String> questions, List<String> by, WeightSpec weight,
                                             Map<String, List<String>> missingCodes) {
        return estimate(data, questions, by, weight, missingCodes, DesignSpec.simple());
    }

    /**
     * As {@link #estimate(SurveyData, List, List, WeightSpec, Map)} on a survey design (issue 14): each
     * share is {@code svymean(~factor(Q), subset(D, Q answered))} with {@code D} the design of the
     * population's respondents ({@link DomainMethod#SEPARATE_DESIGNS}) or of every population's respondents
     * with the population as a domain ({@link DomainMethod#DOMAIN}, {@code svyby}); Taylor-linearised SEs
     * over the design's clusters and strata ({@link TaylorDesign}); the logit interval on {@code degf} of the
     * domain's design. Shares, {@code n}, counts and {@code nEff} are those without a design.
     *
     * @param data the data
     * @param questions the question ids
     * @param by the population columns
     * @param weight the weights
     * @param missingCodes question id → user-missing codes
     * @param design the survey design ({@link DesignSpec#simple()}: the closed form above)
     * @return the distributions, the design in the table's metadata
     */
    public static DistributionTable estimate(SurveyData data, List<String> questions, List<String> by, WeightSpec weight,
                                             Map<String, List<String>> missingCodes, DesignSpec design) {
        Map<String, List<String>> missing = new java.util.HashMap<>();
        missingCodes.forEach((k, v) -> missing.put(k.toLowerCase(java.util.Locale.ROOT), v));
        if (by.isEmpty()) {
            throw new PluralstatsException("no population columns");
        }
        Map<String, int[]> populations = populations(data, by);
        double[] w = weight.weights(data);
        for (int[] rows : populations.values()) {
            for (int r : rows) {
                Optional<String> p = weight.problem(data, r);
                if (p.isPresent()) {
                    throw new PluralstatsException(data.source() + ": respondent " + data.id(r) + " (row " + (r + 1)
                            + "): invalid weight: " + p.get());
                }
            }
        }
        List<OptionShare> out = new ArrayList<>();
        List<Question> qs = new ArrayList<>();
        for (String q : questions) {
            qs.add(Question.of(data, q, missing.getOrDefault(q.toLowerCase(java.util.Locale.ROOT), List.of())));
        }
        if (design.isSimple()) {
            for (Map.Entry<String, int[]> pop : populations.entrySet()) {
                for (Question q : qs) {
                    q.estimate(pop.getKey(), pop.getValue(), w, out);
                }
            }
            return new DistributionTable(out, by, weight.expression(), DESIGN, INTERVAL);
        }
        int[] all = null;
        SurveyDesign whole = null;
        if (design.method() == DomainMethod.DOMAIN) {
            all = populations.values().stream().flatMapToInt(java.util.Arrays::stream).sorted().distinct().toArray();
            whole = design.build(data, w, all);
        }
        for (Map.Entry<String, int[]> pop : populations.entrySet()) {
            int[] rows = pop.getValue();
            SurveyDesign d = whole != null ? whole : design.build(data, w, rows);
            int[] designRows = whole != null ? all : rows;
            boolean[] inPop = new boolean[designRows.length];
            for (int i = 0, j = 0; i < designRows.length; i++) {
                while (j < rows.length && rows[j] < designRows[i]) {
                    j++;
                }
                inPop[i] = j < rows.length && rows[j] == designRows[i];
            }
            for (Question q : qs) {
                List<OptionShare> simple = new ArrayList<>();
                q.estimate(pop.getKey(), rows, w, simple);
                for (OptionShare o : simple) {
                    double[] y = new double[designRows.length];
                    boolean[] domain = new boolean[designRows.length];
                    for (int i = 0; i < designRows.length; i++) {
                        int r = designRows[i];
                        if (!inPop[i]) {
                            continue;
                        }
                        boolean valid = q.option[r] >= 0;
                        if (o.base() == ShareBase.VALID && !valid) {
                            continue;
                        }
                        domain[i] = true;
                        y[i] = o.base() == ShareBase.VALID ? (q.codes.get(q.option[r]).equals(o.code()) ? 1 : 0)
                                : (!valid && q.reason[r].jsonName().equals(o.code()) ? 1 : 0);
                    }
                    DesignEstimate e = d.mean(y, domain, 0.95);
                    double df = d.degreesOfFreedom(domain);
                    out.add(new OptionShare(o.population(), o.question(), o.code(), o.label(), o.base(), e.estimate(), e.se(),
                            LOGIT_95.of(e.estimate(), e.se(), df), o.n(), o.count(), o.nEff()));
                }
            }
        }
        return new DistributionTable(out, by, weight.expression(), design.describe(weight.expression()),
                "95% logit interval, svyciprop(method=\"logit\"): expit(logit(p) ± t(0.975, degf) se / (p(1-p))), degf"
                        + " of the domain's design");
    }

    /**
     * The human side of a distributional comparison from microdata: each population × question's
     * weighted distribution over the valid options (the shares of {@link #estimate}; options named by
     * their codes as written in the output, at their numeric code as ordinal position, or 1, 2, … for a
     * categorical question), and {@code splits} random halves of its respondents with a valid answer
     * for the split-half human ceiling ({@link SplitHalves}). Split {@code s} shuffles the respondents
     * (Fisher–Yates with {@code SplittableRandom(seedFor(seed, population + '\u001f' + question))}, draws
     * continuing across splits) and puts the first {@code ⌊m/2⌋} in the first half. Seeded: the same
     * halves on every machine.
     *
     * @param data the data
     * @param questions the question ids
     * @param by the population columns
     * @param weight the weights
     * @param missingCodes question id → user-missing codes
     * @param splits random splits per population × question (0 for none)
     * @param seed the seed
     * @return the distributions and halves
     */
    public static HumanSide humanSide(SurveyData data, List<String> questions, List<String> by, WeightSpec weight,
                                      Map<String, List<String>> missingCodes, int splits, long seed) {
        if (splits < 0) {
            throw new PluralstatsException("the number of split halves must be 0 or more, not " + splits);
        }
        DistributionTable shares = estimate(data, questions, by, weight, missingCodes);
        Map<String, int[]> populations = populations(data, by);
        double[] w = weight.weights(data);
        Map<String, List<String>> missing = new java.util.HashMap<>();
        missingCodes.forEach((k, v) -> missing.put(k.toLowerCase(java.util.Locale.ROOT), v));
        List<OptionDistribution> dists = new ArrayList<>();
        List<SplitHalves> halves = new ArrayList<>();
        Map<String, List<OptionShare>> byKey = new LinkedHashMap<>();
        for (OptionShare o : shares.rows()) {
            if (o.base() == ShareBase.VALID) {
                byKey.computeIfAbsent(o.population() + '\u0000' + o.question(), k -> new ArrayList<>()).add(o);
            }
        }
        List<Question> qs = new ArrayList<>();
        for (String qid : questions) {
            qs.add(Question.of(data, qid, missing.getOrDefault(qid.toLowerCase(java.util.Locale.ROOT), List.of())));
        }
        for (Map.Entry<String, int[]> pop : populations.entrySet()) {
            for (Question q : qs) {
                boolean numeric = data.require(q.id()) instanceof NumericColumn;
                List<OptionShare> os = byKey.get(pop.getKey() + '\u0000' + q.id());
                if (os == null) {
                    continue;
                }
                List<OptionCount> options = new ArrayList<>();
                for (int k = 0; k < os.size(); k++) {
                    options.add(new OptionCount(os.get(k).code(), numeric ? Double.parseDouble(os.get(k).code()) : k + 1,
                            os.get(k).share()));
                }
                dists.add(new OptionDistribution(pop.getKey(), q.id(), options, 0));
                if (splits > 0) {
                    q.halves(pop.getKey(), pop.getValue(), w, splits, seed).ifPresent(halves::add);
                }
            }
        }
        return new HumanSide(dists, halves);
    }

    /**
     * Human distributions from microdata with their split halves ({@link #humanSide}).
     *
     * @param distributions one per population × question with a valid answer
     * @param halves the split halves, one per population × question with at least two valid answers (empty
     *     without splits)
     */
    public record HumanSide(List<OptionDistribution> distributions, List<SplitHalves> halves) {
        /** Copies the lists. */
        public HumanSide {
            distributions = List.copyOf(distributions);
            halves = List.copyOf(halves);
        }
    }

    /**
     * @param data the data
     * @param by one column or {@code global}, or several columns
     * @return population name → its rows (ascending), in order of first appearance
     */
    public static Map<String, int[]> populations(SurveyData data, List<String> by) {
        if (by.size() == 1) {
            return PopulationSpec.parse(by.get(0)).groups(data);
        }
        List<Column> cols = new ArrayList<>();
        for (String b : by) {
            cols.add(data.require(b.trim()));
        }
        Map<String, IntStream.Builder> groups = new LinkedHashMap<>();
        rows:
        for (int r = 0; r < data.rows(); r++) {
            StringBuilder name = new StringBuilder();
            for (Column c : cols) {
                Optional<String> v = SurveyData.attributeValue(c, r);
                if (v.isEmpty()) {
                    continue rows;
                }
                if (name.length() > 0) {
                    name.append(JOIN);
                }
                name.append(v.get());
            }
            groups.computeIfAbsent(name.toString(), k -> IntStream.builder()).add(r);
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, v.build().toArray()));
        return out;
    }

    /** A question's options, each row's option index (−1: missing) and missing reason. */
    private record Question(String id, List<String> codes, List<String> labels, int[] option,
                            MissingReason[] reason, List<MissingReason> reasons) {
        static Question of(SurveyData data, String id, List<String> userMissing) {
            Column c = data.require(id);
            int rows = data.rows();
            int[] option = new int[rows];
            MissingReason[] reason = new MissingReason[rows];
            List<String> codes = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            if (c instanceof NumericColumn num) {
                TreeSet<Double> values = new TreeSet<>();
                for (int r = 0; r < rows; r++) {
                    if (!num.isMissing(r) && !userMissing.contains(SurveyData.formatNumber(num.value(r)))) {
                        values.add(num.value(r));
                    }
                }
                Map<Double, Integer> index = new LinkedHashMap<>();
                for (double v : values) {
                    index.put(v, codes.size());
                    codes.add(SurveyData.formatNumber(v));
                    labels.add(num.item().valueLabels().getOrDefault(v, ""));
                }
                for (int r = 0; r < rows; r++) {
                    option[r] = num.isMissing(r) ? -1 : index.getOrDefault(num.value(r), -1);
                }
            } else if (c instanceof CategoricalColumn cat) {
                int[] index = new int[cat.levels().size()];
                for (int l = 0; l < index.length; l++) {
                    String level = cat.levels().get(l);
                    index[l] = userMissing.contains(level) ? -1 : codes.size();
                    if (index[l] >= 0) {
                        codes.add(level);
                        labels.add(level);
                    }
                }
                for (int r = 0; r < rows; r++) {
                    option[r] = cat.isMissing(r) ? -1 : index[cat.code(r)];
                }
            } else {
                throw new PluralstatsException(data.source() + ": question " + c.item().id()
                        + " is neither numeric nor single-choice; its answers have no options to share");
            }
            EnumMap<MissingReason, Boolean> seen = new EnumMap<>(MissingReason.class);
            for (int r = 0; r < rows; r++) {
                if (option[r] < 0) {
                    reason[r] = c.isMissing(r) ? c.missingReason(r).orElse(MissingReason.SYSTEM_MISSING)
                            : MissingReason.USER_MISSING;
                    seen.put(reason[r], true);
                }
            }
            return new Question(c.item().id(), codes, labels, option, reason, new ArrayList<>(seen.keySet()));
        }

        void estimate(String population, int[] rows, double[] w, List<OptionShare> out) {
            IntStream.Builder valid = IntStream.builder();
            for (int r : rows) {
                if (option[r] >= 0) {
                    valid.add(r);
                }
            }
            int[] v = valid.build().toArray();
            if (v.length > 0) {
                int[] level = new int[v.length];
                for (int i = 0; i < v.length; i++) {
                    level[i] = option[v[i]];
                }
                double[] ws = weights(v, w);
                for (int k = 0; k < codes.size(); k++) {
                    out.add(share(population, codes.get(k), labels.get(k), ShareBase.VALID, level, k, ws));
                }
            }
            if (!reasons.isEmpty()) {
                int[] level = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    level[i] = option[rows[i]] >= 0 ? -1 : reasons.indexOf(reason[rows[i]]);
                }
                double[] ws = weights(rows, w);
                for (int k = 0; k < reasons.size(); k++) {
                    out.add(share(population, reasons.get(k).jsonName(), describe(reasons.get(k)), ShareBase.ALL, level, k, ws));
                }
            }
        }

        private OptionShare share(String population, String code, String label, ShareBase base, int[] level, int k,
                                  double[] w) {
            int m = w.length;
            CompensatedSum total = CompensatedSum.create();
            CompensatedSum hit = CompensatedSum.create();
            CompensatedSum squares = CompensatedSum.create();
            int count = 0;
            for (int i = 0; i < m; i++) {
                total.accept(w[i]);
                squares.accept(w[i] * w[i]);
                if (level[i] == k) {
                    hit.accept(w[i]);
                    count++;
                }
            }
            double sum = total.getAsDouble();
            double p = hit.getAsDouble() / sum;
            CompensatedSum z2 = CompensatedSum.create();
            for (int i = 0; i < m; i++) {
                double z = w[i] * ((level[i] == k ? 1 : 0) - p) / sum;
                z2.accept(z * z);
            }
            double se = Math.sqrt((double) m / (m - 1) * z2.getAsDouble());
            return new OptionShare(population, id, code, label, base, p, se, LOGIT_95.of(p, se, m - 1), m, count,
                    KishEffectiveSize.fromSums(sum, squares.getAsDouble()));
        }

        /** {@code splits} random halves of the population's respondents with a valid answer; none below two. */
        Optional<SplitHalves> halves(String population, int[] rows, double[] w, int splits, long seed) {
            int[] v = java.util.Arrays.stream(rows).filter(r -> option[r] >= 0).toArray();
            if (v.length < 2) {
                return Optional.empty();
            }
            java.util.SplittableRandom rng = new java.util.SplittableRandom(
                    PercentileBootstrap.seedFor(seed, population + '\u001f' + id));
            double[][] first = new double[splits][codes.size()];
            double[][] second = new double[splits][codes.size()];
            int half = v.length / 2;
            for (int s = 0; s < splits; s++) {
                for (int i = v.length - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                }
                for (int i = 0; i < v.length; i++) {
                    (i < half ? first : second)[s][option[v[i]]] += w[v[i]];
                }
            }
            return Optional.of(new SplitHalves(population, id, first, second));
        }

        private static double[] weights(int[] rows, double[] w) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = w[rows[i]];
            }
            return out;
        }
    }

    /**
     * @param reason a missing reason
     * @return it in words, e.g. {@code don't know}
     */
    public static String describe(MissingReason reason) {
        return switch (reason) {
            case SKIPPED -> "skipped";
            case DONT_KNOW -> "don't know";
            case NO_ANSWER -> "no answer";
            case NOT_APPLICABLE -> "not applicable";
            case NOT_ASKED -> "not asked";
            case UNKNOWN -> "missing; unknown";
            case USER_MISSING -> "user-missing";
            case SYSTEM_MISSING -> "system-missing";
            case INVALID -> "invalid";
        };
    }
}
