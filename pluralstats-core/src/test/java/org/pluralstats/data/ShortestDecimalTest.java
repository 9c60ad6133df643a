package org.pluralstats.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ShortestDecimalTest {
    @Test
    void examples() {
        assertThat(ShortestDecimal.format(2.0)).isEqualTo("2");
        assertThat(ShortestDecimal.format(-5)).isEqualTo("-5");
        assertThat(ShortestDecimal.format(0.82382)).isEqualTo("0.82382");
        assertThat(ShortestDecimal.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(ShortestDecimal.format(2e-3)).isEqualTo("0.002");
        assertThat(ShortestDecimal.format(1.5e-9)).isEqualTo("1.5E-9");
        assertThat(ShortestDecimal.format(2e23)).isEqualTo("2E23");
        assertThat(ShortestDecimal.format(-Double.MAX_VALUE)).isEqualTo("-1.7976931348623157E308");
    }

    @Test
    void roundTripsAndIsNeverLongerThanJava() {
        Random r = new Random(7);
        for (int i = 0; i < 20000; i++) {
            double v = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            String s = ShortestDecimal.format(v);
            assertThat(Double.parseDouble(s)).isEqualTo(v);
            String digits = s.replaceAll("E.*", "").replaceAll("[^0-9]", "").replaceAll("^0+", "").replaceAll("0+$", "");
            String java = Double.toString(v).replaceAll("E.*", "").replaceAll("[^0-9]", "").replaceAll("^0+", "")
                    .replaceAll("0+$", "");
            assertThat(digits.length()).isLessThanOrEqualTo(java.length());
        }
    }

    /** The first definition: the exact value rounded to 1, 2, … 17 digits until it reads back (slow, plainly right). */
    private static String byRounding(double v) {
        java.math.BigDecimal exact = new java.math.BigDecimal(v);
        for (int p = 1; p <= 17; p++) {
            java.math.BigDecimal r = exact.round(new java.math.MathContext(p, java.math.RoundingMode.HALF_EVEN));
            if (r.doubleValue() == v) {
                return r.stripTrailingZeros().toString();
            }
        }
        return "none";
    }

    @Test
    void theQuickPathGivesTheDigitsOfTheFirstDefinition() {
        Random r = new Random(12);
        for (int i = 0; i < 120000; i++) {
            double v = switch (i % 7) {
                case 0 -> Double.longBitsToDouble(r.nextLong());
                case 1 -> r.nextDouble();
                case 2 -> Math.round(r.nextDouble() * 1e6) / 1e5;
                case 3 -> Math.pow(10, r.nextDouble() * 19 - 4) * (r.nextBoolean() ? 1 : -1);
                case 4 -> {
                    // next to powers of ten, where the digit count changes
                    double t = Math.pow(10, r.nextInt(20) - 4);
                    yield r.nextBoolean() ? Math.nextUp(t) : Math.nextDown(t);
                }
                case 5 -> Math.scalb((double) (r.nextLong() >>> 11), -r.nextInt(60)); // every mantissa bit used
                default -> r.nextInt(1000) / (1.0 + r.nextInt(1000));
            };
            if (Double.isNaN(v) || Double.isInfinite(v) || v == Math.rint(v)) {
                continue;
            }
            java.math.BigDecimal got = new java.math.BigDecimal(ShortestDecimal.format(v));
            assertThat(got.stripTrailingZeros().toString()).as("%s", v).isEqualTo(byRounding(v));
        }
    }
}
