package org.pluralstats.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SafeText;
import org.pluralstats.data.CategoricalColumn;
import org.pluralstats.data.Column;
import org.pluralstats.data.Item;
import org.pluralstats.data.MultiChoiceColumn;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.ShortestDecimal;
import org.pluralstats.data.SurveyData;
import org.pluralstats.data.TextColumn;
import org.pluralstats.stats.ChiSquareIndependence;
import org.pluralstats.stats.EffectSizes;
import org.pluralstats.stats.FisherExact;
import org.pluralstats.stats.Holm;
import org.pluralstats.stats.KruskalWallis;
import org.pluralstats.stats.LikertSummary;
import org.pluralstats.stats.MannWhitneyU;
import org.pluralstats.stats.Proportion;

/**
 * Every item of a survey summarised per group, and tested across groups: the analysis behind the
 * pilot survey's Table 1 (seed paper 000, §4). Unweighted, as the pilot reports.
 *
 * <ul>
 *   <li>Scale items: {@link LikertSummary} per group; across groups the Kruskal-Wallis H test with
 *       tie correction ({@code scipy.stats.kruskal}) and pairwise two-sided Mann-Whitney U tests
 *       ({@code scipy.stats.mannwhitneyu}, method "auto") with Holm-adjusted p-values.</li>
 *   <li>Choice items: share of each option among those who answered, Wilson 95% interval; across
 *       groups the chi-square test of independence of group × option ({@code scipy.stats.chi2_contingency},
 *       Yates' correction when df = 1), on options aligned across groups (see {@link #canonicalOptions}).</li>
 *   <li>Checkbox items: share of answering respondents who ticked each option, Wilson interval.</li>
 * </ul>
 *
 * <p>Beside every test its effect size ({@link EffectSizes}, R {@code effectsize}'s definitions): rank ε²
 * for Kruskal–Wallis, the rank-biserial correlation with its Fisher-z 95% interval for each pairwise
 * Mann–Whitney test, Cramér's V with Bergsma's bias correction (effectsize's default {@code adjust = TRUE}) with effectsize's one-sided 95% interval [lower, 1] for chi-square. When a
 * chi-square table has an expected count below 5 the test carries R's warning "Chi-squared approximation
 * may be incorrect" and Fisher's exact test of the same table ({@link FisherExact}, R {@code fisher.test};
 * exact enumeration up to 10⁸ tables, beyond that the Monte Carlo p of 2000 tables with seed 1).
 * {@link #pooled} summarises each item over all groups together (the paper's "35 of 56 chose Model B").
 *
 * <pre>{@code
 * GroupComparison cmp = GroupComparison.of(survey.data(), "group");
 * double mean = ((ItemSummary.Scale) cmp.summary("Arabic", "Q1")).likert().mean().getAsDouble();
 * }</pre>
 */
public final class GroupComparison {
    /** Fisher's test beside a chi-square test that warns: exact up to 10⁸ tables, then 2000 simulated (seed 1). */
    private static final FisherExact FISHER = FisherExact.withDefaults().withMonteCarlo(2000, 1L);
    /** Cramér's V as effectsize's default ({@code cramers_v(x)}) computes it. */
    private static final boolean CRAMERS_V_ADJUSTED = true;
    private static final String CRAMERS_V = CRAMERS_V_ADJUSTED ? "cramers-v-adjusted" : "cramers-v";
    private final List<String> groups;
    private final List<Item> items;
    private final Map<String, Map<String, ItemSummary>> summaries; // item -> group -> summary
    private final Map<String, List<String>> canonical;           // choice item -> canonical options
    private final Map<String, Map<String, String>> toCanonical;  // choice item -> stored -> canonical
    private final List<GroupTest> tests;
    private final Map<String, ItemSummary> pooled;                // item -> summary over all groups

