package org.pluralstats.stats;

import java.util.Optional;
import org.pluralstats.PluralstatsException;

/**
 * Effect sizes that go beside the group tests, with the definitions of R's {@code effectsize} package
 * (0.8.3, Ben-Shachar, Lüdecke and Makowski, JOSS 5 (2020) 2815), so that a number here equals that
 * package's number for the same data.
 *
 * <ul>
 *   <li>{@link #cramersV}: Cramér's V of an {@code r × c} table from Pearson's {@code X²} without
 *       continuity correction, optionally with Bergsma's bias correction (effectsize's {@code adjust}), and
 *       ({@link #cramersVWithInterval}) effectsize's one-sided noncentral-chi-square interval.</li>
 *   <li>{@link #rankBiserial}: the rank-biserial correlation of two independent samples (the effect size of
 *       the Mann–Whitney U test) with its interval on Fisher's z scale.</li>
 *   <li>{@link #rankEpsilonSquared}: ε² of the Kruskal–Wallis H test.</li>
 * </ul>
 */
public final class EffectSizes {
    private EffectSizes() {
    }

    /**
     * Cramér's V: {@code V = √(φ² / (min(r, c) − 1))}, {@code φ² = X² / N}, over the non-empty rows and
     * columns, {@code X²} Pearson's statistic without Yates' correction (effectsize {@code cramers_v(x,
     * adjust = FALSE)}; H. Cramér, <i>Mathematical Methods of Statistics</i> (1946) 282). With
     * {@code adjust}, Bergsma's bias correction (W. Bergsma, J. Korean Stat. Soc. 42 (2013) 323–328;
     * effectsize {@code adjust = TRUE}, its default):
     * <pre>
     *   φ̃² = max(0, φ² − (r − 1)(c − 1) / (N − 1)),  r̃ = r − (r − 1)² / (N − 1),  c̃ = c − (c − 1)² / (N − 1),
     *   Ṽ = √(φ̃² / min(r̃ − 1, c̃ − 1))
     * </pre>
     *
     * @param table counts, {@code table[row][column]}
     * @param adjust whether to apply Bergsma's correction
     * @return V in [0, 1]; NaN when fewer than two rows or columns are non-empty
     * @throws PluralstatsException on a table {@link ChiSquareIndependence} refuses
     */
    public static double cramersV(double[][] table, boolean adjust) {
        ChiSquareIndependence.Result chi = ChiSquareIndependence.test(table, false);
        int r = table.length - chi.droppedRows().length;
        int c = table[0].length - chi.droppedColumns().length;
        if (r < 2 || c < 2) {
            return Double.NaN;
        }
        double n = chi.total();
        double phi2 = chi.statistic() / n;
        if (!adjust) {
            return Math.sqrt(phi2 / (Math.min(r, c) - 1));
        }
        double phi2Adjusted = Math.max(0, phi2 - (r - 1.0) * (c - 1.0) / (n - 1));
        double rAdjusted = r - (r - 1.0) * (r - 1.0) / (n - 1);
        double cAdjusted = c - (c - 1.0) * (c - 1.0) / (n - 1);
        return Math.sqrt(phi2Adjusted / Math.min(rAdjusted - 1, cAdjusted - 1));
    }

