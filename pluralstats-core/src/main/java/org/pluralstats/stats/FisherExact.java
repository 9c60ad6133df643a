package org.pluralstats.stats;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.pluralstats.PluralstatsException;

/**
 * Fisher's exact test of independence of the rows and columns of an {@code r × c} table of counts,
 * two-sided, as R's {@code fisher.test(x)} computes it.
 *
 * <p>Conditional on the row totals {@code r_i}, column totals {@code c_j} and grand total {@code N},
 * a table {@code n} has the (multivariate hypergeometric) probability
 * <pre>
 *   P(n) = Π_i r_i! · Π_j c_j! / (N! · Π_ij n_ij!)
 * </pre>
 * and the two-sided p-value is the total probability of the tables no more probable than the observed
 * one, with R's relative tolerance for ties: {@code p = Σ P(n) over tables with P(n) <= P(obs) (1 + 10⁻⁷)}
 * (R {@code fisher.test}, {@code relErr <- 1 + 10^(-7)}). Source: R. A. Fisher, <i>Statistical Methods
 * for Research Workers</i> (1934) §21.02; G. H. Freeman and J. H. Halton, Biometrika 38 (1951) 141–149
 * for {@code r × c}.
 *
 * <p>Computation: every table with the observed margins is enumerated, column by column, each cell
 * bounded by what its row and column still need; {@code log P} uses {@code log k!}
 * as a compensated running sum of {@code log j}. R uses the network algorithm of Mehta and Patel
 * (FEXACT) for tables larger than 2 × 2; both sum the same probabilities, and the fixtures in
 * {@code tools/pilot_tests_reference.R} show agreement to 1e-12 relative. Work is bounded:
 * enumeration stops after {@link #DEFAULT_MAX_TABLES} tables (or {@link #withMaxTables}); then the
 * test either refuses with a {@link PluralstatsException} (the default) or, with
 * {@link #withMonteCarlo(int, long)}, returns a Monte Carlo p-value as R's
 * {@code fisher.test(x, simulate.p.value = TRUE, B = B)} defines it:
 * {@code p = (1 + #{b : −Σ log n_ij^(b)! <= −Σ log n_ij! / (1 + 64 ε)}) / (B + 1)} over {@code B}
 * tables drawn with the observed margins (here by a random permutation of the column labels of the
 * {@code N} units, a {@link SplittableRandom} seeded explicitly, so the same seed gives the same p on
 * every machine; R draws with Patefield's algorithm and R's generator, so the two simulated p-values
 * agree only in distribution).
 *
 * <p>For a 2 × 2 table the result also carries R's conditional maximum-likelihood estimate of the
 * odds ratio and its 95% conditional interval (see {@link Result#oddsRatio()}).
 *
 * <p>Degenerate input: rows and columns whose total is 0 are dropped (as R does); if fewer than two
 * rows or columns remain, the only table with those margins is the observed one and {@code p = 1}.
 * A table without cells, ragged, with a negative or non-integer count, or with total 0 is an error.
 */
public final class FisherExact {
    /** Tables enumerated before the exact test gives up: 10⁸ (a few seconds). */
    public static final long DEFAULT_MAX_TABLES = 100_000_000L;
    /** R's relative tolerance for tables as probable as the observed one. */
    static final double REL_ERR = 1 + 1e-7;
    private static final FisherExact DEFAULT = new FisherExact(DEFAULT_MAX_TABLES, 0, 0L);

    private final long maxTables;
    private final int replicates;
    private final long seed;

    private FisherExact(long maxTables, int replicates, long seed) {
        this.maxTables = maxTables;
        this.replicates = replicates;
        this.seed = seed;
    }

    /** @return the exact test, refusing tables with more than {@link #DEFAULT_MAX_TABLES} tables to enumerate */
    public static FisherExact withDefaults() {
        return DEFAULT;
    }

    /**
     * @param max the most tables to enumerate, at least 1
     * @return a copy with that bound
     */
    public FisherExact withMaxTables(long max) {
        if (max < 1) {
            throw new PluralstatsException("the enumeration bound must be at least 1, got " + max);
        }
        return new FisherExact(max, replicates, seed);
    }

    /**
     * @param b simulated tables (R's {@code B}; R's default is 2000), at least 1
     * @param seed the seed of the simulation
     * @return a copy that falls back to the Monte Carlo p-value when enumeration would exceed the bound
     */
    public FisherExact withMonteCarlo(int b, long seed) {
        if (b < 1) {
            throw new PluralstatsException("the Monte Carlo test needs at least one replicate, got " + b);
        }
        return new FisherExact(maxTables, b, seed);
    }

