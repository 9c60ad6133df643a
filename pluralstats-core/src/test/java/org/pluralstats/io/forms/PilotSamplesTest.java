package org.pluralstats.io.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pluralstats.data.CategoricalColumn;
import org.pluralstats.data.Item;
import org.pluralstats.data.ItemKind;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.Scale;
import org.pluralstats.data.SurveyData;

/**
 * The pilot samples reproduce Table 1 of Alavi, Flek and Mai (pilot survey, Sec. 4): exact sums per
 * group and item, whose means round (half to even, as R's {@code round} and Python's {@code round}
 * do) to the paper's figures. English Q6 is 33/22 = 1.50; the paper's 1.51 is no mean of 22 integers.
 */
class PilotSamplesTest {
    private static final List<String> GROUPS = List.of("Arabic", "Chinese", "Farsi", "English");
    private static final int[] N = {7, 16, 11, 22};
    private static final List<String> SCALE_ITEMS = List.of("Q1", "Q2", "Q3", "Q5", "Q6");
    /** Sums of Q1, Q2, Q3, Q5, Q6 per group. */
    private static final int[][] SUMS = {{10, 54, 47, 42, 47}, {50, 142, 59, 98, 96}, {25, 14, 77, 60, 46},
        {107, 135, 47, 63, 33}};
    private static final int[] MODEL_B = {4, 11, 8, 12};
    /** Table 1 (Q1, Q2, Q3, Q4 %, Q5, Q6), English Q6 corrected from 1.51 to 1.50. */
    private static final String[][] TABLE_1 = {{"1.43", "7.71", "6.71", "57.1", "6.00", "6.71"},
        {"3.12", "8.88", "3.69", "68.8", "6.12", "6.00"}, {"2.27", "1.27", "7.00", "72.7", "5.45", "4.18"},
        {"4.86", "6.14", "2.14", "54.5", "2.86", "1.50"}};

    private static LinkedHashMap<String, Path> files() {
        LinkedHashMap<String, Path> files = new LinkedHashMap<>();
        for (String g : GROUPS) {
            files.put(g, Fixtures.pilot(g.toLowerCase(java.util.Locale.ROOT) + ".csv"));
        }
        return files;
    }

    private static FormsSurvey read(boolean withCodebook) {
        FormsReadOptions.Builder o = FormsReadOptions.builder();
        if (withCodebook) {
            o.codebook(Codebook.read(Fixtures.pilot("codebook.json")));
        }
        return GoogleFormsReader.read(files(), o.build());
    }

    private static String rounded(long numerator, int n, int places) {
        return new BigDecimal(numerator).divide(new BigDecimal(n), places, RoundingMode.HALF_EVEN).toPlainString();
    }

