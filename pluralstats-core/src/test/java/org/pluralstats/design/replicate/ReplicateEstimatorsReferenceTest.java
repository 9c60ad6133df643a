package org.pluralstats.design.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.design.DesignEstimate;
import org.pluralstats.design.ProportionMethod;
import org.pluralstats.design.QuantileRule;

/**
 * ReplicateDesign.proportion and quantile against tools/replicate_estimators_reference.R (R survey 4.1.1) on the
 * JK1, JK1 combined + mse, JKn, BRR and Fay designs of tools/replicate_reference.R, whole sample and per domain
 * (subset(design, …), which the script checks equal to svyby): svyciprop's four methods and svyquantile's two
 * rules with SE, confidence interval and degf at 95% and 90%, to 1e-10; svyciprop's logit interval, which R stops
 * at glm's default tolerance, to 1e-10 against the converged fit and 5e-9 against what svyciprop prints (R's
 * replicate fits stop early too: up to 3.4e-9 off).
 */
class ReplicateEstimatorsReferenceTest {
    private static final JsonNode REFERENCE = read("replicate-estimators-reference.json");
    private static final JsonNode DESIGNS = ReplicateFixtures.reference().get("designs");

    private static JsonNode read(String name) {
        try (InputStream in = ReplicateEstimatorsReferenceTest.class.getResourceAsStream(name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> designs() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode d : REFERENCE.get("designs")) {
            out.add(Arguments.of(d.get("id").asText(), d));
        }
        return out.stream();
    }

    /** The design of replicate-reference.json with this id, built as ReplicateDesignReferenceTest builds it. */
    private static ReplicateDesign design(String id, Map<String, String[]> data) {
        for (JsonNode d : DESIGNS) {
            if (d.get("id").asText().equals(id)) {
                return ReplicateDesignReferenceTest.build(id, d, data);
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static boolean[] domain(JsonNode entry, String[] groups) {
        if (entry.get("domain").isNull()) {
            return null;
        }
        boolean[] in = new boolean[groups.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = groups[i].equals(entry.get("domain").asText());
        }
        return in;
    }

    private static double value(JsonNode n) {
        return n.isNull() ? Double.NaN : n.asDouble();
    }

    private static void close(String what, double got, JsonNode want, double tolerance) {
        if (want.isNull()) {
            assertThat(got).as(what + " (R: NaN)").isNaN();
        } else {
            assertThat(got).as(what).isCloseTo(want.asDouble(), within(tolerance));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void proportionsEqualSvyciprop(String id, JsonNode d) {
        Map<String, String[]> data = ReplicateFixtures.csv(d.get("data").asText());
        ReplicateDesign design = design(id, data);
        double[] y = ReplicateFixtures.numbers(ReplicateFixtures.csv(d.get("extra").asText()).get("yes"));
        String[] groups = d.get("by").isNull() ? null : data.get(d.get("by").asText());
        int checked = 0;
        int degenerate = 0;
        for (JsonNode e : d.get("proportions")) {
            ProportionMethod method = ProportionMethod.valueOf(e.get("method").asText().toUpperCase(Locale.ROOT));
            double level = e.get("level").asDouble();
            String what = id + " " + method + " " + e.get("domain") + " " + level;
            DesignEstimate got = design.proportion(y, domain(e, groups), method, level);
            assertThat(got.df()).as(what + " df").isEqualTo(e.get("degf").asDouble());
            assertThat(got.level()).isEqualTo(level);
            close(what + " se", got.se(), e.get("se"), 1e-10 * Math.max(1e-3, value(e.get("se"))));
            // svyciprop's logit estimate is expit of glm's intercept and its interval comes from the replicates'
            // glm.fit, all stopped at epsilon = 1e-8: up to 3.4e-9 from the converged values (H of clus1-jk1)
            double tol = method == ProportionMethod.LOGIT ? 5e-9 : 1e-10;
            close(what + " estimate", got.estimate(), e.get("estimate"), tol);
            if (method == ProportionMethod.LOGIT && (got.estimate() == 0 || got.estimate() == 1)) {
                // a domain all 0 or all 1 (awards == "Yes" of apistrat): R's glm diverges and prints the interval
                // [expit(b), expit(b)] of its last iterate b; here the logit limits are NaN, as documented
                assertThat(got.ciLow()).as(what).isNaN();
                assertThat(got.ciHigh()).as(what).isNaN();
                assertThat(e.get("ci").get(0).asDouble()).isCloseTo(got.estimate(), within(1e-9));
                assertThat(e.get("ci").get(1).asDouble()).isCloseTo(got.estimate(), within(1e-9));
                degenerate++;
                continue;
            }
            close(what + " ciLow", got.ciLow(), e.get("ci").get(0), tol);
            close(what + " ciHigh", got.ciHigh(), e.get("ci").get(1), tol);
            checked++;
        }
        for (JsonNode e : d.get("logitConverged")) {
            double level = e.get("level").asDouble();
            String what = id + " logit (converged) " + e.get("domain") + " " + level;
            DesignEstimate got = design.proportion(y, domain(e, groups), ProportionMethod.LOGIT, level);
            if (got.estimate() == 0 || got.estimate() == 1) {
                continue; // no converged fit to compare with: checked above
            }
            close(what + " estimate", got.estimate(), e.get("estimate"), 1e-10);
            close(what + " ciLow", got.ciLow(), e.get("ci").get(0), 1e-10);
            close(what + " ciHigh", got.ciHigh(), e.get("ci").get(1), 1e-10);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
        assertThat(degenerate).as("domains with a proportion of 0 or 1").isEqualTo(id.equals("strat-jkn") ? 2 : 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void quantilesEqualSvyquantile(String id, JsonNode d) {
        Map<String, String[]> data = ReplicateFixtures.csv(d.get("data").asText());
        ReplicateDesign design = design(id, data);
        double[] y = ReplicateFixtures.numbers(data.get(d.get("variable").asText()));
        String[] groups = d.get("by").isNull() ? null : data.get(d.get("by").asText());
        int checked = 0;
        for (JsonNode e : d.get("quantiles")) {
            QuantileRule rule = QuantileRule.valueOf(e.get("rule").asText().toUpperCase(Locale.ROOT));
            double level = e.get("level").asDouble();
            double p = e.get("p").asDouble();
            String what = id + " " + rule + " " + p + " " + e.get("domain") + " " + level;
            DesignEstimate got = design.quantile(y, p, domain(e, groups), rule, level);
            double scale = 1e-10 * Math.max(1, Math.abs(e.get("estimate").asDouble()));
            close(what + " estimate", got.estimate(), e.get("estimate"), scale);
            close(what + " se", got.se(), e.get("se"), scale);
            close(what + " ciLow", got.ciLow(), e.get("ci").get(0), scale);
            close(what + " ciHigh", got.ciHigh(), e.get("ci").get(1), scale);
            assertThat(got.deff()).isNaN();
            checked++;
        }
        assertThat(checked).isEqualTo(d.get("by").isNull() ? 12 : 12 * (1 + countDomains(groups)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void byDomainEqualsEachDomain(String id, JsonNode d) {
        if (d.get("by").isNull()) {
            return;
        }
        Map<String, String[]> data = ReplicateFixtures.csv(d.get("data").asText());
        ReplicateDesign design = design(id, data);
        double[] yes = ReplicateFixtures.numbers(ReplicateFixtures.csv(d.get("extra").asText()).get("yes"));
        double[] y = ReplicateFixtures.numbers(data.get(d.get("variable").asText()));
        String[] groups = data.get(d.get("by").asText());
        DomainEstimates props = design.proportionByDomain(yes, groups, ProportionMethod.LOGIT, 0.95);
        DomainEstimates medians = design.quantileByDomain(y, 0.5, groups, QuantileRule.HF7, 0.90);
        assertThat(props.domains()).hasSize(countDomains(groups)).isEqualTo(medians.domains());
        for (int k = 0; k < props.domains().size(); k++) {
            boolean[] in = new boolean[groups.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = groups[i].equals(props.domains().get(k));
            }
            assertThat(props.estimates().get(k)).isEqualTo(design.proportion(yes, in, ProportionMethod.LOGIT, 0.95));
            assertThat(medians.estimates().get(k)).isEqualTo(design.quantile(y, 0.5, in, QuantileRule.HF7, 0.90));
        }
    }

    private static int countDomains(String[] groups) {
        return (int) java.util.Arrays.stream(groups).distinct().count();
    }
}
