package org.pluralstats.weight;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pluralstats.data.SurveyData;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * The outcome of {@link Raking}: the raked weights and how they were reached. Immutable.
 */
public final class RakingResult implements TabularResult {
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
    private final List<String> margins;

    RakingResult(Method method, double[] base, double[] raked, int iterations, boolean converged, double maxMarginError,
                 double kishBefore, double kishAfter, int kept, Map<String, Integer> excluded, double scale,
                 List<String> margins) {
        this.margins = List.copyOf(margins);
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

    /** @return the names of the margins raked to, in order */
    public List<String> margins() {
        return margins;
    }

    /**
     * The raking summarised as a one-row table: {@code method} ({@code ipf} or {@code bounded}),
     * {@code margins} (their names, separated by {@code "; "}), {@code respondents} (kept),
     * {@code iterations} (cycles or Newton steps), {@code converged}, {@code maxMarginError} (largest
     * relative margin error), {@code kishEfficiencyBefore}, {@code kishEfficiencyAfter}, {@code minRatio},
     * {@code maxRatio} (raked/base weight), {@code scale} (of the base weights before bounding) and
     * {@code excluded} ({@code "2 zero weight, 1 missing weight"}, empty when none). What
     * {@code pluralstats rake --summary md|csv|json} prints.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        List<String> parts = new ArrayList<>();
        excluded.forEach((k, v) -> parts.add(v + " " + k));
        return ResultTable.builder("Raking")
                .meta(ResultTable.METHOD, method == Method.IPF ? "iterative proportional fitting"
                        : "bounded raking (Newton)")
                .column("method", ColumnType.TEXT, Role.PARAMETER).column("margins", ColumnType.TEXT, Role.PARAMETER)
                .column("respondents", ColumnType.INTEGER, Role.COUNT).column("iterations", ColumnType.INTEGER, Role.COUNT)
                .column("converged", ColumnType.BOOLEAN, Role.OTHER).number("maxMarginError", Role.STATISTIC, 6)
                .number("kishEfficiencyBefore", Role.ESTIMATE, 4).number("kishEfficiencyAfter", Role.ESTIMATE, 4)
                .number("minRatio", Role.STATISTIC, 4).number("maxRatio", Role.STATISTIC, 4)
                .number("scale", Role.PARAMETER, 6).column("excluded", ColumnType.TEXT, Role.LABEL)
                .row(method == Method.IPF ? "ipf" : "bounded", String.join("; ", margins), kept, iterations, converged,
                        maxMarginError, kishBefore, kishAfter, minRatio(), maxRatio(), scale, String.join(", ", parts))
                .build();
    }

    /**
     * The weights as a table, one row per data row: {@code id}, {@code baseWeight}, {@code rakedWeight}
     * (both undefined for a respondent left out). What {@code pluralstats rake --out} writes.
     *
     * @param data the data that was raked (for the respondents' ids)
     * @return the table
     */
    public ResultTable weightsTable(SurveyData data) {
        if (data.rows() != raked.length) {
            throw new IllegalArgumentException("the data has " + data.rows() + " rows; " + raked.length + " were raked");
        }
        ResultTable.Builder t = ResultTable.builder("Raked weights")
                .meta(ResultTable.METHOD, method == Method.IPF ? "iterative proportional fitting" : "bounded raking (Newton)")
                .column("id", ColumnType.TEXT, Role.KEY).number("baseWeight", Role.WEIGHT, 4)
                .number("rakedWeight", Role.WEIGHT, 4);
        for (int i = 0; i < raked.length; i++) {
            t.row(data.id(i), base[i], raked[i]);
        }
        return t.build();
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }

    /** @return the method used */
    public Method method() {
        return method;
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
