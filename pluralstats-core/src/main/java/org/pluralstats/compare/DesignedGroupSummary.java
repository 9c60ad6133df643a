package org.pluralstats.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.CategoricalColumn;
import org.pluralstats.data.Column;
import org.pluralstats.data.Item;
import org.pluralstats.data.MultiChoiceColumn;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.SurveyData;
import org.pluralstats.design.DesignEstimate;
import org.pluralstats.design.DesignSpec;
import org.pluralstats.design.DomainMethod;
import org.pluralstats.design.ProportionMethod;
import org.pluralstats.design.TaylorDesign;

/**
 * The per-group item summaries of a {@link GroupComparison} estimated on a survey design: each group a
 * separate sample with its own design ({@link DesignSpec#build} over the group's respondents), as the groups
 * of a multilingual Forms survey are separate exports. The design-based companion of Table 1 (issue 14); the
 * unweighted {@link GroupComparison} is unchanged.
 *
 * <ul>
 *   <li>Scale and numeric items: the weighted mean, its Taylor-linearised SE and t interval on the group
 *       design's degrees of freedom, R's {@code svymean(~Q, design_g, na.rm = TRUE)} and
 *       {@code confint(…, df = degf(design_g))} ({@link TaylorDesign#mean}).</li>
 *   <li>Single-choice items, each option: the share among those who answered with the logit interval, R's
 *       {@code svyciprop(~I(Q == option), subset(design_g, !is.na(Q)), method = "logit", df = degf(design_g))},
 *       SE that of {@code svymean} of the indicator ({@link TaylorDesign#proportion}).</li>
 *   <li>Checkbox items, each option: the same for "ticked" among those who answered the item.</li>
 * </ul>
 *
 * <p>Degenerate input: a group without respondents has no estimates; a share of 0 or 1 has an undefined
 * ({@code NaN}) logit interval, as in R; an item nobody in the group answered has {@code NaN} estimates
 * ({@code n = 0}). A design that cannot be built for a group (one PSU, a missing cluster) is an error naming
 * the group. Only Taylor designs with separate designs per group are supported: domains of one design and
 * replicate weights are refused with a message.
 *
 * <pre>{@code
 * DesignSpec spec = new DesignSpec(List.of("cluster"), List.of("stratum"), List.of(), false, LonelyPsu.FAIL,
 *         DomainMethod.SEPARATE_DESIGNS);
 * DesignedGroupSummary d = DesignedGroupSummary.of(survey.data(), "group", "weight", spec);
 * DesignEstimate q1 = d.mean("Farsi", "Q1").orElseThrow().estimate();   // svymean, SE, CI, df
 * }</pre>
 */
public final class DesignedGroupSummary {
    /** The default confidence level of the intervals. */
    public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

    /**
     * One design-based estimate of one group and item.
     *
     * @param group the group
     * @param item the item id
     * @param option the option (as stored in the data) of a share; empty for a mean
     * @param n respondents of the group who answered the item
     * @param estimate the estimate, SE, interval and its degrees of freedom ({@code NaN} where undefined)
     */
    public record Estimate(String group, String item, Optional<String> option, int n, DesignEstimate estimate) {
        /** Checks for nulls. */
        public Estimate {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(estimate, "estimate");
        }
    }

    private final List<String> groups;
    private final String weight;
    private final DesignSpec design;
    private final double level;
    private final List<Estimate> estimates;
    private final Map<String, Estimate> byKey;

    private DesignedGroupSummary(List<String> groups, String weight, DesignSpec design, double level,
                                 List<Estimate> estimates) {
        this.groups = List.copyOf(groups);
        this.weight = weight;
        this.design = design;
        this.level = level;
        this.estimates = List.copyOf(estimates);
        this.byKey = new LinkedHashMap<>();
        for (Estimate e : estimates) {
            byKey.put(key(e.group(), e.item(), e.option().orElse(null)), e);
        }
    }

    /**
     * @param data the survey
     * @param groupAttribute the column that holds each respondent's group
     * @param weight the numeric column of sampling weights (each {@code > 0})
     * @param design clusters, strata and fpc by column ({@link DesignSpec#simple()}: weights only)
     * @return the estimates at the 95% level
     */
    public static DesignedGroupSummary of(SurveyData data, String groupAttribute, String weight, DesignSpec design) {
        return of(data, groupAttribute, weight, design, DEFAULT_CONFIDENCE_LEVEL);
    }

    /**
     * @param data the survey
     * @param groupAttribute the column that holds each respondent's group
     * @param weight the numeric column of sampling weights (each {@code > 0})
     * @param design clusters, strata and fpc by column ({@link DesignSpec#simple()}: weights only)
     * @param level the confidence level of the intervals, in (0, 1)
     * @return the estimates
     * @throws PluralstatsException if the weight is not numeric, missing or not positive, the design is a
     *     replicate or domain design, or a group's design cannot be built
     */
    public static DesignedGroupSummary of(SurveyData data, String groupAttribute, String weight, DesignSpec design,
                                          double level) {
        Objects.requireNonNull(design, "design");
        if (!design.repweights().isEmpty()) {
            throw new PluralstatsException("the Forms summaries take a Taylor design (weights, clusters, strata, fpc);"
                    + " replicate weights are not supported here");
        }
        if (design.method() == DomainMethod.DOMAIN) {
            throw new PluralstatsException("the groups of a Forms survey are separate samples, each its own design;"
                    + " domains of one design are not supported here");
        }
        double[] w = weights(data, weight);
        Map<String, int[]> groupRows = data.groupRows(groupAttribute);
        List<String> groups = new ArrayList<>();
        if (data.column(groupAttribute).orElseThrow() instanceof CategoricalColumn gc) {
            groups.addAll(gc.levels());
        } else {
            groups.addAll(groupRows.keySet());
        }
        List<Estimate> out = new ArrayList<>();
        for (String g : groups) {
            int[] rows = groupRows.getOrDefault(g, new int[0]);
            if (rows.length == 0) {
                continue;
            }
            try {
                TaylorDesign d = (TaylorDesign) design.build(data, w, rows);
                for (Item item : data.items()) {
                    estimate(g, data.require(item.id()), rows, d, level, out);
                }
            } catch (PluralstatsException e) {
                throw new PluralstatsException("group " + g + ": " + e.getMessage(), e);
            }
        }
        return new DesignedGroupSummary(groups, weight, design, level, out);
    }

