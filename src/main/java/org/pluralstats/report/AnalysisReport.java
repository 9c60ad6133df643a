package org.pluralstats.report;

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
import org.pluralstats.data.SurveyData;
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
 * ({@link ScoreSections}). Alignment of model outputs per model × language, US-vs-local bias and
 * distribution similarity are sections of their own, added in {@link #sections} when the alignment
 * package is part of the build.
 */
public final class AnalysisReport {
    private final Analysis analysis;
    private final Optional<FormsReport> forms;
    private final List<TableCheck.Cell> checks;
    private final Optional<ScoreTable> scores;
    private final List<ScoreSections.FileAgreement> agreements;
    private final List<ReportSection> sections;
    private final List<String> inputs;

    private AnalysisReport(Analysis analysis, Optional<FormsReport> forms, List<TableCheck.Cell> checks,
                           Optional<ScoreTable> scores, List<ScoreSections.FileAgreement> agreements,
                           List<ReportSection> sections, List<String> inputs) {
        this.analysis = analysis;
        this.forms = forms;
        this.checks = List.copyOf(checks);
        this.scores = scores;
        this.agreements = List.copyOf(agreements);
        this.sections = List.copyOf(sections);
        this.inputs = List.copyOf(inputs);
    }

    /**
     * @param analysis what to analyse
     * @param progress where long work reports ({@link Progress#terminal()} on the command line)
     * @return the computed report
     */
    public static AnalysisReport run(Analysis analysis, Progress progress) {
        if (!analysis.models().isEmpty()) {
            // Hook: model outputs (io.llm) and their alignment sections (align) plug in here.
            throw new PluralstatsException("model outputs (" + analysis.models().get(0).getFileName()
                    + "): alignment per model × language needs the org.pluralstats.align package, which this build "
                    + "does not include yet");
        }
        List<ReportSection> sections = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
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
            f.groups().forEach((g, p) -> inputs.add("Google Forms export, group " + g + ": " + p));
            f.codebook().ifPresent(c -> inputs.add("codebook: " + c));
            f.checkTable().ifPresent(c -> inputs.add("published table checked: " + c));
            sections.add(FormsSections.of("forms", f.title(), report, checks));
        }
        Optional<ScoreTable> scores = Optional.empty();
        List<ScoreSections.FileAgreement> agreements = new ArrayList<>();
        if (analysis.wvs().isPresent()) {
            Analysis.Wvs w = analysis.wvs().get();
            ItemCodings codings = ItemCodings.read(w.items());
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
                inputs.add("survey data (" + format + "): " + file);
            }
            inputs.add("item codings: " + w.items());
            Map<String, String> labels = new LinkedHashMap<>();
            for (ItemCoding c : codings.items()) {
                labels.put(c.id(), c.label());
            }
            scores = Optional.of(first);
            sections.add(ScoreSections.of("scores", w.title(), design, first, labels, w.chartItems(),
                    agreements.size() > 1 ? agreements : List.of()));
        }
        // Hook: sections of further analyses (alignment per model × language — Figure 4 —, US-vs-local
        // bias — Figure 5 —, distribution similarity per population, regression) are added here.
        return new AnalysisReport(analysis, forms, checks, scores, agreements.size() > 1 ? agreements : List.of(),
                sections, inputs);
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
        try (CaseReader r = SurveyFiles.open(file)) {
            FileDictionary dict = r.dictionary();
            conv = WvsConventions.detect(dict);
        }
        String column = by.or(conv::countryVariable).orElseThrow(() -> new PluralstatsException(file
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
        return PolarityDesign.builder(data).binarisation(codings.binarisation(Optional.empty())).populations(pops)
                .weight(ws).build();
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
        return b.sections(sections).build();
    }

    /** @return a Markdown summary for the terminal: Table 1, its GRIM check, and the scores in brief */
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
        return sb.toString();
    }
}
