package org.pluralstats.design.replicate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.pluralstats.PluralstatsException;
import org.pluralstats.stats.CompensatedSum;
import org.pluralstats.design.DesignEstimate;
import org.pluralstats.design.ProportionMethod;
import org.pluralstats.design.QuantileRule;
import org.pluralstats.design.SurveyDesign;
import org.pluralstats.stats.Distributions;

/**
 * A replicate-weight survey design, as R survey's {@code svrepdesign(repweights, weights, type, …)}: the
 * full-sample weights {@code w_i} of {@code n} respondents and {@code R} replicate weights {@code a_ri}, stored
 * by replicate ({@code double[R][n]}). Immutable; made by the static factories per {@link ReplicateType} (which
 * set {@code scale} and {@code rscales} as {@code svrepdesign} does), changed by {@code with…} copies, or by
 * {@link ClusterSample} from a cluster sample ({@code as.svrepdesign}).
 *
 * <p>Every estimate {@code θ} (mean, total, ratio, over the whole sample or a domain) is computed once with the
 * full-sample weights and once per replicate {@code r} with the replicate's analysis weights — {@code a_ri}
 * itself when the replicate weights are {@linkplain #withCombinedWeights combined} (R's {@code combined.weights =
 * TRUE}, the default of {@code svrepdesign} and of the factories here), {@code a_ri · w_i} when they are multipliers
 * ({@code FALSE}, what {@code as.svrepdesign} and {@link ClusterSample} make) — and its variance is R's {@code svrVar}:
 *
 * <pre>  v(θ) = scale · Σ_r rscales_r (θ_r − c)²</pre>
 *
 * <p>with {@code c} the mean of the replicates {@code θ_r} that have {@code rscales_r > 0}, or the full-sample
 * {@code θ} when {@linkplain #withMse mse} is set (R's {@code mse = TRUE}). A replicate whose estimate is
 * undefined (a domain with no weight in it) is dropped with its {@code rscales}, as {@code svrVar} drops
 * {@code NA} replicates. Intervals are {@code θ ± t_{(1+level)/2, df} · √v} with {@code df} =
 * {@link #degreesOfFreedom()} ({@code confint(…, df = degf(design))}).
 *
 * <p>A domain is estimated on the whole design, as R's {@code subset(design, domain)} and {@code svyby}: the
 * respondents outside it keep their replicate weights but contribute nothing.
 *
 * <p>Proportions ({@link #proportion}, R's {@code svyciprop}) and quantiles ({@link #quantile}, R's
 * {@code svyquantile} with Woodruff's interval) build on the replicate means; their intervals use the domain's
 * own {@link #subsetDegreesOfFreedom degrees of freedom}, as R computes them on {@code subset(design, domain)}.
 */
public final class ReplicateDesign implements SurveyDesign {
    /** The tolerance of {@code qr} in R survey's {@code degf.svyrep.design}. */
    static final double DEGF_TOLERANCE = 1e-5;

    private final ReplicateType type;
    private final double[] weights;
    private final double[][] replicates;
    private final boolean combined;
    private final double scale;
    private final double[] rscales;
    private final double rho;
    private final boolean mse;
    private final String origin;
    private volatile double degf = Double.NaN;

    private ReplicateDesign(ReplicateType type, double[] weights, double[][] replicates, boolean combined, double scale,
                            double[] rscales, double rho, boolean mse, String origin) {
        this.type = type;
        this.weights = weights;
        this.replicates = replicates;
        this.combined = combined;
        this.scale = scale;
        this.rscales = rscales;
        this.rho = rho;
        this.mse = mse;
        this.origin = origin;
    }

    private ReplicateDesign(ReplicateDesign d, boolean combined, double scale, double[] rscales, boolean mse) {
        this(d.type, d.weights, d.replicates, combined, scale, rscales, mse, d.origin, d);
    }

    private ReplicateDesign(ReplicateType type, double[] weights, double[][] replicates, boolean combined, double scale,
                            double[] rscales, boolean mse, String origin, ReplicateDesign from) {
        this(type, weights, replicates, combined, scale, rscales, from.rho, mse, origin);
        if (combined == from.combined) {
            this.degf = from.degf;
        }
    }

