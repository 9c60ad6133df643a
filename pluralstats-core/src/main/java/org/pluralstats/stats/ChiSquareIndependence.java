package org.pluralstats.stats;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.pluralstats.PluralstatsException;

/**
 * Pearson's chi-square test of independence of the rows and columns of an {@code r × c} contingency
 * table, with Yates' continuity correction for tables with one degree of freedom.
 *
 * <p>With row totals {@code r_i}, column totals {@code c_j} and grand total {@code N}, the expected
 * counts are {@code E_ij = r_i c_j / N} and
 * <pre>
 *   X² = Σ_ij (O'_ij − E_ij)² / E_ij,   df = (r' − 1)(c' − 1),   p = P(χ²_df >= X²)
 * </pre>
 * where {@code O' = O} except when {@code df = 1} and the correction is on (the default): then
 * {@code O'_ij = O_ij + sign(E_ij − O_ij) · min(1/2, |E_ij − O_ij|)}, Yates' correction moving each
 * count half a unit towards its expectation but never past it. When {@code df = 0} (a single non-empty
 * row or column) {@code X² = 0} and {@code p = 1}. Source: K. Pearson (1900); F. Yates, "Contingency
 * tables involving small numbers and the χ² test", JRSS Suppl. 1 (1934) 217–235. Equals
 * {@code scipy.stats.chi2_contingency(table)} (scipy 1.10, {@code correction=True}) and R
 * {@code chisq.test(table)} for tables without empty rows or columns.
 *
 * <p>Empty rows and columns: rows or columns whose total is 0 carry no information and make some
 * {@code E_ij = 0}; scipy raises an error for them. This class drops them instead: {@code r'} and
 * {@code c'} count only non-empty rows and columns, their cells contribute nothing to {@code X²}, their
 * expected counts are reported as 0 (which they are), and {@link Result#droppedRows()} and
 * {@link Result#droppedColumns()} name them. The result equals scipy applied to the table without them.
 *
 * <p>Counts may be non-integer (weighted counts) but must be finite and non-negative. A table without
 * cells, with ragged rows, or whose total is 0 is an error.
 */
public final class ChiSquareIndependence {
    /** R {@code chisq.test}'s warning text when an expected count is below 5. */
    public static final String APPROXIMATION_WARNING = "Chi-squared approximation may be incorrect";
    /** The expected count below which the warning is given (R: {@code any(E < 5)}). */
    public static final double SMALL_EXPECTED = 5;

    private ChiSquareIndependence() {
    }

    /**
     * The test with Yates' correction when {@code df = 1} (scipy's and R's default).
     *
     * @param table counts, {@code table[row][column]}
     * @return the result
     * @throws PluralstatsException if the table is empty, ragged, has a negative or non-finite count, or
     *         total 0
     */
    public static Result test(double[][] table) {
        return test(table, true);
    }

    /**
     * The test with integer counts and Yates' correction when {@code df = 1}.
     *
     * @param table counts, {@code table[row][column]}
     * @return the result
     * @throws PluralstatsException if the table is empty, ragged, has a negative count, or total 0
     */
    public static Result test(long[][] table) {
        double[][] d = new double[table.length][];
        for (int i = 0; i < table.length; i++) {
            d[i] = new double[table[i].length];
            for (int j = 0; j < table[i].length; j++) {
                d[i][j] = table[i][j];
            }
        }
        return test(d, true);
    }

