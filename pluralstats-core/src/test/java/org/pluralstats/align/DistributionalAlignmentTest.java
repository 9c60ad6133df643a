package org.pluralstats.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;
import org.pluralstats.io.llm.ModelAnswerFiles;
import org.pluralstats.io.opinion.GlobalOpinionQa;
import org.pluralstats.report.ResultTableWriters;

/**
 * Distributional alignment of model answer files with GlobalOpinionQA-format human distributions equals
 * scipy (tools/distributional_reference.py: wasserstein_distance, jensenshannon, entropy, NumPy's total
 * variation) per question, per group and for every baseline, to 1e-12; every line of the answer file is
 * accounted for; intervals are reproducible and sensible.
 */
class DistributionalAlignmentTest {
    private static JsonNode reference;
    private static List<OptionDistribution> humans;
    private static ModelAnswerFiles.Contents answers;
    private static DistributionalAlignmentReport report;

    @BeforeAll
    static void compare() throws IOException, URISyntaxException {
        Path dir = Path.of(DistributionalAlignmentTest.class.getResource("distributional_reference.json").toURI()).getParent();
        reference = new ObjectMapper().readTree(dir.resolve("distributional_reference.json").toFile());
        humans = GlobalOpinionQa.read(dir.resolve("distributional_humans.csv")).distributions();
        answers = ModelAnswerFiles.read(dir.resolve("distributional_answers.jsonl"));
        report = DistributionalAlignment.withDefaults().withResamples(200).compare(humans, answers.answers());
    }

    private static String key(String model, String condition, String persona, String population, String question,
                              String metric) {
        return String.join("|", model, condition, persona, population, question.strip().toLowerCase(), metric);
    }

    private static void assertSame(String what, double actual, JsonNode expected) {
        if (expected.isNull()) {
            assertThat(Double.isNaN(actual)).as(what + " undefined, got " + actual).isTrue();
        } else if (expected.isTextual()) {
            assertThat(actual).as(what).isEqualTo(Double.POSITIVE_INFINITY);
        } else {
            assertThat(actual).as(what).isCloseTo(expected.asDouble(), within(1e-12));
        }
    }

    @Test
    void everyLineIsAccountedFor() {
        assertThat(answers.lines()).isEqualTo(reference.get("lines").asLong());
        assertThat(answers.blank()).isEqualTo(1);
        assertThat(answers.generations() + answers.probabilityLines() + answers.blank()).isEqualTo(answers.lines());
        assertThat(answers.probabilityLines()).isEqualTo(7);
        // 6 questions × (default + 3 personas) for example-chat, 7 for example-base
        assertThat(answers.answers()).hasSize(6 * 4 + 7);
        // example-base's question no country was asked, and the Japan persona on question 6 (Japan has no data for it)
        assertThat(report.excluded()).containsExactly(Map.entry(DistributionSimilarity.NO_HUMAN, 2));
        assertThat(answers.accounting()).contains(answers.lines() + " lines");
    }

    @Test
    void perQuestionScoresAndBaselinesEqualScipy() {
        Map<String, DistributionalAlignmentReport.Question> mine = new HashMap<>();
        for (DistributionalAlignmentReport.Question q : report.questions()) {
            mine.put(key(q.model(), q.condition(), q.persona(), q.population(), q.question(), q.metric().jsonName()), q);
        }
        JsonNode expected = reference.get("questions");
        assertThat(mine).hasSize(expected.size());
        for (JsonNode e : expected) {
            String k = key(e.get("model").asText(), e.get("condition").asText(), e.get("persona").asText(),
                    e.get("population").asText(), e.get("question").asText(), e.get("metric").asText());
            DistributionalAlignmentReport.Question q = mine.get(k);
            assertThat(q).as(k).isNotNull();
            assertSame(k + " score", q.score(), e.get("score"));
            assertSame(k + " uniform", q.uniform(), e.get("uniform"));
            assertSame(k + " majority", q.majority(), e.get("majority"));
            assertSame(k + " otherPopulations", q.otherPopulations(), e.get("otherPopulations"));
            assertThat(q.classified()).as(k).isCloseTo(e.get("classified").asDouble(), within(1e-12));
            assertThat(q.unclassifiable()).as(k).isCloseTo(e.get("unclassifiable").asDouble(), within(1e-12));
            assertThat(q.refused()).as(k).isCloseTo(e.get("refused").asDouble(), within(1e-12));
        }
    }

