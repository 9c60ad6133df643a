package org.pluralstats.regress;

import java.util.ArrayList;
import java.util.List;

/**
 * Householder QR decomposition of a column-stored n×p matrix, {@code X = Q R}, which also detects
 * columns that are linear combinations of earlier ones.
 *
 * <p>Column {@code k} is taken as dependent when, after the reflections of the earlier independent
 * columns, what is left of it below the diagonal is at most {@link #TOLERANCE} times its original
 * Euclidean norm (the sine of its angle to the span of the earlier columns). Source: G. H. Golub and
 * C. F. Van Loan, <i>Matrix Computations</i>, 4th ed., §5.2.
 */
final class HouseholderQr {
    /** Relative size below which a column counts as a combination of earlier ones. */
    static final double TOLERANCE = 1e-9;

    private final int n;
    private final int p;
    private final double[][] a;      // transformed columns; below the diagonal the Householder vectors
    private final double[] rdiag;
    private final int[] independentRow; // for column k: its diagonal row, or -1 when dependent
    private final List<Integer> dependent = new ArrayList<>();
    private final double[] norms;

    HouseholderQr(double[][] columns) {
        this.p = columns.length;
        this.n = p == 0 ? 0 : columns[0].length;
        this.a = new double[p][];
        for (int j = 0; j < p; j++) {
            a[j] = columns[j].clone();
        }
        this.rdiag = new double[p];
        this.independentRow = new int[p];
        this.norms = new double[p];
        int row = 0;
        for (int k = 0; k < p; k++) {
            double[] col = a[k];
            norms[k] = norm(columns[k], 0);
            double rest = row < n ? norm(col, row) : 0.0;
            if (row >= n || rest <= TOLERANCE * norms[k] || norms[k] == 0.0) {
                independentRow[k] = -1;
                dependent.add(k);
                continue;
            }
            double alpha = col[row] > 0 ? -rest : rest;
            // v = x - alpha e1, stored in col[row..n); H = I - 2 v v' / (v'v)
            col[row] -= alpha;
            double vtv = -2.0 * alpha * col[row]; // = |x|^2 - 2 alpha x1 + alpha^2 with |x| = |alpha|
            for (int j = k + 1; j < p; j++) {
                reflect(col, vtv, row, a[j]);
            }
            rdiag[k] = alpha;
            independentRow[k] = row;
            row++;
        }
    }

    private void reflect(double[] v, double vtv, int from, double[] x) {
        double s = 0.0;
        for (int i = from; i < n; i++) {
            s += v[i] * x[i];
        }
        double f = 2.0 * s / vtv;
        for (int i = from; i < n; i++) {
            x[i] -= f * v[i];
        }
    }

    private static double norm(double[] x, int from) {
        double scale = 0.0;
        double ssq = 1.0;
        for (int i = from; i < x.length; i++) {
            double v = x[i];
            if (v != 0.0) {
                double abs = Math.abs(v);
                if (scale < abs) {
                    ssq = 1.0 + ssq * (scale / abs) * (scale / abs);
                    scale = abs;
                } else {
                    ssq += (abs / scale) * (abs / scale);
                }
            }
        }
        return scale * Math.sqrt(ssq);
    }

    /** @return the dependent columns, in order */
    List<Integer> dependentColumns() {
        return dependent;
    }

    /**
     * Applies {@code Q'} to a vector.
     *
     * @param y a vector of length n
     * @return {@code Q' y}
     */
    double[] qtApply(double[] y) {
        double[] x = y.clone();
        for (int k = 0; k < p; k++) {
            int row = independentRow[k];
            if (row < 0) {
                continue;
            }
            double[] v = a[k];
            double vtv = -2.0 * rdiag[k] * v[row];
            reflect(v, vtv, row, x);
        }
        return x;
    }

    /** @return the number of independent columns */
    int rank() {
        return p - dependent.size();
    }

