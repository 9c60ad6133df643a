package org.pluralstats.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyDataStackTest {

    private static SurveyData part(String choice, int q1, Accounting accounting) {
        Item q1Item = Item.scale("Q1", "Agree?", Scale.of(1, 10));
        NumericColumn a = NumericColumn.builder(q1Item).add(q1).addMissing(MissingReason.SKIPPED).build();
        CategoricalColumn b = CategoricalColumn.of(Item.choice("Q2", "Which?", List.of()), choice, null);
        MultiChoiceColumn c = MultiChoiceColumn.builder(Item.multiChoice("Q3", "Tools", List.of()))
                .add(List.of("ChatGPT", "Copilot, or another Microsoft assistant")).addMissing(MissingReason.SKIPPED)
                .build();
        return SurveyData.builder(choice).item(a).item(b).item(c).accounting(accounting).build();
    }

    @Test
    void stacksRowsAndAddsTheGroupAttributeFirst() {
        LinkedHashMap<String, SurveyData> parts = new LinkedHashMap<>();
        parts.put("Farsi", part("مدل B", 3, new Accounting(3, 2, Map.of("empty row", 1))));
        parts.put("English", part("Model B", 9, new Accounting(4, 2, Map.of("duplicate submission", 2))));
        parts.put("Empty", SurveyData.builder("none")
                .item(NumericColumn.builder(Item.scale("Q1", "x", Scale.of(1, 10))).build())
                .item(CategoricalColumn.of(Item.choice("Q2", "y", List.of())))
                .item(MultiChoiceColumn.builder(Item.multiChoice("Q3", "z", List.of())).build()).build());
        SurveyData d = SurveyData.stack("all", "group", parts);

        assertThat(d.rows()).isEqualTo(4);
        assertThat(d.attributeNames()).containsExactly("group");
        assertThat(d.columns().get(0).item().id()).isEqualTo("group");
        assertThat(((CategoricalColumn) d.require("group")).levels()).containsExactly("Farsi", "English", "Empty");
        assertThat(d.items()).extracting(Item::id).containsExactly("Q1", "Q2", "Q3");
        assertThat(d.items().get(0).label()).isEqualTo("Agree?");
        assertThat(((NumericColumn) d.require("Q1")).toArray()).containsExactly(3, Double.NaN, 9, Double.NaN);
        assertThat(d.require("Q1").missingReason(1)).contains(MissingReason.SKIPPED);
        assertThat(((CategoricalColumn) d.require("Q2")).levels()).containsExactly("مدل B", "Model B");
        assertThat(d.row(2).response("Q2")).contains(new Response.Choice("Model B"));
        assertThat(d.row(2).response("Q3")).contains(
                new Response.MultiChoice(List.of("ChatGPT", "Copilot, or another Microsoft assistant")));
        assertThat(d.groupRows("group").get("English")).containsExactly(2, 3);
        assertThat(d.accounting()).isEqualTo(new Accounting(7, 4, Map.of("empty row", 1, "duplicate submission", 2)));
        assertThat(d.hasWeights()).isFalse();
        assertThat(d.id(3)).isEqualTo("4");
    }

    @Test
    void keepsIdsAndWeightsWhenAPartHasThem() {
        Item q = Item.scale("Q1", "", Scale.of(1, 5));
        SurveyData a = SurveyData.builder("a").item(NumericColumn.of(q, 1, 2)).ids(new String[] {"a1", "a2"})
                .weights(new double[] {2, 3}).build();
        SurveyData b = SurveyData.builder("b").item(NumericColumn.of(q, 5)).build();
        LinkedHashMap<String, SurveyData> parts = new LinkedHashMap<>();
        parts.put("A", a);
        parts.put("B", b);
        SurveyData d = SurveyData.stack("ab", "wave", parts);
        assertThat(d.id(0)).isEqualTo("a1");
        assertThat(d.id(2)).isEqualTo("1");
        assertThat(d.weight(1)).isEqualTo(3.0);
        assertThat(d.weight(2)).isEqualTo(1.0);
    }

    @Test
    void rejectsPartsWithOtherColumns() {
        SurveyData a = SurveyData.builder("a").item(NumericColumn.of(Item.scale("Q1", "", Scale.of(1, 5)), 1)).build();
        SurveyData b = SurveyData.builder("b").item(NumericColumn.of(Item.scale("Q1", "", Scale.of(1, 7)), 1)).build();
        LinkedHashMap<String, SurveyData> parts = new LinkedHashMap<>();
        parts.put("A", a);
        parts.put("B", b);
        assertThatThrownBy(() -> SurveyData.stack("ab", "group", parts))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another scale");
        assertThatThrownBy(() -> SurveyData.stack("ab", "q1", new LinkedHashMap<>(Map.of("A", a))))
                .hasMessageContaining("already have a column named q1");
        assertThatThrownBy(() -> SurveyData.stack("ab", "group", new LinkedHashMap<>()))
                .hasMessageContaining("nothing to stack");
    }
}