    @Test
    void groupMeansEqualScipy() {
        Map<String, DistributionalAlignmentReport.Summary> mine = new HashMap<>();
        for (DistributionalAlignmentReport.Summary s : report.summaries()) {
            mine.put(key(s.model(), s.condition(), s.persona(), s.population(), "", s.metric().jsonName()), s);
        }
        JsonNode expected = reference.get("summaries");
        assertThat(mine).hasSize(expected.size());
        for (JsonNode e : expected) {
            String k = key(e.get("model").asText(), e.get("condition").asText(), e.get("persona").asText(),
                    e.get("population").asText(), "", e.get("metric").asText());
            DistributionalAlignmentReport.Summary s = mine.get(k);
            assertThat(s).as(k).isNotNull();
            assertThat(s.questions()).as(k).isEqualTo(e.get("questions").asInt());
            assertSame(k + " score", s.score(), e.get("score"));
            assertSame(k + " uniform", s.uniform(), e.get("uniform"));
            assertSame(k + " majority", s.majority(), e.get("majority"));
            assertSame(k + " otherPopulations", s.otherPopulations(), e.get("otherPopulations"));
        }
    }

    @Test
    void intervalsBracketTheScoreAndComeOnlyFromWhatWasSampled() {
        int sampled = 0;
        for (DistributionalAlignmentReport.Summary s : report.summaries()) {
            if (Double.isInfinite(s.score())) {
                assertThat(s.infinite()).isPositive();
                assertThat(s.ciLow()).isNaN();
                continue;
            }
            assertThat(s.ciLow()).as(s.toString()).isLessThanOrEqualTo(s.score() + 1e-12);
            assertThat(s.ciHigh()).as(s.toString()).isGreaterThanOrEqualTo(s.score() - 1e-12);
            if (s.sampled()) {
                sampled++;
                if (s.metric().isSimilarity()) {
                    assertThat(s.generationsCiLow()).as(s.toString()).isLessThan(s.generationsCiHigh());
                }
            } else {
                assertThat(s.generationsCiLow()).isNaN();
            }
        }
        assertThat(sampled).isPositive();
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherIntervals() {
        DistributionalAlignmentReport again = DistributionalAlignment.withDefaults().withResamples(200)
                .compare(humans, answers.answers());
        assertThat(ResultTableWriters.json(again.table())).isEqualTo(ResultTableWriters.json(report.table()));
        DistributionalAlignmentReport other = DistributionalAlignment.withDefaults().withResamples(200).withSeed(7)
                .compare(humans, answers.answers());
        assertThat(ResultTableWriters.json(other.table())).isNotEqualTo(ResultTableWriters.json(report.table()));
        assertThat(ResultTableWriters.json(report.table())).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void steerabilityComparesPersonasWithTheUnsteeredModel() {
        String table = report.steerabilityTable().toString();
        assertThat(report.steerabilityTable().rows()).isEqualTo(4); // example-chat × persona × 4 metrics
        assertThat(table).contains("persona");
        DistributionalAlignmentReport.Summary brazil = report.summaries().stream()
                .filter(s -> s.persona().equals("Brazil") && s.metric() == SimilarityMetric.WASSERSTEIN).findFirst().orElseThrow();
        assertThat(brazil.population()).isEqualTo("Brazil");
        assertThat(brazil.questions()).isEqualTo(6);
        DistributionalAlignmentReport.Summary japan = report.summaries().stream()
                .filter(s -> s.persona().equals("Japan") && s.metric() == SimilarityMetric.WASSERSTEIN).findFirst().orElseThrow();
        assertThat(japan.questions()).isEqualTo(5);
    }

    @Test
    void refusesAnOptionTheQuestionDoesNotHave() {
        ModelAnswers odd = new ModelAnswers("m", "", "", "Brazil", humans.get(0).question(),
                List.of(new OptionCount("Option Z", Double.NaN, 3)), 0, 0, true);
        assertThatThrownBy(() -> DistributionalAlignment.withDefaults().compare(humans, List.of(odd)))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("\"Option Z\" is not an option");
    }
}