    private GroupComparison(List<String> groups, List<Item> items, Map<String, Map<String, ItemSummary>> summaries,
                            Map<String, List<String>> canonical, Map<String, Map<String, String>> toCanonical,
                            List<GroupTest> tests, Map<String, ItemSummary> pooled) {
        this.pooled = pooled;
        this.groups = List.copyOf(groups);
        this.items = List.copyOf(items);
        this.summaries = summaries;
        this.canonical = canonical;
        this.toCanonical = toCanonical;
        this.tests = List.copyOf(tests);
    }

    /**
     * Summarises and tests every item of the data by the groups of an attribute.
     *
     * @param data the survey
     * @param groupAttribute the column that holds each respondent's group
     * @return the comparison
     */
    public static GroupComparison of(SurveyData data, String groupAttribute) {
        Map<String, int[]> groupRows = data.groupRows(groupAttribute);
        if (data.column(groupAttribute).orElseThrow() instanceof CategoricalColumn gc) {
            // keep the declared group order, including groups that kept no rows
            Map<String, int[]> ordered = new LinkedHashMap<>();
            for (String level : gc.levels()) {
                ordered.put(level, groupRows.getOrDefault(level, new int[0]));
            }
            groupRows = ordered;
        }
        List<String> groups = new ArrayList<>(groupRows.keySet());
        List<Item> items = data.items();
        Map<String, Map<String, ItemSummary>> summaries = new LinkedHashMap<>();
        Map<String, List<String>> canonical = new LinkedHashMap<>();
        Map<String, Map<String, String>> toCanonical = new LinkedHashMap<>();
        List<GroupTest> tests = new ArrayList<>();
        Map<String, ItemSummary> pooled = new LinkedHashMap<>();
        int[] allRows = groupRows.values().stream().flatMapToInt(java.util.Arrays::stream).sorted().toArray();
        for (Item item : items) {
            Column column = data.require(item.id());
            requireScalePoints(column, groupRows);
            pooled.put(item.id(), summarise(column, allRows));
            Map<String, ItemSummary> byGroup = new LinkedHashMap<>();
            for (Map.Entry<String, int[]> g : groupRows.entrySet()) {
                byGroup.put(g.getKey(), summarise(column, g.getValue()));
            }
            summaries.put(item.id(), byGroup);
            if (column instanceof NumericColumn n) {
                tests.add(scaleTest(item, n, groupRows));
            } else if (column instanceof CategoricalColumn) {
                choiceTest(item, byGroup, canonical, toCanonical).ifPresent(tests::add);
            }
        }
        return new GroupComparison(groups, items, summaries, canonical, toCanonical, tests, pooled);
    }

    /** @return the groups, in the attribute's level order */
    public List<String> groups() {
        return groups;
    }

    /** @return the items, in data order */
    public List<Item> items() {
        return items;
    }

    /**
     * @param group a group
     * @param itemId an item id
     * @return that group's summary of the item
     */
    public ItemSummary summary(String group, String itemId) {
        Map<String, ItemSummary> byGroup = summaries.get(itemId);
        if (byGroup == null) {
            throw new PluralstatsException("no item \"" + itemId + "\"");
        }
        ItemSummary s = byGroup.get(group);
        if (s == null) {
            throw new PluralstatsException("no group \"" + group + "\"; groups: " + String.join(", ", groups));
        }
        return s;
    }

    /**
     * The item summarised over the respondents of all groups together, unweighted (each respondent counts
     * once, so larger groups weigh more): Table 1's pooled row.
     *
     * @param itemId an item id
     * @return the pooled summary
     */
    public ItemSummary pooled(String itemId) {
        ItemSummary s = pooled.get(itemId);
        if (s == null) {
            throw new PluralstatsException("no item \"" + itemId + "\"");
        }
        return s;
    }

