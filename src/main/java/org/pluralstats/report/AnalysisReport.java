package org.pluralstats.report;

import org.pluralstats.io.sidefile.PopulationScoreFiles;
import org.pluralstats.io.sidefile.OptionDistributionFiles;
import org.pluralstats.io.sidefile.ItemCodingFiles;
import org.pluralstats.io.sidefile.CountryLanguageFiles;
import org.pluralstats.io.llm.ModelOutputFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pluralstats.PluralstatsException;
import org.pluralstats.Progress;
import org.pluralstats.align.Alignment;
import org.pluralstats.align.AlignmentResult;
import org.pluralstats.align.Alignments;
import org.pluralstats.align.CountryLanguages;
import org.pluralstats.align.DistributionSimilarity;
import org.pluralstats.align.ModelConsistencies;
import org.pluralstats.align.ModelConsistency;
import org.pluralstats.align.ModelSelfConsistency;
import org.pluralstats.align.OptionDistribution;
import org.pluralstats.align.PopulationScores;
import org.pluralstats.align.SimilarityMetric;
import org.pluralstats.align.SimilarityReport;
import org.pluralstats.align.SimilaritySummary;
import org.pluralstats.align.UsBiasResult;
import org.pluralstats.align.UsBiasResults;
import org.pluralstats.align.UsCentricBias;
import org.pluralstats.data.SurveyData;
import org.pluralstats.align.Generation;
import org.pluralstats.align.ModelOutputs;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.ReadOptions;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.io.forms.Codebook;
import org.pluralstats.io.forms.FormsReadOptions;
import org.pluralstats.io.forms.FormsSurvey;
import org.pluralstats.io.forms.GoogleFormsReader;
import org.pluralstats.io.wvs.WvsConventions;
import org.pluralstats.report.html.HtmlReport;
import org.pluralstats.report.html.ReportSection;
import org.pluralstats.weight.ItemCoding;
import org.pluralstats.weight.ItemCodings;
import org.pluralstats.weight.PolarityDesign;
import org.pluralstats.weight.PopulationSpec;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.ValuePolarityScores;
import org.pluralstats.weight.WeightSpec;

/**
 * Runs an {@link Analysis} end to end — reads every input, computes every analysis, and assembles
 * the {@link HtmlReport} — and keeps the results for callers that want the numbers too. What
 * {@code pluralstats report} does, as one library call:
 *
 * <pre>{@code
 * AnalysisReport r = AnalysisReport.run(Analysis.read(Path.of("data-samples/analysis.json")), Progress.none());
 * r.html().write(Path.of("pluralstats-report"));
 * System.out.print(r.summary());
 * }</pre>
 *
 * <p>Sections, in order: the Google Forms comparison ({@link FormsSections}), value polarity scores
 * ({@link ScoreSections}), alignment of model outputs per model × language with their
 * self-consistency, US-vs-local bias, and distribution similarity per population
 * ({@link AlignmentSections}).
 */
public final class AnalysisReport {
    private final Analysis analysis;
    private final Optional<FormsReport> forms;
    private final List<TableCheck.Cell> checks;
    private final Optional<ScoreTable> scores;
    private final List<ScoreSections.FileAgreement> agreements;
    private final Optional<ModelAlignment> alignment;
    private final Optional<SimilarityPair> similarity;
    private final List<ReportSection> sections;
    private final List<String> inputs;
    private final List<String> warnings;

