package org.pluralstats.agreement;

import java.util.Arrays;
import java.util.Objects;
import org.pluralstats.PluralstatsException;
import org.pluralstats.stats.CompensatedSum;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.Distributions;

/**
 * Cohen's kappa for two raters, unweighted or weighted ({@link KappaWeights}), with the asymptotic
 * standard errors and normal interval of statsmodels' {@code statsmodels.stats.inter_rater.cohens_kappa}
 * ({@code kappa, std_kappa, std_kappa0, kappa_low, kappa_upp}), on the {@code k × k} table of the units
 * both raters rated, over the categories either used (sorted). With {@code p_ij} the table's shares,
 * {@code p_i·, p_·j} its margins:
 *
 * <pre>
 *   unweighted:  p_o = Σ_i p_ii,  p_e = Σ_i p_i· p_·i,  κ = (p_o − p_e) / (1 − p_e)
 *     var κ  = [Σ_i p_ii (1 − (p_i· + p_·i)(1 − κ))² + (1 − κ)² Σ_{i≠j} p_ij (p_·i + p_j·)² − (κ − p_e (1 − κ))²]
 *              / ((1 − p_e)² N)
 *     var₀ κ = [p_e + p_e² − Σ_i p_·i p_i· (p_·i + p_i·)] / ((1 − p_e)² N)
 *   weighted (disagreement weights w_ij, agreement weights a_ij = 1 − w_ij, ā_i· = Σ_j p_·j a_ij, ā_·j = Σ_i p_i· a_ij):
 *     κ = 1 − Σ w_ij p_ij / Σ w_ij p_i· p_·j,   p_e = Σ a_ij p_i· p_·j
 *     var κ  = [Σ p_ij (a_ij − (ā_·j + ā_i·)(1 − κ))² − (κ − p_e (1 − κ))²] / ((1 − p_e)² N)
 *     var₀ κ = [Σ p_i· p_·j (a_ij − (ā_·j + ā_i·))² − p_e²] / ((1 − p_e)² N)
 *   interval: κ ± z_{1−(1−level)/2} √var κ;   p: two-sided normal p-value of κ / √var₀ κ
 * </pre>
 *
 * Sources: J. Cohen (1960), "A coefficient of agreement for nominal scales"; J. Cohen (1968), "Weighted
 * kappa"; J. L. Fleiss, J. Cohen, B. S. Everitt (1969), "Large sample standard errors of kappa and
 * weighted kappa", Psychological Bulletin 72(5) (the variances, as SAS PROC FREQ and statsmodels compute
 * them). Equal to statsmodels 0.13.5 to 1e-12 on {@code tools/agreement_reference.py}'s data sets.
 *
 * <p>Undefined ({@code NaN}, reason in the note): no unit rated by both, or one category only
 * ({@code p_e = 1}: the raters cannot disagree, and agreement cannot be told from chance). Standard
 * errors are {@code NaN} when fewer than two units.
 */
public final class CohensKappa {
    private static final CohensKappa DEFAULT = new CohensKappa(KappaWeights.NONE, 0.95);

    private final KappaWeights weights;
    private final double confidence;

    private CohensKappa(KappaWeights weights, double confidence) {
        this.weights = weights;
        this.confidence = confidence;
    }

    /** @return unweighted kappa with a 95% interval (statsmodels' defaults) */
    public static CohensKappa withDefaults() {
        return DEFAULT;
    }

    /** @param w the weights @return a copy */
    public CohensKappa with(KappaWeights w) {
        return new CohensKappa(Objects.requireNonNull(w, "weights"), confidence);
    }

    /** @param level the interval's confidence level, in (0, 1) @return a copy */
    public CohensKappa withConfidence(double level) {
        return new CohensKappa(weights, ConfidenceInterval.checkLevel(level));
    }

    /** @return the weights */
    public KappaWeights weights() {
        return weights;
    }

