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
 * array getters return copies. Its {@link #table()} is the fixed-effects table, the model in its
 * metadata; {@link #randomEffectsTable()} the predicted random intercepts.
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
     * normal intervals, so no df) with the model in its metadata, as statsmodels'
     * {@code MixedLMResults.summary()}: method (REML or ML), formula, dependent variable, group column,
     * {@code n}, rows dropped, number of groups and their smallest, largest and mean size, the group variance,
     * the residual variance ({@code scale}), log-likelihood, AIC, BIC, {@code θ}, whether the fit is on the
     * boundary and whether the optimiser converged; numbers exact ({@link Double#toString}), {@code –} when
     * undefined.
     *
     * @return this fit's fixed effects as a table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = ResultTable.builder("Mixed linear model (" + criterion.name() + "): " + formula().text())
                .meta(ResultTable.METHOD, criterion.name())
                .meta("model", "MixedLM, random intercept per " + groupColumn)
                .meta("formula", formula().text())
                .meta("dependent variable", formula().response().name())
                .meta("group column", groupColumn)
                .meta("n", Integer.toString(nobs()))
                .meta("rows dropped (missing values)", Integer.toString(droppedRows()))
                .meta("groups", Integer.toString(groups()))
                .meta("min group size", Integer.toString(minGroupSize()))
                .meta("max group size", Integer.toString(maxGroupSize()))
                .meta("mean group size", CoefficientTable.exact(meanGroupSize()))
                .meta("group variance", CoefficientTable.exact(groupVariance))
                .meta("scale (residual variance)", CoefficientTable.exact(scale))
                .meta("log-likelihood", CoefficientTable.exact(logLikelihood))
                .meta("AIC", CoefficientTable.exact(aic()))
                .meta("BIC", CoefficientTable.exact(bic()))
                .meta("theta", CoefficientTable.exact(theta))
                .meta("boundary (singular fit)", Boolean.toString(boundary()))
                .meta("converged", Boolean.toString(converged))
                .meta(ResultTable.CONFIDENCE_LEVEL, "0.95");
        return CoefficientTable.fill(t, "z", null, coefficients).build();
    }

    /**
     * @return the predicted random intercepts (BLUPs) as a table {@code group, effect}, in sorted label
     *     order, with the method and group column in its metadata
     */
    public ResultTable randomEffectsTable() {
        ResultTable.Builder t = ResultTable.builder("Random intercepts per " + groupColumn)
                .meta(ResultTable.METHOD, criterion.name())
                .meta("formula", formula().text())
                .column("group", ColumnType.TEXT, Role.KEY)
                .number("effect", Role.ESTIMATE, 4);
        randomEffects.forEach((g, e) -> t.row(g, e));
        return t.build();
    }

    /** @return the head of {@link #table()} */
    @Override
    public String toString() {
        return table().toString();
    }
}
