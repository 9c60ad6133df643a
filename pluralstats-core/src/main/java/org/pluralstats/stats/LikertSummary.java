package org.pluralstats.stats;

import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pluralstats.PluralstatsException;

/**
 * Descriptive summary of the answers to one rating-scale (Likert) item: counts, mean, standard
 * deviation, quartiles, top- and bottom-two-box shares and a Student t confidence interval of the mean.
 *
 * <p>Formulas, for the {@code n} answered values {@code x_i} (missing answers are only counted):
 * <ul>
 * <li>mean {@code x̄ = Σ x_i / n} (compensated sum, {@link CompensatedSum});</li>
 * <li>sample standard deviation {@code s = sqrt(Σ (x_i − x̄)² / (n − 1))} (numpy {@code std(ddof=1)},
 * R {@code sd});</li>
 * <li>quantiles by linear interpolation between order statistics, {@code h = (n − 1) p},
 * {@code Q(p) = x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋))} with 0-based order statistics: Hyndman and Fan
 * (1996) type 7, numpy's default {@code percentile(method='linear')}, R's default {@code quantile};
 * median {@code Q(0.5)}, quartiles {@code Q(0.25)}, {@code Q(0.75)}, {@code IQR = Q(0.75) − Q(0.25)};</li>
 * <li>top-two-box share: the share of answers on the two highest points {@code max − 1, max} of the
 * scale; bottom-two-box: on {@code min, min + 1}. These are numeric ends; a scale's direction
 * ({@code data.Scale.Direction}) is not applied, so for a descending scale (1 = very important) the "agree"
 * end is the bottom box;</li>
 * <li>confidence interval of the mean {@code x̄ ± t(1 − α/2; n − 1) · s / √n} with
 * {@code α = 1 − level} (scipy {@code stats.t.interval(level, n-1, loc=mean, scale=sem)}, R
 * {@code t.test(x)$conf.int}).</li>
 * </ul>
 *
 * <p>Degenerate input: with {@code n = 0} every statistic is empty and the counts are zero; with
 * {@code n = 1} the standard deviation and the interval are empty (the quartiles are the value); with
 * all values equal {@code s = 0} and the interval is {@code [x̄, x̄]}.
 *
 * <p>Answered values must be integers (scale points); when a scale {@code min..max} is given they must lie in
 * {@code min..max}, and the counts list every point of the scale, with zeros. Without a scale, the counts
 * list the observed points only and the box shares are empty.
 *
 * <p>Checked against numpy 1.24 ({@code mean}, {@code std}, {@code percentile}) and scipy 1.10
 * ({@code stats.iqr}, {@code stats.t.interval}); see {@code tools/stats_reference.py}.
 */
public final class LikertSummary {
    /** The default confidence level of the interval of the mean. */
    public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

    private static final Options DEFAULTS = new Options(OptionalInt.empty(), OptionalInt.empty(), DEFAULT_CONFIDENCE_LEVEL);

    private final int n;
    private final int missing;
    private final OptionalInt scaleMin;
    private final OptionalInt scaleMax;
    private final double confidenceLevel;
    private final double mean;
    private final double standardDeviation;
    private final double[] quartiles;
    private final SortedMap<Integer, Integer> counts;
    private final double topTwoBox;
    private final double bottomTwoBox;
    private final Optional<ConfidenceInterval> meanInterval;

    private LikertSummary(double[] answered, int missing, Options options) {
        this.n = answered.length;
        this.missing = missing;
        this.scaleMin = options.min;
        this.scaleMax = options.max;
        this.confidenceLevel = options.confidenceLevel;
        boolean scaled = scaleMin.isPresent();

        TreeMap<Integer, Integer> tally = new TreeMap<>();
        for (int p = scaleMin.orElse(0); scaled && p <= scaleMax.getAsInt(); p++) {
            tally.put(p, 0);
        }
        CompensatedSum sum = CompensatedSum.create();
        int top = 0;
        int bottom = 0;
        double topFrom = scaled ? scaleMax.getAsInt() - 1.0 : Double.POSITIVE_INFINITY;
        double bottomTo = scaled ? scaleMin.getAsInt() + 1.0 : Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = answered[i];
            sum.accept(v);
            top += v >= topFrom ? 1 : 0;
            bottom += v <= bottomTo ? 1 : 0;
        }
        this.mean = n == 0 ? Double.NaN : sum.getAsDouble() / n;
        this.topTwoBox = n == 0 || !scaled ? Double.NaN : (double) top / n;
        this.bottomTwoBox = n == 0 || !scaled ? Double.NaN : (double) bottom / n;

