package org.pluralstats.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pluralstats.PluralstatsException;
import org.pluralstats.Progress;
import org.pluralstats.align.AlignmentLevel;
import org.pluralstats.align.UsCentricBias;
import org.pluralstats.design.DesignSpec;
import org.pluralstats.run.Analysis;
import org.pluralstats.run.AnalysisRun;
import org.pluralstats.report.AnalysisReport;
import org.pluralstats.report.Provenance;
import org.pluralstats.report.html.HtmlReport;
import org.pluralstats.stats.PercentileBootstrap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats report}: the main job. With no arguments it runs {@code data-samples/analysis.json}
 * — the pilot survey's Table 1, group tests and GRIM check, and value polarity scores on the WVS-style
 * sample in every file format — writes the HTML report with its charts to {@code pluralstats-report/}
 * (or {@code --out DIR}), and prints a summary and where the report is. With arguments it runs on the
 * user's data: {@code --forms NAME=FILE …}, {@code --wvs FILE --items FILE}, {@code --model FILE
 * [--population FILE …] [--countries FILE]}, {@code --human FILE --answers FILE}, {@code --regress-data FILE.csv
 * --formula "y ~ x" [--groups COLUMN [--ml]] [--weights COLUMN] [--cov TYPE [--cluster COLUMN]]}, or {@code --analysis FILE}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The main job: from data to an HTML report with charts (index.html, tables as CSV and JSON).",
            "No arguments: the embedded data-samples/ (pilot survey, WVS-style sample in csv/sav/zsav/dta,"
                + " model outputs aligned with populations, answer distributions, seed paper 003's Eq. 3 regression)."})
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--analysis", paramLabel = "FILE", description = "an analysis file (JSON) naming all inputs (docs/reports.md)")
    Path analysisFile;

    @Option(names = "--forms", paramLabel = "NAME=FILE", description = "a Google Forms export per group; repeat, in table order")
    List<String> forms = new ArrayList<>();

    @Option(names = "--codebook", paramLabel = "FILE", description = "the Forms codebook (docs/codebook.md)")
    Path codebook;

    @Option(names = "--check-table", paramLabel = "FILE.csv", description = "a published table group,item,mean to check with GRIM")
    Path checkTable;

    @Option(names = "--wvs", paramLabel = "FILE", description = "WVS/EVS-style data (.csv, .sav, .zsav, .dta); repeat for "
            + "the same data in other formats (checked to give the same scores)")
    List<Path> wvs = new ArrayList<>();

    @Option(names = "--items", paramLabel = "FILE", description = "items and positive codes for --wvs (docs/weighting.md)")
    Path items;

    @Option(names = "--by", paramLabel = "COLUMN", description = "population column for --wvs (default: the file's country variable)")
    String by;

    @Option(names = "--weight", paramLabel = "EXPR|none", description = "weight for --wvs (default: the file's convention); without --wvs, the weight column of every --forms "
            + "export, adding the design-based estimates (with --psu/--strata/--fpc) to the Forms section")
    String weight;

    @Option(names = "--model", paramLabel = "FILE", description = "model outputs to align (JSONL or CSV, docs/alignment.md); "
            + "repeat to combine files")
    List<Path> models = new ArrayList<>();

    @Option(names = "--population", paramLabel = "FILE", description = "population scores for --model (vps output, "
            + "population,item,vps CSV, or the paper's ground truth); repeat; default: the scores of --wvs")
    List<Path> populations = new ArrayList<>();

    @Option(names = "--align-with", paramLabel = "NAME", description = "population drawn per model × language, one chart "
            + "each; 'language' for each language's own population; repeat")
    List<String> alignWith = new ArrayList<>();

    @Option(names = "--countries", paramLabel = "FILE", description = "country → language table for --model: adds the "
            + "US-vs-local comparison")
    Path countries;

    @Option(names = "--reference", paramLabel = "POPULATION", description = "the reference of the US-vs-local comparison "
            + "(default: US)")
    String reference;

    @Option(names = "--level", paramLabel = "item|response", description = "alignment units for --model (default: item)")
    String level;

    @Option(names = "--bootstrap", paramLabel = "N", description = "bootstrap resamples of the intervals (default: 200 for "
            + "--model, 1000 for --human)")
    Integer bootstrap;

    @Option(names = "--seed", paramLabel = "S", description = "bootstrap seed (default: 20250224)")
    Long seed;

    @CommandLine.Mixin
    SurveyDesignOptions surveyDesign;

    @Option(names = "--human", paramLabel = "FILE", description = "human answer distributions (docs/alignment.md); with "
            + "--answers: the distribution similarity section")
    Path human;

    @Option(names = "--answers", paramLabel = "FILE", description = "the model's answer distributions, compared with --human;"
            + " a model answer file (.jsonl) gives the distributional-alignment section")
    Path answers;

    @Option(names = "--regress-data", paramLabel = "FILE.csv", description = "a CSV file to fit --formula on: adds a "
            + "regression section (coefficient plot, residuals against fitted values, regress's tables)")
    Path regressData;

    @Option(names = "--formula", description = "the formula of --regress-data, as regress --formula (docs/regression.md)")
    String formula;

    @Option(names = "--groups", paramLabel = "COLUMN", description = "with --regress-data: a mixed model with a random "
            + "intercept per value of COLUMN (REML; --ml for maximum likelihood)")
    String groups;

    @Option(names = "--ml", description = "with --groups: maximum likelihood instead of REML")
    boolean ml;

    @Option(names = "--weights", paramLabel = "COLUMN", description = "with --regress-data: weighted least squares")
    String regressWeights;

    @Option(names = "--cov", paramLabel = "TYPE", description = "with --regress-data: nonrobust (default), HC0, HC1, HC2, "
            + "HC3 or cluster (with --cluster), as regress --cov")
    String cov;

    @Option(names = "--cluster", paramLabel = "COLUMN", description = "the cluster column of --cov cluster")
    String cluster;

    @Option(names = "--title", description = "the report's title")
    String title;

    @Option(names = "--samples", paramLabel = "DIR", description = "the data-samples directory (default: ./data-samples, else the installation's)")
    Path samples;

    @Option(names = "--no-date", description = "leave the run's date out of the page's and the tables' provenance, "
            + "so two runs write the same bytes (SOURCE_DATE_EPOCH, when set, dates the run instead of the clock)")
    boolean noDate;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "pluralstats-report",
            description = "the report directory (default: ${DEFAULT-VALUE})")
    Path out;

    /**
     * The report names each input with its size and SHA-256 (its provenance), which standard input does not
     * have: {@code -} for a report input is a usage error saying so, not "file not found".
     */
    private void refuseStandardInput() {
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            Object v = o.getValue();
            List<?> values = v instanceof List<?> l ? l : v instanceof Map<?, ?> m ? List.copyOf(m.values()) : List.of(
                    v == null ? "" : v);
            boolean dash = values.stream().anyMatch(x -> x instanceof Path p ? p.toString().equals("-")
                    : o.longestName().equals("--forms") && String.valueOf(x).endsWith("=-"));
            if (dash && !o.longestName().equals("--out")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "report cannot read " + o.longestName()
                        + " from standard input (-): the report records each input's name, size and SHA-256, so give"
                        + " it a file (align, similarity, vps and distributions read - directly)");
            }
        }
    }

    @Override
    public Integer call() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            // said before the analysis runs, not after minutes of work
            throw new PluralstatsException("cannot write the report to " + out + ": it is a file, not a directory; "
                    + "nothing written");
        }
        refuseStandardInput();
        Analysis analysis = analysis();
        AnalysisRun run = AnalysisRun.of(analysis, Progress.terminal());
        AnalysisReport report = AnalysisReport.of(run);
        Warnings.print(run.warnings());
        Provenance provenance = Provenance.of(run, command());
        HtmlReport html = report.html(noDate ? provenance.withoutDate() : provenance);
        HtmlReport.Written w = html.write(out);
        StringBuilder sb = new StringBuilder(report.summary());
        sb.append("\n## Report\n\n").append(w.figures()).append(" charts, ").append(w.tables())
                .append(" tables (also as CSV and JSON in ").append(out.resolve("tables")).append(")\n");
        sb.append("wrote ").append(w.index().toAbsolutePath().normalize()).append('\n');
        Output.write(null, sb.toString());
        return 0;
    }

    /** The command line as given, or the analysis file run: the provenance's command. */
    private String command() {
        List<String> args = spec.commandLine().getParseResult() == null ? List.of()
                : spec.commandLine().getParseResult().originalArgs();
        // picocli's original arguments are the whole command line, the subcommand's name included
        StringBuilder sb = new StringBuilder("pluralstats");
        for (String a : args) {
            sb.append(' ').append(a.isEmpty() || a.matches(".*[\\s\"'$`\\\\].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        if (args.size() <= 1) {
            sb.append(args.isEmpty() ? " report" : "").append(" (the analysis file data-samples/analysis.json)");
        }
        return sb.toString();
    }

    private Analysis analysis() {
        boolean inline = !forms.isEmpty() || !wvs.isEmpty() || !models.isEmpty() || human != null || answers != null
                || regressData != null;
        if (analysisFile != null && inline) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give either --analysis FILE or --forms/--wvs/--model/--human/--regress-data, not both");
        }
        Optional<Analysis.Regression> regression = regression();
        if (models.isEmpty() && (!populations.isEmpty() || !alignWith.isEmpty() || countries != null || reference != null
                || level != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--population, --align-with, --countries, --reference and --level need --model");
        }
        if ((human == null) != (answers == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--human and --answers go together");
        }
        if (bootstrap != null && (bootstrap < 0 || bootstrap > PercentileBootstrap.MAX_RESAMPLES)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap must be from 0 to "
                    + PercentileBootstrap.MAX_RESAMPLES + " (every resample is kept in memory), not " + bootstrap);
        }
        if (codebook != null && forms.isEmpty() || checkTable != null && forms.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--codebook and --check-table need --forms");
        }
        if ((items != null || by != null) && wvs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--items and --by need --wvs");
        }
        if (weight != null && wvs.isEmpty() && forms.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--weight needs --wvs (or, without --wvs, --forms)");
        }
        boolean formsDesign = wvs.isEmpty() && !forms.isEmpty() && weight != null;
        if (wvs.isEmpty() && !formsDesign && !surveyDesign.spec(spec.commandLine(), null).isSimple()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--psu, --strata, --fpc, --nest and --domain describe"
                    + " the design of --wvs data, or without --wvs that of --forms exports with --weight; in an analysis"
                    + " file, give them as the wvs part's \"design\" (or the forms part's, with its \"weight\")");
        }
        if (!wvs.isEmpty() && items == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--wvs needs --items FILE (positive codes per item)");
        }
        if (analysisFile != null) {
            return retitled(Analysis.read(analysisFile));
        }
        if (!inline) {
            Path file = samplesDir(samples).resolve("analysis.json");
            if (!Files.isRegularFile(file)) {
                throw new PluralstatsException(file + ": not found; the data-samples directory has no analysis.json");
            }
            return retitled(Analysis.read(file));
        }
        Optional<Analysis.Forms> f = Optional.empty();
        if (!forms.isEmpty()) {
            Map<String, Path> groups = new LinkedHashMap<>();
            for (String g : forms) {
                int eq = g.indexOf('=');
                if (eq <= 0 || eq == g.length() - 1) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--forms expects NAME=FILE, got \"" + g + "\"");
                }
                if (groups.put(g.substring(0, eq), Path.of(g.substring(eq + 1))) != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "group \"" + g.substring(0, eq) + "\" is given twice");
                }
            }
            f = Optional.of(new Analysis.Forms("Google Forms survey: group comparison", groups,
                    Optional.ofNullable(codebook), Optional.ofNullable(checkTable), Map.of(),
                    formsDesign ? Optional.of(weight) : Optional.empty(),
                    formsDesign ? surveyDesign.spec(spec.commandLine(), null) : DesignSpec.simple()));
        }
        Optional<Analysis.Wvs> s = wvs.isEmpty() ? Optional.empty()
                : Optional.of(new Analysis.Wvs("Value polarity scores: " + wvs.get(0).getFileName(), wvs, items,
                        Optional.ofNullable(by), Optional.ofNullable(weight), List.of(),
                        surveyDesign.spec(spec.commandLine(), wvs.isEmpty() ? null : wvs.get(0))));
        Optional<Analysis.Models> m = Optional.empty();
        if (!models.isEmpty()) {
            AlignmentLevel l;
            try {
                l = level == null ? AlignmentLevel.ITEM : AlignmentLevel.parse(level);
            } catch (PluralstatsException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            m = Optional.of(new Analysis.Models("Alignment of model outputs: " + models.get(0).getFileName(), models,
                    populations, alignWith, Optional.ofNullable(countries), reference == null ? UsCentricBias.US : reference,
                    Map.of(), l, bootstrap == null ? Analysis.Models.DEFAULT_RESAMPLES : bootstrap,
                    seed == null ? PercentileBootstrap.DEFAULT_SEED : seed));
        }
        Optional<Analysis.Similarity> sim = Optional.empty();
        Optional<Analysis.Opinions> opinions = Optional.empty();
        String answerName = answers == null ? "" : answers.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (human != null && (answerName.endsWith(".jsonl") || answerName.endsWith(".ndjson"))) {
            Analysis.Opinions d = Analysis.Opinions.of(human, answers);
            opinions = Optional.of(new Analysis.Opinions(d.title(), human, List.of(), answers,
                    bootstrap == null ? d.resamples() : bootstrap, seed == null ? d.seed() : seed));
        } else if (human != null) {
            Analysis.Similarity d = Analysis.Similarity.of(human, answers);
            sim = Optional.of(new Analysis.Similarity(d.title(), human, answers,
                    bootstrap == null ? d.resamples() : bootstrap, seed == null ? d.seed() : seed));
        }
        return new Analysis(title == null ? "pluralstats report" : title, f, s, m, sim, opinions,
                regression.map(List::of).orElse(List.of()));
    }

    private Analysis retitled(Analysis a) {
        return title == null ? a : new Analysis(title, a.forms(), a.wvs(), a.models(), a.similarity(), a.opinions(),
                a.regressions());
    }

    /** The regression of --regress-data, its options checked as {@code regress} checks them. */
    private Optional<Analysis.Regression> regression() {
        if (regressData == null) {
            if (formula != null || groups != null || ml || regressWeights != null || cov != null || cluster != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--formula, --groups, --ml, --weights, --cov and --cluster need --regress-data FILE.csv");
            }
            return Optional.empty();
        }
        if (formula == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--regress-data needs --formula \"y ~ x\"");
        }
        Analysis.Regression r;
        try {
            r = Analysis.Regression.of(regressData, formula, Optional.ofNullable(groups),
                    ml ? Optional.of(org.pluralstats.regress.MixedModel.Criterion.ML) : Optional.empty(),
                    Optional.ofNullable(regressWeights), Optional.ofNullable(cov), Optional.ofNullable(cluster));
        } catch (org.pluralstats.run.RegressionOptionsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            org.pluralstats.regress.Formula.parse(formula);
        } catch (PluralstatsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--formula: " + e.getMessage());
        }
        return Optional.of(r);
    }

    /**
     * @param given the directory given by the user, or null
     * @return the data-samples directory: the given one, ./data-samples, or the one beside the
     *     installation ({@code PLURALSTATS_HOME}, set by the launcher)
     */
    static Path samplesDir(Path given) {
        if (given != null) {
            return given;
        }
        Path local = Path.of("data-samples");
        if (Files.isDirectory(local)) {
            return local;
        }
        String home = System.getenv("PLURALSTATS_HOME");
        if (home != null && Files.isDirectory(Path.of(home, "data-samples"))) {
            return Path.of(home, "data-samples");
        }
        throw new PluralstatsException("no data-samples directory here; run from the pluralstats checkout or give --samples DIR");
    }
}
