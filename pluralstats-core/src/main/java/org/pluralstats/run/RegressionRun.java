package org.pluralstats.run;

import java.util.List;
import java.util.Optional;
import org.pluralstats.io.csv.RegressionDataFiles;
import org.pluralstats.regress.Coefficient;
import org.pluralstats.regress.CovarianceType;
import org.pluralstats.regress.MixedModel;
import org.pluralstats.regress.MixedModelResult;
import org.pluralstats.regress.Ols;
import org.pluralstats.regress.OlsResult;
import org.pluralstats.regress.RegressionData;
import org.pluralstats.table.ResultTable;

/**
 * An {@link Analysis.Regression} fitted: exactly one of a least-squares fit ({@link Ols}, with the part's
 * weights and covariance) or a random-intercept mixed model ({@link MixedModel}, with its criterion) — the
 * same fit, with the same options, as {@code pluralstats regress} makes, so the report's tables are the
 * command's tables.
 *
 * <pre>{@code
 * RegressionRun r = RegressionRun.fit(Analysis.Regression.ols(Path.of("data.csv"), "y ~ x"));
 * r.coefficientTable();   // = regress --data data.csv --formula "y ~ x"
 * }</pre>
 *
 * @param regression what was fitted
 * @param ols the least-squares fit, when the part has no groups
 * @param mixed the mixed-model fit, when it has
 */
public record RegressionRun(Analysis.Regression regression, Optional<OlsResult> ols, Optional<MixedModelResult> mixed) {
    /** Checks that exactly one fit is there, the one the regression asks for. */
    public RegressionRun {
        if (ols.isPresent() == mixed.isPresent() || mixed.isPresent() != regression.mixed()) {
            throw new IllegalArgumentException("a regression run holds the one fit its regression asks for");
        }
    }

    /**
     * Reads the regression's columns of its CSV file ({@link RegressionDataFiles#read}) and fits it.
     *
     * @param regression what to fit
     * @return the fit
     */
    public static RegressionRun fit(Analysis.Regression regression) {
        return fit(regression, RegressionDataFiles.read(regression.data(), regression.columns()));
    }

    /**
     * @param regression what to fit (its {@code data} path is not read)
     * @param data the data
     * @return the fit: {@code Ols} with {@code withClusters}, {@code withCovariance} and {@code withWeights} as the
     *     regression says, or {@code MixedModel.with(criterion).fit(formula, data, groups)}
     */
    public static RegressionRun fit(Analysis.Regression regression, RegressionData data) {
        if (regression.mixed()) {
            return new RegressionRun(regression, Optional.empty(), Optional.of(MixedModel.withDefaults()
                    .with(regression.criterion()).fit(regression.formula(), data, regression.groups().get())));
        }
        Ols ols = regression.covariance() == CovarianceType.CLUSTER ? Ols.withDefaults().withClusters(regression.cluster().get())
                : Ols.withDefaults().withCovariance(regression.covariance());
        if (regression.weights().isPresent()) {
            ols = ols.withWeights(regression.weights().get());
        }
        return new RegressionRun(regression, Optional.of(ols.estimate(regression.formula(), data)), Optional.empty());
    }

    /** @return the coefficient table ({@code regress}'s default {@code --table coefficients}) */
    public ResultTable coefficientTable() {
        return ols.map(OlsResult::table).orElseGet(() -> mixed.get().table());
    }

    /** @return the model statistics ({@code regress --table fit}) */
    public ResultTable fitTable() {
        return ols.map(OlsResult::fitTable).orElseGet(() -> mixed.get().fitTable());
    }

    /** @return the residual diagnostics of a least-squares fit ({@code regress --table diagnostics}); empty for a mixed model */
    public Optional<ResultTable> diagnosticsTable() {
        return ols.map(OlsResult::diagnosticsTable);
    }

    /**
     * @return the fitted values and residuals, one row per row used ({@code regress --table fitted}, and for least
     *     squares also {@code --table residuals})
     */
    public ResultTable fittedTable() {
        return ols.map(OlsResult::fittedTable).orElseGet(() -> mixed.get().fittedTable());
    }

    /**
     * @return a mixed model's conditional modes of the random intercepts with their conditional SDs and 95% prediction
     *     intervals ({@link MixedModelResult#randomEffectsTable()}, {@code regress --table random-effects}); empty for
     *     least squares
     */
    public Optional<ResultTable> randomEffectsTable() {
        return mixed.map(MixedModelResult::randomEffectsTable);
    }

    /**
     * @return a mixed model's variance components ({@link MixedModelResult#varianceComponentsTable()},
     *     {@code regress --table variance-components}); empty for least squares
     */
    public Optional<ResultTable> varianceComponentsTable() {
        return mixed.map(MixedModelResult::varianceComponentsTable);
    }

    /**
     * @param mixed whether the regression is a mixed model ({@link Analysis.Regression#mixed()})
     * @return the names of the tables {@link #table(String)} gives for such a fit, in {@code regress --table}'s order
     */
    public static List<String> tableNames(boolean mixed) {
        return mixed ? List.of("coefficients", "fit", "fitted", "random-effects", "variance-components")
                : List.of("coefficients", "fit", "diagnostics", "fitted", "residuals");
    }

    /**
     * @param name one of {@link #tableNames(boolean)} for this fit
     * @return the table {@code regress --table NAME} prints
     * @throws IllegalArgumentException for a name this fit does not have
     */
    public ResultTable table(String name) {
        if (!tableNames(mixed.isPresent()).contains(name)) {
            throw new IllegalArgumentException("no table " + name + "; expected one of " + tableNames(mixed.isPresent()));
        }
        return switch (name) {
            case "fit" -> fitTable();
            case "diagnostics" -> diagnosticsTable().get();
            case "fitted", "residuals" -> fittedTable();
            case "random-effects" -> randomEffectsTable().get();
            case "variance-components" -> varianceComponentsTable().get();
            default -> coefficientTable();
        };
    }

    /** @return the coefficients (fixed effects of a mixed model) in design order */
    public List<Coefficient> coefficients() {
        return ols.map(OlsResult::coefficients).orElseGet(() -> mixed.get().coefficients());
    }

    /** @return the fitted values of the rows used: {@code Xβ}, or {@code x'β + b̂_j} for a mixed model (conditional) */
    public double[] fitted() {
        return ols.map(OlsResult::fitted).orElseGet(() -> mixed.get().fitted());
    }

    /**
     * @return the residuals drawn against {@link #fitted()}: {@code y − Xβ} for OLS; {@code √w (y − Xβ)}
     *     (statsmodels' {@code wresid}) for WLS, whose raw residuals have variance {@code σ²/w} by design;
     *     the conditional residuals {@code y − x'β − b̂_j} of a mixed model
     */
    public double[] plottedResiduals() {
        if (ols.isPresent()) {
            return ols.get().weighted() ? ols.get().whitenedResiduals() : ols.get().residuals();
        }
        return mixed.get().residuals();
    }

    /** @return the number of observations used */
    public int nobs() {
        return ols.map(OlsResult::nobs).orElseGet(() -> mixed.get().nobs());
    }

    /** @return whether the coefficients are tested with Student's t (non-robust least squares), not the normal z */
    public boolean usesT() {
        return ols.map(OlsResult::usesT).orElse(false);
    }
}
