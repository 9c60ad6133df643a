package org.pluralstats.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pluralstats.regress.MixedModel;
import org.pluralstats.run.Analysis;
import org.pluralstats.run.RegressionOptionsException;
import org.pluralstats.run.RegressionRun;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats regress --data FILE.csv --formula "y ~ a*b" [--groups COLUMN] [--reml|--ml]
 * [--cov nonrobust|HC0|HC1|HC2|HC3|cluster --cluster COLUMN] [--weights COLUMN]
 * [--table coefficients|fit|diagnostics|fitted|residuals|random-effects|variance-components] [--format json|csv|md]}: OLS (or WLS
 * with {@code --weights}, robust covariances with {@code --cov}), or with {@code --groups} a random-intercept
 * mixed model, printed as one of the fit's tables by the generic writers. The options are checked and the model
 * fitted by the library's {@link Analysis.Regression#of} and {@link RegressionRun#fit}, as the report's regression
 * section fits them.
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = {"Regression with an R-style formula (patsy/statsmodels coding): OLS, or with --groups a linear "
            + "mixed model with a random intercept per group (REML by default).",
            "Formula: y ~ a + b, a:b (interaction), a*b (= a + b + a:b), 0 + … or - 1 (no intercept), C(x) "
                + "(categorical), Q(\"name\") (any column name). Text and boolean columns are treatment-coded "
                + "with the first level in sorted order as reference.",
            "Output: one table per run (--table), as the report writes tables: coefficients (term, estimate, se, t or z, "
                + "df, p, ci_lower, ci_upper), fit (one row: nobs, droppedRows, R², F, llf, AIC, BIC, scale; for mixed "
                + "models groups, groupVar, theta, converged …), diagnostics (Omnibus, Durbin-Watson, Jarque-Bera, skew, "
                + "kurtosis, condition number), random-effects (group, effect, condVar and condSd as lme4's "
                + "ranef(condVar = TRUE), 95%% prediction interval pi_lower/pi_upper, n), variance-components (group "
                + "and residual variance and SD, Wald se and interval of the variance as statsmodels' Hessian gives "
                + "it, lme4's profile interval of the SD) or fitted/residuals (row, fitted, residual).",
            "--cov HC0..HC3 or cluster (with --cluster COLUMN) give statsmodels' robust standard errors with z tests; "
                + "--weights COLUMN fits weighted least squares (statsmodels WLS)."})
final class RegressCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "a CSV file with a header row")
    Path data;

    @Option(names = "--formula", required = true, description = "e.g. \"metric_value ~ us*model_name:language\"")
    String formula;

    @Option(names = "--groups", paramLabel = "COLUMN", description = "fit a mixed model with a random intercept per value of COLUMN")
    String groups;

    @ArgGroup(exclusive = true)
    Criterion criterion;

    @Option(names = "--cov", paramLabel = "TYPE", defaultValue = "nonrobust",
            description = "OLS/WLS covariance: nonrobust (default, t tests), HC0, HC1, HC2, HC3 or cluster (with "
                + "--cluster; z tests, as statsmodels fit(cov_type=...))")
    String cov;

    @Option(names = "--cluster", paramLabel = "COLUMN", description = "the cluster column of --cov cluster")
    String cluster;

    @Option(names = "--weights", paramLabel = "COLUMN",
            description = "fit weighted least squares with these (positive) weights, as statsmodels WLS")
    String weights;

    static final class Criterion {
        @Option(names = "--reml", description = "restricted maximum likelihood (default for --groups)")
        boolean reml;

        @Option(names = "--ml", description = "maximum likelihood")
        boolean ml;
    }

    @Option(names = "--table", defaultValue = "coefficients",
            description = "coefficients (default), fit, diagnostics, fitted, residuals (= fitted), or with --groups "
                + "random-effects or variance-components")
    String table;

    @Option(names = "--format", defaultValue = "json", description = "json, csv or md (default: ${DEFAULT-VALUE})")
    Output.Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<String> tables = RegressionRun.tableNames(groups != null);
        if (!tables.contains(table)) {
            boolean mixedOnly = RegressionRun.tableNames(true).contains(table);
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown --table " + table + "; expected "
                    + String.join(", ", tables) + (mixedOnly ? " (" + table + " needs --groups)" : ""));
        }
        Optional<MixedModel.Criterion> criterion = this.criterion == null ? Optional.empty()
                : Optional.of(this.criterion.ml ? MixedModel.Criterion.ML : MixedModel.Criterion.REML);
        Analysis.Regression regression;
        try {
            regression = Analysis.Regression.of(data, formula, Optional.ofNullable(groups), criterion,
                    Optional.ofNullable(weights), Optional.of(cov), Optional.ofNullable(cluster));
        } catch (RegressionOptionsException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Output.write(out, Output.table(RegressionRun.fit(regression).table(table), format));
        return 0;
    }
}