        if (n >= 2) {
            CompensatedSum squares = CompensatedSum.create();
            for (double v : answered) {
                double d = v - mean;
                squares.accept(d * d);
            }
            this.standardDeviation = Math.sqrt(squares.getAsDouble() / (n - 1));
            double t = Distributions.tQuantile(1 - (1 - confidenceLevel) / 2, n - 1);
            double half = t * (standardDeviation / Math.sqrt(n));
            this.meanInterval = Optional.of(new ConfidenceInterval(mean - half, mean + half, confidenceLevel,
                    ConfidenceInterval.Method.STUDENT_T));
        } else {
            this.standardDeviation = Double.NaN;
            this.meanInterval = Optional.empty();
        }

        double[] sorted = answered.clone();
        Arrays.sort(sorted);
        for (int lo = 0; lo < n;) { // runs of equal points in the sorted copy: no boxing per value
            int hi = lo + 1;
            while (hi < n && sorted[hi] == sorted[lo]) {
                hi++;
            }
            tally.put((int) sorted[lo], hi - lo);
            lo = hi;
        }
        this.counts = Collections.unmodifiableSortedMap(tally);
        this.quartiles = n == 0 ? new double[0]
                : new double[] {quantile7(sorted, 0.25), quantile7(sorted, 0.5), quantile7(sorted, 0.75)};
    }

    /**
     * Summarises values in which {@code NaN} marks a missing answer, without a scale, with a 95%
     * interval.
     *
     * @param values answers; {@code NaN} = missing
     * @return the summary
     * @throws PluralstatsException if an answered value is not an integer
     */
    public static LikertSummary of(double... values) {
        return DEFAULTS.summarize(values);
    }

    /**
     * The default options (no scale, 95% interval), to be changed with {@code with…} copies, e.g.
     * {@code LikertSummary.withDefaults().withScale(1, 10).withConfidenceLevel(0.9).summarize(x)}.
     *
     * @return the default options
     */
    public static Options withDefaults() {
        return DEFAULTS;
    }

    /**
     * Immutable options of a summary: the scale and the confidence level of the interval of the mean.
     */
    public static final class Options {
        private final OptionalInt min;
        private final OptionalInt max;
        private final double confidenceLevel;

        private Options(OptionalInt min, OptionalInt max, double confidenceLevel) {
            this.min = min;
            this.max = max;
            this.confidenceLevel = confidenceLevel;
        }

        /**
         * @param min the lowest point of the scale
         * @param max the highest point, {@code >= min}: answers must be integer points {@code min..max},
         *        all points are counted, and the box shares are defined
         * @return a copy with this scale
         */
        public Options withScale(int min, int max) {
            if (max < min) {
                throw new PluralstatsException("scale " + min + ".." + max + ": max must be >= min");
            }
            return new Options(OptionalInt.of(min), OptionalInt.of(max), confidenceLevel);
        }

        /** @return a copy without a scale */
        public Options withoutScale() {
            return new Options(OptionalInt.empty(), OptionalInt.empty(), confidenceLevel);
        }

        /**
         * @param level confidence level of the interval of the mean, in (0, 1), e.g. 0.95
         * @return a copy with this level
         */
        public Options withConfidenceLevel(double level) {
            return new Options(min, max, ConfidenceInterval.checkLevel(level));
        }

        /** @return the confidence level */
        public double confidenceLevel() {
            return confidenceLevel;
        }

        /**
         * @param values answers; {@code NaN} = missing (counted in {@link LikertSummary#missing()})
         * @return the summary
         * @throws PluralstatsException if an answered value is not an integer or not on the scale
         */
        public LikertSummary summarize(double[] values) {
            int answered = 0;
            for (double v : values) {
                answered += Double.isNaN(v) ? 0 : 1;
            }
            double[] kept = new double[answered];
            int k = 0;
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    check(values[i], i);
                    kept[k++] = values[i];
                }
            }
            return new LikertSummary(kept, values.length - answered, this);
        }

        /**
         * @param answered the answered values only (no {@code NaN})
         * @param missing the number of missing answers, {@code >= 0}
         * @return the summary
         * @throws PluralstatsException if a value is {@code NaN}, not an integer or not on the scale, or
         *         {@code missing < 0}
         */
        public LikertSummary summarize(double[] answered, int missing) {
            if (missing < 0) {
                throw new PluralstatsException("missing count must be >= 0, got " + missing);
            }
            for (int i = 0; i < answered.length; i++) {
                if (Double.isNaN(answered[i])) {
                    throw new PluralstatsException("answered values must not contain NaN (index " + i
                            + "); pass missing answers as a count");
                }
                check(answered[i], i);
            }
            return new LikertSummary(answered.clone(), missing, this);
        }

        private void check(double v, int index) {
            if (min.isPresent()) {
                if (!(v >= min.getAsInt() && v <= max.getAsInt() && v == Math.rint(v))) {
                    throw new PluralstatsException("value " + v + " at index " + index + " is not a point of the scale "
                            + min.getAsInt() + ".." + max.getAsInt());
                }
            } else if (!(v == Math.rint(v)) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new PluralstatsException("value " + v + " at index " + index
                        + " is not an integer scale point");
            }
        }
    }

    /**
     * Hyndman–Fan type 7 quantile of sorted values, with numpy's two-sided linear interpolation
     * ({@code a + (b − a) g} for {@code g < 0.5}, {@code b − (b − a)(1 − g)} otherwise).
     */
    static double quantile7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        double g = h - lo;
        if (lo + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        double a = sorted[lo];
        double b = sorted[lo + 1];
        double diff = b - a;
        return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
    }

    private static OptionalDouble optional(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** @return the number of answered values */
    public int n() {
        return n;
    }

    /** @return the number of missing answers */
    public int missing() {
        return missing;
    }

    /** @return the lowest point of the scale the summary was computed on, if any */
    public OptionalInt scaleMin() {
        return scaleMin;
    }

    /** @return the highest point of the scale the summary was computed on, if any */
    public OptionalInt scaleMax() {
        return scaleMax;
    }

    /** @return the confidence level of {@link #meanInterval()} */
    public double confidenceLevel() {
        return confidenceLevel;
    }

    /** @return the mean {@code Σ x_i / n}; empty when {@code n = 0} */
    public OptionalDouble mean() {
        return optional(mean);
    }

    /** @return the sample standard deviation (divisor {@code n − 1}); empty when {@code n < 2} */
    public OptionalDouble standardDeviation() {
        return optional(standardDeviation);
    }

    /** @return the median (type 7 quantile at 0.5); empty when {@code n = 0} */
    public OptionalDouble median() {
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(quartiles[1]);
    }

    /** @return the first quartile (type 7 quantile at 0.25); empty when {@code n = 0} */
    public OptionalDouble firstQuartile() {
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(quartiles[0]);
    }

    /** @return the third quartile (type 7 quantile at 0.75); empty when {@code n = 0} */
    public OptionalDouble thirdQuartile() {
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(quartiles[2]);
    }

    /** @return the interquartile range {@code Q3 − Q1}; empty when {@code n = 0} */
    public OptionalDouble interquartileRange() {
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(quartiles[2] - quartiles[0]);
    }

    /**
     * @return answers per scale point, in increasing order of point (unmodifiable); with a scale every
     *         point {@code min..max} is present, zeros included
     */
    public SortedMap<Integer, Integer> counts() {
        return counts;
    }

    /**
     * @return the share of answers on the two highest scale points ({@code max − 1} and {@code max});
     *         empty without a scale or when {@code n = 0}
     */
    public OptionalDouble topTwoBoxShare() {
        return optional(topTwoBox);
    }

    /**
     * @return the share of answers on the two lowest scale points ({@code min} and {@code min + 1});
     *         empty without a scale or when {@code n = 0}
     */
    public OptionalDouble bottomTwoBoxShare() {
        return optional(bottomTwoBox);
    }

    /**
     * @return the Student t confidence interval of the mean, {@code x̄ ± t(1 − α/2; n − 1) s / √n};
     *         empty when {@code n < 2}
     */
    public Optional<ConfidenceInterval> meanInterval() {
        return meanInterval;
    }

    /** @return the counts and the summary as numbers ({@code –} where undefined), e.g. for JShell */
    @Override
    public String toString() {
        return "LikertSummary[n=" + n + ", missing=" + missing + ", mean=" + text(mean()) + ", sd="
                + text(standardDeviation()) + ", median=" + text(median()) + ", 95% CI="
                + meanInterval.map(Object::toString).orElse("–") + ", counts=" + counts + "]";
    }

    private static String text(OptionalDouble v) {
        return v.isPresent() ? Double.toString(v.getAsDouble()) : "–";
    }
}
