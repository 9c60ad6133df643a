package org.pluralstats.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.pluralstats.PluralstatsException;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.Distributions;

/**
 * A survey design with Taylor-linearised variances: R survey's {@code svydesign(ids, probs, strata, fpc,
 * nest, weights)} object (survey 4.1, {@code svydesign.default}, {@code as.fpc}, {@code svyrecvar}).
 * Immutable; built with {@link #builder(int)}; {@link #toString()} prints it as R prints a design.
 *
 * <p><b>Structure</b>, as {@code svydesign} builds it: cluster ids per stage (none: every respondent its own
 * PSU, {@code ids = ~1}); a stage's clusters are nested in the previous stage's ({@code interaction} of the
 * ids), and with {@code nest} in their strata; stage {@code s > 1} strata are the stage's strata within each
 * stage {@code s − 1} cluster; {@code n_hs} = the number of distinct clusters of stage {@code s} in the
 * respondent's stratum; an fpc per stage is a population size {@code N_hs} (every value ≥ 1) or a sampling
 * fraction {@code n_hs / N_hs} (every value ≤ 1). Weights default to {@code Π_s n_hs / N_hs} inverted when
 * only an fpc is given, to 1 when neither is.
 *
 * <p><b>Variance</b> of an estimator with influence values {@code z_i} (R's {@code svyrecvar}): per stratum
 * {@code h} of the first stage, with PSU totals {@code z_hj = Σ_{i∈j} z_i} (padded with zeros to {@code n_h}
 * PSUs when a domain misses some) and {@code f_h = (N_h − n_h)/N_h} ({@code 1} without fpc),
 * <pre>  V = Σ_h f_h · n_h/(n_h − 1) · Σ_j (z_hj − z̄_h)²</pre>
 * plus, with an fpc and more than one stage, for every first-stage PSU {@code j} the same computed over its
 * second-stage units times {@code n_h/N_h}, recursively. A stratum with one PSU follows {@link LonelyPsu};
 * a self-representing stratum ({@code f_h < 1e-7}) contributes zero.
 *
 * <p><b>Domains and missing values.</b> An estimator given a domain (or values that are {@code NaN}) leaves
 * those respondents out as R's {@code subset(design, …)} and {@code svymean(…, na.rm = TRUE)} do: they keep
 * nothing but the design's PSU counts {@code n_h}, so the variance is that of the whole design with zero
 * influence outside the domain. {@link #restrictedTo(boolean[])} instead builds the design afresh on some
 * rows ({@code svydesign(…, data = d[rows, ])}).
 *
 * <p><b>Calibration.</b> {@link #postStratified} and {@link #raked} return the design with weights calibrated
 * to population margins as R's {@code postStratify} and {@code rake} do, keeping what {@code svyrecvar} needs
 * ({@code design$postStrata}): every estimator's influence values are then replaced by their residuals on the
 * margins before the variance above.
 *
 * <p>Estimates are {@link DesignEstimate}s with an interval {@code estimate ± q · se}, {@code q} the
 * {@code 1 − α/2} quantile chosen by {@link IntervalDf} (default: t on {@code degf(design)}).
 */
public final class TaylorDesign implements SurveyDesign {
    /** Below this {@code (N − n)/N} a stratum is self-representing (R survey's constant). */
    private static final double SELF_REPRESENTING = 1e-7;

    private final Inputs inputs;
    private final int n;
    private final double[] prob;
    private final int stages;
    private final int[][] cluster;
    private final int[][] strata;
    private final String[] firstStageStrataNames;
    /** degf(design), computed once. */
    private final double degf;
    /** The first-stage stratum code of each first-stage cluster code. */
    private final int[] firstStageClusterStratum;
    private final double[][] sampsize;
    private final double[][] popsize;
    private final boolean[] present;
    private final LonelyPsu lonely;
    private final IntervalDf intervalDf;
    /** postStratify/rake calibrations in the order made (R's design$postStrata); empty for none. */
    private final List<Calibration> calibrations;

    private TaylorDesign(Inputs inputs, int n, double[] prob, int[][] cluster, int[][] strata, String[] strataNames,
                         double[][] sampsize, double[][] popsize, boolean[] present, LonelyPsu lonely,
                         IntervalDf intervalDf, List<Calibration> calibrations) {
        this.inputs = inputs;
        this.n = n;
        this.prob = prob;
        this.stages = cluster.length;
        this.cluster = cluster;
        this.strata = strata;
        this.firstStageStrataNames = strataNames;
        this.firstStageClusterStratum = new int[java.util.Arrays.stream(cluster[0]).max().orElse(-1) + 1];
        for (int i = 0; i < n; i++) {
            firstStageClusterStratum[cluster[0][i]] = strata[0][i];
        }
        this.sampsize = sampsize;
        this.popsize = popsize;
        this.present = present;
        this.lonely = lonely;
        this.intervalDf = intervalDf;
        this.calibrations = calibrations;
        this.degf = degreesOfFreedom(null); // after present: a subset's degf counts its own PSUs
    }

    /**
     * @param n the number of respondents
     * @return a builder of a design over {@code n} respondents (every one its own PSU, weight 1, no strata,
     *     no fpc, lonely PSUs fail, until told otherwise)
     */
    public static Builder builder(int n) {
        if (n < 1) {
            throw new PluralstatsException("a survey design needs at least one respondent, got " + n);
        }
        return new Builder(n);
    }

    /**
     * @param rule the lonely-PSU rule ({@code options(survey.lonely.psu = …)})
     * @return a copy of this design that applies it
     */
    public TaylorDesign with(LonelyPsu rule) {
        return new TaylorDesign(inputs, n, prob, cluster, strata, firstStageStrataNames, sampsize, popsize, present,
                Objects.requireNonNull(rule, "lonely PSU rule"), intervalDf, calibrations);
    }

    /**
     * @param rule which quantile the confidence intervals use
     * @return a copy of this design whose estimates use it
     */
    public TaylorDesign with(IntervalDf rule) {
        return new TaylorDesign(inputs, n, prob, cluster, strata, firstStageStrataNames, sampsize, popsize, present,
                lonely, Objects.requireNonNull(rule, "interval rule"), calibrations);
    }

    /** @return the lonely-PSU rule */
    public LonelyPsu lonelyPsu() {
        return lonely;
    }

    /** @return the interval rule */
    public IntervalDf intervalDf() {
        return intervalDf;
    }

    /**
     * The design restricted to a domain, R's {@code subset(design, domain)} ({@code [.survey.design2}): the
     * same {@link #size()} and row order, respondents outside the domain out of every estimate, PSU counts
     * and fpc those of the whole design. Estimates on it equal estimates on this design with the domain.
     *
     * @param domain who stays, one flag per respondent
     * @return the domain's design
     */
    public TaylorDesign subset(boolean[] domain) {
        return new TaylorDesign(inputs, n, prob, cluster, strata, firstStageStrataNames, sampsize, popsize,
                in(domain, null), lonely, intervalDf, calibrations);
    }

    /**
     * A design built afresh from this design's inputs on some rows only: {@code svydesign(…, data =
     * d[rows, ])}, PSUs and strata counted among those rows (a "separate design" per population).
     *
     * @param rows who is kept, one flag per respondent (respondents outside a {@link #subset} are not kept)
     * @return a new design over the kept respondents, in order
     * @throws PluralstatsException if no row is kept or the kept rows do not make a design (one PSU)
     */
    public TaylorDesign restrictedTo(boolean[] rows) {
        checkLength(rows, "rows");
        if (!calibrations.isEmpty()) {
            throw new PluralstatsException("a separate design per group cannot be built from a calibrated design ("
                    + describeCalibrations() + "): each group would need its own population margins; estimate "
                    + "the groups as domains of the calibrated design");
        }
        boolean[] kept = in(rows, null);
        return inputs.restrict(kept).build().with(lonely).with(intervalDf);
    }