    @ParameterizedTest(name = "with codebook: {0}")
    @ValueSource(booleans = {true, false})
    void meansAreTheExactFractionsOfTable1(boolean withCodebook) {
        FormsSurvey s = read(withCodebook);
        SurveyData d = s.data();
        Set<String> modelB = Codebook.read(Fixtures.pilot("codebook.json")).item("Q4").orElseThrow().options().get(1)
                .texts().values().stream().collect(Collectors.toSet());

        assertThat(s.groups()).containsExactlyElementsOf(GROUPS);
        assertThat(d.items()).extracting(Item::id).containsExactly("Q1", "Q2", "Q3", "Q4", "Q5", "Q6");
        for (int g = 0; g < GROUPS.size(); g++) {
            int[] rows = d.groupRows(FormsSurvey.GROUP).get(GROUPS.get(g));
            assertThat(rows).hasSize(N[g]);
            assertThat(s.accounting(GROUPS.get(g)).excludedTotal()).isZero();
            for (int k = 0; k < SCALE_ITEMS.size(); k++) {
                NumericColumn c = (NumericColumn) d.require(SCALE_ITEMS.get(k));
                assertThat(c.item().scale()).map(Scale::min).contains(1);
                assertThat(c.item().scale()).map(Scale::max).contains(10);
                long sum = 0;
                double mean = 0;
                for (int r : rows) {
                    assertThat(c.isMissing(r)).isFalse();
                    sum += (long) c.value(r);
                    mean += c.value(r);
                }
                mean /= rows.length;
                String cell = GROUPS.get(g) + " " + SCALE_ITEMS.get(k);
                assertThat(sum).as(cell).isEqualTo(SUMS[g][k]);
                assertThat(mean).as(cell).isEqualTo((double) SUMS[g][k] / N[g]);
                assertThat(rounded(sum, N[g], 2)).as(cell).isEqualTo(TABLE_1[g][k < 3 ? k : k + 1]);
            }
            CategoricalColumn q4 = (CategoricalColumn) d.require("Q4");
            int b = 0;
            for (int r : rows) {
                String level = q4.level(r).orElseThrow();
                b += (withCodebook ? level.equals("B") : modelB.contains(level)) ? 1 : 0;
            }
            assertThat(b).as(GROUPS.get(g) + " Q4").isEqualTo(MODEL_B[g]);
            assertThat(rounded(100L * b, N[g], 1)).isEqualTo(TABLE_1[g][3]);
        }
        // The paper's overall Q4: "Model B was selected by 35 of 56 respondents (62.5%)".
        assertThat(MODEL_B[0] + MODEL_B[1] + MODEL_B[2] + MODEL_B[3]).isEqualTo(35);
        assertThat(d.rows()).isEqualTo(56);
    }

    @Test
    void filesShowBothExportStylesAndTheirOwnLanguage() {
        FormsSurvey s = read(false);
        assertThat(s.groupDetails()).extracting(FormsGroup::style).containsExactly(ExportStyle.SHEET,
                ExportStyle.SHEET, ExportStyle.DOWNLOAD, ExportStyle.DOWNLOAD);
        // Labels are the first group's (Arabic) headers; each group keeps its own option texts.
        assertThat(s.data().require("Q4").item().label()).isEqualTo("أي مساعد ذكاء اصطناعي ستختار؟");
        assertThat(s.data().require("Q4").item().kind()).isEqualTo(ItemKind.CHOICE);
        assertThat(s.group("Chinese").options("Q4")).hasSize(2).allSatisfy((k, v) -> assertThat(k).startsWith("模型"));
        assertThat(s.group("English").headers().get("Q4")).startsWith("Which AI assistant would you choose?\nModel A");
        assertThat(Fixtures.everything(s.data())).doesNotContain("@");

        FormsSurvey c = read(true);
        assertThat(c.groupDetails()).extracting(g -> g.codebookLanguage().orElseThrow())
                .containsExactly("ar", "zh", "fa", "en");
        assertThat(c.group("Farsi").options("Q4").get("B")).startsWith("مدل B");
        assertThat(c.data().require("Q1").item().label()).startsWith("Perception of current AI");
    }

    @Test
    void roundingHalfToEvenExplainsTheTiesInTable1() {
        // Chinese Q1 = 50/16 = 3.125 and Q5 = 98/16 = 6.125 are exact ties: the paper's 3.12 and 6.12 are
        // half-to-even (half-up would give 3.13 and 6.13); no other sum comes close.
        assertThat(new BigDecimal(50).divide(new BigDecimal(16))).isEqualByComparingTo("3.125");
        assertThat(rounded(50, 16, 2)).isEqualTo("3.12");
        assertThat(new BigDecimal(50).divide(new BigDecimal(16), 2, RoundingMode.HALF_UP).toPlainString())
                .isEqualTo("3.13");
        // No sum of 22 integer answers has a mean that rounds to 1.51.
        for (int sum = 22; sum <= 220; sum++) {
            assertThat(rounded(sum, 22, 2)).isNotEqualTo("1.51");
            assertThat(new BigDecimal(sum).divide(new BigDecimal(22), 2, RoundingMode.HALF_UP).toPlainString())
                    .isNotEqualTo("1.51");
        }
    }
}
