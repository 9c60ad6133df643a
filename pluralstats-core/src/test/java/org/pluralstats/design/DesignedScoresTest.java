package org.pluralstats.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.SurveyData;
import org.pluralstats.distribution.AnswerDistributions;
import org.pluralstats.distribution.DistributionTable;
import org.pluralstats.distribution.OptionShare;
import org.pluralstats.distribution.ShareBase;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.io.sidefile.ItemCodingFiles;
import org.pluralstats.weight.PolarityDesign;
import org.pluralstats.weight.PopulationSpec;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.ValuePolarityScore;
import org.pluralstats.weight.ValuePolarityScores;
import org.pluralstats.weight.WeightSpec;

/**
 * Value polarity scores and answer shares on a clustered, stratified design equal R survey
 * (tools/design_distributions_reference.R on the WVS-7-style file with PSUs and strata) to 1e-10: the
 * separate design per country, countries as domains of one design, and domains without clustering.
 */
class DesignedScoresTest {
    static final Path HERE = Path.of("pluralstats-core/src/test/resources/org/pluralstats/design");
    static final SurveyData DATA = SurveyFiles.read(HERE.resolve("wvs7-design.csv"));
    static final DesignSpec CLUSTERED = new DesignSpec(List.of("I_PSU"), List.of("STRATUM"), List.of(), true,
            LonelyPsu.FAIL, DomainMethod.SEPARATE_DESIGNS);

    static JsonNode reference() throws IOException {
        return new ObjectMapper().readTree(HERE.resolve("design-distributions-reference.json").toFile());
    }

    static DesignSpec withMethod(DesignSpec s, DomainMethod m) {
        return new DesignSpec(s.psu(), s.strata(), s.fpc(), s.nest(), s.lonelyPsu(), m);
    }

    private static ScoreTable scores(DesignSpec spec) {
        PolarityDesign d = PolarityDesign.builder(DATA)
                .binarisation(ItemCodingFiles.read(Path.of("data-samples/wvs-sample/items.json")).binarisation())
                .populations(PopulationSpec.parse("B_COUNTRY_ALPHA")).weight(WeightSpec.parse("W_WEIGHT")).build();
        return ValuePolarityScores.withDefaults().estimate(d, spec);
    }

    @Test
    void valuePolarityScoresEqualRSurveyOnEachDesign() throws IOException {
        ScoreTable separate = scores(CLUSTERED);
        ScoreTable domain = scores(withMethod(CLUSTERED, DomainMethod.DOMAIN));
        ScoreTable simpleDomain = scores(new DesignSpec(List.of(), List.of(), List.of(), false, LonelyPsu.FAIL,
                DomainMethod.DOMAIN));
        ScoreTable simple = scores(DesignSpec.simple());
        int n = 0;
        for (JsonNode e : reference().get("scores")) {
            String pop = e.get("population").asText();
            String item = e.get("item").asText();
            ValuePolarityScore s = separate.get(pop, item).orElseThrow();
            assertThat(s.vps()).as(pop + " " + item).isCloseTo(e.get("vps").asDouble(), within(1e-12));
            assertThat(s.se()).as(pop + " " + item).isCloseTo(e.get("seSeparate").asDouble(), within(1e-10));
            assertThat(domain.get(pop, item).orElseThrow().se()).as(pop + " " + item + " domain").isCloseTo(e.get("seDomain").asDouble(), within(1e-10));
            assertThat(simpleDomain.get(pop, item).orElseThrow().se()).as(pop + " " + item + " simple domain").isCloseTo(e.get("seDomainSimple").asDouble(), within(1e-10));
            assertThat(s.n()).isEqualTo(simple.get(pop, item).orElseThrow().n());
            n++;
        }
        assertThat(n).isEqualTo(71);
        assertThat(separate.table().metadata()).containsEntry("design",
                "svydesign(ids = ~I_PSU, strata = ~STRATUM, weights = ~W_WEIGHT, nest = TRUE); a separate design per population");
    }

    @Test
    void answerSharesEqualRSurveyOnEachDesign() throws IOException {
        List<String> qs = List.of("Q1", "Q57", "Q164");
        List<String> by = List.of("B_COUNTRY_ALPHA");
        WeightSpec w = WeightSpec.parse("W_WEIGHT");
        DistributionTable separate = AnswerDistributions.estimate(DATA, qs, by, w, Map.of(), CLUSTERED);
        DistributionTable domain = AnswerDistributions.estimate(DATA, qs, by, w, Map.of(), withMethod(CLUSTERED, DomainMethod.DOMAIN));
        Map<String, OptionShare> sep = index(separate);
        Map<String, OptionShare> dom = index(domain);
        int n = 0;
        int skipped = 0;
        for (JsonNode e : reference().get("shares")) {
            String k = e.get("population").asText() + "|" + e.get("question").asText() + "|" + e.get("code").asText();
            if (e.get("shareDomain").isNull()) {
                assertThat(sep).doesNotContainKey(k); // a question not asked in the country: no valid-option rows
                skipped++;
                continue;
            }
            assertThat(sep).as(k + " among " + sep.keySet()).containsKey(k);
            assertThat(sep.get(k).share()).as(k).isCloseTo(e.get("share").asDouble(), within(1e-12));
            assertThat(sep.get(k).se()).as(k).isCloseTo(e.get("seSeparate").asDouble(), within(1e-10));
            assertThat(dom.get(k).se()).as(k).isCloseTo(e.get("seDomain").asDouble(), within(1e-10));
            n++;
        }
        assertThat(n).isEqualTo(sep.size()).isPositive();
        assertThat(skipped).isEqualTo(2); // NGA's Q57, options 1 and 2
    }

    @Test
    void aRespondentWithoutAClusterIsNamed() {
        DesignSpec bad = new DesignSpec(List.of("Q57"), List.of(), List.of(), false, LonelyPsu.FAIL, DomainMethod.SEPARATE_DESIGNS);
        assertThatThrownBy(() -> scores(bad)).isInstanceOf(PluralstatsException.class)
                .hasMessageContaining("wvs7-design.csv: respondent").hasMessageContaining("the cluster Q57 is missing");
    }

    private static Map<String, OptionShare> index(DistributionTable t) {
        Map<String, OptionShare> m = new HashMap<>();
        for (OptionShare o : t.rows()) {
            if (o.base() == ShareBase.VALID) {
                m.put(o.population() + "|" + o.question() + "|" + o.code(), o);
            }
        }
        return m;
    }
}