    /** Validates and copies; the factories' common entry. */
    static ReplicateDesign create(ReplicateType type, double[] weights, double[][] replicates, double scale,
                                  double[] rscales, double rho, String origin) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(replicates, "replicates");
        int n = weights.length;
        if (n == 0) {
            throw new PluralstatsException("a replicate design needs at least one respondent; the weights are empty");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(weights[i]) || weights[i] < 0) {
                throw new PluralstatsException("weight of respondent " + (i + 1) + " is " + weights[i]
                        + "; expected a finite number >= 0");
            }
        }
        if (replicates.length == 0) {
            throw new PluralstatsException("a replicate design needs at least one replicate; none were given");
        }
        double[][] copy = new double[replicates.length][];
        for (int r = 0; r < replicates.length; r++) {
            Objects.requireNonNull(replicates[r], "replicate " + (r + 1));
            if (replicates[r].length != n) {
                throw new PluralstatsException("replicate " + (r + 1) + " has " + replicates[r].length
                        + " weights; expected one per respondent (" + n + ")");
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(replicates[r][i])) {
                    throw new PluralstatsException("replicate " + (r + 1) + ", respondent " + (i + 1) + ": weight "
                            + replicates[r][i] + "; expected a finite number");
                }
            }
            copy[r] = replicates[r].clone();
        }
        return new ReplicateDesign(type, weights.clone(), copy, true, checkScale(scale),
                checkRscales(rscales, copy.length), rho, false, origin);
    }

    /**
     * Balanced repeated replication ({@code svrepdesign(type = "BRR")}): {@code scale = 1/R}, {@code rscales = 1}.
     * BRR replicate weights are usually 2 for the half-sample kept and 0 for the other.
     *
     * @param weights the full-sample weights, one per respondent
     * @param replicates the replicate weights, {@code replicates[r][i]} for replicate {@code r} and respondent {@code i}
     * @return the design (replicate weights combined with the sampling weights; see {@link #withCombinedWeights})
     */
    public static ReplicateDesign brr(double[] weights, double[][] replicates) {
        int r = replicates.length;
        return create(ReplicateType.BRR, weights, replicates, 1.0 / r, ones(r), Double.NaN, null);
    }

    /**
     * Fay's modified BRR ({@code svrepdesign(type = "Fay", rho = rho)}): {@code scale = 1/(R (1 − rho)²)},
     * {@code rscales = 1}. Fay's replicate weights are {@code 2 − rho} and {@code rho} instead of 2 and 0.
     *
     * @param weights the full-sample weights
     * @param replicates the replicate weights by replicate
     * @param rho Fay's factor, in {@code [0, 1)}
     * @return the design
     */
    public static ReplicateDesign fay(double[] weights, double[][] replicates, double rho) {
        if (!(rho >= 0 && rho < 1)) {
            throw new PluralstatsException("Fay's rho is " + rho + "; expected a number in [0, 1)");
        }
        int r = replicates.length;
        return create(ReplicateType.FAY, weights, replicates, 1.0 / (r * (1 - rho) * (1 - rho)), ones(r), rho, null);
    }

    /**
     * The unstratified jackknife ({@code svrepdesign(type = "JK1", scale = scale)}): {@code rscales = 1}. R
     * guesses a missing scale from the weights with a warning; here it must be given: {@code (R − 1)/R} for
     * delete-one-cluster replicates of {@code R} clusters, times {@code 1 − f} with a sampling fraction {@code f}.
     *
     * @param weights the full-sample weights
     * @param replicates the replicate weights by replicate
     * @param scale the scale, {@code (R − 1)/R} without fpc
     * @return the design
     */
    public static ReplicateDesign jk1(double[] weights, double[][] replicates, double scale) {
        return create(ReplicateType.JK1, weights, replicates, scale, ones(replicates.length), Double.NaN, null);
    }

    /**
     * The stratified jackknife ({@code svrepdesign(type = "JKn", rscales = rscales)}): {@code scale = 1} and
     * {@code rscales_r = (n_h − 1)/n_h} for the stratum {@code h} (with {@code n_h} PSUs) whose PSU replicate
     * {@code r} deletes. R guesses missing rscales from the weights with a warning; here they must be given.
     *
     * @param weights the full-sample weights
     * @param replicates the replicate weights by replicate
     * @param rscales one factor per replicate
     * @return the design
     */
    public static ReplicateDesign jkn(double[] weights, double[][] replicates, double[] rscales) {
        return create(ReplicateType.JKN, weights, replicates, 1.0, rscales, Double.NaN, null);
    }

    /**
     * Bootstrap replicate weights ({@code svrepdesign(type = "bootstrap")}): {@code scale = 1/(R − 1)}
     * ({@code bootstrap.average = 1}), {@code rscales = 1}. A bootstrap that resamples {@code n_h − 1} of
     * {@code n_h} PSUs needs no other factor (Rao and Wu 1988); one that resamples {@code n_h} of {@code n_h}
     * (R's {@code bootweights}) needs {@code n_h/(n_h − 1)} more: use {@link #withScale}.
     *
     * @param weights the full-sample weights
     * @param replicates the replicate weights by replicate (at least 2)
     * @return the design
     */
    public static ReplicateDesign bootstrap(double[] weights, double[][] replicates) {
        int r = replicates.length;
        if (r < 2) {
            throw new PluralstatsException("a bootstrap design needs at least 2 replicates; " + r + " given");
        }
        return create(ReplicateType.BOOTSTRAP, weights, replicates, 1.0 / (r - 1), ones(r), Double.NaN, null);
    }

    /**
     * Any other replicate weights ({@code svrepdesign(type = "other", scale = scale, rscales = rscales)}), for
     * example successive-difference weights ({@code scale = 4/R}).
     *
     * @param weights the full-sample weights
     * @param replicates the replicate weights by replicate
     * @param scale the overall factor
     * @param rscales one factor per replicate
     * @return the design
     */
    public static ReplicateDesign other(double[] weights, double[][] replicates, double scale, double[] rscales) {
        return create(ReplicateType.OTHER, weights, replicates, scale, rscales, Double.NaN, null);
    }

    /**
     * @param combinedWeights whether the replicate weights already include the full-sample weights (R's
     *     {@code combined.weights = TRUE}: the analysis weights of replicate {@code r} are {@code a_ri}) or are
     *     multipliers of them ({@code FALSE}: {@code a_ri · w_i}); the factories start with {@code TRUE}, as
     *     {@code svrepdesign}
     * @return a copy with that setting
     */
    public ReplicateDesign withCombinedWeights(boolean combinedWeights) {
        return new ReplicateDesign(this, combinedWeights, scale, rscales, mse);
    }

    /**
     * @param mse whether variances centre the replicates on the full-sample estimate (R's {@code mse = TRUE})
     *     instead of on their mean ({@code FALSE}, R's default {@code getOption("survey.replicates.mse")})
     * @return a copy with that setting
     */
    public ReplicateDesign withMse(boolean mse) {
        return new ReplicateDesign(this, combined, scale, rscales, mse);
    }

    /**
     * @param scale the overall variance factor (as {@code svrepdesign(scale = …)})
     * @return a copy with it; refused for BRR and Fay, whose scale R fixes from the number of replicates
     */
    public ReplicateDesign withScale(double scale) {
        if (type == ReplicateType.BRR || type == ReplicateType.FAY) {
            throw new PluralstatsException("the scale of a " + type.rName() + " design is fixed (1/(R (1 - rho)^2));"
                    + " use ReplicateDesign.other for another scale");
        }
        return new ReplicateDesign(this, combined, checkScale(scale), rscales, mse);
    }

    /**
     * @param rscales the per-replicate variance factors (as {@code svrepdesign(rscales = …)})
     * @return a copy with them
     */
    public ReplicateDesign withRscales(double[] rscales) {
        return new ReplicateDesign(this, combined, scale, checkRscales(rscales, replicates.length), mse);
    }

    /** A copy that says where it came from, for {@link #toString()}. */
    ReplicateDesign withOrigin(String origin) {
        return new ReplicateDesign(type, weights, replicates, combined, scale, rscales, mse, origin, this);
    }

    private static double checkScale(double scale) {
        if (!Double.isFinite(scale) || scale < 0) {
            throw new PluralstatsException("replicate scale is " + scale + "; expected a finite number >= 0");
        }
        return scale;
    }

    private static double[] checkRscales(double[] rscales, int replicates) {
        Objects.requireNonNull(rscales, "rscales");
        if (rscales.length != replicates) {
            throw new PluralstatsException("rscales has " + rscales.length + " values; expected one per replicate ("
                    + replicates + ")");
        }
        for (int r = 0; r < rscales.length; r++) {
            if (!Double.isFinite(rscales[r]) || rscales[r] < 0) {
                throw new PluralstatsException("rscales[" + (r + 1) + "] is " + rscales[r]
                        + "; expected a finite number >= 0");
            }
        }
        return rscales.clone();
    }

    private static double[] ones(int r) {
        double[] a = new double[r];
        Arrays.fill(a, 1.0);
        return a;
    }

    @Override
    public int size() {
        return weights.length;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** @return the kind of replicate weights */
    public ReplicateType type() {
        return type;
    }

    /** @return the number of replicates {@code R} */
    public int replicateCount() {
        return replicates.length;
    }

    /**
     * @param r a replicate, from 0
     * @return its replicate weights as given (multipliers or combined), one per respondent (a copy)
     */
    public double[] replicateWeights(int r) {
        return replicates[Objects.checkIndex(r, replicates.length)].clone();
    }

    /**
     * @param r a replicate, from 0
     * @return its analysis weights ({@code weights(design, "analysis")[, r]}): the replicate weights when
     *     combined, else the replicate weights times the full-sample weights
     */
    public double[] analysisWeights(int r) {
        double[] a = replicateWeights(r);
        if (!combined) {
            for (int i = 0; i < a.length; i++) {
                a[i] *= weights[i];
            }
        }
        return a;
    }

    /** @return the overall variance factor {@code scale} */
    public double scale() {
        return scale;
    }

    /** @return the per-replicate variance factors {@code rscales} (a copy) */
    public double[] rscales() {
        return rscales.clone();
    }

    /** @return Fay's {@code rho}; {@code NaN} for other types */
    public double rho() {
        return rho;
    }

    /** @return whether the replicate weights include the full-sample weights ({@code combined.weights}) */
    public boolean combinedWeights() {
        return combined;
    }

    /** @return whether variances centre on the full-sample estimate ({@code mse}) */
    public boolean mse() {
        return mse;
    }

    /**
     * R survey's {@code degf(design)} for a replicate design: the rank of the {@code n × R} matrix of analysis
     * weights ({@code qr(weights(design, "analysis"), tol = 1e-5)$rank}, LINPACK's {@code dqrdc2}) minus 1.
     * Computed once, when first asked. Domain estimates use the whole design's (as
     * {@code confint(svyby(…), df = degf(design))}).
     *
     * @return the degrees of freedom
     */
    @Override
    public double degreesOfFreedom() {
        double d = degf;
        if (Double.isNaN(d)) {
            double[][] columns = new double[replicates.length][];
            for (int r = 0; r < replicates.length; r++) {
                columns[r] = analysisWeights(r);
            }
            d = ReplicateRank.of(columns, DEGF_TOLERANCE) - 1;
            degf = d;
        }
        return d;
    }

    /**
     * The weighted mean over the domain, {@code Σ_D w y / Σ_D w}, with its replicate standard error
     * ({@code svymean(~y, subset(design, domain))} on an {@code svyrep.design}): replicate {@code r}'s mean is
     * {@code Σ_D a_r y / Σ_D a_r} with the analysis weights {@code a_r}.
     *
     * @param y the variable, one value per respondent (values outside the domain are ignored)
     * @param domain who is in the domain, or {@code null} for everyone
     * @param level the confidence level, in (0, 1)
     * @return the estimate, with its design effect ({@code svymean(…, deff = TRUE)}); all {@code NaN} when the
     *     domain has no weight or {@code y} is {@code NaN} in it
     */
    @Override
    public DesignEstimate mean(double[] y, boolean[] domain, double level) {
        return estimate(Statistic.MEAN, y, null, domain, level);
    }

    /**
     * The weighted total over the domain, {@code Σ_D w y} ({@code svytotal}); replicate {@code r}'s is
     * {@code Σ_D a_r y}.
     *
     * @param y the variable
     * @param domain who is in the domain, or {@code null} for everyone
     * @param level the confidence level
     * @return the estimate, with its design effect ({@code svytotal(…, deff = TRUE)})
     */
    @Override
    public DesignEstimate total(double[] y, boolean[] domain, double level) {
        return estimate(Statistic.TOTAL, y, null, domain, level);
    }

    /**
     * The ratio of totals {@code Σ_D w y / Σ_D w x} ({@code svyratio(~y, ~x, design)}); replicate {@code r}'s
     * is {@code Σ_D a_r y / Σ_D a_r x}.
     *
     * @param y the numerator variable
     * @param x the denominator variable
     * @param domain who is in the domain, or {@code null} for everyone
     * @param level the confidence level
     * @return the estimate; its design effect is {@code NaN} (R survey 4.1.1 has none for a replicate design's ratio)
     */
    @Override
    public DesignEstimate ratio(double[] y, double[] x, boolean[] domain, double level) {
        Objects.requireNonNull(x, "x");
        return estimate(Statistic.RATIO, y, x, domain, level);
    }

    /**
     * Domain means, one per group ({@code svyby(~y, ~group, design, svymean)}): each group is a domain of the
     * whole design, estimated per replicate within the domain.
     *
     * @param y the variable
     * @param groups each respondent's group, {@code null} for a respondent in none
     * @param level the confidence level
     * @return one estimate per group, groups in sorted order (as {@code svyby} sorts a factor's levels)
     */
    public DomainEstimates meanByDomain(double[] y, String[] groups, double level) {
        return byDomain(Statistic.MEAN, y, null, groups, level);
    }

    /**
     * Domain totals ({@code svyby(~y, ~group, design, svytotal)}).
     *
     * @param y the variable
     * @param groups each respondent's group, {@code null} for a respondent in none
     * @param level the confidence level
     * @return one estimate per group, in sorted order
     */
    public DomainEstimates totalByDomain(double[] y, String[] groups, double level) {
        return byDomain(Statistic.TOTAL, y, null, groups, level);
    }

    /**
     * Domain ratios ({@code svyby(~y, ~group, design, svyratio, denominator = ~x)}).
     *
     * @param y the numerator variable
     * @param x the denominator variable
     * @param groups each respondent's group, {@code null} for a respondent in none
     * @param level the confidence level
     * @return one estimate per group, in sorted order
     */
    public DomainEstimates ratioByDomain(double[] y, double[] x, String[] groups, double level) {
        Objects.requireNonNull(x, "x");
        return byDomain(Statistic.RATIO, y, x, groups, level);
    }

    /**
     * A proportion with R survey's {@code svyciprop(~I(y == 1), subset(design, domain), method, level)} on a
     * replicate design. The estimate {@code p} and its standard error are those of {@link #mean} (the replicate
     * standard error of the mean, as {@code SE(svyciprop(…))}); the interval uses the quantile {@code q} of
     * {@code t} on {@code df = degf(subset(design, domain))} ({@link #subsetDegreesOfFreedom}; svyciprop's
     * default {@code df = degf(design)} on the subset it is given, which {@code svyby} also uses):
     *
     * <ul>
     *   <li>{@link ProportionMethod#LOGIT} (R's default): the Wald interval of the intercept of
     *       {@code svyglm(y ~ 1, design, family = quasibinomial)}, which on a replicate design refits the
     *       model per replicate: with {@code β = logit(p)} and {@code β_r = logit(p_r)} (the replicate means; the
     *       intercept-only fit at convergence), {@code expit(β ± q √v)} with {@code v} the replicate variance
     *       of the {@code β_r} ({@code svrVar}, centred as {@link #withMse} says). Unlike the Taylor
     *       design's, this is not the same interval as {@code XLOGIT}. R stops IRLS at glm's default tolerance
     *       ({@code epsilon = 1e-8}), so its printed limits and estimate ({@code expit} of the fitted
     *       intercept) can differ from these converged ones in the 9th digit;</li>
     *   <li>{@link ProportionMethod#MEAN}: {@code p ± q · se};</li>
     *   <li>{@link ProportionMethod#XLOGIT}: {@code expit(logit(p) ± q · se / (p(1 − p)))}, the delta method
     *       ({@code svycontrast} of the mean, which carries no replicates);</li>
     *   <li>{@link ProportionMethod#ASIN}: {@code sin²(asin(√p) ± q · se / (2 √(p(1 − p))))}.</li>
     * </ul>
     *
     * <p>Respondents with {@code y} {@code NaN} are left out of the domain ({@code na.rm = TRUE}). The logit
     * limits are {@code NaN} when {@code p} or a replicate's {@code p_r} is 0 or 1 (R's glm diverges there); a
     * replicate with no weight in the domain is dropped, as {@code svrVar} drops {@code NA} replicates.
     *
     * @param y the indicator, 1 or 0 per respondent ({@code NaN}: missing)
     * @param domain who is in the domain, or {@code null} for everyone
     * @param method how the interval is set
     * @param level the confidence level, in (0, 1)
     * @return the estimate, with the mean's design effect and {@code df = degf(subset(design, domain))}; all
     *     {@code NaN} but {@code df} when the domain has no weight
     * @throws PluralstatsException if a value of {@code y} is neither 0, 1 nor {@code NaN}
     */
    public DesignEstimate proportion(double[] y, boolean[] domain, ProportionMethod method, double level) {
        Objects.requireNonNull(method, "method");
        check(y, null, domain);
        level(level);
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] == 0 || y[i] == 1 || Double.isNaN(y[i]))) {
                throw new PluralstatsException("a proportion needs 0/1 values, respondent " + (i + 1) + " has " + y[i]);
            }
        }
        boolean[] in = present(y, domain);
        double df = subsetDegreesOfFreedom(in);
        double p = fullSampleEstimate(Statistic.MEAN, y, null, in);
        if (Double.isNaN(p)) {
            return new DesignEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, level, df, Double.NaN);
        }
        double[] ps = new double[replicates.length];
        for (int r = 0; r < replicates.length; r++) {
            ps[r] = replicateEstimate(Statistic.MEAN, r, y, null, in);
        }
        double v = variance(ps, p);
        double se = Math.sqrt(v);
        double q = criticalValue(level, df);
        double lo;
        double hi;
        if (method == ProportionMethod.LOGIT) {
            // svyglm refits the intercept on every replicate: the variance of the replicates' logits, not the delta method
            boolean interior = p > 0 && p < 1;
            double[] betas = new double[ps.length];
            for (int r = 0; r < ps.length; r++) {
                interior &= Double.isNaN(ps[r]) || (ps[r] > 0 && ps[r] < 1);
                betas[r] = logit(ps[r]);
            }
            double beta = logit(p);
            double half = q * Math.sqrt(variance(betas, beta));
            lo = interior ? expit(beta - half) : Double.NaN;
            hi = interior ? expit(beta + half) : Double.NaN;
        } else {
            double[] ci = method.interval(p, se, q);
            lo = ci[0];
            hi = ci[1];
        }
        return new DesignEstimate(p, se, lo, hi, level, df, designEffect(Statistic.MEAN, v, y, in));
    }

    /**
     * A quantile with R survey 4.x's {@code svyquantile(~y, subset(design, domain), p, qrule = rule,
     * alpha = 1 − level)} on a replicate design, with its default {@code interval.type = "mean"} (Woodruff's
     * interval): the estimate {@code q̂} is the rule's quantile of {@code y} over the domain with the
     * full-sample weights ({@code weights(design, "sampling")}); {@code F̂ = svymean(y ≤ q̂)} over the domain
     * has the replicate standard error {@code s} (per replicate, as {@link #mean}); the limits are the rule's
     * quantiles at {@code F̂ ∓ t · s} ({@code NaN} when below 0 or above 1) and the standard error is their
     * distance over {@code 2t}, {@code t} the {@code (1 + level)/2} quantile of {@code t} on
     * {@code df = degf(subset(design, domain))} ({@link #subsetDegreesOfFreedom}, as svyquantile's
     * {@code df = NULL}, and so {@code svyby}). No design effect ({@code NaN}).
     *
     * <p>Respondents with {@code y} {@code NaN} are left out of the domain ({@code na.rm = TRUE}), respondents
     * of weight 0 out of the quantiles (as R's rules drop them).
     *
     * @param y the variable
     * @param p the probability, in [0, 1]
     * @param domain who is in the domain, or {@code null} for everyone
     * @param rule the quantile rule
     * @param level the confidence level, in (0, 1)
     * @return the estimate; all {@code NaN} but {@code df} when the domain has no weight
     */
    public DesignEstimate quantile(double[] y, double p, boolean[] domain, QuantileRule rule, double level) {
        Objects.requireNonNull(rule, "rule");
        check(y, null, domain);
        level(level);
        if (!(p >= 0 && p <= 1)) {
            throw new PluralstatsException("a quantile's probability must lie in [0, 1], got " + p);
        }
        boolean[] in = present(y, domain);
        double df = subsetDegreesOfFreedom(in);
        int m = 0;
        for (int i = 0; i < y.length; i++) {
            if (in[i] && weights[i] > 0) {
                m++;
            }
        }
        if (m == 0) {
            return new DesignEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, level, df, Double.NaN);
        }
        double[][] sorted = sortedWithCumulativeWeights(y, in, m);
        double[] sx = sorted[0];
        double[] cumw = sorted[1];
        double qhat = rule.quantile(sx, cumw, p);
        double[] below = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            below[i] = in[i] && y[i] <= qhat ? 1 : 0;
        }
        double f = fullSampleEstimate(Statistic.MEAN, below, null, in);
        double[] fs = new double[replicates.length];
        for (int r = 0; r < replicates.length; r++) {
            fs[r] = replicateEstimate(Statistic.MEAN, r, below, null, in);
        }
        double s = Math.sqrt(variance(fs, f));
        double t = criticalValue(level, df);
        double pl = f - t * s;
        double pu = f + t * s;
        double lo = Double.isNaN(pl) || pl < 0 ? Double.NaN : rule.quantile(sx, cumw, pl);
        double hi = Double.isNaN(pu) || pu > 1 ? Double.NaN : rule.quantile(sx, cumw, pu);
        return new DesignEstimate(qhat, (hi - lo) / (2 * t), lo, hi, level, df, Double.NaN);
    }

    /**
     * Domain proportions ({@code svyby(~I(y == 1), ~group, design, svyciprop, method = method, vartype =
     * c("se", "ci"))}): per group, {@link #proportion} on the group as domain; each interval on the group's
     * {@code degf}, as svyby's subsets have it.
     *
     * @param y the indicator, 1 or 0 per respondent ({@code NaN}: missing)
     * @param groups each respondent's group, {@code null} for a respondent in none
     * @param method how the intervals are set
     * @param level the confidence level
     * @return one estimate per group, groups in sorted order
     */
    public DomainEstimates proportionByDomain(double[] y, String[] groups, ProportionMethod method, double level) {
        Objects.requireNonNull(method, "method");
        TreeMap<String, boolean[]> domains = domains(groups);
        List<DesignEstimate> estimates = new ArrayList<>();
        for (boolean[] d : domains.values()) {
            estimates.add(proportion(y, d, method, level));
        }
        return new DomainEstimates("svyciprop", new ArrayList<>(domains.keySet()), estimates, level, describe());
    }

    /**
     * Domain quantiles ({@code svyby(~y, ~group, design, svyquantile, quantiles = p, qrule = rule, ci = TRUE,
     * vartype = c("se", "ci"))}): per group, {@link #quantile} on the group as domain.
     *
     * @param y the variable
     * @param p the probability, in [0, 1]
     * @param groups each respondent's group, {@code null} for a respondent in none
     * @param rule the quantile rule
     * @param level the confidence level
     * @return one estimate per group, groups in sorted order
     */
    public DomainEstimates quantileByDomain(double[] y, double p, String[] groups, QuantileRule rule, double level) {
        Objects.requireNonNull(rule, "rule");
        TreeMap<String, boolean[]> domains = domains(groups);
        List<DesignEstimate> estimates = new ArrayList<>();
        for (boolean[] d : domains.values()) {
            estimates.add(quantile(y, p, d, rule, level));
        }
        return new DomainEstimates("svyquantile", new ArrayList<>(domains.keySet()), estimates, level, describe());
    }

    /**
     * R survey's {@code degf(subset(design, domain))}: the rank of the analysis weights of the domain's
     * respondents only (the rows {@code [.svyrep.design} keeps) minus 1, with {@code qr(…, tol = 1e-5)}. This is
     * the {@code df} of {@code svyciprop} and {@code svyquantile} on a domain; it can be smaller than
     * {@link #degreesOfFreedom()} (a domain in few clusters). Computed on every call.
     *
     * @param domain who is in the domain, or {@code null} for everyone
     * @return the degrees of freedom; −1 for an empty domain
     */
    public double subsetDegreesOfFreedom(boolean[] domain) {
        if (domain == null) {
            return degreesOfFreedom();
        }
        if (domain.length != weights.length) {
            throw new PluralstatsException("the domain has " + domain.length + " values; the design has "
                    + weights.length + " respondents");
        }
        int m = 0;
        for (boolean b : domain) {
            if (b) {
                m++;
            }
        }
        if (m == weights.length) {
            return degreesOfFreedom();
        }
        double[][] columns = new double[replicates.length][m];
        for (int r = 0; r < replicates.length; r++) {
            double[] rep = replicates[r];
            int k = 0;
            for (int i = 0; i < rep.length; i++) {
                if (domain[i]) {
                    columns[r][k++] = combined ? rep[i] : rep[i] * weights[i];
                }
            }
        }
        return ReplicateRank.of(columns, DEGF_TOLERANCE) - 1;
    }

    /** The domain without the respondents whose {@code y} is {@code NaN}. */
    private static boolean[] present(double[] y, boolean[] domain) {
        boolean[] in = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            in[i] = (domain == null || domain[i]) && !Double.isNaN(y[i]);
        }
        return in;
    }

    /**
     * The {@code m} values of positive weight in the domain in ascending order and their cumulative full-sample
     * weights ({@link QuantileRule#sortedWithCumulativeWeights}).
     */
    private double[][] sortedWithCumulativeWeights(double[] y, boolean[] in, int m) {
        double[] xs = new double[m];
        double[] ws = new double[m];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (in[i] && weights[i] > 0) {
                xs[k] = y[i];
                ws[k] = weights[i];
                k++;
            }
        }
        return QuantileRule.sortedWithCumulativeWeights(xs, ws);
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** R's {@code qt((1 + level)/2, df)}; the normal quantile for infinite df, {@code NaN} for {@code df <= 0}. */
    private static double criticalValue(double level, double df) {
        double a = (1 - level) / 2;
        return df > 0 ? (Double.isInfinite(df) ? Distributions.normalQuantile(1 - a)
                : Distributions.tQuantile(1 - a, df)) : Double.NaN;
    }

    /**
     * The estimate of each replicate ({@code return.replicates = TRUE}), for a look at their spread.
     *
     * @param s the statistic
     * @param y the variable (the numerator of a ratio)
     * @param x the denominator of a ratio, else ignored (may be {@code null})
     * @param domain who is in the domain, or {@code null} for everyone
     * @return {@code θ_r} per replicate, {@code NaN} where undefined
     */
    public double[] replicateEstimates(Statistic s, double[] y, double[] x, boolean[] domain) {
        Objects.requireNonNull(s, "statistic");
        if (s == Statistic.RATIO) {
            Objects.requireNonNull(x, "x");
        }
        check(y, x, domain);
        double[] thetas = new double[replicates.length];
        for (int r = 0; r < replicates.length; r++) {
            thetas[r] = replicateEstimate(s, r, y, x, domain);
        }
        return thetas;
    }

    private DomainEstimates byDomain(Statistic s, double[] y, double[] x, String[] groups, double level) {
        TreeMap<String, boolean[]> domains = domains(groups);
        List<String> names = new ArrayList<>(domains.keySet());
        List<DesignEstimate> estimates = new ArrayList<>();
        for (boolean[] d : domains.values()) {
            estimates.add(estimate(s, y, x, d, level));
        }
        return new DomainEstimates(s.rName, names, estimates, level, describe());
    }

    /** Each group's respondents, by the group's name in sorted order. */
    private TreeMap<String, boolean[]> domains(String[] groups) {
        Objects.requireNonNull(groups, "groups");
        if (groups.length != weights.length) {
            throw new PluralstatsException("groups has " + groups.length + " values; expected one per respondent ("
                    + weights.length + ")");
        }
        TreeMap<String, boolean[]> domains = new TreeMap<>();
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] != null) {
                domains.computeIfAbsent(groups[i], g -> new boolean[groups.length])[i] = true;
            }
        }
        return domains;
    }

    /** The statistics a replicate design estimates, by the R function that estimates them. */
    public enum Statistic {
        /** The weighted mean ({@code svymean}). */
        MEAN("svymean"),
        /** The weighted total ({@code svytotal}). */
        TOTAL("svytotal"),
        /** The ratio of two totals ({@code svyratio}). */
        RATIO("svyratio");

        private final String rName;

        Statistic(String rName) {
            this.rName = rName;
        }

        /** @return the R function ({@code "svymean"}, …) */
        public String rName() {
            return rName;
        }
    }

    private void check(double[] y, double[] x, boolean[] domain) {
        Objects.requireNonNull(y, "y");
        int n = weights.length;
        if (y.length != n || (x != null && x.length != n) || (domain != null && domain.length != n)) {
            throw new PluralstatsException("a variable or domain has " + (y.length != n ? y.length
                    : x != null && x.length != n ? x.length : domain.length)
                    + " values; the design has " + n + " respondents");
        }
    }

    private static double level(double level) {
        if (!(level > 0 && level < 1)) {
            throw new PluralstatsException("confidence level " + level + " is not in (0, 1)");
        }
        return level;
    }

    private DesignEstimate estimate(Statistic s, double[] y, double[] x, boolean[] domain, double level) {
        check(y, x, domain);
        level(level);
        double theta = fullSampleEstimate(s, y, x, domain);
        double df = degreesOfFreedom();
        if (Double.isNaN(theta)) {
            return new DesignEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, level, df, Double.NaN);
        }
        double[] thetas = new double[replicates.length];
        for (int r = 0; r < replicates.length; r++) {
            thetas[r] = replicateEstimate(s, r, y, x, domain);
        }
        double v = variance(thetas, theta);
        double se = Math.sqrt(v);
        // R's tconfint: a = (1 - level)/2, interval theta + se * qt(c(a, 1 - a), df)
        double q = criticalValue(level, df);
        return new DesignEstimate(theta, se, theta - se * q, theta + se * q, level, df, designEffect(s, v, y, domain));
    }

    /**
     * R's {@code deff = TRUE} for an {@code svyrep.design}: the replicate variance over the variance under simple
     * random sampling without replacement of the domain's {@code m} respondents from a population of
     * {@code N = Σ_D w}: {@code s²/m · (N − m)/N} for a mean and {@code s² N²/m · (N − m)/N} for a total, with
     * {@code s² = m/(m − 1) · Σ_D w (y − ȳ)² / Σ_D w} ({@code svyvar}). Not for ratios: R survey 4.1.1's
     * {@code svyratio(…, deff = TRUE)} fails on replicate designs, so there is no reference.
     */
    private double designEffect(Statistic s, double v, double[] y, boolean[] domain) {
        if (s == Statistic.RATIO) {
            return Double.NaN;
        }
        double m = 0;
        double big = 0;
        double sy = 0;
        for (int i = 0; i < weights.length; i++) {
            if (domain == null || domain[i]) {
                m++;
                big += weights[i];
                sy += weights[i] * y[i];
            }
        }
        double mean = sy / big;
        double ss = 0;
        for (int i = 0; i < weights.length; i++) {
            if (domain == null || domain[i]) {
                double d = y[i] - mean;
                ss += d * d * weights[i];
            }
        }
        double s2 = m / (m - 1) * ss / big;
        double srs = (s == Statistic.MEAN ? s2 / m : s2 * big * big / m) * (big - m) / big;
        return v / srs;
    }

    private double fullSampleEstimate(Statistic s, double[] y, double[] x, boolean[] domain) {
        return estimate(s, weights, null, y, x, domain);
    }

    private double replicateEstimate(Statistic s, int r, double[] y, double[] x, boolean[] domain) {
        return estimate(s, replicates[r], combined ? null : weights, y, x, domain);
    }

    /**
     * The statistic with weights {@code a_i = w_i} (or {@code w_i · m_i} when multipliers are given): {@code Σ a y}
     * over {@code Σ a} (or {@code Σ a x} for a ratio) across the domain, both Neumaier-compensated sums.
     */
    private static double estimate(Statistic s, double[] w, double[] multipliers, double[] y, double[] x,
                                   boolean[] domain) {
        double[] acc = new double[4]; // Σ a y and its compensation, the denominator and its compensation
        for (int i = 0; i < w.length; i++) {
            if (domain == null || domain[i]) {
                double a = multipliers == null ? w[i] : w[i] * multipliers[i];
                CompensatedSum.addTo(acc, 0, a * y[i]);
                CompensatedSum.addTo(acc, 2, s == Statistic.RATIO ? a * x[i] : a);
            }
        }
        return quotient(s, acc[0] + acc[1], acc[2] + acc[3]);
    }

    /** A total needs a domain with weight in it too: R's subset of nothing has no estimate. */
    private static double quotient(Statistic s, double num, double den) {
        if (s == Statistic.TOTAL) {
            return den > 0 ? num : Double.NaN;
        }
        return den == 0 ? Double.NaN : num / den;
    }

    /** R survey's {@code svrVar}: undefined replicates dropped with their rscales; centred on the mean or θ. */
    private double variance(double[] thetas, double theta) {
        double centre;
        if (mse) {
            centre = theta;
        } else {
            double sum = 0;
            int count = 0;
            for (int r = 0; r < thetas.length; r++) {
                if (!Double.isNaN(thetas[r]) && rscales[r] > 0) {
                    sum += thetas[r];
                    count++;
                }
            }
            if (count == 0) {
                return Double.NaN;
            }
            centre = sum / count;
        }
        double v = 0;
        boolean any = false;
        for (int r = 0; r < thetas.length; r++) {
            if (!Double.isNaN(thetas[r])) {
                double d = thetas[r] - centre;
                v += d * d * rscales[r];
                any = true;
            }
        }
        return any ? v * scale : Double.NaN;
    }

    private String describe() {
        return (type == ReplicateType.OTHER ? "replicate design (other)" : type.description()) + " with "
                + replicates.length + " replicates";
    }

    /**
     * As R's {@code print.svyrep.design}: the call that made the design, then the type and the number of
     * replicates ({@code "Unstratified cluster jacknife (JK1) with 15 replicates."}, {@code "… and MSE variances."}
     * with {@code mse}), with the scale factors and weighting on a third line.
     *
     * @return the description
     */
    @Override
    public String toString() {
        String call = origin != null ? origin
                : "svrepdesign(weights = <" + weights.length + " weights>, repweights = <" + replicates.length
                        + " replicates>, type = \"" + type.rName() + "\""
                        + (type == ReplicateType.FAY ? ", rho = " + num(rho) : "")
                        + (combined ? "" : ", combined.weights = FALSE") + (mse ? ", mse = TRUE" : "") + ")";
        StringBuilder sb = new StringBuilder("Call: ").append(call).append('\n');
        if (type == ReplicateType.FAY) {
            sb.append("Fay's variance method (rho= ").append(num(rho)).append(" ) ");
        } else if (type != ReplicateType.OTHER) {
            sb.append(type.description()).append(' ');
        }
        sb.append("with ").append(replicates.length).append(" replicates").append(mse ? " and MSE variances" : "")
                .append(".\n");
        double lo = Arrays.stream(rscales).min().orElse(Double.NaN);
        double hi = Arrays.stream(rscales).max().orElse(Double.NaN);
        sb.append(weights.length).append(" respondents; scale ").append(num(scale)).append(", rscales ")
                .append(lo == hi ? num(lo) : num(lo) + " to " + num(hi)).append("; replicate weights ")
                .append(combined ? "include the sampling weights" : "multiply the sampling weights")
                .append("; variance centred on the ").append(mse ? "full-sample estimate" : "replicate mean")
                .append('\n');
        return sb.toString();
    }

    /** As R prints a number: up to 7 significant digits. */
    private static String num(double x) {
        String s = new java.math.BigDecimal(x).round(new java.math.MathContext(7)).stripTrailingZeros().toPlainString();
        return s;
    }
}
