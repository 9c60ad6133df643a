package org.pluralstats.stats;

import java.util.Locale;
import java.util.OptionalDouble;
import org.pluralstats.PluralstatsException;

/**
 * Pearson's and Spearman's correlation coefficients of paired samples with their two-sided p-values,
 * as scipy 1.10 computes them.
 *
 * <ul>
 * <li>Pearson: {@code r = Σ (x − x̄)(y − ȳ) / sqrt(Σ (x − x̄)² · Σ (y − ȳ)²)}, two passes with
 * compensated sums, in scipy's order of operations (centre, normalise each vector, dot product),
 * clipped to [−1, 1]; with two pairs, the product of the signs of the differences. p-value {@code 2 · I_{(1−|r|)/2}(n/2 − 1, n/2 − 1)}, the
 * symmetric beta distribution of {@code r} under independence of normal variables. Equals
 * {@code scipy.stats.pearsonr(x, y)} and R's {@code cor.test(x, y)}.</li>
 * <li>Spearman: Pearson's {@code r} of the average ranks ({@link Ranks}; ties share the mean of the
 * ranks they span). p-value from {@code t = ρ · sqrt((n − 2) / ((1 + ρ)(1 − ρ)))} on {@code n − 2}
 * degrees of freedom, {@code p = P(|T| >= |t|)}: equals {@code scipy.stats.spearmanr(x, y)} (which
 * is not R's exact or Edgeworth p of {@code cor.test(method = "spearman")}).</li>
 * </ul>
 *
 * <p>Degenerate input, as scipy: fewer than two pairs, or a constant sample, leave the coefficient and
 * p-value undefined ({@link OptionalDouble#empty()}). With exactly two pairs the coefficient is ±1;
 * Pearson's p-value is then 1 (scipy's convention) and Spearman's is undefined (zero degrees of
 * freedom). {@code |ρ| = 1} with {@code n > 2} gives {@code p = 0}. Samples of different lengths or
 * containing {@code NaN} are errors.
 *
 * <p>For resampling loops {@link #pearsonCoefficient} and {@link #spearmanCoefficient} return the bare
 * coefficient ({@code NaN} when undefined) without the p-value.
 */
public final class Correlation {

    /** Which coefficient. */
    public enum Method {
        /** Pearson's product-moment correlation. */
        PEARSON,
        /** Spearman's rank correlation (average ranks for ties). */
        SPEARMAN;

        /** @return the lower-case name used in files ({@code pearson}, {@code spearman}) */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param x first sample
         * @param y second sample, same length
         * @return the coefficient, {@code NaN} when undefined
         */
        public double coefficient(double[] x, double[] y) {
            return this == PEARSON ? pearsonCoefficient(x, y) : spearmanCoefficient(x, y);
        }

        /**
         * @param x first sample
         * @param y second sample, same length
         * @return the coefficient with its p-value
         */
        public Result test(double[] x, double[] y) {
            return this == PEARSON ? pearson(x, y) : spearman(x, y);
        }
    }

    private Correlation() {
    }

    /**
     * Pearson's correlation with the two-sided p-value of {@code scipy.stats.pearsonr}.
     *
     * @param x first sample, no {@code NaN}
     * @param y second sample, same length, no {@code NaN}
     * @return the result
     * @throws PluralstatsException if the lengths differ or a value is {@code NaN}
     */
    public static Result pearson(double[] x, double[] y) {
        check(x, y);
        int n = x.length;
        double r = pearsonUnchecked(x, y);
        double p;
        if (Double.isNaN(r)) {
            p = Double.NaN;
        } else if (n == 2) {
            p = 1.0;
        } else {
            p = Distributions.correlationTwoSided(r, n);
        }
        return new Result(Method.PEARSON, n, r, p);
    }

    /**
     * Spearman's rank correlation with the two-sided p-value of {@code scipy.stats.spearmanr}.
     *
     * @param x first sample, no {@code NaN}
     * @param y second sample, same length, no {@code NaN}
     * @return the result
     * @throws PluralstatsException if the lengths differ or a value is {@code NaN}
     */
    public static Result spearman(double[] x, double[] y) {
        check(x, y);
        int n = x.length;
        double rho = spearmanUnchecked(x, y);
        double p = Double.NaN;
        if (!Double.isNaN(rho) && n > 2) {
            double df = n - 2;
            double q = (1.0 + rho) * (1.0 - rho);
            double t = q <= 0 ? Math.copySign(Double.POSITIVE_INFINITY, rho) : rho * Math.sqrt(df / q);
            p = Distributions.tTwoSided(t, df);
        }
        return new Result(Method.SPEARMAN, n, rho, p);
    }

