package org.pluralstats.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.pluralstats.PluralstatsException;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * The design-based test of independence of a two-way table, R survey's {@code svychisq(~x + y, design,
 * statistic)} ({@code survey:::svychisq.survey.design}, survey 4.1; Rao &amp; Scott 1984, Ann. Statist. 12:46–60;
 * Koch, Freeman &amp; Freeman 1975 for the Wald tests). Immutable; {@link #withDefaults()} is R's default,
 * {@link Statistic#F}.
 *
 * <p>With {@code r × c} cells, {@code p̂} the weighted cell proportions ({@code svymean} of the cell
 * indicators, column {@code i + r·j} for row level {@code i}, column level {@code j}) and {@code V̂} their
 * design-based covariance ({@link TaylorDesign#means}), {@code N} the respondents and {@code ν = degf(design)}:
 * <ul>
 * <li>{@code X²} is Pearson's statistic of the weighted table scaled to total {@code N}
 *     ({@code chisq.test(svytable(~x + y, design, Ntotal = N), correct = FALSE)});</li>
 * <li>{@code C} holds the interaction contrasts of the saturated model, {@code X12} without its main effects,
 *     made orthogonal to the main-effects design {@code X1} ({@code qr.resid(qr(X1), X12)}); with
 *     {@code D = diag(p̂)} (zero cells: {@code D⁻¹} zero there), {@code Δ = (C' D⁻¹ C / N)⁻¹ (C' D⁻¹ V̂ D⁻¹ C)},
 *     the generalised design effects' matrix, of size {@code k = (r − 1)(c − 1)};</li>
 * <li>{@link Statistic#F}: {@code F = X² / tr Δ} on {@code d₀ = (tr Δ)² / tr(Δ²)} and {@code ν d₀} degrees of
 *     freedom (the second-order correction as an F);</li>
 * <li>{@link Statistic#CHISQ}: {@code X²} itself, with the p-value of {@code X² / δ̄} on {@code χ²_k},
 *     {@code δ̄ = tr Δ / k} (the first-order correction);</li>
 * <li>{@link Statistic#WALD}: with {@code T̂} the cell totals, {@code R̂, Ĉ} the row and column totals and
 *     {@code N̂} the total, {@code Y = T̂ − R̂ Ĉ' / N̂} on the cells with both levels past the first, {@code V_Y}
 *     its linearised covariance, {@code W = Y' V_Y⁻¹ Y}: {@code F = W / k} on {@code k} and {@code ν} degrees of
 *     freedom; {@link Statistic#ADJ_WALD}: {@code F = W (ν − k + 1) / (k ν)} on {@code k} and
 *     {@code ν − k + 1}.</li>
 * </ul>
 * Not covered: {@code "lincom"} and {@code "saddlepoint"} (the exact asymptotic distribution of {@code X²}),
 * missing values in either variable, and designs that are a {@link TaylorDesign#subset} (R then counts the
 * respondents outside the domain in {@code N}); these fail with a {@link PluralstatsException}.
 */
public final class DesignChiSquare {
    /** Which statistic to report, R's {@code statistic} argument. */
    public enum Statistic {
        /** {@code "F"}: Rao–Scott second-order correction as an F (R's default). */
        F("F"),
        /** {@code "Chisq"}: Rao–Scott first-order correction, mean generalised design effect. */
        CHISQ("Chisq"),
        /** {@code "Wald"}: design-based Wald test of association as an F on {@code k} and {@code ν} df. */
        WALD("Wald"),
        /** {@code "adjWald"}: the Wald statistic adjusted for the design's degrees of freedom. */
        ADJ_WALD("adjWald");

        private final String rName;

        Statistic(String rName) {
            this.rName = rName;
        }

        /** @return the name R's {@code svychisq} gives it */
        public String rName() {
            return rName;
        }
    }

    private static final DesignChiSquare DEFAULT = new DesignChiSquare(Statistic.F);
    private static final double BETA_EPSILON = 1e-15;

    private final Statistic statistic;

    private DesignChiSquare(Statistic statistic) {
        this.statistic = statistic;
    }

    /** @return the test with R's default statistic, {@link Statistic#F} */
    public static DesignChiSquare withDefaults() {
        return DEFAULT;
    }

    /**
     * @param s the statistic to report
     * @return a copy of this test that reports it
     */
    public DesignChiSquare with(Statistic s) {
        return new DesignChiSquare(Objects.requireNonNull(s, "statistic"));
    }

    /** @return the statistic this test reports */
    public Statistic statistic() {
        return statistic;
    }

    /**
     * Tests independence of two categorical variables on the design, {@code svychisq(~x + y, design,
     * statistic)} (formulas in the class comment). Levels are sorted by their text.
     *
     * @param design the design (not a subset)
     * @param rowName the row variable's name
     * @param rows the row variable, one level per respondent
     * @param columnName the column variable's name
     * @param columns the column variable
     * @return the test's result
     * @throws PluralstatsException on a missing level, a variable with fewer than two levels, a subset design,
     *     or a singular matrix (a table whose cells do not identify the interactions)
     */
    public Result test(TaylorDesign design, String rowName, String[] rows, String columnName, String[] columns) {
        int n = design.size();
        check(rows, n, rowName);
        check(columns, n, columnName);
        double[] w = design.weights();
        for (int i = 0; i < n; i++) {
            if (w[i] == 0) {
                throw new PluralstatsException("svychisq on a subset design is not covered (respondent " + (i + 1)
                        + " is outside it): build the design on the domain's rows with restrictedTo");
            }
        }
        List<String> rl = levels(rows, rowName);
        List<String> cl = levels(columns, columnName);
        int nr = rl.size();
        int nc = cl.size();
        int cells = nr * nc;
        int[] cell = new int[n];
        for (int i = 0; i < n; i++) {
            cell[i] = rl.indexOf(rows[i]) + nr * cl.indexOf(columns[i]);
        }
        double[][] indicators = new double[cells][n];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < nc; j++) {
            for (int r = 0; r < nr; r++) {
                names.add(rl.get(r) + "." + cl.get(j));
            }
        }
        for (int i = 0; i < n; i++) {
            indicators[cell[i]][i] = 1;
        }
        double pearson = pearson(w, cell, nr, nc, n);
        int k = (nr - 1) * (nc - 1);
        double nu = design.degreesOfFreedom();
        if (statistic == Statistic.WALD || statistic == Statistic.ADJ_WALD) {
            JointEstimates totals = design.totals(names, indicators, null);
            double wald = wald(totals, nr, nc);
            double ndf = k;
            double ddf;
            double f;
            if (statistic == Statistic.WALD) {
                f = wald / k;
                ddf = nu;
            } else {
                ddf = nu - k + 1;
                f = wald * ddf / (k * nu);
            }
            return new Result(this.statistic, rowName, columnName, nr, nc, n, f, ndf, ddf, fUpperTail(f, ndf, ddf),
                    pearson, Double.NaN, Double.NaN);
        }
        JointEstimates means = design.means(names, indicators, null);
        double[][] delta = delta(means, nr, nc, n);
        double trace = 0;
        double trace2 = 0;
        for (int a = 0; a < k; a++) {
            trace += delta[a][a];
            for (int b = 0; b < k; b++) {
                trace2 += delta[a][b] * delta[b][a];
            }
        }
        double d0 = trace * trace / trace2;
        if (statistic == Statistic.F) {
            double f = pearson / trace;
            return new Result(statistic, rowName, columnName, nr, nc, n, f, d0, d0 * nu,
                    fUpperTail(f, d0, d0 * nu), pearson, trace, d0);
        }
        double p = Gamma.regularizedGammaQ(k / 2.0, pearson / (trace / k) / 2);
        return new Result(statistic, rowName, columnName, nr, nc, n, pearson, k, Double.POSITIVE_INFINITY, p, pearson,
                trace, d0);
    }

    /** chisq.test(svytable(~x + y, design, Ntotal = N), correct = FALSE)$statistic. */
    private static double pearson(double[] w, int[] cell, int nr, int nc, int n) {
        double[] t = new double[nr * nc];
        double[] tc = new double[nr * nc];
        for (int i = 0; i < n; i++) {
            // Neumaier-compensated cell sums of weights
            double x = w[i];
            double s = t[cell[i]] + x;
            tc[cell[i]] += Math.abs(t[cell[i]]) >= Math.abs(x) ? (t[cell[i]] - s) + x : (x - s) + t[cell[i]];
            t[cell[i]] = s;
        }
        double total = 0;
        for (int c = 0; c < t.length; c++) {
            t[c] += tc[c];
            total += t[c];
        }
        double[] row = new double[nr];
        double[] col = new double[nc];
        for (int j = 0; j < nc; j++) {
            for (int r = 0; r < nr; r++) {
                t[r + nr * j] *= n / total;
                row[r] += t[r + nr * j];
                col[j] += t[r + nr * j];
            }
        }
        double x2 = 0;
        for (int j = 0; j < nc; j++) {
            for (int r = 0; r < nr; r++) {
                double e = row[r] * col[j] / n;
                double d = t[r + nr * j] - e;
                x2 += d * d / e;
            }
        }
        return x2;
    }

    /** Rao–Scott's Δ = (C' D⁻¹ C / N)⁻¹ C' D⁻¹ V D⁻¹ C. */
    private static double[][] delta(JointEstimates means, int nr, int nc, int n) {
        int cells = nr * nc;
        int k = (nr - 1) * (nc - 1);
        // treatment-coded main effects X1 and interactions X12 over the cells in expand.grid order
        RealMatrix x1 = new Array2DRowRealMatrix(cells, nr + nc - 1);
        RealMatrix x12 = new Array2DRowRealMatrix(cells, k);
        for (int j = 0; j < nc; j++) {
            for (int r = 0; r < nr; r++) {
                int c = r + nr * j;
                x1.setEntry(c, 0, 1);
                if (r > 0) {
                    x1.setEntry(c, r, 1);
                }
                if (j > 0) {
                    x1.setEntry(c, nr - 1 + j, 1);
                }
                if (r > 0 && j > 0) {
                    x12.setEntry(c, (r - 1) + (nr - 1) * (j - 1), 1);
                }
            }
        }
        RealMatrix coefficients = new QRDecomposition(x1).getSolver().solve(x12);
        RealMatrix cm = x12.subtract(x1.multiply(coefficients));
        RealMatrix iD = new Array2DRowRealMatrix(cells, cells);
        for (int c = 0; c < cells; c++) {
            double p = means.estimate(c);
            iD.setEntry(c, c, p == 0 ? 0 : 1 / p);
        }
        RealMatrix v = new Array2DRowRealMatrix(means.covariance(), false);
        RealMatrix denom = cm.transpose().multiply(iD.scalarMultiply(1.0 / n)).multiply(cm);
        RealMatrix numr = cm.transpose().multiply(iD).multiply(v).multiply(iD).multiply(cm);
        LUDecomposition lu = new LUDecomposition(denom);
        if (!lu.getSolver().isNonSingular()) {
            throw new PluralstatsException("svychisq: the table's interaction contrasts are singular (empty rows "
                    + "or columns?)");
        }
        return lu.getSolver().solve(numr).getData();
    }

    /** The Wald statistic Y' V_Y⁻¹ Y of survey's svychisq, Y = T − R C' / N on cells past the first level. */
    private static double wald(JointEstimates totals, int nr, int nc) {
        int cells = nr * nc;
        double[] t = totals.estimates();
        double[] row = new double[nr];
        double[] col = new double[nc];
        double all = 0;
        for (int j = 0; j < nc; j++) {
            for (int r = 0; r < nr; r++) {
                row[r] += t[r + nr * j];
                col[j] += t[r + nr * j];
                all += t[r + nr * j];
            }
        }
        List<Integer> use = new ArrayList<>();
        for (int j = 1; j < nc; j++) {
            for (int r = 1; r < nr; r++) {
                use.add(r + nr * j);
            }
        }
        int m = use.size();
        double[] y = new double[m];
        // G = dY/dT: Y_rc = T_rc − R_r C_c / N with R, C, N sums of T
        RealMatrix g = new Array2DRowRealMatrix(m, cells);
        for (int u = 0; u < m; u++) {
            int c = use.get(u);
            int r = c % nr;
            int j = c / nr;
            y[u] = t[c] - row[r] * col[j] / all;
            for (int j2 = 0; j2 < nc; j2++) {
                for (int r2 = 0; r2 < nr; r2++) {
                    double d = (r2 == r && j2 == j ? 1 : 0) - (r2 == r ? col[j] / all : 0)
                            - (j2 == j ? row[r] / all : 0) + row[r] * col[j] / (all * all);
                    g.setEntry(u, r2 + nr * j2, d);
                }
            }
        }
        RealMatrix vy = g.multiply(new Array2DRowRealMatrix(totals.covariance(), false)).multiply(g.transpose());
        LUDecomposition lu = new LUDecomposition(vy);
        if (!lu.getSolver().isNonSingular()) {
            throw new PluralstatsException("svychisq Wald: the covariance of the interaction totals is singular");
        }
        ArrayRealVector yv = new ArrayRealVector(y, false);
        return yv.dotProduct(lu.getSolver().solve(yv));
    }

    /** P(F > f) = I_{ddf/(ddf + ndf f)}(ddf/2, ndf/2), R's pf(f, ndf, ddf, lower.tail = FALSE). */
    private static double fUpperTail(double f, double ndf, double ddf) {
        if (Double.isNaN(f) || !(ndf > 0) || !(ddf > 0)) {
            return Double.NaN;
        }
        if (f <= 0) {
            return 1;
        }
        return Beta.regularizedBeta(ddf / (ddf + ndf * f), ddf / 2, ndf / 2, BETA_EPSILON);
    }

    private static void check(String[] v, int n, String name) {
        Objects.requireNonNull(v, name);
        if (v.length != n) {
            throw new PluralstatsException(name + " has " + v.length + " values, the design " + n + " respondents");
        }
        for (int i = 0; i < n; i++) {
            if (v[i] == null) {
                throw new PluralstatsException("svychisq with missing values is not covered: " + name
                        + " is missing for respondent " + (i + 1));
            }
        }
    }

    private static List<String> levels(String[] v, String name) {
        List<String> l = new ArrayList<>(new TreeSet<>(List.of(v)));
        if (l.size() < 2) {
            throw new PluralstatsException(name + " has " + l.size() + " level: a two-way test needs two or more");
        }
        return l;
    }

    /**
     * The result as R prints {@code svychisq}'s {@code htest}, with Pearson's {@code X²} and Rao–Scott's
     * quantities beside.
     *
     * @param statistic which statistic was computed
     * @param rowVariable the row variable's name
     * @param columnVariable the column variable's name
     * @param rowLevels the row variable's levels
     * @param columnLevels the column variable's levels
     * @param n the respondents ({@code N})
     * @param value the statistic: {@code F} (F, Wald, adjWald) or {@code X-squared} (Chisq)
     * @param ndf the numerator degrees of freedom ({@code ndf}; for Chisq the chi-square's {@code df})
     * @param ddf the denominator degrees of freedom ({@code ddf}; infinite for Chisq)
     * @param pValue the p-value
     * @param pearson Pearson's {@code X²} of the weighted table scaled to {@code N}
     * @param traceDelta {@code tr Δ}, the sum of the generalised design effects ({@code NaN} for the Wald tests)
     * @param d0 {@code (tr Δ)² / tr(Δ²)} ({@code NaN} for the Wald tests)
     */
    public record Result(Statistic statistic, String rowVariable, String columnVariable, int rowLevels,
                         int columnLevels, int n, double value, double ndf, double ddf, double pValue,
                         double pearson, double traceDelta, double d0) implements TabularResult {
        /**
         * @return the mean generalised design effect {@code tr Δ / k}, {@code k = (r − 1)(c − 1)}, by which the
         *     first-order correction divides {@code X²}
         */
        public double meanDesignEffect() {
            return traceDelta / ((rowLevels - 1) * (columnLevels - 1));
        }

        /**
         * @return one row: variables, statistic name, value, ndf, ddf, p, Pearson's X², tr Δ, d0
         */
        @Override
        public ResultTable table() {
            String method = switch (statistic) {
                case F, CHISQ -> "Pearson's X^2: Rao & Scott adjustment";
                case WALD, ADJ_WALD -> "Design-based Wald test of association";
            };
            return ResultTable.builder("Design-based test of independence")
                    .column("rows", ColumnType.TEXT, Role.KEY)
                    .column("columns", ColumnType.TEXT, Role.KEY)
                    .column("statistic", ColumnType.TEXT, Role.PARAMETER)
                    .column("value", ColumnType.NUMBER, Role.STATISTIC)
                    .column("ndf", ColumnType.NUMBER, Role.DF)
                    .column("ddf", ColumnType.NUMBER, Role.DF)
                    .column("p", ColumnType.P_VALUE, Role.P_VALUE)
                    .column("pearsonX2", ColumnType.NUMBER, Role.STATISTIC)
                    .column("traceDelta", ColumnType.NUMBER, Role.OTHER)
                    .column("d0", ColumnType.NUMBER, Role.OTHER)
                    .row(rowVariable, columnVariable, statistic == Statistic.CHISQ ? "X-squared" : "F", value, ndf,
                            Double.isInfinite(ddf) ? null : ddf, pValue, pearson, traceDelta, d0)
                    .meta(ResultTable.METHOD, method + String.format(Locale.ROOT,
                            " (svychisq(~%s + %s, design, statistic = \"%s\")), %d x %d table, N = %d",
                            rowVariable, columnVariable, statistic.rName(), rowLevels, columnLevels, n))
                    .build();
        }

        /** @return {@code table().toString()} */
        @Override
        public String toString() {
            return table().toString();
        }
    }
}
