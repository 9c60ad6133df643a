package org.pluralstats.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every statistic of the agreement package equals, to 1e-12, the values tools/agreement_reference.py
 * computed with statsmodels 0.13.5 (Cohen's and Fleiss' kappa) and an independent NumPy implementation of
 * Krippendorff's alpha that reproduces Krippendorff's (2011) published example.
 */
class AgreementReferenceTest {
    static final double TOL = 1e-12;

    static JsonNode fixture() throws IOException {
        try (InputStream in = AgreementReferenceTest.class.getResourceAsStream("/org/pluralstats/agreement/agreement-reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Stream<JsonNode> cases() throws IOException {
        List<JsonNode> l = new ArrayList<>();
        fixture().get("cases").forEach(l::add);
        return l.stream();
    }

    static double[][] ratings(JsonNode c) {
        JsonNode rows = c.get("ratings");
        double[][] m = new double[rows.size()][];
        for (int u = 0; u < m.length; u++) {
            JsonNode row = rows.get(u);
            m[u] = new double[row.size()];
            for (int j = 0; j < m[u].length; j++) {
                m[u][j] = row.get(j).isNull() ? Double.NaN : row.get(j).asDouble();
            }
        }
        return m;
    }

    static double[] column(double[][] m, int j) {
        return Stream.of(m).mapToDouble(r -> r[j]).toArray();
    }

    static void close(double actual, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected.asDouble(), within(TOL));
        }
    }

    @Test
    void fixtureHasTheSixDataSets() throws IOException {
        assertThat(cases().map(c -> c.get("name").asText())).containsExactly("krippendorff2011", "fleiss-wikipedia", "nominal2",
                "ordinal2", "many-raters", "scores");
        assertThat(fixture().get("program").asText()).contains("statsmodels 0.13.5");
    }

    @Test
    void krippendorff2011PublishedValues() {
        double nan = Double.NaN;
        double[][] coders = {
            {1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan},
            {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3},
            {nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan},
            {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan}};
        double[][] units = new double[12][4];
        for (int u = 0; u < 12; u++) {
            for (int c = 0; c < 4; c++) {
                units[u][c] = coders[c][u];
            }
        }
        AgreementStatistic nominal = KrippendorffAlpha.of(units, MeasurementLevel.NOMINAL);
        assertThat(nominal.estimate()).isCloseTo(0.743, within(5e-4));
        assertThat(nominal.values()).isEqualTo(40); // n: unit 12 has one value and is not pairable
        assertThat(nominal.units()).isEqualTo(11);
        assertThat(KrippendorffAlpha.of(units, MeasurementLevel.ORDINAL).estimate()).isCloseTo(0.815, within(5e-4));
        assertThat(KrippendorffAlpha.of(units, MeasurementLevel.INTERVAL).estimate()).isCloseTo(0.849, within(5e-4));
        assertThat(KrippendorffAlpha.of(units, MeasurementLevel.RATIO).estimate()).isCloseTo(0.797, within(5e-4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsReference(JsonNode c) {
        double[][] m = ratings(c);
        AgreementStatistic pa = PercentAgreement.of(m);
        close(pa.estimate(), c.get("percentAgreement").get("value"));
        assertThat(pa.units()).isEqualTo(c.get("percentAgreement").get("units").asInt());
        for (MeasurementLevel level : MeasurementLevel.values()) {
            AgreementStatistic a = KrippendorffAlpha.of(m, level);
            close(a.estimate(), c.get("alpha").get(level.label()));
            assertThat(a.values()).isEqualTo(c.get("pairableValues").asLong());
        }
        JsonNode f = c.get("fleiss");
        AgreementStatistic fleiss = FleissKappa.of(m, FleissKappa.Method.FLEISS);
        close(fleiss.estimate(), f.get("fleiss"));
        close(FleissKappa.of(m, FleissKappa.Method.RANDOLPH).estimate(), f.get("randolph"));
        assertThat(fleiss.units()).isEqualTo(f.get("units").asInt());
        if (c.has("cohen")) {
            double[] a = column(m, 0);
            double[] b = column(m, 1);
            for (KappaWeights w : KappaWeights.values()) {
                JsonNode ref = c.get("cohen").get(w.label());
                AgreementStatistic k = CohensKappa.withDefaults().with(w).estimate(a, b);
                close(k.estimate(), ref.get("kappa"));
                close(k.se(), ref.get("std_kappa"));
                close(k.seNull(), ref.get("std_kappa0"));
                close(k.ciLow(), ref.get("kappa_low"));
                close(k.ciHigh(), ref.get("kappa_upp"));
                assertThat(k.units()).isEqualTo(c.get("cohen").get("units").asInt());
            }
            JsonNode e = c.get("mae");
            AgreementStatistic mae = MeanAbsoluteError.of(a, b, 0.95);
            close(mae.estimate(), e.get("mae"));
            close(mae.se(), e.get("se"));
            close(mae.ciLow(), e.get("low"));
            close(mae.ciHigh(), e.get("high"));
            assertThat(mae.units()).isEqualTo(e.get("units").asInt());
        }
    }

    @Test
    void fleissFromCountsEqualsWikipediaExample() throws IOException {
        double[][] counts = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        JsonNode ref = cases().filter(c -> c.get("name").asText().equals("fleiss-wikipedia")).findFirst().orElseThrow().get("fleiss");
        close(FleissKappa.ofCounts(counts, FleissKappa.Method.FLEISS).estimate(), ref.get("fleiss"));
        close(FleissKappa.ofCounts(counts, FleissKappa.Method.RANDOLPH).estimate(), ref.get("randolph"));
        assertThat(FleissKappa.ofCounts(counts, FleissKappa.Method.FLEISS).estimate()).isCloseTo(0.210, within(5e-4));
    }
}