    /**
     * @param first the first rater's ratings, {@code NaN} for missing
     * @param second the second rater's ratings of the same units
     * @return kappa with its standard errors, interval and p-value; {@code units} counts the units both rated
     * @throws PluralstatsException for vectors of different lengths or an infinite rating
     */
    public AgreementStatistic estimate(double[] first, double[] second) {
        if (first.length != second.length) {
            throw new PluralstatsException("Cohen's kappa: the two raters rated " + first.length + " and " + second.length
                    + " units; give both the same units, NaN for a missing rating");
        }
        int n = 0;
        double[] a = new double[first.length];
        double[] b = new double[first.length];
        for (int u = 0; u < first.length; u++) {
            if (Double.isInfinite(first[u]) || Double.isInfinite(second[u])) {
                throw new PluralstatsException("Cohen's kappa: unit " + (u + 1) + " has an infinite rating");
            }
            if (!Double.isNaN(first[u]) && !Double.isNaN(second[u])) {
                a[n] = first[u] + 0.0;
                b[n++] = second[u] + 0.0;
            }
        }
        String level = weights.label();
        if (n == 0) {
            return undefined(level, 0, "undefined: no unit rated by both raters");
        }
        double[] both = Arrays.copyOf(a, 2 * n);
        System.arraycopy(b, 0, both, n, n);
        double[] categories = RatingMatrix.distinct(both);
        int k = categories.length;
        if (k == 1) {
            return undefined(level, n, "undefined: one category only (the raters cannot disagree; chance agreement is 1)");
        }
        double[][] p = new double[k][k];
        for (int u = 0; u < n; u++) {
            p[Arrays.binarySearch(categories, a[u])][Arrays.binarySearch(categories, b[u])]++;
        }
        // margins from the counts, then every cell as a share (statsmodels: table.sum(1) / nobs, table / nobs)
        double[] row = new double[k];
        double[] col = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                row[i] += p[i][j];
                col[j] += p[i][j];
            }
        }
        for (int i = 0; i < k; i++) {
            row[i] /= n;
            col[i] /= n;
            for (int j = 0; j < k; j++) {
                p[i][j] /= n;
            }
        }
        double[] kv = weights == KappaWeights.NONE ? unweighted(p, row, col, n) : weighted(p, row, col, n, k);
        double kappa = kv[0];
        double se = Math.sqrt(kv[1]);
        double se0 = Math.sqrt(kv[2]);
        double z = Distributions.normalQuantile(1 - (1 - confidence) / 2);
        double pValue = 2 * Distributions.normalUpperTail(Math.abs(kappa / se0));
        return new AgreementStatistic(AgreementStatistic.COHENS_KAPPA, level, kappa, se, se0, pValue, kappa - z * se,
                kappa + z * se, n, 2, 2L * n, "");
    }

    /** @return {κ, var κ, var₀ κ} unweighted */
    private static double[] unweighted(double[][] p, double[] row, double[] col, int n) {
        int k = row.length;
        CompensatedSum observed = CompensatedSum.create();
        CompensatedSum chance = CompensatedSum.create();
        for (int i = 0; i < k; i++) {
            observed.accept(p[i][i]);
            chance.accept(col[i] * row[i]);
        }
        double pe = chance.getAsDouble();
        double kappa = (observed.getAsDouble() - pe) / (1 - pe);
        CompensatedSum termA = CompensatedSum.create();
        CompensatedSum termB = CompensatedSum.create();
        CompensatedSum termC0 = CompensatedSum.create();
        for (int i = 0; i < k; i++) {
            double t = 1 - (row[i] + col[i]) * (1 - kappa);
            termA.accept(p[i][i] * t * t);
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    double s = col[i] + row[j];
                    termB.accept(p[i][j] * s * s);
                }
            }
            termC0.accept(col[i] * row[i] * (col[i] + row[i]));
        }
        double termC = kappa - pe * (1 - kappa);
        double var = (termA.getAsDouble() + (1 - kappa) * (1 - kappa) * termB.getAsDouble() - termC * termC)
                / ((1 - pe) * (1 - pe)) / n;
        double var0 = (pe + pe * pe - termC0.getAsDouble()) / ((1 - pe) * (1 - pe) * n);
        return new double[] {kappa, n < 2 ? Double.NaN : var, n < 2 ? Double.NaN : var0};
    }

    /** @return {κ, var κ, var₀ κ} with linear or quadratic disagreement weights on the ranks */
    private double[] weighted(double[][] p, double[] row, double[] col, int n, int k) {
        double[][] w = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double d = Math.abs(i - j);
                w[i][j] = weights == KappaWeights.LINEAR ? d / (k - 1) : d * d / ((double) (k - 1) * (k - 1));
            }
        }
        CompensatedSum observedW = CompensatedSum.create();
        CompensatedSum chanceW = CompensatedSum.create();
        CompensatedSum pe = CompensatedSum.create();
        double[] aRow = new double[k];
        double[] aCol = new double[k];
        for (int i = 0; i < k; i++) {
            CompensatedSum r = CompensatedSum.create();
            CompensatedSum c = CompensatedSum.create();
            for (int j = 0; j < k; j++) {
                observedW.accept(w[i][j] * p[i][j]);
                chanceW.accept(w[i][j] * row[i] * col[j]);
                pe.accept((1 - w[i][j]) * col[j] * row[i]);
                r.accept(col[j] * (1 - w[i][j]));
                c.accept(row[j] * (1 - w[j][i]));
            }
            aRow[i] = r.getAsDouble();
            aCol[i] = c.getAsDouble();
        }
        double kappa = 1 - observedW.getAsDouble() / chanceW.getAsDouble();
        double agreeExp = pe.getAsDouble();
        CompensatedSum termA = CompensatedSum.create();
        CompensatedSum term0 = CompensatedSum.create();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double a = 1 - w[i][j];
                double t = a - (aCol[j] + aRow[i]) * (1 - kappa);
                termA.accept(p[i][j] * t * t);
                double t0 = a - (aCol[j] + aRow[i]);
                term0.accept(col[j] * row[i] * t0 * t0);
            }
        }
        double fac = 1.0 / ((1 - agreeExp) * (1 - agreeExp) * n);
        double c = kappa - agreeExp * (1 - kappa);
        double var = (termA.getAsDouble() - c * c) * fac;
        double var0 = (term0.getAsDouble() - agreeExp * agreeExp) * fac;
        return new double[] {kappa, n < 2 ? Double.NaN : var, n < 2 ? Double.NaN : var0};
    }

    private static AgreementStatistic undefined(String level, int n, String why) {
        return AgreementStatistic.estimateOnly(AgreementStatistic.COHENS_KAPPA, level, Double.NaN, n, 2, 2L * n, why);
    }
}
