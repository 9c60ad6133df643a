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
import org.pluralstats.data.Column;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.SurveyData;
import org.pluralstats.design.DesignEstimate;
import org.pluralstats.design.DesignEstimates;
import org.pluralstats.design.DesignSpec;
import org.pluralstats.design.DomainMethod;
import org.pluralstats.design.IntervalDf;
import org.pluralstats.design.RakingControl;
import org.pluralstats.design.TaylorDesign;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats rake --data FILE --margins FILE --weight EXPR --out FILE}: raking (iterative
 * proportional fitting, or bounded raking with {@code --bounds}) of the weights to population margins.
 * With {@code --mean VAR}, also the mean of VAR on the raked design with its standard error as R survey
 * computes it ({@code svymean(~VAR, rake(svydesign(ids, strata, fpc, weights), margins, populations))}:
 * {@link TaylorDesign#raked}), the design given by {@code --psu}, {@code --strata}, {@code --fpc}.
 */
@Command(name = "rake", mixinStandardHelpOptions = true,
        description = {"Rake weights to population margins by iterative proportional fitting, as R survey's rake() does.",
                "With --bounds, bounded raking as survey's calibrate(calfun = \"raking\", bounds = ...).",
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

    @Option(names = "--mean", split = ",", paramLabel = "VAR[,VAR...]",
            description = "also print the mean of each numeric VAR on the raked design with R survey's standard error"
                    + " (svymean on rake(design, ...): residuals after projecting on the margins); not with --bounds")
    List<String> means = new ArrayList<>();

    @CommandLine.Mixin
    SurveyDesignOptions surveyDesign;

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
        DesignSpec designSpec = null;
        if (!means.isEmpty()) {
            if (bounds != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--mean needs raking as R's rake() does it;"
                        + " bounded raking (--bounds) has other standard errors (survey's calibrate), not computed here");
            }
            if (format.equals("csv")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--mean prints a second table: use"
                        + " --summary text, md or json");
            }
            if (!surveyDesign.repweights.isEmpty() || surveyDesign.domain) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--mean rakes a design of clusters and strata"
                        + " (--psu, --strata, --fpc, --nest); replicate weights and --domain are not for raking");
            }
            DesignSpec d = surveyDesign.spec(spec.commandLine());
            designSpec = new DesignSpec(d.psu(), d.strata(), d.fpc(), d.nest(), d.lonelyPsu(), DomainMethod.DOMAIN);
            vars.addAll(strip(means));
            vars.addAll(designSpec.columns());
        } else if (!surveyDesign.spec(spec.commandLine()).isSimple()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--psu, --strata, --fpc and --nest describe"
                    + " the design of --mean; give --mean VAR");
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
        if (designSpec == null) {
            Output.write(null, format.equals("text") ? text(r, StandardInput.name(data)) : ResultTableWriters.write(r.table(), format));
        } else {
            DesignEstimates est = rakedMeans(in.data(), base, ms, r, designSpec);
            Output.write(null, switch (format) {
                case "text" -> text(r, StandardInput.name(data)) + "\n" + est.table();
                case "md" -> ResultTableWriters.write(r.table(), format) + "\n" + ResultTableWriters.write(est.table(), format);
                default -> "{\"raking\":" + ResultTableWriters.write(r.table(), format).strip() + ",\"means\":"
                        + ResultTableWriters.write(est.table(), format).strip() + "}\n";
            });
        }
        if (!r.converged()) {
            System.err.println("pluralstats: raking did not converge within " + maxIterations
                    + " iterations; the weights written are the last iterate");
        }
        return 0;
    }

    private static List<String> strip(List<String> names) {
        return names.stream().map(String::strip).toList();
    }

    /**
     * The means of {@code --mean} on the design of the raked respondents raked again as R's {@code rake} does,
     * keeping the margins' post-stratifications for the variance ({@link TaylorDesign#raked}), with the same
     * margins, tolerance and cycle limit as the weights written.
     */
    private DesignEstimates rakedMeans(SurveyData d, WeightSpec base, List<Margin> ms, RakingResult r, DesignSpec designSpec) {
        int n = d.rows();
        int kept = 0;
        for (int i = 0; i < n; i++) {
            kept += Double.isNaN(r.weight(i)) ? 0 : 1;
        }
        int[] rows = new int[kept];
        for (int i = 0, k = 0; i < n; i++) {
            if (!Double.isNaN(r.weight(i))) {
                rows[k++] = i;
            }
        }
        TaylorDesign design = (TaylorDesign) designSpec.build(d, base.weights(d), rows);
        List<String> names = new ArrayList<>();
        List<String[]> values = new ArrayList<>();
        List<java.util.Map<String, Double>> populations = new ArrayList<>();
        for (Margin m : ms) {
            List<Column> cols = m.variables().stream().map(d::require).toList();
            String[] v = new String[kept];
            for (int i = 0; i < kept; i++) {
                StringBuilder sb = new StringBuilder();
                for (int c = 0; c < cols.size(); c++) {
                    sb.append(c == 0 ? "" : Margin.SEPARATOR).append(SurveyData.attributeValue(cols.get(c), rows[i]).orElseThrow());
                }
                v[i] = sb.toString();
            }
            names.add(m.name());
            values.add(v);
            populations.add(m.targets());
        }
        TaylorDesign raked = design.raked(names, values, populations,
                RakingControl.withDefaults().withMaxIterations(maxIterations).withEpsilon(tolerance));
        List<DesignEstimates.Row> out = new ArrayList<>();
        for (String var : strip(means)) {
            Column c = d.require(var);
            if (!(c instanceof NumericColumn num)) {
                throw new org.pluralstats.PluralstatsException(d.source() + ": --mean " + var + " is not a numeric variable");
            }
            double[] y = new double[kept];
            int m = 0;
            for (int i = 0; i < kept; i++) {
                y[i] = num.isMissing(rows[i]) ? Double.NaN : num.value(rows[i]);
                m += Double.isNaN(y[i]) ? 0 : 1;
            }
            DesignEstimate e = raked.mean(y, null, 0.95);
            out.add(new DesignEstimates.Row(c.item().id(), "all", m, e));
        }
        return DesignEstimates.of(DesignEstimates.Statistic.MEAN, DomainMethod.DOMAIN, 0.95, IntervalDf.DESIGN,
                "rdes <- rake(" + designSpec.describe(base.expression()).replaceFirst(";.*", "") + ", list("
                        + String.join(", ", names.stream().map(x -> "~" + x.replace(Margin.SEPARATOR, " + ")).toList())
                        + "), <--margins>, control = " + RakingControl.withDefaults().withMaxIterations(maxIterations)
                        .withEpsilon(tolerance) + "); svymean(~VAR, rdes) (the domain \"all\": the whole design); "
                        + raked.rakingConvergence().map(c -> (c.converged() ? "converged after " : "NOT converged after ")
                        + c.cycles() + " cycles").orElse(""), out);
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
