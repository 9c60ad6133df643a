package org.pluralstats.regress;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * A random-intercept mixed model fit (see {@link MixedModel}): fixed effects with z tests, the group
 * and residual variances, the REML or ML log-likelihood, and the predicted random effects. Immutable;
 * array getters return copies. Its {@link #table()} is the fixed-effects table, {@link #fitTable()}
 * the model statistics, {@link #randomEffectsTable()} the predicted random intercepts, {@link #fittedTable()}
 * the fitted values.
 */
public final class MixedModelResult implements TabularResult {
    private final DesignMatrix design;
    private final MixedModel.Criterion criterion;
    private final String groupColumn;
    private final List<Coefficient> coefficients;
    private final double[][] covariance;
    private final double groupVariance;
    private final double scale;
    private final double logLikelihood;
    private final double theta;
    private final Map<String, Double> randomEffects;
    private final int[] groupSizes;
    private final double[] fitted;
    private final double[] residuals;
    private final boolean converged;
    private final int evaluations;
    private final double[] conditionalVariances;
    private final double psiStandardError;
    private final java.util.function.Supplier<double[]> profileLimitsSource;
    private double[] profileLimits;

    MixedModelResult(DesignMatrix design, MixedModel.Criterion criterion, String groupColumn,
                     List<Coefficient> coefficients, double[][] covariance, double groupVariance, double scale,
                     double logLikelihood, double theta, Map<String, Double> randomEffects, int[] groupSizes,
                     double[] fitted, double[] residuals, boolean converged, int evaluations,
                     double[] conditionalVariances, double psiStandardError,
                     java.util.function.Supplier<double[]> profileLimits) {
        this.design = design;
        this.criterion = criterion;
        this.groupColumn = groupColumn;
        this.coefficients = List.copyOf(coefficients);
        this.covariance = covariance;
        this.groupVariance = groupVariance;
        this.scale = scale;
        this.logLikelihood = logLikelihood;
        this.theta = theta;
        this.randomEffects = Collections.unmodifiableMap(randomEffects);
        this.groupSizes = groupSizes;
        this.fitted = fitted;
        this.residuals = residuals;
        this.converged = converged;
        this.evaluations = evaluations;
        this.conditionalVariances = conditionalVariances;
        this.psiStandardError = psiStandardError;
        this.profileLimitsSource = profileLimits;
    }

    private synchronized double[] profileLimits() {
        if (profileLimits == null) {
            profileLimits = profileLimitsSource.get();
        }
        return profileLimits;
    }

    /** @return the fixed-effects formula */
    public Formula formula() {
        return design.formula();
    }

    /** @return REML or ML */
    public MixedModel.Criterion criterion() {
        return criterion;
    }

    /** @return the grouping column */
    public String groupColumn() {
        return groupColumn;
    }

    /** @return the number of observations used */
    public int nobs() {
        return fitted.length;
    }

    /** @return data rows dropped for missing values */
    public int droppedRows() {
        return design.droppedRows();
    }

    /** @return the number of groups */
    public int groups() {
        return groupSizes.length;
    }

    /** @return the group sizes, in sorted group-label order */
    public int[] groupSizes() {
        return groupSizes.clone();
    }

    /** @return the smallest group size */
    public int minGroupSize() {
        return Arrays.stream(groupSizes).min().orElse(0);
    }

    /** @return the largest group size */
    public int maxGroupSize() {
        return Arrays.stream(groupSizes).max().orElse(0);
    }

    /** @return the mean group size */
    public double meanGroupSize() {
        return (double) nobs() / groupSizes.length;
    }

    /** @return the fixed effects in design order */
    public List<Coefficient> coefficients() {
        return coefficients;
    }

    /**
     * @param name a design column name
     * @return its fixed effect, if present
     */
    public Optional<Coefficient> coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** @return the covariance matrix of the fixed effects, {@code σ̂² (X'V⁻¹X)⁻¹} */
    public double[][] covariance() {
        double[][] out = new double[covariance.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = covariance[i].clone();
        }
        return out;
    }

    /** @return the random-intercept variance {@code σ_b²} (lme4's group variance, statsmodels' {@code cov_re}) */
    public double groupVariance() {
        return groupVariance;
    }

    /** @return the residual variance {@code σ²} (statsmodels' {@code scale}, the square of lme4's {@code sigma}) */
    public double scale() {
        return scale;
    }

    /** @return the REML log-likelihood (REML fits) or the log-likelihood (ML fits) */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** @return {@code −2 ℓ + 2(p + 2)}, as lme4's {@code AIC} (from the REML criterion for REML fits) */
    public double aic() {
        return -2.0 * logLikelihood + 2.0 * (coefficients.size() + 2);
    }

    /** @return {@code −2 ℓ + log(n)(p + 2)}, as lme4's {@code BIC} */
    public double bic() {
        return -2.0 * logLikelihood + Math.log(nobs()) * (coefficients.size() + 2);
    }

    /** @return {@code θ = σ_b/σ}, the relative standard deviation (lme4's {@code getME(fit, "theta")}) */
    public double theta() {
        return theta;
    }

    /** @return whether the estimate is on the boundary {@code σ_b² = 0} (lme4's "singular fit") */
    public boolean boundary() {
        return theta == 0.0;
    }

    /** @return the predicted random intercepts (BLUPs) by group label, in sorted label order */
    public Map<String, Double> randomEffects() {
        return randomEffects;
    }

    /**
     * The conditional variances of the random intercepts given the data, as lme4's
     * {@code attr(ranef(fit, condVar = TRUE)$g, "postVar")}: the diagonal of {@code σ̂² Λ(Λ'Z'ZΛ + I)⁻¹Λ'}
     * (Bates et al. 2015, J. Stat. Softw. 67(1), sec. 3.5 and 5.1), which for a random intercept is
     * {@code σ̂² θ̂² / (1 + n_j θ̂²)}. Conditional on the estimated {@code θ̂, σ̂} and {@code β̂}: the
     * uncertainty of the fixed effects is not included (as in lme4 1.1). {@code σ̂} is the REML or ML
     * residual SD of the fit; 0 for every group on the boundary {@code θ̂ = 0}.
     *
     * @return the conditional variance of each group's intercept, in sorted label order
     */
    public Map<String, Double> conditionalVariances() {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        int j = 0;
        for (String label : randomEffects.keySet()) {
            out.put(label, conditionalVariances[j++]);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The Wald standard error of the group variance {@code σ_b² = σ̂² ψ̂}, {@code ψ = θ²}: {@code σ̂² se(ψ̂)}, where
     * {@code se(ψ̂)²} is the ψψ element of the inverse of minus the analytic Hessian of the (REML or ML)
     * log-likelihood in {@code (β, ψ)} with σ² profiled out — statsmodels' {@code MixedLM.hessian}, which it
     * inverts for {@code bse_re}. statsmodels reports {@code bse_re = σ̂ se(ψ̂)} (the summary's "Group Var"
     * Std.Err.), i.e. this value divided by {@code σ̂}: see {@code docs/regression.md}. Treats σ̂² as known;
     * not meaningful near the boundary, where the sampling distribution of {@code σ̂_b²} is far from normal.
     * NaN on the boundary {@code θ̂ = 0} when minus the Hessian is not positive there.
     *
     * @return the Wald standard error of {@link #groupVariance()}
     */
    public double groupVarianceStandardError() {
        return scale * psiStandardError;
    }

    /** @return statsmodels' {@code bse_re}, {@code σ̂ se(ψ̂)} (see {@link #groupVarianceStandardError()}) */
    public double statsmodelsGroupVarianceBse() {
        return Math.sqrt(scale) * psiStandardError;
    }

    /**
     * The group and residual variance components with their Wald and profile intervals (95%); see
     * {@link VarianceComponent} and {@link #varianceComponentsTable()}. The profile is computed on the first
     * call (a few thousand evaluations of the ML criterion, each {@code O(n p + G p² + p³)}) and kept.
     *
     * @return the group component ({@code .sig01}) then the residual one ({@code .sigma})
     */
    public List<VarianceComponent> varianceComponents() {
        double z = TestDistributions.Z_975;
        double se = groupVarianceStandardError();
        double[] profileLimits = profileLimits();
        VarianceComponent group = new VarianceComponent(groupColumn + " (Intercept)", groupVariance, se,
                Math.max(groupVariance - z * se, 0.0), groupVariance + z * se, profileLimits[0], profileLimits[1]);
        VarianceComponent residual = new VarianceComponent("Residual", scale, Double.NaN, Double.NaN, Double.NaN,
                profileLimits[2], profileLimits[3]);
        return List.of(group, residual);
    }

    /**
     * One variance component of a random-intercept fit.
     *
     * @param component {@code "GROUP (Intercept)"} (lme4's {@code .sig01}) or {@code "Residual"} ({@code .sigma})
     * @param variance the estimated variance ({@code σ̂_b²} or {@code σ̂²}, by the fit's criterion)
     * @param standardError the Wald standard error of the variance ({@link MixedModelResult#groupVarianceStandardError()};
     *     NaN for the residual variance, for which statsmodels reports none)
     * @param waldLower {@code variance − Φ⁻¹(0.975) se}, truncated at 0 (NaN without a standard error)
     * @param waldUpper {@code variance + Φ⁻¹(0.975) se}
     * @param profileLower lme4's 95% profile limit of the standard deviation, found exactly (not by lme4's
     *     spline interpolation of a profile grid): the root of the signed square root of the ML deviance
     *     change; 0 when the profile does not reach {@code −Φ⁻¹(0.975)} at {@code σ_b = 0}
     * @param profileUpper the upper profile limit of the standard deviation
     */
    public record VarianceComponent(String component, double variance, double standardError, double waldLower,
                                    double waldUpper, double profileLower, double profileUpper) {
        /** @return the standard deviation, {@code √variance} */
        public double sd() {
            return Math.sqrt(variance);
        }

        /** @return the Wald limits on the SD scale: the square roots of the variance limits */
        public double waldSdLower() {
            return Math.sqrt(waldLower);
        }

        /** @return the upper Wald limit on the SD scale */
        public double waldSdUpper() {
            return Math.sqrt(waldUpper);
        }
    }

    /** @return the fitted values {@code x'β + b̂_j} of the rows used */
    public double[] fitted() {
        return fitted.clone();
    }

    /** @return the residuals {@code y − x'β − b̂_j} */
    public double[] residuals() {
        return residuals.clone();
    }

    /** @return whether the optimiser finished within its evaluation budget */
    public boolean converged() {
        return converged;
    }

    /** @return how many times the criterion was evaluated */
    public int evaluations() {
        return evaluations;
    }

    /** @return the design matrix */
    public DesignMatrix design() {
        return design;
    }

    /**
     * The fixed-effects table ({@code term, estimate, se, z, p, ci_lower, ci_upper}; Wald z tests and 95%
     * normal intervals, so no df), as statsmodels' {@code MixedLMResults.summary()} lists them; the metadata
     * names the method (REML or ML), formula, dependent variable and group column. The model statistics are
     * {@link #fitTable()}, the random intercepts {@link #randomEffectsTable()}.
     *
     * @return this fit's fixed effects as a table
     */
    @Override
    public ResultTable table() {
        return CoefficientTable.fill(header("Mixed linear model (" + criterion.name() + "): "), "z", null, coefficients)
                .build();
    }

    /**
     * The model statistics of statsmodels' summary as one row: {@code nobs, droppedRows} (rows with missing
     * values), {@code groups, minGroupSize, maxGroupSize, meanGroupSize, groupVar} (the random-intercept
     * variance), {@code scale} (the residual variance), {@code llf} (REML or ML), {@code aic, bic, theta},
     * {@code boundary} (singular fit: the group variance is 0) and {@code converged}.
     *
     * @return the fit statistics as a table
     */
    public ResultTable fitTable() {
        return header("Mixed linear model fit (" + criterion.name() + "): ")
                .column("nobs", ColumnType.INTEGER, Role.COUNT).column("droppedRows", ColumnType.INTEGER, Role.COUNT)
                .column("groups", ColumnType.INTEGER, Role.COUNT).column("minGroupSize", ColumnType.INTEGER, Role.COUNT)
                .column("maxGroupSize", ColumnType.INTEGER, Role.COUNT).number("meanGroupSize", Role.COUNT, 1)
                .number("groupVar", Role.ESTIMATE, 4).number("scale", Role.ESTIMATE, 4).number("llf", Role.STATISTIC, 4)
                .number("aic", Role.STATISTIC, 4).number("bic", Role.STATISTIC, 4).number("theta", Role.ESTIMATE, 4)
                .column("boundary", ColumnType.BOOLEAN, Role.OTHER).column("converged", ColumnType.BOOLEAN, Role.OTHER)
                .row(nobs(), droppedRows(), groups(), minGroupSize(), maxGroupSize(), meanGroupSize(), groupVariance,
                        scale, logLikelihood, aic(), bic(), theta, boundary(), converged)
                .build();
    }

    /**
     * The predicted random intercepts (conditional modes, BLUPs) as a table, in sorted label order:
     * {@code group, effect, condVar} ({@link #conditionalVariances()}, lme4's {@code postVar}),
     * {@code condSd = √condVar}, the 95% prediction interval {@code pi_lower, pi_upper} =
     * {@code effect ∓ Φ⁻¹(0.975) condSd} (the bars {@code lattice::dotplot(ranef(fit, condVar = TRUE))} draws)
     * and the group size {@code n}.
     *
     * @return the random intercepts with their conditional SDs and intervals
     */
    public ResultTable randomEffectsTable() {
        ResultTable.Builder t = header("Random intercepts per " + groupColumn + ": ")
                .meta(ResultTable.CONFIDENCE_LEVEL, "0.95")
                .meta("condVar", "lme4 ranef(condVar = TRUE) postVar σ²θ²/(1 + n θ²), conditional on the estimates of θ, σ and"
                        + " the fixed effects (their uncertainty is not included)")
                .column("group", ColumnType.TEXT, Role.KEY).number("effect", Role.ESTIMATE, 4)
                .number("condVar", Role.STATISTIC, 6).number("condSd", Role.SE, 4).number("pi_lower", Role.CI_LOWER, 4)
                .number("pi_upper", Role.CI_UPPER, 4).column("n", ColumnType.INTEGER, Role.COUNT);
        int j = 0;
        for (Map.Entry<String, Double> e : randomEffects.entrySet()) {
            double sd = Math.sqrt(conditionalVariances[j]);
            double b = e.getValue();
            t.row(e.getKey(), b, conditionalVariances[j], sd, b - TestDistributions.Z_975 * sd,
                    b + TestDistributions.Z_975 * sd, groupSizes[j]);
            j++;
        }
        return t.build();
    }

    /**
     * The variance components ({@link #varianceComponents()}) as a table: {@code component, variance, sd},
     * {@code se} (Wald SE of the variance), {@code var_wald_lower, var_wald_upper} (Wald 95% limits of the
     * variance, lower truncated at 0), {@code sd_profile_lower, sd_profile_upper} (lme4's 95% profile limits
     * of the standard deviation, {@code confint(fit, method = "profile")}, found exactly on the ML deviance
     * as lme4 profiles REML fits too). The metadata names the methods.
     *
     * @return one row for the group component, one for the residual
     */
    public ResultTable varianceComponentsTable() {
        ResultTable.Builder t = header("Variance components: ").meta(ResultTable.CONFIDENCE_LEVEL, "0.95")
                .meta("wald", "se of the variance from the (" + criterion.name() + ") Hessian in (β, θ²) as statsmodels "
                        + "MixedLM; interval variance ± z se, lower limit truncated at 0")
                .meta("profile", "lme4 profile of the ML deviance (REML fits too), limits of the SD found exactly")
                .column("component", ColumnType.TEXT, Role.KEY).number("variance", Role.ESTIMATE, 6)
                .number("sd", Role.ESTIMATE, 6).number("se", Role.SE, 6)
                .number("var_wald_lower", Role.CI_LOWER, 6).number("var_wald_upper", Role.CI_UPPER, 6)
                .number("sd_profile_lower", Role.CI_LOWER, 6).number("sd_profile_upper", Role.CI_UPPER, 6);
        for (VarianceComponent c : varianceComponents()) {
            t.row(c.component(), c.variance(), c.sd(), c.standardError(), c.waldLower(), c.waldUpper(),
                    c.profileLower(), c.profileUpper());
        }
        return t.build();
    }

    /** @return the fitted values {@code x'β + b̂_j} and residuals of the rows used, one row each */
    public ResultTable fittedTable() {
        return CoefficientTable.fitted(header("Mixed linear model fitted values: "), fitted, residuals);
    }

    private ResultTable.Builder header(String title) {
        return CoefficientTable.header(title + formula().text(), criterion.name(), "MixedLM, random intercept per "
                + groupColumn, formula(), groupColumn);
    }

    /** @return the head of {@link #table()} */
    @Override
    public String toString() {
        return table().toString();
    }
}