    private AnalysisReport(Analysis analysis, Optional<FormsReport> forms, List<TableCheck.Cell> checks,
                           Optional<ScoreTable> scores, List<ScoreSections.FileAgreement> agreements,
                           Optional<ModelAlignment> alignment, Optional<SimilarityPair> similarity,
                           List<ReportSection> sections, List<String> inputs, List<String> warnings) {
        this.alignment = alignment;
        this.similarity = similarity;
        this.analysis = analysis;
        this.forms = forms;
        this.checks = List.copyOf(checks);
        this.scores = scores;
        this.agreements = List.copyOf(agreements);
        this.sections = List.copyOf(sections);
        this.inputs = List.copyOf(inputs);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * @param analysis what to analyse
     * @param progress where long work reports ({@link Progress#terminal()} on the command line)
     * @return the computed report
     */
    public static AnalysisReport run(Analysis analysis, Progress progress) {
        List<ReportSection> sections = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<FormsReport> forms = Optional.empty();
        List<TableCheck.Cell> checks = List.of();
        if (analysis.forms().isPresent()) {
            Analysis.Forms f = analysis.forms().get();
            FormsReadOptions.Builder opts = FormsReadOptions.builder();
            f.codebook().ifPresent(c -> opts.codebook(Codebook.read(c)));
            FormsSurvey survey;
            try (Progress.Task t = progress.start("reading " + f.groups().size() + " Google Forms exports", -1)) {
                survey = GoogleFormsReader.read(new LinkedHashMap<>(f.groups()), opts.build());
            }
            FormsReport report = FormsReport.of(survey, f.share());
            if (f.checkTable().isPresent()) {
                checks = TableCheck.check(f.checkTable().get(), report);
            }
            forms = Optional.of(report);
            f.groups().forEach((g, p) -> inputs.add("Google Forms export, group " + g + ": " + described(p)));
            f.codebook().ifPresent(c -> inputs.add("codebook: " + described(c)));
            f.checkTable().ifPresent(c -> inputs.add("published table checked: " + described(c)));
            sections.add(FormsSections.of("forms", f.title(), report, checks));
        }
        Optional<ScoreTable> scores = Optional.empty();
        List<ScoreSections.FileAgreement> agreements = new ArrayList<>();
        if (analysis.wvs().isPresent()) {
            Analysis.Wvs w = analysis.wvs().get();
            ItemCodings codings = ItemCodingFiles.read(w.items());
            PolarityDesign design = null;
            ScoreTable first = null;
            for (Path file : w.files()) {
                PolarityDesign d = design(file, codings, w.by(), w.weight(), progress);
                ScoreTable t = ValuePolarityScores.withDefaults().estimate(d);
                String format = SurveyFiles.detect(file).jsonName();
                if (first == null) {
                    design = d;
                    first = t;
                }
                agreements.add(ScoreSections.FileAgreement.compare(file.getFileName().toString(), format,
                        d.data().rows(), first, t));
                inputs.add("survey data (" + format + "): " + described(file));
                warnings.addAll(d.data().warnings());
            }
            inputs.add("item codings: " + described(w.items()));
            Map<String, String> labels = new LinkedHashMap<>();
            for (ItemCoding c : codings.items()) {
                labels.put(c.id(), c.label());
            }
            scores = Optional.of(first);
            sections.add(ScoreSections.of("scores", w.title(), design, first, labels, w.chartItems(),
                    agreements.size() > 1 ? agreements : List.of()));
        }
        // Sections of further analyses: alignment per model × language (Figure 4) with self-consistency,
        // US-vs-local bias (Figure 5), distribution similarity per population.
        Optional<ModelAlignment> alignment = Optional.empty();
        if (analysis.models().isPresent()) {
            alignment = Optional.of(align(analysis.models().get(), scores, progress, sections, inputs));
        }
        Optional<SimilarityPair> similarity = Optional.empty();
        if (analysis.similarity().isPresent()) {
            similarity = Optional.of(similarity(analysis.similarity().get(), progress, sections, inputs));
        }
        return new AnalysisReport(analysis, forms, checks, scores, agreements.size() > 1 ? agreements : List.of(),
                alignment, similarity, sections, inputs, warnings);
    }

    /**
     * The alignment results of the report's model outputs.
     *
     * @param outputs the model outputs read
     * @param populations the population scores they were compared with
     * @param alignment every model × language × population compared
     * @param consistency self-consistency per model × language
     * @param usBias the US-vs-local comparisons (empty without a country → language table)
     */
    public record ModelAlignment(ModelOutputs outputs, PopulationScores populations, List<AlignmentResult> alignment,
                                 List<ModelConsistency> consistency, List<UsBiasResult> usBias) {
        /** Copies the lists. */
        public ModelAlignment {
            alignment = List.copyOf(alignment);
            consistency = List.copyOf(consistency);
            usBias = List.copyOf(usBias);
        }
    }

    /**
     * The distribution comparisons of the report.
     *
     * @param wasserstein by Wasserstein similarity
     * @param jensenShannon by 1 − Jensen–Shannon distance (base 2)
     */
    public record SimilarityPair(SimilarityReport wasserstein, SimilarityReport jensenShannon) {
    }

    private static ModelAlignment align(Analysis.Models m, Optional<ScoreTable> scores, Progress progress,
                                        List<ReportSection> sections, List<String> inputs) {
        ModelOutputs outputs;
        try (Progress.Task t = progress.start("reading model outputs", -1)) {
            outputs = readOutputs(m.outputs());
        }
        m.outputs().forEach(p -> inputs.add("model outputs: " + described(p)));
        PopulationScores pops;
        String popSource;
        if (!m.populations().isEmpty()) {
            pops = PopulationScoreFiles.read(m.populations());
            m.populations().forEach(p -> inputs.add("population scores: " + described(p)));
            popSource = m.populations().size() + " population file(s)";
        } else if (scores.isPresent()) {
            pops = PopulationScores.of(scores.get());
            popSource = "the value polarity scores computed above";
        } else {
            pops = PopulationScores.of(Map.of());
            popSource = "";
        }
        ModelSelfConsistency sc = ModelSelfConsistency.withDefaults().withResamples(m.resamples()).withSeed(m.seed());
        ModelConsistencies consistency;
        Optional<Alignments> rows = Optional.empty();
        List<AlignmentSections.Chart> charts = new ArrayList<>();
        try (Progress.Task t = progress.start("aligning model outputs", -1)) {
            consistency = sc.estimate(outputs);
            if (!pops.populations().isEmpty()) {
                List<String> with = new ArrayList<>(m.alignWith());
                if (with.isEmpty()) {
                    boolean own = outputs.languages().stream().allMatch(pops::contains);
                    with.addAll(own ? List.of(Analysis.OWN_LANGUAGE) : pops.populations());
                }
                LinkedHashSet<String> names = new LinkedHashSet<>();
                for (String w : with) {
                    if (w.equalsIgnoreCase(Analysis.OWN_LANGUAGE)) {
                        outputs.languages().stream().filter(pops::contains).forEach(names::add);
                        charts.add(new AlignmentSections.Chart("own-language", "each prompt language's own population",
                                l -> pops.contains(l) ? Optional.of(l) : Optional.empty()));
                    } else {
                        if (!pops.contains(w)) {
                            throw new PluralstatsException("models.alignWith: no scores for population " + w
                                    + "; the populations are " + pops.populations());
                        }
                        names.add(w);
                        charts.add(new AlignmentSections.Chart(w.replaceAll("[^A-Za-z0-9._-]", "_"), "population " + w,
                                l -> Optional.of(w)));
                    }
                }
                rows = Optional.of(Alignment.withDefaults().withLevel(m.level()).withResamples(m.resamples())
                        .withSeed(m.seed()).withSelfConsistency(sc).compare(outputs, pops, List.copyOf(names)));
            }
        }
        Optional<UsBiasResults> bias = Optional.empty();
        if (m.countries().isPresent()) {
            CountryLanguages table = CountryLanguageFiles.read(m.countries().get());
            inputs.add("country → language: " + described(m.countries().get()));
            try (Progress.Task t = progress.start("comparing US and local alignment", -1)) {
                bias = Optional.of(UsCentricBias.withDefaults().withReference(m.reference()).withLevel(m.level())
                        .withResamples(m.resamples()).withSeed(m.seed()).compare(outputs, pops, table));
            }
        }
        String intro = outputs.generations().size() + " judged generations of " + outputs.models().size() + " models in "
                + outputs.languages().size() + " prompt languages (" + String.join(", ", outputs.languages()) + ") from "
                + outputs.source().replaceAll(".*[/\\\\]", "") + ", scored by Eq. 2 of Rystrøm, Kirk & Hale (pro / (pro + con))"
                + excluded(outputs) + (popSource.isEmpty() ? "; no population scores, so only self-consistency"
                : "; populations from " + popSource + " (" + pops.populations().size() + " populations)")
                + ". Level " + m.level().jsonName() + ", " + m.resamples() + " bootstrap resamples, seed " + m.seed() + ".";
        sections.add(AlignmentSections.alignment("alignment", m.title(), intro, rows, consistency, charts));
        if (m.countries().isPresent()) {
            sections.add(AlignmentSections.usBias("us-bias", "US-centric bias: " + m.reference()
                            + " versus local populations",
                    "Does a model prompted in a language agree more with the " + m.reference() + " than with the countries "
                            + "where that language is spoken? For each model × language and each local country (from "
                            + m.countries().get().getFileName() + ", the " + m.reference() + " itself excluded): ρ with the "
                            + m.reference() + " minus ρ with the local country, over the units both have scores for.",
                    bias.orElseThrow(), m.locals()));
        }
        return new ModelAlignment(outputs, pops, rows.map(Alignments::rows).orElse(List.of()), consistency.rows(),
                bias.map(UsBiasResults::rows).orElse(List.of()));
    }

    private static ModelOutputs readOutputs(List<Path> files) {
        if (files.size() == 1) {
            return ModelOutputFiles.read(files.get(0));
        }
        List<Generation> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(ModelOutputFiles.read(f).generations());
        }
        return ModelOutputs.of(all);
    }

    private static String excluded(ModelOutputs outputs) {
        Map<String, Integer> ex = outputs.accounting().excluded();
        if (ex.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        ex.forEach((k, v) -> parts.add(v + " " + k));
        return " (left out: " + String.join(", ", parts) + ")";
    }

    private static SimilarityPair similarity(Analysis.Similarity s, Progress progress, List<ReportSection> sections,
                                             List<String> inputs) {
        List<OptionDistribution> human = OptionDistributionFiles.read(s.human());
        List<OptionDistribution> model = OptionDistributionFiles.read(s.model());
        inputs.add("human answer distributions: " + described(s.human()));
        inputs.add("model answer distributions: " + described(s.model()));
        SimilarityPair pair;
        try (Progress.Task t = progress.start("comparing answer distributions", -1)) {
            DistributionSimilarity d = DistributionSimilarity.withDefaults().withResamples(s.resamples()).withSeed(s.seed());
            pair = new SimilarityPair(d.withMetric(SimilarityMetric.WASSERSTEIN).compare(human, model),
                    d.withMetric(SimilarityMetric.JENSEN_SHANNON).withLogBase(2).compare(human, model));
        }
        sections.add(AlignmentSections.similarity("similarity", s.title(), "Human answer distributions of "
                        + s.human().getFileName() + " against the model's of " + s.model().getFileName() + ": "
                        + pair.wasserstein().questions().size() + " population × question pairs compared, "
                        + s.resamples() + " bootstrap resamples, seed " + s.seed() + ".",
                pair.wasserstein(), pair.jensenShannon()));
        return pair;
    }

    /**
     * Reads one WVS/EVS-style file for scoring: only the coded items, the population column and the
     * weight columns.
     *
     * @param file the data file
     * @param codings the item codings
     * @param by the population column; empty: the file's country variable
     * @param weight the weight expression; empty: the file's convention (unweighted when it has none)
     * @param progress where reading reports
     * @return the design
     */
    public static PolarityDesign design(Path file, ItemCodings codings, Optional<String> by, Optional<String> weight,
                                        Progress progress) {
        WvsConventions conv;
        Optional<String> resolved;
        try (CaseReader r = SurveyFiles.open(file)) {
            FileDictionary dict = r.dictionary();
            conv = WvsConventions.detect(dict);
            // "language" and "country" stand for the release's columns (LNGE_ISO before S_INTLANGUAGE)
            resolved = by.map(b -> WvsConventions.populationColumn(dict, b));
        }
        String column = resolved.or(conv::countryVariable).orElseThrow(() -> new PluralstatsException(file
                + ": no population column; name one (\"by\" in the analysis file, --by on the command line)"));
        WeightSpec ws = weight.map(WeightSpec::parse).orElseGet(() -> WeightSpec.product(conv.defaultWeight()));
        Set<String> vars = new LinkedHashSet<>();
        for (ItemCoding c : codings.items()) {
            vars.add(c.id());
        }
        PopulationSpec pops = column.equalsIgnoreCase(PopulationSpec.GLOBAL) ? PopulationSpec.global()
                : PopulationSpec.by(column);
        pops.column().ifPresent(vars::add);
        vars.addAll(ws.columns());
        Set<String> seen = new LinkedHashSet<>();
        List<String> unique = new ArrayList<>();
        for (String v : vars) {
            if (seen.add(v.toLowerCase(Locale.ROOT))) {
                unique.add(v);
            }
        }
        SurveyData data = SurveyFiles.read(file, ReadOptions.builder().variables(unique).weight().build(), progress);
        return PolarityDesign.builder(data).binarisation(codings.binarisation()).populations(pops)
                .weight(ws).build();
    }

    /**
     * @param file an input file
     * @return its path, size and SHA-256, so that the page says exactly which file was read:
     *     {@code "data/w7.sav (31957 bytes, SHA-256 9f86d0…)"}; the path alone when it cannot be read again
     */
    static String described(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            long size = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                size += n;
            }
            return file + " (" + size + " bytes, SHA-256 " + java.util.HexFormat.of().formatHex(sha.digest()) + ")";
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            return file.toString();
        }
    }

    /** @return the analysis that was run */
    public Analysis analysis() {
        return analysis;
    }

    /** @return the Google Forms comparison, if the analysis had one */
    public Optional<FormsReport> forms() {
        return forms;
    }

    /** @return the published table's cells checked, if one was given */
    public List<TableCheck.Cell> tableCheck() {
        return checks;
    }

    /** @return the value polarity scores, if the analysis had WVS-style data */
    public Optional<ScoreTable> scores() {
        return scores;
    }

    /** @return the scores of every further file format compared with the first (empty for one file) */
    public List<ScoreSections.FileAgreement> fileAgreements() {
        return agreements;
    }

    /** @return the alignment of the model outputs, if the analysis had any */
    public Optional<ModelAlignment> alignment() {
        return alignment;
    }

    /** @return the comparison of answer distributions, if the analysis had one */
    public Optional<SimilarityPair> similarity() {
        return similarity;
    }

    /**
     * @return what the readers noticed in the inputs ({@link SurveyData#warnings()}), in the order read;
     *     listed on the page and printed by the command line
     */
    public List<String> warnings() {
        return warnings;
    }

    /** @return the report's sections, in order */
    public List<ReportSection> sections() {
        return sections;
    }

    /** @return the HTML report */
    public HtmlReport html() {
        HtmlReport.Builder b = HtmlReport.builder(analysis.title())
                .intro("Every chart's numbers are in the tables under it, and beside this page as CSV and JSON "
                        + "(tables/). Intervals are 95%.");
        inputs.forEach(b::input);
        warnings.forEach(b::warning);
        return b.sections(sections).build();
    }

    /**
     * @return a Markdown summary for the terminal: Table 1, its GRIM check, the scores, the alignment and
     *     the distribution similarity in brief
     */
    public String summary() {
        StringBuilder sb = new StringBuilder("# ").append(analysis.title()).append("\n\n");
        if (forms.isPresent()) {
            Analysis.Forms f = analysis.forms().orElseThrow();
            sb.append(f.title()).append(": ").append(f.groups().size()).append(" Google Forms exports.\n\n");
            sb.append(forms.get().tableMarkdown());
            if (!checks.isEmpty()) {
                sb.append("\n## The published table checked (GRIM, Brown & Heathers 2016)\n\n");
                sb.append(TableCheck.markdown(checks));
            }
        }
        if (scores.isPresent()) {
            ScoreTable t = scores.get();
            sb.append("\n## ").append(analysis.wvs().orElseThrow().title()).append("\n\n");
            sb.append(t.populations().size()).append(" populations (").append(String.join(", ", t.populations()))
                    .append(") × ").append(t.items().size()).append(" items.\n");
            if (!agreements.isEmpty()) {
                List<String> names = new ArrayList<>();
                boolean all = true;
                for (ScoreSections.FileAgreement a : agreements) {
                    names.add(a.format());
                    all &= a.agrees(ScoreSections.AGREEMENT_TOLERANCE);
                }
                sb.append(all ? "Every file format gives the same scores: " : "File formats DISAGREE: ")
                        .append(String.join(", ", names)).append(".\n");
            }
        }
        if (alignment.isPresent()) {
            ModelAlignment a = alignment.get();
            sb.append("\n## ").append(analysis.models().orElseThrow().title()).append("\n\n");
            sb.append(a.outputs().generations().size()).append(" generations, ").append(a.outputs().models().size())
                    .append(" models × ").append(a.outputs().languages().size()).append(" languages; ")
                    .append(a.alignment().size()).append(" alignments, ").append(a.consistency().size())
                    .append(" self-consistencies");
            a.alignment().stream().filter(r -> !Double.isNaN(r.rho()))
                    .max(java.util.Comparator.comparingDouble(AlignmentResult::rho))
                    .ifPresent(r -> sb.append("; highest ρ: ").append(r.model()).append(' ').append(r.language())
                            .append(" with ").append(r.population()).append(' ').append(Tables.fixed(r.rho(), 3)));
            sb.append(".\n");
            if (!a.usBias().isEmpty()) {
                long closer = a.usBias().stream().filter(r -> r.ciLow() > 0).count();
                long local = a.usBias().stream().filter(r -> r.ciHigh() < 0).count();
                sb.append("US versus local: ").append(a.usBias().size()).append(" comparisons; ").append(closer)
                        .append(" closer to the ").append(a.usBias().get(0).reference()).append(", ").append(local)
                        .append(" closer to the local country (95% interval excludes 0).\n");
            }
        }
        if (similarity.isPresent()) {
            sb.append("\n## ").append(analysis.similarity().orElseThrow().title()).append("\n\n");
            for (SimilaritySummary x : similarity.get().wasserstein().summaries()) {
                sb.append(x.population()).append(": Wasserstein similarity ").append(Tables.fixed(x.similarity(), 3))
                        .append(" over ").append(x.questions()).append(" questions, unclassifiable ")
                        .append(Tables.fixed(100 * x.unclassifiableShare(), 1)).append("%\n");
            }
        }
        return sb.toString();
    }
}
