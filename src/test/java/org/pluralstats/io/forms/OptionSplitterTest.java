package org.pluralstats.io.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionSplitterTest {
    private static final Set<String> KNOWN = Set.of("ChatGPT", "Gemini", "Copilot, or another Microsoft assistant");

    @Test
    void semicolonsNeverSplitAnOptionWithAComma() {
        assertThat(OptionSplitter.split("ChatGPT;Copilot, or another Microsoft assistant", ";", s -> false, false))
                .containsExactly("ChatGPT", "Copilot, or another Microsoft assistant");
    }

    @Test
    void commaJoinedAnswersRejoinKnownOptions() {
        assertThat(OptionSplitter.split("Copilot, or another Microsoft assistant, ChatGPT, Gemini", ", ",
                KNOWN::contains, false)).containsExactly("Copilot, or another Microsoft assistant", "ChatGPT", "Gemini");
    }

    @Test
    void unknownPiecesStandAloneOrJoinAsOneOtherAnswer() {
        assertThat(OptionSplitter.split("ChatGPT, my own, local model", ", ", KNOWN::contains, false))
                .containsExactly("ChatGPT", "my own", "local model");
        assertThat(OptionSplitter.split("ChatGPT, my own, local model, Gemini", ", ", KNOWN::contains, true))
                .containsExactly("ChatGPT", "my own, local model", "Gemini");
    }

    @Test
    void emptyPiecesAreDropped() {
        assertThat(OptionSplitter.split(" ChatGPT ;; Gemini;", ";", s -> false, false))
                .containsExactly("ChatGPT", "Gemini");
    }
}
