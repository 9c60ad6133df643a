package org.pluralstats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pluralstats.align.AlignmentResult;
import org.pluralstats.align.Alignments;
import org.pluralstats.align.ModelOutputs;
import org.pluralstats.align.DistributionalAlignmentReport;
import org.pluralstats.align.SimilarityMetric;
import org.pluralstats.align.SimilaritySummary;
import org.pluralstats.align.UsBiasResult;
import org.pluralstats.align.UsBiasResults;
import org.pluralstats.report.html.HtmlReport;
import org.pluralstats.report.html.ReportSection;
import org.pluralstats.run.Analysis;
import org.pluralstats.run.AnalysisRun;
import org.pluralstats.run.FileAgreement;
import org.pluralstats.weight.ScoreTable;

/**
 * The report of an {@link AnalysisRun}: its results as the sections of an {@link HtmlReport} and as a
 * Markdown summary for the terminal. Presentation only: the run has read every input and computed every
 * result. What {@code pluralstats report} does, as library calls:
 *
 * <pre>{@code
 * AnalysisReport r = AnalysisReport.of(AnalysisRun.of(Analysis.read(Path.of("data-samples/analysis.json")),
 *         Progress.none()));
 * r.html().write(Path.of("pluralstats-report"));
 * System.out.print(r.summary());
 * }</pre>
 *
 * <p>Sections, in order: the Google Forms comparison ({@link FormsSections}), value polarity scores
 * ({@link ScoreSections}), alignment of model outputs per model × language with their
 * self-consistency, US-vs-local bias, and distribution similarity per population
 * ({@link AlignmentSections}), and each regression ({@link RegressionSections}).
 */
public final class AnalysisReport {
    private final AnalysisRun run;
    private final List<ReportSection> sections;

    private AnalysisReport(AnalysisRun run, List<ReportSection> sections) {
        this.run = run;
        this.sections = List.copyOf(sections);
    }

    /**
     * @param run the results of an analysis
     * @return its report
     */
    public static AnalysisReport of(AnalysisRun run) {
        Analysis analysis = run.analysis();
        List<ReportSection> sections = new ArrayList<>();
        run.forms().ifPresent(f -> sections.add(FormsSections.of("forms", analysis.forms().orElseThrow().title(), f)));
        run.scores().ifPresent(s -> sections.add(ScoreSections.of("scores", analysis.wvs().orElseThrow().title(),
                s.design(), s.scores(), s.itemLabels(), analysis.wvs().orElseThrow().chartItems(), s.agreements())));
        run.alignment().ifPresent(a -> alignment(analysis.models().orElseThrow(), a, sections));
        run.similarity().ifPresent(p -> {
            Analysis.Similarity s = analysis.similarity().orElseThrow();
            sections.add(AlignmentSections.similarity("similarity", s.title(), "Human answer distributions of "
                            + s.human().getFileName() + " against the model's of " + s.model().getFileName() + ": "
                            + p.wasserstein().questions().size() + " population × question pairs compared, "
                            + s.resamples() + " bootstrap resamples, seed " + s.seed() + ".",
                    p.wasserstein(), p.jensenShannon()));
        });
        run.opinions().ifPresent(r -> {
            Analysis.Opinions o = analysis.opinions().orElseThrow();
            sections.add(AlignmentSections.distributional("opinions", o.title(), "Model answers of "
                    + o.answers().getFileName() + " against the human answer distributions of " + o.human().getFileName()
                    + (o.humanBy().isEmpty() ? "" : " by " + String.join(" × ", o.humanBy())) + ": "
                    + r.questions().size() / r.metrics().size() + " model question × population pairs compared, "
                    + o.resamples() + " bootstrap resamples, seed " + o.seed() + ".", r));
        });
        for (int i = 0; i < run.regressions().size(); i++) {
            sections.add(RegressionSections.of(i == 0 ? "regression" : "regression-" + (i + 1), run.regressions().get(i)));
        }
        return new AnalysisReport(run, sections);
    }

