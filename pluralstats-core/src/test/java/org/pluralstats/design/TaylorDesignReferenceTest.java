package org.pluralstats.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pluralstats.PluralstatsException;

/**
 * Every estimate of {@link TaylorDesign} against R survey 4.1.1 on the api designs
 * ({@code tools/design_reference.R}): equal to 1e-10 relative to {@code max(1, |R|)}.
 */
class TaylorDesignReferenceTest {
    private static final double TOL = 1e-10;
    private static final JsonNode REFERENCE = json("design-reference.json");
    private static final Map<String, Double> MAX_SEEN = new java.util.concurrent.ConcurrentSkipListMap<>();

    @org.junit.jupiter.api.AfterAll
    static void report() {
        System.out.println("largest |Java - R| / max(1, |R|): " + MAX_SEEN);
    }

    @org.junit.jupiter.api.Test
    void theFixtureSaysWhatComputedIt() {
        assertThat(REFERENCE.get("program").asText()).matches("R \\d+\\.\\d+\\.\\d+, survey \\d+\\.\\d+\\.\\d+");
        assertThat(REFERENCE.get("script").asText()).isEqualTo("tools/design_reference.R");
        assertThat(REFERENCE.get("cases")).hasSize(18);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : REFERENCE.get("cases")) {
            out.add(Arguments.of(c.get("design").get("name").asText(), c));
        }
        return out.stream();
    }

    /** The api file as R's read.csv reads it: numbers as doubles ("NA" as NaN), texts as texts. */
    static Map<String, String[]> csv(String name) {
        try (InputStream in = TaylorDesignReferenceTest.class.getResourceAsStream(name);
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            Map<String, List<String>> cols = new LinkedHashMap<>();
            p.getHeaderNames().forEach(h -> cols.put(h, new ArrayList<>()));
            for (CSVRecord rec : p) {
                for (String h : p.getHeaderNames()) {
                    cols.get(h).add(rec.get(h));
                }
            }
            Map<String, String[]> out = new LinkedHashMap<>();
            cols.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] numbers(Map<String, String[]> data, String column) {
        String[] s = data.get(column);
        assertThat(s).as(column).isNotNull();
        double[] x = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            x[i] = s[i].equals("NA") ? Double.NaN : Double.parseDouble(s[i]);
        }
        return x;
    }

    static TaylorDesign build(JsonNode d, Map<String, String[]> data) {
        int n = data.values().iterator().next().length;
        TaylorDesign.Builder b = TaylorDesign.builder(n).nest(d.get("nest").asBoolean())
                .lonelyPsu(LonelyPsu.valueOf(d.get("lonely").asText().toUpperCase(java.util.Locale.ROOT)));
        if (!names(d.get("ids")).isEmpty()) {
            List<String[]> ids = new ArrayList<>();
            names(d.get("ids")).forEach(v -> ids.add(data.get(v)));
            b.clusters(ids.toArray(String[][]::new));
        }
        if (!d.get("strata").isNull()) {
            List<String[]> s = new ArrayList<>();
            names(d.get("strata")).forEach(v -> s.add(data.get(v)));
            b.strata(s.toArray(String[][]::new));
        }
        if (!d.get("fpc").isNull()) {
            List<double[]> f = new ArrayList<>();
            names(d.get("fpc")).forEach(v -> f.add(numbers(data, v)));
            b.fpc(f.toArray(double[][]::new));
        }
        if (!d.get("weights").isNull()) {
            b.weights(numbers(data, names(d.get("weights")).get(0)));
        }
        if (!d.get("probs").isNull()) {
            assertThat(d.get("probs").asText()).isEqualTo("I(1/pw)");
            double[] pw = numbers(data, "pw");
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = 1 / pw[i];
            }
            b.probabilities(p);
        }
        return b.build();
    }

    /** R's toJSON writes one name as a text, several as an array. */
    static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else {
            node.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsRSurvey(String name, JsonNode c) {
        JsonNode d = c.get("design");
        JsonNode r = c.get("results");
        Map<String, String[]> data = csv(d.get("data").asText());
        if (r.has("error")) {
            assertThatThrownBy(() -> build(d, data).mean(numbers(data, "api00"), null, 0.95))
                    .isInstanceOf(PluralstatsException.class).hasMessageContaining("only one PSU at stage 1");
            return;
        }
        TaylorDesign design = build(d, data);
        assertThat(design.degreesOfFreedom()).isEqualTo(r.get("degf").asDouble());
        List<String> printed = new ArrayList<>();
        r.get("printed").forEach(l -> printed.add(l.asText()));
        assertThat(design.toString()).startsWith(String.join("\n", printed) + "\n");
        TaylorDesign normal = design.with(IntervalDf.NORMAL);
        for (String v : new String[] {"api00", "enroll", "avg.ed"}) {
            double[] y = numbers(data, v);
            check("mean " + v, design.mean(y, null, 0.95), normal.mean(y, null, 0.95), r.get("mean_" + v));
            check("total " + v, design.total(y, null, 0.95), normal.total(y, null, 0.95), r.get("total_" + v));
        }
        DesignEstimate ratio = design.ratio(numbers(data, "api.stu"), numbers(data, "enroll"), null, 0.95);
        close("ratio", ratio.estimate(), r.get("ratio").get("estimate"));
        close("ratio se", ratio.se(), r.get("ratio").get("se"));
        close("ratio ciLow", ratio.ciLow(), r.get("ratio").get("ciT").get(0));
        close("ratio ciHigh", ratio.ciHigh(), r.get("ratio").get("ciT").get(1));

        String[] wide = data.get("sch.wide");
        double[] yes = new double[wide.length];
        for (int i = 0; i < yes.length; i++) {
            yes[i] = wide[i].equals("Yes") ? 1 : 0;
        }
        for (ProportionMethod m : ProportionMethod.values()) {
            DesignEstimate p = design.proportion(yes, null, m, 0.95);
            String key = "ciprop_" + m.name().toLowerCase(java.util.Locale.ROOT);
            JsonNode ref = m == ProportionMethod.LOGIT ? r.get("ciprop_logit_converged") : r.get(key);
            close(key, p.estimate(), ref.get("estimate"));
            close(key + " ciLow", p.ciLow(), ref.get("ci").get(0));
            close(key + " ciHigh", p.ciHigh(), ref.get("ci").get(1));
            close(key + " se", p.se(), r.get(key).get("se"));
            if (m == ProportionMethod.LOGIT) {
                // svyciprop itself stops its glm at the default tolerance: within 1e-9
                assertThat(Math.abs(p.ciLow() - r.get(key).get("ci").get(0).asDouble())).isLessThan(1e-9);
                assertThat(Math.abs(p.ciHigh() - r.get(key).get("ci").get(1).asDouble())).isLessThan(1e-9);
            }
        }
        double[] api00 = numbers(data, "api00");
        for (QuantileRule rule : QuantileRule.values()) {
            for (JsonNode q : r.get("quantile_" + rule.name().toLowerCase(java.util.Locale.ROOT))) {
                DesignEstimate e = design.quantile(api00, q.get("p").asDouble(), null, rule, 0.95);
                String what = rule + " " + q.get("p").asDouble();
                close(what, e.estimate(), q.get("estimate"));
                close(what + " ciLow", e.ciLow(), q.get("ciLow"));
                close(what + " ciHigh", e.ciHigh(), q.get("ciHigh"));
                close(what + " se", e.se(), q.get("se"));
            }
        }
        String[] stype = data.get("stype");
        DesignEstimates domains = design.by("api00", api00, stype, DesignEstimates.Statistic.MEAN,
                DomainMethod.DOMAIN, 0.95);
        JsonNode by = r.get("byStype");
        boolean anySeparateFails = false;
        assertThat(domains.rows()).hasSize(by.size());
        for (int k = 0; k < by.size(); k++) {
            JsonNode row = by.get(k);
            String g = row.get("domain").asText();
            DesignEstimates.Row dr = domains.rows().get(k);
            assertThat(dr.domain()).isEqualTo(g);
            assertThat(dr.n()).isEqualTo(row.get("n").asInt());
            DesignEstimate e = dr.estimate();
            close("svyby " + g, e.estimate(), row.get("estimate"));
            close("svyby se " + g, e.se(), row.get("se"));
            close("svyby deff " + g, e.deff(), row.get("deff"));
            close("svyby ciLow " + g, e.ciLow(), row.get("ciT").get(0));
            close("svyby ciHigh " + g, e.ciHigh(), row.get("ciT").get(1));
            boolean[] in = new boolean[stype.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = stype[i].equals(g);
            }
            assertThat(design.degreesOfFreedom(in)).isEqualTo(row.get("degfSubset").asDouble());
            DesignEstimate sub = design.subset(in).mean(api00, null, 0.95);
            assertThat(new double[] {sub.estimate(), sub.se(), sub.deff()})
                    .containsExactly(e.estimate(), e.se(), e.deff());
            assertThat(design.subset(in).degreesOfFreedom()).isEqualTo(row.get("degfSubset").asDouble());
            DesignEstimate tot = design.total(api00, in, 0.95);
            check("domain total " + g, tot, normal.total(api00, in, 0.95), row.get("total"));
            TaylorDesign byDomainDf = design.with(IntervalDf.DOMAIN);
            DesignEstimate xl = byDomainDf.proportion(yes, in, ProportionMethod.XLOGIT, 0.95);
            close("domain xlogit " + g, xl.estimate(), row.get("cipropXlogit").get("estimate"));
            close("domain xlogit se " + g, xl.se(), row.get("cipropXlogit").get("se"));
            close("domain xlogit ciLow " + g, xl.ciLow(), row.get("cipropXlogit").get("ci").get(0));
            close("domain xlogit ciHigh " + g, xl.ciHigh(), row.get("cipropXlogit").get("ci").get(1));
            DesignEstimate med = byDomainDf.quantile(api00, 0.5, in, QuantileRule.MATH, 0.95);
            close("domain median " + g, med.estimate(), row.get("median").get("estimate"));
            close("domain median ciLow " + g, med.ciLow(), row.get("median").get("ciLow"));
            close("domain median ciHigh " + g, med.ciHigh(), row.get("median").get("ciHigh"));
            close("domain median se " + g, med.se(), row.get("median").get("se"));
            JsonNode sep = row.get("separate");
            if (sep.has("error")) {
                anySeparateFails = true;
                assertThatThrownBy(() -> design.restrictedTo(in).mean(api00Of(in, api00), null, 0.95))
                        .isInstanceOf(PluralstatsException.class);
                continue;
            }
            double[] ys = api00Of(in, api00);
            DesignEstimate s = design.restrictedTo(in).mean(ys, null, 0.95);
            close("separate " + g, s.estimate(), sep.get("estimate"));
            close("separate se " + g, s.se(), sep.get("se"));
            close("separate deff " + g, s.deff(), sep.get("deff"));
            close("separate ciLow " + g, s.ciLow(), sep.get("ciT").get(0));
            close("separate ciHigh " + g, s.ciHigh(), sep.get("ciT").get(1));
        }
        if (anySeparateFails) {
            assertThatThrownBy(() -> design.by("api00", api00, stype, DesignEstimates.Statistic.MEAN,
                    DomainMethod.SEPARATE_DESIGNS, 0.95)).isInstanceOf(PluralstatsException.class)
                    .hasMessageStartingWith("group ");
        } else {
            DesignEstimates separate = design.by("api00", api00, stype, DesignEstimates.Statistic.MEAN,
                    DomainMethod.SEPARATE_DESIGNS, 0.95);
            for (int k = 0; k < by.size(); k++) {
                close("by separate", separate.rows().get(k).estimate().se(), by.get(k).get("separate").get("se"));
            }
        }
    }

    private static double[] api00Of(boolean[] in, double[] y) {
        return java.util.stream.IntStream.range(0, in.length).filter(i -> in[i]).mapToDouble(i -> y[i]).toArray();
    }

    private static void check(String what, DesignEstimate t, DesignEstimate z, JsonNode ref) {
        close(what, t.estimate(), ref.get("estimate"));
        close(what + " se", t.se(), ref.get("se"));
        close(what + " deff", t.deff(), ref.get("deff"));
        close(what + " ciT low", t.ciLow(), ref.get("ciT").get(0));
        close(what + " ciT high", t.ciHigh(), ref.get("ciT").get(1));
        close(what + " ciNormal low", z.ciLow(), ref.get("ciNormal").get(0));
        close(what + " ciNormal high", z.ciHigh(), ref.get("ciNormal").get(1));
        assertThat(z.df()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    static void close(String what, double actual, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            assertThat(actual).as(what + " (R: NA)").isNaN();
            return;
        }
        double e = expected.asDouble();
        MAX_SEEN.merge(what.replaceAll(" [A-Z]$| (api00|enroll|avg\\.ed).*$| [0-9.]+$", ""),
                Math.abs(actual - e) / Math.max(1, Math.abs(e)), Math::max);
        assertThat(Math.abs(actual - e)).as(what + ": " + actual + " vs R " + e).isLessThanOrEqualTo(
                TOL * Math.max(1, Math.abs(e)));
    }

    static JsonNode json(String name) {
        try (InputStream in = TaylorDesignReferenceTest.class.getResourceAsStream(name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
