package org.pluralstats.regress;

import java.util.List;
import java.util.Optional;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * An ordinary least squares fit (see {@link Ols}): coefficients with standard errors, t tests and
 * 95% intervals, and the model statistics of statsmodels' summary. Immutable; array getters return
 * copies. Its {@link #table()} is the coefficient table, {@link #fitTable()}
 * the model statistics, {@link #fittedTable()} the fitted values.
 */
public final class OlsResult implements TabularResult {
    private final DesignMatrix design;
    private final List<Coefficient> coefficients;
    private final double[][] normalizedCovariance;
    private final double scale;
    private final double ssr;
    private final double centeredTss;
    private final double rSquared;
    private final double rSquaredAdj;
    private final double fValue;
    private final double fPValue;
    private final double logLikelihood;
    private final double aic;
    private final double bic;
    private final int dfModel;
    private final int dfResid;
    private final boolean constant;
    private final double[] fitted;
    private final double[] residuals;
    private final double[][] covariance;
    private final double[] whitenedResiduals;
    private final double[][] whitenedDesign;
    private final CovarianceType covarianceType;
    private final int clusters;
    private final boolean weighted;
    private OlsDiagnostics diagnostics;

    OlsResult(DesignMatrix design, List<Coefficient> coefficients, double[][] normalizedCovariance,
              double[][] covariance, double scale, double ssr, double centeredTss, double rSquared, double rSquaredAdj,
              double fValue, double fPValue, double logLikelihood, double aic, double bic, int dfModel, int dfResid,
              boolean constant, double[] fitted, double[] residuals, double[] whitenedResiduals,
              double[][] whitenedDesign, CovarianceType covarianceType, int clusters, boolean weighted) {
        this.covariance = covariance;
        this.whitenedResiduals = whitenedResiduals;
        this.whitenedDesign = whitenedDesign;
        this.covarianceType = covarianceType;
        this.clusters = clusters;
        this.weighted = weighted;
        this.design = design;
        this.coefficients = List.copyOf(coefficients);
        this.normalizedCovariance = normalizedCovariance;
        this.scale = scale;
        this.ssr = ssr;
        this.centeredTss = centeredTss;
        this.rSquared = rSquared;
        this.rSquaredAdj = rSquaredAdj;
        this.fValue = fValue;
        this.fPValue = fPValue;
        this.logLikelihood = logLikelihood;
        this.aic = aic;
        this.bic = bic;
        this.dfModel = dfModel;
        this.dfResid = dfResid;
        this.constant = constant;
        this.fitted = fitted;
        this.residuals = residuals;
    }

    /** @return the formula fitted */
    public Formula formula() {
        return design.formula();
    }

    /** @return the number of observations used ({@code nobs}) */
    public int nobs() {
        return fitted.length;
    }

    /** @return data rows dropped for missing values */
    public int droppedRows() {
        return design.droppedRows();
    }

    /** @return the coefficients in design order */
    public List<Coefficient> coefficients() {
        return coefficients;
    }

    /**
     * @param name a design column name
     * @return its coefficient, if the design has that column
     */
    public Optional<Coefficient> coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** @return {@code R²} ({@code rsquared}) */
    public double rSquared() {
        return rSquared;
    }

    /** @return adjusted {@code R²} ({@code rsquared_adj}) */
    public double rSquaredAdj() {
        return rSquaredAdj;
    }

    /**
     * @return the F statistic of the model against the intercept-only model ({@code NaN} when {@code df_model = 0});
     *     under a robust covariance statsmodels' robust Wald F ({@code NaN} with an implicit constant or a singular
     *     covariance of the tested coefficients)
     */
    public double fValue() {
        return fValue;
    }

    /** @return the p-value of the F statistic ({@code NaN} when {@code df_model = 0}) */
    public double fPValue() {
        return fPValue;
    }

    /** @return the Gaussian log-likelihood at the estimates ({@code llf}) */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** @return Akaike's information criterion */
    public double aic() {
        return aic;
    }

    /** @return the Bayesian information criterion */
    public double bic() {
        return bic;
    }

    /** @return the residual variance {@code SSR/(n−k)} ({@code scale}) */
    public double scale() {
        return scale;
    }

    /** @return the residual sum of squares */
    public double ssr() {
        return ssr;
    }

    /** @return the centred total sum of squares */
    public double centeredTss() {
        return centeredTss;
    }

    /** @return model degrees of freedom, {@code k − k_const} */
    public int dfModel() {
        return dfModel;
    }

    /** @return residual degrees of freedom, {@code n − k} */
    public int dfResid() {
        return dfResid;
    }

    /** @return whether the design has a constant, explicit or implicit */
    public boolean hasConstant() {
        return constant;
    }

    /** @return the fitted values {@code Xβ} of the rows used */
    public double[] fitted() {
        return fitted.clone();
    }

    /** @return the residuals {@code y − Xβ} */
    public double[] residuals() {
        return residuals.clone();
    }

    /**
     * @return the covariance matrix of the estimates: {@code s² (X'X)⁻¹} for {@link CovarianceType#NONROBUST},
     *     else the sandwich of {@link #covarianceType()} (statsmodels' {@code cov_params()})
     */
    public double[][] covariance() {
        double[][] out = new double[covariance.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = covariance[i].clone();
        }
        return out;
    }

    /** @return {@code (X'X)⁻¹} of the (whitened) design ({@code normalized_cov_params}) */
    public double[][] normalizedCovariance() {
        double[][] out = new double[normalizedCovariance.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = normalizedCovariance[i].clone();
        }
        return out;
    }

    /** @return the covariance the standard errors come from */
    public CovarianceType covarianceType() {
        return covarianceType;
    }

    /** @return whether the coefficients are tested with Student's t ({@code use_t}: only the non-robust covariance) */
    public boolean usesT() {
        return covarianceType == CovarianceType.NONROBUST;
    }

    /** @return the number of clusters of a cluster-robust fit, else 0 */
    public int clusters() {
        return clusters;
    }

    /** @return whether this is a weighted (WLS) fit */
    public boolean weighted() {
        return weighted;
    }

    /** @return the residuals times {@code √w} ({@code wresid}; the residuals themselves when unweighted) */
    public double[] whitenedResiduals() {
        return whitenedResiduals.clone();
    }

    /** @return the residual diagnostics of statsmodels' summary (see {@link OlsDiagnostics}) */
    public synchronized OlsDiagnostics diagnostics() {
        if (diagnostics == null) {
            diagnostics = OlsDiagnostics.of(whitenedResiduals, whitenedDesign);
        }
        return diagnostics;
    }

    /**
     * The diagnostics statsmodels' {@code summary()} prints, as one row: {@code omnibus, omnibusP, durbinWatson,
     * jarqueBera, jarqueBeraP, skew, kurtosis, conditionNumber} (see {@link OlsDiagnostics}).
     *
     * @return the diagnostics as a table
     */
    public ResultTable diagnosticsTable() {
        OlsDiagnostics d = diagnostics();
        return header(method() + " diagnostics: ")
                .number("omnibus", Role.STATISTIC, 3).column("omnibusP", ColumnType.P_VALUE, Role.P_VALUE)
                .number("durbinWatson", Role.STATISTIC, 3).number("jarqueBera", Role.STATISTIC, 3)
                .column("jarqueBeraP", ColumnType.P_VALUE, Role.P_VALUE).number("skew", Role.STATISTIC, 3)
                .number("kurtosis", Role.STATISTIC, 3).number("conditionNumber", Role.STATISTIC, 3)
                .row(d.omnibus(), d.omnibusPValue(), d.durbinWatson(), d.jarqueBera(), d.jarqueBeraPValue(), d.skew(),
                        d.kurtosis(), d.conditionNumber())
                .build();
    }

    private String method() {
        return weighted ? "WLS" : "OLS";
    }

    /** @return the design matrix */
    public DesignMatrix design() {
        return design;
    }

    /**
     * The coefficient table ({@code term, estimate, se, t, df, p, ci_lower, ci_upper}; {@code df} is the
     * residual df of every t test, the interval the 95% t interval), as statsmodels' {@code OLSResults.summary()}
     * lists them; under a robust covariance {@code term, estimate, se, z, p, ci_lower, ci_upper} (normal tests,
     * statsmodels' {@code use_t=False}), with the covariance type in the metadata; the metadata names the method, formula and dependent variable. The model statistics are
     * {@link #fitTable()}.
     *
     * @return this fit as a table
     */
    @Override
    public ResultTable table() {
        if (usesT()) {
            return CoefficientTable.fill(header(method() + " regression: "), "t", dfResid, coefficients).build();
        }
        return CoefficientTable.fill(header(method() + " regression: "), "z", null, coefficients).build();
    }

    /**
     * The model statistics of statsmodels' summary as one row: {@code nobs, droppedRows} (rows with missing
     * values), {@code dfModel, dfResid, rsquared, rsquaredAdj, fvalue, fPvalue} (undefined without
     * regressors; under a robust covariance the robust Wald F of statsmodels, see {@link Ols}), {@code llf, aic, bic, scale} (the residual variance).
     *
     * @return the fit statistics as a table
     */
    public ResultTable fitTable() {
        return header(method() + " fit: ")
                .column("nobs", ColumnType.INTEGER, Role.COUNT).column("droppedRows", ColumnType.INTEGER, Role.COUNT)
                .column("dfModel", ColumnType.INTEGER, Role.DF).column("dfResid", ColumnType.INTEGER, Role.DF)
                .number("rsquared", Role.ESTIMATE, 4).number("rsquaredAdj", Role.ESTIMATE, 4)
                .number("fvalue", Role.STATISTIC, 4).column("fPvalue", ColumnType.P_VALUE, Role.P_VALUE)
                .number("llf", Role.STATISTIC, 4).number("aic", Role.STATISTIC, 4).number("bic", Role.STATISTIC, 4)
                .number("scale", Role.ESTIMATE, 4)
                .row(nobs(), droppedRows(), dfModel, dfResid, rSquared, rSquaredAdj, fValue, fPValue, logLikelihood, aic,
                        bic, scale)
                .build();
    }

    /** @return the fitted values and residuals of the rows used, one row each */
    public ResultTable fittedTable() {
        return CoefficientTable.fitted(header(method() + " fitted values: "), fitted, residuals);
    }

    private ResultTable.Builder header(String title) {
        ResultTable.Builder t = CoefficientTable.header(title + formula().text(), method(), method(), formula(), null)
                .meta("covariance", covarianceType.statsmodelsName());
        return clusters > 0 ? t.meta("clusters", Integer.toString(clusters)) : t;
    }

    /** @return the head of {@link #table()} */
    @Override
    public String toString() {
        return table().toString();
    }
}
