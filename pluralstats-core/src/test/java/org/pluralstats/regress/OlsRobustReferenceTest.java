package org.pluralstats.regress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pluralstats.regress.Fixtures.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Robust covariances ({@code fit(cov_type="HC0"…"HC3")}, {@code cov_type="cluster"}), weighted least
 * squares ({@code smf.wls}) and the summary diagnostics of {@link Ols} against statsmodels 0.13, on the
 * fixtures of {@code tools/regress_robust_reference.py}: every number to {@value #TOLERANCE} relative
 * (absolute below {@value #FLOOR}).
 */
class OlsRobustReferenceTest {
    static final double TOLERANCE = 1e-10;
    static final double FLOOR = 1e-6;
    static final double SERIES_FLOOR = 1e-4;
    static final String SCRIPT = "tools/regress_robust_reference.py";

    static Stream<Arguments> robust() {
        return Fixtures.cases("ols_robust_statsmodels.json", SCRIPT);
    }

    static Stream<Arguments> wls() {
        return Fixtures.cases("ols_wls_statsmodels.json", SCRIPT);
    }

    static Stream<Arguments> diagnostics() {
        return Fixtures.cases("ols_diagnostics_statsmodels.json", SCRIPT);
    }

    static void assertCoefficients(String name, OlsResult r, JsonNode c) {
        List<String> names = Fixtures.strings(c.get("names"));
        assertThat(r.coefficients()).extracting(Coefficient::name).containsExactlyElementsOf(names);
        double[][] expected = {Fixtures.doubles(c.get("params")), Fixtures.doubles(c.get("bse")),
            Fixtures.doubles(c.get("tvalues")), Fixtures.doubles(c.get("pvalues")), Fixtures.doubles(c.get("ci_low")),
            Fixtures.doubles(c.get("ci_high"))};
        String[] what = {"coef", "se", "t", "p", "ciLow", "ciHigh"};
        for (int j = 0; j < names.size(); j++) {
            Coefficient k = r.coefficients().get(j);
            double[] actual = {k.estimate(), k.standardError(), k.statistic(), k.pValue(), k.ciLow(), k.ciHigh()};
            for (int m = 0; m < what.length; m++) {
                double floor = m == 3 ? 1e-300 : FLOOR;
                assertClose(name + " " + names.get(j) + " " + what[m], actual[m], expected[m][j], TOLERANCE, floor);
            }
        }
    }

    static List<String> names(org.pluralstats.table.ResultTable t) {
        return t.columns().stream().map(org.pluralstats.table.Column::name).toList();
    }

    static void assertOptional(String what, double actual, JsonNode expected, double floor) {
        if (expected == null || expected.isNull()) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertClose(what, actual, expected.asDouble(), TOLERANCE, floor);
        }
    }

    /**
     * Fitted values and residuals: a residual is {@code y − ŷ}, so its error is absolute, a few ulps of
     * {@code y} (about 0.5 here); below {@value #SERIES_FLOOR} they are compared to {@code 1e-10 × 1e-4}
     * absolute.
     */
    static void assertSeries(String what, double[] actual, JsonNode expected) {
        double[] e = Fixtures.doubles(expected);
        assertThat(actual).as(what).hasSize(e.length);
        for (int i = 0; i < e.length; i++) {
            assertClose(what + "[" + i + "]", actual[i], e[i], TOLERANCE, SERIES_FLOOR);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("robust")
    void robustCovarianceEqualsStatsmodels(String name, JsonNode c) {
        String type = c.get("cov_type").asText();
        Ols ols = type.equals("cluster") ? Ols.withDefaults().withClusters(c.get("cluster").asText())
                : Ols.withDefaults().withCovariance(CovarianceType.valueOf(type));
        OlsResult r = ols.estimate(c.get("formula").asText(), Fixtures.data(c.get("data").asText()));
        assertThat(r.covarianceType().statsmodelsName()).isEqualTo(type);
        assertThat(r.usesT()).isEqualTo(c.get("use_t").asBoolean()).isFalse();
        assertCoefficients(name, r, c);
        assertOptional(name + " fvalue", r.fValue(), c.get("fvalue"), FLOOR);
        assertOptional(name + " f_pvalue", r.fPValue(), c.get("f_pvalue"), 1e-300);
        assertThat(names(r.table())).contains("z").doesNotContain("t", "df");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wls")
    void weightedEqualsStatsmodels(String name, JsonNode c) {
        String type = c.get("cov_type").asText();
        Ols ols = type.equals("cluster") ? Ols.withDefaults().withClusters(c.get("cluster").asText())
                : Ols.withDefaults().withCovariance(type.equals("nonrobust") ? CovarianceType.NONROBUST
                    : CovarianceType.valueOf(type));
        OlsResult r = ols.withWeights(c.get("weights").asText())
                .estimate(c.get("formula").asText(), Fixtures.data(c.get("data").asText()));
        assertThat(r.weighted()).isTrue();
        assertThat(r.covarianceType().statsmodelsName()).isEqualTo(type);
        assertDiagnostics(name, r.diagnostics(), c);
        assertCoefficients(name, r, c);
        assertClose(name + " rsquared", r.rSquared(), c.get("rsquared").asDouble(), TOLERANCE, FLOOR);
        assertClose(name + " rsquared_adj", r.rSquaredAdj(), c.get("rsquared_adj").asDouble(), TOLERANCE, FLOOR);
        assertOptional(name + " fvalue", r.fValue(), c.get("fvalue"), FLOOR);
        assertOptional(name + " f_pvalue", r.fPValue(), c.get("f_pvalue"), 1e-300);
        assertClose(name + " llf", r.logLikelihood(), c.get("llf").asDouble(), TOLERANCE, FLOOR);
        assertClose(name + " aic", r.aic(), c.get("aic").asDouble(), TOLERANCE, FLOOR);
        assertClose(name + " bic", r.bic(), c.get("bic").asDouble(), TOLERANCE, FLOOR);
        assertClose(name + " scale", r.scale(), c.get("scale").asDouble(), TOLERANCE, FLOOR);
        assertSeries(name + " fitted", r.fitted(), c.get("fitted"));
        assertSeries(name + " resid", r.residuals(), c.get("resid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("diagnostics")
    void diagnosticsEqualStatsmodelsSummary(String name, JsonNode c) {
        OlsResult r = Ols.fit(c.get("formula").asText(), Fixtures.data(c.get("data").asText()));
        assertDiagnostics(name, r.diagnostics(), c);
        assertSeries(name + " fitted", r.fitted(), c.get("fitted"));
        assertSeries(name + " resid", r.residuals(), c.get("resid"));
        assertThat(names(r.diagnosticsTable())).containsExactly("omnibus", "omnibusP", "durbinWatson",
                "jarqueBera", "jarqueBeraP", "skew", "kurtosis", "conditionNumber");
    }

    static void assertDiagnostics(String name, OlsDiagnostics d, JsonNode c) {
        assertClose(name + " omnibus", d.omnibus(), c.get("omnibus").asDouble(), TOLERANCE, FLOOR);
        assertClose(name + " omnibus p", d.omnibusPValue(), c.get("omnibus_p").asDouble(), TOLERANCE, 1e-300);
        assertClose(name + " durbin_watson", d.durbinWatson(), c.get("durbin_watson").asDouble(), TOLERANCE, FLOOR);
        assertClose(name + " jarque_bera", d.jarqueBera(), c.get("jarque_bera").asDouble(), TOLERANCE, FLOOR);
        assertClose(name + " jarque_bera p", d.jarqueBeraPValue(), c.get("jarque_bera_p").asDouble(), TOLERANCE,
                1e-300);
        assertClose(name + " skew", d.skew(), c.get("skew").asDouble(), TOLERANCE, FLOOR);
        assertClose(name + " kurtosis", d.kurtosis(), c.get("kurtosis").asDouble(), TOLERANCE, FLOOR);
        assertClose(name + " condition number", d.conditionNumber(), c.get("condition_number").asDouble(), TOLERANCE,
                FLOOR);
    }

    static Stream<Arguments> sandwich() {
        return Fixtures.cases("ols_robust_sandwich.json", "tools/regress_sandwich_reference.R");
    }

    /** The same standard errors as R's {@code sandwich::vcovHC} and {@code vcovCL(type = "HC1")}, matched by name. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sandwich")
    void robustStandardErrorsEqualRSandwich(String name, JsonNode c) {
        String type = c.get("cov_type").asText();
        Ols ols = type.equals("cluster") ? Ols.withDefaults().withClusters(c.get("cluster").asText())
                : Ols.withDefaults().withCovariance(CovarianceType.valueOf(type));
        OlsResult r = ols.estimate(c.get("formula").asText(), Fixtures.data(c.get("data").asText()));
        List<String> names = Fixtures.strings(c.get("names"));
        double[] bse = Fixtures.doubles(c.get("bse"));
        assertThat(r.coefficients()).extracting(Coefficient::name).containsExactlyInAnyOrderElementsOf(names);
        for (int j = 0; j < names.size(); j++) {
            Coefficient k = r.coefficient(names.get(j)).orElseThrow();
            assertClose(name + " " + names.get(j) + " se", k.standardError(), bse[j], TOLERANCE, FLOOR);
        }
    }

    @Test
    void robustCovarianceChangesTheStandardErrorsButNotTheEstimates() {
        RegressionData d = Fixtures.data("mixed_synthetic.csv");
        OlsResult plain = Ols.fit("alignment ~ consistency + multilingual", d);
        OlsResult hc3 = Ols.withDefaults().withCovariance(CovarianceType.HC3)
                .estimate("alignment ~ consistency + multilingual", d);
        assertThat(hc3.coefficients().get(1).estimate()).isEqualTo(plain.coefficients().get(1).estimate());
        assertThat(hc3.coefficients().get(1).standardError()).isNotEqualTo(plain.coefficients().get(1).standardError());
        assertThat(hc3.table().metadata()).containsEntry("covariance", "HC3");
    }

    @Test
    void clusterNeedsAColumn() {
        assertThatThrownBy(() -> Ols.withDefaults().withCovariance(CovarianceType.CLUSTER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withClusters");
    }

    @Test
    void nonPositiveWeightIsAnErrorNamingTheRow() {
        RegressionData d = RegressionData.builder().numeric("y", new double[] {1, 2, 3, 5})
                .numeric("x", new double[] {1, 2, 3, 4}).numeric("w", new double[] {1, 0, 1, 1}).build();
        assertThatThrownBy(() -> Ols.withDefaults().withWeights("w").estimate("y ~ x", d))
                .isInstanceOf(RegressionException.class).hasMessageContaining("weight column 'w'")
                .hasMessageContaining("row 2");
    }

    @Test
    void hc2AndHc3RefuseARowOfLeverageOneAndNameIt() {
        // category c has one row: the fit passes through it, h = 1 and e²/(1 − h) is 0/0
        RegressionData d = RegressionData.builder().numeric("y", new double[] {1, 2, 4, 3, 5, 9, 2})
                .text("g", new String[] {"a", "a", "a", "b", "b", "c", "b"}).numeric("x", new double[] {1, 2, 3, 1, 2, 3, 4})
                .build();
        for (CovarianceType type : List.of(CovarianceType.HC2, CovarianceType.HC3)) {
            assertThatThrownBy(() -> Ols.withDefaults().withCovariance(type).estimate("y ~ x + g", d))
                    .isInstanceOf(RegressionException.class)
                    .hasMessageContaining(type + " standard errors are undefined: row 6 of")
                    .hasMessageContaining("leverage 1").hasMessageContaining("use HC0 or HC1");
        }
        OlsResult hc1 = Ols.withDefaults().withCovariance(CovarianceType.HC1).estimate("y ~ x + g", d);
        assertThat(hc1.coefficients().get(1).standardError()).isFinite().isPositive();
    }
}
