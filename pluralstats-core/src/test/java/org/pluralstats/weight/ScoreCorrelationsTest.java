package org.pluralstats.weight;

import org.pluralstats.io.sidefile.ItemCodingFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pluralstats.data.SurveyData;
import org.pluralstats.stats.Correlation;
import org.pluralstats.stats.Ranks;

/** Cross-population correlations against R's cor() (tools/weight_reference.R). */
class ScoreCorrelationsTest {

    @Test
    void equalRCor() {
        JsonNode ref = Fixtures.json("vps-reference.json").get("correlations");
        SurveyData data = Fixtures.read(Fixtures.SAMPLES.resolve("wvs7-sample.csv"));
        PolarityDesign design = PolarityDesign.builder(data)
                .binarisation(ItemCodingFiles.read(Fixtures.SAMPLES.resolve("items.json")).binarisation())
                .populations(PopulationSpec.by(ref.get("by").asText()))
                .weight(WeightSpec.parse(ref.get("weight").asText()))
                .build();
        ScoreTable table = ValuePolarityScores.withDefaults().estimate(design);
        List<PopulationCorrelation> pearson = ScoreCorrelations.of(table, Correlation.Method.PEARSON).pairs();
        List<PopulationCorrelation> spearman = ScoreCorrelations.of(table, Correlation.Method.SPEARMAN).pairs();
        double maxDiff = 0;
        int checked = 0;
        for (JsonNode r : ref.get("pairs")) {
            List<PopulationCorrelation> list = r.get("method").asText().equals("pearson") ? pearson : spearman;
            PopulationCorrelation c = list.stream()
                    .filter(x -> x.a().equals(r.get("a").asText()) && x.b().equals(r.get("b").asText()))
                    .findFirst().orElseThrow();
            assertThat(c.items()).isEqualTo(r.get("items").asInt());
            maxDiff = Math.max(maxDiff, Math.abs(c.r() - r.get("r").asDouble()));
            checked++;
        }
        System.out.println("correlations: " + checked + " pairs, max |Java - R cor()| = " + maxDiff);
        assertThat(checked).isEqualTo(72);
        assertThat(maxDiff).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void spearmanUsesAverageRanksAndSkipsMissingPairwise() {
        double[] x = {1, 2, 2, 3, Double.NaN};
        double[] y = {10, 20, 30, 30, 5};
        assertThat(Ranks.of(new double[] {3, 1, 2, 2}).ranks()).containsExactly(4, 1, 2.5, 2.5);
        PopulationCorrelation c = ScoreCorrelations.pair("a", "b", x, y, Correlation.Method.SPEARMAN);
        assertThat(c.items()).isEqualTo(4);
        // R 4.2.2: cor(c(1,2,2,3), c(10,20,30,30), method = "spearman") = 0.83333333333333348
        assertThat(c.r()).isCloseTo(0.83333333333333348, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(ScoreCorrelations.pair("a", "b", new double[] {1, 1}, new double[] {1, 2}, Correlation.Method.PEARSON).r())
                .isNaN();
    }
}
