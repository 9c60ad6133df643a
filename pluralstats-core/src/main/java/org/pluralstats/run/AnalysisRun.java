package org.pluralstats.run;

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
import org.pluralstats.align.Alignments;
import org.pluralstats.align.CountryLanguages;
import org.pluralstats.align.DistributionSimilarity;
import org.pluralstats.align.DistributionalAlignment;
import org.pluralstats.align.DistributionalAlignmentReport;
import org.pluralstats.align.ModelConsistencies;
import org.pluralstats.align.ModelSelfConsistency;
import org.pluralstats.align.LanguageConsistencies;
import org.pluralstats.align.LanguageConsistency;
import org.pluralstats.align.OptionDistribution;
import org.pluralstats.align.PopulationScores;
import org.pluralstats.align.SimilarityMetric;
import org.pluralstats.align.SimilarityReport;
import org.pluralstats.align.UsBiasResults;
import org.pluralstats.align.UsCentricBias;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.ReadOptions;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.io.forms.Codebook;
import org.pluralstats.io.forms.FormsReadOptions;
import org.pluralstats.io.forms.FormsSurvey;
import org.pluralstats.io.forms.GoogleFormsReader;
import org.pluralstats.align.Generation;
import org.pluralstats.align.ModelOutputs;
import org.pluralstats.io.llm.ModelOutputFiles;
import org.pluralstats.io.sidefile.CountryLanguageFiles;
import org.pluralstats.io.sidefile.ItemCodingFiles;
import org.pluralstats.io.llm.ModelAnswerFiles;
import org.pluralstats.io.opinion.HumanDistributions;
import org.pluralstats.io.sidefile.OptionDistributionFiles;
import org.pluralstats.io.sidefile.PopulationScoreFiles;
import org.pluralstats.io.wvs.WvsConventions;
import org.pluralstats.weight.ItemCoding;
import org.pluralstats.weight.ItemCodings;
import org.pluralstats.weight.PolarityDesign;
import org.pluralstats.weight.PopulationSpec;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.ValuePolarityScores;
import org.pluralstats.weight.WeightSpec;

/**
 * An {@link Analysis} run end to end: every input read, every estimator run, the results collected.
 * What {@code pluralstats report} computes before {@code report.AnalysisReport} presents it:
 *
 * <pre>{@code
 * AnalysisRun run = AnalysisRun.of(Analysis.read(Path.of("data-samples/analysis.json")), Progress.none());
 * run.scores().orElseThrow().scores();
 * }</pre>
 *
 * @param analysis the analysis that was run
 * @param forms the Google Forms comparison, if the analysis had one
 * @param scores the value polarity scores, if the analysis had WVS-style data
 * @param alignment the alignment of the model outputs, if the analysis had any
 * @param similarity the comparison of answer distributions, if the analysis had one
 * @param opinions the comparison of model answer files with human distributions, if the analysis had one
 * @param inputs every input file read, with its size and SHA-256 ({@link #described})
 * @param warnings what the readers noticed in the inputs ({@link SurveyData#warnings()}), in the order read
 * @param regressions the analysis' regressions fitted, in its order
 */
