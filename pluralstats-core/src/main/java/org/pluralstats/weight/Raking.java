package org.pluralstats.weight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.Column;
import org.pluralstats.data.SurveyData;
import org.pluralstats.stats.CompensatedSum;

/**
 * Rakes weights to population margins. Immutable; configure with {@code with…} copies.
 *
 * <p><b>Without bounds</b>: iterative proportional fitting exactly as R survey's
 * {@code rake(design, sample.margins, population.margins, control = list(maxit, epsilon))}: each cycle
 * post-stratifies to every margin in turn (multiplying the weights of each margin cell by
 * target / current total); after each cycle the weighted table over all margin variables jointly is
 * compared with the previous cycle's, and raking stops when no cell changed by {@code epsilon} or more,
 * where {@code epsilon = tolerance × Σ base weights} for a tolerance below 1 and
 * {@code epsilon = tolerance} (absolute, in weight units) otherwise — survey's own rule. At most
 * {@code maxIterations} cycles.
 *
 * <p><b>With bounds</b> {@code [lower, upper]} on the adjustment {@code g = raked / base}: survey's
 * {@code rake} has none, so the reference is {@code calibrate(design, margins, population,
 * calfun = "raking", bounds = c(lower, upper))}: the weights {@code w·g} with
 * {@code g = min(max(exp(x'η), lower), upper)} that meet the margins, found by Newton's method on
 * {@code η} (survey's {@code grake}), stopping when every calibration total is within
 * {@code tolerance × (1 + |total|)}, at most {@code maxIterations} Newton steps. As in {@code grake},
 * when every calibration total exceeds 20 times its sample total the base weights are first scaled by
 * the mean ratio and the bounds apply after that scaling. (Survey's derivative of the bounded
 * exponential compares {@code x'η} itself with the bounds minus 1; this class uses the exact
 * derivative. The converged weights are the same; the steps, and survey's failures to converge, may
 * differ.)
 *
 * <p>Every raked respondent needs a finite positive base weight and a value of each margin variable
 * that the margin gives a target for; every level with a positive target needs respondents.
 */
public final class Raking {
    private final double tolerance;
    private final int maxIterations;
    private final double lower;
    private final double upper;

    private Raking(double tolerance, int maxIterations, double lower, double upper) {
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.lower = lower;
        this.upper = upper;
    }

    /** @return tolerance 1e-10, at most 100 iterations, no bounds */
    public static Raking withDefaults() {
        return new Raking(1e-10, 100, Double.NaN, Double.NaN);
    }

    /** @param t the convergence tolerance (see the class description), positive @return a copy */
    public Raking withTolerance(double t) {
        if (!(t > 0)) {
            throw new PluralstatsException("the tolerance must be positive, not " + t);
        }
        return new Raking(t, maxIterations, lower, upper);
    }

    /** @param n the iteration limit, at least 1 @return a copy */
    public Raking withMaxIterations(int n) {
        if (n < 1) {
            throw new PluralstatsException("the iteration limit must be at least 1, not " + n);
        }
        return new Raking(tolerance, n, lower, upper);
    }

    /**
     * @param lo the smallest allowed raked/base ratio ({@code 0 ≤ lo < hi})
     * @param hi the largest ({@code Double.POSITIVE_INFINITY} for none)
     * @return a copy raking with these bounds
     */
    public Raking withBounds(double lo, double hi) {
        if (!(lo >= 0 && hi > lo)) {
            throw new PluralstatsException("bounds [" + lo + ", " + hi + "] are not 0 <= lower < upper");
        }
        return new Raking(tolerance, maxIterations, lo, hi);
    }

    /**
     * Rakes the weights given by a spec.
     *
     * @param data the data, with the margin variables as columns
     * @param weight the base weights
     * @param margins the population margins, raked in this order
     * @param policy what to do with invalid base weights (excluded respondents get no raked weight)
     * @return the result
     */
    public RakingResult rake(SurveyData data, WeightSpec weight, List<Margin> margins, InvalidWeights policy) {
        double[] w = weight.weights(data);
        Map<String, Integer> excluded = new LinkedHashMap<>();
        int valid = 0;
        for (int r = 0; r < w.length; r++) {
            if (PolarityDesign.valid(w[r])) {
                valid++;
            } else if (policy == InvalidWeights.FAIL) {
                throw new PluralstatsException(data.source() + ": respondent " + data.id(r) + " (row " + (r + 1)
                        + "): base weight " + weight.expression() + " is not usable: "
                        + weight.problem(data, r).orElse("weight " + w[r])
                        + "; exclude such respondents to go on (--exclude-invalid-weights)");
            } else {
                excluded.merge(Double.isNaN(w[r]) ? "missing weight" : w[r] == 0 ? "zero weight"
                        : w[r] < 0 ? "negative weight" : "infinite weight", 1, Integer::sum);
            }
        }
        int[] rows = new int[valid];
        int k = 0;
        for (int r = 0; r < w.length; r++) {
            if (PolarityDesign.valid(w[r])) {
                rows[k++] = r;
            }
        }
        return rake(data, w, rows, margins, excluded);
    }

