/**
 * Regression with R-style formulas: ordinary least squares and linear mixed models with a random
 * intercept per group, with the coefficient names, design column order and summary quantities of
 * statsmodels (patsy formulas) and lme4.
 *
 * <pre>{@code
 * RegressionData data = RegressionDataFiles.read(Path.of("eq4.csv"), List.of());
 * OlsResult ols = Ols.fit("metric_value ~ us*model_name:language", data);
 * ols.coefficient("us[T.True]").ifPresent(System.out::println);
 * ols.diagnostics();                                            // Omnibus, Durbin-Watson, JB, Cond. No.
 * OlsResult hc3 = Ols.withDefaults().withCovariance(CovarianceType.HC3).estimate("y ~ x", data);
 *
 * MixedModelResult mixed = MixedModel.withDefaults()            // REML; .with(Criterion.ML) for ML
 *         .fit("alignment ~ 0 + consistency:language + multilingual:family:language", data3, "model_name");
 * mixed.groupVariance(); mixed.scale(); mixed.logLikelihood();
 * }</pre>
 *
 * <p>{@link org.pluralstats.regress.Formula} parses a formula with patsy's operator algebra;
 * {@link org.pluralstats.regress.DesignMatrix} codes it on a {@link org.pluralstats.regress.RegressionData}
 * with patsy's treatment coding and redundancy rules; {@link org.pluralstats.regress.Ols} and
 * {@link org.pluralstats.regress.MixedModel} fit it. Reference values: statsmodels 0.13 / patsy 0.5
 * ({@code tools/regress_reference.py}; robust covariances, WLS and diagnostics to 1e-10 by
 * {@code tools/regress_robust_reference.py}) and lme4 1.1 ({@code tools/regress_reference.R}); OLS agrees
 * to 1e-8, the mixed model to 1e-5 in the fixed effects and 0.2% in the variances. Bad input raises
 * {@link org.pluralstats.regress.RegressionException} with a message naming the column, row or
 * collinear design columns.
 *
 * <p>This package uses {@code org.pluralstats.stats} (compensated sums), Commons Math (distributions,
 * Brent's optimiser) and, to read CSV files, {@code io.csv.RegressionDataFiles}.
 */
package org.pluralstats.regress;