    /**
     * Pearson's coefficient alone.
     *
     * @param x first sample
     * @param y second sample, same length
     * @return r, or {@code NaN} for fewer than two pairs or a constant sample
     * @throws PluralstatsException if the lengths differ or a value is {@code NaN}
     */
    public static double pearsonCoefficient(double[] x, double[] y) {
        check(x, y);
        return pearsonUnchecked(x, y);
    }

    /**
     * Spearman's coefficient alone.
     *
     * @param x first sample
     * @param y second sample, same length
     * @return ρ, or {@code NaN} for fewer than two pairs or a constant sample
     * @throws PluralstatsException if the lengths differ or a value is {@code NaN}
     */
    public static double spearmanCoefficient(double[] x, double[] y) {
        check(x, y);
        return spearmanUnchecked(x, y);
    }

    private static double spearmanUnchecked(double[] x, double[] y) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double[] rx = Ranks.of(x).ranks();
        double[] ry = Ranks.of(y).ranks();
        int n = rx.length;
        double[] m = moments(rx, ry);
        if (m == null) {
            return Double.NaN;
        }
        // numpy.corrcoef's order (what scipy.spearmanr uses): covariances over n - 1, then divided by
        // each standard deviation in turn; this keeps rho exactly 1 where numpy has it
        double cxy = m[0] / (n - 1);
        double cxx = m[1] / (n - 1);
        double cyy = m[2] / (n - 1);
        double r = cxy / Math.sqrt(cxx) / Math.sqrt(cyy);
        return Math.max(-1, Math.min(1, r));
    }

    private static double pearsonUnchecked(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        if (n == 2) {
            // scipy.pearsonr's rule for two pairs: the product of the signs of the differences
            double r = Math.signum(x[1] - x[0]) * Math.signum(y[1] - y[0]);
            return r == 0 ? Double.NaN : r;
        }
        double[] m = moments(x, y);
        if (m == null) {
            return Double.NaN;
        }
        // scipy.pearsonr's order: normalise both centred vectors, then their dot product
        double nx = Math.sqrt(m[1]);
        double ny = Math.sqrt(m[2]);
        double mx = m[3];
        double my = m[4];
        CompensatedSum dot = CompensatedSum.create();
        for (int i = 0; i < n; i++) {
            dot.accept(((x[i] - mx) / nx) * ((y[i] - my) / ny));
        }
        return Math.max(-1, Math.min(1, dot.getAsDouble()));
    }

    /**
     * @return {@code {Σ dx·dy, Σ dx², Σ dy², x̄, ȳ}} with compensated sums, or null when a sample is
     *     constant
     */
    private static double[] moments(double[] x, double[] y) {
        int n = x.length;
        double mx = CompensatedSum.sum(x) / n;
        double my = CompensatedSum.sum(y) / n;
        CompensatedSum sxy = CompensatedSum.create();
        CompensatedSum sxx = CompensatedSum.create();
        CompensatedSum syy = CompensatedSum.create();
        boolean constantX = true;
        boolean constantY = true;
        for (int i = 0; i < n; i++) {
            constantX &= x[i] == x[0];
            constantY &= y[i] == y[0];
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy.accept(dx * dy);
            sxx.accept(dx * dx);
            syy.accept(dy * dy);
        }
        double vx = sxx.getAsDouble();
        double vy = syy.getAsDouble();
        if (constantX || constantY || vx == 0 || vy == 0) {
            return null;
        }
        return new double[] {sxy.getAsDouble(), vx, vy, mx, my};
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new PluralstatsException("paired samples differ in length: " + x.length + " and " + y.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                throw new PluralstatsException("cannot correlate NaN (pair at index " + i + ")");
            }
        }
    }

    /** A correlation coefficient with its two-sided p-value. Immutable. */
    public static final class Result {
        private final Method method;
        private final int n;
        private final double statistic;
        private final double pValue;

        private Result(Method method, int n, double statistic, double pValue) {
            this.method = method;
            this.n = n;
            this.statistic = statistic;
            this.pValue = pValue;
        }

        /** @return Pearson or Spearman */
        public Method method() {
            return method;
        }

        /** @return the number of pairs */
        public int n() {
            return n;
        }

        /** @return the coefficient; empty for fewer than two pairs or a constant sample */
        public OptionalDouble statistic() {
            return Double.isNaN(statistic) ? OptionalDouble.empty() : OptionalDouble.of(statistic);
        }

        /** @return the two-sided p-value; empty where scipy gives NaN */
        public OptionalDouble pValue() {
            return Double.isNaN(pValue) ? OptionalDouble.empty() : OptionalDouble.of(pValue);
        }

        @Override
        public String toString() {
            return method.jsonName() + "(n=" + n + ", statistic=" + statistic + ", p=" + pValue + ")";
        }
    }
}
