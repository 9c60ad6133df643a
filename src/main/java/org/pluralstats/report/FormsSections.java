package org.pluralstats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pluralstats.compare.GroupComparison;
import org.pluralstats.compare.GroupTest;
import org.pluralstats.compare.ItemSummary;
import org.pluralstats.data.Accounting;
import org.pluralstats.data.Item;
import org.pluralstats.data.ItemKind;
import org.pluralstats.io.forms.FormsGroup;
import org.pluralstats.io.forms.FormsSurvey;
import org.pluralstats.report.html.ReportSection;
import org.pluralstats.report.html.ReportTable;
import org.pluralstats.report.svg.ChartStyle;
import org.pluralstats.report.svg.Estimate;
import org.pluralstats.report.svg.IntervalChart;
import org.pluralstats.report.svg.SeriesData;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.LikertSummary;
import org.pluralstats.stats.Proportion;

/**
 * The report section of a multilingual Google Forms survey: its group means with 95% t intervals per
 * scale item (Table 1 as a chart), the share of each choice item's reported option per group with
 * Wilson intervals, Table 1 itself, per-item details, the cross-group tests and, when a published
 * table was given, its GRIM check.
 */
public final class FormsSections {
    private FormsSections() {
    }

    /**
     * @param id the section id, also the prefix of its figure and table ids ({@code forms})
     * @param title the heading
     * @param report the survey's comparison
     * @param checks the published table checked by {@link TableCheck}, or empty
     * @return the section
     */
    public static ReportSection of(String id, String title, FormsReport report, List<TableCheck.Cell> checks) {
        FormsSurvey survey = report.survey();
        GroupComparison cmp = report.comparison();
        List<String> groups = cmp.groups();
        List<String> groupLabels = new ArrayList<>();
        for (String g : groups) {
            groupLabels.add(LanguageNames.label(g, survey.group(g).codebookLanguage()));
        }
        int total = 0;
        for (String g : groups) {
            total += survey.accounting(g).kept();
        }
        ReportSection.Builder s = ReportSection.builder(id, title);
        s.paragraph(total + " respondents in " + groups.size() + " groups (" + String.join(", ", groupLabels)
                + "), one Google Forms export per group" + (survey.codebook().isPresent()
                ? ", aligned by the codebook" : ", aligned by position") + ". Unweighted, as the pilot reports.");

        List<Item> scaleItems = new ArrayList<>();
        for (Item i : report.tableItems()) {
            if (i.kind() == ItemKind.SCALE || i.kind() == ItemKind.NUMERIC) {
                scaleItems.add(i);
            }
        }
        if (!scaleItems.isEmpty()) {
            s.figure(id + "-means", meansChart(report, scaleItems, groups, groupLabels),
                    "Mean agreement per item and group with 95% t intervals of the mean (LikertSummary: "
                            + "mean ± t(0.975, n−1)·SD/√n). The points are Table 1's cells before rounding.");
        }
        for (Item i : report.tableItems()) {
            Optional<String> option = report.reportedOption(i.id());
            if (option.isPresent()) {
                String name = optionLabel(survey, i.id(), option.get());
                s.figure(id + "-share-" + i.id().toLowerCase(java.util.Locale.ROOT),
                        shareChart(report, i, option.get(), name, groups, groupLabels),
                        "Share choosing " + name + " in " + i.id() + " per group, with Wilson 95% intervals; "
                                + "under each group its own wording of the option.");
            }
        }
        s.table(table1(id, report, groups));
        s.table(accounting(id, survey));
        s.table(means(id, report, groups));
        s.table(shares(id, report, groups));
        s.table(tests(id, cmp));
        if (!checks.isEmpty()) {
            s.table(grim(id, checks));
        }
        return s.build();
    }

    private static String meansChart(FormsReport report, List<Item> items, List<String> groups, List<String> labels) {
        GroupComparison cmp = report.comparison();
        List<String> ids = new ArrayList<>();
        for (Item i : items) {
            ids.add(i.id());
        }
        SeriesData.Builder d = SeriesData.builder(ids);
        double band = (IntervalChart.DEFAULT_WIDTH - 80) / Math.max(1.0, items.size());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < items.size(); k++) {
            Item i = items.get(k);
            d.subLabel(k, ChartStyle.wrap(shortLabel(i), ChartStyle.FONT_SIZE - 1, band - 8, 2));
            if (i.scale().isPresent()) {
                lo = Math.min(lo, i.scale().get().min());
                hi = Math.max(hi, i.scale().get().max());
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            List<Estimate> es = new ArrayList<>();
            for (Item i : items) {
                LikertSummary l = ((ItemSummary.Scale) cmp.summary(groups.get(g), i.id())).likert();
                Optional<ConfidenceInterval> ci = l.meanInterval();
                es.add(l.mean().isEmpty() ? Estimate.missing()
                        : Estimate.of(l.mean().getAsDouble(), ci.map(ConfidenceInterval::lower).orElse(Double.NaN),
                        ci.map(ConfidenceInterval::upper).orElse(Double.NaN)));
            }
            d.series(labels.get(g), es);
        }
        IntervalChart.Builder c = IntervalChart.builder("Group means with 95% confidence intervals", d.build())
                .subtitle("Table 1 as a chart: agreement per item and language group")
                .mark(IntervalChart.Mark.POINT).yLabel("mean agreement").xLabel("item");
        if (lo < hi) {
            c.yRange(lo, hi);
        }
        return c.render();
    }

