package org.pluralstats.cli;

import org.pluralstats.io.sidefile.MarginFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.Locale;
import org.pluralstats.report.Counts;
import org.pluralstats.report.ResultTableWriters;
import org.pluralstats.weight.InvalidWeights;
import org.pluralstats.weight.Margin;
import org.pluralstats.weight.Raking;
import org.pluralstats.weight.RakingResult;
import org.pluralstats.weight.WeightSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats rake --data FILE --margins FILE --weight EXPR --out FILE}: raking (iterative
 * proportional fitting, or bounded raking with {@code --bounds}) of the weights to population margins.
 */
@Command(name = "rake", mixinStandardHelpOptions = true,
        description = {"Rake weights to population margins: iterative proportional fitting as R survey's rake(),",
                "or with --bounds bounded raking as survey's calibrate(calfun = \"raking\", bounds = ...).",
                "Writes id,baseWeight,rakedWeight to --out and a summary to standard output."})
final class RakeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "survey data (.csv, .sav, .zsav, .dta)")
    Path data;

    @Option(names = "--margins", required = true, paramLabel = "FILE",
            description = "population margins: JSON {\"margins\":[{\"variable\":\"SEX\",\"targets\":{\"1\":0.49,\"2\":0.51}}]}"
                    + " or CSV variable,level,target")
    Path margins;

    @Option(names = "--weight", paramLabel = "EXPR|none",
            description = "base weight: a column, a product (W_WEIGHT*S018) or none; default: the file's convention, else none")
    String weight;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the raked weights (CSV id,baseWeight,rakedWeight)")
    Path out;

    @Option(names = "--tolerance", defaultValue = "1e-10",
            description = "convergence tolerance (default: ${DEFAULT-VALUE}); IPF: largest cell change below tolerance x total weight"
                    + " (absolute when >= 1, as survey::rake); bounded: every margin within tolerance x (1 + target)")
    double tolerance;

    @Option(names = "--max-iterations", defaultValue = "100", description = "cycles (IPF) or Newton steps (bounded) (default: ${DEFAULT-VALUE})")
    int maxIterations;

    @Option(names = "--bounds", paramLabel = "LOWER,UPPER", split = ",",
            description = "bounds on raked/base weight ratios, e.g. 0.5,3 (bounded raking)")
    double[] bounds;

    @Option(names = "--exclude-invalid-weights",
            description = "leave out respondents whose base weight is negative, zero or missing (counted) instead of stopping")
    boolean excludeInvalidWeights;

    @Option(names = "--summary", defaultValue = "text", description = "summary format: text, or md, csv or json (the raking's one-row table) (default: ${DEFAULT-VALUE})")
    String summary;

    @Override
    public Integer call() {
        String format = summary.toLowerCase(Locale.ROOT);
        if (!List.of("text", "md", "csv", "json").contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --summary " + summary
                    + "; expected text, md, csv or json");
        }
        List<Margin> ms = MarginFiles.read(margins);
        List<String> vars = new ArrayList<>();
        for (Margin m : ms) {
            vars.addAll(m.variables());
        }
        SurveyInputs.Loaded in = SurveyInputs.load(data, vars, Optional.ofNullable(weight), v -> "margin variable %s (from " + margins + ")");
        Raking raking = Raking.withDefaults().withTolerance(tolerance).withMaxIterations(maxIterations);
        if (bounds != null) {
            if (bounds.length != 2) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--bounds needs LOWER,UPPER");
            }
            raking = raking.withBounds(bounds[0], bounds[1]);
        }
        InvalidWeights policy = excludeInvalidWeights ? InvalidWeights.EXCLUDE : InvalidWeights.FAIL;
        if (MarginFiles.proportions(margins)) {
            double total = 0;
            double[] w = in.weight().weights(in.data());
            for (double v : w) {
                if (v > 0 && v < Double.POSITIVE_INFINITY) {
                    total += v;
                }
            }
            List<Margin> scaled = new ArrayList<>();
            for (Margin m : ms) {
                scaled.add(m.scaledTo(total));
            }
            ms = scaled;
        }
        WeightSpec base = in.weight();
        RakingResult r = raking.rake(in.data(), base, ms, policy);
        Output.write(out, ResultTableWriters.csv(r.weightsTable(in.data())));
        Output.write(null, format.equals("text") ? text(r, data.toString()) : ResultTableWriters.write(r.table(), format));
        if (!r.converged()) {
            System.err.println("pluralstats: raking did not converge within " + maxIterations
                    + " iterations; the weights written are the last iterate");
        }
        return 0;
    }

    /** A few lines for people. */
    private static String text(RakingResult r, String source) {
        StringBuilder sb = new StringBuilder();
        sb.append("raked ").append(r.kept()).append(" respondents of ").append(source).append(" to ").append(r.margins().size())
                .append(" margins (").append(String.join(", ", r.margins())).append(") by ")
                .append(r.method() == RakingResult.Method.IPF ? "iterative proportional fitting" : "bounded raking (Newton)")
                .append('\n');
        sb.append(r.converged() ? "converged after " : "NOT converged after ").append(r.iterations())
                .append(r.method() == RakingResult.Method.IPF ? " cycles" : " Newton steps").append('\n');
        sb.append(String.format(Locale.ROOT, "largest margin error (relative): %.3g%n", r.maxMarginError()));
        sb.append(String.format(Locale.ROOT, "Kish efficiency: %.4f before, %.4f after%n", r.kishEfficiencyBefore(),
                r.kishEfficiencyAfter()));
        sb.append(String.format(Locale.ROOT, "raked/base weight ratio: %.4g to %.4g%n", r.minRatio(), r.maxRatio()));
        if (r.scale() != 1) {
            sb.append(String.format(Locale.ROOT, "base weights scaled by %.6g before bounding%n", r.scale()));
        }
        sb.append("excluded: ").append(r.excluded().isEmpty() ? "none" : Counts.describe(r.excluded())).append('\n');
        return sb.toString();
    }
}