    /**
     * The share of one canonical option over all groups pooled.
     *
     * @param itemId a choice item
     * @param canonicalOption one of {@link #canonicalOptions(String)}
     * @return the proportion (e.g. 35 of 56 for Model B in the pilot); empty when the options are not aligned
     */
    public Optional<Proportion> pooledShare(String itemId, String canonicalOption) {
        Map<String, String> map = toCanonical.get(itemId);
        if (map == null || !(pooled(itemId) instanceof ItemSummary.Choice c)) {
            return Optional.empty();
        }
        return Optional.of(canonicalShare(c, map, canonicalOption));
    }

    private static Proportion canonicalShare(ItemSummary.Choice c, Map<String, String> map, String canonicalOption) {
        long k = 0;
        for (Map.Entry<String, Proportion> e : c.shares().entrySet()) {
            if (canonicalOption.equals(map.get(e.getKey()))) {
                k += e.getValue().count();
            }
        }
        return Proportion.of(k, c.n());
    }

    /** @return the cross-group tests, one per scale or choice item with at least two answering groups */
    public List<GroupTest> tests() {
        return tests;
    }

    /**
     * The options of a choice item as one list across groups: the declared (codebook) order when the
     * item declares options, else the stored option texts in sorted order when groups share texts,
     * else (translated forms without a codebook) the largest group's texts matched by their
     * distinguishing Latin letters and digits, sorted. Empty when the options could not be aligned.
     *
     * @param itemId a choice item
     * @return the canonical options
     */
    public List<String> canonicalOptions(String itemId) {
        return canonical.getOrDefault(itemId, List.of());
    }

    /**
     * The share of one canonical option in one group (summing the group's stored options that map to
     * it).
     *
     * @param group a group
     * @param itemId a choice item
     * @param canonicalOption one of {@link #canonicalOptions(String)}
     * @return the proportion; empty when the options are not aligned
     */
    public Optional<Proportion> share(String group, String itemId, String canonicalOption) {
        Map<String, String> map = toCanonical.get(itemId);
        if (map == null || !(summary(group, itemId) instanceof ItemSummary.Choice c)) {
            return Optional.empty();
        }
        return Optional.of(canonicalShare(c, map, canonicalOption));
    }

