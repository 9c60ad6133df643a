package org.pluralstats.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal text that reads back as the same double ({@code 2}, {@code 0.82382},
 * {@code 1.0E-10}). Java 17's {@link Double#toString(double)} is not always shortest (JDK-4511638,
 * fixed in Java 19), so this searches the precisions 1..17 explicitly.
 */
public final class ShortestDecimal {
    private ShortestDecimal() {
    }

    /**
     * @param v a finite double
     * @return integers without a decimal point; other values with the fewest significant digits that
     *     round-trip, in plain notation when the exponent is between -7 and 20, else scientific
     *     ({@code 1.5E-9}); {@code NaN}/{@code Infinity} as Java spells them
     */
    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return v == 0 && 1 / v < 0 ? "-0" : Long.toString((long) v);
        }
        BigDecimal fast = roundTripping(v);
        if (fast != null) {
            return render(fast);
        }
        // Double.toString round-trips but may carry too many digits (JDK 17); with at most 15 significant
        // digits it is the shortest, since distinct decimals of <= 15 digits never share a double (DBL_DIG)
        BigDecimal quick = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        if (quick.precision() <= 15) {
            return render(quick);
        }
        BigDecimal exact = new BigDecimal(v);
        for (int p = 15; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == v) {
                return render(r.stripTrailingZeros());
            }
        }
        return render(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros());
    }

    private static final long[] POW10 = new long[20];

    static {
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p; // 10^19 wraps to a negative long: its bits are the unsigned value
            p *= 10;
        }
    }

    /**
     * The search of {@link #format} for 15, 16 and 17 digits in 128-bit integer arithmetic: for
     * {@code v = m·2^q} with {@code 10^-3 <= |v| < 2^52}, the exact product {@code m·10^k} (k ≤ 19)
     * shifted right by {@code -q} gives the first 17 digits and the exact remainder, from which the
     * half-even roundings to 15, 16 and 17 digits follow; a candidate below 2^53 is read back exactly
     * as one correctly rounded division by a power of ten (Clinger 1990).
     *
     * @return the shortest round-tripping decimal, trailing zeros stripped, or null outside that range
     *     (the caller then rounds a BigDecimal). With at most 15 digits it is the first candidate, since
     *     a decimal of at most 15 digits is the 15-digit rounding of the double it reads as (DBL_DIG).
     */
    private static BigDecimal roundTripping(double v) {
        double a = Math.abs(v);
        long bits = Double.doubleToRawLongBits(a);
        int biased = (int) (bits >>> 52);
        if (biased == 0 || !(a >= 1e-3) || !(a < 0x1p52)) {
            return null;
        }
        long m = (bits & ((1L << 52) - 1)) | (1L << 52);
        int shift = 1075 - biased; // v = m·2^-shift; 1 <= shift <= 62 for 10^-3 <= v < 2^52
        int k = 16 - (int) Math.floor(Math.log10(a));
        for (int attempt = 0; attempt < 3; attempt++) {
            if (k < 0 || k > 19) {
                return null;
            }
            long p10 = POW10[k];
            long lo = m * p10;
            long hi = Math.multiplyHigh(m, p10) + ((p10 >> 63) & m);
            // n: the first 17 digits (v·10^k truncated); rest: what the shift dropped (shift < 64 here)
            long n = (hi << (64 - shift)) | (lo >>> shift);
            long rest = lo & ((1L << shift) - 1);
            int cmp = Long.compareUnsigned(rest, 1L << (shift - 1));
            if (n < POW10[16]) {
                k++;
                continue;
            }
            if (n >= POW10[17]) {
                k--;
                continue;
            }
            boolean restNonZero = rest != 0;
            for (int p = 15; p <= 17; p++) {
                long c;
                if (p == 17) {
                    // the dropped part is the remainder alone: against half, ties to even
                    c = n + (cmp > 0 || cmp == 0 && (n & 1) == 1 ? 1 : 0);
                } else {
                    // dropped: the last 17 - p digits d, then the remainder; exactly half only when d is
                    // half and the remainder is zero (then to even)
                    long div = POW10[17 - p];
                    long q = n / div;
                    long d = n % div;
                    long half = div / 2;
                    c = q + (d > half || d == half && (restNonZero || (q & 1) == 1) ? 1 : 0);
                }
                int scale = k - (17 - p);
                if (p == 17 || readsBack(c, scale, a)) {
                    return BigDecimal.valueOf(v < 0 ? -c : c, scale).stripTrailingZeros();
                }
            }
        }
        return null;
    }

    /** Whether {@code c·10^-scale} reads back as a, exactly decided where Clinger's fast path applies. */
    private static boolean readsBack(long c, int scale, double a) {
        if (c < (1L << 53) && scale >= 0 && scale <= 22) {
            return c / TEN[scale] == a;
        }
        if (c < (1L << 53) && scale < 0 && -scale <= 22) {
            return c * TEN[-scale] == a;
        }
        return BigDecimal.valueOf(c, scale).doubleValue() == a;
    }

    private static final double[] TEN = new double[23];

    static {
        double t = 1;
        for (int i = 0; i < TEN.length; i++) {
            TEN[i] = t;
            t *= 10;
        }
    }

    private static String render(BigDecimal d) {
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -7 && exponent < 21) {
            return d.toPlainString();
        }
        String unscaled = d.unscaledValue().abs().toString();
        String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
        return (d.signum() < 0 ? "-" : "") + mantissa + "E" + exponent;
    }
}
