package org.pluralstats.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalLong;
import org.pluralstats.PluralstatsException;

/**
 * The GRIM test (granularity-related inconsistency of means): can a mean reported to {@code d}
 * decimals come from {@code n} respondents answering {@code items} integer-valued items?
 *
 * <p>The mean of {@code N = n · items} integers is {@code T / N} for some integer total {@code T}. The
 * reported mean {@code M} is <em>consistent</em> if some integer {@code T} rounds to it:
 * {@code round(T / N, d) = M}. Rounding conventions differ only on exact ties ({@code T / N} ending in
 * 5 at decimal {@code d + 1}, e.g. 50/16 = 3.125); a tie is accepted in both directions, half up and half
 * down (so banker's rounding is covered too). In exact integer arithmetic, with {@code S = 10^d} and
 * {@code m = M · S}, the mean is consistent if and only if some integer {@code T} satisfies
 * {@code |2 T S − 2 m N| <= N}.
 *
 * <p>The result also gives the nearest reachable means: the largest value below {@code M} and the
 * smallest above {@code M} that some total rounds to (under either tie convention), e.g. 1.50 and 1.55
 * for {@code M = 1.51}, {@code n = 22}.
 *
 * <p>Applicability: the test can only detect anything when {@code N < 10^d}; otherwise consecutive
 * means {@code T / N} are at most {@code 10^-d} apart and every {@code d}-decimal value is reachable.
 * {@link Result#applicable()} says which case holds; an inapplicable test always reports consistent.
 * Totals may be negative (scales with negative points). Source: N. J. L. Brown and J. A. J. Heathers,
 * "The GRIM test: A simple technique detects numerous anomalies in the reporting of results in
 * psychology", Social Psychological and Personality Science 8 (2017) 363–369 (PeerJ Preprints 2016).
 */
public final class Grim {
    /** The default number of decimals of a reported mean. */
    public static final int DEFAULT_DECIMALS = 2;
    /** The largest number of decimals accepted (so that {@code 10^d} fits comfortably in a long). */
    public static final int MAX_DECIMALS = 9;

    private Grim() {
    }

    /**
     * Tests a mean reported to 2 decimals of {@code n} answers to one item.
     *
     * @param mean the reported mean, e.g. 1.51 (at most 2 decimals)
     * @param n the sample size, {@code >= 1}
     * @return the result
     * @throws PluralstatsException if {@code n < 1} or the mean has more than 2 decimals
     */
    public static Result test(double mean, int n) {
        return test(mean, n, DEFAULT_DECIMALS, 1);
    }

    /**
     * Tests a mean reported to {@code decimals} decimals of {@code n} respondents' averages over
     * {@code items} items (formula in the class comment).
     *
     * @param mean the reported mean (at most {@code decimals} decimals)
     * @param n the sample size, {@code >= 1}
     * @param decimals the decimals the mean was reported to, {@code 0..9}
     * @param items the number of integer items averaged per respondent, {@code >= 1}
     * @return the result
     * @throws PluralstatsException if an argument is out of range or the mean has more decimals than
     *         {@code decimals}
     */
    public static Result test(double mean, int n, int decimals, int items) {
        if (!Double.isFinite(mean)) {
            throw new PluralstatsException("reported mean must be finite, got " + mean);
        }
        checkDecimals(decimals);
        BigDecimal reported;
        try {
            // Double.toString gives the shortest decimal that reads back as this double: 1.51, not 1.5100000000000000088
            reported = BigDecimal.valueOf(mean).setScale(decimals, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new PluralstatsException("reported mean " + mean + " has more than " + decimals + " decimals", e);
        }
        return compute(reported, n, items);
    }

    /**
     * Tests a mean given as reported text, which fixes the decimals: {@code "3.10"} has 2, {@code "4.8"}
     * has 1, {@code "5"} has 0.
     *
     * @param reportedMean the mean as printed, e.g. {@code "1.51"}
     * @param n the sample size, {@code >= 1}
     * @param items the number of integer items averaged per respondent, {@code >= 1}
     * @return the result
     * @throws PluralstatsException if the text is not a decimal number or an argument is out of range
     */
    public static Result test(String reportedMean, int n, int items) {
        BigDecimal reported;
        try {
            reported = new BigDecimal(reportedMean.trim());
        } catch (NumberFormatException e) {
            throw new PluralstatsException("reported mean '" + reportedMean + "' is not a decimal number", e);
        }
        if (reported.scale() < 0) {
            reported = reported.setScale(0, RoundingMode.UNNECESSARY);
        }
        checkDecimals(reported.scale());
        return compute(reported, n, items);
    }

    private static void checkDecimals(int decimals) {
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new PluralstatsException("decimals must be in 0.." + MAX_DECIMALS + ", got " + decimals);
        }
    }

