package org.pluralstats.regress;

import java.util.List;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;

/**
 * The coefficient table shared by {@link OlsResult#table()} and {@link MixedModelResult#table()}: one row
 * per design column with the columns of statsmodels' summary ({@code coef, std err, t|z, P>|t|, [0.025,
 * 0.975]}), shown with the decimals statsmodels prints (4 for the estimate, 3 for the rest).
 */
final class CoefficientTable {
    private CoefficientTable() {
    }

    /**
     * @param t a builder with no columns yet
     * @param statistic {@code t} (OLS) or {@code z} (mixed models)
     * @param df the degrees of freedom of every t test, or {@code null} for z tests (no df column)
     * @param coefficients the rows
     * @return the builder with the columns and rows added
     */
    static ResultTable.Builder fill(ResultTable.Builder t, String statistic, Integer df, List<Coefficient> coefficients) {
        t.column("term", ColumnType.TEXT, Role.KEY)
                .number("estimate", Role.ESTIMATE, 4)
                .number("se", Role.SE, 3)
                .number(statistic, Role.STATISTIC, 3);
        if (df != null) {
            t.column("df", ColumnType.INTEGER, Role.DF);
        }
        t.column("p", ColumnType.P_VALUE, Role.P_VALUE)
                .number("ci_lower", Role.CI_LOWER, 3)
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
     * @param v a model-level number
     * @return it exactly ({@link Double#toString}), or {@code –} (as tables show undefined cells) when NaN
     *     or infinite
     */
    static String exact(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "–";
    }
}