    /**
     * Rakes the given base weights (all finite and positive).
     *
     * @param data the data, with the margin variables as columns
     * @param baseWeights one weight per data row
     * @param margins the population margins
     * @return the result
     */
    public RakingResult rake(SurveyData data, double[] baseWeights, List<Margin> margins) {
        if (baseWeights.length != data.rows()) {
            throw new PluralstatsException(baseWeights.length + " base weights for " + data.rows() + " rows");
        }
        int[] rows = new int[baseWeights.length];
        for (int r = 0; r < rows.length; r++) {
            if (!PolarityDesign.valid(baseWeights[r])) {
                throw new PluralstatsException(data.source() + ": respondent " + data.id(r) + " (row " + (r + 1)
                        + ") has base weight " + baseWeights[r] + ", not a finite positive number");
            }
            rows[r] = r;
        }
        return rake(data, baseWeights, rows, margins, Map.of());
    }

    /** The margin cells of the raked rows. */
    private static final class Cells {
        final int[][] cellOf;        // [margin][raked row] -> cell
        final double[][] targets;    // [margin][cell]
        final List<List<String>> levels; // [margin][cell] -> level texts per variable

        Cells(int[][] cellOf, double[][] targets, List<List<String>> levels) {
            this.cellOf = cellOf;
            this.targets = targets;
            this.levels = levels;
        }
    }

