package org.pluralstats.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.pluralstats.PluralstatsException;
import org.pluralstats.compare.DesignedGroupSummary;
import org.pluralstats.compare.GroupComparison;
import org.pluralstats.compare.GroupTest;
import org.pluralstats.compare.ItemSummary;
import org.pluralstats.data.Accounting;
import org.pluralstats.data.Item;
import org.pluralstats.data.ItemKind;
import org.pluralstats.design.DesignEstimate;
import org.pluralstats.design.DesignSpec;
import org.pluralstats.io.forms.FormsGroup;
import org.pluralstats.io.forms.FormsSurvey;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.LikertSummary;
import org.pluralstats.stats.Proportion;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * The group comparison of a multilingual Google Forms survey (seed paper 000). Its {@link #table()} is
 * the pilot paper's Table 1; {@link #rows()}, {@link #means()}, {@link #shares()} and {@link #tests()}
 * are the rows read per export, the Likert summaries, the option shares and the cross-group tests, each a
 * table that {@code pluralstats forms --table NAME} prints and the report shows. With a weight
 * ({@link #withDesign}) {@link #design()} adds the design-based estimates, each group its own design; the
 * other tables stay unweighted.
 *
 * <p>Table 1 cells: means of scale items to 2 decimals, the share of the reported option of a
 * single-choice item as a percentage to 1 decimal, both rounded half to even on the exact value of
 * the double (as Python's {@code round}), which is how the paper's 3.125 became 3.12.
 */
public final class FormsComparison implements TabularResult {
    /** The key of Table 1's pooled row: all respondents of all groups together. */
    public static final String POOLED = "All groups (pooled)";
    private final FormsSurvey survey;
    private final GroupComparison comparison;
    private final Map<String, String> reportedOption;
    private final Optional<DesignedGroupSummary> design;

    private FormsComparison(FormsSurvey survey, GroupComparison comparison, Map<String, String> reportedOption,
                            Optional<DesignedGroupSummary> design) {
        this.survey = survey;
        this.comparison = comparison;
        this.reportedOption = reportedOption;
        this.design = design;
    }

    /**
     * The same comparison with design-based estimates beside it ({@link #design()}, {@code --table design}):
     * each group a separate sample with its own design. Table 1 and the other tables are unchanged.
     *
     * @param weight the numeric attribute holding the sampling weights (read with
     *     {@code FormsReadOptions.numericAttributes})
     * @param spec clusters, strata and fpc by attribute ({@link DesignSpec#simple()}: weights only)
     * @return the comparison with its design
     * @throws PluralstatsException as {@link DesignedGroupSummary#of}
     */
    public FormsComparison withDesign(String weight, DesignSpec spec) {
        return new FormsComparison(survey, comparison, reportedOption,
                Optional.of(DesignedGroupSummary.of(survey.data(), FormsSurvey.GROUP, weight, spec)));
    }

    /** @return the design-based estimates, when a weight (and design) was given */
    public Optional<DesignedGroupSummary> designSummary() {
        return design;
    }

    /**
     * @param survey the survey read from the exports
     * @param reportedOptions item id to the canonical option whose share the table shows; items not
     *     named show their second canonical option when they have exactly two (Model B of A/B)
     * @return the comparison
     */
    public static FormsComparison of(FormsSurvey survey, Map<String, String> reportedOptions) {
        GroupComparison cmp = GroupComparison.of(survey.data(), FormsSurvey.GROUP);
        Map<String, String> chosen = new LinkedHashMap<>();
        for (Item item : cmp.items()) {
            List<String> canonical = cmp.canonicalOptions(item.id());
            String wanted = reportedOptions.get(item.id());
            if (wanted != null) {
                if (!canonical.contains(wanted)) {
                    throw new PluralstatsException("item " + item.id() + " has no option \"" + wanted
                            + "\"; options: " + String.join(", ", canonical));
                }
                chosen.put(item.id(), wanted);
            } else if (item.kind() == ItemKind.CHOICE && canonical.size() == 2) {
                chosen.put(item.id(), canonical.get(1));
            }
        }
        return new FormsComparison(survey, cmp, chosen, Optional.empty());
    }

    /** @return the survey compared */
    public FormsSurvey survey() {
        return survey;
    }

    /** @return the item-by-item comparison of the groups */
    public GroupComparison comparison() {
        return comparison;
    }

    /**
     * @param itemId an item
     * @return the canonical option whose share the item's Table 1 cell shows; empty for scale items
     *     and choice items without one
     */
    public Optional<String> reportedOption(String itemId) {
        return Optional.ofNullable(reportedOption.get(itemId));
    }

    /**
     * The value of one Table 1 cell: the mean of a scale item, or the percentage choosing the reported
     * option of a choice item.
     *
     * @param group a group
     * @param itemId an item
     * @return the unrounded value; empty when the cell is undefined (no answers, or options not aligned)
     */
    public OptionalDouble cell(String group, String itemId) {
        ItemSummary s = comparison.summary(group, itemId);
        if (s instanceof ItemSummary.Scale sc) {
            return sc.likert().mean();
        }
        String option = reportedOption.get(itemId);
        if (s instanceof ItemSummary.Choice && option != null) {
            Optional<Proportion> p = comparison.share(group, itemId, option);
            if (p.isPresent() && p.get().estimate().isPresent()) {
                return OptionalDouble.of(100 * p.get().estimate().getAsDouble());
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * The value of one cell of Table 1's pooled row: the mean over all respondents of all groups, or the
     * percentage of them choosing the reported option (the paper's "35 of 56 (62.5%) chose Model B").
     *
     * @param itemId an item
     * @return the unrounded value; empty when undefined
     */
    public OptionalDouble pooledCell(String itemId) {
        ItemSummary s = comparison.pooled(itemId);
        if (s instanceof ItemSummary.Scale sc) {
            return sc.likert().mean();
        }
        String option = reportedOption.get(itemId);
        if (s instanceof ItemSummary.Choice && option != null) {
            Optional<Proportion> p = comparison.pooledShare(itemId, option);
            if (p.isPresent() && p.get().estimate().isPresent()) {
                return OptionalDouble.of(100 * p.get().estimate().getAsDouble());
            }
        }
        return OptionalDouble.empty();
    }

    /** @return the items that have a Table 1 column: scale items and choice items with a reported option */
    public List<Item> tableItems() {
        List<Item> out = new ArrayList<>();
        for (Item i : comparison.items()) {
            if (scale(i) || reportedOption.containsKey(i.id())) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * @param itemId an item
     * @return the decimals its Table 1 cell is rounded to: 1 for percentages, 2 for means
     */
    public int decimals(String itemId) {
        return reportedOption.containsKey(itemId) ? 1 : 2;
    }

    /**
     * @param value a number
     * @param decimals decimals to keep
     * @return the number rounded half to even on its exact binary value
     */
    public static String round(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * Table 1: one row per group with its respondents kept ({@code n}) and one column per
     * {@linkplain #tableItems() table item}, named by the item ({@code Q4 (% B)} for a share), the
     * unrounded {@linkplain #cell cell} shown at the paper's decimals; a last row {@value #POOLED} over all
     * respondents together ({@link #pooledCell}).
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = ResultTable.builder("The paper's Table 1 reproduced: mean per scale item, % choosing the "
                        + "reported option per choice item, rounded half to even as the paper")
                .meta(ResultTable.METHOD, "unweighted means; percentages of respondents")
                .column("group", ColumnType.TEXT, Role.KEY).column("n", ColumnType.INTEGER, Role.COUNT);
        List<Item> cols = tableItems();
        for (Item i : cols) {
            t.number(reportedOption(i.id()).map(o -> i.id() + " (% " + o + ")").orElse(i.id()), Role.ESTIMATE,
                    decimals(i.id()));
        }
        for (String g : comparison.groups()) {
            List<Object> row = new ArrayList<>(List.of(g, survey.accounting(g).kept()));
            for (Item i : cols) {
                row.add(number(cell(g, i.id())));
            }
            t.row(row.toArray());
        }
        int total = 0;
        for (String g : comparison.groups()) {
            total += survey.accounting(g).kept();
        }
        List<Object> pooledRow = new ArrayList<>(List.of(POOLED, total));
        for (Item i : cols) {
            pooledRow.add(number(pooledCell(i.id())));
        }
        t.row(pooledRow.toArray());
        return t.build();
    }

    /** @return the rows read per export: file, export style, rows read, kept, and the excluded per reason */
    public ResultTable rows() {
        ResultTable.Builder t = ResultTable.builder("Rows read per export: kept and excluded")
                .column("group", ColumnType.TEXT, Role.KEY).column("file", ColumnType.TEXT, Role.LABEL)
                .column("style", ColumnType.TEXT, Role.OTHER).column("rowsRead", ColumnType.INTEGER, Role.COUNT)
                .column("kept", ColumnType.INTEGER, Role.COUNT).column("excluded", ColumnType.TEXT, Role.OTHER);
        for (FormsGroup g : survey.groupDetails()) {
            Accounting a = g.accounting();
            List<String> parts = new ArrayList<>();
            a.excluded().forEach((k, v) -> parts.add(v + " " + k));
            t.row(g.name(), g.file().getFileName().toString(), g.style().name().toLowerCase(Locale.ROOT), a.inputRows(),
                    a.kept(), parts.isEmpty() ? "none" : String.join(", ", parts));
        }
        return t.build();
    }

    /**
     * @return scale items per group: the item's wording in the group's export, Likert summaries with the 95% t
     *     interval of the mean
     */
    public ResultTable means() {
        ResultTable.Builder t = ResultTable.builder("Scale items per group: Likert summaries with the 95% t interval "
                        + "of the mean").meta(ResultTable.CONFIDENCE_LEVEL, "0.95")
                .column("group", ColumnType.TEXT, Role.KEY).column("item", ColumnType.TEXT, Role.KEY)
                .column("label", ColumnType.TEXT, Role.LABEL)
                .column("n", ColumnType.INTEGER, Role.COUNT).column("missing", ColumnType.INTEGER, Role.COUNT)
                .number("mean", Role.ESTIMATE, 3).number("sd", Role.STATISTIC, 3).number("median", Role.STATISTIC, 1)
                .number("q1", Role.STATISTIC, 2).number("q3", Role.STATISTIC, 2)
                .number("ciLow", Role.CI_LOWER, 3).number("ciHigh", Role.CI_UPPER, 3)
                .number("topTwoBox", Role.ESTIMATE, 3).number("bottomTwoBox", Role.ESTIMATE, 3);
        for (Item i : comparison.items()) {
            for (String g : scale(i) ? comparison.groups() : List.<String>of()) {
                LikertSummary l = ((ItemSummary.Scale) comparison.summary(g, i.id())).likert();
                Optional<ConfidenceInterval> ci = l.meanInterval();
                t.row(g, i.id(), survey.group(g).headers().getOrDefault(i.id(), i.label()), l.n(), l.missing(), number(l.mean()), number(l.standardDeviation()), number(l.median()),
                        number(l.firstQuartile()), number(l.thirdQuartile()), ci.map(ConfidenceInterval::lower).orElse(null),
                        ci.map(ConfidenceInterval::upper).orElse(null), number(l.topTwoBoxShare()),
                        number(l.bottomTwoBoxShare()));
            }
        }
        return t.build();
    }

    /** @return choice items per group: the share of each option with its Wilson 95% interval */
    public ResultTable shares() {
        ResultTable.Builder t = ResultTable.builder("Choice items per group: share of each option with the Wilson 95% "
                        + "interval").meta(ResultTable.CONFIDENCE_LEVEL, "0.95").meta(ResultTable.METHOD, "Wilson")
                .column("group", ColumnType.TEXT, Role.KEY).column("item", ColumnType.TEXT, Role.KEY)
                .column("option", ColumnType.TEXT, Role.KEY).column("text", ColumnType.TEXT, Role.LABEL)
                .column("count", ColumnType.INTEGER, Role.COUNT).column("n", ColumnType.INTEGER, Role.COUNT)
                .number("share", Role.ESTIMATE, 3).number("ciLow", Role.CI_LOWER, 3).number("ciHigh", Role.CI_UPPER, 3);
        for (Item i : comparison.items()) {
            if (i.kind() != ItemKind.CHOICE && i.kind() != ItemKind.MULTI_CHOICE) {
                continue;
            }
            for (String g : comparison.groups()) {
                ItemSummary s = comparison.summary(g, i.id());
                Map<String, Proportion> sh = s instanceof ItemSummary.Choice c ? c.shares() : ((ItemSummary.Multi) s).shares();
                Map<String, String> texts = survey.group(g).options(i.id());
                for (Map.Entry<String, Proportion> e : sh.entrySet()) {
                    Proportion p = e.getValue();
                    Optional<ConfidenceInterval> ci = p.wilsonInterval();
                    t.row(g, i.id(), e.getKey(), texts.getOrDefault(e.getKey(), e.getKey()), p.count(), p.n(),
                            number(p.estimate()), ci.map(ConfidenceInterval::lower).orElse(null),
                            ci.map(ConfidenceInterval::upper).orElse(null));
                }
            }
        }
        return t.build();
    }

    /**
     * @return the tests across groups: Kruskal–Wallis H (scale items) or chi-square of group × option (choice
     *     items) over all groups, then Fisher's exact test of the same table when the chi-square test warns of
     *     expected counts below 5 (its {@code warning} column, R's text), then the pairwise Mann–Whitney U tests
     *     with Holm-adjusted p; beside each its effect size (rank ε², Cramér's V, rank-biserial r with its 95%
     *     Fisher-z interval; beside Fisher's test of a 2 × 2 table R's conditional odds ratio and interval, an
     *     infinite bound shown as undefined)
     */
    public ResultTable tests() {
        ResultTable.Builder t = ResultTable.builder("Tests across groups: Kruskal–Wallis H (scale items), chi-square "
                        + "of group × option (choice items; Fisher's exact test beside it when an expected count is "
                        + "below 5); pairwise Mann–Whitney U with Holm-adjusted p; effect sizes as R effectsize")
                .meta(ResultTable.CONFIDENCE_LEVEL, "0.95")
                .column("item", ColumnType.TEXT, Role.KEY).column("test", ColumnType.TEXT, Role.KEY)
                .column("pair", ColumnType.TEXT, Role.KEY).number("statistic", Role.STATISTIC, 3)
                .column("df", ColumnType.INTEGER, Role.DF).column("p", ColumnType.P_VALUE, Role.P_VALUE)
                .column("pHolm", ColumnType.P_VALUE, Role.P_VALUE).column("effect", ColumnType.TEXT, Role.LABEL)
                .number("effectSize", Role.ESTIMATE, 3).number("effectLow", Role.CI_LOWER, 3)
                .number("effectHigh", Role.CI_UPPER, 3).column("warning", ColumnType.TEXT, Role.OTHER)
                .column("note", ColumnType.TEXT, Role.OTHER);
        for (GroupTest g : comparison.tests()) {
            Optional<GroupTest.Effect> e = g.effect();
            t.row(g.item(), g.test(), "all groups", number(g.statistic()), g.df(), number(g.p()), null,
                    e.map(GroupTest.Effect::name).orElse(null), e.map(GroupTest.Effect::estimate).orElse(null),
                    low(e), high(e), g.warning().orElse(""), g.note());
            g.exact().ifPresent(x -> {
                // a 2 × 2 table: R's conditional MLE of the odds ratio (first group's odds of the first option
                // over the second group's) with its conditional 95% interval; larger tables: Cramér's V again
                Optional<GroupTest.Effect> fe = x.result().oddsRatio().isPresent()
                        ? Optional.of(new GroupTest.Effect("odds-ratio", x.result().oddsRatio().getAsDouble(),
                                x.result().oddsRatioInterval()))
                        : e;
                t.row(g.item(), "fisher-exact (" + x.method() + ")", "all groups", null, null, x.p(), null,
                        fe.map(GroupTest.Effect::name).orElse(null), fe.map(GroupTest.Effect::estimate).orElse(null),
                        low(fe), high(fe), "",
                        x.method().equals("exact") ? "" : x.result().tables() + " simulated tables, seed 1");
            });
            for (GroupTest.Pairwise p : g.pairwise()) {
                Optional<GroupTest.Effect> pe = Optional.of(p.effect());
                t.row(g.item(), "mann-whitney-u (" + p.method() + ")", p.first() + " – " + p.second(), p.u(), null,
                        p.p(), p.pHolm(), p.effect().name(), p.effect().estimate(), low(pe), high(pe), "", "");
            }
        }
        return t.build();
    }

    private static Double low(Optional<GroupTest.Effect> e) {
        return e.flatMap(GroupTest.Effect::interval).map(ConfidenceInterval::lower).orElse(null);
    }

    private static Double high(Optional<GroupTest.Effect> e) {
        return e.flatMap(GroupTest.Effect::interval).map(ConfidenceInterval::upper).orElse(null);
    }

    /**
     * The tests' warnings as sentences, one per test that carries one, e.g. {@code Q4 chi-square: Chi-squared
     * approximation may be incorrect (smallest expected count 2.63); Fisher's exact test p = 0.7468}. The CLI
     * prints them to standard error and the report above its tests table.
     *
     * @return the warnings, in test order; empty when no test warns
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (GroupTest g : comparison.tests()) {
            g.warning().ifPresent(w -> out.add(g.item() + " " + g.test() + ": " + w + g.exact().map(x ->
                    "; Fisher's exact test" + (x.method().equals("exact") ? "" : " (Monte Carlo)") + " p = "
                            + new BigDecimal(x.p()).round(new java.math.MathContext(4)).toPlainString()).orElse("")));
        }
        return out;
    }

    /**
     * The design-based estimates per group: for scale items the weighted mean ({@code svymean(~Q, design_g,
     * na.rm = TRUE)}) with its SE and the t interval on the group design's degrees of freedom; for each option of
     * a choice (or checkbox) item the share among those who answered with R's {@code svyciprop} logit interval.
     * The metadata states the design as R's call; each group is a separate design.
     *
     * @return the table
     * @throws PluralstatsException when no weight was given ({@link #withDesign})
     */
    public ResultTable design() {
        DesignedGroupSummary d = design.orElseThrow(() -> new PluralstatsException(
                "the design table needs a weight column: --weight COLUMN (and --psu/--strata/--fpc), or withDesign"));
        ResultTable.Builder t = ResultTable.builder("Design-based estimates per group: weighted means with the t "
                        + "interval on the design's df; option shares with the logit interval (svyciprop)")
                .meta("design", d.describe())
                .meta(ResultTable.WEIGHTS, d.weight())
                .meta(ResultTable.METHOD, "each group a separate design; svymean(~Q, design_g, na.rm = TRUE), "
                        + "confint(df = degf(design_g)); svyciprop(method = \"logit\", df = degf(design_g)) among "
                        + "those who answered; Taylor linearisation")
                .meta(ResultTable.CONFIDENCE_LEVEL, Double.toString(d.confidenceLevel()))
                .column("group", ColumnType.TEXT, Role.KEY).column("item", ColumnType.TEXT, Role.KEY)
                .column("option", ColumnType.TEXT, Role.KEY).column("text", ColumnType.TEXT, Role.LABEL)
                .column("n", ColumnType.INTEGER, Role.COUNT)
                .number("estimate", Role.ESTIMATE, 3).number("se", Role.SE, 3)
                .number("ciLow", Role.CI_LOWER, 3).number("ciHigh", Role.CI_UPPER, 3)
                .number("df", Role.DF, 0);
        for (DesignedGroupSummary.Estimate e : d.estimates()) {
            DesignEstimate x = e.estimate();
            String text = e.option().map(o -> survey.group(e.group()).options(e.item()).getOrDefault(o, o)).orElse(null);
            t.row(e.group(), e.item(), e.option().orElse(null), text, e.n(), finite(x.estimate()), finite(x.se()),
                    finite(x.ciLow()), finite(x.ciHigh()), finite(x.df()));
        }
        return t.build();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * @param name {@code table1}, {@code rows}, {@code means}, {@code shares}, {@code tests} or {@code design}
     * @return that table
     */
    public ResultTable table(String name) {
        return switch (name) {
            case "table1" -> table();
            case "rows" -> rows();
            case "means" -> means();
            case "shares" -> shares();
            case "tests" -> tests();
            case "design" -> design();
            default -> throw new PluralstatsException("no forms table \"" + name
                    + "\"; the tables are table1, rows, means, shares, tests, design");
        };
    }

    /** @return the head of Table 1 */
    @Override
    public String toString() {
        return table().toString();
    }

    private static boolean scale(Item i) {
        return i.kind() == ItemKind.SCALE || i.kind() == ItemKind.NUMERIC;
    }

    private static Double number(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }
}
