package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;

/** The total variation distance equals NumPy's 0.5·Σ|p − q| of the shares (tools/tv_reference.py). */
class TotalVariationTest {
    @Test
    void equalsNumPy() {
        assertThat(TotalVariation.of(new double[] {0.2, 0.3, 0.5}, new double[] {0.5, 0.3, 0.2})).isCloseTo(0.3, within(1e-15));
        assertThat(TotalVariation.of(new double[] {12, 30, 58}, new double[] {1, 1, 1}))
                .isCloseTo(0.24666666666666665, within(1e-15));
        assertThat(TotalVariation.of(new double[] {0.1, 0.0, 0.9}, new double[] {0.0, 1.0, 0.0})).isEqualTo(1.0);
        assertThat(TotalVariation.of(new double[] {3, 7}, new double[] {3, 7})).isEqualTo(0.0);
        assertThat(TotalVariation.of(new double[] {0.0212, 0.4, 0.3001, 0.2787}, new double[] {0.25, 0.25, 0.25, 0.25}))
                .isCloseTo(0.2288, within(1e-15));
    }

    @Test
    void isOneMinusTheSharedMass() {
        Random r = new Random(13);
        for (int t = 0; t < 1000; t++) {
            int k = 1 + r.nextInt(8);
            double[] p = new double[k];
            double[] q = new double[k];
            double sp = 0;
            double sq = 0;
            for (int i = 0; i < k; i++) {
                p[i] = r.nextInt(4) == 0 ? 0 : r.nextDouble();
                q[i] = r.nextInt(4) == 0 ? 0 : r.nextDouble();
                sp += p[i];
                sq += q[i];
            }
            if (sp == 0 || sq == 0) {
                continue;
            }
            double shared = 0;
            for (int i = 0; i < k; i++) {
                shared += Math.min(p[i] / sp, q[i] / sq);
            }
            double tv = TotalVariation.of(p, q);
            assertThat(tv).isBetween(0.0, 1.0).isCloseTo(1 - shared, within(1e-12));
            assertThat(TotalVariation.of(q, p)).isCloseTo(tv, within(1e-15));
        }
    }

    @Test
    void refusesWhatIsNotADistribution() {
        assertThatThrownBy(() -> TotalVariation.of(new double[] {1, 2}, new double[] {1})).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("same categories");
        assertThatThrownBy(() -> TotalVariation.of(new double[] {0, 0}, new double[] {1, 1}))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("sum to zero");
        assertThatThrownBy(() -> TotalVariation.of(new double[] {-1, 2}, new double[] {1, 1}))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("invalid share");
    }
}
