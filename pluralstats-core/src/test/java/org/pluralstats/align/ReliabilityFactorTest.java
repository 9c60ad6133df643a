package org.pluralstats.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;

/** The reliability factor: its source in the tables' metadata, and self-consistency divided by it. */
class ReliabilityFactorTest {
    @Test
    void sourceOfTheDefaultOfAGivenNumberAndOfAFile() {
        assertThat(ReliabilityFactor.of(0.955).describe()).isEqualTo("0.955 (" + ReliabilityFactor.DEFAULT_SOURCE + ")");
        assertThat(ReliabilityFactor.of(0.9).describe()).isEqualTo("0.9 (given)");
        assertThat(ModelSelfConsistency.withDefaults().reliabilityFactor()).isEqualTo(ReliabilityFactor.of(0.955));
        assertThatThrownBy(() -> ReliabilityFactor.of(0)).isInstanceOf(PluralstatsException.class).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> ModelSelfConsistency.withDefaults().withReliability(1.2)).isInstanceOf(PluralstatsException.class);
    }

    @Test
    void theConsistencyTableStatesTheFactorAndDividesByIt() {
        // the hand-worked case of ModelSelfConsistencyTest: rho = 35/73
        ModelOutputs outputs = ModelOutputs.of(List.of(
                Generation.ofScore("m", "", "da", "A", 1, 0.2), Generation.ofScore("m", "", "da", "A", 2, 0.4),
                Generation.ofScore("m", "", "da", "A", 3, 0.4), Generation.ofScore("m", "", "da", "B", 1, 0.8),
                Generation.ofScore("m", "", "da", "B", 2, 1.0)));
        ReliabilityFactor f = new ReliabilityFactor(0.8, "1 - mean absolute error 0.2 of judge against human over 5 units (a.csv)");
        ModelConsistencies c = ModelSelfConsistency.withDefaults().withReliability(f).estimate(outputs);
        assertThat(c.table().metadata()).containsEntry("reliability", "0.8 (1 - mean absolute error 0.2 of judge against human "
                + "over 5 units (a.csv))");
        assertThat(c.rows().get(0).selfConsistency()).isCloseTo(35.0 / 73 / 0.8, within(1e-15));
        assertThat(ModelSelfConsistency.withDefaults().estimate(outputs).table().metadata().get("reliability"))
                .startsWith("0.955 (default");
    }
}
