package org.pluralstats.regress;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The residual diagnostics statsmodels' {@code OLSResults.summary()} prints under the coefficients,
 * computed on the (whitened) residuals {@code e} of the {@code n} rows used, with the central moments
 * {@code m_r = mean((e − ē)^r)} (scipy's biased moments):
 * <ul>
 *   <li>{@code skew = m3 / m2^{3/2}}, {@code kurtosis = m4 / m2²} (Pearson, normal = 3), as
 *       {@code scipy.stats.skew} and {@code 3 + scipy.stats.kurtosis};</li>
 *   <li>Jarque–Bera {@code JB = n/6 (skew² + (kurtosis − 3)²/4)}, p from χ²(2), i.e.
 *       {@code exp(−JB/2)} ({@code statsmodels.stats.stattools.jarque_bera});</li>
 *   <li>Omnibus: D'Agostino–Pearson {@code K² = Z_skew² + Z_kurt²} with D'Agostino's (1970) skewness and
 *       Anscombe–Glynn's (1983) kurtosis transforms, p from χ²(2) ({@code omni_normtest}, i.e.
 *       {@code scipy.stats.normaltest}; needs {@code n ≥ 8}, else both are {@code NaN});</li>
 *   <li>Durbin–Watson {@code Σ (e_i − e_{i−1})² / Σ e_i²}, in row order;</li>
 *   <li>the condition number {@code σ_max/σ_min} of the singular values of the (whitened) design, as
 *       statsmodels' {@code condition_number} ("Cond. No.").</li>
 * </ul>
 *
 * @param omnibus D'Agostino–Pearson K²
 * @param omnibusPValue its χ²(2) p-value
 * @param durbinWatson the Durbin–Watson statistic
 * @param jarqueBera the Jarque–Bera statistic
 * @param jarqueBeraPValue its χ²(2) p-value
 * @param skew the skewness of the residuals
 * @param kurtosis their (Pearson) kurtosis
 * @param conditionNumber the condition number of the design
 */
public record OlsDiagnostics(double omnibus, double omnibusPValue, double durbinWatson, double jarqueBera,
                             double jarqueBeraPValue, double skew, double kurtosis, double conditionNumber) {

    /**
     * @param e the residuals in row order
     * @param x the design columns ({@code x[j][i]})
     * @return the diagnostics
     */
    static OlsDiagnostics of(double[] e, double[][] x) {
        int n = e.length;
        double mean = 0.0;
        for (double v : e) {
            mean += v;
        }
        mean /= n;
        double m2 = 0.0;
        double m3 = 0.0;
        double m4 = 0.0;
        double dw = 0.0;
        double ee = 0.0;
        for (int i = 0; i < n; i++) {
            double d = e[i] - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
            ee += e[i] * e[i];
            if (i > 0) {
                double diff = e[i] - e[i - 1];
                dw += diff * diff;
            }
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double skew = m3 / Math.pow(m2, 1.5);
        double kurt = m4 / (m2 * m2);
        double jb = n / 6.0 * (skew * skew + 0.25 * (kurt - 3.0) * (kurt - 3.0));
        double k2 = n >= 8 ? square(skewZ(skew, n)) + square(kurtosisZ(kurt, n)) : Double.NaN;
        double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(x, false).transpose()).getSingularValues();
        double cond = sv[0] / sv[sv.length - 1];
        return new OlsDiagnostics(k2, Math.exp(-0.5 * k2), dw / ee, jb, Math.exp(-0.5 * jb), skew, kurt, cond);
    }

    private static double square(double v) {
        return v * v;
    }

    /** scipy.stats.skewtest's Z (D'Agostino 1970). */
    private static double skewZ(double b2, double n) {
        double y = b2 * Math.sqrt(((n + 1) * (n + 3)) / (6.0 * (n - 2)));
        double beta2 = 3.0 * (n * n + 27 * n - 70) * (n + 1) * (n + 3) / ((n - 2.0) * (n + 5) * (n + 7) * (n + 9));
        double w2 = -1 + Math.sqrt(2 * (beta2 - 1));
        double delta = 1 / Math.sqrt(0.5 * Math.log(w2));
        double alpha = Math.sqrt(2.0 / (w2 - 1));
        if (y == 0) {
            y = 1;
        }
        double ya = y / alpha;
        return delta * Math.log(ya + Math.sqrt(ya * ya + 1));
    }

    /** scipy.stats.kurtosistest's Z (Anscombe and Glynn 1983). */
    private static double kurtosisZ(double b2, double n) {
        double e = 3.0 * (n - 1) / (n + 1);
        double varb2 = 24.0 * n * (n - 2) * (n - 3) / ((n + 1) * (n + 1) * (n + 3) * (n + 5));
        double x = (b2 - e) / Math.sqrt(varb2);
        double sqrtbeta1 = 6.0 * (n * n - 5 * n + 2) / ((n + 7) * (n + 9))
                * Math.sqrt((6.0 * (n + 3) * (n + 5)) / (n * (n - 2) * (n - 3)));
        double a = 6.0 + 8.0 / sqrtbeta1 * (2.0 / sqrtbeta1 + Math.sqrt(1 + 4.0 / (sqrtbeta1 * sqrtbeta1)));
        double term1 = 1 - 2 / (9.0 * a);
        double denom = 1 + x * Math.sqrt(2 / (a - 4.0));
        double term2 = denom == 0.0 ? Double.NaN : Math.signum(denom) * Math.cbrt((1 - 2.0 / a) / Math.abs(denom));
        return (term1 - term2) / Math.sqrt(2 / (9.0 * a));
    }
}