    private static Result compute(BigDecimal reported, int n, int items) {
        if (n < 1 || items < 1) {
            throw new PluralstatsException("GRIM needs n >= 1 and items >= 1, got n = " + n + ", items = " + items);
        }
        int decimals = reported.scale();
        long scale = pow10(decimals);
        long size = Math.multiplyExact((long) n, items);
        long m;
        long twoMN;
        try {
            m = reported.unscaledValue().longValueExact();
            twoMN = Math.multiplyExact(Math.multiplyExact(2, m), size);
            // headroom for the products 2 T S of totals T near m N / S: |2mN| + 4N + 4S must fit
            Math.addExact(Math.abs(twoMN), Math.addExact(Math.multiplyExact(4, size), 4 * scale));
        } catch (ArithmeticException e) {
            throw new PluralstatsException("reported mean " + reported + " with n = " + n + " is too large for GRIM", e);
        }
        long twoS = 2 * scale;
        // smallest T with 2TS >= 2mN - N; consistent if also 2TS <= 2mN + N
        long tMin = Math.floorDiv(twoMN - size + twoS - 1, twoS);
        boolean consistent = tMin * twoS <= twoMN + size;

        // largest T whose half-down rounding is below m: 2TS <= (2m - 1) N
        long tBelow = Math.floorDiv(twoMN - size, twoS);
        long below = roundHalfUp(tBelow, scale, size) < m ? roundHalfUp(tBelow, scale, size)
                : roundHalfDown(tBelow, scale, size);
        // smallest T whose half-up rounding is above m: 2TS >= (2m + 1) N
        long tAbove = -Math.floorDiv(-(twoMN + size), twoS);
        long above = roundHalfDown(tAbove, scale, size) > m ? roundHalfDown(tAbove, scale, size)
                : roundHalfUp(tAbove, scale, size);
        return new Result(reported, n, items, consistent, size < scale, consistent ? tMin : Long.MIN_VALUE,
                BigDecimal.valueOf(below, decimals), BigDecimal.valueOf(above, decimals));
    }

    /** {@code T / N} in units of {@code 10^-d}, ties up: {@code floor((2TS + N) / (2N))}. */
    private static long roundHalfUp(long total, long scale, long size) {
        return Math.floorDiv(2 * total * scale + size, 2 * size);
    }

    /** {@code T / N} in units of {@code 10^-d}, ties down: {@code ceil((2TS − N) / (2N))}. */
    private static long roundHalfDown(long total, long scale, long size) {
        return -Math.floorDiv(-(2 * total * scale - size), 2 * size);
    }

    private static long pow10(int decimals) {
        long p = 1;
        for (int i = 0; i < decimals; i++) {
            p *= 10;
        }
        return p;
    }

    /** The result of a GRIM test. */
    public static final class Result {
        private final BigDecimal reportedMean;
        private final int n;
        private final int items;
        private final boolean consistent;
        private final boolean applicable;
        private final long total;
        private final BigDecimal nearestBelow;
        private final BigDecimal nearestAbove;

        private Result(BigDecimal reportedMean, int n, int items, boolean consistent, boolean applicable, long total,
                BigDecimal nearestBelow, BigDecimal nearestAbove) {
            this.reportedMean = reportedMean;
            this.n = n;
            this.items = items;
            this.consistent = consistent;
            this.applicable = applicable;
            this.total = total;
            this.nearestBelow = nearestBelow;
            this.nearestAbove = nearestAbove;
        }

        /** @return whether some integer total reproduces the reported mean (always true if not applicable) */
        public boolean consistent() {
            return consistent;
        }

        /** @return whether {@code n · items < 10^decimals}, the only case in which GRIM can detect anything */
        public boolean applicable() {
            return applicable;
        }

        /** @return the reported mean as a number */
        public double reportedMean() {
            return reportedMean.doubleValue();
        }

        /** @return the reported mean with its decimals, e.g. {@code "1.50"} */
        public String reportedMeanText() {
            return reportedMean.toPlainString();
        }

        /** @return the decimals the mean was reported to */
        public int decimals() {
            return reportedMean.scale();
        }

        /** @return the sample size */
        public int n() {
            return n;
        }

        /** @return the number of items per respondent */
        public int items() {
            return items;
        }

        /**
         * @return the smallest integer total {@code T} (over {@code n · items} answers) whose mean rounds to the
         *         reported one; empty when inconsistent
         */
        public OptionalLong total() {
            return consistent ? OptionalLong.of(total) : OptionalLong.empty();
        }

        /** @return the largest reachable mean below the reported one, rounded to its decimals */
        public double nearestBelow() {
            return nearestBelow.doubleValue();
        }

        /** @return the smallest reachable mean above the reported one, rounded to its decimals */
        public double nearestAbove() {
            return nearestAbove.doubleValue();
        }

        /** @return {@link #nearestBelow()} with the reported decimals, e.g. {@code "1.50"} */
        public String nearestBelowText() {
            return nearestBelow.toPlainString();
        }

        /** @return {@link #nearestAbove()} with the reported decimals, e.g. {@code "1.55"} */
        public String nearestAboveText() {
            return nearestAbove.toPlainString();
        }

        @Override
        public String toString() {
            return "Grim[" + reportedMeanText() + ", n=" + n + ", items=" + items + ": "
                    + (consistent ? "consistent" : "inconsistent (nearest " + nearestBelowText() + ", "
                            + nearestAboveText() + ")")
                    + (applicable ? "" : ", not applicable") + "]";
        }
    }
}
