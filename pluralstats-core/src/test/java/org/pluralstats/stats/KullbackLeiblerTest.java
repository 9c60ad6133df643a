package org.pluralstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;

/** KL(p ‖ q) equals scipy.stats.entropy(p, q, base) on tools/kl_reference.py's cases (kl_reference.csv). */
class KullbackLeiblerTest {
    @Test
    void equalsScipy() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("kl_reference.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
        }
        assertThat(lines).hasSize(12);
        int infinite = 0;
        for (String line : lines) {
            String[] f = line.split(";");
            double[] p = Arrays.stream(f[0].split(" ")).mapToDouble(Double::parseDouble).toArray();
            double[] q = Arrays.stream(f[1].split(" ")).mapToDouble(Double::parseDouble).toArray();
            double e = Double.parseDouble(f[2].replace("inf", "Infinity"));
            double b2 = Double.parseDouble(f[3].replace("inf", "Infinity"));
            if (Double.isInfinite(e)) {
                infinite++;
                assertThat(KullbackLeibler.of(p, q, JensenShannonDistance.NATURAL)).isEqualTo(Double.POSITIVE_INFINITY);
                continue;
            }
            assertThat(KullbackLeibler.of(p, q, JensenShannonDistance.NATURAL)).as(line).isCloseTo(e, within(1e-12));
            assertThat(KullbackLeibler.of(p, q, JensenShannonDistance.BASE_2)).as(line).isCloseTo(b2, within(1e-12));
        }
        assertThat(infinite).isEqualTo(1);
    }

    @Test
    void isZeroOnlyForEqualDistributions() {
        assertThat(KullbackLeibler.of(new double[] {2, 6}, new double[] {0.25, 0.75}, 2)).isEqualTo(0.0);
        assertThat(KullbackLeibler.of(new double[] {0, 1}, new double[] {0.5, 0.5}, 2)).isCloseTo(1.0, within(1e-15));
        assertThat(KullbackLeibler.of(new double[] {0.5, 0.5}, new double[] {0, 1}, 2)).isInfinite();
    }

    @Test
    void refusesWhatIsNotADistribution() {
        assertThatThrownBy(() -> KullbackLeibler.of(new double[] {1, 2}, new double[] {1}, 2))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("same categories");
        assertThatThrownBy(() -> KullbackLeibler.of(new double[] {0, 0}, new double[] {1, 1}, 2))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("sum to zero");
        assertThatThrownBy(() -> KullbackLeibler.of(new double[] {1, 1}, new double[] {1, 1}, 1))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("base");
    }
}
