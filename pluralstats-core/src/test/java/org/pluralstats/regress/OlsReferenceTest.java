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
 * {@link Ols} against statsmodels 0.13 ({@code smf.ols(formula, data).fit()}) on the data sets of
 * {@code tools/regress_reference.py}: the paper's Eq. 4 shape (synthetic and derived from the released
 * files) and a range of formulas. Design column names and order must equal patsy's; every number
 * agrees to {@value #TOLERANCE} relative (absolute below {@value #FLOOR}).
 */
class OlsReferenceTest {
    static final double TOLERANCE = 1e-8;
    static final double FLOOR = 1e-6;

    static Stream<Arguments> cases() {
        return Fixtures.cases("ols_statsmodels.json", "tools/regress_reference.py");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsStatsmodels(String name, JsonNode c) {
        OlsResult r = Ols.fit(c.get("formula").asText(), Fixtures.data(c.get("data").asText()));
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
                // p-values below 1e-300 are compared absolutely; statistics and estimates relative to their size
                double floor = m == 3 ? 1e-300 : FLOOR;
                assertClose(name + " " + names.get(j) + " " + what[m], actual[m], expected[m][j], TOLERANCE, floor);
            }
        }
        assertThat(r.nobs()).isEqualTo(c.get("nobs").asInt());
        assertThat(r.dfModel()).isEqualTo((int) c.get("df_model").asDouble());
        assertThat(r.dfResid()).isEqualTo((int) c.get("df_resid").asDouble());
        assertThat(r.hasConstant()).isEqualTo(c.get("k_constant").asInt() == 1);
        assertClose(name + " rsquared", r.rSquared(), c.get("rsquared").asDouble(), TOLERANCE, FLOOR);
        assertClose(name + " rsquared_adj", r.rSquaredAdj(), c.get("rsquared_adj").asDouble(), TOLERANCE, FLOOR);
        assertClose(name + " fvalue", r.fValue(), c.get("fvalue").asDouble(), TOLERANCE, FLOOR);
        assertClose(name + " f_pvalue", r.fPValue(), c.get("f_pvalue").asDouble(), TOLERANCE, 1e-300);
        assertClose(name + " llf", r.logLikelihood(), c.get("llf").asDouble(), TOLERANCE, FLOOR);
        assertClose(name + " aic", r.aic(), c.get("aic").asDouble(), TOLERANCE, FLOOR);
        assertClose(name + " bic", r.bic(), c.get("bic").asDouble(), TOLERANCE, FLOOR);
        if (c.has("fitted")) {
            double[] fitted = Fixtures.doubles(c.get("fitted"));
            double[] ours = r.fitted();
            assertThat(ours).hasSize(fitted.length);
            for (int i = 0; i < fitted.length; i++) {
                assertClose(name + " fitted[" + i + "]", ours[i], fitted[i], TOLERANCE, FLOOR);
            }
        }
    }

    @Test
    void interceptOnlyHasNoFStatistic() {
        OlsResult r = Ols.fit("metric_value ~ 1", Fixtures.data("us_bias_synthetic.csv"));
        assertThat(r.dfModel()).isZero();
        assertThat(r.fValue()).isNaN();
        assertThat(r.fPValue()).isNaN();
        assertThat(r.rSquared()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void singularDesignNamesTheCollinearColumns() {
        RegressionData d = RegressionData.builder()
                .numeric("y", new double[] {1, 2, 3, 5, 4, 6})
                .numeric("a", new double[] {1, 2, 3, 4, 5, 6})
                .numeric("b", new double[] {2, 4, 6, 8, 10, 12})
                .text("g", new String[] {"u", "v", "u", "v", "u", "v"})
                .build();
        assertThatThrownBy(() -> Ols.fit("y ~ a + b + g", d))
                .isInstanceOf(RegressionException.class)
                .hasMessageContaining("singular design matrix: column b (term b) is a linear combination of a (term a)")
                .hasMessageNotContaining("Intercept (term");
        assertThatThrownBy(() -> Ols.fit("y ~ 0 + g + C(g)", d))
                .hasMessageContaining("column C(g)[T.v] (term C(g)) is a linear combination of g[v] (term g)");
        RegressionData zero = RegressionData.builder().numeric("y", new double[] {1, 2, 3})
                .numeric("z", new double[] {0, 0, 0}).build();
        assertThatThrownBy(() -> Ols.fit("y ~ z", zero)).hasMessageContaining("column z (term z) is zero in every row");
    }

    @Test
    void needsMoreRowsThanCoefficients() {
        RegressionData d = RegressionData.builder().numeric("y", new double[] {1, 2})
                .numeric("x", new double[] {1, 3}).build();
        assertThatThrownBy(() -> Ols.fit("y ~ x", d)).hasMessageContaining("2 rows, 2 coefficients");
    }
}
