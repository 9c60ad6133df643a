package org.pluralstats.regress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Linear mixed model with a random intercept per group, fitted by REML (default) or maximum
 * likelihood: {@code y_ij = x_ij'β + b_j + e_ij}, {@code b_j ~ N(0, σ_b²)}, {@code e_ij ~ N(0, σ²)} —
 * the model of lme4's {@code lmer(y ~ x + (1 | g))} and statsmodels' {@code MixedLM(..., groups=g)}.
 *
 * <p><b>Criterion.</b> With {@code θ = σ_b/σ} the covariance of group {@code j} (size {@code n_j}) is
 * {@code σ² V_j}, {@code V_j = I + θ² 1 1'}; by the Woodbury identity
 * {@code V_j⁻¹ = I − θ²/(1 + n_jθ²) 1 1'} and {@code log det V_j = log(1 + n_jθ²)}, so with
 * group means {@code x̄_j, ȳ_j} and the pooled within-group cross-products {@code W = Σ (x − x̄_j)(x − x̄_j)'}:
 * <pre>
 *   A(θ) = X'V⁻¹X = W + Σ_j d_j x̄_j x̄_j',   c(θ) = X'V⁻¹y = w + Σ_j d_j x̄_j ȳ_j,   d_j = n_j/(1 + n_jθ²),
 *   β(θ) = A⁻¹c,   Q(θ) = (y − Xβ)'V⁻¹(y − Xβ),
 *   −2 ℓ_ML(θ)   = n (1 + log(2π Q/n)) + Σ log(1 + n_jθ²),
 *   −2 ℓ_REML(θ) = (n−p)(1 + log(2π Q/(n−p))) + Σ log(1 + n_jθ²) + log det A,
 * </pre>
 * σ² profiled out ({@code σ̂² = Q/n} or {@code Q/(n−p)}). This is lme4's profiled deviance / REML
 * criterion (Bates et al. 2015, <i>J. Stat. Softw.</i> 67(1), eqs. 34 and 41) and equals the log
 * likelihood statsmodels' MixedLM reports. It is minimised over {@code θ ≥ 0} by a grid on
 * {@code θ ∈ {0} ∪ [1e-4, 1e4]} (extended upwards while still decreasing) followed by Brent's method
 * on the bracket of the best grid point. No n×n matrix is formed; each evaluation costs
 * {@code O(G p² + p³)} for G groups and p fixed effects.
 *
 * <p><b>Results.</b> Fixed effects {@code β(θ̂)} with covariance {@code σ̂² A(θ̂)⁻¹} (as lme4's
 * {@code vcov}; statsmodels inverts the full Hessian, which differs in the third or fourth digit of
 * the standard errors), Wald z tests with normal p-values and 95% intervals (statsmodels' summary);
 * group variance {@code θ̂²σ̂²}; residual variance (statsmodels' {@code scale}) {@code σ̂²}; the
 * REML or ML log-likelihood; predicted random effects {@code b̂_j = θ̂² n_j (ȳ_j − x̄_j'β)/(1 + n_jθ̂²)} with
 * lme4's conditional variances {@code σ̂²θ̂²/(1 + n_jθ̂²)}; the Wald standard error of the group variance from
 * statsmodels' analytic Hessian; lme4's profile intervals of the group and residual SDs, the roots of the
 * signed square root of the ML deviance change, found exactly on first use (see {@link MixedModelResult#varianceComponents()}).
 *
 * <p><b>Errors.</b> A singular fixed-effects design (naming the collinear columns), fewer than two
 * groups, a group with a single observation, and {@code n ≤ p} raise {@link RegressionException}.
 */
public final class MixedModel {
    /** How the variance parameters are estimated. */
    public enum Criterion {
        /** Restricted (residual) maximum likelihood: lme4's default {@code REML = TRUE}. */
        REML,
        /** Maximum likelihood. */
        ML
    }

    private static final MixedModel DEFAULTS = new MixedModel(Criterion.REML);
    private static final double GRID_LOW = -4.0;
    private static final double GRID_HIGH = 4.0;
    private static final double GRID_STEP = 0.25;

    private final Criterion criterion;

    private MixedModel(Criterion criterion) {
        this.criterion = criterion;
    }

    /** @return a REML fitter */
    public static MixedModel withDefaults() {
        return DEFAULTS;
    }

    /**
     * @param c the estimation criterion
     * @return a fitter using it
     */
    public MixedModel with(Criterion c) {
        return new MixedModel(Objects.requireNonNull(c, "criterion"));
    }

    /** @return the estimation criterion */
    public Criterion criterion() {
        return criterion;
    }

    /**
     * @param formula the fixed-effects formula, e.g. {@code alignment ~ 0 + consistency:language}
     * @param data the data
     * @param groups the column whose values define the groups (random intercepts)
     * @return the fit
     */
    public MixedModelResult fit(String formula, RegressionData data, String groups) {
        return fit(Formula.parse(formula), data, groups);
    }

    /**
     * @param formula the fixed-effects formula
     * @param data the data
     * @param groups the grouping column
     * @return the fit
     * @throws RegressionException on a singular design, fewer than two groups, a group with one
     *     observation, or no residual degrees of freedom
     */
    public MixedModelResult fit(Formula formula, RegressionData data, String groups) {
        return fit(formula, data, groups, Double.NaN);
    }

    /**
     * The fit with {@code θ} held at a given value instead of estimated (everything else as {@link #fit}): lets
     * the tests compare the quantities that follow from θ with a reference program's at the reference's θ,
     * separately from the precision to which two optimisers locate the minimum of a flat criterion.
     */
    MixedModelResult fitAt(String formula, RegressionData data, String groups, double theta) {
        return fit(Formula.parse(formula), data, groups, theta);
    }

    private MixedModelResult fit(Formula formula, RegressionData data, String groups, double fixedTheta) {
        Objects.requireNonNull(groups, "groups");
        data.require(groups);
        DesignMatrix design = DesignMatrix.of(formula, data, Optional.of(groups));
        double[][] x = design.columnsView();
        double[] y = design.responseView();
        int n = y.length;
        int p = x.length;
        HouseholderQr qr = new HouseholderQr(x);
        List<Term> terms = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            terms.add(design.term(j));
        }
        qr.requireFullRank(design.names(), terms);
        if (n <= p) {
            throw new RegressionException("the mixed model needs more observations than fixed effects: " + n
                    + " rows, " + p + " coefficients in '" + formula.text() + "'");
        }
        // Groups, in sorted label order.
        String[] allLabels = data.labels(groups);
        int[] rows = design.dataRows();
        TreeMap<String, List<Integer>> members = new TreeMap<>(DesignMatrix.CODE_POINT_ORDER);
        for (int r = 0; r < n; r++) {
            members.computeIfAbsent(allLabels[rows[r]], k -> new ArrayList<>()).add(r);
        }
        if (members.size() < 2) {
            throw new RegressionException("the mixed model needs at least two groups of '" + groups + "'; found "
                    + members.size() + (members.isEmpty() ? "" : " ('" + members.firstKey() + "')"));
        }
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            if (e.getValue().size() == 1) {
                throw new RegressionException("group '" + e.getKey() + "' of '" + groups + "' has only one observation ("
                        + data.where(rows[e.getValue().get(0)]) + "); a random intercept needs at least two per group");
            }
        }
        String[] labels = members.keySet().toArray(new String[0]);
        int g = labels.length;
        int[] group = new int[n];
        int[] size = new int[g];
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < g; j++) {
            index.put(labels[j], j);
        }
        for (int r = 0; r < n; r++) {
            group[r] = index.get(allLabels[rows[r]]);
            size[group[r]]++;
        }
        Profile profile = new Profile(x, y, group, size, criterion);
        double theta = Double.isNaN(fixedTheta) ? profile.minimise() : fixedTheta;
        int evaluations = profile.evaluations;
        // lme4 profiles the ML deviance whatever the fit's criterion (profile.merMod → devfun2 → refitML);
        // computed when first asked for, so fits that never need the intervals do not pay for them
        java.util.function.Supplier<double[]> limits = () -> {
            Profile ml = criterion == Criterion.ML ? profile : new Profile(x, y, group, size, Criterion.ML);
            double thetaMl = criterion == Criterion.ML ? theta : ml.minimise();
            return ml.profileLimits(thetaMl);
        };
        return profile.result(theta, design, labels, groups, evaluations, limits);
    }

    /** Sufficient statistics and the profiled criterion of one data set. */
    private static final class Profile {
        private final int n;
        private final int p;
        private final int g;
        private final int[] size;
        private final int[] group;
        private final double[][] xbar;   // [group][column]
        private final double[] ybar;
        private final double[][] w;      // pooled within-group cross-products of X
        private final double[] wy;       // within-group X'y
        private final double[][] xc;     // within-group centred columns
        private final double[] yc;
        private final Criterion criterion;
        private int evaluations;
        private boolean converged = true;

        Profile(double[][] x, double[] y, int[] group, int[] size, Criterion criterion) {
            this.n = y.length;
            this.p = x.length;
            this.g = size.length;
            this.size = size;
            this.group = group;
            this.criterion = criterion;
            xbar = new double[g][p];
            ybar = new double[g];
            for (int r = 0; r < n; r++) {
                ybar[group[r]] += y[r];
            }
            for (int c = 0; c < p; c++) {
                double[] col = x[c];
                for (int r = 0; r < n; r++) {
                    xbar[group[r]][c] += col[r];
                }
            }
            for (int j = 0; j < g; j++) {
                ybar[j] /= size[j];
                for (int c = 0; c < p; c++) {
                    xbar[j][c] /= size[j];
                }
            }
            xc = new double[p][n];
            for (int c = 0; c < p; c++) {
                double[] col = x[c];
                double[] out = xc[c];
                for (int r = 0; r < n; r++) {
                    out[r] = col[r] - xbar[group[r]][c];
                }
            }
            yc = new double[n];
            for (int r = 0; r < n; r++) {
                yc[r] = y[r] - ybar[group[r]];
            }
            w = new double[p][p];
            wy = new double[p];
            for (int a = 0; a < p; a++) {
                double[] ca = xc[a];
                for (int b = 0; b <= a; b++) {
                    double[] cb = xc[b];
                    double s = 0.0;
                    for (int r = 0; r < n; r++) {
                        s += ca[r] * cb[r];
                    }
                    w[a][b] = s;
                    w[b][a] = s;
                }
                double s = 0.0;
                for (int r = 0; r < n; r++) {
                    s += ca[r] * yc[r];
                }
                wy[a] = s;
            }
        }

        /** The fixed effects, A's factorisation and the criterion's parts at θ. */
        private record State(double theta, Cholesky chol, double[] beta, double q, double logDetV, double deviance) {
        }

        private State state(double theta, boolean exactResiduals) {
            evaluations++;
            double gamma = theta * theta;
            double[][] a = new double[p][];
            for (int i = 0; i < p; i++) {
                a[i] = w[i].clone();
            }
            double[] c = wy.clone();
            double logDetV = 0.0;
            for (int j = 0; j < g; j++) {
                double d = size[j] / (1.0 + size[j] * gamma);
                double[] m = xbar[j];
                for (int i = 0; i < p; i++) {
                    double dm = d * m[i];
                    double[] ai = a[i];
                    for (int k = 0; k <= i; k++) {
                        ai[k] += dm * m[k];
                    }
                    c[i] += dm * ybar[j];
                }
                logDetV += Math.log1p(size[j] * gamma);
            }
            for (int i = 0; i < p; i++) {
                for (int k = 0; k < i; k++) {
                    a[k][i] = a[i][k];
                }
            }
            Cholesky chol = Cholesky.of(a);
            if (chol == null) {
                throw new RegressionException("the fixed-effects design is numerically singular at θ = " + theta);
            }
            double[] beta = chol.solve(c);
            double between = 0.0;
            for (int j = 0; j < g; j++) {
                double d = size[j] / (1.0 + size[j] * gamma);
                double e = ybar[j];
                double[] m = xbar[j];
                for (int i = 0; i < p; i++) {
                    e -= m[i] * beta[i];
                }
                between += d * e * e;
            }
            double within;
            if (exactResiduals) {
                within = 0.0;
                for (int r = 0; r < n; r++) {
                    double e = yc[r];
                    for (int i = 0; i < p; i++) {
                        e -= xc[i][r] * beta[i];
                    }
                    within += e * e;
                }
            } else {
                // y'W y − 2β'w + β'Wβ, from the cross-products
                double yy = 0.0;
                for (int r = 0; r < n; r++) {
                    yy += yc[r] * yc[r];
                }
                within = yy;
                for (int i = 0; i < p; i++) {
                    double wb = 0.0;
                    for (int k = 0; k < p; k++) {
                        wb += w[i][k] * beta[k];
                    }
                    within += beta[i] * (wb - 2.0 * wy[i]);
                }
            }
            double q = within + between;
            double dev;
            if (criterion == Criterion.ML) {
                dev = n * (1.0 + Math.log(2.0 * Math.PI * q / n)) + logDetV;
            } else {
                int m = n - p;
                dev = m * (1.0 + Math.log(2.0 * Math.PI * q / m)) + logDetV + chol.logDeterminant();
            }
            return new State(theta, chol, beta, q, logDetV, dev);
        }

        private double deviance(double theta) {
            return state(theta, false).deviance();
        }

        double minimise() {
            List<Double> grid = new ArrayList<>();
            grid.add(0.0);
            for (double e = GRID_LOW; e <= GRID_HIGH + 1e-9; e += GRID_STEP) {
                grid.add(Math.pow(10.0, e));
            }
            List<Double> values = new ArrayList<>();
            for (double t : grid) {
                values.add(deviance(t));
            }
            // extend upwards while the criterion still decreases at the top of the grid
            while (values.get(values.size() - 1) < values.get(values.size() - 2) && grid.get(grid.size() - 1) < 1e12) {
                grid.add(grid.get(grid.size() - 1) * Math.pow(10.0, GRID_STEP));
                values.add(deviance(grid.get(grid.size() - 1)));
            }
            int best = 0;
            for (int i = 1; i < values.size(); i++) {
                if (values.get(i) < values.get(best)) {
                    best = i;
                }
            }
            double lo = grid.get(Math.max(best - 1, 0));
            double hi = grid.get(Math.min(best + 1, grid.size() - 1));
            double bestTheta = grid.get(best);
            double bestValue = values.get(best);
            try {
                BrentOptimizer brent = new BrentOptimizer(1e-12, 1e-14);
                UnivariatePointValuePair opt = brent.optimize(new MaxEval(500),
                        new UnivariateObjectiveFunction(this::deviance), GoalType.MINIMIZE,
                        new SearchInterval(lo, hi, bestTheta));
                if (opt.getValue() <= bestValue) {
                    bestTheta = opt.getPoint();
                    bestValue = opt.getValue();
                }
            } catch (TooManyEvaluationsException e) {
                converged = false;
            }
            if (deviance(0.0) <= bestValue) {
                bestTheta = 0.0;
            }
            return bestTheta;
        }

        MixedModelResult result(double theta, DesignMatrix design, String[] labels, String groupColumn,
                                int fitEvaluations, java.util.function.Supplier<double[]> profileLimits) {
            State s = state(theta, true);
            int m = criterion == Criterion.REML ? n - p : n;
            double scale = s.q() / m;
            double dev;
            if (criterion == Criterion.ML) {
                dev = n * (1.0 + Math.log(2.0 * Math.PI * scale)) + s.logDetV();
            } else {
                dev = m * (1.0 + Math.log(2.0 * Math.PI * scale)) + s.logDetV() + s.chol().logDeterminant();
            }
            double llf = -0.5 * dev;
            double[][] inv = s.chol().inverse();
            double[] beta = s.beta();
            List<Coefficient> coefs = new ArrayList<>(p);
            for (int i = 0; i < p; i++) {
                double se = Math.sqrt(scale * inv[i][i]);
                double z = beta[i] / se;
                coefs.add(new Coefficient(design.names().get(i), beta[i], se, z, TestDistributions.zTwoSided(z),
                        beta[i] - TestDistributions.Z_975 * se, beta[i] + TestDistributions.Z_975 * se));
            }
            double gamma = theta * theta;
            double[] effects = new double[g];
            double[] condVar = new double[g];
            Map<String, Double> random = new LinkedHashMap<>();
            for (int j = 0; j < g; j++) {
                double e = ybar[j];
                for (int i = 0; i < p; i++) {
                    e -= xbar[j][i] * beta[i];
                }
                effects[j] = gamma * size[j] * e / (1.0 + size[j] * gamma);
                // lme4's postVar: σ² [Λ(Λ'Z'ZΛ + I)⁻¹Λ']_jj = σ²θ²/(1 + n_jθ²), conditional on β̂, θ̂, σ̂
                condVar[j] = scale * gamma / (1.0 + size[j] * gamma);
                random.put(labels[j], effects[j]);
            }
            double sePsi = psiStandardError(s, gamma);
            double[] fitted = new double[n];
            double[] resid = new double[n];
            double[][] x = design.columnsView();
            double[] y = design.responseView();
            for (int r = 0; r < n; r++) {
                double f = effects[group[r]];
                for (int i = 0; i < p; i++) {
                    f += x[i][r] * beta[i];
                }
                fitted[r] = f;
                resid[r] = y[r] - f;
            }
            double[][] cov = new double[p][p];
            for (int i = 0; i < p; i++) {
                for (int k = 0; k < p; k++) {
                    cov[i][k] = scale * inv[i][k];
                }
            }
            int[] sizes = Arrays.copyOf(size, g);
            return new MixedModelResult(design, criterion, groupColumn, coefs, cov, gamma * scale, scale, llf,
                    theta, random, sizes, fitted, resid, converged, fitEvaluations, condVar, sePsi, profileLimits);
        }

        /**
         * statsmodels' standard error of {@code ψ = θ²} ({@code cov_re / scale}): the ψψ element of the inverse
         * of minus the Hessian of the log-likelihood with σ² profiled out, in {@code (β, ψ)} —
         * {@code MixedLM.hessian} specialised to one random intercept, with {@code a_j = 1/(1 + n_jψ)},
         * {@code e_j = ȳ_j − x̄_j'β}, {@code R = Q(ψ)}, {@code f = n} (ML) or {@code n − p} (REML):
         * {@code H_ββ = −f A/R}, {@code H_βψ = −(f/R) Σ a_j²n_j² e_j x̄_j},
         * {@code H_ψψ = Σ a_j²n_j²/2 − (f/2)(D/R − B²/R²)} with {@code B = Σ a_j²n_j²e_j²},
         * {@code D = 2 Σ a_j³n_j³e_j²}, plus for REML {@code ½(tr(A⁻¹M A⁻¹M) − tr(A⁻¹F))} with
         * {@code M = Σ a_j²n_j² x̄_j x̄_j'}, {@code F = 2 Σ a_j³n_j³ x̄_j x̄_j'}.
         */
        private double psiStandardError(State s, double psi) {
            double r = s.q();
            double f = criterion == Criterion.ML ? n : n - p;
            double[] beta = s.beta();
            double[] h = new double[p];
            double hpp = 0.0;
            double bSum = 0.0;
            double dSum = 0.0;
            double[][] mm = new double[p][p];
            double[][] ff = new double[p][p];
            for (int j = 0; j < g; j++) {
                double a = 1.0 / (1.0 + size[j] * psi);
                double an = a * size[j];
                double e = ybar[j];
                for (int i = 0; i < p; i++) {
                    e -= xbar[j][i] * beta[i];
                }
                double an2 = an * an;
                for (int i = 0; i < p; i++) {
                    h[i] += an2 * e * xbar[j][i];
                    for (int k = 0; k < p; k++) {
                        mm[i][k] += an2 * xbar[j][i] * xbar[j][k];
                        ff[i][k] += 2.0 * an2 * an * xbar[j][i] * xbar[j][k];
                    }
                }
                hpp += an2 / 2.0;
                bSum += an2 * e * e;
                dSum += 2.0 * an2 * an * e * e;
            }
            for (int i = 0; i < p; i++) {
                h[i] *= -f / r;
            }
            hpp -= 0.5 * f * (dSum / r - bSum * bSum / (r * r));
            if (criterion == Criterion.REML) {
                double[][] ainvM = new double[p][];
                double trF = 0.0;
                for (int k = 0; k < p; k++) {
                    double[] colM = new double[p];
                    double[] colF = new double[p];
                    for (int i = 0; i < p; i++) {
                        colM[i] = mm[i][k];
                        colF[i] = ff[i][k];
                    }
                    ainvM[k] = s.chol().solve(colM);   // column k of A⁻¹M
                    trF += s.chol().solve(colF)[k];
                }
                double trMM = 0.0;
                for (int i = 0; i < p; i++) {
                    for (int k = 0; k < p; k++) {
                        trMM += ainvM[k][i] * ainvM[i][k];
                    }
                }
                hpp += 0.5 * (trMM - trF);
            }
            // Schur complement of −H_ββ = f A/R: 1/(−H_ψψ − h'(f A/R)⁻¹h)
            double[] ainvH = s.chol().solve(h);
            double quad = 0.0;
            for (int i = 0; i < p; i++) {
                quad += h[i] * ainvH[i];
            }
            return Math.sqrt(1.0 / (-hpp - quad * r / f));
        }

        /** lme4's {@code devfun2} for this model: the ML deviance at {@code (σ_b, σ)}, β profiled out. */
        private double mlDeviance(double sdGroup, double sd) {
            State st = state(sdGroup / sd, true);
            return n * Math.log(2.0 * Math.PI * sd * sd) + st.logDetV() + st.q() / (sd * sd);
        }

        /** The minimum of {@code f} over {@code [lo, hi]} (and at {@code lo}), widening {@code hi} while the minimum sits at it. */
        private static double minimum(DoubleUnaryOperator f, double lo, double hi) {
            double top = hi;
            for (int k = 0; k < 40; k++) {
                BrentOptimizer brent = new BrentOptimizer(1e-13, 1e-300);
                UnivariatePointValuePair opt = brent.optimize(new MaxEval(1000), new UnivariateObjectiveFunction(f::applyAsDouble),
                        GoalType.MINIMIZE, new SearchInterval(lo, top));
                if (opt.getPoint() < top * 0.99 || top > 1e12 * hi) {
                    return Math.min(opt.getValue(), f.applyAsDouble(lo));
                }
                top *= 10.0;
            }
            return f.applyAsDouble(lo);
        }

        /**
         * lme4's 95% profile limits of {@code .sig01} and {@code .sigma} ({@code profile-methods}): the roots of
         * {@code ζ(v) = sign(v − v̂) √(d_v(v) − d̂) = ∓Φ⁻¹(0.975)}, where {@code d_v} is the ML deviance
         * minimised over the other standard deviation at {@code v}; the lower limit of {@code .sig01} is 0
         * where {@code ζ(0) > −Φ⁻¹(0.975)}. This profile is the ML one (lme4 refits a REML model by ML first).
         *
         * @return {@code {sig01 lower, sig01 upper, sigma lower, sigma upper}}
         */
        double[] profileLimits(double thetaMl) {
            State st = state(thetaMl, true);
            double sd = Math.sqrt(st.q() / n);
            double sdGroup = thetaMl * sd;
            double dMin = n * (1.0 + Math.log(2.0 * Math.PI * sd * sd)) + st.logDetV();
            double z = TestDistributions.Z_975;
            DoubleUnaryOperator zGroup = v -> {
                // at σ_b = 0 the deviance in σ is minimised at σ² = Q(0)/n
                double d = v == 0.0 ? n * (1.0 + Math.log(2.0 * Math.PI * state(0.0, true).q() / n))
                        : minimum(t -> mlDeviance(v, t), sd * 1e-3, sd * 10.0);
                return Math.signum(v - sdGroup) * Math.sqrt(Math.max(d - dMin, 0.0));
            };
            DoubleUnaryOperator zResidual = t -> {
                double d = minimum(v -> mlDeviance(v, t), 0.0, 10.0 * (sdGroup + t));
                return Math.signum(t - sd) * Math.sqrt(Math.max(d - dMin, 0.0));
            };
            double groupLower = 0.0;
            if (sdGroup > 0.0 && zGroup.applyAsDouble(0.0) < -z) {
                groupLower = root(zGroup, -z, 0.0, sdGroup);
            }
            double hi = Math.max(sdGroup, 0.1 * sd) * 2.0;
            while (zGroup.applyAsDouble(hi) < z && hi < 1e12 * sd) {
                hi *= 2.0;
            }
            double groupUpper = root(zGroup, z, sdGroup, hi);
            double lo = sd / 2.0;
            while (zResidual.applyAsDouble(lo) > -z && lo > 1e-12 * sd) {
                lo /= 2.0;
            }
            double residualLower = root(zResidual, -z, lo, sd);
            hi = sd * 2.0;
            while (zResidual.applyAsDouble(hi) < z && hi < 1e12 * sd) {
                hi *= 2.0;
            }
            double residualUpper = root(zResidual, z, sd, hi);
            return new double[] {groupLower, groupUpper, residualLower, residualUpper};
        }

        private static double root(DoubleUnaryOperator zeta, double target, double lo, double hi) {
            BrentSolver solver = new BrentSolver(1e-15, 1e-300, 1e-15);
            return solver.solve(1000, v -> zeta.applyAsDouble(v) - target, lo, hi);
        }
    }
}
