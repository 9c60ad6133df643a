package org.pluralstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pluralstats.PluralstatsException;
import org.pluralstats.Progress;
import org.pluralstats.align.DistributionSimilarity;
import org.pluralstats.align.DistributionalAlignment;
import org.pluralstats.align.DistributionalAlignmentReport;
import org.pluralstats.align.OptionDistribution;
import org.pluralstats.align.SimilarityMetric;
import org.pluralstats.align.SimilarityReport;
import org.pluralstats.distribution.AnswerDistributions;
import org.pluralstats.io.llm.ModelAnswerFiles;
import org.pluralstats.io.opinion.HumanDistributions;
import org.pluralstats.io.opinion.OpinionQa;
import org.pluralstats.io.sidefile.OptionDistributionFiles;
import org.pluralstats.report.Counts;
import org.pluralstats.stats.JensenShannonDistance;
import org.pluralstats.stats.PercentileBootstrap;
import org.pluralstats.table.ResultTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats similarity --human FILE --model FILE [--metric wasserstein|jsd|tv|kl] [--bootstrap N --seed S]}:
 * similarity of model and human answer distributions per population (seed paper 002's Table 1); with a
 * model answer file (JSON Lines), per model × condition × persona × population with baselines, intervals
 * over questions and generations, and steerability ({@link DistributionalAlignment}).
 */
@Command(name = "similarity", mixinStandardHelpOptions = true,
        description = {"Similarity of model and human answer distributions on multiple-choice questions, per population.",
                "The mean over questions of 1 - W1/(max - min ordinal) (representativeness, OpinionQA), 1 - Jensen-Shannon distance,"
                + " 1 - total variation or the Kullback-Leibler divergence, with seeded bootstrap intervals and the share of"
                + " unclassifiable outputs (seed 002, Table 1).",
                "With a model answer file (.jsonl): per model, condition, persona and population, beside the uniform,"
                + " global-majority, other-population and split-half baselines, with intervals over questions and over"
                + " generations, and OpinionQA's steerability (--table steerability).",
                "Output: the table (JSON: {title, metadata, rows}) as the report writes it (docs/alignment.md)."})
final class SimilarityCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--human", paramLabel = "FILE", description = "human distributions (JSON or CSV, GlobalOpinionQA's global_opinions.csv, or an OpinionQA wave folder or its responses.csv, as released)")
    Path human;

    @Option(names = "--human-data", paramLabel = "FILE",
            description = "instead of --human: survey microdata (.csv, .sav, .zsav, .dta) whose weighted answer shares per --by"
                    + " population are the human side, as `distributions` computes them, with split-half ceilings")
    Path humanData;

    @Option(names = "--items", paramLabel = "ITEMS.json", description = "with --human-data: the questions (default: every variable"
            + " but the population and weight columns)")
    Path items;

    @Option(names = "--by", paramLabel = "COLUMN|global", split = ",",
            description = "with --human-data: the populations (a column, several for their intersection, or global)")
    List<String> by;

    @Option(names = "--weight", paramLabel = "EXPR|none", description = "with --human-data: the weight (default: the file's convention)")
    String weight;

    @Option(names = "--splits", defaultValue = "100", paramLabel = "N",
            description = "with --human-data: random halves per population and question for the split-half ceiling (default: ${DEFAULT-VALUE})")
    int splits;

    @Option(names = "--human-by", paramLabel = "COLUMN", split = ",",
            description = "OpinionQA: the demographic columns of responses.csv whose metadata.csv groups are the populations (default: the whole panel, Overall)")
    List<String> humanBy;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "model answers: JSON Lines of sampled answers or (log-)probabilities per model, condition and"
                    + " persona (.jsonl; docs/alignment.md), or distributions (JSON or CSV)")
    Path model;

    @Option(names = "--metric", split = ",", paramLabel = "METRIC",
            description = "wasserstein (representativeness), jsd (1 - Jensen-Shannon distance), tv (1 - total variation"
                    + " distance), kl (Kullback-Leibler divergence, answer files only); default: all four for an answer"
                    + " file, wasserstein for distributions")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--table", defaultValue = "summary", paramLabel = "TABLE",
            description = "for an answer file: summary (default), questions or steerability")
    String table;

    @Option(names = "--refused", defaultValue = ModelAnswerFiles.REFUSED, paramLabel = "LABEL",
            description = "answer label of refusals, kept apart from the options (default: ${DEFAULT-VALUE})")
    String refused;

    @Option(names = "--log-base", defaultValue = "2", description = "logarithm base of Jensen-Shannon and Kullback-Leibler: 2 (default) or e")
    String logBase;

    @Option(names = "--bootstrap", defaultValue = "" + PercentileBootstrap.DEFAULT_RESAMPLES, paramLabel = "N",
            description = "bootstrap resamples of the questions, 0 for none (default: ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "" + PercentileBootstrap.DEFAULT_SEED, paramLabel = "S",
            description = "bootstrap seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--confidence", defaultValue = "0.95", description = "interval level (default: ${DEFAULT-VALUE})")
    double confidence;

    @Option(names = "--unclassifiable", defaultValue = OptionDistributionFiles.UNCLASSIFIABLE, paramLabel = "LABEL",
            description = "option label of unclassifiable outputs (default: ${DEFAULT-VALUE})")
    String unclassifiable;

    @Option(names = "--per-question", description = "write the per-question similarities instead of the summaries")
    boolean perQuestion;

    @Option(names = "--format", defaultValue = "json", description = "json, csv or md (default: ${DEFAULT-VALUE})")
    Output.Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @Override
    public Integer call() {
        if ((human == null) == (humanData == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --human FILE or --human-data FILE --by COLUMN");
        }
        if (humanData == null && (items != null || by != null || weight != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--items, --by and --weight go with --human-data");
        }
        if (humanData != null && by == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--human-data needs --by COLUMN[,COLUMN...]|global");
        }
        if (humanData != null && !isAnswerFile(model)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--human-data is compared with a model answer file (.jsonl)");
        }
        if (splits < 0 || splits > 100_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--splits must be from 0 to 100000, not " + splits);
        }
        if (bootstrap < 0 || bootstrap > PercentileBootstrap.MAX_RESAMPLES) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap must be from 0 to "
                    + PercentileBootstrap.MAX_RESAMPLES + " (every resample is kept in memory), not " + bootstrap);
        }
        List<SimilarityMetric> ms = new ArrayList<>();
        double base;
        try {
            for (String name : metrics) {
                SimilarityMetric m = SimilarityMetric.parse(name);
                if (ms.contains(m)) {
                    throw new PluralstatsException("--metric " + name + " is given twice");
                }
                ms.add(m);
            }
        } catch (PluralstatsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        switch (logBase.strip().toLowerCase(Locale.ROOT)) {
            case "2" -> base = JensenShannonDistance.BASE_2;
            case "e", "natural", "ln" -> base = JensenShannonDistance.NATURAL;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown --log-base " + logBase + "; expected 2 or e");
        }
        if (isAnswerFile(model)) {
            return compareAnswers(ms, base);
        }
        if (ms.size() > 1 || !table.equals("summary")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "distribution files are compared with one --metric"
                    + " and --table summary; several metrics, questions and steerability tables need a model answer file (.jsonl)");
        }
        SimilarityMetric m = ms.isEmpty() ? SimilarityMetric.WASSERSTEIN : ms.get(0);
        if (!m.isSimilarity()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--metric kl needs a model answer file (.jsonl):"
                    + " the Kullback-Leibler divergence is not a similarity");
        }
        SimilarityReport report = DistributionSimilarity.withDefaults().withMetric(m).withLogBase(base)
                .withResamples(bootstrap).withSeed(seed).withConfidence(confidence)
                .compare(humans(), OptionDistributionFiles.read(model, unclassifiable), bootstrapProgress());
        Output.write(out, Output.table(perQuestion ? report.questionsTable() : report.table(), format));
        if (!report.excluded().isEmpty()) {
            System.err.println("pluralstats: left out population x question pairs: " + Counts.describe(report.excluded()));
        }
        return 0;
    }

    /** Model answers as JSON Lines: the distributional-alignment report with baselines and both intervals. */
    private int compareAnswers(List<SimilarityMetric> ms, double base) {
        ModelAnswerFiles.Contents answers = ModelAnswerFiles.read(model, unclassifiable, refused);
        DistributionalAlignment a = DistributionalAlignment.withDefaults().withLogBase(base).withResamples(bootstrap)
                .withSeed(seed).withConfidence(confidence);
        if (!ms.isEmpty()) {
            a = a.withMetrics(ms);
        }
        DistributionalAlignmentReport report;
        if (humanData != null) {
            Microdata m = Microdata.load(spec.commandLine(), humanData, items, by, weight);
            AnswerDistributions.HumanSide side = AnswerDistributions.humanSide(m.in().data(), m.questions(), m.by(),
                    m.in().weight(), m.missing(), splits, seed);
            report = a.withHumanHalves(side.halves()).compare(side.distributions(), answers.answers(), bootstrapProgress());
        } else {
            report = a.compare(humans(), answers.answers(), bootstrapProgress());
        }
        String which = perQuestion ? "questions" : table.strip().toLowerCase(Locale.ROOT);
        ResultTable t = switch (which) {
            case "summary" -> report.table();
            case "questions" -> report.questionsTable();
            case "steerability" -> report.steerabilityTable();
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown --table " + table + "; expected summary, questions or steerability");
        };
        Output.write(out, Output.table(t, format));
        System.err.println("pluralstats: " + model.getFileName() + ": " + answers.accounting());
        if (!report.excluded().isEmpty()) {
            System.err.println("pluralstats: left out model question x population pairs: " + Counts.describe(report.excluded()));
        }
        return 0;
    }

    /** @return a bar of the bootstrap rounds on a terminal, when there are any */
    private Progress bootstrapProgress() {
        return bootstrap > 0 ? Progress.terminal() : Progress.none();
    }

    /** @return whether the model file is JSON Lines of answers (by name, or a first non-blank byte '{') */
    private static boolean isAnswerFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    /**
     * The human side: an OpinionQA wave (its distributions per --human-by group, its warnings and accounting
     * printed), GlobalOpinionQA's CSV as released (its caveats printed as warnings), or our JSON/CSV.
     */
    private List<OptionDistribution> humans() {
        if (humanBy != null && !OpinionQa.isOpinionQa(human)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--human-by groups an OpinionQA wave (a folder with"
                    + " responses.csv and info.csv); " + human + " is not one");
        }
        HumanDistributions h = HumanDistributions.read(human, humanBy == null ? List.of() : humanBy, unclassifiable);
        Warnings.print(h.warnings());
        if (!h.accounting().isEmpty()) {
            System.err.println("pluralstats: " + human + ": " + h.accounting());
        }
        return h.distributions();
    }
}
