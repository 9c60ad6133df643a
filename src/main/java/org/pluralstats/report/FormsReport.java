package org.pluralstats.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.pluralstats.SafeText;
import org.pluralstats.compare.GroupComparison;
import org.pluralstats.compare.GroupTest;
import org.pluralstats.compare.ItemSummary;
import org.pluralstats.data.Accounting;
import org.pluralstats.data.Item;
import org.pluralstats.data.ItemKind;
import org.pluralstats.data.ShortestDecimal;
import org.pluralstats.io.forms.FormsGroup;
import org.pluralstats.io.forms.FormsSurvey;
import org.pluralstats.io.forms.GoogleFormsReader;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.LikertSummary;
import org.pluralstats.stats.Proportion;

/**
 * The group comparison of a Google Forms survey as Markdown (laid out like the pilot paper's Table 1,
 * then per-item details and the group tests), JSON (full precision, {@code null} for undefined) or CSV
 * (one row per group × item × option).
 *
 * <p>Table cells: means of scale items to 2 decimals, the share of the reported option of a
 * single-choice item as a percentage to 1 decimal, both rounded half to even on the exact value of
 * the double (as Python's {@code round}), which is how the paper's 3.125 became 3.12.
 */
public final class FormsReport {
    private final FormsSurvey survey;
    private final GroupComparison comparison;
    private final Map<String, String> reportedOption;

    private FormsReport(FormsSurvey survey, GroupComparison comparison, Map<String, String> reportedOption) {
        this.survey = survey;
        this.comparison = comparison;
        this.reportedOption = reportedOption;
    }

    /**
     * @param survey the survey read from the exports
     * @param reportedOptions item id to the canonical option whose share the table shows; items not
     *     named show their second canonical option when they have exactly two (Model B of A/B)
     * @return the report
     */
    public static FormsReport of(FormsSurvey survey, Map<String, String> reportedOptions) {
        GroupComparison cmp = GroupComparison.of(survey.data(), FormsSurvey.GROUP);
        Map<String, String> chosen = new LinkedHashMap<>();
        for (Item item : cmp.items()) {
            List<String> canonical = cmp.canonicalOptions(item.id());
            String wanted = reportedOptions.get(item.id());
            if (wanted != null) {
                if (!canonical.contains(wanted)) {
                    throw new org.pluralstats.PluralstatsException("item " + item.id() + " has no option \"" + wanted
                            + "\"; options: " + String.join(", ", canonical));
                }
                chosen.put(item.id(), wanted);
            } else if (item.kind() == ItemKind.CHOICE && canonical.size() == 2) {
                chosen.put(item.id(), canonical.get(1));
            }
        }
        return new FormsReport(survey, cmp, chosen);
    }

    /** @return the survey behind the report */
    public FormsSurvey survey() {
        return survey;
    }

    /**
     * @param itemId an item
     * @return the canonical option whose share the item's Table 1 cell shows; empty for scale items
     *     and choice items without one
     */
    public Optional<String> reportedOption(String itemId) {
        return Optional.ofNullable(reportedOption.get(itemId));
    }

