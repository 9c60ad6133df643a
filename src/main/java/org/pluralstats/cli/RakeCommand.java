package org.pluralstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pluralstats.report.Json;
import org.pluralstats.report.WeightReports;
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

    @Option(names = "--summary", defaultValue = "text", description = "summary format: text or json (default: ${DEFAULT-VALUE})")
    String summary;

    @Override
    public Integer call() {
        List<Margin> ms = Margin.read(margins);
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
        if (Margin.proportions(margins)) {
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
        Output.write(out, WeightReports.rakedWeightsCsv(in.data(), r));
        List<String> names = new ArrayList<>();
        ms.forEach(m -> names.add(m.name()));
        String text = summary.equalsIgnoreCase("json") ? Json.write(WeightReports.rakingJson(r, ms.size()))
                : WeightReports.rakingText(r, names, data.toString());
        Output.write(null, text);
        if (!r.converged()) {
            System.err.println("pluralstats: raking did not converge within " + maxIterations
                    + " iterations; the weights written are the last iterate");
        }
        return 0;
    }
}
