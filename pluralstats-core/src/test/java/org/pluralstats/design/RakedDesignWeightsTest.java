package org.pluralstats.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pluralstats.data.CategoricalColumn;
import org.pluralstats.data.Item;
import org.pluralstats.data.SurveyData;
import org.pluralstats.weight.Margin;
import org.pluralstats.weight.Raking;
import org.pluralstats.weight.RakingResult;

/**
 * The raked design's weights are the weights of {@code weight.Raking} (pluralstats' raking of a data file,
 * {@code pluralstats rake}) with the same margins and control, and both are R's {@code rake} weights: the
 * two implement survey's algorithm independently ({@code Raking} does not keep the per-margin weights that the
 * design's variance needs).
 */
class RakedDesignWeightsTest {
    private static final JsonNode REFERENCE = TaylorDesignReferenceTest.json("raked-design-reference.json");

    @Test
    void rakingADataFileGivesTheRakedDesignsWeights() {
        for (int k = 0; k < 2; k++) {
            JsonNode c = REFERENCE.get("cases").get(k);
            JsonNode step = c.get("steps").get(0);
            Map<String, String[]> data = TaylorDesignReferenceTest.csv(c.get("data").asText());
            double[] pw = TaylorDesignReferenceTest.numbers(data, "pw");
            SurveyData file = SurveyData.builder("apiclus1.csv")
                    .item(CategoricalColumn.of(Item.choice("stype", "", List.of()), data.get("stype")))
                    .item(CategoricalColumn.of(Item.choice("sch.wide", "", List.of()), data.get("sch.wide")))
                    .build();
            List<Margin> margins = new java.util.ArrayList<>();
            for (JsonNode m : step.get("margins")) {
                Map<String, Double> pop = new LinkedHashMap<>();
                m.get("population").fields().forEachRemaining(e -> pop.put(e.getKey(), e.getValue().asDouble()));
                margins.add(Margin.of(m.get("variable").asText(), pop));
            }
            RakingResult r = Raking.withDefaults().withTolerance(step.get("epsilon").asDouble())
                    .withMaxIterations(step.get("maxit").asInt()).rake(file, pw, margins);
            double[] design = RakedDesignReferenceTest.calibrated(c, data).weights();
            JsonNode rWeights = c.get("calibratedWeights");
            assertThat(r.converged()).isTrue();
            for (int i = 0; i < design.length; i++) {
                assertThat(Math.abs(r.weight(i) - design[i]) / design[i]).as("row %d", i + 1).isLessThan(1e-13);
                assertThat(Math.abs(r.weight(i) - rWeights.get(i).asDouble()) / design[i]).isLessThan(1e-13);
            }
        }
    }
}
