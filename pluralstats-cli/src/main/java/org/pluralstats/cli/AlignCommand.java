package org.pluralstats.cli;

import org.pluralstats.io.sidefile.PopulationScoreFiles;
import org.pluralstats.io.sidefile.CountryLanguageFiles;
import org.pluralstats.io.llm.ModelOutputFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pluralstats.PluralstatsException;
import org.pluralstats.Progress;
import org.pluralstats.align.Alignment;
import org.pluralstats.align.AlignmentLevel;
import org.pluralstats.align.AlignmentResult;
import org.pluralstats.align.Alignments;
import org.pluralstats.align.CountryLanguages;
import org.pluralstats.align.LanguageConsistencies;
import org.pluralstats.align.LanguageConsistency;
import org.pluralstats.align.ModelConsistencies;
import org.pluralstats.align.ModelSelfConsistency;
import org.pluralstats.align.SelfConsistencyInterval;
import org.pluralstats.align.PopulationScores;
import org.pluralstats.align.ReliabilityFactor;
import org.pluralstats.io.AtomicOutput;
import org.pluralstats.align.UsCentricBias;
import org.pluralstats.agreement.JudgeReliability;
import org.pluralstats.io.sidefile.AnnotationFiles;
import org.pluralstats.io.llm.ModelCsvColumns;
import org.pluralstats.align.ModelOutputs;
import org.pluralstats.report.Counts;
import org.pluralstats.stats.Correlation;
import org.pluralstats.stats.PercentileBootstrap;
import org.pluralstats.table.TabularResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats align --model OUTPUTS --population VPS.(csv|json) [--level item|response]
 * [--bootstrap N --seed S] [--table alignment|consistency|language-consistency|language-difference|us-bias]
 * [--format json|csv|md]}: alignment of model outputs with populations (seed paper 003), model
 * self-consistency (also within versus between prompt languages), US-centric bias.
 */
@Command(name = "align", mixinStandardHelpOptions = true,
        description = {"Alignment of model outputs with populations (seed paper 003).",
                "Spearman's rho with scipy's p and a seeded bootstrap interval, Pearson's r and 1 - mean|x - y| per model"
                        + " x prompt language x population; model self-consistency (--table consistency), within and"
                        + " between prompt languages (--table language-consistency, and --table language-difference for"
                        + " within - between with a permutation test); US-centric bias (--table us-bias --countries FILE).",
                "Output: the table (JSON: {title, metadata, rows}) as the report writes it (docs/alignment.md)."})
