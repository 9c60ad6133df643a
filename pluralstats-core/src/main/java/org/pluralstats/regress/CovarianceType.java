package org.pluralstats.regress;

/**
 * The covariance of OLS/WLS estimates, as statsmodels' {@code fit(cov_type=…)} names them. With
 * {@code e} the (whitened) residuals, {@code X} the (whitened) design, {@code H = (X'X)⁻¹} and
 * {@code h_i = x_i'Hx_i} the leverages, the robust sandwich is {@code H (Σ ω_i x_i x_i') H}:
 * <ul>
 *   <li>{@link #NONROBUST}: {@code s² H}, {@code s² = SSR/(n−k)}; t tests on {@code n−k} df;</li>
 *   <li>{@link #HC0}: {@code ω_i = e_i²} (White 1980); {@link #HC1}: HC0 × {@code n/(n−k)};
 *       {@link #HC2}: {@code ω_i = e_i²/(1−h_i)}; {@link #HC3}: {@code ω_i = e_i²/(1−h_i)²}
 *       (MacKinnon and White 1985; R {@code sandwich::vcovHC});</li>
 *   <li>{@link #CLUSTER}: {@code c · H (Σ_g u_g u_g') H} with {@code u_g = Σ_{i∈g} e_i x_i} and
 *       statsmodels' default small-sample correction {@code c = G/(G−1) · (n−1)/(n−k)}
 *       ({@code use_correction=True}).</li>
 * </ul>
 * As statsmodels' default {@code use_t=False} for every robust covariance, robust fits test with the
 * normal distribution: {@code z = β/SE}, {@code p = 2Φ(−|z|)}, 95% interval {@code β ± z_{0.975} SE}.
 * Source: statsmodels 0.13 {@code RegressionResults.get_robustcov_results} and
 * {@code stats/sandwich_covariance.py}.
 */
public enum CovarianceType {
    /** {@code s²(X'X)⁻¹} with t tests, statsmodels' default. */
    NONROBUST,
    /** White's heteroskedasticity-consistent sandwich. */
    HC0,
    /** HC0 scaled by {@code n/(n−k)}. */
    HC1,
    /** Squared residuals divided by {@code 1 − h_i}. */
    HC2,
    /** Squared residuals divided by {@code (1 − h_i)²}. */
    HC3,
    /** Cluster-robust sandwich with statsmodels' small-sample correction. */
    CLUSTER;

    /** @return the name statsmodels gives it ({@code nonrobust}, {@code HC0}, …, {@code cluster}) */
    public String statsmodelsName() {
        return this == NONROBUST || this == CLUSTER ? name().toLowerCase(java.util.Locale.ROOT) : name();
    }
}
