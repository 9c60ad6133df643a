package org.pluralstats.regress;

/**
 * Cholesky factorisation {@code A = L L'} of a dense symmetric positive definite matrix, with
 * solves, the log-determinant and the inverse. Package-private numerical kernel of {@link MixedModel}.
 */
final class Cholesky {
    private final int p;
    private final double[][] l;

    private Cholesky(double[][] l) {
        this.p = l.length;
        this.l = l;
    }

    /**
     * @param a a symmetric matrix (only the lower triangle is read)
     * @return its factorisation, or {@code null} when it is not numerically positive definite
     */
    static Cholesky of(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int j = 0; j < p; j++) {
            double d = a[j][j];
            double[] lj = l[j];
            for (int k = 0; k < j; k++) {
                d -= lj[k] * lj[k];
            }
            if (!(d > 0.0)) {
                return null;
            }
            double djj = Math.sqrt(d);
            lj[j] = djj;
            for (int i = j + 1; i < p; i++) {
                double[] li = l[i];
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= li[k] * lj[k];
                }
                li[j] = s / djj;
            }
        }
        return new Cholesky(l);
    }

    /** @return {@code log det A = 2 Σ log L_ii} */
    double logDeterminant() {
        double s = 0.0;
        for (int i = 0; i < p; i++) {
            s += Math.log(l[i][i]);
        }
        return 2.0 * s;
    }

    /** @return the solution of {@code A x = b} */
    double[] solve(double[] b) {
        double[] x = b.clone();
        for (int i = 0; i < p; i++) {
            double s = x[i];
            double[] li = l[i];
            for (int k = 0; k < i; k++) {
                s -= li[k] * x[k];
            }
            x[i] = s / li[i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** @return {@code A⁻¹} */
    double[][] inverse() {
        double[][] inv = new double[p][];
        for (int j = 0; j < p; j++) {
            double[] e = new double[p];
            e[j] = 1.0;
            inv[j] = solve(e);
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (inv[i][j] + inv[j][i]);
                inv[i][j] = s;
                inv[j][i] = s;
            }
        }
        return inv;
    }
}
