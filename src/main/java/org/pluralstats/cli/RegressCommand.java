package org.pluralstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pluralstats.regress.Formula;
import org.pluralstats.regress.MixedModel;
import org.pluralstats.regress.MixedModelResult;
import org.pluralstats.regress.Ols;
import org.pluralstats.regress.OlsResult;
import org.pluralstats.regress.RegressionData;
import org.pluralstats.io.Json;
import org.pluralstats.report.RegressionReports;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats regress --data FILE.csv --formula "y ~ a*b" [--groups COLUMN] [--reml|--ml]
 * [--format json|md]}: OLS, or with {@code --groups} a random-intercept mixed model.
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = {"Regression with an R-style formula (patsy/statsmodels coding): OLS, or with --groups a linear "
            + "mixed model with a random intercept per group (REML by default).",
            "Formula: y ~ a + b, a:b (interaction), a*b (= a + b + a:b), 0 + … or - 1 (no intercept), C(x) "
                + "(categorical), Q(\"name\") (any column name). Text and boolean columns are treatment-coded "
                + "with the first level in sorted order as reference."})
final class RegressCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "a CSV file with a header row")
    Path data;

    @Option(names = "--formula", required = true, description = "e.g. \"metric_value ~ us*model_name:language\"")
    String formula;

    @Option(names = "--groups", paramLabel = "COLUMN", description = "fit a mixed model with a random intercept per value of COLUMN")
    String groups;

    @ArgGroup(exclusive = true)
    Criterion criterion;

    static final class Criterion {
        @Option(names = "--reml", description = "restricted maximum likelihood (default for --groups)")
        boolean reml;

        @Option(names = "--ml", description = "maximum likelihood")
        boolean ml;
    }

    @Option(names = "--format", defaultValue = "json", description = "json or md (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("json") && !format.equals("md")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown --format " + format + "; expected json or md");
        }
        if (criterion != null && groups == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--reml and --ml apply to mixed models: add --groups COLUMN");
        }
        Formula f = Formula.parse(formula);
        List<String> columns = new ArrayList<>(f.columns());
        if (groups != null && !columns.contains(groups)) {
            columns.add(groups);
        }
        RegressionData d = RegressionData.readCsv(data, columns);
        String text;
        if (groups == null) {
            OlsResult r = Ols.fit(f, d);
            text = format.equals("md") ? RegressionReports.olsMarkdown(r) : Json.write(RegressionReports.olsJson(r));
        } else {
            MixedModel m = MixedModel.withDefaults()
                    .with(criterion != null && criterion.ml ? MixedModel.Criterion.ML : MixedModel.Criterion.REML);
            MixedModelResult r = m.fit(f, d, groups);
            text = format.equals("md") ? RegressionReports.mixedMarkdown(r) : Json.write(RegressionReports.mixedJson(r));
        }
        Output.write(out, text);
        return 0;
    }
}
