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

    MixedModelResult(DesignMatrix design, MixedModel.Criterion criterion, String groupColumn,
                     List<Coefficient> coefficients, double[][] covariance, double groupVariance, double scale,
                     double logLikelihood, double theta, Map<String, Double> randomEffects, int[] groupSizes,
                     double[] fitted, double[] residuals, boolean converged, int evaluations) {
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

    /** @return the predicted random intercepts (BLUPs) as a table {@code group, effect}, in sorted label order */
    public ResultTable randomEffectsTable() {
        ResultTable.Builder t = header("Random intercepts per " + groupColumn + ": ")
                .column("group", ColumnType.TEXT, Role.KEY).number("effect", Role.ESTIMATE, 4);
        randomEffects.forEach((g, e) -> t.row(g, e));
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
