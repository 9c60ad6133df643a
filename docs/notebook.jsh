// pluralstats notebook: a walkthrough to paste into JShell piece by piece.
//
//   ./pluralstats jshell                         then paste the pieces below, one at a time
//   ./pluralstats jshell -q < docs/notebook.jsh  runs it all (CI does, and fails on any JShell error)
//
// The launcher puts the library on the class path and imports its packages (pluralstats-core/src/main/jshell/imports.jsh).
// Run it from the root of the pluralstats checkout: the paths below are relative to it.
// JShell ends a statement at the end of a line when it is complete, so a chained call continues with
// the dot at the END of the line (builder(x).  newline  weight(...)), not at the start of the next.
// A result shows itself: evaluate it (type its name) and JShell prints the head of its table.
// (run as a whole, the values print without prompts: a feedback mode like normal, with empty prompts)
/set mode notebook normal -quiet
/set prompt notebook "" ""
/set truncation notebook 4000
/set feedback notebook

// ---- 1. Read the pilot survey's Google Forms exports: one CSV per language, aligned by the codebook
var files = new LinkedHashMap<String, Path>();
for (String g : List.of("Arabic", "Chinese", "Farsi", "English")) {
    files.put(g, Path.of("data-samples/pilot-survey", g.toLowerCase() + ".csv"));
}
var codebook = Codebook.read(Path.of("data-samples/pilot-survey/codebook.json"));
FormsSurvey survey = GoogleFormsReader.read(files, FormsReadOptions.builder().codebook(codebook).build());

// ---- 2. Table 1: mean per scale item, % choosing Model B, as the paper rounds them
FormsComparison table = FormsComparison.of(survey, Map.of());
table.means()
table.tests()

// One cell, unrounded, and what lies behind it
GroupComparison cmp = table.comparison();
var farsiQ1 = (ItemSummary.Scale) cmp.summary("Farsi", "Q1");
farsiQ1.likert()
cmp.share("Farsi", "Q4", "B").orElseThrow()

// ---- 3. Check the published Table 1 with GRIM: which printed means can n integer answers give?
TableCheck checks = TableCheck.check(Path.of("data-samples/pilot-survey/table1-published.csv"), table);

// ---- 4. Read a WVS-style file: SPSS .sav here; .zsav, Stata .dta and CSV read the same way
SurveyData wvs = SurveyFiles.read(Path.of("data-samples/wvs-sample/wvs7-sample.sav"));
wvs.groupRows("B_COUNTRY_ALPHA").keySet()

// ---- 5. Score it: value polarity scores (Eq. 1) per country and item, weighted by W_WEIGHT
ItemCodings items = ItemCodingFiles.read(Path.of("data-samples/wvs-sample/items.json"));
PolarityDesign design = PolarityDesign.builder(wvs).
        binarisation(items.binarisation()).
        populations(PopulationSpec.by("B_COUNTRY_ALPHA")).
        weight(WeightSpec.parse("W_WEIGHT")).
        build();
ScoreTable scores = ValuePolarityScores.withDefaults().estimate(design);
scores.get("DNK", "Q164").orElseThrow()

// Correlations between countries' score vectors (the seed paper's Figure 2)
ScoreCorrelations.of(scores, Correlation.Method.PEARSON)
// Print a result's table in any format: Markdown, CSV or JSON, as the CLI and the report write it
System.out.print(ResultTableWriters.markdown(checks.table()));

// ---- 6. Align model outputs with the populations
// Judged generations, one JSON object a line: {"model","family","language","item","generation","labels":[...]}.
// The sample's labels are invented (data-samples/model-outputs/README.md); its populations are the
// released ground truth of seed paper 003 for the same items (languages da, en; countries DK, GB, US).
ModelOutputs outputs = ModelOutputFiles.read(Path.of("data-samples/model-outputs/outputs.jsonl"));
outputs.generations().get(0)   // Eq. 2: pro / (pro + con) of its labels
PopulationScores pops = PopulationScoreFiles.read(Path.of("data-samples/model-outputs/populations.csv"));

// Spearman's rho per model x language x population, with a seeded percentile bootstrap interval
Alignments aligned = Alignment.withDefaults().withResamples(200).withSeed(1).compare(outputs, pops);
for (AlignmentResult r : aligned.rows().subList(0, 5)) {
    System.out.printf("%-18s %s vs %-3s n=%d rho=%.3f [%.3f, %.3f]%n", r.model(), r.language(), r.population(),
            r.n(), r.rho(), r.ciLow(), r.ciHigh());
}
aligned   // the head of its table: the method, bootstrap, seed and the first rows

// US-vs-local: rho(US) - rho(local country), the local countries from the paper's country -> language table
UsBiasResults bias = UsCentricBias.withDefaults().withResamples(200).withSeed(1).
        compare(outputs, pops, CountryLanguageFiles.read(Path.of("data-samples/multicultural-alignment/country_languages.csv")));
bias.forEach(b -> System.out.printf("%-18s %s US - %s = %+.3f [%+.3f, %+.3f]%n", b.model(), b.language(), b.local(),
        b.difference(), b.ciLow(), b.ciHigh()));

// The released data of the paper (9148 generations, scored CSV) against its per-language ground truth
ModelOutputs released = ModelOutputFiles.read(Path.of("data-samples/multicultural-alignment/all_lang_model_responses_with_scores.csv"));
PopulationScores perLanguage = PopulationScoreFiles.read(Path.of("data-samples/multicultural-alignment/ground_truth_per_language.csv"));
Alignment.withDefaults().withLevel(AlignmentLevel.RESPONSE).withResamples(0).
        compare(released, perLanguage, List.of("da")).rows().stream().
        filter(r -> r.language().equals("da")).
        forEach(r -> System.out.printf("%-26s da vs da rho=%.3f%n", r.model(), r.rho()));

// ---- 7. The whole report, as ./pluralstats report writes it
// reading and computing (run) is apart from presenting (report)
AnalysisRun run = AnalysisRun.of(Analysis.read(Path.of("data-samples/analysis.json")), Progress.none());
run.scores().orElseThrow().scores()
AnalysisReport report = AnalysisReport.of(run);
report.html().write(Path.of("pluralstats-report"))

// A chart of your own: any estimates with intervals
var data = SeriesData.builder(List.of("Q1", "Q2")).
        series("Farsi · فارسی", List.of(Estimate.of(2.27, 1.6, 2.9), Estimate.of(1.27, 0.9, 1.7))).
        build();
System.out.println(IntervalChart.builder("Two means", data).yLabel("mean").yRange(1, 10).render().length()
        + " characters of SVG");

/exit
