package org.pluralstats.regress;

/**
 * One estimated coefficient with its standard error, test statistic ({@code t} for OLS, {@code z} for
 * mixed models), two-sided p-value and 95% confidence interval — one row of a statsmodels summary
 * table.
 *
 * @param name the design column, patsy style ({@code language[T.en]})
 * @param estimate the estimate
 * @param standardError its standard error
 * @param statistic {@code estimate / standardError}
 * @param pValue the two-sided p-value of the statistic
 * @param ciLow lower end of the 95% confidence interval
 * @param ciHigh upper end of the 95% confidence interval
 */
public record Coefficient(String name, double estimate, double standardError, double statistic, double pValue,
                          double ciLow, double ciHigh) {
}
