package org.pluralstats.regress;

import java.util.ArrayList;
import java.util.List;
import org.pluralstats.stats.CompensatedSum;

/**
 * Ordinary least squares with the quantities of statsmodels' {@code OLS(...).fit().summary()}.
 *
 * <p>With {@code X} the n×k design of full column rank and {@code y} the response:
 * <ul>
 *   <li>{@code β = (X'X)⁻¹X'y} by Householder QR ({@code X = QR}, {@code Rβ = Q'y});</li>
 *   <li>residual variance {@code s² = SSR/(n−k)}; {@code SE(β_j) = s √[(X'X)⁻¹]_jj} with
 *       {@code (X'X)⁻¹ = R⁻¹R⁻ᵀ}; {@code t_j = β_j/SE_j}; p from Student's t with {@code n−k} df;
 *       95% CI {@code β_j ± t_{0.975,n−k} SE_j};</li>
 *   <li>{@code k_const} = 1 when the design has a constant column or spans one implicitly (e.g.
 *       {@code 0 + group}), as statsmodels detects it; then {@code R² = 1 − SSR/TSS_centred}, else
 *       {@code 1 − SSR/TSS_uncentred}; {@code R²_adj = 1 − (n − k_const)/(n − k) (1 − R²)};</li>
 *   <li>{@code df_model = k − k_const}; {@code F = (ESS/df_model)/(SSR/(n−k))} with
 *       {@code ESS = TSS − SSR} (the model against the intercept-only model, or against zero without a
 *       constant); undefined when {@code df_model = 0};</li>
 *   <li>{@code llf = −n/2 (log 2π + log(SSR/n) + 1)}, {@code AIC = −2 llf + 2(df_model + k_const)},
 *       {@code BIC = −2 llf + log(n)(df_model + k_const)}.</li>
 * </ul>
 * Source: statsmodels 0.13 {@code regression/linear_model.py} ({@code RegressionResults}); checked
 * against it to 1e-8 by the fixtures of {@code tools/regress_reference.py}.
 *
 * <p>A design that is not of full column rank is an error naming the collinear columns (statsmodels
 * would silently use a pseudo-inverse); so is {@code n ≤ k}.
 */
public final class Ols {
    private Ols() {
    }

    /**
     * @param formula an R-style formula, e.g. {@code metric_value ~ us*model_name:language}
     * @param data the data
     * @return the fit
     */
    public static OlsResult fit(String formula, RegressionData data) {
        return fit(DesignMatrix.of(Formula.parse(formula), data));
    }

    /**
     * @param formula a parsed formula
     * @param data the data
     * @return the fit
     */
    public static OlsResult fit(Formula formula, RegressionData data) {
        return fit(DesignMatrix.of(formula, data));
    }

    /**
     * @param design a design matrix
     * @return the fit
     * @throws RegressionException when the design is singular or has no residual degrees of freedom
     */
    public static OlsResult fit(DesignMatrix design) {
        double[][] x = design.columnsView();
        double[] y = design.responseView();
        int n = y.length;
        int k = x.length;
        HouseholderQr qr = new HouseholderQr(x);
        List<Term> terms = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            terms.add(design.term(j));
        }
        qr.requireFullRank(design.names(), terms);
        if (n <= k) {
            throw new RegressionException("OLS needs more observations than coefficients: " + n + " rows, " + k
                    + " coefficients in '" + design.formula().text() + "'");
        }
        double[] beta = qr.solve(qr.qtApply(y));
        double[] fitted = new double[n];
        for (int j = 0; j < k; j++) {
            double b = beta[j];
            double[] col = x[j];
            for (int i = 0; i < n; i++) {
                fitted[i] += b * col[i];
            }
        }
        double[] resid = new double[n];
        CompensatedSum ssr = CompensatedSum.create();
        CompensatedSum ysum = CompensatedSum.create();
        CompensatedSum yy = CompensatedSum.create();
        for (int i = 0; i < n; i++) {
            resid[i] = y[i] - fitted[i];
            ssr.accept(resid[i] * resid[i]);
            ysum.accept(y[i]);
            yy.accept(y[i] * y[i]);
        }
        double mean = ysum.getAsDouble() / n;
        CompensatedSum ctss = CompensatedSum.create();
        for (int i = 0; i < n; i++) {
            double d = y[i] - mean;
            ctss.accept(d * d);
        }
        int kConst = hasConstant(x, qr) ? 1 : 0;
        double[][] inv = qr.inverseGram();
        double s = ssr.getAsDouble();
        double dfResid = n - k;
        double scale = s / dfResid;
        double q = TestDistributions.tQuantile(0.975, dfResid);
        List<Coefficient> coefs = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            double se = Math.sqrt(scale * inv[j][j]);
            double t = beta[j] / se;
            coefs.add(new Coefficient(design.names().get(j), beta[j], se, t, TestDistributions.tTwoSided(t, dfResid),
                    beta[j] - q * se, beta[j] + q * se));
        }
        double tss = kConst == 1 ? ctss.getAsDouble() : yy.getAsDouble();
        double rsq = 1.0 - s / tss;
        double dfModel = k - kConst;
        double rsqAdj = 1.0 - (n - kConst) / dfResid * (1.0 - rsq);
        double ess = tss - s;
        double f = dfModel > 0 ? (ess / dfModel) / scale : Double.NaN;
        double fp = dfModel > 0 ? TestDistributions.fUpperTail(f, dfModel, dfResid) : Double.NaN;
        double llf = -0.5 * n * (Math.log(2.0 * Math.PI) + Math.log(s / n) + 1.0);
        double aic = -2.0 * llf + 2.0 * (dfModel + kConst);
        double bic = -2.0 * llf + Math.log(n) * (dfModel + kConst);
        return new OlsResult(design, coefs, inv, scale, s, ctss.getAsDouble(), rsq, rsqAdj, f, fp, llf, aic, bic,
                (int) dfModel, (int) dfResid, kConst == 1, fitted, resid);
    }

    /**
     * statsmodels' constant detection: a column with no spread and a non-zero value, or else a
     * design whose span contains the constant vector.
     */
    private static boolean hasConstant(double[][] x, HouseholderQr qr) {
        for (double[] col : x) {
            double first = col[0];
            boolean constant = first != 0.0;
            for (int i = 1; i < col.length && constant; i++) {
                constant = col[i] == first;
            }
            if (constant) {
                return true;
            }
        }
        int n = x.length == 0 ? 0 : x[0].length;
        if (n == 0) {
            return false;
        }
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        double[] qt = qr.qtApply(ones);
        double rest = 0.0;
        for (int i = qr.rank(); i < n; i++) {
            rest += qt[i] * qt[i];
        }
        return Math.sqrt(rest) <= HouseholderQr.TOLERANCE * Math.sqrt(n);
    }
}
