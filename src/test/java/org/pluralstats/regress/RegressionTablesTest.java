package org.pluralstats.regress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;

/** {@link OlsResult#table()} and {@link MixedModelResult#table()}: the coefficients with roles, the model in the metadata. */
class RegressionTablesTest {
    private static RegressionData data() {
        return RegressionData.builder()
                .numeric("y", new double[] {1.1, 2.3, 2.9, 4.2, 5.1, 5.8, 7.4, 8.1, 8.7, 10.2})
                .numeric("x", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
                .text("g", new String[] {"a", "a", "b", "b", "c", "c", "a", "b", "c", "a"})
                .build();
    }

    @Test
    void olsToStringIsItsTableHead() {
        OlsResult r = Ols.fit("y ~ x", data());
        ResultTable t = r.table();
        assertThat(r.toString()).isEqualTo(t.toString()).startsWith("OLS regression: y ~ x (2 rows × 8 columns)\n")
                .contains("method: OLS\n", "R²: " + r.rSquared() + "\n", "term", "Intercept");
        assertThat(t.metadata()).containsEntry("n", "10").containsEntry("df residual", "8")
                .containsEntry("F", Double.toString(r.fValue())).containsEntry("AIC", Double.toString(r.aic()));
        Coefficient x = r.coefficient("x").orElseThrow();
        int row = 1;
        assertThat(t.text(row, t.columnIndex("term").orElseThrow())).isEqualTo("x");
        assertThat(t.number(row, t.columnsWith(Role.ESTIMATE).get(0))).isEqualTo(x.estimate());
        assertThat(t.number(row, t.columnsWith(Role.SE).get(0))).isEqualTo(x.standardError());
        assertThat(t.number(row, t.columnIndex("t").orElseThrow())).isEqualTo(x.statistic());
        assertThat(t.integer(row, t.columnsWith(Role.DF).get(0))).isEqualTo(8);
        assertThat(t.number(row, t.columnsWith(Role.P_VALUE).get(0))).isEqualTo(x.pValue());
        assertThat(t.number(row, t.columnsWith(Role.CI_LOWER).get(0))).isEqualTo(x.ciLow());
        assertThat(t.number(row, t.columnsWith(Role.CI_UPPER).get(0))).isEqualTo(x.ciHigh());
    }

    @Test
    void anInterceptOnlyModelHasNoFAndSaysSo() {
        ResultTable t = Ols.fit("y ~ 1", data()).table();
        assertThat(t.metadata()).containsEntry("F", "–").containsEntry("p of F", "–").containsEntry("df model", "0");
    }

    @Test
    void mixedModelTablesHoldTheFixedEffectsTheModelAndTheRandomIntercepts() {
        MixedModelResult r = MixedModel.withDefaults().fit("y ~ x", data(), "g");
        ResultTable t = r.table();
        assertThat(r.toString()).isEqualTo(t.toString()).startsWith("Mixed linear model (REML): y ~ x (2 rows × 7 columns)\n");
        assertThat(t.columnIndex("z")).isPresent();
        assertThat(t.columnsWith(Role.DF)).isEmpty();
        assertThat(t.metadata()).containsEntry(ResultTable.METHOD, "REML").containsEntry("groups", "3")
                .containsEntry("group variance", Double.toString(r.groupVariance()))
                .containsEntry("log-likelihood", Double.toString(r.logLikelihood()))
                .containsEntry("converged", Boolean.toString(r.converged()));
        ResultTable re = r.randomEffectsTable();
        assertThat(re.rows()).isEqualTo(3);
        assertThat(re.text(0, 0)).isEqualTo("a");
        assertThat(re.number(0, 1)).isEqualTo(r.randomEffects().get("a"));
    }
}