    /**
     * The design post-stratified to one margin: R survey's {@code postStratify(design, ~variable,
     * population)}. Each respondent's weight is multiplied by {@code N_c / Σ_{i∈c} w_i} of its level
     * {@code c}, so that the weights of every level add up to its population count; standard errors then use
     * the residuals of the influence values within the levels (see {@link #raked}), as {@code svyrecvar} does
     * with the design's {@code postStrata}. A calibration already made (a post-stratification or a raking) is
     * kept and its residuals taken first, as R does.
     *
     * @param variable the margin variable's name, for messages and the description
     * @param values each respondent's level of it (no {@code null})
     * @param population level → population count ({@code Freq} of R's population data frame), finite, ≥ 0
     * @return the post-stratified design (same respondents, clusters, strata and fpc; weights calibrated)
     * @throws PluralstatsException if this design is a {@link #subset} (calibrate the whole design, then take
     *     the subset), a respondent has no level, a level of the sample has no (or a zero) population count, or
     *     a level with a positive count has no respondent
     */
    public TaylorDesign postStratified(String variable, String[] values, Map<String, Double> population) {
        requireWholeDesign("post-stratify");
        double[] p = prob.clone();
        Calibration step = Calibration.PostStratum.apply(p, Objects.requireNonNull(variable, "variable"),
                Objects.requireNonNull(values, "values"), Objects.requireNonNull(population, "population"));
        return calibrated(p, step);
    }

    /**
     * The design raked to several margins with R's default control ({@code maxit = 10, epsilon = 1}):
     * {@link #raked(List, List, List, RakingControl)}.
     *
     * @param variables the margin variables' names
     * @param values each margin's levels, one per respondent
     * @param populations each margin's population counts
     * @return the raked design
     */
    public TaylorDesign raked(List<String> variables, List<String[]> values, List<Map<String, Double>> populations) {
        return raked(variables, values, populations, RakingControl.withDefaults());
    }

    /**
     * The design raked to population margins, as R survey's {@code rdes <- rake(design, list(~v1, ~v2, …),
     * list(pop1, pop2, …), control)} builds it, with {@code svymean(~y, rdes)}, {@code svytotal},
     * {@code svyratio} and {@code svyby} standard errors on it.
     *
     * <p><b>Weights</b>: iterative proportional fitting — a cycle post-stratifies to each margin in turn
     * ({@link #postStratified}: weights of a level times population count over current total); cycles repeat
     * until the weighted table over all margin variables jointly changes by less than {@code ε} (see
     * {@link RakingControl}) or {@code maxit} cycles ran. Not converging is no error (R warns);
     * {@link #rakingConvergence()} and {@link #toString()} tell.
     *
     * <p><b>Variance</b>: R keeps each margin's post-stratification of the last cycle (weights {@code w_m}
     * after margin {@code m}) and {@code svyrecvar} replaces an estimator's influence values {@code z} by
     * <pre>  repeat 10 times: for m = 1 … k: z ← z − w_m · ave(z / w_m, level_m)</pre>
     * ({@code ave}: the unweighted mean within the respondent's level of margin {@code m}), an approximate
     * projection on the margins — the calibration estimator's linearisation — before the usual
     * multistage variance. The ten sweeps are survey's fixed number, not a convergence test; pluralstats does
     * the same. The residuals are taken over every respondent: a domain's influence values are zero outside
     * the domain but their residuals are not.
     *
     * <p>Estimators on the raked design — {@link #mean}, {@link #total}, {@link #ratio}, {@link #proportion},
     * {@link #quantile}, {@link #by} with {@link DomainMethod#DOMAIN}, {@link #means}, {@link #totals},
     * {@link #difference}, {@link #subset} — all use these residuals; separate designs per group
     * ({@link #restrictedTo}) are refused. Design effects compare with simple random sampling with the raked
     * weights, as survey's {@code deff = TRUE}.
     *
     * @param variables the margin variables' names, in raking order
     * @param values each margin's levels, one array per margin with one level per respondent (no {@code null});
     *     a margin over several variables is one array of combined levels
     * @param populations each margin's level → population count
     * @param control when raking stops
     * @return the raked design (same respondents, clusters, strata and fpc)
     * @throws PluralstatsException if this design is a {@link #subset}, the lists differ in size, or a margin
     *     does not fit the sample (see {@link #postStratified})
     */
    public TaylorDesign raked(List<String> variables, List<String[]> values, List<Map<String, Double>> populations,
                              RakingControl control) {
        requireWholeDesign("rake");
        double[] p = prob.clone();
        Calibration step = Calibration.Raked.apply(p, List.copyOf(variables), List.copyOf(values),
                List.copyOf(populations), Objects.requireNonNull(control, "control"));
        return calibrated(p, step);
    }

    /** @return whether the weights are calibrated ({@link #postStratified} or {@link #raked}) */
    public boolean isCalibrated() {
        return !calibrations.isEmpty();
    }

    /** @return how the last raking of this design ended, empty when it was not raked */
    public java.util.Optional<RakingConvergence> rakingConvergence() {
        for (int c = calibrations.size() - 1; c >= 0; c--) {
            if (calibrations.get(c) instanceof Calibration.Raked r) {
                return java.util.Optional.of(r.convergence());
            }
        }
        return java.util.Optional.empty();
    }

    private void requireWholeDesign(String what) {
        if (present != null) {
            throw new PluralstatsException("cannot " + what + " a subset of a design: calibrate the whole design, "
                    + "then take the subset (domain)");
        }
    }

    private TaylorDesign calibrated(double[] p, Calibration step) {
        List<Calibration> all = new ArrayList<>(calibrations);
        all.add(step);
        return new TaylorDesign(inputs, n, p, cluster, strata, firstStageStrataNames, sampsize, popsize, present,
                lonely, intervalDf, List.copyOf(all));
    }

    private String describeCalibrations() {
        List<String> parts = new ArrayList<>();
        calibrations.forEach(c -> parts.add(c.describe()));
        return String.join(", then ", parts);
    }

    @Override
    public int size() {
        return n;
    }