    private static void alignment(Analysis.Models m, AnalysisRun.ModelAlignment a, List<ReportSection> sections) {
        ModelOutputs outputs = a.outputs();
        List<AlignmentSections.Chart> charts = new ArrayList<>();
        for (String w : a.alignWith()) {
            if (w.equalsIgnoreCase(Analysis.OWN_LANGUAGE)) {
                charts.add(new AlignmentSections.Chart("own-language", "each prompt language's own population",
                        l -> a.populations().contains(l) ? Optional.of(l) : Optional.empty()));
            } else {
                charts.add(new AlignmentSections.Chart(w.replaceAll("[^A-Za-z0-9._-]", "_"), "population " + w,
                        l -> Optional.of(w)));
            }
        }
        String intro = outputs.generations().size() + " judged generations of " + outputs.models().size() + " models in "
                + outputs.languages().size() + " prompt languages (" + String.join(", ", outputs.languages()) + ") from "
                + outputs.source().replaceAll(".*[/\\\\]", "") + ", scored by Eq. 2 of Rystrøm, Kirk & Hale (pro / (pro + con))"
                + excluded(outputs) + (a.populationSource().isEmpty() ? "; no population scores, so only self-consistency"
                : "; populations from " + a.populationSource() + " (" + a.populations().populations().size() + " populations)")
                + ". Level " + m.level().jsonName() + ", " + m.resamples() + " bootstrap resamples, seed " + m.seed() + ".";
        sections.add(AlignmentSections.alignment("alignment", m.title(), intro, a.alignment(), a.consistency(),
                Optional.of(a.languageConsistency()), charts));
        if (m.countries().isPresent()) {
            sections.add(AlignmentSections.usBias("us-bias", "US-centric bias: " + m.reference()
                            + " versus local populations",
                    "Does a model prompted in a language agree more with the " + m.reference() + " than with the countries "
                            + "where that language is spoken? For each model × language and each local country (from "
                            + m.countries().get().getFileName() + ", the " + m.reference() + " itself excluded): ρ with the "
                            + m.reference() + " minus ρ with the local country, over the units both have scores for.",
                    a.usBias().orElseThrow(), m.locals()));
        }
    }

    private static String excluded(ModelOutputs outputs) {
        return outputs.accounting().excluded().isEmpty() ? ""
                : " (left out: " + Counts.describe(outputs.accounting().excluded()) + ")";
    }

    /** @return the results presented */
    public AnalysisRun run() {
        return run;
    }

    /** @return the report's sections, in order */
    public List<ReportSection> sections() {
        return sections;
    }

    /**
     * @return the HTML report, its provenance dated now (or by {@code SOURCE_DATE_EPOCH}) with the command
     *     given as this library call
     */
    public HtmlReport html() {
        return html(Provenance.of(run, "AnalysisReport.html() (library call): " + run.analysis().title()));
    }

    /**
     * @param provenance where the report came from: the page's "Provenance" section and the {@code provenance}
     *     member of every JSON table
     * @return the HTML report
     */
    public HtmlReport html(Provenance provenance) {
        HtmlReport.Builder b = HtmlReport.builder(run.analysis().title()).provenance(provenance)
                .intro("Every chart's numbers are in the tables under it, and beside this page as CSV and JSON "
                        + "(tables/). Intervals are 95%.");
        run.inputs().forEach(b::input);
        run.warnings().forEach(b::warning);
        return b.sections(sections).build();
    }

