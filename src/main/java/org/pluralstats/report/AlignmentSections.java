package org.pluralstats.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pluralstats.align.AlignmentResult;
import org.pluralstats.align.ModelConsistency;
import org.pluralstats.align.QuestionSimilarity;
import org.pluralstats.align.SimilarityReport;
import org.pluralstats.align.SimilaritySummary;
import org.pluralstats.align.UsBiasResult;
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
 *       and the models' self-consistency per language (its Figure 3);</li>
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
     * @param rows every alignment result
     * @param consistency self-consistency per model × language
     * @param charts the alignment charts to draw, in order
     * @return the section
     */
    public static ReportSection alignment(String id, String title, String intro, List<AlignmentResult> rows,
                                          List<ModelConsistency> consistency, List<Chart> charts) {
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
        String level = rows.isEmpty() ? "item" : rows.get(0).level().jsonName();
        int resamples = rows.isEmpty() ? 0 : rows.get(0).resamples();
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
            s.figure(id + "-" + c.key(), DotPlot.builder("Alignment with " + c.title() + ", per model × prompt language",
                                    d.build())
                            .subtitle("Spearman's ρ of model and population scores, " + level + " level, " + shortInterval(resamples)
                                    + "; Figure 4 of Rystrøm, Kirk & Hale")
                            .xLabel("Spearman's ρ (0 = unrelated, 1 = same order)").reference(0).tickDecimals(1)
                            .maxLabelWidth(240).render(),
                    "Each dot: one model prompted in one language, correlated with " + c.title() + " over the "
                            + (level.equals("item") ? "items both have a score for" : "generations of items the "
                            + "population has a score for") + "; the line is its " + interval(resamples)
                            + ". Colours: prompt languages. Every model × language × population is in the table below.");
        }
        if (!consistency.isEmpty()) {
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
            ModelConsistency first = consistency.get(0);
            s.figure(id + "-self-consistency", DotPlot.builder("Model self-consistency per model × prompt language",
                                    d.build())
                            .subtitle("ρ between generations of an item / reliability " + ChartStyle.format(first.reliability(), 3)
                                    + ", " + shortInterval(first.resamples()) + "; Figure 3 of Rystrøm, Kirk & Hale")
                            .xLabel("self-consistency").reference(0).tickDecimals(1).maxLabelWidth(240).render(),
                    "How much a model agrees with itself: the rank correlation over every pair of different generations "
                            + "of the same item (ModelSelfConsistency), with " + interval(first.resamples())
                            + " resampling generations. Alignment is bounded by it: a model that does not agree with itself "
                            + "cannot agree much with a population.");
        }
        ReportTable.Builder t = ReportTable.builder(id + "-rows", "Alignment per model × language × population")
                .column("model").column("language").column("population").column("level").column("n")
                .column("rho", 3).column("p", -1).column("ciLow", 3).column("ciHigh", 3).column("pearson", 3)
                .column("meanAlignment", 3).column("selfConsistency", 3).column("items").column("itemsWithoutScore")
                .column("generationsWithoutScore").column("resamples").column("undefinedResamples")
                .collapsed(rows.size() > 40);
        for (AlignmentResult r : rows) {
            t.row(r.model(), r.language(), r.population(), r.level().jsonName(), r.n(), r.rho(), r.p(), r.ciLow(),
                    r.ciHigh(), r.pearson(), r.meanAlignment(), r.selfConsistency(), r.items(), r.itemsWithoutScore(),
                    r.generationsWithoutScore(), r.resamples(), r.undefinedResamples());
        }
        t.note("rho, p: Spearman (scipy.stats.spearmanr); ciLow–ciHigh: percentile bootstrap of rho; meanAlignment: "
                + "1 − mean |model − population| (the released code's mean_alignment). Items without a population score "
                + "are left out and counted.");
        s.table(t.build());
        if (!consistency.isEmpty()) {
            ReportTable.Builder ct = ReportTable.builder(id + "-self-consistency", "Model self-consistency per model × language")
                    .column("model").column("language").column("selfConsistency", 3).column("ciLow", 3).column("ciHigh", 3)
                    .column("observed", 3).column("reliability", 3).column("method").column("items").column("generations")
                    .column("pairs").column("resamples").column("undefinedResamples").collapsed(consistency.size() > 40);
            for (ModelConsistency c : consistency) {
                ct.row(c.model(), c.language(), c.selfConsistency(), c.ciLow(), c.ciHigh(), c.observed(), c.reliability(),
                        c.method().name().toLowerCase(java.util.Locale.ROOT), c.items(), c.generations(), c.pairs(),
                        c.resamples(), c.undefinedResamples());
            }
            s.table(ct.build());
        }
        return s.build();
    }

    /**
     * @param id the section id ({@code us-bias})
     * @param title the heading
     * @param intro a paragraph on the data
     * @param rows every comparison, model × language × local population
     * @param locals language → the local population drawn (default: the first in {@code rows})
     * @return the section
     */
    public static ReportSection usBias(String id, String title, String intro, List<UsBiasResult> rows,
                                       Map<String, String> locals) {
        ReportSection.Builder s = ReportSection.builder(id, title);
        s.paragraph(intro);
        List<String> models = new ArrayList<>();
        Map<String, String> drawn = new LinkedHashMap<>();
        for (UsBiasResult r : rows) {
            addOnce(models, r.model());
            drawn.putIfAbsent(r.language(), locals.getOrDefault(r.language(), r.local()));
        }
        String reference = rows.isEmpty() ? "US" : rows.get(0).reference();
        int resamples = rows.isEmpty() ? 0 : rows.get(0).resamples();
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
        s.figure(id + "-difference", DotPlot.builder("Closer to the " + reference + " than to the local population?",
                                d.build())
                        .subtitle("ρ(model, " + reference + ") − ρ(model, local country), " + shortInterval(resamples)
                                + "; Figure 5 of Rystrøm, Kirk & Hale")
                        .xLabel("difference of Spearman's ρ (> 0: closer to the " + reference + ")").reference(0)
                        .tickDecimals(2).maxLabelWidth(240).render(),
                "Each dot: a model prompted in a language, its alignment with the " + reference + " minus its alignment "
                        + "with a country where that language is spoken, both over the same units; the line is the paired "
                        + "bootstrap interval (both correlations on each resample). Drawn: "
                        + describe(drawn) + "; every local country is in the table.");
        ReportTable.Builder t = ReportTable.builder(id + "-rows", reference + " versus local alignment per model × language "
                        + "× local country")
                .column("model").column("language").column("local").column("reference").column("level").column("n")
                .column("rhoLocal", 3).column("rhoReference", 3).column("difference", 3).column("ciLow", 3)
                .column("ciHigh", 3).column("resamples").column("undefinedResamples").collapsed(rows.size() > 40);
        for (UsBiasResult r : rows) {
            t.row(r.model(), r.language(), r.local(), r.reference(), r.level().jsonName(), r.n(), r.rhoLocal(),
                    r.rhoReference(), r.difference(), r.ciLow(), r.ciHigh(), r.resamples(), r.undefinedResamples());
        }
        s.table(t.build());
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
        int resamples = wasserstein.summaries().isEmpty() ? 0 : wasserstein.summaries().get(0).resamples();
        s.figure(id + "-by-population", IntervalChart.builder("Similarity of model and human answer distributions", d)
                        .subtitle("Mean over questions per population, " + shortInterval(resamples)
                                + " over questions; unclassifiable share of model outputs (seed paper 002)")
                        .yLabel("similarity / share").xLabel("population").yRange(0, 1).tickDecimals(1)
                        .valueLabels(true).render(),
                "Wasserstein similarity 1 − W₁(h, m)/(max o − min o) over the options' ordinal positions (OpinionQA) and "
                        + "1 − Jensen–Shannon distance (base 2), each the mean over a population's questions; 1 means the "
                        + "model answers as the population does. Unclassifiable outputs are left out of the distributions and "
                        + "shown as their share.");
        ReportTable.Builder t = ReportTable.builder(id + "-summary", "Similarity per population (seed paper 002, Table 1)")
                .column("population").column("metric").column("questions").column("similarity", 3).column("ciLow", 3)
                .column("ciHigh", 3).column("unclassifiableShare", 3).column("classified", 0).column("unclassifiable", 0)
                .column("excludedQuestions").column("resamples");
        for (SimilarityReport r : List.of(wasserstein, jensenShannon)) {
            for (SimilaritySummary x : r.summaries()) {
                t.row(x.population(), x.metric().jsonName(), x.questions(), x.similarity(),
                        x.ciLow(), x.ciHigh(), x.unclassifiableShare(), x.classified(), x.unclassifiable(),
                        x.excludedQuestions(), x.resamples());
            }
        }
        if (!wasserstein.excluded().isEmpty()) {
            t.note("Left out (population × question): " + describe(wasserstein.excluded()) + ".");
        }
        s.table(t.build());
        ReportTable.Builder q = ReportTable.builder(id + "-questions", "Similarity per population × question")
                .column("population").column("question").column("options").column("wasserstein", 3)
                .column("jensenShannon", 3).column("classified", 0).column("unclassifiable", 0).collapsed(true);
        Map<String, QuestionSimilarity> jsq = new LinkedHashMap<>();
        for (QuestionSimilarity x : jensenShannon.questions()) {
            jsq.put(x.population() + "\u0000" + x.question(), x);
        }
        for (QuestionSimilarity x : wasserstein.questions()) {
            QuestionSimilarity j = jsq.get(x.population() + "\u0000" + x.question());
            q.row(x.population(), x.question(), x.options(), x.similarity(), j == null ? null : j.similarity(),
                    x.classified(), x.unclassifiable());
        }
        s.table(q.build());
        return s.build();
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
