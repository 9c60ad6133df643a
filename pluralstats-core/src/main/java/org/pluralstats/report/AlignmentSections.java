package org.pluralstats.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pluralstats.align.AlignmentResult;
import org.pluralstats.align.Alignments;
import org.pluralstats.align.LanguageConsistencies;
import org.pluralstats.align.LanguageConsistency;
import org.pluralstats.align.LanguageConsistencyDifference;
import org.pluralstats.align.PairKind;
import org.pluralstats.align.ModelConsistencies;
import org.pluralstats.align.ModelConsistency;
import org.pluralstats.align.SelfConsistencyInterval;
import org.pluralstats.align.DistributionalAlignmentReport;
import org.pluralstats.align.SimilarityMetric;
import org.pluralstats.align.SimilarityReport;
import org.pluralstats.align.SimilaritySummary;
import org.pluralstats.table.ResultTable;
import org.pluralstats.align.UsBiasResult;
import org.pluralstats.align.UsBiasResults;
import org.pluralstats.report.html.ReportSection;
import org.pluralstats.report.html.ReportTable;
import org.pluralstats.report.svg.ChartStyle;
import org.pluralstats.report.svg.DotPlot;
import org.pluralstats.report.svg.Estimate;
import org.pluralstats.report.svg.IntervalChart;
import org.pluralstats.report.svg.SeriesData;

/**
 * The report sections of the align package, in the style of {@link ScoreSections}: they draw and
 * tabulate results computed elsewhere ({@code Alignment}, {@code ModelSelfConsistency},
 * {@code UsCentricBias}, {@code DistributionSimilarity}).
 *
 * <ul>
 *   <li>{@link #alignment}: Spearman's ρ of each model × prompt language with a population, with its
 *       bootstrap interval — seed paper 003's Figure 4: one row per model, one colour per language —
 *       and the models' self-consistency per language (its Figure 3), and within versus between
 *       prompt languages with the permutation test of the difference (its §2.2);</li>
 *   <li>{@link #usBias}: {@code ρ(US) − ρ(local)} per model × language with its paired bootstrap
 *       interval (its Figure 5): right of zero, closer to the US than to the local population;</li>
 *   <li>{@link #similarity}: per population, the mean Wasserstein similarity and 1 − Jensen–Shannon
 *       distance of model and human answer distributions with bootstrap intervals, and the share of
 *       unclassifiable model outputs (seed paper 002's Table 1 as a chart).</li>
 * </ul>
 */
public final class AlignmentSections {
    private AlignmentSections() {
    }

    /**
     * What one alignment chart draws: for each model × language, the row of one population.
     *
     * @param key the figure id suffix
     * @param title what the population is ("each language's own population", "US")
     * @param population for a prompt language, the population drawn (empty: none)
     */
    public record Chart(String key, String title, java.util.function.Function<String, Optional<String>> population) {
    }

    /**
     * @param id the section id and prefix of its figure and table ids ({@code alignment})
     * @param title the heading
     * @param intro a paragraph on the data (files, populations)
     * @param alignments every alignment result, empty without population scores
     * @param consistency self-consistency per model × language
     * @param charts the alignment charts to draw, in order
     * @return the section
     */
    public static ReportSection alignment(String id, String title, String intro, Optional<Alignments> alignments,
                                          ModelConsistencies consistency, List<Chart> charts) {
        return alignment(id, title, intro, alignments, consistency, Optional.empty(), charts);
    }

