package org.pluralstats.stats;

import java.util.OptionalDouble;
import org.pluralstats.PluralstatsException;

/**
 * The two-sided Mann–Whitney U (Wilcoxon rank-sum) test that two independent samples come from the
 * same distribution, with scipy 1.10's choice between the exact distribution and the normal
 * approximation.
 *
 * <p>Statistic: rank the pooled {@code n1 + n2} values ({@link Ranks}, average ranks for ties); with
 * {@code R1} the rank sum of the first sample, {@code U1 = R1 − n1 (n1 + 1) / 2} (the number of pairs
 * {@code x > y}, ties counting one half) and {@code U2 = n1 n2 − U1}. The result reports {@code U1},
 * as scipy does. With {@code U = max(U1, U2)}:
 * <ul>
 * <li>{@link PValueMethod#EXACT}: {@code p = 2 P(U' >= U)} under the null distribution of {@code U'}
 * for samples without ties, computed by the recursion of Mann and Whitney (1947) over sample sizes,
 * in probability form: {@code P(i, j, u) = i/(i+j) P(i−1, j, u−j) + j/(i+j) P(i, j−1, u)} (the largest
 * pooled value comes from the first sample with probability {@code i/(i+j)} and then exceeds all
 * {@code j} values of the second). By symmetry {@code P(U' >= U) = P(U' <= n1 n2 − U)}. Time
 * {@code O(n1 n2 (n1 n2 − U))}, memory {@code O(min(n1, n2) (n1 n2 − U))}. Ties are ignored (a
 * non-integer {@code U} is truncated, as scipy does).</li>
 * <li>{@link PValueMethod#ASYMPTOTIC}: {@code z = (U − n1 n2 / 2 − 1/2) / σ} with the tie-corrected
 * {@code σ² = n1 n2 / 12 · ((N + 1) − Σ (t³ − t) / (N (N − 1)))}, {@code N = n1 + n2}, and
 * {@code p = 2 (1 − Φ(z))}; the 1/2 is the continuity correction.</li>
 * <li>{@link PValueMethod#AUTO} (the default): exact when {@code min(n1, n2) <= 8} and the pooled
 * values have no ties, else asymptotic. This is the rule of scipy 1.10's {@code _mwu_choose_method}
 * ({@code asymptotic if n1 > 8 and n2 > 8 or ties}); its documentation says "less than 8", the code
 * uses 8 inclusive, and this class follows the code.</li>
 * </ul>
 * p-values are clipped to at most 1. Equals {@code scipy.stats.mannwhitneyu(x, y,
 * alternative='two-sided', method=...)} (default {@code use_continuity=True}). Sources: H. B. Mann and
 * D. R. Whitney, Ann. Math. Statist. 18 (1947) 50–60; A. Di Bucchianico, J. Statist. Plann. Inference 79
 * (1999) 349–364.
 *
 * <p>Degenerate input: an empty sample or a {@code NaN} is an error. If all pooled values are equal,
 * {@code σ = 0} and {@code p = 1} (scipy gives the same), and {@link Result#z()} is empty.
 */
public final class MannWhitneyU {
    /** Largest exact table (entries) before EXACT refuses: about 400 MB of doubles. */
    private static final long MAX_EXACT_CELLS = 50_000_000L;

    /** How the p-value is computed. */
    public enum PValueMethod {
        /** Exact if {@code min(n1, n2) <= 8} and there are no ties, else asymptotic (scipy 1.10). */
        AUTO,
        /** The exact null distribution of U (assumes no ties). */
        EXACT,
        /** The normal approximation with tie correction and continuity correction. */
        ASYMPTOTIC
    }

    private MannWhitneyU() {
    }

    /**
     * The two-sided test with {@link PValueMethod#AUTO} (scipy's default).
     *
     * @param x first sample (its U is reported), non-empty, no {@code NaN}
     * @param y second sample, non-empty, no {@code NaN}
     * @return the result
     * @throws PluralstatsException if a sample is empty or contains NaN
     */
    public static Result test(double[] x, double[] y) {
        return test(x, y, PValueMethod.AUTO);
    }