    private Cells cells(SurveyData data, int[] rows, List<Margin> margins) {
        if (margins.isEmpty()) {
            throw new PluralstatsException("no margins to rake to");
        }
        int[][] cellOf = new int[margins.size()][rows.length];
        double[][] targets = new double[margins.size()][];
        List<List<String>> levels = new ArrayList<>();
        for (int j = 0; j < margins.size(); j++) {
            Margin m = margins.get(j);
            List<Column> cols = new ArrayList<>();
            for (String v : m.variables()) {
                cols.add(data.require(v));
            }
            Map<String, Integer> index = new HashMap<>();
            List<String> keys = new ArrayList<>(m.targets().keySet());
            targets[j] = new double[keys.size()];
            for (int c = 0; c < keys.size(); c++) {
                index.put(keys.get(c), c);
                targets[j][c] = m.targets().get(keys.get(c));
            }
            levels.add(keys);
            int[] count = new int[keys.size()];
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < rows.length; i++) {
                int r = rows[i];
                sb.setLength(0);
                for (int v = 0; v < cols.size(); v++) {
                    Column col = cols.get(v);
                    Optional<String> value = SurveyData.attributeValue(col, r);
                    if (value.isEmpty()) {
                        throw new PluralstatsException(data.source() + ": respondent " + data.id(r) + " (row " + (r + 1)
                                + ") has no value of " + col.item().id() + "; every raked respondent needs one");
                    }
                    if (v > 0) {
                        sb.append(Margin.SEPARATOR);
                    }
                    sb.append(value.get());
                }
                Integer c = index.get(sb.toString());
                if (c == null) {
                    throw new PluralstatsException(data.source() + ": respondent " + data.id(r) + " (row " + (r + 1)
                            + ") has " + m.name() + " = " + sb + ", for which the margin gives no target (targets: "
                            + String.join(", ", keys) + ")");
                }
                cellOf[j][i] = c;
                count[c]++;
            }
            for (int c = 0; c < keys.size(); c++) {
                if (count[c] == 0 && targets[j][c] > 0) {
                    throw new PluralstatsException("margin " + m.name() + ": level " + keys.get(c) + " has target "
                            + SurveyData.formatNumber(targets[j][c]) + " but no respondents");
                }
            }
        }
        return new Cells(cellOf, targets, levels);
    }

    private RakingResult rake(SurveyData data, double[] all, int[] rows, List<Margin> margins,
                              Map<String, Integer> excluded) {
        Cells cells = cells(data, rows, margins);
        double[] base = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            base[i] = all[rows[i]];
        }
        double[] w;
        int iterations;
        boolean converged;
        double scale = 1;
        RakingResult.Method method;
        if (Double.isNaN(lower)) {
            method = RakingResult.Method.IPF;
            w = base.clone();
            int[] joint = jointCells(cells);
            int nJoint = 0;
            for (int c : joint) {
                nJoint = Math.max(nJoint, c + 1);
            }
            double eps = tolerance < 1 ? tolerance * CompensatedSum.sum(base) : tolerance;
            double[] old = table(w, joint, nJoint);
            iterations = 0;
            converged = false;
            while (iterations < maxIterations) {
                for (int j = 0; j < cells.cellOf.length; j++) {
                    postStratify(w, cells.cellOf[j], cells.targets[j]);
                }
                iterations++;
                double[] now = table(w, joint, nJoint);
                double delta = 0;
                for (int c = 0; c < nJoint; c++) {
                    delta = Math.max(delta, Math.abs(now[c] - old[c]));
                }
                old = now;
                if (delta < eps) {
                    converged = true;
                    break;
                }
            }
        } else {
            method = RakingResult.Method.BOUNDED;
            Bounded b = bounded(base, cells, margins);
            w = b.weights;
            iterations = b.iterations;
            converged = b.converged;
            scale = b.scale;
        }
        double[] rakedAll = new double[all.length];
        double[] baseAll = new double[all.length];
        Arrays.fill(rakedAll, Double.NaN);
        Arrays.fill(baseAll, Double.NaN);
        for (int i = 0; i < rows.length; i++) {
            rakedAll[rows[i]] = w[i];
            baseAll[rows[i]] = base[i];
        }
        return new RakingResult(method, baseAll, rakedAll, iterations, converged, marginError(w, cells),
                KishEffectiveSize.efficiency(base), KishEffectiveSize.efficiency(w), rows.length, excluded, scale,
                margins.stream().map(Margin::name).toList());
    }

    /** One post-stratification step: each cell's weights times target / current total. */
    private static void postStratify(double[] w, int[] cellOf, double[] targets) {
        CompensatedSum[] sums = new CompensatedSum[targets.length];
        for (int c = 0; c < sums.length; c++) {
            sums[c] = CompensatedSum.create();
        }
        for (int i = 0; i < w.length; i++) {
            sums[cellOf[i]].accept(w[i]);
        }
        double[] factor = new double[targets.length];
        for (int c = 0; c < factor.length; c++) {
            double s = sums[c].getAsDouble();
            factor[c] = s == 0 ? 1 : targets[c] / s;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] *= factor[cellOf[i]];
        }
    }

    /** The cell of each row in the cross-classification of all margin variables (the tuple of its margin cells). */
    private static int[] jointCells(Cells cells) {
        int n = cells.cellOf[0].length;
        int[] joint = new int[n];
        Map<String, Integer> ids = new HashMap<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            for (int[] m : cells.cellOf) {
                sb.append(m[i]).append(',');
            }
            joint[i] = ids.computeIfAbsent(sb.toString(), k -> ids.size());
        }
        return joint;
    }

    private static double[] table(double[] w, int[] cell, int nCells) {
        CompensatedSum[] s = new CompensatedSum[nCells];
        for (int c = 0; c < nCells; c++) {
            s[c] = CompensatedSum.create();
        }
        for (int i = 0; i < w.length; i++) {
            s[cell[i]].accept(w[i]);
        }
        double[] out = new double[nCells];
        for (int c = 0; c < nCells; c++) {
            out[c] = s[c].getAsDouble();
        }
        return out;
    }

    private static double marginError(double[] w, Cells cells) {
        double worst = 0;
        for (int j = 0; j < cells.cellOf.length; j++) {
            double[] got = table(w, cells.cellOf[j], cells.targets[j].length);
            for (int c = 0; c < got.length; c++) {
                double t = cells.targets[j][c];
                double e = t == 0 ? Math.abs(got[c]) : Math.abs(got[c] - t) / t;
                worst = Math.max(worst, e);
            }
        }
        return worst;
    }

    private record Bounded(double[] weights, int iterations, boolean converged, double scale) {
    }

    /**
     * Newton's method for bounded raking (survey's grake with calfun = raking). Parameters: one per
     * cell of the first margin, and one per cell but the first (in sorted order) of every other margin:
     * the same column space as R's model matrix, so the same solution.
     */
    private Bounded bounded(double[] base, Cells cells, List<Margin> margins) {
        int n = base.length;
        int nm = cells.cellOf.length;
        int[][] param = new int[nm][]; // [margin][cell] -> parameter index or -1
        int p = 0;
        List<Double> pop = new ArrayList<>();
        for (int j = 0; j < nm; j++) {
            int first = j == 0 ? -1 : firstSorted(cells.levels.get(j));
            param[j] = new int[cells.targets[j].length];
            for (int c = 0; c < param[j].length; c++) {
                if (c == first) {
                    param[j][c] = -1;
                } else {
                    param[j][c] = p++;
                    pop.add(cells.targets[j][c]);
                }
            }
        }
        double[] population = new double[p];
        for (int c = 0; c < p; c++) {
            population[c] = pop.get(c);
        }
        int[][] x = new int[n][]; // each row's parameters
        for (int i = 0; i < n; i++) {
            int[] tmp = new int[nm];
            int k = 0;
            for (int j = 0; j < nm; j++) {
                int q = param[j][cells.cellOf[j][i]];
                if (q >= 0) {
                    tmp[k++] = q;
                }
            }
            x[i] = Arrays.copyOf(tmp, k);
        }
        double scale = rescale(base, cells, margins);
        double[] ww = base.clone();
        if (scale != 1) {
            for (int i = 0; i < n; i++) {
                ww[i] *= scale;
            }
        }
        double[] eta = new double[p];
        double[] g = new double[n];
        double[] deriv = new double[n];
        update(x, eta, g, deriv);
        int iter = 1;
        boolean converged = false;
        int steps = 0;
        while (true) {
            double[][] t = new double[p][p];
            for (int i = 0; i < n; i++) {
                double a = ww[i] * deriv[i];
                if (a == 0) {
                    continue;
                }
                for (int u : x[i]) {
                    for (int v : x[i]) {
                        t[u][v] += a;
                    }
                }
            }
            double[] misfit = misfit(population, ww, g, x);
            double[] deta = pseudoInverse(t, misfit);
            for (int c = 0; c < p; c++) {
                eta[c] += deta[c];
            }
            steps++;
            update(x, eta, g, deriv);
            while (iter < maxIterations && !finite(g, deriv)) {
                iter++;
                for (int c = 0; c < p; c++) {
                    deta[c] /= 2;
                    eta[c] -= deta[c];
                }
                update(x, eta, g, deriv);
            }
            misfit = misfit(population, ww, g, x);
            double worst = 0;
            for (int c = 0; c < p; c++) {
                worst = Math.max(worst, Math.abs(misfit[c]) / (1 + Math.abs(population[c])));
            }
            if (worst < tolerance) {
                converged = true;
                break;
            }
            iter++;
            if (iter > maxIterations) {
                break;
            }
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = base[i] * g[i] * scale;
        }
        return new Bounded(w, steps, converged, scale);
    }

    private void update(int[][] x, double[] eta, double[] g, double[] deriv) {
        for (int i = 0; i < x.length; i++) {
            double u = 0;
            for (int q : x[i]) {
                u += eta[q];
            }
            double e = Math.exp(u);
            g[i] = Math.min(Math.max(e, lower), upper);
            deriv[i] = e > lower && e < upper ? e : 0;
        }
    }

    private static boolean finite(double[] g, double[] deriv) {
        for (int i = 0; i < g.length; i++) {
            if (!Double.isFinite(g[i]) || !Double.isFinite(deriv[i])) {
                return false;
            }
        }
        return true;
    }

    private static double[] misfit(double[] population, double[] ww, double[] g, int[][] x) {
        CompensatedSum[] s = new CompensatedSum[population.length];
        for (int c = 0; c < s.length; c++) {
            s[c] = CompensatedSum.create();
        }
        for (int i = 0; i < ww.length; i++) {
            double v = ww[i] * g[i];
            for (int q : x[i]) {
                s[q].accept(v);
            }
        }
        double[] out = new double[population.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = population[c] - s[c].getAsDouble();
        }
        return out;
    }

    /** {@code pinv(t) · b} with MASS::ginv's tolerance: singular values below 256 ε × the largest are dropped. */
    private static double[] pseudoInverse(double[][] t, double[] b) {
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(t, false));
        double[] s = svd.getSingularValues();
        RealMatrix u = svd.getU();
        RealMatrix v = svd.getV();
        double cut = 256 * Math.ulp(1.0) * (s.length == 0 ? 0 : s[0]);
        double[] out = new double[b.length];
        for (int k = 0; k < s.length; k++) {
            if (!(s[k] > cut)) {
                continue;
            }
            double dot = 0;
            for (int i = 0; i < b.length; i++) {
                dot += u.getEntry(i, k) * b[i];
            }
            dot /= s[k];
            for (int i = 0; i < out.length; i++) {
                out[i] += v.getEntry(i, k) * dot;
            }
        }
        return out;
    }

    /**
     * grake's rescaling: the ratios of population to sample totals over R's model-matrix columns for
     * the margins (intercept, then for each term — every non-empty subset of a margin's variables — each
     * combination of levels other than each variable's first in sorted order); when all exceed 20, the
     * mean ratio, else 1.
     */
    private static double rescale(double[] base, Cells cells, List<Margin> margins) {
        List<Double> ratios = new ArrayList<>();
        double sampleTotal = CompensatedSum.sum(base);
        ratios.add(margins.get(0).total() / sampleTotal);
        Map<String, String> firstLevel = new HashMap<>();
        for (int j = 0; j < margins.size(); j++) {
            List<String> vars = margins.get(j).variables();
            for (int v = 0; v < vars.size(); v++) {
                TreeSet<String> lv = new TreeSet<>(Raking::compareLevels);
                for (String key : cells.levels.get(j)) {
                    lv.add(key.split(Margin.SEPARATOR, -1)[v]);
                }
                firstLevel.putIfAbsent(vars.get(v).toLowerCase(Locale.ROOT), lv.first());
            }
        }
        java.util.Set<String> seenTerms = new java.util.HashSet<>();
        for (int j = 0; j < margins.size(); j++) {
            List<String> vars = margins.get(j).variables();
            int nv = vars.size();
            for (int mask = 1; mask < (1 << nv); mask++) {
                List<String> term = new ArrayList<>();
                for (int v = 0; v < nv; v++) {
                    if ((mask & (1 << v)) != 0) {
                        term.add(vars.get(v).toLowerCase(Locale.ROOT));
                    }
                }
                List<String> sortedTerm = new ArrayList<>(term);
                java.util.Collections.sort(sortedTerm);
                if (!seenTerms.add(String.join("*", sortedTerm))) {
                    continue;
                }
                // totals per combination of non-first levels of the term's variables
                Map<String, double[]> pop = new LinkedHashMap<>();
                List<String> keys = cells.levels.get(j);
                for (int c = 0; c < keys.size(); c++) {
                    String combo = combo(keys.get(c), mask, nv, vars, firstLevel);
                    if (combo != null) {
                        pop.computeIfAbsent(combo, k -> new double[2])[0] += cells.targets[j][c];
                    }
                }
                for (int i = 0; i < base.length; i++) {
                    String combo = combo(keys.get(cells.cellOf[j][i]), mask, nv, vars, firstLevel);
                    if (combo != null) {
                        pop.computeIfAbsent(combo, k -> new double[2])[1] += base[i];
                    }
                }
                for (double[] t : pop.values()) {
                    ratios.add(t[0] / t[1]);
                }
            }
        }
        double min = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (double r : ratios) {
            min = Math.min(min, r);
            sum += r;
        }
        return min > 20 ? sum / ratios.size() : 1;
    }

    private static String combo(String key, int mask, int nv, List<String> vars, Map<String, String> firstLevel) {
        String[] parts = key.split(Margin.SEPARATOR, -1);
        StringBuilder sb = new StringBuilder();
        for (int v = 0; v < nv; v++) {
            if ((mask & (1 << v)) != 0) {
                if (parts[v].equals(firstLevel.get(vars.get(v).toLowerCase(Locale.ROOT)))) {
                    return null;
                }
                sb.append(parts[v]).append(Margin.SEPARATOR);
            }
        }
        return sb.toString();
    }

    private static int firstSorted(List<String> keys) {
        int best = 0;
        for (int c = 1; c < keys.size(); c++) {
            if (compareLevels(keys.get(c), keys.get(best)) < 0) {
                best = c;
            }
        }
        return best;
    }

    /** R's factor order: numerically when both are numbers, else by text. */
    static int compareLevels(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
