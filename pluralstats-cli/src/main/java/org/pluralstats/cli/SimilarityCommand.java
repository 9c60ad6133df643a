package org.pluralstats.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pluralstats.PluralstatsException;
import org.pluralstats.align.DistributionSimilarity;
import org.pluralstats.align.OptionDistribution;
import org.pluralstats.align.SimilarityMetric;
import org.pluralstats.align.SimilarityReport;
import org.pluralstats.io.opinion.GlobalOpinionQa;
import org.pluralstats.io.opinion.OpinionQa;
import org.pluralstats.io.opinion.OpinionQaDistributions;
import org.pluralstats.io.sidefile.OptionDistributionFiles;
import org.pluralstats.report.Counts;
import org.pluralstats.stats.JensenShannonDistance;
import org.pluralstats.stats.PercentileBootstrap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats similarity --human FILE --model FILE [--metric wasserstein|jsd|tv] [--bootstrap N --seed S]}:
 * similarity of model and human answer distributions per population (seed paper 002's Table 1).
 */
@Command(name = "similarity", mixinStandardHelpOptions = true,
        description = {"Similarity of model and human answer distributions on multiple-choice questions: the mean over",
                "questions of 1 - W1/(max - min ordinal) (Wasserstein, OpinionQA) or 1 - Jensen-Shannon distance, with a",
                "seeded bootstrap interval, and the share of unclassifiable outputs, per population (seed 002, Table 1).",
                "Output: the table (JSON: {title, metadata, rows}) as the report writes it (docs/alignment.md)."})
final class SimilarityCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--human", required = true, paramLabel = "FILE", description = "human distributions (JSON or CSV, GlobalOpinionQA's global_opinions.csv, or an OpinionQA wave folder or its responses.csv, as released)")
    Path human;

    @Option(names = "--human-by", paramLabel = "COLUMN[,COLUMN...]", split = ",",
            description = "OpinionQA: the demographic columns of responses.csv whose metadata.csv groups are the populations (default: the whole panel, Overall)")
    List<String> humanBy;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "model distributions (JSON or CSV)")
    Path model;

    @Option(names = "--metric", defaultValue = "wasserstein",
            description = "wasserstein (default), jsd (1 - Jensen-Shannon distance) or tv (1 - total variation distance)")
    String metric;

    @Option(names = "--log-base", defaultValue = "2", description = "Jensen-Shannon logarithm base: 2 (default) or e")
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
        if (bootstrap < 0 || bootstrap > PercentileBootstrap.MAX_RESAMPLES) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap must be from 0 to "
                    + PercentileBootstrap.MAX_RESAMPLES + " (every resample is kept in memory), not " + bootstrap);
        }
        SimilarityMetric m;
        double base;
        try {
            m = SimilarityMetric.parse(metric);
        } catch (PluralstatsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        switch (logBase.strip().toLowerCase(Locale.ROOT)) {
            case "2" -> base = JensenShannonDistance.BASE_2;
            case "e", "natural", "ln" -> base = JensenShannonDistance.NATURAL;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown --log-base " + logBase + "; expected 2 or e");
        }
        SimilarityReport report = DistributionSimilarity.withDefaults().withMetric(m).withLogBase(base)
                .withResamples(bootstrap).withSeed(seed).withConfidence(confidence)
                .compare(humans(), OptionDistributionFiles.read(model, unclassifiable));
        Output.write(out, Output.table(perQuestion ? report.questionsTable() : report.table(), format));
        if (!report.excluded().isEmpty()) {
            System.err.println("pluralstats: left out population x question pairs: " + Counts.describe(report.excluded()));
        }
        return 0;
    }

    /**
     * The human side: an OpinionQA wave (its distributions per --human-by group, its warnings and accounting
     * printed), GlobalOpinionQA's CSV as released (its caveats printed as warnings), or our JSON/CSV.
     */
    private List<OptionDistribution> humans() {
        if (OpinionQa.isOpinionQa(human)) {
            OpinionQaDistributions d = OpinionQa.wave(human).withGroups(humanBy == null ? List.of() : humanBy).read();
            Warnings.print(d.warnings().stream().map(Object::toString).toList());
            System.err.println("pluralstats: " + human + ": " + d.accounting() + "; " + d.leftOut().size()
                    + " population x question pairs without a human distribution");
            return d.distributions();
        }
        if (humanBy != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--human-by groups an OpinionQA wave (a folder with"
                    + " responses.csv and info.csv); " + human + " is not one");
        }
        if (GlobalOpinionQa.isGlobalOpinionQa(human)) {
            GlobalOpinionQa g = GlobalOpinionQa.read(human);
            Warnings.print(g.warnings().stream().map(Object::toString).toList());
            return g.distributions();
        }
        return OptionDistributionFiles.read(human, unclassifiable);
    }
}
