package org.pluralstats.weight;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of {@link Raking}: the raked weights and how they were reached. Immutable.
 */
public final class RakingResult {
    /** How the weights were raked. */
    public enum Method {
        /** Iterative proportional fitting, as R survey's {@code rake()}. */
        IPF,
        /** Bounded raking by Newton's method, as R survey's {@code calibrate(calfun = "raking", bounds = ...)}. */
        BOUNDED
    }

    private final Method method;
    private final double[] base;
    private final double[] raked;
    private final int iterations;
    private final boolean converged;
    private final double maxMarginError;
    private final double kishBefore;
    private final double kishAfter;
    private final int kept;
    private final Map<String, Integer> excluded;
    private final double scale;

    RakingResult(Method method, double[] base, double[] raked, int iterations, boolean converged, double maxMarginError,
                 double kishBefore, double kishAfter, int kept, Map<String, Integer> excluded, double scale) {
        this.method = method;
        this.base = base;
        this.raked = raked;
        this.iterations = iterations;
        this.converged = converged;
        this.maxMarginError = maxMarginError;
        this.kishBefore = kishBefore;
        this.kishAfter = kishAfter;
        this.kept = kept;
        this.excluded = Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
        this.scale = scale;
    }

    /** @return the method used */
    public Method method() {
        return method;
    }

    /** @return the base weights, one per data row (NaN where excluded) */
    public double[] baseWeights() {
        return base.clone();
    }

    /** @return the raked weights, one per data row (NaN where excluded) */
    public double[] weights() {
        return raked.clone();
    }

    /**
     * @param row a data row
     * @return its raked weight (NaN when excluded)
     */
    public double weight(int row) {
        return raked[row];
    }

    /**
     * @return for {@link Method#IPF} the full cycles over the margins performed; for
     *     {@link Method#BOUNDED} the Newton steps
     */
    public int iterations() {
        return iterations;
    }

    /** @return whether the convergence criterion was met within the iteration limit */
    public boolean converged() {
        return converged;
    }

    /** @return the largest |raked margin total − target| / target over all margin cells (absolute for zero targets) */
    public double maxMarginError() {
        return maxMarginError;
    }

    /** @return Kish's efficiency {@code (Σw)² / (n Σw²)} of the base weights */
    public double kishEfficiencyBefore() {
        return kishBefore;
    }

    /** @return Kish's efficiency of the raked weights */
    public double kishEfficiencyAfter() {
        return kishAfter;
    }

    /** @return the number of respondents raked */
    public int kept() {
        return kept;
    }

    /** @return respondents left out for an invalid base weight, per reason */
    public Map<String, Integer> excluded() {
        return excluded;
    }

    /**
     * @return the factor the base weights were scaled by before bounded raking (1 unless every
     *     calibration total exceeds 20 times the sample's, as in R survey's {@code grake})
     */
    public double scale() {
        return scale;
    }

    /** @return the smallest raked/base weight ratio */
    public double minRatio() {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < raked.length; i++) {
            if (!Double.isNaN(raked[i])) {
                m = Math.min(m, raked[i] / base[i]);
            }
        }
        return m;
    }

    /** @return the largest raked/base weight ratio */
    public double maxRatio() {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < raked.length; i++) {
            if (!Double.isNaN(raked[i])) {
                m = Math.max(m, raked[i] / base[i]);
            }
        }
        return m;
    }
}
