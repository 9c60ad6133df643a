package org.pluralstats.stats;

import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;

/**
 * A running sum with Neumaier's compensation: the rounding error of every addition is collected in a
 * second term and added back at the end, so the result is accurate to about one rounding of the true
 * sum regardless of the number of terms (unless the terms cancel catastrophically beyond what a second
 * double can hold).
 *
 * <p>For each term {@code x}: {@code t = s + x}; {@code c += (|s| >= |x|) ? (s - t) + x : (x - t) + s};
 * {@code s = t}. The sum is {@code s + c}. Source: A. Neumaier, "Rundungsfehleranalyse einiger Verfahren
 * zur Summation endlicher Summen", ZAMM 54 (1974) 39–51; the Kahan–Babuška variant of Kahan (1965).
 *
 * <p>Implements {@link DoubleConsumer}, so it can collect a stream
 * ({@code stream.collect(CompensatedSum::create, CompensatedSum::accept, CompensatedSum::combine)}).
 * Instances are mutable and not thread-safe; {@link #combine} merges partial sums of parallel work.
 *
 * <p>Non-finite terms: if the compensated sum is not finite, the plain running sum is returned, so a
 * sum containing {@code +Infinity} is {@code +Infinity} and one containing {@code NaN} or both
 * infinities is {@code NaN}, as with ordinary addition. Checked against Python's {@code math.fsum}.
 */
public final class CompensatedSum implements DoubleConsumer, DoubleSupplier {
    private double sum;
    private double compensation;
    private long count;

    private CompensatedSum() {
    }

    /** @return an empty sum (value 0) */
    public static CompensatedSum create() {
        return new CompensatedSum();
    }

    /**
     * @param values the terms
     * @return the accumulator after adding all terms
     */
    public static CompensatedSum of(double... values) {
        CompensatedSum s = new CompensatedSum();
        for (double v : values) {
            s.accept(v);
        }
        return s;
    }

    /**
     * The compensated sum of an array, {@code Σ values[i]}.
     *
     * @param values the terms
     * @return their sum (0 for no terms)
     */
    public static double sum(double... values) {
        return of(values).getAsDouble();
    }

    /**
     * Adds a term.
     *
     * @param value the term
     */
    /**
     * Neumaier's compensated addition of a term to a running sum kept in an array, {@code a[i]} the sum
     * and {@code a[i + 1]} its compensation: the step of {@link #accept}, for accumulators that keep many
     * sums in one primitive array (the one-pass scores).
     *
     * @param a the array
     * @param i the sum's index; its compensation is at {@code i + 1}
     * @param value the term
     */
    public static void addTo(double[] a, int i, double value) {
        double s = a[i];
        double t = s + value;
        if (Math.abs(s) >= Math.abs(value)) {
            a[i + 1] += (s - t) + value;
        } else {
            a[i + 1] += (value - t) + s;
        }
        a[i] = t;
    }

    @Override
    public void accept(double value) {
        double t = sum + value;
        if (Math.abs(sum) >= Math.abs(value)) {
            compensation += (sum - t) + value;
        } else {
            compensation += (value - t) + sum;
        }
        sum = t;
        count++;
    }

    /**
     * Adds the terms of another sum to this one: the result equals (to rounding of the compensation)
     * the sum of all terms given to either accumulator.
     *
     * @param other another sum (unchanged)
     * @return this
     */
    public CompensatedSum combine(CompensatedSum other) {
        long n = count + other.count;
        accept(other.sum);
        accept(other.compensation);
        count = n;
        return this;
    }

    /** @return the number of terms added (including those of combined sums) */
    public long count() {
        return count;
    }

    /** @return the sum, {@code s + c} (the plain sum when that is not finite) */
    @Override
    public double getAsDouble() {
        double r = sum + compensation;
        return Double.isFinite(r) ? r : sum;
    }
}