    /**
     * Coefficients expressing a dependent column in the independent columns before it.
     *
     * @param k a dependent column
     * @return coefficients by column (zero for the columns not involved)
     */
    double[] combination(int k) {
        List<Integer> before = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (independentRow[j] >= 0) {
                before.add(j);
            }
        }
        int m = before.size();
        double[] rhs = new double[m];
        for (int i = 0; i < m; i++) {
            rhs[i] = a[k][i];
        }
        double[] b = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double s = rhs[i];
            for (int j = i + 1; j < m; j++) {
                s -= r(i, before.get(j)) * b[j];
            }
            b[i] = s / rdiag[before.get(i)];
        }
        double[] out = new double[p];
        for (int i = 0; i < m; i++) {
            out[before.get(i)] = b[i];
        }
        return out;
    }

    /** Element (i, j) of R for an independent column j (row i of the upper triangle). */
    private double r(int i, int j) {
        int row = independentRow[j];
        if (i == row) {
            return rdiag[j];
        }
        return i < row ? a[j][i] : 0.0;
    }

    /** @return the original Euclidean norm of column k */
    double columnNorm(int k) {
        return norms[k];
    }

    /**
     * Solves {@code R b = (Q'y)[0..p)} for a full-rank matrix.
     *
     * @param qty {@code Q' y}
     * @return the least-squares coefficients
     */
    double[] solve(double[] qty) {
        double[] b = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = qty[i];
            for (int j = i + 1; j < p; j++) {
                s -= a[j][i] * b[j];
            }
            b[i] = s / rdiag[i];
        }
        return b;
    }

    /** @return {@code (X'X)⁻¹ = R⁻¹ R⁻ᵀ} for a full-rank matrix, as a dense p×p array */
    double[][] inverseGram() {
        // Rinv upper triangular, column by column
        double[][] rinv = new double[p][p];
        for (int j = 0; j < p; j++) {
            rinv[j][j] = 1.0 / rdiag[j];
            for (int i = j - 1; i >= 0; i--) {
                double s = 0.0;
                for (int k = i + 1; k <= j; k++) {
                    s += a[k][i] * rinv[k][j];
                }
                rinv[i][j] = -s / rdiag[i];
            }
        }
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double s = 0.0;
                for (int k = j; k < p; k++) {
                    s += rinv[i][k] * rinv[j][k];
                }
                out[i][j] = s;
                out[j][i] = s;
            }
        }
        return out;
    }

    /**
     * Throws a {@link RegressionException} naming the collinear columns when the matrix is not of full
     * column rank.
     *
     * @param names the column names
     */
    void requireFullRank(List<String> names, List<Term> terms) {
        if (dependent.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("singular design matrix: ");
        int shown = 0;
        for (int k : dependent) {
            if (shown == 3) {
                sb.append("; and ").append(dependent.size() - shown).append(" more dependent column(s)");
                break;
            }
            if (shown > 0) {
                sb.append("; ");
            }
            if (norms[k] == 0.0) {
                sb.append("column ").append(names.get(k)).append(" (term ").append(terms.get(k).name())
                        .append(") is zero in every row");
            } else {
                double[] c = combination(k);
                List<String> involved = new ArrayList<>();
                for (int j = 0; j < p; j++) {
                    if (c[j] != 0.0 && Math.abs(c[j]) * norms[j] > 1e-7 * norms[k]) {
                        involved.add(names.get(j) + " (term " + terms.get(j).name() + ")");
                    }
                }
                sb.append("column ").append(names.get(k)).append(" (term ").append(terms.get(k).name())
                        .append(") is a linear combination of ");
                if (involved.size() > 8) {
                    sb.append(String.join(", ", involved.subList(0, 8))).append(" and ")
                            .append(involved.size() - 8).append(" more");
                } else {
                    sb.append(String.join(", ", involved));
                }
            }
            shown++;
        }
        sb.append(". Remove one of the collinear terms or merge levels.");
        throw new RegressionException(sb.toString());
    }
}