    /**
     * A number column is summarised as a scale item (a Likert summary counts its points), so a value that is
     * not a whole number (a weight or a score the researcher added to the export) is refused here, naming
     * the column, the group and the respondent, with what to do instead.
     */
    private static void requireScalePoints(Column column, Map<String, int[]> groupRows) {
        if (!(column instanceof NumericColumn n) || column.item().scale().isPresent()) {
            return;
        }
        for (Map.Entry<String, int[]> g : groupRows.entrySet()) {
            int[] rows = g.getValue();
            for (int i = 0; i < rows.length; i++) {
                double v = n.isMissing(rows[i]) ? 0.0 : n.value(rows[i]);
                if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                    throw new PluralstatsException("column \"" + SafeText.forDisplay(column.item().label()) + "\" holds "
                            + ShortestDecimal.format(v) + " (group " + SafeText.forDisplay(g.getKey()) + ", respondent " + (i + 1)
                            + "), not a whole scale point, so it cannot be compared as a scale item; if it is a weight,"
                            + " name it with --weight, otherwise list its header under the codebook's \"ignore\"");
                }
            }
        }
    }

    private static ItemSummary summarise(Column column, int[] rows) {
        Item item = column.item();
        if (column instanceof NumericColumn n) {
            double[] answered = new double[rows.length];
            int k = 0;
            for (int r : rows) {
                if (!n.isMissing(r)) {
                    answered[k++] = n.value(r);
                }
            }
            LikertSummary.Options opts = LikertSummary.withDefaults();
            if (item.scale().isPresent()) {
                opts = opts.withScale(item.scale().get().min(), item.scale().get().max());
            }
            return new ItemSummary.Scale(item, opts.summarize(java.util.Arrays.copyOf(answered, k), rows.length - k));
        } else if (column instanceof CategoricalColumn c) {
            long[] counts = new long[c.levels().size()];
            int n = 0;
            for (int r : rows) {
                int code = c.code(r);
                if (code >= 0) {
                    counts[code]++;
                    n++;
                }
            }
            Map<String, Proportion> shares = new LinkedHashMap<>();
            for (int i = 0; i < counts.length; i++) {
                boolean declared = i < item.options().size();
                if (counts[i] > 0 || declared) {
                    shares.put(c.levels().get(i), Proportion.of(counts[i], n));
                }
            }
            return new ItemSummary.Choice(item, n, rows.length - n, shares);
        } else if (column instanceof MultiChoiceColumn m) {
            long[] counts = new long[m.options().size()];
            int n = 0;
            for (int r : rows) {
                if (!m.isMissing(r)) {
                    n++;
                    for (int o : m.selected(r)) {
                        counts[o]++;
                    }
                }
            }
            Map<String, Proportion> shares = new LinkedHashMap<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0 || i < item.options().size()) {
                    shares.put(m.options().get(i), Proportion.of(counts[i], n));
                }
            }
            return new ItemSummary.Multi(item, n, rows.length - n, shares);
        }
        TextColumn t = (TextColumn) column;
        int n = 0;
        for (int r : rows) {
            n += t.isMissing(r) ? 0 : 1;
        }
        return new ItemSummary.Text(item, n, rows.length - n);
    }

    private static GroupTest scaleTest(Item item, NumericColumn column, Map<String, int[]> groupRows) {
        List<String> names = new ArrayList<>();
        List<double[]> samples = new ArrayList<>();
        for (Map.Entry<String, int[]> g : groupRows.entrySet()) {
            double[] answered = new double[g.getValue().length];
            int k = 0;
            for (int r : g.getValue()) {
                if (!column.isMissing(r)) {
                    answered[k++] = column.value(r);
                }
            }
            if (k > 0) {
                names.add(g.getKey());
                samples.add(java.util.Arrays.copyOf(answered, k));
            }
        }
        if (samples.size() < 2) {
            return GroupTest.undefined(item.id(), "kruskal-wallis", names, "fewer than two groups answered");
        }
        KruskalWallis.Result kw = KruskalWallis.test(samples);
        List<MannWhitneyU.Result> pairs = new ArrayList<>();
        List<String[]> pairNames = new ArrayList<>();
        List<double[][]> pairSamples = new ArrayList<>();
        for (int a = 0; a < samples.size(); a++) {
            for (int b = a + 1; b < samples.size(); b++) {
                pairs.add(MannWhitneyU.test(samples.get(a), samples.get(b)));
                pairNames.add(new String[] {names.get(a), names.get(b)});
                pairSamples.add(new double[][] {samples.get(a), samples.get(b)});
            }
        }
        double[] raw = pairs.stream().mapToDouble(MannWhitneyU.Result::pValue).toArray();
        double[] holm = Holm.adjust(raw);
        List<GroupTest.Pairwise> pairwise = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            MannWhitneyU.Result r = pairs.get(i);
            EffectSizes.Estimate rb = EffectSizes.rankBiserial(pairSamples.get(i)[0], pairSamples.get(i)[1], 0.95);
            pairwise.add(new GroupTest.Pairwise(pairNames.get(i)[0], pairNames.get(i)[1], r.statistic(), raw[i],
                    holm[i], r.method().name().toLowerCase(java.util.Locale.ROOT),
                    new GroupTest.Effect("rank-biserial", rb.estimate(), rb.interval())));
        }
        Optional<GroupTest.Effect> effect = kw.statistic().isPresent()
                ? Optional.of(new GroupTest.Effect("rank-epsilon-squared",
                        EffectSizes.rankEpsilonSquared(kw.statistic().getAsDouble(), kw.n()), Optional.empty()))
                : Optional.empty();
        return new GroupTest(item.id(), "kruskal-wallis", kw.statistic(), kw.degreesOfFreedom(), kw.pValue(), names,
                pairwise, kw.statistic().isPresent() ? "" : "all answers are equal", effect, Optional.empty(),
                Optional.empty());
    }

    private static Optional<GroupTest> choiceTest(Item item, Map<String, ItemSummary> byGroup,
                                                  Map<String, List<String>> canonical,
                                                  Map<String, Map<String, String>> toCanonical) {
        Map<String, List<String>> used = new LinkedHashMap<>();
        for (Map.Entry<String, ItemSummary> e : byGroup.entrySet()) {
            ItemSummary.Choice c = (ItemSummary.Choice) e.getValue();
            if (c.n() > 0) {
                List<String> opts = new ArrayList<>();
                c.shares().forEach((o, p) -> {
                    if (p.count() > 0) {
                        opts.add(o);
                    }
                });
                used.put(e.getKey(), opts);
            }
        }
        Optional<Map<String, String>> mapping = OptionAlignment.align(used, item.options());
        List<String> groupsAnswering = new ArrayList<>(used.keySet());
        if (mapping.isEmpty()) {
            return Optional.of(GroupTest.undefined(item.id(), "chi-square", groupsAnswering,
                    "options differ between groups and could not be matched; give a codebook to compare them"));
        }
        List<String> options;
        if (!item.options().isEmpty()) {
            options = new ArrayList<>(item.options());
        } else {
            options = new ArrayList<>(new TreeSet<>(mapping.get().values()));
        }
        canonical.put(item.id(), Collections.unmodifiableList(options));
        toCanonical.put(item.id(), mapping.get());
        if (groupsAnswering.size() < 2) {
            return Optional.of(GroupTest.undefined(item.id(), "chi-square", groupsAnswering,
                    "fewer than two groups answered"));
        }
        long[][] table = new long[groupsAnswering.size()][options.size()];
        for (int g = 0; g < groupsAnswering.size(); g++) {
            ItemSummary.Choice c = (ItemSummary.Choice) byGroup.get(groupsAnswering.get(g));
            for (Map.Entry<String, Proportion> e : c.shares().entrySet()) {
                int j = options.indexOf(mapping.get().get(e.getKey()));
                if (j >= 0) {
                    table[g][j] += e.getValue().count();
                }
            }
        }
        if (new LinkedHashSet<>(mapping.get().values()).size() < 2) {
            return Optional.of(GroupTest.undefined(item.id(), "chi-square", groupsAnswering,
                    "every answer is the same option"));
        }
        ChiSquareIndependence.Result chi = ChiSquareIndependence.test(table);
        Optional<String> warning = chi.warning().map(w -> w + " (smallest expected count "
                + BigDecimal.valueOf(chi.minimumExpected()).round(new MathContext(3)).toPlainString() + ")");
        Optional<GroupTest.Exact> exact = Optional.empty();
        if (warning.isPresent()) {
            FisherExact.Result f = FISHER.apply(table);
            exact = Optional.of(new GroupTest.Exact(f.pValue(),
                    f.method() == FisherExact.Method.EXACT ? "exact" : "monte-carlo", f));
        }
        EffectSizes.Estimate v = EffectSizes.cramersVWithInterval(table, CRAMERS_V_ADJUSTED);
        Optional<GroupTest.Effect> effect = Optional.of(new GroupTest.Effect(CRAMERS_V, v.estimate(), v.interval()));
        return Optional.of(new GroupTest(item.id(), "chi-square", OptionalDouble.of(chi.statistic()),
                chi.degreesOfFreedom(), OptionalDouble.of(chi.pValue()), groupsAnswering, List.of(),
                chi.yatesCorrected() ? "Yates' continuity correction (df = 1)" : "", effect, warning, exact));
    }

    /** @return the groups, the item count and the test count: {@code GroupComparison[groups Arabic, English; 6 items; 9 tests]} */
    @Override
    public String toString() {
        return "GroupComparison[groups " + String.join(", ", groups) + "; " + items.size() + " items; " + tests.size()
                + " tests]";
    }
}