    /**
     * @param id the section id and prefix of its figure and table ids ({@code alignment})
     * @param title the heading
     * @param intro a paragraph on the data (files, populations)
     * @param alignments every alignment result, empty without population scores
     * @param consistency self-consistency per model × language
     * @param languageConsistency self-consistency within and between prompt languages (a figure and the tables
     *     {@code ID-language-consistency} and {@code ID-language-difference}), empty for none
     * @param charts the alignment charts to draw, in order
     * @return the section
     */
    public static ReportSection alignment(String id, String title, String intro, Optional<Alignments> alignments,
                                          ModelConsistencies consistency, Optional<LanguageConsistencies> languageConsistency,
                                          List<Chart> charts) {
        List<AlignmentResult> rows = alignments.map(Alignments::rows).orElse(List.of());
        ReportSection.Builder s = ReportSection.builder(id, title);
        s.paragraph(intro);
        List<String> models = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        for (ModelConsistency c : consistency) {
            addOnce(models, c.model());
            addOnce(languages, c.language());
        }
        for (AlignmentResult r : rows) {
            addOnce(models, r.model());
            addOnce(languages, r.language());
        }
        String level = alignments.map(a -> a.level().jsonName()).orElse("item");
        int resamples = alignments.map(a -> a.bootstrap().resamples()).orElse(0);
        Map<String, AlignmentResult> byKey = new LinkedHashMap<>();
        for (AlignmentResult r : rows) {
            byKey.put(r.model() + "\u0000" + r.language() + "\u0000" + r.population(), r);
        }
        for (Chart c : charts) {
            SeriesData.Builder d = SeriesData.builder(models);
            for (String l : languages) {
                List<Estimate> es = new ArrayList<>();
                for (String m : models) {
                    AlignmentResult r = c.population().apply(l).map(p -> byKey.get(m + "\u0000" + l + "\u0000" + p))
                            .orElse(null);
                    es.add(r == null ? Estimate.missing() : Estimate.of(r.rho(), r.ciLow(), r.ciHigh()));
                }
                d.series(languageLabel(l, c.population().apply(l)), es);
            }
            s.chart(id + "-" + c.key(), DotPlot.builder("Alignment with " + c.title() + ", per model × prompt language",
                                    d.build())
                            .subtitle("Spearman's ρ of model and population scores, " + level + " level, " + shortInterval(resamples)
                                    + "; Figure 4 of Rystrøm, Kirk & Hale")
                            .xLabel("Spearman's ρ (0 = unrelated, 1 = same order)").reference(0).tickDecimals(1)
                            .maxLabelWidth(240),
                    "Each dot: one model prompted in one language, correlated with " + c.title() + " over the "
                            + (level.equals("item") ? "items both have a score for" : "generations of items the "
                            + "population has a score for") + "; the line is its " + interval(resamples)
                            + ". Colours: prompt languages. Every model × language × population is in the table below.");
        }
        if (!consistency.rows().isEmpty()) {
            SeriesData.Builder d = SeriesData.builder(models);
            Map<String, ModelConsistency> sc = new LinkedHashMap<>();
            for (ModelConsistency c : consistency) {
                sc.put(c.model() + "\u0000" + c.language(), c);
            }
            for (String l : languages) {
                List<Estimate> es = new ArrayList<>();
                for (String m : models) {
                    ModelConsistency c = sc.get(m + "\u0000" + l);
                    es.add(c == null ? Estimate.missing() : Estimate.of(c.selfConsistency(), c.ciLow(), c.ciHigh()));
                }
                d.series(languageLabel(l, Optional.empty()), es);
            }
            ModelConsistency first = consistency.rows().get(0);
            s.chart(id + "-self-consistency", DotPlot.builder("Model self-consistency per model × prompt language",
                                    d.build())
                            .subtitle("ρ between generations of an item / reliability " + ChartStyle.format(first.reliability(), 3)
                                    + ", " + shortInterval(first.resamples())
                                    + (first.resamples() > 0 ? " over " + consistency.interval().label() : "")
                                    + "; Figure 3 of Rystrøm, Kirk & Hale")
                            .xLabel("self-consistency").reference(0).tickDecimals(1).maxLabelWidth(240),
                    "How much a model agrees with itself: the rank correlation over every pair of different generations "
                            + "of the same item (ModelSelfConsistency), with " + interval(first.resamples())
                            + (first.resamples() == 0 ? "" : consistency.interval() == SelfConsistencyInterval.ITEMS
                                    ? " resampling items (each with all its generations)"
                                    : " resampling generations (the released code's method: a generation drawn twice is "
                                            + "paired with its own copy, which biases the interval upwards)")
                            + ". Alignment is bounded by it: a model that does not agree with itself "
                            + "cannot agree much with a population.");
        }
        List<LanguageConsistencyDifference> pooled = languageConsistency.map(l -> l.differences().stream()
                .filter(d -> d.languages().equals(LanguageConsistency.ALL)).toList()).orElse(List.of());
        if (!pooled.isEmpty()) {
            List<String> ms = new ArrayList<>();
            List<Estimate> within = new ArrayList<>();
            List<Estimate> between = new ArrayList<>();
            List<String> ps = new ArrayList<>();
            LanguageConsistencies lc = languageConsistency.orElseThrow();
            for (LanguageConsistencyDifference d : pooled) {
                ms.add(d.model());
                within.add(lc.rows().stream().filter(r -> r.model().equals(d.model()) && r.kind() == PairKind.WITHIN
                                && r.languages().equals(LanguageConsistency.ALL)).findFirst()
                        .map(r -> Estimate.of(r.consistency(), r.ciLow(), r.ciHigh())).orElse(Estimate.missing()));
                between.add(lc.rows().stream().filter(r -> r.model().equals(d.model()) && r.kind() == PairKind.BETWEEN
                                && r.languages().equals(LanguageConsistency.ALL)).findFirst()
                        .map(r -> Estimate.of(r.consistency(), r.ciLow(), r.ciHigh())).orElse(Estimate.missing()));
                ps.add(d.model() + " " + ChartStyle.format(d.difference(), 3) + " [" + ChartStyle.format(d.ciLow(), 3) + ", "
                        + ChartStyle.format(d.ciHigh(), 3) + "], p " + ChartStyle.format(d.p(), 3));
            }
            int b = lc.bootstrap().resamples();
            s.chart(id + "-language-consistency", DotPlot.builder("Self-consistency within and between prompt languages",
                                    SeriesData.builder(ms).series("within a language", within)
                                            .series("between languages", between).build())
                            .subtitle("ρ of generation pairs / " + ChartStyle.format(lc.reliability(), 3)
                                    + ", languages pooled, " + shortInterval(b) + "; §2.2 of Rystrøm, Kirk & Hale")
                            .xLabel("self-consistency").reference(0).tickDecimals(1).maxLabelWidth(240),
                    "Does the prompt language change what a model says? For each model, the rank correlation over pairs "
                            + "of different generations of the same item prompted in the same language (within) and in "
                            + "different languages (between), the same estimator on the same items (LanguageConsistency); "
                            + "the lines are " + interval(b) + " resampling items. Within − between with its paired "
                            + "interval and the one-sided permutation p (language labels shuffled within items, "
                            + lc.permutations() + " permutations): " + String.join("; ", ps) + ". Every language pair is in the tables below.");
        }
        alignments.ifPresent(a -> s.table(ReportTable.of(id + "-rows", a.table(), rows.size() > 40)));
        if (!consistency.rows().isEmpty()) {
            s.table(ReportTable.of(id + "-self-consistency", consistency.table(), consistency.rows().size() > 40));
        }
        languageConsistency.filter(l -> !l.rows().isEmpty()).ifPresent(l -> {
            s.table(ReportTable.of(id + "-language-consistency", l.table(), l.rows().size() > 40));
            s.table(ReportTable.of(id + "-language-difference", l.differenceTable(), l.differences().size() > 40));
        });
        return s.build();
    }

