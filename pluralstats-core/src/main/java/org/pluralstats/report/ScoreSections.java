package org.pluralstats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pluralstats.data.SurveyData;
import org.pluralstats.report.html.ReportSection;
import org.pluralstats.report.html.ReportTable;
import org.pluralstats.report.svg.ChartStyle;
import org.pluralstats.run.FileAgreement;
import org.pluralstats.report.svg.DotPlot;
import org.pluralstats.report.svg.Estimate;
import org.pluralstats.report.svg.HeatMap;
import org.pluralstats.report.svg.IntervalChart;
import org.pluralstats.report.svg.SeriesData;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.Correlation;
import org.pluralstats.weight.KishEffectiveSize;
import org.pluralstats.weight.PolarityDesign;
import org.pluralstats.weight.PopulationCorrelations;
import org.pluralstats.weight.ScoreCorrelations;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.ValuePolarityScore;

/**
 * The report section of value polarity scores on a WVS/EVS-style file: the matrix of correlations
 * between populations' score vectors (the seed paper's Figure 2), scores per population for a few
 * items with their logit intervals, respondents against Kish's effective size per population (what
 * the weights cost), the scores table, and — when the same data was read from several files — a check
 * that every file format gives the same scores.
 */
public final class ScoreSections {
    private ScoreSections() {
    }

    /** The tolerance under which two files' scores are reported as agreeing. */
    public static final double AGREEMENT_TOLERANCE = 1e-12;

