package org.pluralstats.report.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Issue 15: a text is broken into lines only where a typesetter would break it, never inside a word. */
class WrapTest {
    private static final double SIZE = 12;

    @Test
    void aWordLongerThanTheLineIsShortenedWithAnEllipsisNotSplit() {
        // before: "…with a very long checkpoin" / "t name" — a word broken without a hyphen
        String text = "a run of the checkpointcheckpointcheckpoint model";
        List<String> lines = ChartStyle.wrap(text, SIZE, 120, 4);
        assertThat(lines).containsExactly("a run of the", fitted("checkpointcheckpointcheckpoint", 120), "model");
        assertThat(lines.get(1)).endsWith("…").startsWith("checkpoint");
        assertThat(ChartStyle.isCut(text, lines)).isTrue();
        // a word that fits the line is carried whole to the next line
        assertThat(ChartStyle.wrap("with a very long checkpoint name", SIZE, 120, 3))
                .containsExactly("with a very long", "checkpoint name");
        assertThat(ChartStyle.isCut("with a very long checkpoint name",
                ChartStyle.wrap("with a very long checkpoint name", SIZE, 120, 3))).isFalse();
    }

    private static String fitted(String word, double width) {
        return ChartStyle.fit(word, SIZE, width);
    }

    @Test
    void linesBreakAtSpacesAfterHyphensBetweenLettersAndBetweenChineseCharacters() {
        assertThat(ChartStyle.breakPoints("OLMo-2-13B-Instruct a")).containsExactly(11, 20);
        // nor at a colon before a digit (a time, a ratio); after a colon before a letter (an interaction term)
        assertThat(ChartStyle.breakPoints("12:30 1:2 a:b")).containsExactly(6, 10, 12);
        // numbers and ranges are never split
        assertThat(ChartStyle.breakPoints("\u22120.5 1-10 -0.25")).containsExactly(5, 10);
        // Arabic and Persian words break at spaces only
        assertThat(ChartStyle.breakPoints("كلمة أخرى")).containsExactly(5);
        // Chinese between any two characters, but never before 。 or after （
        assertThat(ChartStyle.breakPoints("北京（大学）。")).containsExactly(1, 2, 4);
        List<String> zh = ChartStyle.wrap("男人应该比女人更有权利获得工作机会。", SIZE, 60, 5);
        assertThat(String.join("", zh)).isEqualTo("男人应该比女人更有权利获得工作机会。");
        assertThat(zh).hasSizeGreaterThan(2).allSatisfy(l -> assertThat(ChartStyle.textWidth(l, SIZE)).isLessThanOrEqualTo(60));
        assertThat(zh).noneMatch(l -> l.startsWith("。"));
    }

    @Test
    void randomTextsWrapIntoWholeWordsWithinTheWidth() {
        SplittableRandom rng = new SplittableRandom(15);
        String[] vocabulary = {"a", "of", "job", "men", "women", "scarce:", "checkpoint", "Instruct", "importance",
            "multilingualism", "representativeness", "0.25", "\u22121.5", "Q33"};
        for (int trial = 0; trial < 2000; trial++) {
            List<String> words = new ArrayList<>();
            int n = 1 + rng.nextInt(14);
            for (int i = 0; i < n; i++) {
                words.add(vocabulary[rng.nextInt(vocabulary.length)]);
            }
            String text = String.join(" ", words);
            double width = 40 + rng.nextInt(260);
            int maxLines = 1 + rng.nextInt(4);
            List<String> lines = ChartStyle.wrap(text, SIZE, width, maxLines);
            assertThat(lines).hasSizeBetween(1, maxLines);
            List<String> seen = new ArrayList<>();
            for (String line : lines) {
                assertThat(ChartStyle.textWidth(line, SIZE)).as("%s in %s", line, width).isLessThanOrEqualTo(width);
                String[] parts = line.split(" ");
                for (int k = 0; k < parts.length; k++) {
                    String p = parts[k];
                    if (k == parts.length - 1 && p.endsWith("…")) {
                        // the one shortened word ends the line and is a prefix of a word of the text
                        String stem = p.substring(0, p.length() - 1);
                        assertThat(Arrays.stream(vocabulary).anyMatch(v -> v.startsWith(stem))).as(line).isTrue();
                        seen.add("…");
                    } else {
                        assertThat(vocabulary).as("%s: \"%s\" is not a whole word", line, p).contains(p);
                        seen.add(p);
                    }
                }
            }
            // whatever is not cut is the text, in order
            if (!ChartStyle.isCut(text, lines)) {
                assertThat(String.join(" ", seen)).isEqualTo(text);
            } else {
                assertThat(String.join(" ", lines)).contains("…");
            }
        }
    }

    @Test
    void aWordShortenedMidTextCarriesTheWholeTextAsItsTitle() throws Exception {
        String text = "run representativenessrepresentativeness of the model";
        SvgWriter w = new SvgWriter(300, 100, "t");
        assertThat(w.wrappedText(10, 20, text, SvgWriter.Anchor.LEFT, SIZE, 16, 150, 4, "")).isEqualTo(3);
        List<Element> texts = new ArrayList<>();
        for (Element e : SvgDom.elements(w.finish())) {
            if (e.getLocalName().equals("text")) {
                texts.add(e);
            }
        }
        assertThat(texts).hasSize(3);
        assertThat(texts.get(1).getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo(text);
        assertThat(texts.get(0).getElementsByTagNameNS("*", "title").getLength()).isZero();
        assertThat(texts.get(2).getTextContent()).isEqualTo("of the model");
    }
}