    private static String optionLabel(FormsSurvey survey, String itemId, String option) {
        return survey.codebook().flatMap(c -> c.item(itemId)).flatMap(ci -> ci.options().stream()
                .filter(o -> o.code().equals(option)).findFirst()).map(o -> o.label()).filter(l -> !l.isBlank())
                .orElse(option);
    }

    private static String shareChart(FormsReport report, Item item, String option, String name, List<String> groups,
                                     List<String> labels) {
        GroupComparison cmp = report.comparison();
        SeriesData.Builder d = SeriesData.builder(labels);
        List<Estimate> es = new ArrayList<>();
        double band = (IntervalChart.DEFAULT_WIDTH - 80) / Math.max(1.0, groups.size());
        for (int g = 0; g < groups.size(); g++) {
            Optional<Proportion> p = cmp.share(groups.get(g), item.id(), option);
            if (p.isPresent() && p.get().estimate().isPresent()) {
                Optional<ConfidenceInterval> ci = p.get().wilsonInterval();
                es.add(Estimate.of(100 * p.get().estimate().getAsDouble(),
                        ci.map(c -> 100 * c.lower()).orElse(Double.NaN), ci.map(c -> 100 * c.upper()).orElse(Double.NaN)));
            } else {
                es.add(Estimate.missing());
            }
            String own = ownText(report.survey().group(groups.get(g)), item.id(), option);
            if (!own.isEmpty()) {
                d.subLabel(g, ChartStyle.wrap(own, ChartStyle.FONT_SIZE - 1, band - 10, 2));
            }
        }
        d.series("% choosing " + name, es);
        return IntervalChart.builder(item.id() + ": share choosing " + name + " per group", d.build())
                .subtitle(shortLabel(item)).yRange(0, 100).unit("%").valueDecimals(1).valueLabels(true)
                .yLabel("% of respondents (Wilson 95% CI)").xLabel("language group").legendAlways(true).render();
    }

    private static String ownText(FormsGroup group, String itemId, String canonical) {
        for (Map.Entry<String, String> e : group.options(itemId).entrySet()) {
            if (e.getKey().equals(canonical)) {
                return e.getValue();
            }
        }
        return "";
    }

    private static String shortLabel(Item i) {
        String l = i.label().replace('\n', ' ').strip();
        int colon = l.indexOf(':');
        return colon > 0 ? l.substring(0, colon) : l;
    }

    private static ReportTable table1(String id, FormsReport report, List<String> groups) {
        ReportTable.Builder t = ReportTable.builder(id + "-table1", "The paper's Table 1 reproduced: mean per scale item, "
                + "% choosing the reported option per choice item, rounded half to even as the paper").column("group").column("n");
        List<Item> cols = report.tableItems();
        for (Item i : cols) {
            Optional<String> o = report.reportedOption(i.id());
            t.column(o.isPresent() ? i.id() + " (% " + o.get() + ")" : i.id(), report.decimals(i.id()));
        }
        for (String g : groups) {
            List<Object> row = new ArrayList<>();
            row.add(g);
            row.add(report.survey().accounting(g).kept());
            for (Item i : cols) {
                row.add(report.cell(g, i.id()));
            }
            t.row(row.toArray());
        }
        return t.build();
    }

    private static ReportTable accounting(String id, FormsSurvey survey) {
        ReportTable.Builder t = ReportTable.builder(id + "-rows", "Rows read per export: kept and excluded")
                .column("group").column("file").column("style").column("rowsRead").column("kept").column("excluded")
                .collapsed(true);
        for (FormsGroup g : survey.groupDetails()) {
            Accounting a = g.accounting();
            t.row(g.name(), g.file().getFileName().toString(), g.style().name().toLowerCase(java.util.Locale.ROOT),
                    a.inputRows(), a.kept(), a.excluded().isEmpty() ? "none" : Counts.describe(a.excluded()));
        }
        return t.build();
    }

