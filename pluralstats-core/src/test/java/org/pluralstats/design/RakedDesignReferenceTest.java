package org.pluralstats.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.PluralstatsException;

/**
 * {@link TaylorDesign#raked} and {@link TaylorDesign#postStratified} against R survey 4.1.1's {@code rake} and
 * {@code postStratify} on the api designs ({@code tools/raked_design_reference.R}): calibrated weights,
 * estimates, standard errors, design effects and intervals equal to 1e-10 relative to R's value.
 */
class RakedDesignReferenceTest {
    private static final double TOL = 1e-10;
    private static final JsonNode REFERENCE = TaylorDesignReferenceTest.json("raked-design-reference.json");
    private static final Map<String, Double> MAX_SEEN = new ConcurrentSkipListMap<>();

    @AfterAll
    static void report() {
        System.out.println("raked designs, largest |Java - R| / |R|: " + MAX_SEEN);
    }

    @Test
    void theFixtureSaysWhatComputedIt() {
        assertThat(REFERENCE.get("program").asText()).matches("R \\d+\\.\\d+\\.\\d+, survey \\d+\\.\\d+\\.\\d+");
        assertThat(REFERENCE.get("script").asText()).isEqualTo("tools/raked_design_reference.R");
        assertThat(REFERENCE.get("cases")).hasSize(6);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : REFERENCE.get("cases")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    /** The base design of a case with its calibration steps applied, as the R script did. */
    static TaylorDesign calibrated(JsonNode c, Map<String, String[]> data) {
        TaylorDesign design = TaylorDesignReferenceTest.build(c, data);
        for (JsonNode step : c.get("steps")) {
            List<String> names = new ArrayList<>();
            List<String[]> values = new ArrayList<>();
            List<Map<String, Double>> populations = new ArrayList<>();
            for (JsonNode m : step.get("margins")) {
                String v = m.get("variable").asText();
                names.add(v);
                values.add(data.get(v));
                Map<String, Double> pop = new LinkedHashMap<>();
                m.get("population").fields().forEachRemaining(e -> pop.put(e.getKey(), e.getValue().asDouble()));
                populations.add(pop);
            }
            if (step.get("kind").asText().equals("rake")) {
                RakingControl control = RakingControl.withDefaults().withMaxIterations(step.get("maxit").asInt())
                        .withEpsilon(step.get("epsilon").asDouble());
                design = design.raked(names, values, populations, control);
            } else {
                design = design.postStratified(names.get(0), values.get(0), populations.get(0));
            }
        }
        return design;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void calibratedWeightsEqualR(String name, JsonNode c) {
        Map<String, String[]> data = TaylorDesignReferenceTest.csv(c.get("data").asText());
        TaylorDesign design = calibrated(c, data);
        double[] w = design.weights();
        JsonNode ref = c.get("calibratedWeights");
        assertThat(w).hasSize(ref.size());
        for (int i = 0; i < w.length; i++) {
            close("weight", w[i], ref.get(i).asDouble());
        }
        assertThat(design.degreesOfFreedom()).isEqualTo(c.get("degf").asDouble());
        assertThat(design.isCalibrated()).isTrue();
        assertThat(design.toString()).contains("Calibrated: ");
        design.rakingConvergence().ifPresent(r -> assertThat(r.converged()).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void meansTotalsAndRatioEqualR(String name, JsonNode c) {
        Map<String, String[]> data = TaylorDesignReferenceTest.csv(c.get("data").asText());
        TaylorDesign design = calibrated(c, data);
        for (JsonNode e : c.get("estimates")) {
            String v = e.get("variable").asText();
            double[] y = TaylorDesignReferenceTest.numbers(data, v);
            same("mean " + v, design.mean(y, null, 0.95), e.get("mean"));
            same("total " + v, design.total(y, null, 0.95), e.get("total"));
        }
        DesignEstimate r = design.ratio(TaylorDesignReferenceTest.numbers(data, "api00"),
                TaylorDesignReferenceTest.numbers(data, "api99"), null, 0.95);
        close("ratio", r.estimate(), c.get("ratio").get("estimate").asDouble());
        close("ratio se", r.se(), c.get("ratio").get("se").asDouble());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void domainsEqualSvyby(String name, JsonNode c) {
        Map<String, String[]> data = TaylorDesignReferenceTest.csv(c.get("data").asText());
        TaylorDesign design = calibrated(c, data);
        double[] y = TaylorDesignReferenceTest.numbers(data, "api00");
        for (JsonNode b : c.get("by")) {
            String g = b.get("by").asText();
            DesignEstimates.Statistic s = b.get("statistic").asText().equals("mean") ? DesignEstimates.Statistic.MEAN
                    : DesignEstimates.Statistic.TOTAL;
            DesignEstimates got = design.by("api00", y, data.get(g), s, DomainMethod.DOMAIN, 0.95);
            assertThat(got.rows()).hasSize(b.get("rows").size());
            for (JsonNode row : b.get("rows")) {
                String k = g + " = " + row.get("group").asText() + " " + s;
                DesignEstimate e = got.domain(row.get("group").asText());
                close(k, e.estimate(), row.get("estimate").asDouble());
                close(k + " se", e.se(), row.get("se").asDouble());
                close(k + " deff", e.deff(), row.get("deff").asDouble());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCalibrationChangesTheStandardError(String name, JsonNode c) {
        Map<String, String[]> data = TaylorDesignReferenceTest.csv(c.get("data").asText());
        TaylorDesign base = TaylorDesignReferenceTest.build(c, data);
        double[] y = TaylorDesignReferenceTest.numbers(data, "api00");
        DesignEstimate plain = base.mean(y, null, 0.95);
        close("uncalibrated se", plain.se(), c.get("uncalibrated").get("se").asDouble());
        DesignEstimate raked = calibrated(c, data).mean(y, null, 0.95);
        // the fixture would not tell residuals from raw influence values if the two SEs were close
        assertThat(Math.abs(raked.se() - plain.se()) / plain.se()).isGreaterThan(1e-3);
    }

    @Test
    void aSubsetOfTheRakedDesignIsTheDomain() {
        JsonNode c = REFERENCE.get("cases").get(0);
        Map<String, String[]> data = TaylorDesignReferenceTest.csv(c.get("data").asText());
        TaylorDesign design = calibrated(c, data);
        double[] y = TaylorDesignReferenceTest.numbers(data, "api00");
        String[] stype = data.get("stype");
        boolean[] e = new boolean[stype.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = stype[i].equals("E");
        }
        DesignEstimate viaSubset = design.subset(e).mean(y, null, 0.95);
        DesignEstimate viaDomain = design.mean(y, e, 0.95);
        assertThat(viaSubset.se()).isEqualTo(viaDomain.se());
        assertThat(viaSubset.estimate()).isEqualTo(viaDomain.estimate());
        assertThatThrownBy(() -> design.subset(e).raked(List.of("stype"), List.<String[]>of(stype),
                List.of(Map.of("E", 4421.0, "H", 755.0, "M", 1018.0))))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("subset");
        assertThatThrownBy(() -> design.by("api00", y, stype, DesignEstimates.Statistic.MEAN, DomainMethod.SEPARATE_DESIGNS,
                0.95)).isInstanceOf(PluralstatsException.class).hasMessageContaining("calibrated design");
    }

    @Test
    void rDefaultControlStopsWhereRStops() {
        // R's default control (maxit 10, epsilon 1) stops before convergence to machine precision: its
        // weights differ from the tightly converged ones, and Java's equal R's only if it stops at the same cycle
        JsonNode tight = REFERENCE.get("cases").get(0);
        JsonNode loose = REFERENCE.get("cases").get(1);
        assertThat(loose.get("steps").get(0).get("epsilon").asDouble()).isEqualTo(1.0);
        double maxDiff = 0;
        for (int i = 0; i < tight.get("calibratedWeights").size(); i++) {
            double a = tight.get("calibratedWeights").get(i).asDouble();
            double b = loose.get("calibratedWeights").get(i).asDouble();
            maxDiff = Math.max(maxDiff, Math.abs(a - b) / a);
        }
        assertThat(maxDiff).isGreaterThan(1e-5);
        Map<String, String[]> data = TaylorDesignReferenceTest.csv(loose.get("data").asText());
        RakingConvergence r = calibrated(loose, data).rakingConvergence().orElseThrow();
        assertThat(r.converged()).isTrue();
        assertThat(r.tolerance()).isEqualTo(1.0);
        assertThat(r.margins()).containsExactly("stype", "sch.wide");
    }

    @Test
    void marginsThatDoNotFitTheSampleAreRefused() {
        JsonNode c = REFERENCE.get("cases").get(0);
        Map<String, String[]> data = TaylorDesignReferenceTest.csv(c.get("data").asText());
        TaylorDesign base = TaylorDesignReferenceTest.build(c, data);
        String[] stype = data.get("stype");
        assertThatThrownBy(() -> base.postStratified("stype", stype, Map.of("E", 4421.0, "H", 755.0)))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("stype = M is in the sample but not in");
        assertThatThrownBy(() -> base.postStratified("stype", stype, Map.of("E", 4421.0, "H", 755.0, "M", 1018.0,
                "X", 3.0))).isInstanceOf(PluralstatsException.class).hasMessageContaining("stype = X has population");
        assertThatThrownBy(() -> base.raked(List.of("stype"), List.<String[]>of(stype, stype),
                List.of(Map.of("E", 1.0)))).isInstanceOf(PluralstatsException.class);
    }

    @Test
    void rakingThatStopsEarlySaysSo() {
        JsonNode c = REFERENCE.get("cases").get(0);
        Map<String, String[]> data = TaylorDesignReferenceTest.csv(c.get("data").asText());
        TaylorDesign base = TaylorDesignReferenceTest.build(c, data);
        TaylorDesign once = base.raked(List.of("stype", "sch.wide"), List.of(data.get("stype"), data.get("sch.wide")),
                List.of(Map.of("E", 4421.0, "H", 755.0, "M", 1018.0), Map.of("No", 1072.0, "Yes", 5122.0)),
                RakingControl.withDefaults().withMaxIterations(1).withEpsilon(1e-14));
        RakingConvergence r = once.rakingConvergence().orElseThrow();
        assertThat(r.cycles()).isEqualTo(1);
        assertThat(r.converged()).isFalse();
        assertThat(r.change()).isGreaterThan(r.tolerance());
        assertThat(once.toString()).contains("raked on stype, sch.wide (1 cycle, did not converge");
        assertThat(base.isCalibrated()).isFalse();
        assertThat(base.rakingConvergence()).isEmpty();
        assertThatThrownBy(() -> RakingControl.withDefaults().withEpsilon(0)).isInstanceOf(PluralstatsException.class);
        assertThatThrownBy(() -> RakingControl.withDefaults().withMaxIterations(0))
                .isInstanceOf(PluralstatsException.class);
        assertThat(RakingControl.withDefaults().toString()).isEqualTo("list(maxit = 10, epsilon = 1.0)");
    }

    private static void same(String what, DesignEstimate got, JsonNode ref) {
        close(what, got.estimate(), ref.get("estimate").asDouble());
        close(what + " se", got.se(), ref.get("se").asDouble());
        close(what + " deff", got.deff(), ref.get("deff").asDouble());
        close(what + " ci", got.ciLow(), ref.get("ci").get(0).asDouble());
        close(what + " ci", got.ciHigh(), ref.get("ci").get(1).asDouble());
    }

    private static void close(String what, double got, double want) {
        double err = Math.abs(got - want) / Math.abs(want);
        MAX_SEEN.merge(what.replaceAll(" [^ ]+ = \\S+", "").replaceAll("(mean|total) \\S+", "$1"), err, Math::max);
        assertThat(err).as(what + ": got " + got + ", R " + want).isLessThanOrEqualTo(TOL);
    }
}
