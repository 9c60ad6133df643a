package org.pluralstats.weight;

import org.pluralstats.io.sidefile.ItemCodingFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.data.CategoricalColumn;
import org.pluralstats.data.Item;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.Scale;
import org.pluralstats.data.SurveyData;

/** The binarisation rules on constructed data: the released code's automatic rule, item files, scales. */
class BinarisationTest {
    static final double NA = Double.NaN;

    static NumericColumn num(String id, double... v) {
        return NumericColumn.of(Item.numeric(id, "", Map.of()), v);
    }

    /** WVS-like data: a country attribute (so codes ≤ 0 are missing under AUTO) and the given items. */
    static SurveyData wvs(NumericColumn... items) {
        int n = items[0].size();
        String[] country = new String[n];
        java.util.Arrays.fill(country, "DNK");
        SurveyData.Builder b = SurveyData.builder("test.csv")
                .attribute(CategoricalColumn.of(Item.choice("B_COUNTRY_ALPHA", "", List.of()), country));
        for (NumericColumn c : items) {
            b.item(c);
        }
        return b.build();
    }

    static int[] values(BinaryItem item) {
        int[] out = new int[item.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = item.value(i);
        }
        return out;
    }

    static BinaryItem only(List<BinaryItem> items, String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void paperRuleFollowsTheReleasedCode() {
        SurveyData d = wvs(
                num("MAX3", 1, 2, 3, 0, NA),
                num("MAX10", 1, 5, 6, 10, -3),
                num("MAX4", 1, 2, 3, 4, 2),
                num("MAX5", 1, 2, 3, 4, 5),
                num("MAX11", 5, 6, 11, 1, 0),
                num("MAX2", 1, 2, 2, 1, 2),
                num("E035", 1, 5, 6, 10, 0),
                num("E035_01", 1, 2, 3, 4, 4));
        List<BinaryItem> items = Binarisation.paper().apply(d);
        assertThat(values(only(items, "MAX3"))).containsExactly(1, 0, 0, -1, -1);
        assertThat(only(items, "MAX3").positiveCodes()).containsExactly("1");
        assertThat(values(only(items, "MAX10"))).containsExactly(0, 0, 1, 1, -1);
        assertThat(only(items, "MAX10").positiveCodes()).containsExactly("6", "7", "8", "9", "10");
        assertThat(values(only(items, "MAX4"))).containsExactly(1, 1, 0, 0, 1);
        // maximum 5: positive = codes ≤ 2 (the neutral middle 3 is not positive)
        assertThat(values(only(items, "MAX5"))).containsExactly(1, 1, 0, 0, 0);
        assertThat(values(only(items, "MAX11"))).containsExactly(1, 0, 0, 1, -1);
        assertThat(values(only(items, "MAX2"))).containsExactly(1, 0, 0, 1, 0);
        // E035 reversed: maximum 10 → positive = 1..5
        assertThat(values(only(items, "E035"))).containsExactly(1, 1, 0, 0, -1);
        assertThat(only(items, "E035").positiveCodes()).containsExactly("1", "2", "3", "4", "5");
        assertThat(only(items, "E035").rule()).isEqualTo("paper rule: maximum 10, reversed");
        // the released code reverses every key starting with E035
        assertThat(values(only(items, "E035_01"))).containsExactly(0, 0, 1, 1, 1);
    }

    @Test
    void paperRuleChoosesIntegerItemsWithMaximumTwoToEleven() {
        SurveyData d = wvs(num("Q1", 1, 2, 3, 4), num("W_WEIGHT", 0.5, 1.2, 2.9, 1),
                num("D_INTERVIEW", 208001, 208002, 208003, 208004), num("ONE", 1, 1, 1, 1), num("Q12", 1, 12, 3, 4));
        assertThat(Binarisation.paper().apply(d)).extracting(BinaryItem::id).containsExactly("Q1");
    }

    @Test
    void namedItemOutsideThePaperRangeIsAnError() {
        SurveyData d = wvs(num("Q12", 1, 12, 3, 4), num("W", 0.5, 1.5, 1, 1));
        assertThatThrownBy(() -> Binarisation.paper().withItems(List.of(ItemCoding.automatic("q12"))).apply(d))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("maximum 12");
        assertThatThrownBy(() -> Binarisation.paper().withItems(List.of(ItemCoding.automatic("W"))).apply(d))
                .hasMessageContaining("non-integer code 0.5");
    }

    @Test
    void itemsFileCodesMissingValuesAndCaseInsensitiveIds() throws Exception {
        SurveyData d = wvs(num("Q184", 1, 6, 10, 0, 99, NA), num("Q1", 1, 2, 3, 4, -2, 1));
        ItemCodings codings = ItemCodingFiles.parse("items.json",
                "{\"items\":[{\"id\":\"q184\",\"positive\":[6,7,8,9,10],\"missing\":[99]},"
                        + "{\"id\":\"Q1\",\"positive\":[1,2],\"reverse\":true}]}");
        List<BinaryItem> items = codings.binarisation().apply(d);
        assertThat(items).extracting(BinaryItem::id).containsExactly("Q184", "Q1");
        assertThat(values(items.get(0))).containsExactly(0, 1, 1, -1, -1, -1);
        assertThat(values(items.get(1))).containsExactly(0, 0, 1, 1, -1, 0);
    }

    @Test
    void nonPositiveCodesAreAnswersOutsideWvsData() {
        SurveyData forms = SurveyData.builder("form.csv").item(num("Q", 0, 5, 10)).build();
        BinaryItem q = Binarisation.of(List.of(ItemCoding.of("Q", 0))).apply(forms).get(0);
        assertThat(values(q)).containsExactly(1, 0, 0);
        BinaryItem w = Binarisation.of(List.of(ItemCoding.of("Q", 0)))
                .withNonPositiveCodes(Binarisation.NonPositiveCodes.MISSING).apply(forms).get(0);
        assertThat(values(w)).containsExactly(-1, 0, 0);
    }

    @Test
    void unknownItemNamesTheClosest() {
        SurveyData d = wvs(num("Q184", 1, 6), num("Q182", 1, 6), num("Q1", 1, 2));
        assertThatThrownBy(() -> Binarisation.of(List.of(ItemCoding.of("Q183", 1))).apply(d))
                .isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("item \"Q183\" is not in the data; closest: Q182, Q184");
    }

    @Test
    void choiceLevelsAndFormsScales() {
        Scale tenPoint = Scale.of(1, 10);
        Scale fivePoint = Scale.of(1, 5);
        SurveyData forms = SurveyData.builder("form.csv")
                .attribute(CategoricalColumn.of(Item.choice("group", "", List.of()), "Arabic", "English", "Arabic"))
                .item(NumericColumn.of(Item.scale("S10", "", tenPoint), 6, 5, NA))
                .item(NumericColumn.of(Item.scale("S5", "", fivePoint), 3, 4, 5))
                .item(CategoricalColumn.of(Item.choice("C", "", List.of("Agree", "Disagree")), "Agree", "Disagree", null))
                .build();
        List<BinaryItem> scales = Binarisation.scaleMidpoint().apply(forms);
        assertThat(scales).extracting(BinaryItem::id).containsExactly("S10", "S5");
        assertThat(values(scales.get(0))).containsExactly(1, 0, -1);
        assertThat(scales.get(0).positiveCodes()).containsExactly("6", "7", "8", "9", "10");
        assertThat(values(scales.get(1))).containsExactly(0, 1, 1);
        BinaryItem c = Binarisation.of(List.of(ItemCoding.ofLevels("c", "Agree"))).apply(forms).get(0);
        assertThat(values(c)).containsExactly(1, 0, -1);
        // an items file with numeric codes on a 1-10 Forms scale: ≥ 6
        BinaryItem s = Binarisation.of(List.of(ItemCoding.of("S10", 6, 7, 8, 9, 10))).apply(forms).get(0);
        assertThat(values(s)).containsExactly(1, 0, -1);
    }

    @Test
    void itemsFileErrorsNameTheEntry() {
        assertThatThrownBy(() -> ItemCodingFiles.parse("items.json",
                "{\"items\":[{\"id\":\"Q1\",\"postive\":[1]}]}"))
                .isInstanceOf(SurveyFormatException.class).hasMessageContaining("column \"items[0].postive\": unknown member");
        assertThatThrownBy(() -> ItemCodingFiles.parse("items.json", "{\"items\":[{\"positive\":[1]}]}"))
                .hasMessageContaining("needs an \"id\"");
        assertThatThrownBy(() -> Binarisation.of(List.of(ItemCoding.automatic("Q1"))).apply(wvs(num("Q1", 1, 2))))
                .hasMessageContaining("lists no positive codes and no rule");
    }
}
