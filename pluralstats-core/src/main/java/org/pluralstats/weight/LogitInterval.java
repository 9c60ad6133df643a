package org.pluralstats.weight;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pluralstats.PluralstatsException;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.Distributions;

/**
 * The logit confidence interval of a proportion, as R survey's {@code svyciprop(method = "logit")}
 * computes it: a Wald interval on the logit scale with Student-t quantiles on the design's degrees of
 * freedom, back-transformed,
 *
 * <pre>
 *   expit( logit(p) ± t(1 - α/2, df) · se / (p (1 - p)) )
 * </pre>
 *
 * where {@code se / (p (1 - p))} is the delta-method (equivalently, the intercept-only quasibinomial
 * sandwich) standard error of {@code logit(p)}. For {@code svydesign(ids = ~1, ...)} on {@code m}
 * respondents {@code df = m - 1}. Undefined (empty) when {@code p} is 0 or 1, {@code se} is not finite,
 * or {@code df < 1}.
 *
 * <p>An instance is one confidence level; it keeps the t quantiles it has solved (one per degrees of
 * freedom, {@link Distributions#tQuantile} to 1e-14, which R's {@code qt} matches to 1e-9
 * after the back-transform: scoring thousands of population × item cells needs few). Thread-safe.
 */
public final class LogitInterval {
    private final double level;
    private final Map<Double, Double> quantiles = new ConcurrentHashMap<>();

    private LogitInterval(double level) {
        this.level = level;
    }

    /**
     * @param level the confidence level, in (0, 1)
     * @return the interval at this level
     * @throws PluralstatsException if the level is not in (0, 1)
     */
    public static LogitInterval at(double level) {
        return new LogitInterval(ConfidenceInterval.checkLevel(level));
    }

    /** @return the confidence level */
    public double level() {
        return level;
    }

    /**
     * @param p the estimated proportion
     * @param se its standard error
     * @param df degrees of freedom of the t quantile
     * @return the interval; empty when undefined (see the class comment)
     */
    public Optional<ConfidenceInterval> of(double p, double se, double df) {
        if (!(p > 0 && p < 1) || !Double.isFinite(se) || !(df >= 1)) {
            return Optional.empty();
        }
        double t = quantiles.computeIfAbsent(df, d -> Distributions.tQuantile(1 - (1 - level) / 2, d));
        double centre = Math.log(p / (1 - p));
        double half = t * se / (p * (1 - p));
        return Optional.of(new ConfidenceInterval(expit(centre - half), expit(centre + half), level,
                ConfidenceInterval.Method.LOGIT));
    }

    private static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
