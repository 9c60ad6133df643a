package org.pluralstats.agreement;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.TabularResult;

/**
 * The agreement statistics of one ratings matrix ({@link Agreement#report}), one row per statistic.
 * Iterating gives the rows.
 *
 * @param rows the statistics, in the order {@link Agreement} computes them
 * @param raters the raters' names
 * @param units the units (rows) of the ratings, before any were left out
 * @param level the level of measurement of Krippendorff's alpha
 * @param weights the weights of Cohen's kappa
 * @param confidence the intervals' confidence level
 */
public record AgreementReport(List<AgreementStatistic> rows, List<String> raters, int units, MeasurementLevel level,
                              KappaWeights weights, double confidence) implements TabularResult, Iterable<AgreementStatistic> {
    /** Copies the lists. */
    public AgreementReport {
        rows = List.copyOf(rows);
        raters = List.copyOf(raters);
    }

    /** @return the rows, in order */
    @Override
    public Iterator<AgreementStatistic> iterator() {
        return rows.iterator();
    }

    /**
     * @param statistic a statistic's name ({@link AgreementStatistic#COHENS_KAPPA}, …)
     * @param level its level or weights ({@code nominal}, {@code linear}, …; {@code ""} for percent agreement)
     * @return that row, if the report has it
     */
    public Optional<AgreementStatistic> find(String statistic, String level) {
        return rows.stream().filter(r -> r.statistic().equals(statistic) && r.level().equals(level)).findFirst();
    }

    /**
     * The report as a table with columns {@code statistic, level} (the key), {@code estimate, se, seNull, p,
     * ciLow, ciHigh, units, raters, values, note}; metadata: raters, units, level, weights, confidence level.
     * What {@code pluralstats agreement} prints.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = AgreementStatistic.columns("Agreement between raters")
                .meta(ResultTable.METHOD, "percent agreement; Cohen's kappa (statsmodels cohens_kappa, normal interval); "
                        + "Fleiss' kappa (statsmodels fleiss_kappa); Krippendorff's alpha (Krippendorff 2011)")
                .meta("raters", String.join(", ", raters)).meta("units", Integer.toString(units))
                .meta("level", level.label()).meta("kappa weights", weights.label())
                .meta(ResultTable.CONFIDENCE_LEVEL, Double.toString(confidence));
        rows.forEach(r -> r.addTo(t));
        return t.build();
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }
}
