package org.pluralstats.stats;

import java.util.Optional;
import java.util.OptionalDouble;
import org.pluralstats.PluralstatsException;

/**
 * A share {@code k / n} (for example the share of respondents who agree) with its Wilson score
 * confidence interval.
 *
 * <p>Wilson interval, without continuity correction, at level {@code 1 − α}: with
 * {@code z = Φ⁻¹(1 − α/2)} (the standard normal quantile) and {@code p̂ = k / n},
 * <pre>
 *   centre = (p̂ + z² / (2n)) / (1 + z² / n)
 *   half   = z · sqrt(p̂ (1 − p̂) / n + z² / (4n²)) / (1 + z² / n)
 *   [centre − half, centre + half]
 * </pre>
 * Source: E. B. Wilson, "Probable inference, the law of succession, and statistical inference", JASA 22
 * (1927) 209–212; Brown, Cai and DasGupta, Statistical Science 16 (2001) 101–133. Equals statsmodels
 * {@code proportion_confint(k, n, alpha, method='wilson')} and R {@code prop.test(k, n, correct=FALSE)$conf.int}.
 * The limits are clamped to {@code [0, 1]}, and are exactly 0 at {@code k = 0} (lower) and 1 at
 * {@code k = n} (upper), as they are mathematically; this only removes rounding (statsmodels gives
 * 0.9999999999999999 for the upper limit of 10/10).
 *
 * <p>Degenerate input: {@code n = 0} gives an empty estimate and interval. At {@code k = 0} the lower
 * limit is 0 and at {@code k = n} the upper limit is 1, and the interval still has positive width.
 */
public final class Proportion {
    /** The default confidence level of the Wilson interval. */
    public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

    private final long count;
    private final long n;

    private Proportion(long count, long n) {
        this.count = count;
        this.n = n;
    }

    /**
     * @param count the number of "successes" {@code k}, {@code 0 <= k <= n}
     * @param n the number of trials (answers)
     * @return the proportion {@code k / n}
     * @throws PluralstatsException if {@code k < 0}, {@code n < 0} or {@code k > n}
     */
    public static Proportion of(long count, long n) {
        if (n < 0 || count < 0 || count > n) {
            throw new PluralstatsException("a proportion needs 0 <= k <= n, got k = " + count + ", n = " + n);
        }
        return new Proportion(count, n);
    }

    /**
     * The Wilson score interval of {@code k / n} (formula in the class comment).
     *
     * @param count successes {@code k}, {@code 0 <= k <= n}
     * @param n trials, {@code n >= 1}
     * @param level confidence level {@code 1 − α}, in (0, 1)
     * @return the interval
     * @throws PluralstatsException if the counts or the level are invalid, or {@code n = 0}
     */
    public static ConfidenceInterval wilson(long count, long n, double level) {
        ConfidenceInterval.checkLevel(level);
        of(count, n);
        if (n == 0) {
            throw new PluralstatsException("the Wilson interval needs n >= 1");
        }
        double z = Distributions.normalQuantile(1 - (1 - level) / 2);
        double z2 = z * z;
        double nn = n;
        double p = count / nn;
        double denom = 1 + z2 / nn;
        double centre = (p + z2 / (2 * nn)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / denom;
        // centre ∓ half is exactly 0 at k = 0 and 1 at k = n; say so instead of keeping the rounding
        double lower = count == 0 ? 0.0 : Math.max(0.0, centre - half);
        double upper = count == n ? 1.0 : Math.min(1.0, centre + half);
        return new ConfidenceInterval(lower, upper, level, ConfidenceInterval.Method.WILSON);
    }

    /** @return the count {@code k} */
    public long count() {
        return count;
    }

    /** @return the number of trials {@code n} */
    public long n() {
        return n;
    }

    /** @return the share {@code k / n}; empty when {@code n = 0} */
    public OptionalDouble estimate() {
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count / n);
    }

    /** @return the 95% Wilson score interval; empty when {@code n = 0} */
    public Optional<ConfidenceInterval> wilsonInterval() {
        return wilsonInterval(DEFAULT_CONFIDENCE_LEVEL);
    }

    /**
     * @param level confidence level, in (0, 1)
     * @return the Wilson score interval at that level; empty when {@code n = 0}
     * @throws PluralstatsException if the level is not in (0, 1)
     */
    public Optional<ConfidenceInterval> wilsonInterval(double level) {
        ConfidenceInterval.checkLevel(level);
        return n == 0 ? Optional.empty() : Optional.of(wilson(count, n, level));
    }

    @Override
    public String toString() {
        return count + "/" + n;
    }
}
