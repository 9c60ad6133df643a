package org.pluralstats.weight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.SurveyFiles;

/**
 * Raking against R survey 4.1.1 (tools/weight_reference.R, rake-reference.json): rake() for iterative
 * proportional fitting (converged, stopped after 3 cycles, a cross-classified margin) and
 * calibrate(calfun = "raking", bounds = ...) for bounded raking (with and without grake's rescaling).
 */
class RakingReferenceTest {
    static final double RELATIVE = 1e-6;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : Fixtures.json("rake-reference.json").get("cases")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    static List<Margin> margins(JsonNode c) {
        List<Margin> out = new ArrayList<>();
        for (JsonNode m : c.get("margins")) {
            List<String> vars = new ArrayList<>();
            m.get("variables").forEach(v -> vars.add(v.asText()));
            Map<String, Double> t = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = m.get("targets").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                t.put(e.getKey(), e.getValue().asDouble());
            }
            out.add(new Margin(vars, t));
        }
        return out;
    }

    static final Map<String, Double> MAX_REL = new java.util.TreeMap<>();

    @org.junit.jupiter.api.AfterAll
    static void report() {
        System.out.println("max relative |Java - R| of raked weights per case: " + MAX_REL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsRSurvey(String name, JsonNode c) {
        SurveyData data = SurveyFiles.read(Fixtures.RESOURCES.resolve("wvs7-rake.csv"));
        Raking raking = Raking.withDefaults().withTolerance(c.get("tolerance").asDouble())
                .withMaxIterations(c.get("maxIterations").asInt());
        if (c.has("bounds")) {
            raking = raking.withBounds(c.get("bounds").get(0).asDouble(), c.get("bounds").get(1).asDouble());
        }
        RakingResult r = raking.rake(data, WeightSpec.parse("W_WEIGHT"), margins(c), InvalidWeights.FAIL);
        JsonNode expected = c.get("weights");
        assertThat(r.weights()).hasSize(expected.size());
        double worst = 0;
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i).asDouble();
            worst = Math.max(worst, Math.abs(r.weight(i) - e) / e);
        }
        MAX_REL.put(name, worst);
        assertThat(worst).as("max relative difference").isLessThanOrEqualTo(RELATIVE);
        assertThat(r.converged()).isEqualTo(c.get("converged").asBoolean());
        if (!c.get("iterations").isNull()) {
            assertThat(r.iterations()).isEqualTo(c.get("iterations").asInt());
        }
        assertThat(r.kishEfficiencyBefore()).isCloseTo(c.get("kishBefore").asDouble(),
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.kishEfficiencyAfter()).isCloseTo(c.get("kishAfter").asDouble(),
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(r.method()).isEqualTo(c.has("bounds") ? RakingResult.Method.BOUNDED : RakingResult.Method.IPF);
    }
}
