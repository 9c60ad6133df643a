package org.pluralstats.design;

import java.util.Locale;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * The design-based difference of a variable's mean (a proportion for a 0/1 variable) between two domains of
 * one design, as R survey gives it by {@code svyby(~y, ~g, design, svymean, covmat = TRUE)} and
 * {@code svycontrast(by, c(first = 1, second = -1))}, with the t test and interval a user computes from it:
 * {@code t = d / se}, {@code p = 2 pt(−|t|, df)}, {@code d ± qt(1 − α/2, df) · se}, {@code df = degf(design)}.
 *
 * @param variable the variable's name
 * @param first the first domain's name
 * @param second the second domain's name
 * @param firstEstimate the first domain's mean and its standard error
 * @param secondEstimate the second domain's mean and its standard error
 * @param covariance the covariance of the two domain means ({@code vcov(by)[first, second]}), not zero when
 *     the domains share PSUs
 * @param difference {@code first − second}
 * @param se {@code √(v₁ + v₂ − 2 c)}
 * @param t {@code difference / se}
 * @param df the degrees of freedom of the t test and interval
 * @param pValue the two-sided p-value
 * @param ciLow the interval's lower end
 * @param ciHigh its upper end
 * @param level its confidence level
 */
public record DomainDifference(String variable, String first, String second, DesignEstimate firstEstimate,
                               DesignEstimate secondEstimate, double covariance, double difference, double se,
                               double t, double df, double pValue, double ciLow, double ciHigh, double level)
        implements TabularResult {

    /**
     * @return one row: variable, contrast ({@code first − second}), the two domain means, difference, se, ciLow,
     *     ciHigh, t, df, p
     */
    @Override
    public ResultTable table() {
        return ResultTable.builder("Design-based difference of domain means")
                .column("variable", ColumnType.TEXT, Role.KEY)
                .column("contrast", ColumnType.TEXT, Role.KEY)
                .column("mean " + first, ColumnType.NUMBER, Role.OTHER)
                .column("mean " + second, ColumnType.NUMBER, Role.OTHER)
                .column("difference", ColumnType.NUMBER, Role.ESTIMATE)
                .column("se", ColumnType.NUMBER, Role.SE)
                .column("ciLow", ColumnType.NUMBER, Role.CI_LOWER)
                .column("ciHigh", ColumnType.NUMBER, Role.CI_UPPER)
                .column("t", ColumnType.NUMBER, Role.STATISTIC)
                .number("df", Role.DF, 0)
                .column("p", ColumnType.P_VALUE, Role.P_VALUE)
                .row(variable, first + " - " + second, firstEstimate.estimate(), secondEstimate.estimate(),
                        difference, se, ciLow, ciHigh, t, df, pValue)
                .meta(ResultTable.METHOD, "svycontrast(svyby(~y, ~domain, design, svymean, covmat = TRUE), "
                        + "c(1, -1)); t test on " + (Double.isInfinite(df) ? "the normal distribution"
                        : String.format(Locale.ROOT, "%.0f df", df)))
                .meta(ResultTable.CONFIDENCE_LEVEL, Double.toString(level))
                .build();
    }

    /** @return {@code table().toString()} */
    @Override
    public String toString() {
        return table().toString();
    }
}
