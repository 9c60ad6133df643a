package org.pluralstats.io.forms;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionSplitterTest {
    private static final Set<String> KNOWN = Set.of("ChatGPT", "Gemini", "Copilot, or another Microsoft assistant");

    private static final int MAX = OptionSplitter.maxSeparators(KNOWN, ", ");

    @Test
    void semicolonsNeverSplitAnOptionWithAComma() {
        assertThat(OptionSplitter.split("ChatGPT;Copilot, or another Microsoft assistant", ";", s -> false, 0, false))
                .containsExactly("ChatGPT", "Copilot, or another Microsoft assistant");
    }

    @Test
    void commaJoinedAnswersRejoinKnownOptions() {
        assertThat(OptionSplitter.split("Copilot, or another Microsoft assistant, ChatGPT, Gemini", ", ",
                KNOWN::contains, MAX, false)).containsExactly("Copilot, or another Microsoft assistant", "ChatGPT", "Gemini");
    }

    @Test
    void unknownPiecesStandAloneOrJoinAsOneOtherAnswer() {
        assertThat(OptionSplitter.split("ChatGPT, my own, local model", ", ", KNOWN::contains, MAX, false))
                .containsExactly("ChatGPT", "my own", "local model");
        assertThat(OptionSplitter.split("ChatGPT, my own, local model, Gemini", ", ", KNOWN::contains, MAX, true))
                .containsExactly("ChatGPT", "my own, local model", "Gemini");
    }

    @Test
    void emptyPiecesAreDropped() {
        assertThat(OptionSplitter.split(" ChatGPT ;; Gemini;", ";", s -> false, 0, false))
                .containsExactly("ChatGPT", "Gemini");
    }

    @Test
    void tenThousandTickedOptionsSplitInLinearTime() {
        List<String> options = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            options.add(i % 100 == 0 ? "Option " + i + ", with a comma" : "Option " + i);
        }
        Set<String> known = new HashSet<>(options);
        String sheet = String.join(", ", options);
        String download = String.join(";", options);
        // It took minutes when every run of pieces up to the end of the cell was tried.
        List<String> bySheet = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> OptionSplitter.split(sheet, ", ", known::contains, OptionSplitter.maxSeparators(known, ", "), false));
        List<String> byDownload = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> OptionSplitter.split(download, ";", s -> false, 0, true));
        assertThat(bySheet).isEqualTo(options);
        assertThat(byDownload).containsExactly(download);
        assertThat(OptionSplitter.split(download, ";", s -> false, 0, false)).isEqualTo(options);
    }

    @Test
    void separatorsCountsWithoutOverlap() {
        assertThat(OptionSplitter.separators("a, b, c", ", ")).isEqualTo(2);
        assertThat(OptionSplitter.separators(";;;", ";")).isEqualTo(3);
        assertThat(OptionSplitter.maxSeparators(KNOWN, ", ")).isEqualTo(1);
    }
}
