package org.pluralstats.regress;

import java.util.List;
import java.util.Optional;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.TabularResult;

/**
 * An ordinary least squares fit (see {@link Ols}): coefficients with standard errors, t tests and
 * 95% intervals, and the model statistics of statsmodels' summary. Immutable; array getters return
 * copies. Its {@link #table()} is the coefficient table, the model statistics in its metadata.
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
     * residual df of every t test, the interval the 95% t interval) with the model in its metadata, as
     * statsmodels' {@code OLSResults.summary()}: method, formula, dependent variable, {@code n}, rows dropped,
     * model and residual df, R², adjusted R², F and its p-value, log-likelihood, AIC, BIC and the residual
     * variance ({@code scale}), numbers exact ({@link Double#toString}), {@code –} when undefined.
     *
     * @return this fit as a table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = ResultTable.builder("OLS regression: " + formula().text())
                .meta(ResultTable.METHOD, "OLS")
                .meta("formula", formula().text())
                .meta("dependent variable", formula().response().name())
                .meta("n", Integer.toString(nobs()))
                .meta("rows dropped (missing values)", Integer.toString(droppedRows()))
                .meta("df model", Integer.toString(dfModel))
                .meta("df residual", Integer.toString(dfResid))
                .meta("R²", CoefficientTable.exact(rSquared))
                .meta("adjusted R²", CoefficientTable.exact(rSquaredAdj))
                .meta("F", CoefficientTable.exact(fValue))
                .meta("p of F", CoefficientTable.exact(fPValue))
                .meta("log-likelihood", CoefficientTable.exact(logLikelihood))
                .meta("AIC", CoefficientTable.exact(aic))
                .meta("BIC", CoefficientTable.exact(bic))
                .meta("scale (residual variance)", CoefficientTable.exact(scale))
                .meta("covariance", "nonrobust")
                .meta(ResultTable.CONFIDENCE_LEVEL, "0.95");
        return CoefficientTable.fill(t, "t", dfResid, coefficients).build();
    }

    /** @return the head of {@link #table()} */
    @Override
    public String toString() {
        return table().toString();
    }
}
