package org.pluralstats.weight;

import org.pluralstats.io.sidefile.ItemCodingFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.data.SurveyData;
import org.pluralstats.stats.ConfidenceInterval;

/**
 * Scores, SEs, n_eff and logit CIs against R survey 4.1.1 (tools/weight_reference.R,
 * vps-reference.json): svymean / SE / svyciprop(method = "logit") on svydesign(ids = ~1, weights = ~w)
 * per population × item, with the Wave 7 sample read in every format: CSV, .sav, .zsav and .dta.
 */
class ValuePolarityScoresReferenceTest {
    static final double TOLERANCE = 1e-9;
    /** svyciprop itself stops its IRLS fit at glm's default tolerance; the fixture records how far that is (2e-9). */
    static final double SVYCIPROP_TOLERANCE = 1e-8;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        List<String> wave7Files = List.of("wvs7-sample.csv", "wvs7-sample.sav", "wvs7-sample.zsav", "wvs7-sample.dta");
        for (JsonNode c : Fixtures.json("vps-reference.json").get("cases")) {
            String data = c.get("data").asText();
            List<String> files = data.equals("wvs7-sample.csv") ? wave7Files : List.of(data);
            for (String f : files) {
                out.add(Arguments.of(f, c.get("by").asText(), c.get("weight").asText(), c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} by {1} weight {2}")
    @MethodSource("cases")
    void equalsRSurvey(String file, String by, String weight, JsonNode reference) {
        SurveyData data = Fixtures.read(Fixtures.SAMPLES.resolve(file));
        Binarisation binarisation = reference.has("items")
                ? ItemCodingFiles.read(Fixtures.SAMPLES.resolve(reference.get("items").asText())).binarisation()
                : Binarisation.paper();
        PolarityDesign design = PolarityDesign.builder(data)
                .binarisation(binarisation)
                .populations(PopulationSpec.parse(by))
                .weight(WeightSpec.parse(weight))
                .build();
        if (reference.has("positive")) {
            for (BinaryItem item : design.items()) {
                List<String> expected = new ArrayList<>();
                reference.get("positive").get(item.id()).forEach(v -> expected.add(v.asText()));
                assertThat(item.positiveCodes()).as(item.id()).isEqualTo(expected);
            }
            assertThat(design.items()).hasSize(reference.get("positive").size());
        }
        ScoreTable table = ValuePolarityScores.withDefaults().estimate(design);
        JsonNode rows = reference.get("rows");
        assertThat(table.rows()).hasSize(rows.size());
        int i = 0;
        for (JsonNode r : rows) {
            ValuePolarityScore s = table.rows().get(i++);
            String where = s.population() + "/" + s.item();
            assertThat(s.population()).isEqualTo(r.get("population").asText());
            assertThat(s.item()).isEqualTo(r.get("item").asText());
            assertThat(s.n()).as(where).isEqualTo(r.get("n").asInt());
            close(where + " weightSum", s.weightSum(), r.get("weightSum"), TOLERANCE);
            close(where + " vps", s.vps(), r.get("vps"), TOLERANCE);
            close(where + " se", s.se(), r.get("se"), TOLERANCE);
            close(where + " nEff", s.nEff(), r.get("nEff"), TOLERANCE);
            double low = ConfidenceInterval.lower(s.interval());
            double high = ConfidenceInterval.upper(s.interval());
            close(where + " ciLow", low, r.get("ciLow"), TOLERANCE);
            close(where + " ciHigh", high, r.get("ciHigh"), TOLERANCE);
            close(where + " svyciprop low", low, r.get("svycipropLow"), SVYCIPROP_TOLERANCE);
            close(where + " svyciprop high", high, r.get("svycipropHigh"), SVYCIPROP_TOLERANCE);
        }
    }

    static final java.util.Map<String, Double> MAX_DIFF = new java.util.TreeMap<>();

    @org.junit.jupiter.api.AfterAll
    static void report() {
        System.out.println("max |Java - R| per quantity: " + MAX_DIFF);
    }

    static void close(String what, double actual, JsonNode expected, double tol) {
        double e = Fixtures.num(expected);
        if (Double.isNaN(e)) {
            assertThat(actual).as(what + " (null in R)").isNaN();
        } else {
            MAX_DIFF.merge(what.substring(what.indexOf(' ') + 1), Math.abs(actual - e), Math::max);
            assertThat(Math.abs(actual - e)).as(what + ": " + actual + " vs R " + e).isLessThanOrEqualTo(tol);
        }
    }
}
