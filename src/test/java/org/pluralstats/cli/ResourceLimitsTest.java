package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;
import org.pluralstats.align.Alignment;
import org.pluralstats.align.DistributionSimilarity;
import org.pluralstats.stats.PercentileBootstrap;

/**
 * Resources are bounded by the input, not by a number in it (issue 10, item 9): each case either works
 * within memory proportional to what the input holds or stops at once with a one-line limit message.
 */
class ResourceLimitsTest {
    @Test
    void aBootstrapCountBeyondTheLimitIsRefusedBeforeAnythingIsRead() {
        // The input files do not exist: the limit is checked first, so it is the message.
        String[] align = WeightCommandsTest.run(2, "align", "--model", "missing.jsonl", "--population", "missing.csv",
                "--bootstrap", "2147483647");
        assertThat(align[1]).contains("--bootstrap must be from 0 to 1000000").contains("2147483647")
                .doesNotContain("OutOfMemoryError");
        String[] similarity = WeightCommandsTest.run(2, "similarity", "--human", "missing.csv", "--model", "missing.json",
                "--bootstrap", "1000001");
        assertThat(similarity[1]).contains("--bootstrap must be from 0 to 1000000");
        String[] report = WeightCommandsTest.run(2, "report", "--model", "missing.jsonl", "--bootstrap", "2147483647");
        assertThat(report[1]).contains("--bootstrap must be from 0 to 1000000");
    }

    @Test
    void theLibraryRefusesTheSameCounts() {
        assertThatThrownBy(() -> Alignment.withDefaults().withResamples(Integer.MAX_VALUE))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("from 0 to 1000000");
        assertThatThrownBy(() -> DistributionSimilarity.withDefaults().withResamples(-1))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("not -1");
        assertThatThrownBy(() -> PercentileBootstrap.withDefaults().withResamples(PercentileBootstrap.MAX_RESAMPLES + 1))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("from 1 to 1000000");
        assertThat(PercentileBootstrap.withDefaults().withResamples(PercentileBootstrap.MAX_RESAMPLES).resamples())
                .isEqualTo(1_000_000);
    }

    @Test
    void aScaleIsAtMostMaxPointsAndLabelsSpreadWiderLeaveAnItemNumeric() {
        assertThatThrownBy(() -> org.pluralstats.data.Scale.of(0, Integer.MAX_VALUE))
                .hasMessageContaining("more than 10001 points");
        assertThatThrownBy(() -> org.pluralstats.data.Scale.of(Integer.MIN_VALUE, Integer.MAX_VALUE))
                .hasMessageContaining("more than 10001 points");
        assertThat(org.pluralstats.data.Scale.of(0, 10_000).points()).isEqualTo(org.pluralstats.data.Scale.MAX_POINTS);
        org.pluralstats.io.Variable wide = new org.pluralstats.io.Variable(0, "v", "", org.pluralstats.io.VariableType.NUMERIC,
                8, java.util.Map.of(1.0, "low", 2147483647.0, "high"), java.util.Map.of(), null);
        assertThat(org.pluralstats.io.SurveyFiles.itemOf(wide).kind()).isEqualTo(org.pluralstats.data.ItemKind.NUMERIC);
        assertThat(org.pluralstats.io.SurveyFiles.itemOf(wide).valueLabels()).hasSize(2);
        org.pluralstats.io.Variable narrow = new org.pluralstats.io.Variable(0, "v", "", org.pluralstats.io.VariableType.NUMERIC,
                8, java.util.Map.of(1.0, "low", 10.0, "high"), java.util.Map.of(), null);
        assertThat(org.pluralstats.io.SurveyFiles.itemOf(narrow).scale()).contains(
                org.pluralstats.data.Scale.of(1, 10).withLabels(java.util.Map.of(1, "low", 10, "high")));
    }
}
