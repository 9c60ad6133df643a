package org.pluralstats.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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
 * {@link DesignChiSquare} and {@link TaylorDesign#difference} against R survey 4.1.1 on the api designs
 * ({@code tools/design_tests_reference.R}): statistics, degrees of freedom, estimates and SEs equal to 1e-10
 * relative to {@code max(1, |R|)}; p-values to 1e-10 absolute and, below 1e-4, to 1e-8 relative.
 */
class DesignTestsReferenceTest {
    private static final double TOL = 1e-10;
    private static final JsonNode REFERENCE = TaylorDesignReferenceTest.json("design-tests-reference.json");
    private static final Map<String, Double> MAX_SEEN = new ConcurrentSkipListMap<>();

    @AfterAll
    static void report() {
        System.out.println("largest |Java - R| / max(1, |R|) (p: relative to |R|): " + MAX_SEEN);
    }

    @Test
    void theFixtureSaysWhatComputedIt() {
        assertThat(REFERENCE.get("program").asText()).matches("R \\d+\\.\\d+\\.\\d+, survey \\d+\\.\\d+\\.\\d+");
        assertThat(REFERENCE.get("script").asText()).isEqualTo("tools/design_tests_reference.R");
        assertThat(REFERENCE.get("cases")).hasSize(3);
    }

    static Stream<Arguments> tables() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : REFERENCE.get("cases")) {
            for (JsonNode t : c.get("chisq")) {
                for (DesignChiSquare.Statistic s : DesignChiSquare.Statistic.values()) {
                    out.add(Arguments.of(c.get("name").asText() + " ~" + t.get("rows").asText() + " + "
                            + t.get("cols").asText() + " " + s.rName(), c, t, s));
                }
            }
        }
        return out.stream();
    }

    static Stream<Arguments> differences() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : REFERENCE.get("cases")) {
            for (JsonNode d : c.get("differences")) {
                out.add(Arguments.of(c.get("name").asText() + " " + d.get("variable").asText(), c, d));
            }
        }
        return out.stream();
    }

    private static Map<String, String[]> data(JsonNode c) {
        Map<String, String[]> data = TaylorDesignReferenceTest.csv(c.get("data").asText());
        List<String> g = new ArrayList<>();
        c.get("growth3").forEach(v -> g.add(v.asText()));
        data.put("growth3", g.toArray(String[]::new));
        return data;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void svychisqEqualsR(String name, JsonNode c, JsonNode t, DesignChiSquare.Statistic s) {
        Map<String, String[]> data = data(c);
        TaylorDesign design = TaylorDesignReferenceTest.build(c, data);
        assertThat(design.degreesOfFreedom()).isEqualTo(c.get("degf").asDouble());
        String rows = t.get("rows").asText();
        String cols = t.get("cols").asText();
        DesignChiSquare.Result r = DesignChiSquare.withDefaults().with(s).test(design, rows, data.get(rows), cols,
                data.get(cols));
        JsonNode ref = t.get(s.rName());
        close("pearson", r.pearson(), t.get("pearson").asDouble());
        close("statistic " + s.rName(), r.value(), ref.get("statistic").asDouble());
        JsonNode par = ref.get("parameter");
        close("ndf " + s.rName(), r.ndf(), par.get(0).asDouble());
        if (s == DesignChiSquare.Statistic.CHISQ) {
            assertThat(par).hasSize(1);
            assertThat(r.ddf()).isInfinite();
            close("meanDeff", r.meanDesignEffect() * r.ndf(), t.get("traceDelta").asDouble());
        } else {
            close("ddf " + s.rName(), r.ddf(), par.get(1).asDouble());
        }
        if (s == DesignChiSquare.Statistic.F) {
            close("traceDelta", r.traceDelta(), t.get("traceDelta").asDouble());
            close("d0", r.d0(), t.get("d0").asDouble());
        }
        pValue("p " + s.rName(), r.pValue(), ref.get("p").asDouble());
        assertThat(r.toString()).contains(rows).contains(cols);
        assertThat(r.table().metadata().get("method")).startsWith(ref.get("method").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differences")
    void differenceOfDomainMeansEqualsR(String name, JsonNode c, JsonNode d) {
        Map<String, String[]> data = data(c);
        TaylorDesign design = TaylorDesignReferenceTest.build(c, data);
        String v = d.get("variable").asText();
        double[] y;
        if (v.equals("yes")) {
            String[] wide = data.get("sch.wide");
            y = new double[wide.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = wide[i].equals("Yes") ? 1 : 0;
            }
        } else {
            y = TaylorDesignReferenceTest.numbers(data, v);
        }
        String[] stype = data.get("stype");
        DomainDifference r = design.difference(v, y, stype, d.get("first").asText(), d.get("second").asText(),
                0.95);
        close("domain mean", r.firstEstimate().estimate(), d.get("firstEstimate").asDouble());
        close("domain mean", r.secondEstimate().estimate(), d.get("secondEstimate").asDouble());
        close("domain se", r.firstEstimate().se(), d.get("firstSe").asDouble());
        close("domain se", r.secondEstimate().se(), d.get("secondSe").asDouble());
        close("covariance", r.covariance(), d.get("covariance").asDouble());
        close("difference", r.difference(), d.get("estimate").asDouble());
        close("difference se", r.se(), d.get("se").asDouble());
        close("difference se (delta method)", r.se(), d.get("nlconSe").asDouble());
        close("t", r.t(), d.get("t").asDouble());
        assertThat(r.df()).isEqualTo(d.get("df").asDouble());
        close("ci", r.ciLow(), d.get("ci").get(0).asDouble());
        close("ci", r.ciHigh(), d.get("ci").get(1).asDouble());
        pValue("difference p", r.pValue(), d.get("p").asDouble());
        // each domain's SE is the one mean() gives on the domain (svymean on subset(design, stype == k))
        boolean[] first = new boolean[stype.length];
        for (int i = 0; i < first.length; i++) {
            first[i] = stype[i].equals(d.get("first").asText());
        }
        close("domain se = mean()", r.firstEstimate().se(), design.mean(y, first, 0.95).se());
        assertThat(r.toString()).contains("E - H");
    }

    @Test
    void jointMeansCarryEachMeansVarianceAndACovarianceThatIsNotZeroAcrossSharedClusters() {
        JsonNode c = REFERENCE.get("cases").get(1);
        assertThat(c.get("name").asText()).isEqualTo("dclus1");
        Map<String, String[]> data = data(c);
        TaylorDesign design = TaylorDesignReferenceTest.build(c, data);
        double[] api00 = TaylorDesignReferenceTest.numbers(data, "api00");
        double[] api99 = TaylorDesignReferenceTest.numbers(data, "api99");
        JointEstimates m = design.means(List.of("api00", "api99"), new double[][] {api00, api99}, null);
        DesignEstimate a = design.mean(api00, null, 0.95);
        DesignEstimate b = design.mean(api99, null, 0.95);
        close("joint mean", m.estimate(0), a.estimate());
        close("joint variance", m.covariance(0, 0), a.se() * a.se());
        close("joint variance", m.covariance(1, 1), b.se() * b.se());
        assertThat(m.covariance(0, 1)).isEqualTo(m.covariance(1, 0)).isGreaterThan(0);
        // the variance of the difference by the covariance equals the variance of the difference variable
        double[] diff = new double[api00.length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = api00[i] - api99[i];
        }
        double direct = design.mean(diff, null, 0.95).se();
        close("var(a - b) = va + vb - 2cab", Math.sqrt(m.covariance(0, 0) + m.covariance(1, 1)
                - 2 * m.covariance(0, 1)), direct);
    }

    @Test
    void uncoveredCasesFailWithOneClearLine() {
        JsonNode c = REFERENCE.get("cases").get(1);
        Map<String, String[]> data = data(c);
        TaylorDesign design = TaylorDesignReferenceTest.build(c, data);
        String[] stype = data.get("stype");
        String[] wide = data.get("sch.wide").clone();
        wide[3] = null;
        DesignChiSquare test = DesignChiSquare.withDefaults();
        assertThatThrownBy(() -> test.test(design, "sch.wide", wide, "stype", stype))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("missing");
        boolean[] e = new boolean[stype.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = !stype[i].equals("M");
        }
        assertThatThrownBy(() -> test.test(design.subset(e), "sch.wide", data.get("sch.wide"), "stype", stype))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("subset");
        String[] one = new String[stype.length];
        java.util.Arrays.fill(one, "x");
        assertThatThrownBy(() -> test.test(design, "one", one, "stype", stype))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("two or more");
        double[] api00 = TaylorDesignReferenceTest.numbers(data, "api00");
        assertThatThrownBy(() -> design.difference("api00", api00, stype, "E", "X", 0.95))
                .isInstanceOf(PluralstatsException.class).hasMessageContaining("domain X");
    }

    private static void close(String what, double actual, double expected) {
        MAX_SEEN.merge(what.replaceAll(" (F|Chisq|Wald|adjWald)$", ""),
                Math.abs(actual - expected) / Math.max(1, Math.abs(expected)), Math::max);
        assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs R " + expected)
                .isLessThanOrEqualTo(TOL * Math.max(1, Math.abs(expected)));
    }

    private static void pValue(String what, double actual, double expected) {
        MAX_SEEN.merge("p (relative)", Math.abs(actual - expected) / expected, Math::max);
        assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs R " + expected)
                .isLessThanOrEqualTo(TOL);
        if (expected < 1e-4) {
            assertThat(Math.abs(actual - expected)).as(what + " relative: " + actual + " vs R " + expected)
                    .isLessThanOrEqualTo(1e-8 * expected);
        }
    }
}
