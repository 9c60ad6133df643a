package org.pluralstats.regress;

import java.util.List;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;

/**
 * The tables shared by {@link OlsResult} and {@link MixedModelResult}: the coefficient table (one row per
 * design column with the columns of statsmodels' summary, {@code coef, std err, t|z, P>|t|, [0.025,
 * 0.975]}, shown with the decimals statsmodels prints: 4 for the estimate, 3 for the rest), the one-row
 * fit statistics table's common start, and the fitted values.
 */
final class CoefficientTable {
    private CoefficientTable() {
    }

    /**
     * @param title the title
     * @param method {@code OLS}, {@code REML} or {@code ML}
     * @param model {@code OLS} or {@code MixedLM}
     * @param formula the formula fitted
     * @param groupColumn the grouping column of a mixed model, {@code null} for OLS
     * @return a builder with the metadata every table of a fit carries
     */
    static ResultTable.Builder header(String title, String method, String model, Formula formula, String groupColumn) {
        ResultTable.Builder t = ResultTable.builder(title).meta(ResultTable.METHOD, method).meta("model", model)
                .meta("formula", formula.text()).meta("dependent variable", formula.response().name());
        return groupColumn == null ? t : t.meta("group column", groupColumn);
    }

    /**
     * @param t a builder with no columns yet
     * @param statistic {@code t} (OLS) or {@code z} (mixed models)
     * @param df the degrees of freedom of every t test, or {@code null} for z tests (no df column)
     * @param coefficients the rows
     * @return the builder with the columns and rows added and the 95% level in the metadata
     */
    static ResultTable.Builder fill(ResultTable.Builder t, String statistic, Integer df, List<Coefficient> coefficients) {
        t.meta(ResultTable.CONFIDENCE_LEVEL, "0.95").column("term", ColumnType.TEXT, Role.KEY)
                .number("estimate", Role.ESTIMATE, 4).number("se", Role.SE, 3).number(statistic, Role.STATISTIC, 3);
        if (df != null) {
            t.column("df", ColumnType.INTEGER, Role.DF);
        }
        t.column("p", ColumnType.P_VALUE, Role.P_VALUE).number("ci_lower", Role.CI_LOWER, 3)
                .number("ci_upper", Role.CI_UPPER, 3);
        for (Coefficient c : coefficients) {
            if (df != null) {
                t.row(c.name(), c.estimate(), c.standardError(), c.statistic(), df, c.pValue(), c.ciLow(), c.ciHigh());
            } else {
                t.row(c.name(), c.estimate(), c.standardError(), c.statistic(), c.pValue(), c.ciLow(), c.ciHigh());
            }
        }
        return t;
    }

    /**
     * @param t a builder with no columns yet
     * @param fitted the fitted values of the rows used
     * @param residuals their residuals
     * @return the table {@code row} (1-based, among the rows used), {@code fitted}, {@code residual}
     */
    static ResultTable fitted(ResultTable.Builder t, double[] fitted, double[] residuals) {
        t.column("row", ColumnType.INTEGER, Role.KEY).number("fitted", Role.ESTIMATE, 4).number("residual", Role.OTHER, 4);
        for (int i = 0; i < fitted.length; i++) {
            t.row(i + 1, fitted[i], residuals[i]);
        }
        return t.build();
    }
}