    /**
     * The test with the default options.
     *
     * @param table counts, {@code table[row][column]}
     * @return the result
     * @throws PluralstatsException on a bad table, or if it has too many tables to enumerate
     */
    public static Result test(long[][] table) {
        return DEFAULT.apply(table);
    }

    /**
     * Runs the test (formulas in the class comment).
     *
     * @param table counts, {@code table[row][column]}
     * @return the result
     * @throws PluralstatsException on a bad table, or if enumeration exceeds the bound and no Monte Carlo
     *         fallback was configured
     */
    public Result apply(long[][] table) {
        long[][] t = compact(table);
        int rows = t.length;
        int cols = rows == 0 ? 0 : t[0].length;
        int n = 0;
        int[] rowTotals = new int[rows];
        int[] colTotals = new int[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                rowTotals[i] += (int) t[i][j];
                colTotals[j] += (int) t[i][j];
                n += (int) t[i][j];
            }
        }
        if (rows < 2 || cols < 2) {
            return new Result(1.0, Method.EXACT, 1L, null);
        }
        double[] logFactorial = logFactorials(n);
        double observed = 0; // S = Σ log n_ij!
        for (long[] row : t) {
            for (long v : row) {
                observed += logFactorial[(int) v];
            }
        }
        CompensatedSum constant = CompensatedSum.create();
        for (int r : rowTotals) {
            constant.accept(logFactorial[r]);
        }
        for (int c : colTotals) {
            constant.accept(logFactorial[c]);
        }
        constant.accept(-logFactorial[n]);
        double logK = constant.getAsDouble();
        OddsRatio or = rows == 2 && cols == 2 ? OddsRatio.of(t) : null;
        if (rows == 2 && cols == 2) {
            // R's own 2 × 2 branch: the hypergeometric density of n_11 over its support, normalised
            return new Result(or.pValue, Method.EXACT, or.support, or);
        }
        Enumeration e = new Enumeration(rowTotals, colTotals, logFactorial, observed, logK, maxTables);
        if (e.run()) {
            return new Result(Math.min(1.0, e.p.getAsDouble()), Method.EXACT, e.tables, null);
        }
        if (replicates == 0) {
            throw new PluralstatsException("Fisher's exact test of this " + rows + " × " + cols + " table (N = " + n
                    + ") has more than " + maxTables + " tables with its margins to enumerate; use the chi-square "
                    + "test, or FisherExact.withDefaults().withMonteCarlo(B, seed)");
        }
        return new Result(monteCarlo(rowTotals, colTotals, logFactorial, observed), Method.MONTE_CARLO, replicates,
                null);
    }

    private double monteCarlo(int[] rowTotals, int[] colTotals, double[] logFactorial, double observed) {
        int n = 0;
        for (int c : colTotals) {
            n += c;
        }
        int[] labels = new int[n];
        int k = 0;
        for (int j = 0; j < colTotals.length; j++) {
            for (int u = 0; u < colTotals[j]; u++) {
                labels[k++] = j;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double almostOne = 1 + 64 * Math.ulp(1.0);
        double threshold = -observed / almostOne;
        int[] cells = new int[colTotals.length];
        long atLeastAsExtreme = 0;
        for (int b = 0; b < replicates; b++) {
            for (int i = n - 1; i > 0; i--) { // Fisher–Yates shuffle
                int s = random.nextInt(i + 1);
                int tmp = labels[i];
                labels[i] = labels[s];
                labels[s] = tmp;
            }
            double stat = 0;
            int start = 0;
            for (int r : rowTotals) {
                Arrays.fill(cells, 0);
                for (int u = start; u < start + r; u++) {
                    cells[labels[u]]++;
                }
                start += r;
                for (int c : cells) {
                    stat += logFactorial[c];
                }
            }
            if (-stat <= threshold) {
                atLeastAsExtreme++;
            }
        }
        return (1.0 + atLeastAsExtreme) / (replicates + 1.0);
    }

    /** The table without empty rows and columns; checks shape and counts. */
    private static long[][] compact(long[][] table) {
        if (table.length == 0 || table[0].length == 0) {
            throw new PluralstatsException("the contingency table has no cells");
        }
        int cols = table[0].length;
        long total = 0;
        boolean[] keepCol = new boolean[cols];
        int keptRows = 0;
        for (int i = 0; i < table.length; i++) {
            if (table[i].length != cols) {
                throw new PluralstatsException("row " + i + " of the contingency table has " + table[i].length
                        + " cells, row 0 has " + cols);
            }
            long rowTotal = 0;
            for (int j = 0; j < cols; j++) {
                if (table[i][j] < 0) {
                    throw new PluralstatsException("cell (" + i + ", " + j + ") of the contingency table is "
                            + table[i][j] + "; counts must be non-negative");
                }
                rowTotal += table[i][j];
                keepCol[j] |= table[i][j] > 0;
            }
            keptRows += rowTotal > 0 ? 1 : 0;
            total += rowTotal;
        }
        if (total == 0) {
            throw new PluralstatsException("the contingency table has no counts (total 0)");
        }
        if (total > 10_000_000L) {
            throw new PluralstatsException("Fisher's exact test needs N <= 10⁷, got " + total);
        }
        int keptCols = 0;
        for (boolean b : keepCol) {
            keptCols += b ? 1 : 0;
        }
        long[][] out = new long[keptRows][keptCols];
        int oi = 0;
        for (long[] row : table) {
            if (Arrays.stream(row).sum() == 0) {
                continue;
            }
            int oj = 0;
            for (int j = 0; j < cols; j++) {
                if (keepCol[j]) {
                    out[oi][oj++] = row[j];
                }
            }
            oi++;
        }
        return out;
    }

    /**
     * Integer-count entry for tables held as doubles (e.g. the chi-square test's input).
     *
     * @param table counts that must all be whole numbers
     * @return the same counts as longs
     * @throws PluralstatsException if a count is not a finite whole non-negative number
     */
    public static long[][] counts(double[][] table) {
        long[][] out = new long[table.length][];
        for (int i = 0; i < table.length; i++) {
            out[i] = new long[table[i].length];
            for (int j = 0; j < table[i].length; j++) {
                double v = table[i][j];
                if (!(v >= 0) || Double.isInfinite(v) || v != Math.rint(v)) {
                    throw new PluralstatsException("cell (" + i + ", " + j + ") is " + v
                            + "; Fisher's exact test needs whole counts");
                }
                out[i][j] = (long) v;
            }
        }
        return out;
    }

    /** {@code log k!} for {@code k = 0..n}, each term summed with compensation. */
    static double[] logFactorials(int n) {
        double[] f = new double[n + 1];
        CompensatedSum s = CompensatedSum.create();
        for (int k = 2; k <= n; k++) {
            s.accept(Math.log(k));
            f[k] = s.getAsDouble();
        }
        return f;
    }

    /** Depth-first enumeration of the tables with the given margins. */
    private static final class Enumeration {
        private final int rows;
        private final int cols;
        private final int[] colTotals;
        private final int[] rowLeft;
        private final double[] logFactorial;
        private final double cutoff; // S(table) >= cutoff  <=>  P(table) <= P(obs)(1 + 1e-7)
        private final double logK;
        private final long maxTables;
        private final CompensatedSum p = CompensatedSum.create();
        private long tables;

        Enumeration(int[] rowTotals, int[] colTotals, double[] logFactorial, double observed, double logK,
                    long maxTables) {
            this.rows = rowTotals.length;
            this.cols = colTotals.length;
            this.colTotals = colTotals.clone();
            this.rowLeft = rowTotals.clone();
            this.logFactorial = logFactorial;
            this.cutoff = observed - Math.log(REL_ERR);
            this.logK = logK;
            this.maxTables = maxTables;
        }

        /** @return false when the bound was hit */
        boolean run() {
            return column(0, 0.0);
        }

        private boolean column(int j, double s) {
            if (j == cols - 1) {
                // the last column is what the rows still need
                double last = s;
                for (int i = 0; i < rows; i++) {
                    last += logFactorial[rowLeft[i]];
                }
                if (++tables > maxTables) {
                    return false;
                }
                if (last >= cutoff) {
                    p.accept(Math.exp(logK - last));
                }
                return true;
            }
            int capacityBelow = 0;
            for (int i = 0; i < rows; i++) {
                capacityBelow += rowLeft[i];
            }
            return cell(j, 0, colTotals[j], capacityBelow, s);
        }

        private boolean cell(int j, int i, int need, int capacityBelow, double s) {
            if (i == rows - 1) {
                if (need > rowLeft[i]) {
                    return true;
                }
                rowLeft[i] -= need;
                boolean ok = column(j + 1, s + logFactorial[need]);
                rowLeft[i] += need;
                return ok;
            }
            int below = capacityBelow - rowLeft[i];
            int lo = Math.max(0, need - below);
            int hi = Math.min(rowLeft[i], need);
            for (int v = lo; v <= hi; v++) {
                rowLeft[i] -= v;
                boolean ok = cell(j, i + 1, need - v, below, s + logFactorial[v]);
                rowLeft[i] += v;
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    /** How the p-value was computed. */
    public enum Method {
        /** Full enumeration of the tables with the observed margins. */
        EXACT,
        /** Monte Carlo over simulated tables with the observed margins (R's {@code simulate.p.value}). */
        MONTE_CARLO
    }

    /**
     * The conditional MLE of the odds ratio of a 2 × 2 table and its conditional confidence interval, as R's
     * {@code fisher.test} computes them: with {@code x = n_11}, {@code m = r_1}, {@code n = r_2}, {@code k = c_1},
     * the noncentral hypergeometric density {@code d(x; ψ) ∝ C(m, x) C(n, k − x) ψ^x} on
     * {@code max(0, k − n) <= x <= min(k, m)}; the estimate solves {@code E_ψ[X] = x} (0 at the lower end
     * of the support, +∞ at the upper), and the 95% interval's bounds solve {@code P_ψ(X >= x) = 0.025}
     * and {@code P_ψ(X <= x) = 0.025} (0 and +∞ at the ends). R finds the roots with {@code uniroot} at its
     * default tolerance (about 1.2·10⁻⁴ on the {@code [0, 1]} scale of ψ or 1/ψ); this class finds them to
     * full double precision by bisection, so it equals R's printed values to about 10⁻⁴ relative and the
     * same equations solved tightly (in the R script) to 1e-10.
     */
    static final class OddsRatio {
        final double estimate;
        final double lower;
        final double upper;
        final double pValue;
        final long support;
        private final int lo;
        private final int hi;
        private final int x;
        private final double[] logDensity; // log of the central density at lo..hi

        private OddsRatio(long[][] t) {
            int m = (int) (t[0][0] + t[0][1]);
            int nn = (int) (t[1][0] + t[1][1]);
            int k = (int) (t[0][0] + t[1][0]);
            x = (int) t[0][0];
            lo = Math.max(0, k - nn);
            hi = Math.min(k, m);
            support = hi - lo + 1L;
            double[] lf = logFactorials(m + nn);
            logDensity = new double[hi - lo + 1];
            for (int v = lo; v <= hi; v++) {
                logDensity[v - lo] = lf[m] - lf[v] - lf[m - v] + lf[nn] - lf[k - v] - lf[nn - k + v];
            }
            double[] d = density(1.0);
            double cutoff = d[x - lo] * REL_ERR;
            CompensatedSum s = CompensatedSum.create();
            for (double v : d) {
                if (v <= cutoff) {
                    s.accept(v);
                }
            }
            pValue = Math.min(1.0, s.getAsDouble());
            estimate = mle();
            lower = ncpLower(0.025);
            upper = ncpUpper(0.025);
        }

        static OddsRatio of(long[][] t) {
            return new OddsRatio(t);
        }

        /** The density at {@code ψ = ncp} over the support, normalised as R's {@code dnhyper}. */
        private double[] density(double ncp) {
            double[] d = new double[logDensity.length];
            double max = Double.NEGATIVE_INFINITY;
            double logNcp = Math.log(ncp);
            for (int i = 0; i < d.length; i++) {
                d[i] = logDensity[i] + (lo + i) * logNcp;
                max = Math.max(max, d[i]);
            }
            CompensatedSum s = CompensatedSum.create();
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.exp(d[i] - max);
                s.accept(d[i]);
            }
            double total = s.getAsDouble();
            for (int i = 0; i < d.length; i++) {
                d[i] /= total;
            }
            return d;
        }

        private double mean(double ncp) {
            if (ncp == 0) {
                return lo;
            }
            if (Double.isInfinite(ncp)) {
                return hi;
            }
            double[] d = density(ncp);
            CompensatedSum s = CompensatedSum.create();
            for (int i = 0; i < d.length; i++) {
                s.accept((lo + i) * d[i]);
            }
            return s.getAsDouble();
        }

        /** {@code P_ψ(X <= x)} or, upper, {@code P_ψ(X >= x)}. */
        private double tail(double ncp, boolean upper) {
            if (ncp == 0) {
                return upper ? (x <= lo ? 1 : 0) : (x >= lo ? 1 : 0);
            }
            double[] d = density(ncp);
            CompensatedSum s = CompensatedSum.create();
            for (int i = 0; i < d.length; i++) {
                int v = lo + i;
                if (upper ? v >= x : v <= x) {
                    s.accept(d[i]);
                }
            }
            return s.getAsDouble();
        }

        private double mle() {
            if (x == lo) {
                return 0;
            }
            if (x == hi) {
                return Double.POSITIVE_INFINITY;
            }
            double mu = mean(1);
            if (mu > x) {
                return root(t -> mean(t) - x, 0, 1);
            } else if (mu < x) {
                return 1 / root(t -> mean(1 / t) - x, Math.ulp(1.0), 1);
            }
            return 1;
        }

        private double ncpUpper(double alpha) {
            if (x == hi) {
                return Double.POSITIVE_INFINITY;
            }
            double p = tail(1, false);
            if (p < alpha) {
                return root(t -> tail(t, false) - alpha, 0, 1);
            } else if (p > alpha) {
                return 1 / root(t -> tail(1 / t, false) - alpha, Math.ulp(1.0), 1);
            }
            return 1;
        }

        private double ncpLower(double alpha) {
            if (x == lo) {
                return 0;
            }
            double p = tail(1, true);
            if (p > alpha) {
                return root(t -> tail(t, true) - alpha, 0, 1);
            } else if (p < alpha) {
                return 1 / root(t -> tail(1 / t, true) - alpha, Math.ulp(1.0), 1);
            }
            return 1;
        }

        /** Bisection of a monotone function with a sign change on [a, b], to adjacent doubles. */
        private static double root(java.util.function.DoubleUnaryOperator f, double a, double b) {
            double fa = f.applyAsDouble(a);
            for (int it = 0; it < 2000; it++) {
                double mid = 0.5 * (a + b);
                if (mid <= a || mid >= b) {
                    break;
                }
                double fm = f.applyAsDouble(mid);
                if (fm == 0) {
                    return mid;
                }
                if ((fm > 0) == (fa > 0)) {
                    a = mid;
                    fa = fm;
                } else {
                    b = mid;
                }
            }
            return 0.5 * (a + b);
        }
    }

    /** The result of Fisher's exact test. */
    public static final class Result {
        private final double pValue;
        private final Method method;
        private final long tables;
        private final OddsRatio oddsRatio;

        private Result(double pValue, Method method, long tables, OddsRatio oddsRatio) {
            this.pValue = pValue;
            this.method = method;
            this.tables = tables;
            this.oddsRatio = oddsRatio;
        }

        /** @return the two-sided p-value, in (0, 1] */
        public double pValue() {
            return pValue;
        }

        /** @return {@link Method#EXACT}, or {@link Method#MONTE_CARLO} after falling back */
        public Method method() {
            return method;
        }

        /** @return the tables enumerated (exact) or simulated (Monte Carlo) */
        public long tables() {
            return tables;
        }

        /**
         * @return for a 2 × 2 table (after dropping empty rows and columns), R's conditional MLE of the odds
         *     ratio (0 or +∞ at the ends of the support); empty otherwise
         */
        public OptionalDouble oddsRatio() {
            return oddsRatio == null ? OptionalDouble.empty() : OptionalDouble.of(oddsRatio.estimate);
        }

        /**
         * @return for a 2 × 2 table, R's 95% conditional confidence interval of the odds ratio (its bounds
         *     may be 0 or +∞); empty otherwise
         */
        public java.util.Optional<ConfidenceInterval> oddsRatioInterval() {
            return oddsRatio == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new ConfidenceInterval(oddsRatio.lower, oddsRatio.upper, 0.95,
                            ConfidenceInterval.Method.CONDITIONAL_EXACT));
        }

        @Override
        public String toString() {
            return "FisherExact[p=" + pValue + ", " + method + ", " + tables + " tables"
                    + (oddsRatio == null ? "" : ", OR=" + oddsRatio.estimate + " [" + oddsRatio.lower + ", "
                    + oddsRatio.upper + "]") + "]";
        }
    }
}