    /** @return the weights {@code 1 / π_i}, zero for respondents outside a {@link #subset} (a copy) */
    @Override
    public double[] weights() {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = isPresent(i) ? 1 / prob[i] : 0;
        }
        return w;
    }

    /** @return the number of stages of clustering ({@code 1} for {@code ids = ~1}) */
    public int stages() {
        return stages;
    }

    /**
     * R's {@code degf(design)}: the number of first-stage PSUs minus the number of first-stage strata, over
     * the respondents in the design.
     *
     * @return the design's degrees of freedom
     */
    @Override
    public double degreesOfFreedom() {
        return degf;
    }

    /**
     * {@code degf(subset(design, domain))}: PSUs minus strata among the domain's respondents.
     *
     * @param domain who is in the domain, or {@code null} for everyone
     * @return the domain design's degrees of freedom
     */
    public double degreesOfFreedom(boolean[] domain) {
        boolean[] in = in(domain, null);
        boolean[] psus = new boolean[firstStageClusterStratum.length];
        boolean[] st = new boolean[firstStageStrataNames.length];
        int df = 0;
        for (int i = 0; i < n; i++) {
            if (in[i]) {
                df += psus[cluster[0][i]] ? 0 : 1;
                psus[cluster[0][i]] = true;
                df -= st[strata[0][i]] ? 0 : 1;
                st[strata[0][i]] = true;
            }
        }
        return df;
    }

    /**
     * The weighted mean {@code ȳ = Σ w y / Σ w} over the domain, R's {@code svymean(~y, subset(design,
     * domain), na.rm = TRUE, deff = TRUE)}: influence {@code z_i = w_i (y_i − ȳ) / Σ w}; design effect
     * {@code V / V_srs} with {@code V_srs = s² (W − m)/(W m)}, {@code s² = Σ w (y − ȳ)²/W · m/(m − 1)}
     * (svyvar), {@code m} respondents in the domain, {@code W} their weights ({@code NaN} when {@code W < m}:
     * survey's deff compares with simple random sampling without replacement of {@code m} from {@code W}).
     * {@code NaN} values of {@code y} are left out as {@code na.rm = TRUE}.
     *
     * @param y the variable, one value per respondent
     * @param domain who is in the domain, or {@code null} for everyone
     * @param level the confidence level of the interval
     * @return the estimate; all {@code NaN} when the domain is empty
     */
    @Override
    public DesignEstimate mean(double[] y, boolean[] domain, double level) {
        checkLength(y, "y");
        boolean[] in = in(domain, y);
        int m = count(in);
        if (m == 0) {
            return empty(level, domain);
        }
        int[] rows = indices(in);
        double psum = sum(rows, i -> 1 / prob[i]);
        double average = sum(rows, i -> y[i] * (1 / prob[i]) / psum);
        double[] centred = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            if (in[i]) {
                centred[i] = y[i] - average;
                z[i] = centred[i] * (1 / prob[i]) / psum;
            }
        }
        double v = variance(z, rows);
        double deff = Double.NaN;
        if (psum >= m) {
            double vsrs = srsVariance(centred, rows, m) * (psum - m) / (psum * m);
            deff = v / vsrs;
        }
        return estimate(average, Math.sqrt(v), level, domain, deff);
    }

    /**
     * The weighted total {@code Σ w y} over the domain, R's {@code svytotal(~y, subset(design, domain),
     * na.rm = TRUE, deff = TRUE)}: influence {@code z_i = w_i y_i}; design effect {@code V / V_srs} with
     * {@code V_srs = s² W² (W − m)/(W m)} ({@code s²} as in {@link #mean}).
     *
     * @param y the variable
     * @param domain who is in the domain, or {@code null} for everyone
     * @param level the confidence level
     * @return the estimate (0 with zero variance when the domain is empty)
     */
    @Override
    public DesignEstimate total(double[] y, boolean[] domain, double level) {
        checkLength(y, "y");
        boolean[] in = in(domain, y);
        int m = count(in);
        if (m == 0) {
            return empty(level, domain);
        }
        int[] rows = indices(in);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            if (in[i]) {
                z[i] = y[i] / prob[i];
            }
        }
        double total = sum(rows, i -> z[i]);
        double v = variance(z, rows);
        double psum = sum(rows, i -> 1 / prob[i]);
        double vsrs = srsVariance(y, rows, m) * psum * psum * (psum - m) / (psum * m);
        return estimate(total, Math.sqrt(v), level, domain, v / vsrs);
    }

    /**
     * The ratio of totals {@code R = Σ w y / Σ w x} over the domain, R's {@code svyratio(~y, ~x,
     * subset(design, domain), na.rm = TRUE)}: influence {@code z_i = w_i (y_i − R x_i) / Σ w x}. Respondents
     * with {@code NaN} in either variable are left out. No design effect ({@code NaN}).
     *
     * @param y the numerator variable
     * @param x the denominator variable
     * @param domain who is in the domain, or {@code null} for everyone
     * @param level the confidence level
     * @return the estimate
     */
    @Override
    public DesignEstimate ratio(double[] y, double[] x, boolean[] domain, double level) {
        checkLength(y, "y");
        checkLength(x, "x");
        boolean[] in = in(domain, y);
        for (int i = 0; i < n; i++) {
            in[i] &= !Double.isNaN(x[i]);
        }
        if (count(in) == 0) {
            return empty(level, domain);
        }
        int[] rows = indices(in);
        double ty = sum(rows, i -> y[i] / prob[i]);
        double tx = sum(rows, i -> x[i] / prob[i]);
        double r = ty / tx;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            if (in[i]) {
                z[i] = (y[i] - r * x[i]) / tx * (1 / prob[i]);
            }
        }
        return estimate(r, Math.sqrt(variance(z, rows)), level, domain, Double.NaN);
    }

    /**
     * A proportion with R's {@code svyciprop(~I(y == 1), subset(design, domain), method, level, df)}: the
     * estimate and standard error of {@link #mean}, the interval of {@code method} (see
     * {@link ProportionMethod}) with the quantile of this design's {@link IntervalDf}. The interval is
     * undefined ({@code NaN}) at {@code p} of 0 or 1 for the logit methods.
     *
     * @param y the indicator, 1 or 0 per respondent ({@code NaN}: missing)
     * @param domain who is in the domain, or {@code null} for everyone
     * @param method how the interval is set
     * @param level the confidence level
     * @return the estimate, with the design effect of the mean
     * @throws PluralstatsException if a value of {@code y} is neither 0, 1 nor {@code NaN}
     */
    public DesignEstimate proportion(double[] y, boolean[] domain, ProportionMethod method, double level) {
        checkLength(y, "y");
        for (int i = 0; i < n; i++) {
            if (!(y[i] == 0 || y[i] == 1 || Double.isNaN(y[i]))) {
                throw new PluralstatsException("a proportion needs 0/1 values, respondent " + (i + 1) + " has "
                        + y[i]);
            }
        }
        DesignEstimate m = mean(y, domain, level);
        double p = m.estimate();
        double se = m.se();
        double[] ci = method.interval(p, se, quantile(level, m.df()));
        return new DesignEstimate(p, se, ci[0], ci[1], level, m.df(), m.deff());
    }

    /**
     * A quantile with R survey 4.x's {@code svyquantile(~y, subset(design, domain), p, qrule,
     * interval.type = "mean", na.rm = TRUE)}: the estimate {@code q̂} by the {@link QuantileRule} over the
     * domain's weights; Woodruff's interval: {@code F̂ = svymean(y ≤ q̂)} and its standard error {@code s},
     * the limits are the rule's quantiles at {@code F̂ ± t · s} ({@code NaN} when below 0 or above 1), and the
     * standard error is their distance over {@code 2t}, {@code t} the interval's quantile. No design effect.
     *
     * @param y the variable
     * @param p the probability, in [0, 1]
     * @param domain who is in the domain, or {@code null} for everyone
     * @param rule the quantile rule
     * @param level the confidence level
     * @return the estimate
     */
    public DesignEstimate quantile(double[] y, double p, boolean[] domain, QuantileRule rule, double level) {
        checkLength(y, "y");
        if (!(p >= 0 && p <= 1)) {
            throw new PluralstatsException("a quantile's probability must lie in [0, 1], got " + p);
        }
        boolean[] in = in(domain, y);
        int m = count(in);
        if (m == 0) {
            return empty(level, domain);
        }
        double[] xs = new double[m];
        double[] ws = new double[m];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (in[i]) {
                xs[k] = y[i];
                ws[k] = 1 / prob[i];
                k++;
            }
        }
        // R accumulates cumsum() and sum() in long double: a compensated running sum rounds to the same
        // doubles, so that pW meets a cumulative weight exactly where R's does (equal weights, p = 1/2)
        double[][] sorted = QuantileRule.sortedWithCumulativeWeights(xs, ws);
        double[] sx = sorted[0];
        double[] cumw = sorted[1];
        double qhat = rule.quantile(sx, cumw, p);
        double[] below = new double[n];
        for (int i = 0; i < n; i++) {
            below[i] = in[i] && y[i] <= qhat ? 1 : 0;
        }
        DesignEstimate f = mean(below, in, level);
        double t = quantile(level, f.df());
        double pl = f.estimate() - t * f.se();
        double pu = f.estimate() + t * f.se();
        double lo = Double.isNaN(pl) || pl < 0 ? Double.NaN : rule.quantile(sx, cumw, pl);
        double hi = Double.isNaN(pu) || pu > 1 ? Double.NaN : rule.quantile(sx, cumw, pu);
        return new DesignEstimate(qhat, (hi - lo) / (2 * t), lo, hi, level, f.df(), Double.NaN);
    }

    /**
     * Several means or totals per group, as domains of this design ({@code svyby(~y, ~g, design, svymean,
     * deff = TRUE, na.rm = TRUE)}) or as a separate design per group ({@link #restrictedTo} the group's
     * respondents with a value). Groups in ascending order of their names ({@code svyby}'s order for these
     * names); respondents whose group is {@code null} are in no group.
     *
     * @param variable the variable's name, for the table
     * @param y the variable
     * @param groups each respondent's group
     * @param statistic the mean or the total
     * @param method domains or separate designs
     * @param level the confidence level
     * @return one row per group
     */
    public DesignEstimates by(String variable, double[] y, String[] groups, DesignEstimates.Statistic statistic,
                              DomainMethod method, double level) {
        checkLength(y, "y");
        checkLength(groups, "groups");
        TreeSet<String> names = new TreeSet<>();
        for (String g : groups) {
            if (g != null) {
                names.add(g);
            }
        }
        List<DesignEstimates.Row> rows = new ArrayList<>();
        for (String g : names) {
            boolean[] domain = new boolean[n];
            for (int i = 0; i < n; i++) {
                domain[i] = g.equals(groups[i]);
            }
            DesignEstimate e;
            int m;
            if (method == DomainMethod.DOMAIN) {
                e = statistic == DesignEstimates.Statistic.MEAN ? mean(y, domain, level) : total(y, domain, level);
                m = count(in(domain, y));
            } else {
                boolean[] rowsKept = in(domain, y);
                m = count(rowsKept);
                double[] ys = new double[m];
                for (int i = 0, k = 0; i < n; i++) {
                    if (rowsKept[i]) {
                        ys[k++] = y[i];
                    }
                }
                try {
                    TaylorDesign separate = restrictedTo(rowsKept);
                    e = statistic == DesignEstimates.Statistic.MEAN ? separate.mean(ys, null, level)
                            : separate.total(ys, null, level);
                } catch (PluralstatsException ex) {
                    throw new PluralstatsException("group " + g + ": " + ex.getMessage(), ex);
                }
            }
            rows.add(new DesignEstimates.Row(variable, g, m, e));
        }
        return DesignEstimates.of(statistic, method, level, intervalDf, summaryLine(), rows);
    }

    /**
     * Several means on one design with their covariance matrix: R's {@code svymean(~y1 + … + yk,
     * subset(design, domain), na.rm = TRUE)} with {@code vcov(·)}. Each mean {@code ȳ_a = Σ w y_a / Σ w} has
     * influence {@code z_ia = w_i (y_ia − ȳ_a) / Σ w}; the covariance of means {@code a} and {@code b} is
     * {@code svyrecvar}'s bilinear form of their influences. Because that variance is a quadratic form
     * {@code V(z)} in the influences (centring and scaling within strata are linear), the covariance follows
     * by polarisation: {@code C(a, b) = (V(u_a + u_b) − V(u_a − u_b)) / 4 · s_a s_b}, with {@code u = z / s},
     * {@code s = √V(z)} (the scaling keeps the two variances of one size). A respondent with {@code NaN} in
     * any variable is left out of all of them ({@code na.rm = TRUE} on the model frame).
     *
     * @param names a name per variable
     * @param ys the variables, {@code ys[a][i]} the value of variable {@code a} for respondent {@code i}
     * @param domain who is in the domain, or {@code null} for everyone
     * @return the means and their covariance ({@code NaN} when no respondent is left)
     */
    public JointEstimates means(List<String> names, double[][] ys, boolean[] domain) {
        return joint("mean", names, ys, domain);
    }

    /**
     * Several totals on one design with their covariance matrix: R's {@code svytotal(~y1 + … + yk,
     * subset(design, domain), na.rm = TRUE)} with {@code vcov(·)}: influences {@code z_ia = w_i y_ia}, the
     * covariance as in {@link #means}.
     *
     * @param names a name per variable
     * @param ys the variables
     * @param domain who is in the domain, or {@code null} for everyone
     * @return the totals and their covariance
     */
    public JointEstimates totals(List<String> names, double[][] ys, boolean[] domain) {
        return joint("total", names, ys, domain);
    }

    private JointEstimates joint(String statistic, List<String> names, double[][] ys, boolean[] domain) {
        int k = ys.length;
        if (names.size() != k) {
            throw new PluralstatsException(names.size() + " names for " + k + " variables");
        }
        boolean[] in = in(domain, null);
        for (double[] y : ys) {
            checkLength(y, "a variable");
            for (int i = 0; i < n; i++) {
                in[i] &= !Double.isNaN(y[i]);
            }
        }
        int[] rows = indices(in);
        double[] est = new double[k];
        double[][] z = new double[k][n];
        double psum = sum(rows, i -> 1 / prob[i]);
        for (int a = 0; a < k; a++) {
            double[] y = ys[a];
            if (statistic.equals("mean")) {
                double average = sum(rows, i -> y[i] * (1 / prob[i]) / psum);
                est[a] = average;
                for (int i : rows) {
                    z[a][i] = (y[i] - average) * (1 / prob[i]) / psum;
                }
            } else {
                est[a] = sum(rows, i -> y[i] / prob[i]);
                for (int i : rows) {
                    z[a][i] = y[i] / prob[i];
                }
            }
        }
        double[][] cov = rows.length == 0 ? nanMatrix(k) : covariance(z, rows);
        if (rows.length == 0) {
            Arrays.fill(est, Double.NaN);
        }
        return new JointEstimates(statistic, names, est, cov);
    }

    /**
     * The difference of a variable's mean between two domains of this design, R's {@code svyby(~y, ~g,
     * design, svymean, covmat = TRUE)} then {@code svycontrast(by, c(first = 1, second = −1))}: the domain
     * means {@code ȳ_1}, {@code ȳ_2} with influences {@code z_i = w_i (y_i − ȳ_d) / W_d} inside domain
     * {@code d} (zero outside), the covariance {@code c} of the two means as in {@link #means} (not zero
     * when the domains share PSUs), {@code se = √(v₁ + v₂ − 2c)}, {@code t = (ȳ_1 − ȳ_2) / se}, the
     * two-sided p-value and the interval {@code ȳ_1 − ȳ_2 ± q · se} on the degrees of freedom of this
     * design's {@link IntervalDf} (default {@code degf(design)}; {@code DOMAIN}: of the union of the two
     * domains). For a proportion, give {@code y} as 0/1 ({@code svyby(~I(y == k), …)}). Respondents with
     * {@code NaN} in {@code y} or a {@code null} group are in neither domain.
     *
     * @param variable the variable's name, for the table
     * @param y the variable
     * @param groups each respondent's group
     * @param first the first domain's group name
     * @param second the second domain's group name
     * @param level the confidence level
     * @return the difference, first minus second
     * @throws PluralstatsException if a domain has no respondent with a value, or the two names are equal
     */
    public DomainDifference difference(String variable, double[] y, String[] groups, String first, String second,
                                       double level) {
        checkLength(y, "y");
        checkLength(groups, "groups");
        ConfidenceInterval.checkLevel(level);
        if (first.equals(second)) {
            throw new PluralstatsException("a difference needs two different domains, got " + first + " twice");
        }
        String[] names = {first, second};
        boolean[][] domains = new boolean[2][n];
        boolean[] union = new boolean[n];
        double[] means = new double[2];
        double[][] z = new double[2][n];
        boolean[] present = in(null, y);
        for (int d = 0; d < 2; d++) {
            for (int i = 0; i < n; i++) {
                domains[d][i] = present[i] && names[d].equals(groups[i]);
                union[i] |= domains[d][i];
            }
            int[] rows = indices(domains[d]);
            if (rows.length == 0) {
                throw new PluralstatsException("domain " + names[d] + " has no respondent with a value of "
                        + variable);
            }
            double psum = sum(rows, i -> 1 / prob[i]);
            means[d] = sum(rows, i -> y[i] * (1 / prob[i]) / psum);
            for (int i : rows) {
                z[d][i] = (y[i] - means[d]) * (1 / prob[i]) / psum;
            }
        }
        double[][] cov = covariance(z, indices(union));
        double diff = means[0] - means[1];
        double se = Math.sqrt(cov[0][0] + cov[1][1] - 2 * cov[0][1]);
        double df = intervalDf == IntervalDf.DOMAIN ? degreesOfFreedom(union) : dfFor(null);
        double q = quantile(level, df);
        double t = diff / se;
        double p = df == Double.POSITIVE_INFINITY ? 2 * Distributions.normalUpperTail(Math.abs(t))
                : Distributions.tTwoSided(t, df);
        DesignEstimate[] e = new DesignEstimate[2];
        for (int d = 0; d < 2; d++) {
            double s = Math.sqrt(cov[d][d]);
            e[d] = new DesignEstimate(means[d], s, means[d] - q * s, means[d] + q * s, level, df, Double.NaN);
        }
        return new DomainDifference(variable, first, second, e[0], e[1], cov[0][1], diff, se, t, df, p,
                diff - q * se, diff + q * se, level);
    }

    /**
     * svyrecvar's bilinear form of several influence vectors by polarisation of its quadratic form (see
     * {@link #means}).
     */
    private double[][] covariance(double[][] z, int[] rows) {
        int k = z.length;
        double[][] v = new double[k][k];
        double[] s = new double[k];
        for (int a = 0; a < k; a++) {
            v[a][a] = variance(z[a], rows);
            s[a] = v[a][a] > 0 ? Math.sqrt(v[a][a]) : 1;
        }
        double[] plus = new double[n];
        double[] minus = new double[n];
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                for (int i : rows) {
                    plus[i] = z[a][i] / s[a] + z[b][i] / s[b];
                    minus[i] = z[a][i] / s[a] - z[b][i] / s[b];
                }
                double c = (variance(plus, rows) - variance(minus, rows)) / 4 * s[a] * s[b];
                v[a][b] = c;
                v[b][a] = c;
            }
        }
        return v;
    }

    private static double[][] nanMatrix(int k) {
        double[][] m = new double[k][k];
        for (double[] r : m) {
            Arrays.fill(r, Double.NaN);
        }
        return m;
    }

    // --- variance (svyrecvar) ----------------------------------------------------------------------------

    /**
     * svyrecvar(z, cluster, strata, fpc, postStrata) over the rows in {@code in}; {@code z} is zero outside
     * them. A calibrated design first replaces {@code z} by its residuals over every respondent (outside the
     * rows too: R's subset of a calibrated design keeps all rows with zero weight) and sums over all of them.
     */
    private double variance(double[] z, int[] rows) {
        if (calibrations.isEmpty()) {
            return multistage(z, rows, 0);
        }
        double[] r = z.clone();
        for (Calibration c : calibrations) {
            c.residualise(r);
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return multistage(r, all, 0);
    }

    private double multistage(double[] z, int[] rows, int stage) {
        double v = stage == 0 ? firstStage(z, rows) : onestage(z, rows, stage);
        if (popsize != null && stage + 1 < stages) {
            for (int[] sub : groupBy(rows, cluster[stage]).values()) {
                int first = sub[0];
                v += multistage(z, sub, stage + 1) * sampsize[stage][first] / popsize[stage][first];
            }
        }
        return v;
    }

    /**
     * {@link #onestage} at the first stage in one pass over the rows, without grouping: first-stage
     * clusters lie in one stratum each (the builder checks it, or nests them), and a stratum's PSU count
     * and fpc are constant. Σ_j (t_j − t̄)² over the n_h PSUs with the absent ones as zeros is
     * Σ_present (t_j − t̄)² + (n_h − present) t̄².
     */
    private double firstStage(double[] z, int[] rows) {
        if (rows.length == 0) {
            return 0;
        }
        double[] t = new double[firstStageClusterStratum.length];
        boolean[] seen = new boolean[t.length];
        for (int i : rows) {
            t[cluster[0][i]] += z[i];
            seen[cluster[0][i]] = true;
        }
        int strataCount = firstStageStrataNames.length;
        int[] present = new int[strataCount];
        double[] sum = new double[strataCount];
        int[] firstRow = new int[strataCount];
        java.util.Arrays.fill(firstRow, -1);
        for (int i : rows) {
            int h = strata[0][i];
            if (firstRow[h] < 0) {
                firstRow[h] = i;
            }
        }
        for (int c = 0; c < t.length; c++) {
            if (seen[c]) {
                present[firstStageClusterStratum[c]]++;
                sum[firstStageClusterStratum[c]] += t[c];
            }
        }
        double[] centre = new double[strataCount];
        double[] squares = new double[strataCount];
        for (int h = 0; h < strataCount; h++) {
            if (firstRow[h] >= 0) {
                double nPsu = sampsize[0][firstRow[h]];
                boolean centred = lonely != LonelyPsu.ADJUST || present[h] > 1 || nPsu > 1;
                centre[h] = centred ? sum[h] / Math.max(present[h], nPsu) : 0;
                squares[h] = (Math.max(present[h], nPsu) - present[h]) * centre[h] * centre[h];
            }
        }
        for (int c = 0; c < t.length; c++) {
            if (seen[c]) {
                int h = firstStageClusterStratum[c];
                squares[h] += (t[c] - centre[h]) * (t[c] - centre[h]);
            }
        }
        double total = 0;
        int visited = 0;
        int ok = 0;
        for (int h = 0; h < strataCount; h++) {
            if (firstRow[h] < 0) {
                continue;
            }
            visited++;
            int i = firstRow[h];
            double nPsu = sampsize[0][i];
            double f = 1;
            if (popsize != null) {
                double fpc = popsize[0][i];
                f = fpc == Double.POSITIVE_INFINITY ? 1 : (fpc - nPsu) / fpc;
            }
            if (f < SELF_REPRESENTING) {
                ok++;
                continue;
            }
            double scale = nPsu > 1 ? f * nPsu / (nPsu - 1) : f;
            if (nPsu <= 1) {
                switch (lonely) {
                    case AVERAGE -> {
                        continue;
                    }
                    case FAIL -> throw new PluralstatsException("stratum " + stratumName(0, i)
                            + " has only one PSU at stage 1 (lonely PSU rule fail; choose another with "
                            + "with(LonelyPsu))");
                    default -> {
                    }
                }
            }
            total += scale * squares[h];
            ok++;
        }
        return total * visited / ok;
    }

    private double onestage(double[] z, int[] rows, int stage) {
        if (rows.length == 0) {
            return 0;
        }
        Map<Integer, int[]> byStratum = groupBy(rows, strata[stage]);
        double sum = 0;
        int ok = 0;
        for (int[] stratumRows : byStratum.values()) {
            double s = onestrat(z, stratumRows, stage);
            if (!Double.isNaN(s)) {
                sum += s;
                ok++;
            }
        }
        return sum * byStratum.size() / ok;
    }

    private double onestrat(double[] z, int[] rows, int stage) {
        int first = rows[0];
        double nPsu = sampsize[stage][first];
        double f = 1;
        if (popsize != null) {
            double fpc = popsize[stage][first];
            f = fpc == Double.POSITIVE_INFINITY ? 1 : (fpc - nPsu) / fpc;
        }
        double scale = nPsu > 1 ? f * nPsu / (nPsu - 1) : f;
        if (f < SELF_REPRESENTING) {
            return 0;
        }
        Map<Integer, int[]> byPsu = groupBy(rows, cluster[stage]);
        int nSubset = byPsu.size();
        double[] totals = new double[Math.max(nSubset, (int) nPsu)];
        int k = 0;
        for (int[] psuRows : byPsu.values()) {
            double t = 0;
            for (int i : psuRows) {
                t += z[i];
            }
            totals[k++] = t;
        }
        if (lonely != LonelyPsu.ADJUST || nSubset > 1 || nPsu > 1) {
            double mean = 0;
            for (double t : totals) {
                mean += t;
            }
            mean /= totals.length;
            for (int j = 0; j < totals.length; j++) {
                totals[j] -= mean;
            }
        }
        double ss = 0;
        for (double t : totals) {
            ss += t * Math.sqrt(scale) * (t * Math.sqrt(scale));
        }
        if (nPsu > 1) {
            return ss;
        }
        return switch (lonely) {
            case CERTAINTY, REMOVE, ADJUST -> ss;
            case AVERAGE -> Double.NaN;
            case FAIL -> throw new PluralstatsException("stratum " + stratumName(stage, first)
                    + " has only one PSU at stage " + (stage + 1)
                    + " (lonely PSU rule fail; choose another with with(LonelyPsu))");
        };
    }

    private String stratumName(int stage, int row) {
        if (stage == 0) {
            return firstStageStrataNames[strata[0][row]];
        }
        String within = inputs.clusters()[stage - 1][row];
        int s = Math.min(stage, inputs.strata() == null ? 0 : inputs.strata().length - 1);
        return (inputs.strata() == null ? "" : inputs.strata()[s][row] + " ") + "within stage-" + stage + " cluster "
                + within;
    }

    /** Rows grouped by a code, groups in ascending order of the code, rows in file order. */
    private static Map<Integer, int[]> groupBy(int[] rows, int[] code) {
        Map<Integer, List<Integer>> groups = new java.util.TreeMap<>();
        for (int i : rows) {
            groups.computeIfAbsent(code[i], c -> new ArrayList<>()).add(i);
        }
        Map<Integer, int[]> out = new LinkedHashMap<>();
        groups.forEach((c, l) -> out.put(c, l.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /** svyvar of y over the rows: Σ w (y − ȳ)² / W · m / (m − 1). */
    private double srsVariance(double[] y, int[] rows, int m) {
        double psum = sum(rows, i -> 1 / prob[i]);
        double ybar = sum(rows, i -> y[i] * (1 / prob[i]) / psum);
        return sum(rows, i -> (y[i] - ybar) * (y[i] - ybar) * m / (m - 1) * (1 / prob[i]) / psum);
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private DesignEstimate estimate(double value, double se, double level, boolean[] domain, double deff) {
        double df = dfFor(domain);
        double q = quantile(level, df);
        return new DesignEstimate(value, se, value - q * se, value + q * se, level, df, deff);
    }

    private DesignEstimate empty(double level, boolean[] domain) {
        return new DesignEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, level, dfFor(domain), Double.NaN);
    }

    private double dfFor(boolean[] domain) {
        return switch (intervalDf) {
            case NORMAL -> Double.POSITIVE_INFINITY;
            case DESIGN -> degreesOfFreedom();
            case DOMAIN -> degreesOfFreedom(domain);
        };
    }

    private static double quantile(double level, double df) {
        ConfidenceInterval.checkLevel(level);
        double p = 1 - (1 - level) / 2;
        if (df == Double.POSITIVE_INFINITY) {
            return Distributions.normalQuantile(p);
        }
        return df > 0 ? Distributions.tQuantile(p, df) : Double.NaN;
    }

    private boolean isPresent(int i) {
        return present == null || present[i];
    }

    /** The rows in the design, in the domain and with a value of y (when given). */
    private boolean[] in(boolean[] domain, double[] y) {
        if (domain != null) {
            checkLength(domain, "domain");
        }
        boolean[] in = new boolean[n];
        for (int i = 0; i < n; i++) {
            in[i] = isPresent(i) && (domain == null || domain[i]) && (y == null || !Double.isNaN(y[i]));
        }
        return in;
    }

    private static int count(boolean[] in) {
        int c = 0;
        for (boolean b : in) {
            c += b ? 1 : 0;
        }
        return c;
    }

    private static int[] indices(boolean[] in) {
        int[] rows = new int[count(in)];
        for (int i = 0, k = 0; i < in.length; i++) {
            if (in[i]) {
                rows[k++] = i;
            }
        }
        return rows;
    }

    /** Neumaier-compensated sum of f(i) over the rows in the design. */
    private static double sum(int[] rows, java.util.function.IntToDoubleFunction f) {
        double s = 0;
        double c = 0;
        for (int i : rows) {
            double x = f.applyAsDouble(i);
            double t = s + x;
            c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
            s = t;
        }
        return s + c;
    }

    private void checkLength(Object array, String what) {
        int length = java.lang.reflect.Array.getLength(Objects.requireNonNull(array, what));
        if (length != n) {
            throw new PluralstatsException(what + " has " + length + " values, the design " + n + " respondents");
        }
    }

    private String summaryLine() {
        return (inputs.strata != null ? "stratified " : "") + (stages == 1 && isIndependent() ? "independent sampling"
                : stages + "-stage cluster sampling") + (popsize == null ? " with replacement" : " with fpc")
                + "; lonely PSUs: " + lonely.rName() + (calibrations.isEmpty() ? "" : "; " + describeCalibrations());
    }

    private boolean isIndependent() {
        java.util.Set<Integer> psus = new java.util.HashSet<>();
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (isPresent(i)) {
                psus.add(cluster[0][i]);
                m++;
            }
        }
        return psus.size() == m;
    }

    /**
     * The design as R's {@code print(design)} shows it: {@code [Stratified ]Independent Sampling design[ (with
     * replacement)]} or {@code [Stratified ]k - level Cluster Sampling design[ (with replacement)]} and
     * {@code With (c1, c2) clusters.}, then a line of what pluralstats holds (respondents, strata, fpc,
     * lonely-PSU rule, interval rule, degrees of freedom).
     *
     * @return the description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (inputs.strata != null) {
            sb.append("Stratified ");
        }
        String replacement = popsize == null ? " (with replacement)\n" : "\n";
        if (isIndependent()) {
            sb.append("Independent Sampling design").append(replacement);
        } else {
            sb.append(stages).append(" - level Cluster Sampling design").append(replacement);
            List<String> counts = new ArrayList<>();
            for (int s = 0; s < stages; s++) {
                java.util.Set<Integer> c = new java.util.HashSet<>();
                for (int i = 0; i < n; i++) {
                    if (isPresent(i)) {
                        c.add(cluster[s][i]);
                    }
                }
                counts.add(Integer.toString(c.size()));
            }
            sb.append("With (").append(String.join(", ", counts)).append(") clusters.\n");
        }
        java.util.Set<Integer> st = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            if (isPresent(i)) {
                st.add(strata[0][i]);
            }
        }
        int m = count(in(null, null));
        sb.append(String.format(Locale.ROOT, "TaylorDesign: %d respondents%s, %d first-stage %s, fpc: %s, "
                        + "lonely PSUs: %s, intervals: %s, degf = %.0f", m, m == n ? "" : " of " + n, st.size(),
                st.size() == 1 ? "stratum" : "strata",
                popsize == null ? "none" : inputs.fpcAreFractions ? "sampling fractions" : "population sizes",
                lonely.rName(), intervalDf == IntervalDf.NORMAL ? "normal" : "t (" + intervalDf.name().toLowerCase(
                        Locale.ROOT) + " df)", degreesOfFreedom()));
        if (!calibrations.isEmpty()) {
            sb.append("\nCalibrated: ").append(describeCalibrations());
        }
        return sb.toString();
    }

    // --- building ----------------------------------------------------------------------------------------

    /** The builder's inputs, kept so that a design can be rebuilt on some rows ({@link #restrictedTo}). */
    private record Inputs(int n, double[] weights, double[] probabilities, String[][] clusters, String[][] strata,
                          double[][] fpc, boolean fpcAreFractions, boolean nest) {
        Inputs restrict(boolean[] rows) {
            int m = count(rows);
            if (m == 0) {
                throw new PluralstatsException("a design needs at least one respondent, none is kept");
            }
            return new Inputs(m, pick(weights, rows, m), pick(probabilities, rows, m), pick(clusters, rows, m),
                    pick(strata, rows, m), pick(fpc, rows, m), fpcAreFractions, nest);
        }

        private static double[] pick(double[] a, boolean[] rows, int m) {
            if (a == null) {
                return null;
            }
            double[] out = new double[m];
            for (int i = 0, k = 0; i < a.length; i++) {
                if (rows[i]) {
                    out[k++] = a[i];
                }
            }
            return out;
        }

        private static String[] pick(String[] a, boolean[] rows, int m) {
            String[] out = new String[m];
            for (int i = 0, k = 0; i < a.length; i++) {
                if (rows[i]) {
                    out[k++] = a[i];
                }
            }
            return out;
        }

        private static double[][] pick(double[][] a, boolean[] rows, int m) {
            if (a == null) {
                return null;
            }
            double[][] out = new double[a.length][];
            for (int s = 0; s < a.length; s++) {
                out[s] = pick(a[s], rows, m);
            }
            return out;
        }

        private static String[][] pick(String[][] a, boolean[] rows, int m) {
            if (a == null) {
                return null;
            }
            String[][] out = new String[a.length][];
            for (int s = 0; s < a.length; s++) {
                out[s] = pick(a[s], rows, m);
            }
            return out;
        }

        Builder toBuilder() {
            Builder b = new Builder(n);
            b.weights = weights;
            b.probabilities = probabilities;
            b.clusters = clusters;
            b.strata = strata;
            b.fpc = fpc;
            b.nest = nest;
            return b;
        }

        TaylorDesign build() {
            return toBuilder().build();
        }
    }

    /**
     * Builds a {@link TaylorDesign} from arrays, one value per respondent, as {@code svydesign}'s arguments.
     * Not thread-safe; arrays are copied at {@link #build()}.
     */
    public static final class Builder {
        private final int n;
        private double[] weights;
        private double[] probabilities;
        private String[][] clusters;
        private String[][] strata;
        private double[][] fpc;
        private boolean nest;
        private LonelyPsu lonely = LonelyPsu.FAIL;
        private IntervalDf intervalDf = IntervalDf.DESIGN;

        private Builder(int n) {
            this.n = n;
        }

        /**
         * @param w the sampling weights ({@code weights = ~w}), finite and positive
         * @return this
         */
        public Builder weights(double[] w) {
            this.weights = w.clone();
            return this;
        }

        /**
         * @param p the sampling probabilities ({@code probs = ~p}), in (0, 1]
         * @return this
         */
        public Builder probabilities(double[] p) {
            this.probabilities = p.clone();
            return this;
        }

        /**
         * @param ids the cluster ids of each stage, first stage first ({@code ids = ~psu + ssu}); none: every
         *     respondent its own PSU ({@code ids = ~1})
         * @return this
         */
        public Builder clusters(String[]... ids) {
            this.clusters = ids.length == 0 ? null : copy(ids);
            return this;
        }

        /**
         * @param ids numeric cluster ids of each stage
         * @return this
         */
        public Builder clusters(long[]... ids) {
            return clusters(texts(ids));
        }

        /**
         * @param s the strata of each stage, first stage first ({@code strata = ~s}); a later stage without its
         *     own strata uses the last one given, within each cluster of the stage before
         * @return this
         */
        public Builder strata(String[]... s) {
            this.strata = s.length == 0 ? null : copy(s);
            return this;
        }

        /**
         * @param s numeric strata of each stage
         * @return this
         */
        public Builder strata(long[]... s) {
            return strata(texts(s));
        }

        /**
         * @param f the finite-population correction of each stage ({@code fpc = ~f1 + f2}): population sizes
         *     (all ≥ 1) or sampling fractions (all ≤ 1), constant within a stratum; one array per stage of
         *     clustering
         * @return this
         */
        public Builder fpc(double[]... f) {
            this.fpc = f.length == 0 ? null : Arrays.stream(f).map(double[]::clone).toArray(double[][]::new);
            return this;
        }

        /**
         * @param nest whether cluster ids are only unique within strata ({@code nest = TRUE})
         * @return this
         */
        public Builder nest(boolean nest) {
            this.nest = nest;
            return this;
        }

        /**
         * @param rule the lonely-PSU rule
         * @return this
         */
        public Builder lonelyPsu(LonelyPsu rule) {
            this.lonely = Objects.requireNonNull(rule, "lonely PSU rule");
            return this;
        }

        /**
         * @param rule which quantile the intervals use
         * @return this
         */
        public Builder intervalDf(IntervalDf rule) {
            this.intervalDf = Objects.requireNonNull(rule, "interval rule");
            return this;
        }

        private static String[][] copy(String[][] a) {
            return Arrays.stream(a).map(String[]::clone).toArray(String[][]::new);
        }

        private static String[][] texts(long[][] a) {
            return Arrays.stream(a).map(s -> Arrays.stream(s).mapToObj(Long::toString).toArray(String[]::new))
                    .toArray(String[][]::new);
        }

        /**
         * Builds the design as {@code svydesign.default} does (see the class comment).
         *
         * @return the design
         * @throws PluralstatsException on arrays of the wrong length, missing ids or strata, bad weights, a
         *     design with one PSU, clusters in more than one stratum without {@code nest}, fpc mixing sizes and
         *     fractions, implying more than 100% sampling, or varying within a stratum
         */
        public TaylorDesign build() {
            if (weights != null && probabilities != null) {
                throw new PluralstatsException("give sampling weights or probabilities, not both");
            }
            String[][] ids = clusters;
            if (ids == null) {
                ids = new String[1][n];
                for (int i = 0; i < n; i++) {
                    ids[0][i] = Integer.toString(i + 1);
                }
            }
            int stages = ids.length;
            for (int s = 0; s < stages; s++) {
                checkTexts(ids[s], "cluster ids of stage " + (s + 1));
            }
            boolean hasStrata = strata != null;
            String[][] st = hasStrata ? strata : new String[][] {filled("1")};
            for (int s = 0; s < st.length; s++) {
                checkTexts(st[s], "strata of stage " + (s + 1));
            }
            int ns = st.length;
            if (ns > stages) {
                throw new PluralstatsException(ns + " stages of strata for " + stages + " stages of clusters");
            }
            // clusters nested in the clusters of the stage before, and with nest in their strata
            int[][] cl = new int[stages][];
            cl[0] = codes(ids[0], null);
            for (int s = 1; s < stages; s++) {
                cl[s] = codes(ids[s], cl[s - 1]);
            }
            if (distinct(cl[0]) == 1 && !(nest && hasStrata)) {
                throw new PluralstatsException("the design has only one primary sampling unit");
            }
            int[][] stCodes = new int[ns][];
            String[] firstNames = names(st[0]);
            stCodes[0] = codes(st[0], null);
            for (int s = 1; s < ns; s++) {
                stCodes[s] = codes(st[s], null);
            }
            if (nest && hasStrata) {
                for (int s = 0; s < stages; s++) {
                    // interaction(strata[, 1:min(s, NS)], ids[, s])
                    int[] key = stCodes[0];
                    for (int t = 1; t <= Math.min(s, ns - 1); t++) {
                        key = pair(key, stCodes[t]);
                    }
                    cl[s] = pair(key, cl[s]);
                }
            }
            if (!nest && hasStrata) {
                Map<Integer, Integer> stratumOf = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    Integer before = stratumOf.putIfAbsent(cl[0][i], stCodes[0][i]);
                    if (before != null && before != stCodes[0][i]) {
                        throw new PluralstatsException("cluster " + ids[0][i] + " is in more than one stratum at "
                                + "the first stage (clusters not nested in strata); set nest(true) if ids repeat "
                                + "across strata");
                    }
                }
            }
            int[][] stageStrata = new int[stages][];
            stageStrata[0] = stCodes[0];
            for (int s = 1; s < stages; s++) {
                stageStrata[s] = pair(stCodes[Math.min(s, ns - 1)], cl[s - 1]);
            }
            double[][] sampsize = new double[stages][n];
            for (int s = 0; s < stages; s++) {
                Map<Integer, java.util.Set<Integer>> psus = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    psus.computeIfAbsent(stageStrata[s][i], k -> new java.util.HashSet<>()).add(cl[s][i]);
                }
                for (int i = 0; i < n; i++) {
                    sampsize[s][i] = psus.get(stageStrata[s][i]).size();
                }
            }
            double[][] popsize = null;
            boolean fractions = false;
            if (fpc != null) {
                if (fpc.length != stages) {
                    throw new PluralstatsException("fpc given for " + fpc.length + " stages, the design has "
                            + stages + " stages of clusters: give one per stage");
                }
                boolean anyAbove = false;
                boolean allAtLeastOne = true;
                for (double[] f : fpc) {
                    checkLength(f, "fpc");
                    for (double v : f) {
                        if (Double.isNaN(v) || !(v > 0)) {
                            throw new PluralstatsException("fpc must be positive, got " + v);
                        }
                        anyAbove |= v > 1;
                        allAtLeastOne &= v >= 1;
                    }
                }
                if (anyAbove != allAtLeastOne) {
                    throw new PluralstatsException("fpc must be all population sizes (>= 1) or all sampling "
                            + "fractions (<= 1)");
                }
                fractions = !anyAbove;
                popsize = new double[stages][n];
                for (int s = 0; s < stages; s++) {
                    Map<Integer, Double> seen = new HashMap<>();
                    for (int i = 0; i < n; i++) {
                        double pop = fractions ? sampsize[s][i] / fpc[s][i] : fpc[s][i];
                        if (pop < sampsize[s][i]) {
                            throw new PluralstatsException("fpc implies more than 100% sampling: respondent "
                                    + (i + 1) + " stage " + (s + 1) + " has population " + pop + " and "
                                    + sampsize[s][i] + " sampled units");
                        }
                        Double before = seen.putIfAbsent(stageStrata[s][i], pop);
                        if (before != null && before.doubleValue() != pop) {
                            throw new PluralstatsException("fpc varies within a stratum at stage " + (s + 1)
                                    + " (respondent " + (i + 1) + ")");
                        }
                        popsize[s][i] = pop;
                    }
                }
            }
            double[] prob = new double[n];
            for (int i = 0; i < n; i++) {
                if (weights != null) {
                    checkLength(weights, "weights");
                    if (!(weights[i] > 0) || !Double.isFinite(weights[i])) {
                        throw new PluralstatsException("weights must be finite and positive: respondent " + (i + 1)
                                + " has " + weights[i]);
                    }
                    prob[i] = 1 / weights[i];
                } else if (probabilities != null) {
                    checkLength(probabilities, "probabilities");
                    if (!(probabilities[i] > 0 && probabilities[i] <= 1)) {
                        throw new PluralstatsException("probabilities must lie in (0, 1]: respondent " + (i + 1)
                                + " has " + probabilities[i]);
                    }
                    prob[i] = probabilities[i];
                } else if (popsize != null) {
                    double p = 1;
                    for (int s = 0; s < stages; s++) {
                        p *= 1 / (popsize[s][i] / sampsize[s][i]);
                    }
                    prob[i] = p;
                } else {
                    prob[i] = 1;
                }
            }
            Inputs in = new Inputs(n, weights, probabilities, ids, strata, fpc, fractions, nest);
            return new TaylorDesign(in, n, prob, cl, stageStrata, firstNames, sampsize, popsize, null, lonely,
                    intervalDf, List.of());
        }

        private String[] filled(String v) {
            String[] a = new String[n];
            Arrays.fill(a, v);
            return a;
        }

        private void checkTexts(String[] a, String what) {
            checkLength(a, what);
            for (int i = 0; i < n; i++) {
                if (a[i] == null) {
                    throw new PluralstatsException("missing value in the " + what + ": respondent " + (i + 1));
                }
            }
        }

        private void checkLength(Object a, String what) {
            int length = java.lang.reflect.Array.getLength(a);
            if (length != n) {
                throw new PluralstatsException(what + " has " + length + " values for " + n + " respondents");
            }
        }

        /** Codes 0.. of the distinct (within, value) pairs in first-appearance order. */
        private static int[] codes(String[] values, int[] within) {
            Map<String, Integer> code = new HashMap<>();
            int[] out = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                String key = within == null ? values[i] : within[i] + "\u0000" + values[i];
                out[i] = code.computeIfAbsent(key, k -> code.size());
            }
            return out;
        }

        private static int[] pair(int[] a, int[] b) {
            Map<Long, Integer> code = new HashMap<>();
            int[] out = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = code.computeIfAbsent(((long) a[i] << 32) | (b[i] & 0xffffffffL), k -> code.size());
            }
            return out;
        }

        /** The stratum names by code (codes as {@link #codes} gives them without {@code within}). */
        private static String[] names(String[] values) {
            Map<String, Integer> code = new LinkedHashMap<>();
            for (String v : values) {
                code.putIfAbsent(v, code.size());
            }
            return code.keySet().toArray(String[]::new);
        }

        private static int distinct(int[] codes) {
            return (int) Arrays.stream(codes).distinct().count();
        }
    }
}
