package org.pluralstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pluralstats.PluralstatsException;
import org.pluralstats.agreement.Agreement;
import org.pluralstats.agreement.AgreementReport;
import org.pluralstats.agreement.AgreementStatistic;
import org.pluralstats.agreement.KappaWeights;
import org.pluralstats.agreement.MeasurementLevel;
import org.pluralstats.io.sidefile.AnnotationFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats agreement --data FILE --raters COL,COL[,...] [--level nominal|ordinal|interval|ratio]
 * [--weights none|linear|quadratic] [--format md|csv|json] [--out FILE]}: agreement between raters of an
 * annotation file ({@link AnnotationFiles}), as an {@link AgreementReport}.
 */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = {"Agreement between raters (human annotators, an LLM judge) of an annotation file.",
                "The file: CSV with one row per rated unit and one column per rater.",
                "Percent agreement; Cohen's kappa (two raters) with statsmodels' standard errors; Fleiss' and Randolph's"
                        + " kappa; Krippendorff's alpha with missing ratings; for two raters at interval or ratio level,"
                        + " the mean absolute error (docs/agreement.md)."})
final class AgreementCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "annotation CSV: unit,rater,rater,...")
    Path data;

    @Option(names = "--raters", required = true, split = ",", paramLabel = "COL,COL",
            description = "the rater columns, at least two, e.g. human,judge")
    List<String> raters = new ArrayList<>();

    @Option(names = "--level", defaultValue = "nominal",
            description = "Krippendorff's alpha level: nominal (default), ordinal, interval or ratio")
    String level;

    @Option(names = "--weights", defaultValue = "none",
            description = "Cohen's kappa weights beside the unweighted one: none (default), linear or quadratic")
    String weights;

    @Option(names = "--confidence", defaultValue = "0.95", description = "interval level (default: ${DEFAULT-VALUE})")
    double confidence;

    @Option(names = "--format", defaultValue = "json", description = "json, csv or md (default: ${DEFAULT-VALUE})")
    Output.Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @Override
    public Integer call() {
        Agreement agreement;
        try {
            agreement = Agreement.withDefaults().with(MeasurementLevel.parse(level)).with(KappaWeights.parse(weights))
                    .withConfidence(confidence);
        } catch (PluralstatsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (raters.size() < 2 || raters.stream().map(String::strip).distinct().count() < raters.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--raters needs at least two different columns, got "
                    + String.join(",", raters));
        }
        AgreementReport report = agreement.report(AnnotationFiles.read(data, raters.stream().map(String::strip).toList()));
        Output.write(out, Output.table(report.table(), format));
        for (AgreementStatistic s : report) {
            if (!s.defined()) {
                System.err.println("pluralstats: " + s.statistic() + (s.level().isEmpty() ? "" : " (" + s.level() + ")")
                        + " is undefined (null): " + s.note().replaceFirst("^undefined: ", ""));
            }
        }
        return 0;
    }
}