    /**
     * The two-sided test with a chosen p-value method (formulas in the class comment).
     *
     * @param x first sample (its U is reported), non-empty, no {@code NaN}
     * @param y second sample, non-empty, no {@code NaN}
     * @param method how to compute the p-value
     * @return the result
     * @throws PluralstatsException if a sample is empty or contains NaN, or EXACT is asked for samples whose
     *         exact distribution would need more than 5·10⁷ table entries
     */
    public static Result test(double[] x, double[] y, PValueMethod method) {
        check(x, "first");
        check(y, "second");
        int n1 = x.length;
        int n2 = y.length;
        double[] pooled = new double[n1 + n2];
        System.arraycopy(x, 0, pooled, 0, n1);
        System.arraycopy(y, 0, pooled, n1, n2);
        Ranks ranks = Ranks.of(pooled);
        double r1 = 0; // half-integers: exact
        for (int i = 0; i < n1; i++) {
            r1 += ranks.rank(i);
        }
        double u1 = r1 - n1 * (n1 + 1.0) / 2;
        double mn = (double) n1 * n2;
        double u = Math.max(u1, mn - u1);

        PValueMethod used = method;
        if (method == PValueMethod.AUTO) {
            used = (n1 > 8 && n2 > 8) || ranks.hasTies() ? PValueMethod.ASYMPTOTIC : PValueMethod.EXACT;
        }
        if (used == PValueMethod.EXACT) {
            long k = (long) mn - (long) u;
            double p = Math.min(1.0, 2 * exactCdf(n1, n2, k));
            return new Result(u1, n1, n2, p, used, Double.NaN);
        }
        double nn = n1 + (double) n2;
        double sigma = Math.sqrt(mn / 12 * ((nn + 1) - ranks.tieTerm() / (nn * (nn - 1))));
        double z = (u - mn / 2 - 0.5) / sigma;
        double p = Math.min(1.0, 2 * Distributions.normalUpperTail(z));
        return new Result(u1, n1, n2, p, used, sigma > 0 ? z : Double.NaN);
    }

    private static void check(double[] sample, String which) {
        if (sample.length == 0) {
            throw new PluralstatsException("the " + which + " sample of the Mann-Whitney U test is empty");
        }
        for (int i = 0; i < sample.length; i++) {
            if (Double.isNaN(sample[i])) {
                throw new PluralstatsException("value " + i + " of the " + which
                        + " sample of the Mann-Whitney U test is NaN");
            }
        }
    }

    /**
     * {@code P(U <= k)} for samples of sizes {@code m} and {@code n} without ties, by the recursion in the
     * class comment, layer by layer over the larger sample and truncated at {@code u <= k}.
     */
    static double exactCdf(int m, int n, long k) {
        if (k < 0) {
            return 0.0;
        }
        if (k >= (long) m * n) {
            return 1.0;
        }
        int a = Math.min(m, n);
        int b = Math.max(m, n);
        if ((a + 1L) * (k + 1) > MAX_EXACT_CELLS) {
            throw new PluralstatsException("the exact Mann-Whitney distribution for samples of " + m + " and " + n
                    + " is too large to tabulate; use the asymptotic method");
        }
        int width = (int) k + 1;
        // p[i][u] = P(i, j, u) for the current layer j (size of the larger sample so far)
        double[][] p = new double[a + 1][width];
        for (int i = 0; i <= a; i++) {
            p[i][0] = 1.0; // layer j = 0: U = 0 surely
        }
        for (int j = 1; j <= b; j++) {
            for (int i = 1; i <= a; i++) {
                double fromFirst = (double) i / (i + j);
                double fromSecond = (double) j / (i + j);
                double[] row = p[i];
                double[] below = p[i - 1]; // already layer j
                int top = (int) Math.min(k, (long) i * j);
                for (int u = top; u >= 0; u--) {
                    double viaFirst = u >= j ? below[u - j] : 0.0;
                    row[u] = fromFirst * viaFirst + fromSecond * row[u];
                }
            }
        }
        return Math.min(1.0, CompensatedSum.sum(p[a]));
    }

    /** The result of a Mann–Whitney U test. */
    public static final class Result {
        private final double u1;
        private final int n1;
        private final int n2;
        private final double pValue;
        private final PValueMethod method;
        private final double z;

        private Result(double u1, int n1, int n2, double pValue, PValueMethod method, double z) {
            this.u1 = u1;
            this.n1 = n1;
            this.n2 = n2;
            this.pValue = pValue;
            this.method = method;
            this.z = z;
        }

        /** @return {@code U1}, the statistic of the first sample (scipy's {@code statistic}) */
        public double statistic() {
            return u1;
        }

        /** @return {@code U2 = n1 n2 − U1}, the statistic of the second sample */
        public double statisticOfSecond() {
            return (double) n1 * n2 - u1;
        }

        /** @return the two-sided p-value, in [0, 1] */
        public double pValue() {
            return pValue;
        }

        /** @return the method used: {@link PValueMethod#EXACT} or {@link PValueMethod#ASYMPTOTIC}, never AUTO */
        public PValueMethod method() {
            return method;
        }

        /**
         * @return the standardised statistic {@code (max(U1, U2) − n1 n2 / 2 − 1/2) / σ} of the asymptotic
         *         method, as scipy computes it (from the larger U, so it carries no direction; compare
         *         {@link #statistic()} with {@code n1 n2 / 2} for that); empty for the exact method or when
         *         all values are equal
         */
        public OptionalDouble z() {
            return Double.isNaN(z) ? OptionalDouble.empty() : OptionalDouble.of(z);
        }

        /** @return the size of the first sample */
        public int n1() {
            return n1;
        }

        /** @return the size of the second sample */
        public int n2() {
            return n2;
        }

        @Override
        public String toString() {
            return "MannWhitneyU[U1=" + u1 + ", n1=" + n1 + ", n2=" + n2 + ", p=" + pValue + ", " + method + "]";
        }
    }
}
