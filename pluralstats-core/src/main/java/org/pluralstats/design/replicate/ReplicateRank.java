package org.pluralstats.design.replicate;

/**
 * The numerical rank of a matrix as R's {@code qr(x, tol)$rank} computes it: LINPACK's {@code dqrdc2}
 * (Householder QR with R's "limited column pivoting": a column whose remaining norm falls below
 * {@code tol} times its original norm is moved to the end and not used). R survey's
 * {@code degf(svyrep.design)} is this rank of the analysis weights minus 1.
 */
final class ReplicateRank {
    private ReplicateRank() {
    }

    /**
     * @param columns the matrix by column ({@code columns[j][i]} is row {@code i} of column {@code j}); not modified
     * @param tol the relative tolerance ({@code 1e-7} is R's default for {@code qr}, survey's {@code degf} uses {@code 1e-5})
     * @return the rank, as {@code dqrdc2}'s {@code k}
     */
    static int of(double[][] columns, double tol) {
        int p = columns.length;
        if (p == 0) {
            return 0;
        }
        int n = columns[0].length;
        double[][] x = new double[p][];
        for (int j = 0; j < p; j++) {
            x[j] = columns[j].clone();
        }
        double[] qraux = new double[p];
        double[] work1 = new double[p];
        double[] work2 = new double[p];
        for (int j = 0; j < p; j++) {
            qraux[j] = norm(x[j], 0);
            work1[j] = qraux[j];
            work2[j] = qraux[j] == 0 ? 1 : qraux[j];
        }
        int lup = Math.min(n, p);
        int k = p + 1; // dqrdc2's k, 1-based: columns k..p are the negligible ones moved to the end
        for (int l = 0; l < lup; l++) {
            // cycle the columns from l on until one with a non-negligible norm is found
            while (l + 1 < k && qraux[l] < work2[l] * tol) {
                double[] moved = x[l];
                double q = qraux[l];
                double w1 = work1[l];
                double w2 = work2[l];
                for (int j = l + 1; j < p; j++) {
                    x[j - 1] = x[j];
                    qraux[j - 1] = qraux[j];
                    work1[j - 1] = work1[j];
                    work2[j - 1] = work2[j];
                }
                x[p - 1] = moved;
                qraux[p - 1] = q;
                work1[p - 1] = w1;
                work2[p - 1] = w2;
                k--;
            }
            if (l == n - 1) {
                break;
            }
            double[] xl = x[l];
            double nrmxl = norm(xl, l);
            if (nrmxl == 0) {
                continue;
            }
            if (xl[l] != 0) {
                nrmxl = Math.copySign(nrmxl, xl[l]);
            }
            for (int i = l; i < n; i++) {
                xl[i] /= nrmxl;
            }
            xl[l] += 1;
            for (int j = l + 1; j < p; j++) {
                double[] xj = x[j];
                double dot = 0;
                for (int i = l; i < n; i++) {
                    dot += xl[i] * xj[i];
                }
                double t = -dot / xl[l];
                for (int i = l; i < n; i++) {
                    xj[i] += t * xl[i];
                }
                if (qraux[j] != 0) {
                    double r = Math.abs(xj[l]) / qraux[j];
                    double tt = Math.max(1 - r * r, 0);
                    if (Math.abs(tt) < 1e-6) {
                        qraux[j] = norm(xj, l + 1);
                        work1[j] = qraux[j];
                    } else {
                        qraux[j] *= Math.sqrt(tt);
                    }
                }
            }
            qraux[l] = xl[l];
            xl[l] = -nrmxl;
        }
        return Math.min(k - 1, n);
    }

    private static double norm(double[] v, int from) {
        double scale = 0;
        for (int i = from; i < v.length; i++) {
            scale = Math.max(scale, Math.abs(v[i]));
        }
        if (scale == 0) {
            return 0;
        }
        double ss = 0;
        for (int i = from; i < v.length; i++) {
            double a = v[i] / scale;
            ss += a * a;
        }
        return scale * Math.sqrt(ss);
    }
}
