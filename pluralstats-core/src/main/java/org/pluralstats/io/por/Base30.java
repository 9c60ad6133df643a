package org.pluralstats.io.por;

import java.math.BigInteger;

/**
 * Exact conversion of the base-30 numbers of SPSS portable files to doubles: the digits, fraction and
 * exponent are an exact rational {@code m × 30^e}, and the result is that rational correctly rounded
 * to the nearest double (ties to even), as {@link Double#parseDouble(String)} does for decimal text.
 *
 * <p>Fast path (after Clinger): when {@code m < 2^53} and {@code |e| <= 13}, {@code 30^e = 15^e × 2^e}
 * where {@code m} and {@code 15^|e|} are exact doubles, so one IEEE multiplication or division rounds
 * correctly and the scaling by {@code 2^e} is exact (the result is far from the subnormal range). Otherwise the quotient is
 * computed with {@link BigInteger}s to 64+ bits, rounded to the 53 bits of a normal double (fewer for a
 * subnormal one) with a sticky bit for the remainder.
 */
final class Base30 {
    private static final double[] POW15 = new double[14];
    private static final long EXACT = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POW15.length; i++) {
            POW15[i] = p;
            p *= 15;
        }
    }

    private Base30() {
    }

    /**
     * @param c a character of the portable character set (as Unicode)
     * @return its value as a base-30 digit ({@code 0-9}, {@code A-T}), or -1
     */
    static int digit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'T') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * @param mantissa the digits as an integer, non-negative
     * @param exponent the power of 30 to multiply by (negative for fractions)
     * @return {@code mantissa × 30^exponent} correctly rounded; {@code Infinity} when it exceeds the
     *     double range after rounding
     */
    static double value(BigInteger mantissa, int exponent) {
        if (mantissa.signum() == 0) {
            return 0.0;
        }
        if (mantissa.bitLength() <= 53 && Math.abs(exponent) < POW15.length) {
            return fast(mantissa.longValue(), exponent);
        }
        BigInteger num = mantissa;
        BigInteger den = BigInteger.ONE;
        BigInteger p = BigInteger.valueOf(30).pow(Math.abs(exponent));
        if (exponent >= 0) {
            num = num.multiply(p);
        } else {
            den = p;
        }
        return ratio(num, den);
    }

    /**
     * @param mantissa a non-negative integer below {@code 2^53}
     * @param exponent the power of 30
     * @return the correctly rounded value, by the fast path when it applies
     */
    static double value(long mantissa, int exponent) {
        if (mantissa < EXACT && Math.abs(exponent) < POW15.length) {
            return fast(mantissa, exponent);
        }
        return value(BigInteger.valueOf(mantissa), exponent);
    }

    private static double fast(long mantissa, int exponent) {
        double m = mantissa;
        double r = exponent >= 0 ? m * POW15[exponent] : m / POW15[-exponent];
        return Math.scalb(r, exponent);
    }

    /** {@code num / den} for positive integers, correctly rounded to a double (ties to even). */
    static double ratio(BigInteger num, BigInteger den) {
        int s = 66 - (num.bitLength() - den.bitLength());
        BigInteger[] qr = s >= 0 ? num.shiftLeft(s).divideAndRemainder(den)
                : num.divideAndRemainder(den.shiftLeft(-s));
        BigInteger q = qr[0];
        boolean sticky = qr[1].signum() != 0;
        int bits = q.bitLength();
        long e = (long) bits - 1 - s; // value in [2^e, 2^(e+1))
        if (e > 1023) {
            return Double.POSITIVE_INFINITY;
        }
        long precision = e >= -1022 ? 53 : e + 1075;
        if (precision < 0) {
            return 0.0;
        }
        int drop = (int) (bits - precision);
        BigInteger keep = q.shiftRight(drop);
        BigInteger rest = q.subtract(keep.shiftLeft(drop));
        BigInteger half = BigInteger.ONE.shiftLeft(drop - 1);
        int cmp = rest.compareTo(half);
        if (cmp > 0 || cmp == 0 && (sticky || keep.testBit(0))) {
            keep = keep.add(BigInteger.ONE);
        }
        double r = Math.scalb((double) keep.longValueExact(), drop - s);
        return r;
    }
}
