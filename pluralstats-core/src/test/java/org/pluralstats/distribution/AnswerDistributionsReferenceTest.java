package org.pluralstats.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.weight.WeightSpec;

/**
 * Shares, SEs, logit CIs, n and n_eff against R survey 4.1.1 (tools/distributions_reference.R,
 * distributions-reference.json): svymean(~factor(Q)) per population on svydesign(ids = ~1, weights = ~w),
 * on the WVS Wave 7-style sample by country and by interview language, and on a synthetic file with
 * every WVS missing code by the intersection country × sex.
 */
class AnswerDistributionsReferenceTest {
    static final double TOLERANCE = 1e-10;
    static final Path SAMPLES = Path.of("data-samples/wvs-sample");
    static final Path HERE = Path.of("pluralstats-core/src/test/resources/org/pluralstats/distribution");

    static JsonNode reference() {
        try (InputStream in = AnswerDistributionsReferenceTest.class.getResourceAsStream("distributions-reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : reference().get("cases")) {
            String data = c.get("data").asText();
            List<String> files = data.equals("wvs7-sample.csv")
                    ? List.of("wvs7-sample.csv", "wvs7-sample.sav", "wvs7-sample.zsav", "wvs7-sample.dta") : List.of(data);
            for (String f : files) {
                out.add(Arguments.of(f, c.get("by").toString(), c));
            }
        }
        return out.stream();
    }

    static Path file(String name) {
        return name.equals("synthetic.csv") ? HERE.resolve(name) : SAMPLES.resolve(name);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cases")
    void equalsRSurvey(String file, String by, JsonNode c) {
        SurveyData data = SurveyFiles.read(file(file));
        DistributionTable table = AnswerDistributions.estimate(data, strings(c.get("questions")), strings(c.get("by")),
                WeightSpec.parse(c.get("weight").asText()));
        JsonNode rows = c.get("rows");
        assertThat(table.rows()).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode e = rows.get(i);
            OptionShare s = table.rows().get(i);
            String where = e.toString();
            assertThat(s.population()).as(where).isEqualTo(e.get("population").asText());
            assertThat(s.question()).as(where).isEqualTo(e.get("question").asText());
            assertThat(s.code()).as(where).isEqualTo(e.get("code").asText());
            assertThat(s.base().jsonName()).as(where).isEqualTo(e.get("base").asText());
            assertThat(s.n()).as(where).isEqualTo(e.get("n").asInt());
            assertThat(s.count()).as(where).isEqualTo(e.get("count").asInt());
            assertThat(s.share()).as(where).isCloseTo(e.get("share").asDouble(), within(TOLERANCE));
            assertThat(s.se()).as(where).isCloseTo(e.get("se").asDouble(), within(TOLERANCE));
            assertThat(s.nEff()).as(where).isCloseTo(e.get("nEff").asDouble(), within(TOLERANCE));
            if (e.get("ciLower").isNull()) {
                assertThat(s.interval()).as(where).isEmpty();
            } else {
                assertThat(s.interval().orElseThrow().lower()).as(where).isCloseTo(e.get("ciLower").asDouble(),
                        within(TOLERANCE));
                assertThat(s.interval().orElseThrow().upper()).as(where).isCloseTo(e.get("ciUpper").asDouble(),
                        within(TOLERANCE));
            }
        }
    }

    @Test
    void validSharesSumToOneAndMissingSharesAreOverAllRespondents() {
        SurveyData data = SurveyFiles.read(HERE.resolve("synthetic.csv"));
        DistributionTable t = AnswerDistributions.estimate(data, List.of("Q1"), List.of("global"), WeightSpec.parse("W_WEIGHT"));
        double valid = t.rows().stream().filter(r -> r.base() == ShareBase.VALID).mapToDouble(OptionShare::share).sum();
        double missing = t.rows().stream().filter(r -> r.base() == ShareBase.ALL).mapToDouble(OptionShare::share).sum();
        assertThat(valid).isCloseTo(1.0, within(1e-12));
        assertThat(missing).isBetween(0.01, 0.5);
        assertThat(t.rows().stream().filter(r -> r.base() == ShareBase.ALL).map(OptionShare::code))
                .containsExactly("dont_know", "no_answer", "not_applicable");
        int n = t.rows().get(0).n();
        int all = t.rows().stream().filter(r -> r.base() == ShareBase.ALL).findFirst().orElseThrow().n();
        int missingCount = t.rows().stream().filter(r -> r.base() == ShareBase.ALL).mapToInt(OptionShare::count).sum();
        assertThat(n + missingCount).isEqualTo(all).isEqualTo(data.rows());
        assertThat(t.rows().stream().filter(r -> r.base() == ShareBase.VALID).map(OptionShare::code))
                .containsExactly("1", "2", "3", "4");
    }

    @Test
    void theResultIsATableThatNamesItsDesign() {
        SurveyData data = SurveyFiles.read(HERE.resolve("synthetic.csv"));
        DistributionTable t = AnswerDistributions.estimate(data, List.of("Q1"), List.of("B_COUNTRY_ALPHA", "SEX"),
                WeightSpec.parse("W_WEIGHT"));
        org.pluralstats.table.ResultTable table = t.table();
        assertThat(table.rows()).isEqualTo(t.rows().size());
        assertThat(table.columns()).extracting(org.pluralstats.table.Column::name).containsExactlyElementsOf(DistributionTable.FIELDS);
        assertThat(table.metadata()).containsEntry("populations by", "B_COUNTRY_ALPHA × SEX")
                .containsEntry(org.pluralstats.table.ResultTable.WEIGHTS, "W_WEIGHT");
        assertThat(table.metadata().get("design")).startsWith("separate designs per population");
        assertThat(t.toString()).isEqualTo(table.toString()).startsWith("Answer distributions per population × question");
    }

    @Test
    void anItemsFilesMissingCodesAreUserMissingRowsNotOptions() {
        SurveyData data = SurveyFiles.read(HERE.resolve("synthetic.csv"));
        DistributionTable t = AnswerDistributions.estimate(data, List.of("Q1"), List.of("global"),
                WeightSpec.parse("W_WEIGHT"), java.util.Map.of("q1", List.of("4")));
        assertThat(t.rows().stream().map(OptionShare::code))
                .containsExactly("1", "2", "3", "dont_know", "no_answer", "not_applicable", "user_missing");
        OptionShare four = AnswerDistributions.estimate(data, List.of("Q1"), List.of("global"), WeightSpec.parse("W_WEIGHT"))
                .rows().get(3);
        OptionShare userMissing = t.rows().get(6);
        assertThat(userMissing.count()).isEqualTo(four.count());
        assertThat(userMissing.n()).isEqualTo(data.rows());
        assertThat(t.rows().get(0).n()).isEqualTo(four.n() - four.count());
    }

    @Test
    void anInvalidWeightStopsNamingTheRespondent() {
        SurveyData data = SurveyFiles.read(HERE.resolve("synthetic.csv"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AnswerDistributions.estimate(data, List.of("Q1"),
                        List.of("global"), WeightSpec.parse("Q2")))
                .hasMessageContaining("row ").hasMessageContaining("invalid weight").hasMessageContaining("Q2");
    }
}