    /** @return the comparison behind the report */
    public GroupComparison comparison() {
        return comparison;
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

    /** @return the items that have a Table 1 column: scale items and choice items with a reported option */
    public List<Item> tableItems() {
        List<Item> out = new ArrayList<>();
        for (Item i : comparison.items()) {
            if (i.kind() == ItemKind.SCALE || i.kind() == ItemKind.NUMERIC || reportedOption.containsKey(i.id())) {
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

    /** @return the Markdown report: Table 1, accounting, per-item details, group tests */
    public String markdown() {
        StringBuilder sb = new StringBuilder(tableMarkdown());
        sb.append("\n### Rows read\n\n| Group | file style | rows read | kept | excluded |\n|---|---|---:|---:|---|\n");
        for (FormsGroup g : survey.groupDetails()) {
            Accounting a = g.accounting();
            sb.append("| ").append(Tables.cell(g.name())).append(" | ").append(g.style().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(a.inputRows()).append(" | ").append(a.kept()).append(" | ")
                    .append(a.excluded().isEmpty() ? "none" : a.excluded().toString().replaceAll("[{}]", ""))
                    .append(" |\n");
        }
        // the tests of each item, found once: one pass over the tests per item was quadratic in items
        Map<String, List<GroupTest>> testsOf = new LinkedHashMap<>();
        for (GroupTest t : comparison.tests()) {
            testsOf.computeIfAbsent(t.item(), k -> new ArrayList<>()).add(t);
        }
        for (Item item : comparison.items()) {
            sb.append("\n### ").append(Tables.cell(item.id())).append(" (").append(item.kind().jsonName()).append(")");
            if (!item.label().isEmpty()) {
                sb.append(": ").append(SafeText.forDisplay(item.label().replace('\n', ' ')));
            }
            sb.append("\n\n");
            if (item.kind() == ItemKind.SCALE || item.kind() == ItemKind.NUMERIC) {
                sb.append("| Group | n | missing | mean | SD | median | IQR | 95% CI of mean | top-2 | bottom-2 |\n")
                        .append("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
                for (String g : comparison.groups()) {
                    LikertSummary l = ((ItemSummary.Scale) comparison.summary(g, item.id())).likert();
                    sb.append("| ").append(Tables.cell(g)).append(" | ").append(l.n()).append(" | ").append(l.missing()).append(" | ")
                            .append(fmt(l.mean(), 2)).append(" | ").append(fmt(l.standardDeviation(), 2)).append(" | ")
                            .append(fmt(l.median(), 1)).append(" | ").append(fmt(l.interquartileRange(), 2))
                            .append(" | ").append(interval(l.meanInterval(), 1, 2)).append(" | ")
                            .append(percent(l.topTwoBoxShare())).append(" | ").append(percent(l.bottomTwoBoxShare()))
                            .append(" |\n");
                }
            } else if (item.kind() == ItemKind.CHOICE || item.kind() == ItemKind.MULTI_CHOICE) {
                sb.append("| Group | n | option | share | 95% Wilson CI |\n|---|---:|---|---:|---|\n");
                for (String g : comparison.groups()) {
                    ItemSummary s = comparison.summary(g, item.id());
                    Map<String, Proportion> shares = s instanceof ItemSummary.Choice c ? c.shares()
                            : ((ItemSummary.Multi) s).shares();
                    Map<String, String> texts = survey.group(g).options(item.id());
                    for (Map.Entry<String, Proportion> e : shares.entrySet()) {
                        String text = texts.getOrDefault(e.getKey(), e.getKey());
                        String shown = text.equals(e.getKey()) ? text : e.getKey() + " (" + text + ")";
                        sb.append("| ").append(Tables.cell(g)).append(" | ").append(s.n()).append(" | ")
                                .append(Tables.cell(shown.replace('\n', ' '))).append(" | ")
                                .append(percent(e.getValue().estimate())).append(" | ")
                                .append(interval(e.getValue().wilsonInterval(), 100, 1)).append(" |\n");
                    }
                }
            } else {
                for (String g : comparison.groups()) {
                    ItemSummary s = comparison.summary(g, item.id());
                    sb.append("- ").append(Tables.cell(g)).append(": ").append(s.n()).append(" answered, ").append(s.missing())
                            .append(" missing\n");
                }
            }
            for (GroupTest t : testsOf.getOrDefault(item.id(), List.of())) {
                sb.append('\n').append(testLine(t)).append('\n');
                if (!t.pairwise().isEmpty()) {
                    sb.append("\n| pair | U | p | p (Holm) | method |\n|---|---:|---:|---:|---|\n");
                    for (GroupTest.Pairwise p : t.pairwise()) {
                        sb.append("| ").append(Tables.cell(p.first())).append(" – ").append(Tables.cell(p.second())).append(" | ")
                                .append(ShortestDecimal.format(p.u())).append(" | ").append(pValue(p.p())).append(" | ")
                                .append(pValue(p.pHolm())).append(" | ").append(p.method()).append(" |\n");
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * @return the Markdown of Table 1 alone: a heading, one row per group with its n and each table
     *     item's cell at the paper's rounding, and a line saying what the cells are
     */
    public String tableMarkdown() {
        StringBuilder sb = new StringBuilder();
        List<Item> cols = tableItems();
        sb.append("## Group comparison (Table 1 layout)\n\n| Group | n |");
        for (Item i : cols) {
            sb.append(' ').append(Tables.cell(i.id()));
            if (reportedOption.containsKey(i.id())) {
                String o = SafeText.forDisplay(reportedOption.get(i.id()).replace('|', '/').replace('\n', ' '));
                sb.append(" (% ").append(o.length() > 24 ? o.substring(0, 23) + "…" : o).append(')');
            }
            sb.append(" |");
        }
        sb.append("\n|---|---:|");
        sb.append("---:|".repeat(cols.size()));
        sb.append('\n');
        for (String g : comparison.groups()) {
            sb.append("| ").append(Tables.cell(g)).append(" | ").append(survey.accounting(g).kept()).append(" |");
            for (Item i : cols) {
                OptionalDouble v = cell(g, i.id());
                sb.append(' ').append(v.isPresent() ? round(v.getAsDouble(), decimals(i.id())) : "–").append(" |");
            }
            sb.append('\n');
        }
        sb.append("\nScale items: mean; choice items: % of respondents choosing the option named in the header.\n");
        return sb.toString();
    }

    private static String testLine(GroupTest t) {
        String name = t.test().equals("kruskal-wallis") ? "Kruskal–Wallis H" : "Chi-square";
        if (t.statistic().isEmpty()) {
            return name + ": not computed (" + t.note() + ")";
        }
        return name + " = " + String.format(Locale.ROOT, "%.3f", t.statistic().getAsDouble()) + ", df = " + t.df()
                + ", p = " + pValue(t.p().orElse(Double.NaN)) + (t.note().isEmpty() ? "" : " (" + t.note() + ")");
    }

    private static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "–";
        }
        return p < 0.001 ? String.format(Locale.ROOT, "%.2e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String fmt(OptionalDouble v, int decimals) {
        return v.isPresent() ? round(v.getAsDouble(), decimals) : "–";
    }

    private static String percent(OptionalDouble v) {
        return v.isPresent() ? round(100 * v.getAsDouble(), 1) + "%" : "–";
    }

    private static String interval(Optional<ConfidenceInterval> ci, double multiplier, int decimals) {
        if (ci.isEmpty()) {
            return "–";
        }
        return "[" + round(multiplier * ci.get().lower(), decimals) + ", "
                + round(multiplier * ci.get().upper(), decimals) + "]";
    }

    /** @return the JSON report: groups with accounting and item summaries, then the tests */
    public ObjectNode json() {
        ObjectNode root = Json.object();
        ArrayNode groups = root.putArray("groups");
        for (String g : comparison.groups()) {
            FormsGroup details = survey.group(g);
            Accounting a = details.accounting();
            ObjectNode go = groups.addObject();
            go.put("group", g);
            go.put("file", details.file().getFileName().toString());
            go.put("style", details.style().name().toLowerCase(Locale.ROOT));
            go.put("respondents", a.kept());
            go.put("rowsRead", a.inputRows());
            go.put("duplicatesExcluded", a.excluded(GoogleFormsReader.DUPLICATE_EMAIL)
                    + a.excluded(GoogleFormsReader.DUPLICATE_ANSWERS));
            ObjectNode ex = go.putObject("excluded");
            a.excluded().forEach(ex::put);
            ArrayNode items = go.putArray("items");
            for (Item item : comparison.items()) {
                items.add(itemJson(g, comparison.summary(g, item.id())));
            }
        }
        ArrayNode tests = root.putArray("tests");
        for (GroupTest t : comparison.tests()) {
            ObjectNode o = tests.addObject();
            o.put("item", t.item());
            o.put("test", t.test());
            Json.put(o, "statistic", t.statistic());
            o.put("df", t.df());
            Json.put(o, "p", t.p());
            ArrayNode gs = o.putArray("groups");
            t.groups().forEach(gs::add);
            if (!t.pairwise().isEmpty()) {
                ArrayNode pw = o.putArray("pairwise");
                for (GroupTest.Pairwise p : t.pairwise()) {
                    ObjectNode po = pw.addObject();
                    po.put("first", p.first());
                    po.put("second", p.second());
                    Json.put(po, "u", p.u());
                    Json.put(po, "p", p.p());
                    Json.put(po, "pHolm", p.pHolm());
                    po.put("method", p.method());
                }
            }
            if (!t.note().isEmpty()) {
                o.put("note", t.note());
            }
        }
        return root;
    }

    private ObjectNode itemJson(String group, ItemSummary s) {
        ObjectNode o = Json.object();
        Item item = s.item();
        o.put("item", item.id());
        o.put("label", survey.group(group).headers().getOrDefault(item.id(), item.label()));
        o.put("kind", item.kind().jsonName());
        o.put("n", s.n());
        o.put("missing", s.missing());
        if (s instanceof ItemSummary.Scale sc) {
            LikertSummary l = sc.likert();
            Json.put(o, "mean", l.mean());
            Json.put(o, "sd", l.standardDeviation());
            Json.put(o, "median", l.median());
            Json.put(o, "q1", l.firstQuartile());
            Json.put(o, "q3", l.thirdQuartile());
            Json.put(o, "iqr", l.interquartileRange());
            Json.put(o, "ciLow", l.meanInterval().map(ConfidenceInterval::lower).orElse(Double.NaN));
            Json.put(o, "ciHigh", l.meanInterval().map(ConfidenceInterval::upper).orElse(Double.NaN));
            Json.put(o, "top2", l.topTwoBoxShare());
            Json.put(o, "bottom2", l.bottomTwoBoxShare());
            ObjectNode counts = o.putObject("counts");
            l.counts().forEach((k, v) -> counts.put(Integer.toString(k), v));
        } else if (s instanceof ItemSummary.Choice c) {
            shares(o, c.shares(), survey.group(group).options(item.id()));
        } else if (s instanceof ItemSummary.Multi m) {
            shares(o, m.shares(), survey.group(group).options(item.id()));
        }
        return o;
    }

    private static void shares(ObjectNode o, Map<String, Proportion> shares, Map<String, String> texts) {
        ObjectNode sh = o.putObject("shares");
        ObjectNode counts = o.putObject("counts");
        ObjectNode ci = o.putObject("intervals");
        for (Map.Entry<String, Proportion> e : shares.entrySet()) {
            Json.put(sh, e.getKey(), e.getValue().estimate());
            counts.put(e.getKey(), e.getValue().count());
            ArrayNode a = ci.putArray(e.getKey());
            Optional<ConfidenceInterval> w = e.getValue().wilsonInterval();
            Json.add(a, w.map(ConfidenceInterval::lower).orElse(Double.NaN));
            Json.add(a, w.map(ConfidenceInterval::upper).orElse(Double.NaN));
        }
        if (texts.entrySet().stream().anyMatch(e -> !e.getKey().equals(e.getValue()))) {
            ObjectNode t = o.putObject("optionTexts");
            texts.forEach(t::put);
        }
    }

    /**
     * @return CSV with header {@code group,item,kind,option,n,missing,mean,sd,median,q1,q3,share,ciLow,ciHigh};
     *     one row per scale item and group (option empty), one per option of choice items
     */
    public String csv() {
        StringBuilder sb = new StringBuilder("group,item,kind,option,n,missing,mean,sd,median,q1,q3,share,ciLow,ciHigh\n");
        for (String g : comparison.groups()) {
            for (Item item : comparison.items()) {
                ItemSummary s = comparison.summary(g, item.id());
                String head = Csv.field(g) + "," + Csv.field(item.id()) + "," + item.kind().jsonName() + ",";
                if (s instanceof ItemSummary.Scale sc) {
                    LikertSummary l = sc.likert();
                    sb.append(head).append(',').append(s.n()).append(',').append(s.missing()).append(',')
                            .append(Csv.number(l.mean())).append(',').append(Csv.number(l.standardDeviation()))
                            .append(',').append(Csv.number(l.median())).append(',')
                            .append(Csv.number(l.firstQuartile())).append(',').append(Csv.number(l.thirdQuartile()))
                            .append(",,").append(Csv.number(l.meanInterval().map(ConfidenceInterval::lower)))
                            .append(',').append(Csv.number(l.meanInterval().map(ConfidenceInterval::upper)))
                            .append('\n');
                } else if (s instanceof ItemSummary.Choice || s instanceof ItemSummary.Multi) {
                    Map<String, Proportion> shares = s instanceof ItemSummary.Choice c ? c.shares()
                            : ((ItemSummary.Multi) s).shares();
                    for (Map.Entry<String, Proportion> e : shares.entrySet()) {
                        Optional<ConfidenceInterval> w = e.getValue().wilsonInterval();
                        sb.append(head).append(Csv.field(e.getKey())).append(',').append(s.n()).append(',')
                                .append(s.missing()).append(",,,,,,").append(Csv.number(e.getValue().estimate()))
                                .append(',').append(Csv.number(w.map(ConfidenceInterval::lower))).append(',')
                                .append(Csv.number(w.map(ConfidenceInterval::upper))).append('\n');
                    }
                } else {
                    sb.append(head).append(',').append(s.n()).append(',').append(s.missing()).append(",,,,,,,,\n");
                }
            }
        }
        return sb.toString();
    }
}