    /**
     * @param id the section id ({@code us-bias})
     * @param title the heading
     * @param intro a paragraph on the data
     * @param bias every comparison, model × language × local population, with its settings
     * @param locals language → the local population drawn (default: the first in {@code bias})
     * @return the section
     */
    public static ReportSection usBias(String id, String title, String intro, UsBiasResults bias,
                                       Map<String, String> locals) {
        List<UsBiasResult> rows = bias.rows();
        ReportSection.Builder s = ReportSection.builder(id, title);
        s.paragraph(intro);
        List<String> models = new ArrayList<>();
        Map<String, String> drawn = new LinkedHashMap<>();
        for (UsBiasResult r : rows) {
            addOnce(models, r.model());
            drawn.putIfAbsent(r.language(), locals.getOrDefault(r.language(), r.local()));
        }
        String reference = bias.reference();
        int resamples = bias.bootstrap().resamples();
        SeriesData.Builder d = SeriesData.builder(models);
        for (Map.Entry<String, String> e : drawn.entrySet()) {
            List<Estimate> es = new ArrayList<>();
            for (String m : models) {
                Estimate est = Estimate.missing();
                for (UsBiasResult r : rows) {
                    if (r.model().equals(m) && r.language().equals(e.getKey()) && r.local().equals(e.getValue())) {
                        est = Estimate.of(r.difference(), r.ciLow(), r.ciHigh());
                    }
                }
                es.add(est);
            }
            d.series(e.getKey() + ": " + reference + " − " + e.getValue(), es);
        }
        s.chart(id + "-difference", DotPlot.builder("Closer to the " + reference + " than to the local population?",
                                d.build())
                        .subtitle("ρ(model, " + reference + ") − ρ(model, local country), " + shortInterval(resamples)
                                + "; Figure 5 of Rystrøm, Kirk & Hale")
                        .xLabel("difference of Spearman's ρ (> 0: closer to the " + reference + ")").reference(0)
                        .tickDecimals(2).maxLabelWidth(240),
                "Each dot: a model prompted in a language, its alignment with the " + reference + " minus its alignment "
                        + "with a country where that language is spoken, both over the same units; the line is the paired "
                        + "bootstrap interval (both correlations on each resample). Drawn: "
                        + describe(drawn) + "; every local country is in the table.");
        s.table(ReportTable.of(id + "-rows", bias.table(), rows.size() > 40));
        return s.build();
    }

