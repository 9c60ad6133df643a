package org.pluralstats.regress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
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
 * <p>{@link #withCovariance(CovarianceType)}, {@link #withClusters(String)} and {@link #withWeights(String)}
 * give statsmodels' robust covariances ({@code fit(cov_type=…)}, with z tests as its default
 * {@code use_t=False}) and weighted least squares ({@code WLS}); fit with {@link #estimate(Formula,
 * RegressionData)}. Checked to 1e-10 by the fixtures of {@code tools/regress_robust_reference.py}:
 * <pre>{@code
 * OlsResult r = Ols.withDefaults().withClusters("school").withWeights("w").estimate("y ~ x", data);
 * }</pre>
 *
 * <p>A design that is not of full column rank is an error naming the collinear columns (statsmodels
 * would silently use a pseudo-inverse); so is {@code n ≤ k}.
 */
public final class Ols {
    private static final Ols DEFAULT = new Ols(CovarianceType.NONROBUST, null, null);

    private final CovarianceType covariance;
    private final String clusterColumn;
    private final String weightColumn;

    private Ols(CovarianceType covariance, String clusterColumn, String weightColumn) {
        this.covariance = covariance;
        this.clusterColumn = clusterColumn;
        this.weightColumn = weightColumn;
    }

    /** @return OLS with the classical covariance {@code s²(X'X)⁻¹}, unweighted */
    public static Ols withDefaults() {
        return DEFAULT;
    }

    /**
     * @param type the covariance of the estimates; {@link CovarianceType#CLUSTER} needs
     *     {@link #withClusters(String)}, which sets it
     * @return a copy with that covariance (any cluster column dropped unless the type is CLUSTER)
     */
    public Ols withCovariance(CovarianceType type) {
        Objects.requireNonNull(type, "type");
        if (type == CovarianceType.CLUSTER && clusterColumn == null) {
            throw new IllegalArgumentException("cluster-robust covariance needs a cluster column: use withClusters(column)");
        }
        return new Ols(type, type == CovarianceType.CLUSTER ? clusterColumn : null, weightColumn);
    }

    /**
     * @param column the data column whose values are the clusters (text or numbers; no missing values in
     *     the rows used)
     * @return a copy with the cluster-robust covariance ({@code cov_type="cluster"}, groups = the column)
     */
    public Ols withClusters(String column) {
        return new Ols(CovarianceType.CLUSTER, Objects.requireNonNull(column, "column"), weightColumn);
    }

    /**
     * Weighted least squares as statsmodels' {@code WLS(y, X, weights=w)}: the design and response are
     * whitened by {@code √w}; {@code R²} uses the weighted centred sum of squares
     * {@code Σ w (y − ȳ_w)²}; {@code llf} adds {@code ½ Σ log w}; robust covariances use the whitened
     * design and residuals; {@link OlsResult#residuals()} are the unweighted {@code y − Xβ}.
     *
     * @param column a numeric column of weights, each finite and positive in the rows used
     * @return a copy fitting by weighted least squares
     */
    public Ols withWeights(String column) {
        return new Ols(covariance, clusterColumn, Objects.requireNonNull(column, "column"));
    }

    /** @return the covariance this fits with */
    public CovarianceType covariance() {
        return covariance;
    }

    /**
     * @param formula an R-style formula
     * @param data the data, with the cluster and weight columns when set
     * @return the fit
     */
    public OlsResult estimate(String formula, RegressionData data) {
        return estimate(Formula.parse(formula), data);
    }