    /**
     * Cramér's V with effectsize's one-sided interval ({@code cramers_v(x, adjust, ci = 0.95)}, whose default
     * {@code alternative = "greater"} makes it a 90% two-sided noncentrality interval with the upper limit
     * replaced by 1). The lower limit inverts the noncentral chi-square distribution in its noncentrality:
     * {@code λ_L} solves {@code P(χ²_df(λ) <= X²) = 0.95} ({@code λ_L = 0} when {@code X² <= χ²_{df, 0.95}}),
     * and becomes {@code √(λ_L / N)} on the φ scale, then passes through the same bias correction and division
     * by {@code √(min − 1)} as the estimate (Steiger, Psychol. Methods 9 (2004) 164–182). effectsize finds the
     * root with {@code optim}'s Nelder–Mead (absolute tolerance 1e-9 on its objective); this method solves
     * it by bisection to adjacent doubles, so the two agree to about 1e-6 and the exact root (in the R script,
     * {@code uniroot} with tolerance 1e-14) to 1e-9.
     *
     * @param table counts, {@code table[row][column]}
     * @param adjust whether to apply Bergsma's correction
     * @return V with its interval {@code [lower, 1]}; the interval is empty when V is NaN
     */
    public static Estimate cramersVWithInterval(long[][] table, boolean adjust) {
        double v = cramersV(table, adjust);
        if (Double.isNaN(v)) {
            return new Estimate(v, Optional.empty());
        }
        double[][] d = doubles(table);
        ChiSquareIndependence.Result chi = ChiSquareIndependence.test(d, false);
        int r = d.length - chi.droppedRows().length;
        int c = d[0].length - chi.droppedColumns().length;
        double n = chi.total();
        int df = (r - 1) * (c - 1);
        double x2 = chi.statistic();
        double lambda = 0;
        if (Distributions.noncentralChiSquareCdf(x2, df, 0) > 0.95) {
            double hi = Math.max(1, x2);
            while (Distributions.noncentralChiSquareCdf(x2, df, hi) > 0.95) {
                hi *= 2;
            }
            double lo = 0;
            for (int it = 0; it < 200; it++) {
                double mid = 0.5 * (lo + hi);
                if (mid <= lo || mid >= hi) {
                    break;
                }
                if (Distributions.noncentralChiSquareCdf(x2, df, mid) > 0.95) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            lambda = 0.5 * (lo + hi);
        }
        double phi = Math.sqrt(lambda / n);
        double lower;
        if (adjust) {
            double phiAdjusted = Math.sqrt(Math.max(0, phi * phi - df / (n - 1)));
            double rAdjusted = r - (r - 1.0) * (r - 1.0) / (n - 1);
            double cAdjusted = c - (c - 1.0) * (c - 1.0) / (n - 1);
            lower = phiAdjusted / Math.sqrt(Math.min(rAdjusted, cAdjusted) - 1);
        } else {
            lower = phi / Math.sqrt(Math.min(r, c) - 1);
        }
        lower = Math.min(lower, 1);
        return new Estimate(v, Optional.of(new ConfidenceInterval(lower, 1, 0.95,
                ConfidenceInterval.Method.NONCENTRAL_CHI_SQUARE)));
    }

    private static double[][] doubles(long[][] table) {
        double[][] d = new double[table.length][];
        for (int i = 0; i < table.length; i++) {
            d[i] = new double[table[i].length];
            for (int j = 0; j < table[i].length; j++) {
                d[i][j] = table[i][j];
            }
        }
        return d;
    }

    /**
     * Cramér's V of integer counts; see {@link #cramersV(double[][], boolean)}.
     *
     * @param table counts
     * @param adjust whether to apply Bergsma's correction
     * @return V
     */
    public static double cramersV(long[][] table, boolean adjust) {
        return cramersV(doubles(table), adjust);
    }

    /**
     * The rank-biserial correlation of two independent samples, effectsize {@code rank_biserial(x, y)}
     * (Glass 1965; Kerby, Compr. Psychol. 3 (2014) 11.IT.3.1):
     * <pre>
     *   r = (U1 − U2) / (n1 n2) = 2 U1 / (n1 n2) − 1
     * </pre>
     * with {@code U1} the Mann–Whitney U of {@code x} (average ranks for ties), so {@code r > 0} when
     * {@code x} tends to be larger. Interval (effectsize, two-sided): on Fisher's z scale,
     * {@code tanh(atanh(r) ± z(1 − α/2) · SE)} with {@code SE = √((n1 + n2 + 1) / (3 n1 n2))} (effectsize's
     * {@code rfSE}, normal quantile, {@code ci = 0.95} two-sided). When the samples are separated,
     * {@code |r| = 1}, {@code atanh(r)} is infinite and the interval collapses to {@code [r, r]}, as in
     * effectsize ({@code rank_biserial(c(5, 6, 7), c(1, 2, 1.5))} gives 1 [1, 1]).
     *
     * @param x first sample, non-empty, no NaN
     * @param y second sample, non-empty, no NaN
     * @param level the confidence level, in (0, 1)
     * @return the estimate and its interval
     * @throws PluralstatsException if a sample is empty or contains NaN, or the level is outside (0, 1)
     */
    public static Estimate rankBiserial(double[] x, double[] y, double level) {
        MannWhitneyU.Result mw = MannWhitneyU.test(x, y, MannWhitneyU.PValueMethod.ASYMPTOTIC);
        double n1 = x.length;
        double n2 = y.length;
        double r = 2 * mw.statistic() / (n1 * n2) - 1;
        double se = Math.sqrt((n1 + n2 + 1) / (3 * n1 * n2));
        double z = Distributions.normalQuantile(1 - (1 - level) / 2);
        double centre = atanh(r);
        double lo = Math.tanh(centre - z * se);
        double hi = Math.tanh(centre + z * se);
        return new Estimate(r, Optional.of(new ConfidenceInterval(lo, hi, level, ConfidenceInterval.Method.FISHER_Z)));
    }

    /**
     * ε² of the Kruskal–Wallis test, effectsize {@code rank_epsilon_squared} (M. Tomczak and E. Tomczak,
     * Trends Sport Sci. 21 (2014) 19–25):
     * <pre>
     *   ε²_R = H / ((N² − 1) / (N + 1)) = H / (N − 1)
     * </pre>
     * with the tie-corrected {@code H} and {@code N} values in all. effectsize's interval is a percentile
     * bootstrap with R's random numbers; it is not reproduced here.
     *
     * @param h the Kruskal–Wallis statistic
     * @param n the number of values, at least 2
     * @return ε² (NaN when {@code h} is NaN)
     */
    public static double rankEpsilonSquared(double h, int n) {
        if (n < 2) {
            throw new PluralstatsException("rank epsilon squared needs at least 2 values, got " + n);
        }
        return h / (((double) n * n - 1) / (n + 1.0));
    }

    private static double atanh(double r) {
        return 0.5 * Math.log1p(2 * r / (1 - r));
    }

    /**
     * An effect size and, when defined, its confidence interval.
     *
     * @param estimate the point estimate
     * @param interval the interval, or empty
     */
    public record Estimate(double estimate, Optional<ConfidenceInterval> interval) {
    }
}
