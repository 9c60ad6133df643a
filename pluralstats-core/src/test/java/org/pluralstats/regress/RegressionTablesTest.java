package org.pluralstats.regress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;

/** {@link OlsResult#table()} and {@link MixedModelResult#table()}: the coefficients with roles; the model in {@code fitTable()}. */
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
                .contains("method: OLS\n", "formula: y ~ x\n", "term", "Intercept");
        ResultTable fit = r.fitTable();
        assertThat(fit.rows()).isOne();
        assertThat(fit.integer(0, fit.columnIndex("nobs").orElseThrow())).isEqualTo(10);
        assertThat(fit.integer(0, fit.columnIndex("dfResid").orElseThrow())).isEqualTo(8);
        assertThat(fit.number(0, fit.columnIndex("rsquared").orElseThrow())).isEqualTo(r.rSquared());
        assertThat(fit.number(0, fit.columnIndex("fvalue").orElseThrow())).isEqualTo(r.fValue());
        assertThat(fit.number(0, fit.columnIndex("aic").orElseThrow())).isEqualTo(r.aic());
        assertThat(r.fittedTable().number(3, 1)).isEqualTo(r.fitted()[3]);
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
        ResultTable t = Ols.fit("y ~ 1", data()).fitTable();
        assertThat(t.isDefined(0, t.columnIndex("fvalue").orElseThrow())).isFalse();
        assertThat(t.isDefined(0, t.columnIndex("fPvalue").orElseThrow())).isFalse();
        assertThat(t.integer(0, t.columnIndex("dfModel").orElseThrow())).isZero();
    }

    @Test
    void mixedModelTablesHoldTheFixedEffectsTheModelAndTheRandomIntercepts() {
        MixedModelResult r = MixedModel.withDefaults().fit("y ~ x", data(), "g");
        ResultTable t = r.table();
        assertThat(r.toString()).isEqualTo(t.toString()).startsWith("Mixed linear model (REML): y ~ x (2 rows × 7 columns)\n");
        assertThat(t.columnIndex("z")).isPresent();
        assertThat(t.columnsWith(Role.DF)).isEmpty();
        assertThat(t.metadata()).containsEntry(ResultTable.METHOD, "REML").containsEntry("group column", "g");
        ResultTable fit = r.fitTable();
        assertThat(fit.integer(0, fit.columnIndex("groups").orElseThrow())).isEqualTo(3);
        assertThat(fit.number(0, fit.columnIndex("groupVar").orElseThrow())).isEqualTo(r.groupVariance());
        assertThat(fit.number(0, fit.columnIndex("llf").orElseThrow())).isEqualTo(r.logLikelihood());
        assertThat(fit.bool(0, fit.columnIndex("converged").orElseThrow())).isEqualTo(r.converged());
        ResultTable re = r.randomEffectsTable();
        assertThat(re.rows()).isEqualTo(3);
        assertThat(re.text(0, 0)).isEqualTo("a");
        assertThat(re.number(0, 1)).isEqualTo(r.randomEffects().get("a"));
    }
}
