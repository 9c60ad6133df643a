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