    /**
     * The test, with or without Yates' correction (which only ever applies when {@code df = 1}).
     *
     * @param table counts, {@code table[row][column]}
     * @param yatesCorrection whether to apply Yates' correction when {@code df = 1}
     * @return the result
     * @throws PluralstatsException if the table is empty, ragged, has a negative or non-finite count, or
     *         total 0
     */
    public static Result test(double[][] table, boolean yatesCorrection) {
        int rows = table.length;
        if (rows == 0 || table[0].length == 0) {
            throw new PluralstatsException("the contingency table has no cells");
        }
        int cols = table[0].length;
        CompensatedSum[] colSums = new CompensatedSum[cols];
        for (int j = 0; j < cols; j++) {
            colSums[j] = CompensatedSum.create();
        }
        double[] rowTotals = new double[rows];
        CompensatedSum grand = CompensatedSum.create();
        for (int i = 0; i < rows; i++) {
            if (table[i].length != cols) {
                throw new PluralstatsException("row " + i + " of the contingency table has " + table[i].length
                        + " cells, row 0 has " + cols);
            }
            CompensatedSum rowSum = CompensatedSum.create();
            for (int j = 0; j < cols; j++) {
                double o = table[i][j];
                if (!(o >= 0) || Double.isInfinite(o)) {
                    throw new PluralstatsException("cell (" + i + ", " + j + ") of the contingency table is " + o
                            + "; counts must be finite and non-negative");
                }
                rowSum.accept(o);
                colSums[j].accept(o);
                grand.accept(o);
            }
            rowTotals[i] = rowSum.getAsDouble();
        }
        double total = grand.getAsDouble();
        if (!(total > 0)) {
            throw new PluralstatsException("the contingency table has no counts (total 0)");
        }
        double[] colTotals = new double[cols];
        for (int j = 0; j < cols; j++) {
            colTotals[j] = colSums[j].getAsDouble();
        }
        int[] droppedRows = zeros(rowTotals);
        int[] droppedCols = zeros(colTotals);
        int keptRows = rows - droppedRows.length;
        int keptCols = cols - droppedCols.length;
        int df = (keptRows - 1) * (keptCols - 1);

        double[][] expected = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                expected[i][j] = rowTotals[i] * colTotals[j] / total;
            }
        }
        boolean corrected = df == 1 && yatesCorrection;
        if (df == 0) {
            return new Result(0.0, 0, 1.0, expected, droppedRows, droppedCols, false, total);
        }
        CompensatedSum statistic = CompensatedSum.create();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double e = expected[i][j];
                if (e == 0) {
                    continue; // an empty row or column: O = E = 0
                }
                double o = table[i][j];
                if (corrected) {
                    double diff = e - o;
                    o += Math.signum(diff) * Math.min(0.5, Math.abs(diff));
                }
                double d = o - e;
                statistic.accept(d * d / e);
            }
        }
        double x2 = statistic.getAsDouble();
        return new Result(x2, df, Distributions.chiSquareUpperTail(x2, df), expected, droppedRows, droppedCols,
                corrected, total);
    }

    private static int[] zeros(double[] totals) {
        return IntStream.range(0, totals.length).filter(i -> totals[i] == 0).toArray();
    }

    /** The result of a chi-square test of independence. */
    public static final class Result {
        private final double statistic;
        private final int degreesOfFreedom;
        private final double pValue;
        private final double[][] expected;
        private final int[] droppedRows;
        private final int[] droppedColumns;
        private final boolean yatesCorrected;
        private final double total;

        private Result(double statistic, int degreesOfFreedom, double pValue, double[][] expected, int[] droppedRows,
                int[] droppedColumns, boolean yatesCorrected, double total) {
            this.statistic = statistic;
            this.degreesOfFreedom = degreesOfFreedom;
            this.pValue = pValue;
            this.expected = expected;
            this.droppedRows = droppedRows;
            this.droppedColumns = droppedColumns;
            this.yatesCorrected = yatesCorrected;
            this.total = total;
        }

        /** @return Pearson's {@code X²} (Yates-corrected if {@link #yatesCorrected()}) */
        public double statistic() {
            return statistic;
        }

        /** @return {@code (r' − 1)(c' − 1)} over non-empty rows and columns */
        public int degreesOfFreedom() {
            return degreesOfFreedom;
        }

        /** @return {@code P(χ²_df >= X²)}; 1 when {@code df = 0} */
        public double pValue() {
            return pValue;
        }

        /**
         * @return a copy of the expected counts {@code r_i c_j / N}, same shape as the input (0 in empty rows
         *         and columns)
         */
        public double[][] expected() {
            double[][] copy = new double[expected.length][];
            for (int i = 0; i < expected.length; i++) {
                copy[i] = expected[i].clone();
            }
            return copy;
        }

        /** @return the smallest expected count over non-empty rows and columns (the rule of thumb wants 5) */
        public double minimumExpected() {
            double min = Double.POSITIVE_INFINITY;
            for (double[] row : expected) {
                for (double e : row) {
                    if (e > 0) {
                        min = Math.min(min, e);
                    }
                }
            }
            return min;
        }

        /**
         * R's warning for a table with small expected counts: {@code chisq.test} warns "Chi-squared
         * approximation may be incorrect" when any expected count is below 5 (and {@code df > 0}); so does
         * this result, over the non-empty rows and columns.
         *
         * @return the warning, or empty when every expected count is at least 5 or {@code df = 0}
         */
        public java.util.Optional<String> warning() {
            return degreesOfFreedom > 0 && minimumExpected() < SMALL_EXPECTED
                    ? java.util.Optional.of(APPROXIMATION_WARNING) : java.util.Optional.empty();
        }

        /** @return indices of the rows dropped because their total is 0, ascending */
        public int[] droppedRows() {
            return droppedRows.clone();
        }

        /** @return indices of the columns dropped because their total is 0, ascending */
        public int[] droppedColumns() {
            return droppedColumns.clone();
        }

        /** @return whether Yates' correction was applied ({@code df = 1} and the correction on) */
        public boolean yatesCorrected() {
            return yatesCorrected;
        }

        /** @return the grand total {@code N} */
        public double total() {
            return total;
        }

        @Override
        public String toString() {
            return "ChiSquareIndependence[X2=" + statistic + ", df=" + degreesOfFreedom + ", p=" + pValue
                    + (yatesCorrected ? ", Yates" : "") + (droppedRows.length + droppedColumns.length > 0
                            ? ", dropped rows " + Arrays.toString(droppedRows) + " columns "
                                    + Arrays.toString(droppedColumns)
                            : "")
                    + warning().map(w -> ", warning: " + w).orElse("") + "]";
        }
    }
}