    /**
     * @return a Markdown summary for the terminal: Table 1, its GRIM check, the scores, the alignment and
     *     the distribution similarity in brief
     */
    public String summary() {
        Analysis analysis = run.analysis();
        StringBuilder sb = new StringBuilder("# ").append(analysis.title()).append("\n\n");
        if (run.forms().isPresent()) {
            Analysis.Forms f = analysis.forms().orElseThrow();
            sb.append(f.title()).append(": ").append(f.groups().size()).append(" Google Forms exports.\n\n");
            sb.append(ResultTableWriters.markdown(run.forms().get().comparison().table()));
            run.forms().get().check().ifPresent(c -> sb.append('\n').append(ResultTableWriters.markdown(c.table())));
        }
        if (run.scores().isPresent()) {
            ScoreTable t = run.scores().get().scores();
            List<FileAgreement> agreements = run.scores().get().agreements();
            sb.append("\n## ").append(analysis.wvs().orElseThrow().title()).append("\n\n");
            sb.append(t.populations().size()).append(" populations (").append(String.join(", ", t.populations()))
                    .append(") × ").append(t.items().size()).append(" items.\n");
            if (!agreements.isEmpty()) {
                List<String> names = new ArrayList<>();
                boolean all = true;
                for (FileAgreement a : agreements) {
                    names.add(a.format());
                    all &= a.agrees(ScoreSections.AGREEMENT_TOLERANCE);
                }
                sb.append(all ? "Every file format gives the same scores: " : "File formats DISAGREE: ")
                        .append(String.join(", ", names)).append(".\n");
            }
        }
        if (run.alignment().isPresent()) {
            AnalysisRun.ModelAlignment a = run.alignment().get();
            List<AlignmentResult> aligned = a.alignment().map(Alignments::rows).orElse(List.of());
            List<UsBiasResult> bias = a.usBias().map(UsBiasResults::rows).orElse(List.of());
            sb.append("\n## ").append(analysis.models().orElseThrow().title()).append("\n\n");
            sb.append(a.outputs().generations().size()).append(" generations, ").append(a.outputs().models().size())
                    .append(" models × ").append(a.outputs().languages().size()).append(" languages; ")
                    .append(aligned.size()).append(" alignments, ").append(a.consistency().rows().size())
                    .append(" self-consistencies");
            aligned.stream().filter(r -> !Double.isNaN(r.rho()))
                    .max(java.util.Comparator.comparingDouble(AlignmentResult::rho))
                    .ifPresent(r -> sb.append("; highest ρ: ").append(r.model()).append(' ').append(r.language())
                            .append(" with ").append(r.population()).append(' ').append(Tables.fixed(r.rho(), 3)));
            sb.append(".\n");
            if (!bias.isEmpty()) {
                long closer = bias.stream().filter(r -> r.ciLow() > 0).count();
                long local = bias.stream().filter(r -> r.ciHigh() < 0).count();
                sb.append("US versus local: ").append(bias.size()).append(" comparisons; ").append(closer)
                        .append(" closer to the ").append(bias.get(0).reference()).append(", ").append(local)
                        .append(" closer to the local country (95% interval excludes 0).\n");
            }
        }
        if (run.similarity().isPresent()) {
            sb.append("\n## ").append(analysis.similarity().orElseThrow().title()).append("\n\n");
            for (SimilaritySummary x : run.similarity().get().wasserstein().summaries()) {
                sb.append(x.population()).append(": Wasserstein similarity ").append(Tables.fixed(x.similarity(), 3))
                        .append(" over ").append(x.questions()).append(" questions, unclassifiable ")
                        .append(Tables.fixed(100 * x.unclassifiableShare(), 1)).append("%\n");
            }
        }
        if (run.opinions().isPresent()) {
            DistributionalAlignmentReport r = run.opinions().get();
            SimilarityMetric first = r.metrics().get(0);
            List<DistributionalAlignmentReport.Summary> rows = r.summaries().stream().filter(x -> x.metric() == first).toList();
            sb.append("\n## ").append(analysis.opinions().orElseThrow().title()).append("\n\n");
            sb.append(rows.size()).append(" model setting × population comparisons by ").append(first.jsonName());
            long aboveUniform = rows.stream().filter(x -> first.isSimilarity() ? x.score() > x.uniform() : x.score() < x.uniform()).count();
            sb.append("; ").append(aboveUniform).append(" closer than the uniform baseline");
            if (r.steerabilityTable().rows() > 0) {
                sb.append("; steerability in the report's table");
            }
            sb.append(".\n");
        }
        for (org.pluralstats.run.RegressionRun g : run.regressions()) {
            sb.append("\n## ").append(g.regression().title()).append("\n\n").append(RegressionSections.method(g))
                    .append(": ").append(g.regression().formula()).append(", ").append(g.nobs()).append(" rows, ")
                    .append(g.coefficients().size()).append(" coefficients.\n");
        }
        return sb.toString();
    }

    /** @return the title and the sections' ids: {@code AnalysisReport[pluralstats report: forms, scores, …]} */
    @Override
    public String toString() {
        return "AnalysisReport[" + run.analysis().title() + ": " + String.join(", ", sections.stream().map(ReportSection::id)
                .toList()) + "]";
    }
}