    /**
     * @param id the section id ({@code similarity})
     * @param title the heading
     * @param intro a paragraph on the data
     * @param wasserstein the comparison by Wasserstein similarity
     * @param jensenShannon the comparison by 1 − Jensen–Shannon distance
     * @return the section
     */
    public static ReportSection similarity(String id, String title, String intro, SimilarityReport wasserstein,
                                           SimilarityReport jensenShannon) {
        ReportSection.Builder s = ReportSection.builder(id, title);
        s.paragraph(intro);
        List<String> pops = new ArrayList<>(new LinkedHashSet<>(
                wasserstein.summaries().stream().map(SimilaritySummary::population).toList()));
        List<Estimate> ws = new ArrayList<>();
        List<Estimate> js = new ArrayList<>();
        List<Estimate> un = new ArrayList<>();
        for (String p : pops) {
            SimilaritySummary w = find(wasserstein, p);
            SimilaritySummary j = find(jensenShannon, p);
            ws.add(w == null ? Estimate.missing() : Estimate.of(w.similarity(), w.ciLow(), w.ciHigh()));
            js.add(j == null ? Estimate.missing() : Estimate.of(j.similarity(), j.ciLow(), j.ciHigh()));
            un.add(w == null ? Estimate.missing() : Estimate.of(w.unclassifiableShare()));
        }
        SeriesData d = SeriesData.builder(pops).series("Wasserstein similarity", ws)
                .series("1 − Jensen–Shannon distance", js).series("unclassifiable share", un).build();
        int resamples = wasserstein.bootstrap().resamples();
        s.chart(id + "-by-population", IntervalChart.builder("Similarity of model and human answer distributions", d)
                        .subtitle("Mean over questions per population, " + shortInterval(resamples)
                                + " over questions; unclassifiable share of model outputs (seed paper 002)")
                        .yLabel("similarity / share").xLabel("population").yRange(0, 1).tickDecimals(1)
                        .valueLabels(true),
                "Wasserstein similarity 1 − W₁(h, m)/(max o − min o) over the options' ordinal positions (OpinionQA) and "
                        + "1 − Jensen–Shannon distance (base 2), each the mean over a population's questions; 1 means the "
                        + "model answers as the population does. Unclassifiable outputs are left out of the distributions and "
                        + "shown as their share.");
        s.table(ReportTable.of(id + "-summary", wasserstein.table(), false));
        s.table(ReportTable.of(id + "-summary-jsd", jensenShannon.table(), false));
        s.table(ReportTable.of(id + "-questions", wasserstein.questionsTable(), true));
        s.table(ReportTable.of(id + "-questions-jsd", jensenShannon.questionsTable(), true));
        return s.build();
    }

    /** Settings drawn in the distributional-alignment chart; the tables hold every one. */
    static final int MAX_SETTINGS_DRAWN = 5;