public record AnalysisRun(Analysis analysis, Optional<FormsRun> forms, Optional<Scores> scores,
                          Optional<ModelAlignment> alignment, Optional<SimilarityPair> similarity,
                          Optional<DistributionalAlignmentReport> opinions, List<String> inputs,
                          List<String> warnings, List<RegressionRun> regressions) {
    /** Copies the lists. */
    public AnalysisRun {
        inputs = List.copyOf(inputs);
        warnings = List.copyOf(warnings);
        regressions = List.copyOf(regressions);
    }

    /**
     * A run without regressions.
     *
     * @param analysis the analysis that was run
     * @param forms the Google Forms comparison, if any
     * @param scores the value polarity scores, if any
     * @param alignment the alignment of the model outputs, if any
     * @param similarity the comparison of answer distributions, if any
     * @param opinions the comparison of model answer files with human distributions, if any
     * @param inputs every input file read
     * @param warnings what the readers noticed in the inputs
     */
    public AnalysisRun(Analysis analysis, Optional<FormsRun> forms, Optional<Scores> scores,
                       Optional<ModelAlignment> alignment, Optional<SimilarityPair> similarity,
                       Optional<DistributionalAlignmentReport> opinions, List<String> inputs, List<String> warnings) {
        this(analysis, forms, scores, alignment, similarity, opinions, inputs, warnings, List.of());
    }

    /**
     * The Google Forms part's results.
     *
     * @param comparison the group comparison (Table 1 and its details)
     * @param check the published table checked, if one was given
     */
    public record FormsRun(FormsComparison comparison, Optional<TableCheck> check) {
    }

    /**
     * The WVS part's results.
     *
     * @param design the design the scores were estimated on (the first file's)
     * @param scores the scores of the first file
     * @param itemLabels item id to its label in the item codings
     * @param agreements every further file format's scores compared with the first (empty for one file)
     */
    public record Scores(PolarityDesign design, ScoreTable scores, Map<String, String> itemLabels,
                         List<FileAgreement> agreements) {
        /** Copies the map and list. */
        public Scores {
            itemLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(itemLabels));
            agreements = List.copyOf(agreements);
        }
    }

    /**
     * The alignment results of the model outputs.
     *
     * @param outputs the model outputs read
     * @param populations the population scores they were compared with
     * @param populationSource where those scores came from (empty: none, only self-consistency)
     * @param alignWith the populations drawn, {@value Analysis#OWN_LANGUAGE} for each language's own, one chart each
     * @param alignment every model × language × population compared (empty without population scores)
     * @param consistency self-consistency per model × language
     * @param languageConsistency self-consistency within and between prompt languages, with the test of
     *     within − between (seed paper 003, §2.2)
     * @param usBias the US-vs-local comparisons (empty without a country → language table)
     */
    public record ModelAlignment(ModelOutputs outputs, PopulationScores populations, String populationSource,
                                 List<String> alignWith, Optional<Alignments> alignment,
                                 ModelConsistencies consistency, LanguageConsistencies languageConsistency,
                                 Optional<UsBiasResults> usBias) {
        /** Copies the list. */
        public ModelAlignment {
            alignWith = List.copyOf(alignWith);
        }
    }

    /**
     * The distribution comparisons.
     *
     * @param wasserstein by Wasserstein similarity
     * @param jensenShannon by 1 − Jensen–Shannon distance (base 2)
     */
    public record SimilarityPair(SimilarityReport wasserstein, SimilarityReport jensenShannon) {
    }

    /**
     * @param analysis what to analyse
     * @param progress where long work reports ({@link Progress#terminal()} on the command line)
     * @return the results
     */
    public static AnalysisRun of(Analysis analysis, Progress progress) {
        List<String> inputs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<FormsRun> forms = analysis.forms().map(f -> forms(f, progress, inputs));
        Optional<Scores> scores = analysis.wvs().map(w -> scores(w, progress, inputs, warnings));
        Optional<ModelAlignment> alignment = analysis.models()
                .map(m -> align(m, scores.map(Scores::scores), progress, inputs));
        Optional<SimilarityPair> similarity = analysis.similarity().map(s -> similarity(s, progress, inputs));
        Optional<DistributionalAlignmentReport> opinions = analysis.opinions()
                .map(o -> opinions(o, progress, inputs, warnings));
        List<RegressionRun> regressions = new ArrayList<>();
        for (Analysis.Regression r : analysis.regressions()) {
            try (Progress.Task t = progress.start("fitting " + r.formula(), -1)) {
                regressions.add(RegressionRun.fit(r));
            }
            inputs.add("regression data (" + r.formula() + "): " + described(r.data()));
        }
        return new AnalysisRun(analysis, forms, scores, alignment, similarity, opinions, inputs, warnings, regressions);
    }

    private static FormsRun forms(Analysis.Forms f, Progress progress, List<String> inputs) {
        FormsReadOptions.Builder opts = FormsReadOptions.builder();
        f.codebook().ifPresent(c -> opts.codebook(Codebook.read(c)));
        if (f.weight().isPresent()) {
            // the design's columns are attributes of every export, not items
            List<String> text = new ArrayList<>(f.design().psu());
            text.addAll(f.design().strata());
            List<String> numbers = new ArrayList<>(List.of(f.weight().get()));
            numbers.addAll(f.design().fpc());
            opts.attributes(text.stream().distinct().toList()).numericAttributes(numbers.stream().distinct().toList());
        }
        FormsSurvey survey;
        try (Progress.Task t = progress.start("reading " + f.groups().size() + " Google Forms exports", -1)) {
            survey = GoogleFormsReader.read(new LinkedHashMap<>(f.groups()), opts.build());
        }
        FormsComparison comparison = f.weight().isPresent()
                ? FormsComparison.of(survey, f.share()).withDesign(f.weight().get(), f.design())
                : FormsComparison.of(survey, f.share());
        f.groups().forEach((g, p) -> inputs.add("Google Forms export, group " + g + ": " + described(p)));
        f.codebook().ifPresent(c -> inputs.add("codebook: " + described(c)));
        f.checkTable().ifPresent(c -> inputs.add("published table checked: " + described(c)));
        return new FormsRun(comparison, f.checkTable().map(c -> TableCheck.check(c, comparison)));
    }

    private static Scores scores(Analysis.Wvs w, Progress progress, List<String> inputs, List<String> warnings) {
        ItemCodings codings = ItemCodingFiles.read(w.items());
        PolarityDesign design = null;
        ScoreTable first = null;
        List<FileAgreement> agreements = new ArrayList<>();
        for (Path file : w.files()) {
            PolarityDesign d = design(file, codings, w.by(), w.weight(), w.design().columns(), progress);
            ScoreTable t = ValuePolarityScores.withDefaults().estimate(d, w.design());
            String format = SurveyFiles.detect(file).jsonName();
            if (first == null) {
                design = d;
                first = t;
            }
            agreements.add(FileAgreement.compare(file.getFileName().toString(), format, d.data().rows(), first, t));
            inputs.add("survey data (" + format + "): " + described(file));
            warnings.addAll(d.data().warnings());
        }
        inputs.add("item codings: " + described(w.items()));
        Map<String, String> labels = new LinkedHashMap<>();
        for (ItemCoding c : codings.items()) {
            labels.put(c.id(), c.label());
        }
        return new Scores(design, first, labels, agreements.size() > 1 ? agreements : List.of());
    }

    private static ModelAlignment align(Analysis.Models m, Optional<ScoreTable> scores, Progress progress,
                                        List<String> inputs) {
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
        LanguageConsistencies languageConsistency;
        Optional<Alignments> rows = Optional.empty();
        List<String> with = new ArrayList<>(m.alignWith());
        try (Progress.Task t = progress.start("aligning model outputs", -1)) {
            consistency = sc.estimate(outputs);
            // §2.2's check that language changes the output: as many permutations as resamples
            languageConsistency = LanguageConsistency.withDefaults().withResamples(m.resamples())
                    .withPermutations(m.resamples()).withSeed(m.seed()).estimate(outputs);
            if (!pops.populations().isEmpty()) {
                if (with.isEmpty()) {
                    boolean own = outputs.languages().stream().allMatch(pops::contains);
                    with.addAll(own ? List.of(Analysis.OWN_LANGUAGE) : pops.populations());
                }
                LinkedHashSet<String> names = new LinkedHashSet<>();
                for (String w : with) {
                    if (w.equalsIgnoreCase(Analysis.OWN_LANGUAGE)) {
                        outputs.languages().stream().filter(pops::contains).forEach(names::add);
                    } else if (!pops.contains(w)) {
                        throw new PluralstatsException("models.alignWith: no scores for population " + w
                                + "; the populations are " + pops.populations());
                    } else {
                        names.add(w);
                    }
                }
                rows = Optional.of(Alignment.withDefaults().withLevel(m.level()).withResamples(m.resamples())
                        .withSeed(m.seed()).withSelfConsistency(sc).compare(outputs, pops, List.copyOf(names)));
            } else {
                with.clear();
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
        return new ModelAlignment(outputs, pops, popSource, with, rows, consistency, languageConsistency, bias);
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

    private static DistributionalAlignmentReport opinions(Analysis.Opinions o, Progress progress, List<String> inputs,
                                                          List<String> warnings) {
        HumanDistributions human = HumanDistributions.read(o.human(), o.humanBy(), OptionDistributionFiles.UNCLASSIFIABLE);
        ModelAnswerFiles.Contents answers = ModelAnswerFiles.read(o.answers());
        inputs.add("human answer distributions: " + described(o.human()));
        inputs.add("model answers: " + described(o.answers()) + ": " + answers.accounting());
        warnings.addAll(human.warnings());
        try (Progress.Task t = progress.start("comparing model answers with populations", -1)) {
            return DistributionalAlignment.withDefaults().withResamples(o.resamples()).withSeed(o.seed())
                    .compare(human.distributions(), answers.answers());
        }
    }

    private static SimilarityPair similarity(Analysis.Similarity s, Progress progress, List<String> inputs) {
        List<OptionDistribution> human = HumanDistributions.read(s.human(), List.of(),
                OptionDistributionFiles.UNCLASSIFIABLE).distributions();
        List<OptionDistribution> model = OptionDistributionFiles.read(s.model());
        inputs.add("human answer distributions: " + described(s.human()));
        inputs.add("model answer distributions: " + described(s.model()));
        try (Progress.Task t = progress.start("comparing answer distributions", -1)) {
            DistributionSimilarity d = DistributionSimilarity.withDefaults().withResamples(s.resamples()).withSeed(s.seed());
            return new SimilarityPair(d.withMetric(SimilarityMetric.WASSERSTEIN).compare(human, model),
                    d.withMetric(SimilarityMetric.JENSEN_SHANNON).withLogBase(2).compare(human, model));
        }
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
        return design(file, codings, by, weight, List.of(), progress);
    }

    /**
     * As {@link #design(Path, ItemCodings, Optional, Optional, Progress)}, reading further columns too.
     *
     * @param file the data file
     * @param codings the item codings
     * @param by the population column; empty: the file's country variable
     * @param weight the weight expression; empty: the file's convention
     * @param extra further columns (a survey design's clusters, strata, fpc)
     * @param progress where reading reports
     * @return the design
     */
    public static PolarityDesign design(Path file, ItemCodings codings, Optional<String> by, Optional<String> weight,
                                        List<String> extra, Progress progress) {
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
        vars.addAll(extra);
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
}
