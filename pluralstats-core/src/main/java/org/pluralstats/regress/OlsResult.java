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

    OlsResult(DesignMatrix design, List<Coefficient> coefficients, double[][] normalizedCovariance, double scale,
              double ssr, double centeredTss, double rSquared, double rSquaredAdj, double fValue, double fPValue,
              double logLikelihood, double aic, double bic, int dfModel, int dfResid, boolean constant,
              double[] fitted, double[] residuals) {
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

    /** @return the F statistic of the model against the intercept-only model ({@code NaN} when {@code df_model = 0}) */
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

    /** @return the covariance matrix of the estimates, {@code s² (X'X)⁻¹} */
    public double[][] covariance() {
        int k = normalizedCovariance.length;
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                out[i][j] = scale * normalizedCovariance[i][j];
            }
        }
        return out;
    }

    /** @return the design matrix */
    public DesignMatrix design() {
        return design;
    }

    /**
     * The coefficient table ({@code term, estimate, se, t, df, p, ci_lower, ci_upper}; {@code df} is the
     * residual df of every t test, the interval the 95% t interval), as statsmodels' {@code OLSResults.summary()}
     * lists them; the metadata names the method, formula and dependent variable. The model statistics are
     * {@link #fitTable()}.
     *
     * @return this fit as a table
     */
    @Override
    public ResultTable table() {
        return CoefficientTable.fill(header("OLS regression: "), "t", dfResid, coefficients).build();
    }

    /**
     * The model statistics of statsmodels' summary as one row: {@code nobs, droppedRows} (rows with missing
     * values), {@code dfModel, dfResid, rsquared, rsquaredAdj, fvalue, fPvalue} (undefined without
     * regressors), {@code llf, aic, bic, scale} (the residual variance).
     *
     * @return the fit statistics as a table
     */
    public ResultTable fitTable() {
        return header("OLS fit: ").meta("covariance", "nonrobust")
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
        return CoefficientTable.fitted(header("OLS fitted values: "), fitted, residuals);
    }

    private ResultTable.Builder header(String title) {
        return CoefficientTable.header(title + formula().text(), "OLS", "OLS", formula(), null);
    }

    /** @return the head of {@link #table()} */
    @Override
    public String toString() {
        return table().toString();
    }
}
