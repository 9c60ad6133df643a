package org.pluralstats.stats;

import java.util.Locale;
import java.util.Optional;
import org.pluralstats.PluralstatsException;

/**
 * A two-sided confidence interval {@code [lower, upper]} at a confidence level such as 0.95, with the
 * method that computed it. Every result of the library that carries an interval carries one of these;
 * where an interval can be undefined (too few observations, a share of 0 or 1) the result returns an
 * {@code Optional<ConfidenceInterval>}, empty when undefined, never a pair of {@code NaN}s. Tables and
 * files still show the limits as two columns ({@code ciLow}/{@code ciHigh}, {@code ci_lower}/{@code
 * ci_upper}), blank or {@code null} when the interval is undefined.
 *
 * @param lower lower limit
 * @param upper upper limit, {@code >= lower}
 * @param level the confidence level, in (0, 1)
 * @param method how the limits were computed
 */
public record ConfidenceInterval(double lower, double upper, double level, Method method) {

    /** How an interval was computed; each constant names the estimator that builds it. */
    public enum Method {
        /**
         * Wald interval on the logit scale with a Student-t quantile, back-transformed: R survey's
         * {@code svyciprop(method = "logit")} (the value polarity scores and answer shares, through
         * {@code weight.LogitInterval}).
         */
        LOGIT,
        /** Wilson's score interval of a proportion ({@link Proportion#wilson}). */
        WILSON,
        /** {@code mean ± t(1 − α/2, n − 1) · s / √n}, Student's t interval of a mean ({@link LikertSummary}). */
        STUDENT_T,
        /** Percentiles of bootstrap resamples ({@link PercentileBootstrap}). */
        PERCENTILE_BOOTSTRAP,
        /**
         * The conditional (noncentral hypergeometric) interval of the odds ratio of a 2 × 2 table, R
         * {@code fisher.test} ({@link FisherExact}).
         */
        CONDITIONAL_EXACT,
        /**
         * {@code tanh(atanh(r) ± z(1 − α/2) · SE)}: a correlation-type effect size's interval on Fisher's z
         * scale (the rank-biserial correlation, {@link EffectSizes#rankBiserial}).
         */
        FISHER_Z,
        /**
         * Inversion of the noncentral chi-square distribution in its noncentrality, mapped to an effect size
         * (Cramér's V, {@link EffectSizes#cramersVWithInterval}; effectsize's "ncp" method).
         */
        NONCENTRAL_CHI_SQUARE;

        /** @return the lower-case name used in files and table metadata ({@code logit}, {@code percentile_bootstrap}) */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks that the limits are ordered numbers and the level lies in (0, 1).
     *
     * @param lower lower limit
     * @param upper upper limit, {@code >= lower}
     * @param level the confidence level, in (0, 1)
     * @param method how the limits were computed
     * @throws PluralstatsException if the limits are NaN or reversed, the level is not in (0, 1) or the
     *     method is missing
     */
    public ConfidenceInterval {
        checkLevel(level);
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new PluralstatsException("confidence interval limits must be ordered numbers, got ["
                    + lower + ", " + upper + "]");
        }
        if (method == null) {
            throw new PluralstatsException("a confidence interval needs its method");
        }
    }

    /**
     * An interval read back from its two table columns.
     *
     * @param lower lower limit, NaN when the interval is undefined
     * @param upper upper limit, NaN when the interval is undefined
     * @param level the confidence level
     * @param method how the limits were computed
     * @return the interval; empty when either limit is NaN
     */
    public static Optional<ConfidenceInterval> ofLimits(double lower, double upper, double level, Method method) {
        return Double.isNaN(lower) || Double.isNaN(upper) ? Optional.empty()
                : Optional.of(new ConfidenceInterval(lower, upper, level, method));
    }

    /**
     * @param interval an interval that may be undefined
     * @return its lower limit, NaN when undefined (a table cell, written blank or {@code null})
     */
    public static double lower(Optional<ConfidenceInterval> interval) {
        return interval.isPresent() ? interval.get().lower : Double.NaN;
    }

    /**
     * @param interval an interval that may be undefined
     * @return its upper limit, NaN when undefined (a table cell, written blank or {@code null})
     */
    public static double upper(Optional<ConfidenceInterval> interval) {
        return interval.isPresent() ? interval.get().upper : Double.NaN;
    }

    /** @return {@code upper - lower} */
    public double width() {
        return upper - lower;
    }

    /**
     * @param value a value
     * @return whether {@code lower <= value <= upper}
     */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    /** @return for example {@code [0.41, 0.58] (95% logit)} */
    @Override
    public String toString() {
        return "[" + lower + ", " + upper + "] (" + (float) (100 * level) + "% " + method.jsonName() + ")";
    }

    /**
     * @param level a confidence level
     * @return the level
     * @throws PluralstatsException unless it lies strictly between 0 and 1
     */
    public static double checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new PluralstatsException("confidence level must lie strictly between 0 and 1, got " + level);
        }
        return level;
    }
}