final class AlignCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "OUTPUTS",
            description = "model outputs: JSONL with stance labels, or CSV with a score per generation")
    Path model;

    @Option(names = "--population", paramLabel = "FILE",
            description = {"population scores (repeatable): pluralstats vps output (JSON/CSV), a CSV population,item,vps,",
                "or the paper's ground_truth_*.csv"})
    List<Path> populations = new ArrayList<>();

    @Option(names = "--level", defaultValue = "item",
            description = "item (model item mean vs population, default) or response (each generation, as the released code)")
    String level;

    @Option(names = "--bootstrap", defaultValue = "" + PercentileBootstrap.DEFAULT_RESAMPLES, paramLabel = "N",
            description = "bootstrap resamples for the intervals, 0 for none (default: ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "" + PercentileBootstrap.DEFAULT_SEED, paramLabel = "S",
            description = "bootstrap seed (default: ${DEFAULT-VALUE}); the same seed gives the same output")
    long seed;

    @Option(names = "--confidence", defaultValue = "0.95", description = "interval level (default: ${DEFAULT-VALUE})")
    double confidence;

    @Option(names = "--table", defaultValue = "alignment",
            description = {"alignment (default), consistency (model self-consistency), language-consistency (self-consistency",
                "within each prompt language, between each pair and pooled; items resampled), language-difference",
                "(within - between per model, its interval and permutation p), us-bias, or resamples (one row per",
                "bootstrap resample of every alignment: rho, r, mean alignment, and at response level the",
                "self-consistency on the same resample)"})
    String table;

    @Option(names = "--permutations", defaultValue = "1000", paramLabel = "N",
            description = "permutations of the test of --table language-difference, 0 for none (default: ${DEFAULT-VALUE})")
    int permutations;

    @Option(names = "--countries", paramLabel = "FILE",
            description = "country -> language CSV (cntry_an,lnge_iso) for --table us-bias, e.g. country_languages.csv")
    Path countries;

    @Option(names = "--reference", defaultValue = UsCentricBias.US,
            description = "reference population of --table us-bias (default: ${DEFAULT-VALUE})")
    String reference;

    @Option(names = "--reliability", defaultValue = "" + ModelSelfConsistency.DEFAULT_RELIABILITY, paramLabel = "FILE|NUMBER",
            description = {"self-consistency is divided by this: a number in (0, 1] (default: ${DEFAULT-VALUE} = 1 - the 4.5%%",
                "mean absolute error of seed paper 003's judge, sec. 2.2), or an annotation CSV with columns human and judge",
                "(value polarity scores in [0, 1]) from which 1 - mean |human - judge| is computed (docs/agreement.md)"})
    String reliability;

    @Option(names = "--consistency-method", defaultValue = "spearman",
            description = "self-consistency over pairs of generations: spearman (default) or pearson")
    String consistencyMethod;

    @Option(names = "--consistency-interval", defaultValue = "items", paramLabel = "items|generations",
            description = {"what the bootstrap of --table consistency resamples: items (default; each item with all its",
                "generations) or generations (the released code's method, kept for reproduction: a generation drawn twice",
                "is paired with its own copy, so the interval is biased upwards; docs/alignment.md)"})
    String consistencyInterval;

    @Option(names = "--column", paramLabel = "ROLE=NAME",
            description = {"CSV model outputs: the column of a role (repeatable): model, family, language, item, score or",
                "generation, e.g. --column language=response_language (defaults: the released file's names)"})
    Map<String, String> columns = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "json", description = "json, csv or md (default: ${DEFAULT-VALUE})")
    Output.Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @Override
    public Integer call() {
        AlignmentLevel lvl;
        try {
            lvl = AlignmentLevel.parse(level);
        } catch (PluralstatsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        String which = table.strip().toLowerCase(Locale.ROOT);
        if (!List.of("alignment", "consistency", "language-consistency", "language-difference", "us-bias", "resamples")
                .contains(which)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --table " + table
                    + "; expected alignment, consistency, language-consistency, language-difference, us-bias or resamples");
        }
        boolean languages = which.startsWith("language-");
        if (permutations < 0 || permutations > PercentileBootstrap.MAX_RESAMPLES) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--permutations must be from 0 to "
                    + PercentileBootstrap.MAX_RESAMPLES + ", not " + permutations);
        }
        Correlation.Method method = switch (consistencyMethod.strip().toLowerCase(Locale.ROOT)) {
            case "spearman" -> Correlation.Method.SPEARMAN;
            case "pearson" -> Correlation.Method.PEARSON;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown --consistency-method " + consistencyMethod + "; expected spearman or pearson");
        };
        if (languages && method != Correlation.Method.SPEARMAN) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--table " + which + " is Spearman only (the released estimator); drop --consistency-method");
        }
        if (bootstrap < 0 || bootstrap > PercentileBootstrap.MAX_RESAMPLES) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap must be from 0 to "
                    + PercentileBootstrap.MAX_RESAMPLES + " (every resample is kept in memory), not " + bootstrap);
        }
        if (which.equals("resamples") && bootstrap < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--table resamples needs --bootstrap N with N >= 1");
        }
        if (!which.equals("consistency") && !languages && populations.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--population is required for --table " + which);
        }
        if (which.equals("us-bias") && countries == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--table us-bias needs --countries (a country -> language CSV such as country_languages.csv)");
        }
        ModelOutputs outputs = columns.isEmpty() ? ModelOutputFiles.read(model) : ModelOutputFiles.readCsv(model, csvColumns());
        reportExclusions(outputs);
        SelfConsistencyInterval intervalMethod;
        try {
            intervalMethod = SelfConsistencyInterval.parse(consistencyInterval);
        } catch (PluralstatsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--consistency-interval: " + e.getMessage());
        }
        ModelSelfConsistency consistency = ModelSelfConsistency.withDefaults().withMethod(method)
                .withReliability(reliabilityFactor()).withInterval(intervalMethod);
        TabularResult result;
        switch (which) {
            case "consistency" -> {
                ModelConsistencies rows = consistency.withResamples(bootstrap).withSeed(seed).withConfidence(confidence)
                        .estimate(outputs, bootstrapProgress());
                result = rows;
                long undefined = rows.rows().stream().filter(r -> Double.isNaN(r.selfConsistency())).count();
                if (undefined > 0) {
                    System.err.println("pluralstats: self-consistency undefined (null) for " + undefined
                            + " model x language: fewer than two pairs of generations of one item, or all equal");
                }
            }
            case "language-consistency", "language-difference" -> {
                LanguageConsistencies lc = LanguageConsistency.withDefaults().withReliability(reliabilityFactor().value())
                        .withResamples(bootstrap).withPermutations(which.equals("language-difference") ? permutations : 0)
                        .withSeed(seed).withConfidence(confidence).estimate(outputs, bootstrapProgress());
                result = which.equals("language-difference") ? lc::differenceTable : lc;
            }
            case "us-bias" -> {
                PopulationScores pops = PopulationScoreFiles.read(populations);
                CountryLanguages table = CountryLanguageFiles.read(countries);
                UsCentricBias bias = UsCentricBias.withDefaults().withReference(reference).withLevel(lvl)
                        .withResamples(bootstrap).withSeed(seed).withConfidence(confidence);
                result = bias.compare(outputs, pops, table, bootstrapProgress());
                for (String language : outputs.languages()) {
                    if (bias.locals(pops, table, language).isEmpty()) {
                        System.err.println("pluralstats: no local population for language " + language
                                + " (no country of it besides " + reference + " has scores); not compared");
                    }
                }
            }
            case "resamples" -> result = Alignment.withDefaults().withLevel(lvl).withResamples(bootstrap).withSeed(seed)
                    .withSelfConsistency(consistency).resamples(outputs, PopulationScoreFiles.read(populations));
            default -> {
                PopulationScores pops = PopulationScoreFiles.read(populations);
                Alignments rows = Alignment.withDefaults().withLevel(lvl).withResamples(bootstrap).withSeed(seed)
                        .withConfidence(confidence).withSelfConsistency(consistency)
                        .compare(outputs, pops, pops.populations(), bootstrapProgress());
                result = rows;
                reportUndefined(rows.rows());
            }
        }
        Output.write(out, Output.table(result.table(), format));
        return 0;
    }

    /**
     * The reliability factor of {@code --reliability}: a number as given, or {@code 1 − MAE} of the judge
     * against the human scores of an annotation file ({@link JudgeReliability}).
     */
    private ReliabilityFactor reliabilityFactor() {
        String t = reliability.strip();
        double number;
        try {
            number = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            Path file = Path.of(t);
            if (!java.nio.file.Files.exists(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--reliability " + reliability
                        + " is neither a number in (0, 1] nor an existing annotation file");
            }
            if (out != null) {
                AtomicOutput.refuseInputs(out, List.of(file));
            }
            JudgeReliability j = JudgeReliability.of(AnnotationFiles.read(file, List.of(HUMAN, JUDGE)), HUMAN, JUDGE);
            return new ReliabilityFactor(j.reliability(), j.describeSource(file.toString()));
        }
        if (!(number > 0 && number <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--reliability must lie in (0, 1], not " + reliability);
        }
        return ReliabilityFactor.of(number);
    }

    /** The annotation file's columns for {@code --reliability FILE}. */
    static final String HUMAN = "human";
    /** The judge's column. */
    static final String JUDGE = "judge";

    private ModelCsvColumns csvColumns() {
        ModelCsvColumns c = ModelCsvColumns.defaults();
        for (Map.Entry<String, String> e : columns.entrySet()) {
            String name = e.getValue();
            c = switch (e.getKey().strip().toLowerCase(Locale.ROOT)) {
                case "model" -> c.withModel(name);
                case "family" -> c.withFamily(name);
                case "language" -> c.withLanguage(name);
                case "item" -> c.withItem(name);
                case "score" -> c.withScore(name);
                case "generation" -> c.withGeneration(name);
                default -> throw new CommandLine.ParameterException(spec.commandLine(), "unknown --column role "
                        + e.getKey() + "; expected model, family, language, item, score or generation");
            };
        }
        return c;
    }

    /** @return a bar of the bootstrap rounds on a terminal, when there are any */
    private Progress bootstrapProgress() {
        return bootstrap > 0 ? Progress.terminal() : Progress.none();
    }

    private static void reportExclusions(ModelOutputs outputs) {
        if (outputs.accounting().excludedTotal() > 0) {
            System.err.println("pluralstats: excluded " + outputs.accounting().excludedTotal() + " of "
                    + outputs.accounting().inputRows() + " generations in " + outputs.source() + ": "
                    + Counts.describe(outputs.accounting().excluded()));
        }
    }

    private static void reportUndefined(List<AlignmentResult> rows) {
        long undefined = rows.stream().filter(r -> Double.isNaN(r.rho())).count();
        if (undefined > 0) {
            System.err.println("pluralstats: rho undefined (null) in " + undefined + " of " + rows.size()
                    + " rows: fewer than two shared items or generations, or a constant side");
        }
        int without = rows.stream().mapToInt(AlignmentResult::itemsWithoutScore).max().orElse(0);
        if (without > 0) {
            System.err.println("pluralstats: items without a population score were left out (up to " + without
                    + " per row; see itemsWithoutScore)");
        }
    }
}
