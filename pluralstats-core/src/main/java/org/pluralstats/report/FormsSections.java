package org.pluralstats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pluralstats.compare.GroupComparison;
import org.pluralstats.compare.ItemSummary;
import org.pluralstats.data.Item;
import org.pluralstats.data.ItemKind;
import org.pluralstats.io.forms.FormsGroup;
import org.pluralstats.io.forms.FormsSurvey;
import org.pluralstats.report.html.ReportSection;
import org.pluralstats.run.AnalysisRun;
import org.pluralstats.run.FormsComparison;
import org.pluralstats.report.html.ReportTable;
import org.pluralstats.report.svg.Estimate;
import org.pluralstats.report.svg.ChartStyle;
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
     * @param forms the survey's comparison and the published table checked, if any
     * @return the section
     */
    public static ReportSection of(String id, String title, AnalysisRun.FormsRun forms) {
        FormsComparison report = forms.comparison();
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
            IntervalChart.Builder means = meansChart(report, scaleItems, groups, groupLabels);
            // a t interval may leave the scale (mean ± t·SD/√n of a small group); the chart clips it to the
            // scale and says so, the tables keep it exact
            List<String> clipped = means.clippedIntervals();
            String scale = scale(scaleItems).map(r -> ChartStyle.format(r[0], 0) + "\u2013" + ChartStyle.format(r[1], 0))
                    .orElse("");
            if (!scale.isEmpty()) {
                means.clipNote("\u25BC/\u25B2 A t interval that leaves the scale " + scale + " is clipped to it and ends in an "
                        + "arrowhead: " + String.join("; ", clipped) + ". The tables give the exact intervals.");
            }
            s.chart(id + "-means", means,
                    "Mean agreement per item and group with 95% t intervals of the mean (LikertSummary: "
                            + "mean ± t(0.975, n−1)·SD/√n). The points are Table 1's cells before rounding."
                            + (clipped.isEmpty() ? "" : " Intervals clipped to the scale " + (scale.isEmpty() ? "" : scale + " ")
                            + "are marked with an arrowhead at the clipped end (" + String.join("; ", clipped)
                            + "); the tables keep the exact, unclipped t intervals."));
        }
        for (Item i : report.tableItems()) {
            Optional<String> option = report.reportedOption(i.id());
            if (option.isPresent()) {
                String name = optionLabel(survey, i.id(), option.get());
                s.chart(id + "-share-" + i.id().toLowerCase(java.util.Locale.ROOT),
                        shareChart(report, i, option.get(), name, groups, groupLabels),
                        "Share choosing " + name + " in " + i.id() + " per group, with Wilson 95% intervals; "
                                + "under each group its own wording of the option.");
            }
        }
        // the same tables, byte for byte, as pluralstats forms --table NAME prints them
        s.table(ReportTable.of(id + "-table1", report.table(), false));
        s.table(ReportTable.of(id + "-rows", report.rows(), true));
        s.table(ReportTable.of(id + "-means", report.means(), true));
        s.table(ReportTable.of(id + "-shares", report.shares(), true));
        if (report.designSummary().isPresent()) {
            s.paragraph("Design-based estimates: " + report.designSummary().get().describe() + ", weights "
                    + report.designSummary().get().weight() + "; Table 1 above stays unweighted.");
            s.table(ReportTable.of(id + "-design", report.design(), true));
        }
        for (String w : report.warnings()) {
            s.paragraph("Warning: " + w + ".");
        }
        s.table(ReportTable.of(id + "-tests", report.tests(), false));
        forms.check().ifPresent(c -> s.table(ReportTable.of(id + "-grim", c.table(), false)));
        return s.build();
    }

    private static IntervalChart.Builder meansChart(FormsComparison report, List<Item> items, List<String> groups, List<String> labels) {
        GroupComparison cmp = report.comparison();
        List<String> ids = new ArrayList<>();
        for (Item i : items) {
            ids.add(i.id());
        }
        SeriesData.Builder d = SeriesData.builder(ids);
        for (int k = 0; k < items.size(); k++) {
            d.subLabel(k, List.of(shortLabel(items.get(k))));
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
        scale(items).ifPresent(r -> c.yRange(r[0], r[1]));
        return c;
    }

    /** @return the lowest minimum and highest maximum of the items' scales, when they span a range */
    private static Optional<double[]> scale(List<Item> items) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Item i : items) {
            if (i.scale().isPresent()) {
                lo = Math.min(lo, i.scale().get().min());
                hi = Math.max(hi, i.scale().get().max());
            }
        }
        return lo < hi ? Optional.of(new double[] {lo, hi}) : Optional.empty();
    }

    private static String optionLabel(FormsSurvey survey, String itemId, String option) {
        return survey.codebook().flatMap(c -> c.item(itemId)).flatMap(ci -> ci.options().stream()
                .filter(o -> o.code().equals(option)).findFirst()).map(o -> o.label()).filter(l -> !l.isBlank())
                .orElse(option);
    }

    private static IntervalChart.Builder shareChart(FormsComparison report, Item item, String option, String name, List<String> groups,
                                     List<String> labels) {
        GroupComparison cmp = report.comparison();
        SeriesData.Builder d = SeriesData.builder(labels);
        List<Estimate> es = new ArrayList<>();
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
                d.subLabel(g, List.of(own));
            }
        }
        d.series("% choosing " + name, es);
        return IntervalChart.builder(item.id() + ": share choosing " + name + " per group", d.build())
                .subtitle(shortLabel(item)).yRange(0, 100).unit("%").valueDecimals(1).valueLabels(true)
                .yLabel("% of respondents (Wilson 95% CI)").xLabel("language group").legendAlways(true);
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
}
