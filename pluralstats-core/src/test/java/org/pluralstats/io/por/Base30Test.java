package org.pluralstats.io.por;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Base30#value} is {@code m × 30^e} correctly rounded: checked against Java's correctly rounded
 * decimal parsing where the value is a terminating decimal ({@code e >= 0}), and otherwise by exact
 * arithmetic: the result is at least as close to the rational as both neighbouring doubles, and wins a
 * tie only when its last bit is even.
 */
class Base30Test {
    private static final BigInteger THIRTY = BigInteger.valueOf(30);

    @Test
    void integersAgreeWithBigDecimal() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            BigInteger m = new BigInteger(1 + rnd.nextInt(120), new java.util.Random(rnd.nextLong()));
            int e = rnd.nextInt(60);
            double want = new BigDecimal(m.multiply(THIRTY.pow(e))).doubleValue();
            assertThat(Base30.value(m, e)).as(m + " * 30^" + e).isEqualTo(want);
        }
    }

    @Test
    void fractionsAreTheNearestDouble() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < 1000; i++) {
            BigInteger m = new BigInteger(1 + rnd.nextInt(100), new java.util.Random(rnd.nextLong())).add(BigInteger.ONE);
            // exponents down to the subnormal range: 30^-220 is about 1e-325
            int k = 1 + rnd.nextInt(i % 3 == 0 ? 230 : 20);
            checkNearest(m, k);
        }
        // the smallest subnormal and values just around it
        checkNearest(BigInteger.ONE, 218);
        checkNearest(BigInteger.ONE, 219);
        checkNearest(BigInteger.TEN, 220);
    }

    @Test
    void examplesFromPsppFiles() {
        assertThat(Base30.value(Long.parseLong("DB8KFLF9", 30), -11)).isEqualTo(1.651397e-05);
        assertThat(Base30.value(Long.parseLong("5O00", 30), 0)).isEqualTo(156600.0);
        assertThat(Base30.value(Long.parseLong("6850QA888H", 30), 4)).isEqualTo(1.0000000000000016e20);
        assertThat(Base30.value(Long.parseLong("A9E17IR6IG", 30), 199)).isInfinite();
    }

    private static void checkNearest(BigInteger m, int k) {
        double r = Base30.value(m, -k);
        BigInteger den = THIRTY.pow(k);
        // compare |m/den - x| for x = r and its neighbours, as |m - x*den| with exact decimals
        BigDecimal exact = new BigDecimal(m);
        BigDecimal dr = distance(exact, r, den);
        double up = Math.nextUp(r);
        double down = Math.nextDown(r);
        String what = m + " / 30^" + k + " -> " + r;
        if (!Double.isInfinite(up)) {
            int c = dr.compareTo(distance(exact, up, den));
            assertThat(c <= 0).as(what + " vs " + up).isTrue();
            if (c == 0) {
                assertThat(Double.doubleToRawLongBits(r) & 1).as(what + " tie").isZero();
            }
        }
        if (r > 0) {
            int c = dr.compareTo(distance(exact, down, den));
            assertThat(c <= 0).as(what + " vs " + down).isTrue();
            if (c == 0) {
                assertThat(Double.doubleToRawLongBits(r) & 1).as(what + " tie").isZero();
            }
        }
    }

    private static BigDecimal distance(BigDecimal m, double x, BigInteger den) {
        return m.subtract(new BigDecimal(x).multiply(new BigDecimal(den))).abs();
    }
}
