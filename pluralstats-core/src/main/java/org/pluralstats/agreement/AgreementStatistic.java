package org.pluralstats.agreement;

import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * One agreement statistic on one ratings matrix: a row of an {@link AgreementReport}. Numbers that a
 * statistic does not have (the standard error of Krippendorff's alpha, say) or that are undefined on the
 * data are {@code NaN}; then {@link #note()} says why.
 *
 * @param statistic what was computed: {@code percent agreement}, {@code Cohen's kappa}, {@code Fleiss' kappa},
 *     {@code Randolph's kappa}, {@code Krippendorff's alpha} or {@code mean absolute error}
 * @param level the level of measurement or the kappa weights it assumes ({@code nominal}, {@code linear}, …)
 * @param estimate the value
 * @param se its asymptotic standard error ({@code std_kappa} of statsmodels for kappa), or {@code NaN}
 * @param seNull the standard error under no agreement beyond chance ({@code std_kappa0}), or {@code NaN}
 * @param p the two-sided p-value of {@code estimate / seNull} against the standard normal, or {@code NaN}
 * @param ciLow the lower end of {@code estimate ± z·se}, or {@code NaN}
 * @param ciHigh the upper end, or {@code NaN}
 * @param units the units (rows) the statistic used
 * @param raters the raters (columns) it used
 * @param values the ratings it used (for Krippendorff's alpha: the pairable values {@code n})
 * @param note why a number is undefined, or what was left out; empty otherwise
 */
public record AgreementStatistic(String statistic, String level, double estimate, double se, double seNull, double p,
                                 double ciLow, double ciHigh, int units, int raters, long values, String note)
        implements TabularResult {
    /** Statistic name: percent agreement. */
    public static final String PERCENT_AGREEMENT = "percent agreement";
    /** Statistic name: Cohen's kappa. */
    public static final String COHENS_KAPPA = "Cohen's kappa";
    /** Statistic name: Fleiss' kappa. */
    public static final String FLEISS_KAPPA = "Fleiss' kappa";
    /** Statistic name: Randolph's free-marginal kappa (statsmodels {@code fleiss_kappa(method='randolph')}). */
    public static final String RANDOLPH_KAPPA = "Randolph's kappa";
    /** Statistic name: Krippendorff's alpha. */
    public static final String KRIPPENDORFF_ALPHA = "Krippendorff's alpha";
    /** Statistic name: mean absolute error. */
    public static final String MEAN_ABSOLUTE_ERROR = "mean absolute error";

    /** Replaces a null note by the empty text. */
    public AgreementStatistic {
        note = note == null ? "" : note;
    }

    /**
     * A statistic with only an estimate.
     *
     * @param statistic the name
     * @param level the level or weights
     * @param estimate the value, {@code NaN} when undefined
     * @param units units used
     * @param raters raters used
     * @param values ratings used
     * @param note why undefined, or empty
     * @return the row
     */
    static AgreementStatistic estimateOnly(String statistic, String level, double estimate, int units, int raters, long values,
                                           String note) {
        return new AgreementStatistic(statistic, level, estimate, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                units, raters, values, note);
    }

    /** @return whether the estimate is defined (not {@code NaN}) */
    public boolean defined() {
        return !Double.isNaN(estimate);
    }

    /**
     * @param title the table's title
     * @return the column layout shared with {@link AgreementReport#table()}
     */
    static ResultTable.Builder columns(String title) {
        return ResultTable.builder(title)
                .column("statistic", ColumnType.TEXT, Role.KEY).column("level", ColumnType.TEXT, Role.KEY)
                .number("estimate", Role.ESTIMATE, 4).number("se", Role.SE, 4).number("seNull", Role.OTHER, 4)
                .column("p", ColumnType.P_VALUE, Role.P_VALUE)
                .number("ciLow", Role.CI_LOWER, 4).number("ciHigh", Role.CI_UPPER, 4)
                .column("units", ColumnType.INTEGER, Role.COUNT).column("raters", ColumnType.INTEGER, Role.COUNT)
                .column("values", ColumnType.INTEGER, Role.COUNT).column("note", ColumnType.TEXT, Role.LABEL);
    }

    void addTo(ResultTable.Builder t) {
        t.row(statistic, level, estimate, se, seNull, p, ciLow, ciHigh, units, raters, values, note);
    }

    /**
     * This statistic as a one-row table with the columns of {@link AgreementReport#table()}.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = columns(statistic);
        addTo(t);
        return t.build();
    }

    /** @return the table, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }
}