    /**
     * The distributional-alignment section (issue 13): per population, each unsteered model setting's
     * mean score with its interval over questions beside the uniform, global-majority and
     * other-population baselines (first metric of the comparison); the summary, steerability and
     * per-question tables.
     *
     * @param id the section id ({@code opinions})
     * @param title the heading
     * @param intro a paragraph on the data
     * @param r the comparison
     * @return the section
     */
    public static ReportSection distributional(String id, String title, String intro, DistributionalAlignmentReport r) {
        ReportSection.Builder s = ReportSection.builder(id, title);
        s.paragraph(intro);
        SimilarityMetric metric = r.metrics().get(0);
        List<DistributionalAlignmentReport.Summary> rows = r.summaries().stream()
                .filter(x -> x.metric() == metric && x.persona().isEmpty()).toList();
        List<String> pops = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(DistributionalAlignmentReport.Summary::population).toList()));
        List<String> settings = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(AlignmentSections::setting).toList()));
        List<String> drawn = settings.subList(0, Math.min(settings.size(), MAX_SETTINGS_DRAWN));
        if (!pops.isEmpty()) {
            SeriesData.Builder d = SeriesData.builder(pops);
            for (String setting : drawn) {
                List<Estimate> e = new ArrayList<>();
                for (String p : pops) {
                    DistributionalAlignmentReport.Summary x = find(rows, setting, p);
                    e.add(x == null || !Double.isFinite(x.score()) ? Estimate.missing() : Estimate.of(x.score(), x.ciLow(), x.ciHigh()));
                }
                d.series(setting, e);
            }
            String[] names = {"uniform", "global majority", "other populations"};
            for (int b = 0; b < names.length; b++) {
                List<Estimate> e = new ArrayList<>();
                for (String p : pops) {
                    DistributionalAlignmentReport.Summary x = find(rows, drawn.get(0), p);
                    double v = x == null ? Double.NaN : b == 0 ? x.uniform() : b == 1 ? x.majority() : x.otherPopulations();
                    e.add(Double.isFinite(v) ? Estimate.of(v) : Estimate.missing());
                }
                d.series("baseline: " + names[b], e);
            }
            String name = metric == SimilarityMetric.WASSERSTEIN ? "representativeness"
                    : metric == SimilarityMetric.JENSEN_SHANNON ? "1 − Jensen–Shannon distance"
                    : metric == SimilarityMetric.TOTAL_VARIATION ? "1 − total variation" : "Kullback–Leibler divergence";
            IntervalChart.Builder chart = IntervalChart.builder("Distributional alignment of models with populations", d.build())
                    .subtitle("Mean over questions, " + shortInterval(r.bootstrap().resamples()) + "; baselines on the same questions")
                    .yLabel(name).xLabel("population").tickDecimals(1).mark(IntervalChart.Mark.POINT);
            if (metric.isSimilarity()) {
                chart.yRange(0, 1);
            }
            s.chart(id + "-by-population", chart, (metric == SimilarityMetric.WASSERSTEIN
                    ? "Representativeness 1 − W₁(h, m)/(max o − min o) over the options' ordinal positions (OpinionQA)"
                    : name) + " of each model setting (model · condition) with each population, the mean over the population's "
                    + "questions; 1 means the model answers as the population does. Baselines: a model answering every option "
                    + "equally (uniform), always the option most chosen across populations (global majority), and the other "
                    + "populations' own answers (their mean score). Drawn: " + drawn.size() + " of " + settings.size()
                    + " settings without a persona; every setting, metric and persona is in the tables.");
        }
        s.table(ReportTable.of(id + "-summary", r.table(), r.summaries().size() > 40));
        ResultTable steer = r.steerabilityTable();
        if (steer.rows() > 0) {
            s.table(ReportTable.of(id + "-steerability", steer, false));
        }
        s.table(ReportTable.of(id + "-questions", r.questionsTable(), true));
        return s.build();
    }

    private static String setting(DistributionalAlignmentReport.Summary x) {
        return x.condition().isEmpty() ? x.model() : x.model() + " · " + x.condition();
    }

    private static DistributionalAlignmentReport.Summary find(List<DistributionalAlignmentReport.Summary> rows,
                                                              String setting, String population) {
        for (DistributionalAlignmentReport.Summary x : rows) {
            if (x.population().equals(population) && setting(x).equals(setting)) {
                return x;
            }
        }
        return null;
    }

    private static SimilaritySummary find(SimilarityReport r, String population) {
        for (SimilaritySummary s : r.summaries()) {
            if (s.population().equals(population)) {
                return s;
            }
        }
        return null;
    }

    private static String languageLabel(String code, Optional<String> population) {
        String own = LanguageNames.endonym(code).map(e -> code + " · " + e).orElse(code);
        return population.isPresent() && !population.get().equalsIgnoreCase(code) ? own + " vs " + population.get() : own;
    }

    private static String interval(int resamples) {
        return resamples > 0 ? "95% percentile bootstrap intervals (" + resamples + " resamples)" : "no intervals";
    }

    private static String shortInterval(int resamples) {
        return resamples > 0 ? "95% bootstrap intervals (B = " + resamples + ")" : "no intervals";
    }

    private static String describe(Map<String, ?> map) {
        List<String> out = new ArrayList<>();
        map.forEach((k, v) -> out.add(k + " " + v));
        return String.join(", ", out);
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
