package org.pluralstats.io.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.data.ItemKind;
import org.pluralstats.data.Scale;

class CodebookTest {
    private static final String HEAD = "{\"format\": \"pluralstats-forms-codebook\", \"version\": 1, ";

    @Test
    void readsThePilotCodebook() {
        Codebook cb = Codebook.read(Fixtures.pilot("codebook.json"));
        assertThat(cb.items()).extracting(CodebookItem::id).containsExactly("Q1", "Q2", "Q3", "Q4", "Q5", "Q6");
        assertThat(cb.item("q4").orElseThrow().kind()).isEqualTo(ItemKind.CHOICE);
        assertThat(cb.item("Q4").orElseThrow().codes()).containsExactly("A", "B");
        assertThat(cb.item("Q1").orElseThrow().scale()).contains(
                Scale.of(1, 10).withLabels(Map.of(1, "I disagree", 10, "I agree")));
        assertThat(cb.item("Q1").orElseThrow().headers()).containsOnlyKeys("ar", "zh", "fa", "en");
        assertThat(cb.title()).isPresent();
        assertThat(cb).isEqualTo(Codebook.read(Fixtures.pilot("codebook.json")));
        // Headers match after folding case, white space and line breaks.
        assertThat(cb.matchHeader("  which AI ASSISTANT would you choose?\r\nModel A is the most accurate; "
                + "Model B is slightly less accurate but fits your culture better. ")).map(m -> m.item().id())
                .contains("Q4");
    }

    @Test
    void buildsInCode() {
        CodebookItem q = new CodebookItem("trust", ItemKind.CHOICE, Optional.empty(), Optional.empty(),
                Map.of("en", "Do you trust AI?"), List.of(new CodebookOption("y", "Yes", Map.of("en", "Yes")),
                        new CodebookOption("n", null, Map.of("en", "No"))), Optional.of("other"));
        Codebook cb = Codebook.of(List.of(q));
        assertThat(cb.items().get(0).codes()).containsExactly("y", "n", "other");
        assertThat(cb.items().get(0).options().get(1).label()).isEqualTo("n");
        assertThat(cb.matchOption(q, " YES ")).map(CodebookOption::code).contains("y");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON | {\"format\": | line 1 | not valid JSON",
        "unknown member | " + HEAD + "\"items\": [{\"id\": \"Q1\", \"kinds\": \"scale\"}]} | column \"items[0].kinds\""
                + " | found \"kinds\", expected one of description, headers, id, kind",
        "wrong type | " + HEAD + "\"items\": [{\"id\": \"Q1\", \"kind\": \"scale\", \"scale\": {\"min\": \"a\"}}]}"
                + " | column \"items[0].scale.min\" | wrong JSON type",
        "wrong format | {\"format\": \"other\", \"items\": []} | column \"format\" | found \"other\"",
        "wrong version | {\"format\": \"pluralstats-forms-codebook\", \"version\": 2} | column \"version\" | found \"2\"",
        "no items | " + HEAD + "\"items\": []} | column \"items\" | no items",
        "bad kind | " + HEAD + "\"items\": [{\"id\": \"Q1\", \"kind\": \"likert\"}]} | column \"items[0].kind\""
                + " | expected one of scale, choice, multi, text, numeric",
        "no scale | " + HEAD + "\"items\": [{\"id\": \"Q1\", \"kind\": \"scale\", \"headers\": {\"en\": \"x\"}}]}"
                + " | column \"items[0].scale\" | has no scale",
        "scale beyond the limit | " + HEAD + "\"items\": [{\"id\": \"Q1\", \"kind\": \"scale\", \"headers\": {\"en\": \"x\"},"
                + " \"scale\": {\"min\": 0, \"max\": 2147483647}}]} | column \"items[0].scale\""
                + " | more than 10001 points (the limit)",
        "no headers | " + HEAD + "\"items\": [{\"id\": \"Q1\", \"kind\": \"text\"}]} | column \"items[0].headers\""
                + " | has no headers",
        "same id | " + HEAD + "\"items\": [{\"id\": \"Q1\", \"kind\": \"text\", \"headers\": {\"en\": \"x\"}},"
                + " {\"id\": \"q1\", \"kind\": \"text\", \"headers\": {\"en\": \"y\"}}]} | column \"items[1].id\""
                + " | appears twice",
        "same header | " + HEAD + "\"items\": [{\"id\": \"Q1\", \"kind\": \"text\", \"headers\": {\"en\": \"x\"}},"
                + " {\"id\": \"Q2\", \"kind\": \"text\", \"headers\": {\"de\": \" X \"}}]} | column \"items[1].headers.de\""
                + " | is also a header of item Q1",
        "reserved id | " + HEAD + "\"items\": [{\"id\": \"Group\", \"kind\": \"text\", \"headers\": {\"en\": \"x\"}}]}"
                + " | column \"items[0].id\" | reserved",
        "options on a scale | " + HEAD + "\"items\": [{\"id\": \"Q1\", \"kind\": \"text\", \"headers\": {\"en\": \"x\"},"
                + " \"options\": [{\"code\": \"a\", \"texts\": {\"en\": \"A\"}}]}]} | column \"items[0].options\""
                + " | has options",
        "no options | " + HEAD + "\"items\": [{\"id\": \"Q1\", \"kind\": \"choice\", \"headers\": {\"en\": \"x\"}}]}"
                + " | column \"items[0].options\" | has no options",
        "same option text | " + HEAD + "\"items\": [{\"id\": \"Q1\", \"kind\": \"choice\", \"headers\": {\"en\": \"x\"},"
                + " \"options\": [{\"code\": \"a\", \"texts\": {\"en\": \"Yes\"}}, {\"code\": \"b\", \"texts\":"
                + " {\"en\": \"yes\"}}]}]} | column \"items[0].options[1].texts\" | also a text of option a",
        "duplicate key | " + HEAD + "\"items\": [{\"id\": \"Q1\", \"id\": \"Q2\"}]} | line 1 | duplicate key 'id'",
        "scale label off the scale | " + HEAD + "\"items\": [{\"id\": \"Q1\", \"kind\": \"scale\", \"scale\":"
                + " {\"min\": 1, \"max\": 5, \"labels\": {\"7\": \"x\"}}, \"headers\": {\"en\": \"x\"}}]}"
                + " | column \"items[0].scale.labels\" | expected a point from 1 to 5",
        "ignored item header | " + HEAD + "\"ignore\": [\"X\"], \"items\": [{\"id\": \"Q1\", \"kind\": \"text\","
                + " \"headers\": {\"en\": \"x\"}}]} | column \"ignore[0]\" | is a header of item Q1"})
    void invalidCodebooksAreNamedPrecisely(String name, String json, String place, String message) {
        assertThatThrownBy(() -> Codebook.parse(json, "cb.json")).isInstanceOf(SurveyFormatException.class)
                .hasMessageStartingWith("cb.json").hasMessageContaining(place).hasMessageContaining(message);
    }
}
