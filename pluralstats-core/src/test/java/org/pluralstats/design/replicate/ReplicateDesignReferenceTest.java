package org.pluralstats.design.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.design.DesignEstimate;

/**
 * Every replicate design of tools/replicate_reference.R (JK1 with and without fpc, combined with mse, JKn,
 * "other", BRR, Fay, bootstrap) built from the very same replicate weights R used: scale, rscales, degf, the
 * print line, and svymean / svytotal / svyratio / svyby with SE, confint(df = degf) and deff (means and totals)
 * equal to R to 1e-10.
 */
class ReplicateDesignReferenceTest {
    private static final JsonNode REFERENCE = ReplicateFixtures.reference();

    static Stream<Arguments> designs() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode d : REFERENCE.get("designs")) {
            out.add(Arguments.of(d.get("id").asText(), d));
        }
        return out.stream();
    }

    /** Builds the design as a Java user would from the same weights and R's documented settings. */
    static ReplicateDesign build(String id, JsonNode d, Map<String, String[]> data) {
        double[][] reps = ReplicateFixtures.replicates(d.get("repweights").asText());
        double[] pw = data.containsKey("pw") ? ReplicateFixtures.numbers(data.get("pw")) : ones(reps[0].length);
        ReplicateDesign design = switch (id) {
            case "clus1-jk1", "clus1-jk1-combined-mse" -> ReplicateDesign.jk1(pw, reps, 14.0 / 15 * (757.0 - 15) / 757);
            case "clus1-jk1-nofpc" -> ReplicateDesign.jk1(pw, reps, 14.0 / 15);
            case "strat-jkn" -> ReplicateDesign.jkn(pw, reps, ReplicateFixtures.doubles(d.get("rscales")));
            case "strat-other" -> ReplicateDesign.other(pw, reps, 1, ReplicateFixtures.doubles(d.get("rscales")));
            case "scd-brr" -> ReplicateDesign.brr(pw, reps);
            case "scd-fay" -> ReplicateDesign.fay(pw, reps, 0.3);
            // as.svrepdesign's bootstrap scale: h/((h - 1)(R - 1)) with h = 15 PSUs in one stratum
            case "clus1-boot" -> ReplicateDesign.bootstrap(pw, reps).withScale(15.0 / ((15 - 1) * (50 - 1)));
            case "clus1-boot-svrep" -> ReplicateDesign.bootstrap(pw, reps);
            default -> throw new IllegalArgumentException(id);
        };
        return design.withCombinedWeights(d.get("combinedWeights").asBoolean()).withMse(d.get("mse").asBoolean());
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void designSettingsEqualR(String id, JsonNode d) {
        ReplicateDesign design = build(id, d, ReplicateFixtures.csv(d.get("data").asText()));
        assertThat(design.type().rName()).isEqualTo(d.get("type").asText());
        assertThat(design.replicateCount()).isEqualTo(d.get("replicates").asInt());
        assertThat(design.scale()).isCloseTo(d.get("scale").asDouble(), within(1e-15));
        assertThat(design.rscales()).containsExactly(ReplicateFixtures.doubles(d.get("rscales")), within(1e-15));
        assertThat(design.degreesOfFreedom()).isEqualTo(d.get("degf").asDouble());
        assertThat(design.toString().split("\n")[1]).isEqualTo(d.get("print").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void estimatesEqualR(String id, JsonNode d) {
        Map<String, String[]> data = ReplicateFixtures.csv(d.get("data").asText());
        ReplicateDesign design = build(id, d, data);
        for (JsonNode e : d.get("estimates")) {
            String[] vars = e.get("variable").asText().split("/");
            double[] y = ReplicateFixtures.numbers(data.get(vars[0]));
            for (double level : new double[] {0.95, 0.90}) {
                DesignEstimate got = switch (e.get("statistic").asText()) {
                    case "mean" -> design.mean(y, null, level);
                    case "total" -> design.total(y, null, level);
                    default -> design.ratio(y, ReplicateFixtures.numbers(data.get(vars[1])), null, level);
                };
                check(id + " " + e.get("statistic").asText() + " " + level, got, e, level);
                if (e.get("statistic").asText().equals("ratio")) {
                    assertThat(e.get("deff").isNull()).isTrue();
                    assertThat(got.deff()).isNaN();
                } else {
                    assertThat(e.get("deff").isNull()).as("R gave a deff").isFalse();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void domainEstimatesEqualSvyby(String id, JsonNode d) {
        Map<String, String[]> data = ReplicateFixtures.csv(d.get("data").asText());
        ReplicateDesign design = build(id, d, data);
        for (JsonNode b : d.get("byDomain")) {
            String[] vars = b.get("variable").asText().split("/");
            double[] y = ReplicateFixtures.numbers(data.get(vars[0]));
            String[] groups = data.get(b.get("by").asText());
            for (double level : new double[] {0.95, 0.90}) {
                DomainEstimates got = switch (b.get("statistic").asText()) {
                    case "mean" -> design.meanByDomain(y, groups, level);
                    case "total" -> design.totalByDomain(y, groups, level);
                    default -> design.ratioByDomain(y, ReplicateFixtures.numbers(data.get(vars[1])), groups, level);
                };
                assertThat(got.domains()).hasSize(b.get("domains").size());
                int i = 0;
                for (JsonNode row : b.get("domains")) {
                    assertThat(got.domains().get(i)).isEqualTo(row.get("domain").asText());
                    check(id + " by " + b.get("by").asText() + " " + row.get("domain").asText(), got.estimates().get(i),
                            row, level);
                    // the same domain through the SurveyDesign interface (subset(design, domain))
                    boolean[] domain = new boolean[groups.length];
                    for (int k = 0; k < groups.length; k++) {
                        domain[k] = groups[k].equals(row.get("domain").asText());
                    }
                    DesignEstimate one = switch (b.get("statistic").asText()) {
                        case "mean" -> design.mean(y, domain, level);
                        case "total" -> design.total(y, domain, level);
                        default -> design.ratio(y, ReplicateFixtures.numbers(data.get(vars[1])), domain, level);
                    };
                    assertThat(one).isEqualTo(got.estimates().get(i));
                    i++;
                }
            }
        }
    }

    /** Relative 1e-10 for estimates and their intervals, absolute 1e-10 on top for SEs of 0. */
    static void check(String what, DesignEstimate got, JsonNode want, double level) {
        JsonNode ci = want.get(level == 0.95 ? "ci95" : "ci90");
        double est = want.get("estimate").asDouble();
        double se = want.get("se").asDouble();
        assertThat(got.estimate()).as(what + " estimate").isCloseTo(est, within(1e-10 * Math.max(1, Math.abs(est))));
        assertThat(got.se()).as(what + " se").isCloseTo(se, within(1e-10 * Math.max(1, Math.abs(se))));
        double scale = Math.max(1, Math.abs(est));
        assertThat(got.ciLow()).as(what + " ciLow").isCloseTo(ci.get(0).asDouble(), within(1e-10 * scale));
        assertThat(got.ciHigh()).as(what + " ciHigh").isCloseTo(ci.get(1).asDouble(), within(1e-10 * scale));
        assertThat(got.level()).isEqualTo(level);
        JsonNode deff = want.get("deff");
        if (deff != null && deff.isTextual()) {
            assertThat(got.deff()).as(what + " deff").isEqualTo(Double.parseDouble(deff.asText()));
        } else if (deff != null && deff.isNumber()) {
            assertThat(got.deff()).as(what + " deff").isCloseTo(deff.asDouble(), within(1e-10 * Math.abs(deff.asDouble())));
        }
    }
}
