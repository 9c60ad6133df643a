package org.pluralstats.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.pluralstats.PluralstatsException;
import org.junit.jupiter.api.Test;

class SurveyDataTest {

    private SurveyData sample() {
        NumericColumn q1 = NumericColumn.builder(Item.scale("Q1", "Agree?", Scale.of(1, 10)))
                .add(3).addMissing(MissingReason.SKIPPED).add(10).build();
        CategoricalColumn q2 = CategoricalColumn.of(Item.choice("Q2", "Which?", List.of("A", "B")), "B", "A", null);
        MultiChoiceColumn q3 = MultiChoiceColumn.builder(Item.multiChoice("Q3", "Tools", List.of()))
                .add(List.of("ChatGPT", "Copilot, or another Microsoft assistant")).add(List.of())
                .addMissing(MissingReason.SKIPPED).build();
        CategoricalColumn group = CategoricalColumn.of(Item.choice("group", "Group", List.of()), "Farsi", "Arabic",
                "Farsi");
        return SurveyData.builder("test").attribute(group).item(q1).item(q2).item(q3)
                .weights(new double[] {1, 2, 0.5}).build();
    }

    @Test
    void columnsAreTypedAndCaseInsensitive() {
        SurveyData d = sample();
        assertThat(d.rows()).isEqualTo(3);
        assertThat(d.items()).extracting(Item::id).containsExactly("Q1", "Q2", "Q3");
        assertThat(d.attributeNames()).containsExactly("group");
        assertThat(d.column("q1")).isPresent();
        NumericColumn q1 = (NumericColumn) d.require("Q1");
        assertThat(q1.answered()).containsExactly(3, 10);
        assertThat(q1.missingCount()).isEqualTo(1);
        assertThat(q1.missingReason(1)).contains(MissingReason.SKIPPED);
        assertThat(q1.get(0)).isEqualTo(new Response.ScalePoint(3));
        CategoricalColumn q2 = (CategoricalColumn) d.require("Q2");
        assertThat(q2.levels()).containsExactly("A", "B");
        assertThat(q2.code(0)).isEqualTo(1);
        assertThat(q2.get(2)).isEqualTo(new Response.Missing(MissingReason.SKIPPED));
    }

    @Test
    void rowViewAndGroups() {
        SurveyData d = sample();
        Respondent r = d.row(0);
        assertThat(r.attribute("GROUP")).contains("Farsi");
        assertThat(r.weight()).isEqualTo(1.0);
        assertThat(r.response("q3")).contains(
                new Response.MultiChoice(List.of("ChatGPT", "Copilot, or another Microsoft assistant")));
        assertThat(d.row(1).response("Q3")).contains(new Response.MultiChoice(List.of()));
        Map<String, int[]> groups = d.groupRows("group");
        assertThat(groups.keySet()).containsExactly("Farsi", "Arabic");
        assertThat(groups.get("Farsi")).containsExactly(0, 2);
    }

    @Test
    void unknownColumnNamesClosest() {
        assertThatThrownBy(() -> sample().require("Q11"))
                .isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("no variable \"Q11\"").hasMessageContaining("Q1");
    }

    @Test
    void unequalColumnsAreRejected() {
        NumericColumn a = NumericColumn.of(Item.numeric("a", "", Map.of()), 1, 2);
        NumericColumn b = NumericColumn.of(Item.numeric("b", "", Map.of()), 1);
        assertThatThrownBy(() -> SurveyData.builder("x").item(a).item(b).build())
                .hasMessageContaining("column b has 1 rows, expected 2");
    }

    @Test
    void accountingMustAddUp() {
        assertThatThrownBy(() -> new Accounting(5, 3, Map.of("duplicate", 1)))
                .hasMessageContaining("does not add up");
        assertThat(new Accounting(5, 3, Map.of("duplicate", 2)).excludedTotal()).isEqualTo(2);
    }
}