    /**
     * @param id the section id and prefix of its figure and table ids ({@code scores})
     * @param title the heading
     * @param design the design the scores were estimated on
     * @param scores the scores
     * @param itemLabels item id to a short label (may be empty)
     * @param chartItems the items drawn in the per-population chart (the first six when empty)
     * @param agreements the same scores from other files of the same data (may be empty)
     * @return the section
     */
    public static ReportSection of(String id, String title, PolarityDesign design, ScoreTable scores,
                                   Map<String, String> itemLabels, List<String> chartItems,
                                   List<FileAgreement> agreements) {
        SurveyData data = design.data();
        List<String> pops = scores.populations();
        ReportSection.Builder s = ReportSection.builder(id, title);
        s.paragraph("Value polarity scores (Eq. 1 of Rystrøm, Kirk & Hale): the weighted share of positive answers per "
                + "population and item, with the linearised SE and the logit 95% interval of R survey's svyciprop. "
                + data.rows() + " respondents of " + fileName(data.source()) + ", " + design.items().size() + " items, "
                + pops.size() + " populations (" + design.populationSpec().describe() + "), weight "
                + design.weight().expression() + ".");

        // Figure 2: correlations between populations
        PopulationCorrelations corr = ScoreCorrelations.of(scores, Correlation.Method.PEARSON);
        double[][] m = new double[pops.size()][pops.size()];
        int k = 0;
        for (int i = 0; i < pops.size(); i++) {
            for (int j = 0; j < pops.size(); j++) {
                m[i][j] = corr.pairs().get(k++).r();
            }
        }
        s.chart(id + "-correlations", HeatMap.builder("Correlations between populations' value polarity scores", pops,
                                pops, m)
                        .subtitle("Pearson r over the items both populations have a score for (Figure 2 of the seed paper)")
                        .keyLabel("Pearson r").width(640),
                "Pearson correlation of each pair of populations' score vectors across " + scores.items().size()
                        + " items (ScoreCorrelations). Red: populations that agree on which values are held; blue: "
                        + "opposite patterns.");

        // scores per population for a few items
        List<String> items = new ArrayList<>(chartItems.isEmpty()
                ? scores.items().subList(0, Math.min(6, scores.items().size())) : chartItems);
        SeriesData.Builder d = SeriesData.builder(items);
        for (int i = 0; i < items.size(); i++) {
            String label = itemLabels.getOrDefault(items.get(i), "");
            if (!label.isEmpty()) {
                d.subLabel(i, List.of(label));
            }
        }
        for (String p : pops) {
            List<Estimate> es = new ArrayList<>();
            for (String it : items) {
                es.add(scores.get(p, it).map(v -> v.score().isPresent()
                        ? Estimate.of(v.vps(), ConfidenceInterval.lower(v.interval()),
                        ConfidenceInterval.upper(v.interval())) : Estimate.missing()).orElse(Estimate.missing()));
            }
            d.series(p, es);
        }
        s.chart(id + "-by-population", DotPlot.builder("Value polarity scores per population", d.build())
                        .subtitle("Weighted share of positive answers, with logit 95% intervals")
                        .xLabel("value polarity score (0 = no one positive, 1 = everyone)").range(0, 1)
                        .tickDecimals(1).maxLabelWidth(280),
                "Scores of " + items.size() + " items per population with their logit 95% intervals "
                        + "(ValuePolarityScores, weight " + design.weight().expression() + ").");

        // what the weights cost: n against Kish's effective size per population
        double[] w = design.weight().weights(data);
        Map<String, int[]> groups = design.populationSpec().groups(data);
        SeriesData.Builder nd = SeriesData.builder(pops);
        List<Estimate> ns = new ArrayList<>();
        List<Estimate> neff = new ArrayList<>();
        ReportTable.Builder wt = ReportTable.builder(id + "-weights", "Respondents and Kish's effective sample size "
                        + "per population: n_eff = (Σw)² / Σw²")
                .column("population").column("respondents").column("nEff", 1).column("efficiency", 3);
        boolean allOne = true;
        for (String p : pops) {
            int[] rows = groups.getOrDefault(p, new int[0]);
            double[] pw = new double[rows.length];
            int valid = 0;
            for (int r : rows) {
                if (w[r] > 0 && Double.isFinite(w[r])) {
                    pw[valid++] = w[r];
                    allOne &= w[r] == 1;
                }
            }
            double[] used = java.util.Arrays.copyOf(pw, valid);
            double e = valid == 0 ? Double.NaN : KishEffectiveSize.of(used);
            ns.add(Estimate.of(valid));
            neff.add(Estimate.of(e));
            wt.row(p, valid, e, valid == 0 ? null : e / valid);
        }
        nd.series("respondents (n)", ns).series("Kish effective size (n_eff)", neff);
        // with equal weights (--weight none) both series are the respondents: say so instead of drawing them
        boolean ones = allOne;
        s.chart(id + "-weights", IntervalChart.builder("What the weights cost: respondents and effective sample size",
                                nd.build())
                        .subtitle("Per population, weight " + design.weight().expression()
                                + "; the gap is the design effect of unequal weights")
                        .yLabel("respondents").xLabel("population").valueDecimals(0).valueLabels(true),
                "Respondents per population against Kish's effective sample size (Σw)²/Σw² of their weights; "
                        + "intervals of scores are as wide as n_eff allows, not n.",
                why -> (ones ? "every respondent has weight 1 (weight " + design.weight().expression()
                        + "), so the effective size equals the number of respondents in every population"
                        : "the weights are equal within every population (weight " + design.weight().expression()
                        + "), so the effective size equals the number of respondents")
                        + "; the table below lists them.");
        s.table(wt.build());

        // the same tables, byte for byte, as pluralstats vps and correlate print (ResultTableWriters)
        s.table(ReportTable.of(id + "-vps", scores.table(), true));
        s.table(ReportTable.of(id + "-correlations", corr.table(), true));

        if (!agreements.isEmpty()) {
            ReportTable.Builder at = ReportTable.builder(id + "-formats", "The same scores from every file format")
                    .column("file").column("format").column("rows").column("scores").column("sameCounts")
                    .column("maxVpsDifference", -1).column("maxSeDifference", -1).column("maxCiDifference", -1)
                    .column("agrees");
            boolean all = true;
            for (FileAgreement a : agreements) {
                boolean ok = a.agrees(AGREEMENT_TOLERANCE);
                all &= ok;
                at.row(a.file(), a.format(), a.rows(), a.scores(), a.sameCounts() ? "yes" : "no", a.maxVpsDifference(),
                        a.maxSeDifference(), a.maxCiDifference(), ok ? "yes" : "NO");
            }
            at.note(all ? "Every file gives the same scores, standard errors and intervals (largest difference ≤ "
                    + String.format(java.util.Locale.ROOT, "%.0e", AGREEMENT_TOLERANCE) + ")."
                    : "Some files DISAGREE with " + agreements.get(0).file() + ": see the rows marked NO.");
            s.table(at.build());
        }
        return s.build();
    }

    private static String fileName(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return slash >= 0 ? source.substring(slash + 1) : source;
    }

}