    private static ReportTable means(String id, FormsReport report, List<String> groups) {
        ReportTable.Builder t = ReportTable.builder(id + "-means", "Scale items per group: Likert summaries with the "
                        + "95% t interval of the mean")
                .column("group").column("item").column("n").column("missing").column("mean", 3).column("sd", 3)
                .column("median", 1).column("ciLow", 3).column("ciHigh", 3).column("topTwoBox", 3)
                .column("bottomTwoBox", 3).collapsed(true);
        for (Item i : report.comparison().items()) {
            if (i.kind() != ItemKind.SCALE && i.kind() != ItemKind.NUMERIC) {
                continue;
            }
            for (String g : groups) {
                LikertSummary l = ((ItemSummary.Scale) report.comparison().summary(g, i.id())).likert();
                Optional<ConfidenceInterval> ci = l.meanInterval();
                t.row(g, i.id(), l.n(), l.missing(), l.mean(), l.standardDeviation(), l.median(),
                        ci.map(ConfidenceInterval::lower).orElse(null), ci.map(ConfidenceInterval::upper).orElse(null),
                        l.topTwoBoxShare(), l.bottomTwoBoxShare());
            }
        }
        return t.build();
    }

    private static ReportTable shares(String id, FormsReport report, List<String> groups) {
        ReportTable.Builder t = ReportTable.builder(id + "-shares", "Choice items per group: share of each option "
                        + "with the Wilson 95% interval")
                .column("group").column("item").column("option").column("text").column("count").column("n")
                .column("share", 3).column("ciLow", 3).column("ciHigh", 3).collapsed(true);
        GroupComparison cmp = report.comparison();
        for (Item i : cmp.items()) {
            if (i.kind() != ItemKind.CHOICE && i.kind() != ItemKind.MULTI_CHOICE) {
                continue;
            }
            for (String g : groups) {
                ItemSummary s = cmp.summary(g, i.id());
                Map<String, Proportion> sh = s instanceof ItemSummary.Choice c ? c.shares() : ((ItemSummary.Multi) s).shares();
                Map<String, String> texts = report.survey().group(g).options(i.id());
                for (Map.Entry<String, Proportion> e : sh.entrySet()) {
                    Proportion p = e.getValue();
                    Optional<ConfidenceInterval> ci = p.wilsonInterval();
                    t.row(g, i.id(), e.getKey(), texts.getOrDefault(e.getKey(), e.getKey()), p.count(), p.n(),
                            p.estimate(), ci.map(ConfidenceInterval::lower).orElse(null),
                            ci.map(ConfidenceInterval::upper).orElse(null));
                }
            }
        }
        return t.build();
    }

    private static ReportTable tests(String id, GroupComparison cmp) {
        ReportTable.Builder t = ReportTable.builder(id + "-tests", "Tests across groups: Kruskal–Wallis H (scale items), "
                        + "chi-square of group × option (choice items); pairwise Mann–Whitney U with Holm-adjusted p")
                .column("item").column("test").column("pair").column("statistic", 3).column("df").column("p", 4)
                .column("pHolm", 4).column("note");
        for (GroupTest g : cmp.tests()) {
            t.row(g.item(), g.test(), "all groups", g.statistic(), g.df(), g.p(), null, g.note());
            for (GroupTest.Pairwise p : g.pairwise()) {
                t.row(g.item(), "mann-whitney-u (" + p.method() + ")", p.first() + " – " + p.second(), p.u(), null, p.p(),
                        p.pHolm(), "");
            }
        }
        return t.build();
    }

    private static ReportTable grim(String id, List<TableCheck.Cell> checks) {
        ReportTable.Builder t = ReportTable.builder(id + "-grim", "The published table checked: GRIM (Brown & Heathers "
                        + "2016) at each cell's n, and the data's mean at the published decimals")
                .column("group").column("item").column("reported").column("n").column("grim").column("dataMean")
                .column("matchesData");
        long bad = 0;
        for (TableCheck.Cell c : checks) {
            String g = !c.grim().applicable() ? "not applicable" : c.grim().consistent() ? "consistent"
                    : "inconsistent (nearest " + c.grim().nearestBelowText() + ", " + c.grim().nearestAboveText() + ")";
            bad += c.grim().consistent() ? 0 : 1;
            t.row(c.group(), c.item(), c.reported(), c.n(), g, c.computed(), c.matchesData() ? "yes" : "no");
        }
        return t.note(bad + " of " + checks.size() + " reported means are GRIM-inconsistent.").build();
    }
}