    private static void estimate(String g, Column column, int[] rows, TaylorDesign d, double level,
                                 List<Estimate> out) {
        String id = column.item().id();
        int m = rows.length;
        if (column instanceof NumericColumn num) {
            double[] y = new double[m];
            int n = 0;
            for (int i = 0; i < m; i++) {
                y[i] = num.isMissing(rows[i]) ? Double.NaN : num.value(rows[i]);
                n += num.isMissing(rows[i]) ? 0 : 1;
            }
            out.add(new Estimate(g, id, Optional.empty(), n, d.mean(y, null, level)));
        } else if (column instanceof CategoricalColumn c) {
            int[] code = new int[m];
            long[] counts = new long[c.levels().size()];
            int n = 0;
            for (int i = 0; i < m; i++) {
                code[i] = c.code(rows[i]);
                if (code[i] >= 0) {
                    counts[code[i]]++;
                    n++;
                }
            }
            for (int o = 0; o < counts.length; o++) {
                if (counts[o] == 0 && o >= column.item().options().size()) {
                    continue; // another group's option: as in the shares table, this group does not list it
                }
                double[] y = new double[m];
                for (int i = 0; i < m; i++) {
                    y[i] = code[i] < 0 ? Double.NaN : code[i] == o ? 1 : 0;
                }
                out.add(new Estimate(g, id, Optional.of(c.levels().get(o)), n,
                        d.proportion(y, null, ProportionMethod.LOGIT, level)));
            }
        } else if (column instanceof MultiChoiceColumn mc) {
            int n = 0;
            for (int r : rows) {
                n += mc.isMissing(r) ? 0 : 1;
            }
            for (int o = 0; o < mc.options().size(); o++) {
                double[] y = new double[m];
                long ticked = 0;
                for (int i = 0; i < m; i++) {
                    if (mc.isMissing(rows[i])) {
                        y[i] = Double.NaN;
                    } else {
                        boolean t = false;
                        for (int s : mc.selected(rows[i])) {
                            t |= s == o;
                        }
                        y[i] = t ? 1 : 0;
                        ticked += t ? 1 : 0;
                    }
                }
                if (ticked == 0 && o >= column.item().options().size()) {
                    continue;
                }
                out.add(new Estimate(g, id, Optional.of(mc.options().get(o)), n,
                        d.proportion(y, null, ProportionMethod.LOGIT, level)));
            }
        }
        // free-text items have no estimate
    }

    private static double[] weights(SurveyData data, String weight) {
        Column c = data.require(weight);
        if (!(c instanceof NumericColumn num)) {
            throw new PluralstatsException(data.source() + ": the weight column " + c.item().id() + " is not numeric");
        }
        double[] w = new double[data.rows()];
        for (int r = 0; r < w.length; r++) {
            if (num.isMissing(r) || !(num.value(r) > 0) || Double.isInfinite(num.value(r))) {
                throw new PluralstatsException(data.source() + ": respondent " + data.id(r) + " (row " + (r + 1)
                        + "): the weight " + c.item().id() + " is " + (num.isMissing(r) ? "missing"
                        : SurveyData.formatNumber(num.value(r))) + "; weights must be positive numbers");
            }
            w[r] = num.value(r);
        }
        return w;
    }

    private static String key(String group, String item, String option) {
        return group + '\u0000' + item + '\u0000' + (option == null ? "" : "\u0001" + option);
    }

    /** @return the groups, in the attribute's level order (groups without respondents have no estimates) */
    public List<String> groups() {
        return groups;
    }

    /** @return the weight column */
    public String weight() {
        return weight;
    }

    /** @return the design by column names */
    public DesignSpec design() {
        return design;
    }

    /** @return the confidence level of the intervals */
    public double confidenceLevel() {
        return level;
    }

    /**
     * @return the design as R's call, per group: {@code svydesign(ids = ~cluster, strata = ~stratum, weights =
     *     ~weight); a separate design per population}
     */
    public String describe() {
        return design.describe(weight);
    }

    /** @return every estimate: per group, per item in data order, per option in level order */
    public List<Estimate> estimates() {
        return estimates;
    }

    /**
     * @param group a group
     * @param itemId a scale or numeric item
     * @return the design-based mean; empty when the group has no respondents or the item is not numeric
     */
    public Optional<Estimate> mean(String group, String itemId) {
        return Optional.ofNullable(byKey.get(key(group, itemId, null)));
    }

    /**
     * @param group a group
     * @param itemId a choice or checkbox item
     * @param option the option as stored in the data (the group's text, or the codebook code)
     * @return the design-based share; empty when there is none for that option
     */
    public Optional<Estimate> share(String group, String itemId, String option) {
        return Optional.ofNullable(byKey.get(key(group, itemId, option)));
    }

    /** @return the design and the number of estimates */
    @Override
    public String toString() {
        return "DesignedGroupSummary[" + describe() + "; " + estimates.size() + " estimates]";
    }
}
