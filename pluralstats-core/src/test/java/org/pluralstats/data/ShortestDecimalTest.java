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
}
