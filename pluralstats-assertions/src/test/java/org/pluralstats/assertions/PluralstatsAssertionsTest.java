package org.pluralstats.assertions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pluralstats.assertions.PluralstatsAssertions.assertThat;
import static org.pluralstats.assertions.PluralstatsAssertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pluralstats.io.forms.GoogleFormsReader;
import org.pluralstats.run.FormsComparison;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.ValuePolarityScore;

/** The kit's failure messages name the cell, the expected and the actual value. */
class PluralstatsAssertionsTest {
    static final ScoreTable SCORES = ScoreTable.of(List.of(
            new ValuePolarityScore("DNK", "F120", 58, 60.1, 0.8612, 0.04, 50.2,
                    Optional.of(new ConfidenceInterval(0.75, 0.93, 0.95, ConfidenceInterval.Method.LOGIT)), 0),
            ValuePolarityScore.empty("NLD", "F120", 0)));

    @Test
    void scoreFailuresSayWhatDiffered() {
        assertThat(SCORES).population("DNK").item("F120").hasVps(0.86, within(2e-3)).hasN(58);
        assertThat(SCORES).population("NLD").item("F120").isUndefined();
        assertThatThrownBy(() -> assertThat(SCORES).population("DNK").item("F120").hasVps(0.85, within(1e-3)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected the VPS of DNK × F120 to be 0.85 ± 0.001 but was 0.8612");
        assertThatThrownBy(() -> assertThat(SCORES).population("DK"))
                .hasMessageContaining("Expected scores for population <DK> but the table has only [DNK, NLD]");
        assertThatThrownBy(() -> assertThat(SCORES).population("DNK").item("F121"))
                .hasMessageContaining("on item <F121> but the table has items [F120]");
        assertThatThrownBy(() -> assertThat(SCORES).population("NLD").item("F120").hasVps(0.5, within(1.0)))
                .hasMessageContaining("but was NaN");
        assertThatThrownBy(() -> assertThat(SCORES).population("DNK").item("F120").intervalContains(0.95))
                .hasMessageContaining("to contain 0.95 but it was [0.75, 0.93]");
    }

    @Test
    void groupFailuresSayWhatDiffered() {
        LinkedHashMap<String, Path> files = new LinkedHashMap<>();
        files.put("Arabic", Path.of("data-samples/pilot-survey/arabic.csv"));
        files.put("Farsi", Path.of("data-samples/pilot-survey/farsi.csv"));
        FormsComparison table = FormsComparison.of(GoogleFormsReader.read(files), Map.of());
        assertThatThrownBy(() -> assertThat(table).group("Farsi").item("Q1").hasMean(2.3, within(1e-3)))
                .hasMessageContaining("Expected the mean of Farsi × Q1 to be 2.3 ± 0.001 but was 2.27");
        assertThatThrownBy(() -> assertThat(table).group("Farsi").item("Q4").hasMean(2.3, within(1e-3)))
                .hasMessageContaining("Farsi × Q4 is a choice item, not a scale item");
        assertThatThrownBy(() -> assertThat(table).group("Persian"))
                .hasMessageContaining("Expected a group <Persian> but the groups are [Arabic, Farsi]");
        assertThatThrownBy(() -> assertThat(table).group("Farsi").item("Q1").hasTableCell("2.28"))
                .hasMessageContaining("Expected the Table 1 cell Farsi × Q1 to read 2.28 but it reads 2.27");
        assertThatThrownBy(() -> assertThat(table).group("Farsi").item("Q4").hasShare("Model C", 0.5, within(0.1)))
                .hasMessageContaining("Item Q4 has no option <Model C>");
        assertThatThrownBy(() -> assertThat(table.comparison()).group("Farsi").hasRespondents(11))
                .hasMessageContaining("needs assertThat(FormsComparison)");
    }
}