    /**
     * @param formula a parsed formula
     * @param data the data, with the cluster and weight columns when set
     * @return the fit
     * @throws RegressionException as {@link #fit(DesignMatrix)}, and for a missing cluster label or a
     *     missing or non-positive weight in a row used
     */
    public OlsResult estimate(Formula formula, RegressionData data) {
        DesignMatrix design = DesignMatrix.of(formula, data);
        int[] rows = design.dataRows();
        double[] weights = null;
        if (weightColumn != null) {
            double[] all = data.numeric(weightColumn);
            weights = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                double w = all[rows[i]];
                if (!(w > 0) || Double.isInfinite(w)) {
                    throw new RegressionException("weight column '" + weightColumn + "' has " + w + " at "
                            + data.where(rows[i]) + "; weights must be finite and positive");
                }
                weights[i] = w;
            }
        }
        int[] clusters = null;
        if (covariance == CovarianceType.CLUSTER) {
            String[] labels = data.labels(clusterColumn);
            Map<String, Integer> codes = new HashMap<>();
            clusters = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                String g = labels[rows[i]];
                if (g == null) {
                    throw new RegressionException("cluster column '" + clusterColumn + "' is missing at "
                            + data.where(rows[i]));
                }
                clusters[i] = codes.computeIfAbsent(g, key -> codes.size());
            }
            if (codes.size() < 2) {
                throw new RegressionException("cluster-robust covariance needs at least 2 clusters; '" + clusterColumn
                        + "' has " + codes.size());
            }
        }
        return fit(design, weights, covariance, clusters, i -> data.where(rows[i]));
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
        return fit(design, null, CovarianceType.NONROBUST, null, i -> "data row " + (design.dataRows()[i] + 1));
    }

    private static OlsResult fit(DesignMatrix design, double[] weights, CovarianceType type, int[] clusters,
                                 IntFunction<String> where) {
        double[][] x = design.columnsView();
        double[] y = design.responseView();
        int n = y.length;
        int k = x.length;
        double[] root = null;
        double[][] xw = x;
        double[] yw = y;
        if (weights != null) {
            root = new double[n];
            xw = new double[k][n];
            yw = new double[n];
            for (int i = 0; i < n; i++) {
                root[i] = Math.sqrt(weights[i]);
                yw[i] = root[i] * y[i];
            }
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < n; i++) {
                    xw[j][i] = root[i] * x[j][i];
                }
            }
        }
        HouseholderQr qr = new HouseholderQr(xw);
        List<Term> terms = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            terms.add(design.term(j));
        }
        qr.requireFullRank(design.names(), terms);
        if (n <= k) {
            throw new RegressionException("OLS needs more observations than coefficients: " + n + " rows, " + k
                    + " coefficients in '" + design.formula().text() + "'");
        }
        double[] beta = qr.solve(qr.qtApply(yw));
        double[] fitted = new double[n];
        for (int j = 0; j < k; j++) {
            double b = beta[j];
            double[] col = x[j];
            for (int i = 0; i < n; i++) {
                fitted[i] += b * col[i];
            }
        }
        double[] resid = new double[n];
        double[] wresid = weights == null ? resid : new double[n];
        CompensatedSum ssr = CompensatedSum.create();
        CompensatedSum ysum = CompensatedSum.create();
        CompensatedSum wsum = CompensatedSum.create();
        CompensatedSum yy = CompensatedSum.create();
        CompensatedSum logw = CompensatedSum.create();
        for (int i = 0; i < n; i++) {
            resid[i] = y[i] - fitted[i];
            double w = weights == null ? 1.0 : weights[i];
            if (weights != null) {
                wresid[i] = root[i] * resid[i];
                logw.accept(Math.log(w));
            }
            ssr.accept(wresid[i] * wresid[i]);
            ysum.accept(w * y[i]);
            wsum.accept(w);
            yy.accept(yw[i] * yw[i]);
        }
        double mean = ysum.getAsDouble() / wsum.getAsDouble();
        CompensatedSum ctss = CompensatedSum.create();
        for (int i = 0; i < n; i++) {
            double d = y[i] - mean;
            ctss.accept((weights == null ? 1.0 : weights[i]) * d * d);
        }
        int kConst = hasConstant(x, weights == null ? qr : new HouseholderQr(x)) ? 1 : 0;
        double[][] inv = qr.inverseGram();
        double s = ssr.getAsDouble();
        double dfResid = n - k;
        double scale = s / dfResid;
        double[][] cov = covariance(type, xw, wresid, inv, scale, clusters, where);
        int nClusters = clusters == null ? 0 : Arrays.stream(clusters).max().orElse(-1) + 1;
        boolean robust = type != CovarianceType.NONROBUST;
        double q = robust ? TestDistributions.Z_975 : TestDistributions.tQuantile(0.975, dfResid);
        List<Coefficient> coefs = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            double se = Math.sqrt(cov[j][j]);
            double t = beta[j] / se;
            double p = robust ? TestDistributions.zTwoSided(t) : TestDistributions.tTwoSided(t, dfResid);
            coefs.add(new Coefficient(design.names().get(j), beta[j], se, t, p, beta[j] - q * se, beta[j] + q * se));
        }
        double tss = kConst == 1 ? ctss.getAsDouble() : yy.getAsDouble();
        double rsq = 1.0 - s / tss;
        double dfModel = k - kConst;
        double rsqAdj = 1.0 - (n - kConst) / dfResid * (1.0 - rsq);
        double ess = tss - s;
        double f;
        double fp;
        if (!robust) {
            f = dfModel > 0 ? (ess / dfModel) / scale : Double.NaN;
            fp = dfModel > 0 ? TestDistributions.fUpperTail(f, dfModel, dfResid) : Double.NaN;
        } else {
            double dfDenom = type == CovarianceType.CLUSTER ? nClusters - 1 : dfResid;
            f = robustWaldF(x, beta, cov, kConst == 1);
            fp = Double.isNaN(f) ? Double.NaN : TestDistributions.fUpperTail(f, waldRows(x, kConst == 1), dfDenom);
        }
        double llf = -0.5 * n * (Math.log(2.0 * Math.PI) + Math.log(s / n) + 1.0) + 0.5 * logw.getAsDouble();
        double aic = -2.0 * llf + 2.0 * (dfModel + kConst);
        double bic = -2.0 * llf + Math.log(n) * (dfModel + kConst);
        return new OlsResult(design, coefs, inv, cov, scale, s, ctss.getAsDouble(), rsq, rsqAdj, f, fp, llf, aic, bic,
                (int) dfModel, (int) dfResid, kConst == 1, fitted, resid, wresid, xw, type, nClusters,
                weights != null);
    }

    /**
     * A leverage {@code h_i} closer to 1 than this is 1: the row is fitted exactly, its residual is rounding
     * noise, and HC2/HC3 (which divide by {@code 1 − h_i}) are undefined there (R's {@code lm.influence} also
     * treats such hat values as 1). R {@code sandwich::vcovHC} returns NaN with a warning there; statsmodels 0.13
     * returns finite numbers made of rounding noise (SE 6.38 for the one-row category of
     * {@code OlsRobustReferenceTest.hc2AndHc3RefuseARowOfLeverageOneAndNameIt}); we refuse with the row.
     */
    static final double LEVERAGE_ONE = 1e-10;

    /** The covariance of the estimates (see {@link CovarianceType}). */
    private static double[][] covariance(CovarianceType type, double[][] x, double[] e, double[][] inv, double scale,
                                         int[] clusters, IntFunction<String> where) {
        int k = inv.length;
        int n = e.length;
        double[][] cov = new double[k][k];
        if (type == CovarianceType.NONROBUST) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    cov[a][b] = scale * inv[a][b];
                }
            }
            return cov;
        }
        // a_i = H x_i, so that H x_i x_i' H = a_i a_i' and h_i = x_i'a_i
        double[][] a = new double[n][k];
        for (int r = 0; r < k; r++) {
            double[] hr = inv[r];
            double[] ar = new double[n];
            for (int j = 0; j < k; j++) {
                double h = hr[j];
                double[] col = x[j];
                for (int i = 0; i < n; i++) {
                    ar[i] += h * col[i];
                }
            }
            for (int i = 0; i < n; i++) {
                a[i][r] = ar[i];
            }
        }
        double[][] scores;
        if (type == CovarianceType.CLUSTER) {
            int g = Arrays.stream(clusters).max().orElse(-1) + 1;
            scores = new double[g][k];
            for (int i = 0; i < n; i++) {
                double[] u = scores[clusters[i]];
                for (int r = 0; r < k; r++) {
                    u[r] += e[i] * a[i][r];
                }
            }
        } else {
            scores = new double[n][];
            for (int i = 0; i < n; i++) {
                double h = 0.0;
                for (int j = 0; j < k; j++) {
                    h += x[j][i] * a[i][j];
                }
                if ((type == CovarianceType.HC2 || type == CovarianceType.HC3) && 1.0 - h < LEVERAGE_ONE) {
                    throw new RegressionException(type + " standard errors are undefined: " + where.apply(i)
                            + " has leverage 1 (the fit passes through it exactly, e.g."
                            + " the only row of a category), so its weight e²/(1 − h) is 0/0; use HC0 or HC1, or"
                            + " leave that row out");
                }
                double factor = switch (type) {
                    case HC2 -> 1.0 / Math.sqrt(1.0 - h);
                    case HC3 -> 1.0 / (1.0 - h);
                    default -> 1.0;
                };
                double[] u = new double[k];
                for (int r = 0; r < k; r++) {
                    u[r] = factor * e[i] * a[i][r];
                }
                scores[i] = u;
            }
        }
        for (double[] u : scores) {
            for (int r = 0; r < k; r++) {
                double ur = u[r];
                for (int c = r; c < k; c++) {
                    cov[r][c] += ur * u[c];
                }
            }
        }
        double c = switch (type) {
            case HC1 -> n / (double) (n - k);
            case CLUSTER -> {
                double g = scores.length;
                yield g / (g - 1.0) * ((n - 1.0) / (n - k));
            }
            default -> 1.0;
        };
        for (int r = 0; r < k; r++) {
            for (int col = r; col < k; col++) {
                cov[r][col] *= c;
                cov[col][r] = cov[r][col];
            }
        }
        return cov;
    }

    /** The index of the first explicit constant column (no spread, non-zero), or −1. */
    private static int constantColumn(double[][] x) {
        for (int j = 0; j < x.length; j++) {
            double[] col = x[j];
            boolean constant = col[0] != 0.0;
            for (int i = 1; i < col.length && constant; i++) {
                constant = col[i] == col[0];
            }
            if (constant) {
                return j;
            }
        }
        return -1;
    }

    private static int waldRows(double[][] x, boolean hasConstant) {
        return hasConstant ? x.length - 1 : x.length;
    }

    /**
     * statsmodels' {@code fvalue} under a robust covariance: the Wald test {@code F = (Rβ)'(RVR')⁻¹(Rβ)/q}
     * of every coefficient but the constant. {@code NaN} when the constant is implicit (as statsmodels), when
     * nothing is left to test, or when {@code RVR'} is singular (statsmodels falls back to a pseudo-inverse
     * with a warning, e.g. with fewer clusters than coefficients).
     */
    private static double robustWaldF(double[][] x, double[] beta, double[][] cov, boolean hasConstant) {
        int constant = hasConstant ? constantColumn(x) : -1;
        if (hasConstant && constant < 0) {
            return Double.NaN;
        }
        int[] idx = java.util.stream.IntStream.range(0, beta.length).filter(j -> j != constant).toArray();
        int q = idx.length;
        if (q == 0) {
            return Double.NaN;
        }
        double[][] v = new double[q][q];
        double[] b = new double[q];
        for (int r = 0; r < q; r++) {
            b[r] = beta[idx[r]];
            for (int c = 0; c < q; c++) {
                v[r][c] = cov[idx[r]][idx[c]];
            }
        }
        org.apache.commons.math3.linear.SingularValueDecomposition svd =
                new org.apache.commons.math3.linear.SingularValueDecomposition(
                        new org.apache.commons.math3.linear.Array2DRowRealMatrix(v, false));
        if (svd.getRank() < q) {
            return Double.NaN;
        }
        org.apache.commons.math3.linear.RealVector sol = new org.apache.commons.math3.linear.LUDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(v, false)).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(b, false));
        double w = 0.0;
        for (int r = 0; r < q; r++) {
            w += b[r] * sol.getEntry(r);
        }
        return w / q;
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
