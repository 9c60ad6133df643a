package org.pluralstats.align;

import java.util.Iterator;
import java.util.List;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * The alignments of {@link Alignment#compare}, one per model × prompt language × population, with the
 * settings that produced them, shown as its {@link #table()}. Iterating gives the rows.
 *
 * @param rows one per model × language × population
 * @param level item or response
 * @param bootstrap the bootstrap of the intervals
 * @param reliability the reliability factor the self-consistency column was divided by
 */
public record Alignments(List<AlignmentResult> rows, AlignmentLevel level, BootstrapSettings bootstrap, ReliabilityFactor reliability)
        implements TabularResult, Iterable<AlignmentResult> {
    /** Copies the rows. */
    public Alignments {
        rows = List.copyOf(rows);
    }

    /** @return the rows, in order */
    @Override
    public Iterator<AlignmentResult> iterator() {
        return rows.iterator();
    }

    /**
     * The alignments as a table, one row per model × language × population, the columns named as the
     * fields of {@link AlignmentResult} ({@code model, language, population} are the key; {@code rho, p,
     * ciLow, ciHigh} first, then the level, family, item counts, Pearson's r, the mean alignment and their
     * intervals, the self-consistency and the bootstrap counts); undefined numbers are empty / {@code null}.
     * What {@code pluralstats align} prints and the report's {@code alignment-rows} table.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = reliability.describe(bootstrap.describe(ResultTable.builder("Alignment per model × language × population")
                        .meta(ResultTable.METHOD, "Spearman's rho (scipy.stats.spearmanr), Pearson's r and 1 - mean|x - y| "
                                + "of model and population scores, percentile bootstrap intervals")
                        .meta("level", level.jsonName())))
                .column("model", ColumnType.TEXT, Role.KEY).column("language", ColumnType.TEXT, Role.KEY)
                .column("population", ColumnType.TEXT, Role.KEY).column("n", ColumnType.INTEGER, Role.COUNT)
                .number("rho", Role.ESTIMATE, 3).column("p", ColumnType.P_VALUE, Role.P_VALUE)
                .number("ciLow", Role.CI_LOWER, 3).number("ciHigh", Role.CI_UPPER, 3)
                .column("level", ColumnType.TEXT, Role.PARAMETER).column("family", ColumnType.TEXT, Role.LABEL)
                .column("items", ColumnType.INTEGER, Role.COUNT).column("itemsWithoutScore", ColumnType.INTEGER, Role.COUNT)
                .column("generationsWithoutScore", ColumnType.INTEGER, Role.COUNT).number("pearson", Role.ESTIMATE, 3)
                .column("pearsonP", ColumnType.P_VALUE, Role.P_VALUE).number("pearsonCiLow", Role.CI_LOWER, 3)
                .number("pearsonCiHigh", Role.CI_UPPER, 3).number("meanAlignment", Role.ESTIMATE, 3)
                .number("meanAlignmentCiLow", Role.CI_LOWER, 3).number("meanAlignmentCiHigh", Role.CI_UPPER, 3)
                .number("selfConsistency", Role.OTHER, 3).column("resamples", ColumnType.INTEGER, Role.COUNT)
                .column("undefinedResamples", ColumnType.INTEGER, Role.COUNT);
        for (AlignmentResult r : rows) {
            t.row(r.model(), r.language(), r.population(), r.n(), r.rho(), r.p(), r.ciLow(), r.ciHigh(),
                    r.level().jsonName(), r.family(), r.items(), r.itemsWithoutScore(), r.generationsWithoutScore(),
                    r.pearson(), r.pearsonP(), r.pearsonCiLow(), r.pearsonCiHigh(), r.meanAlignment(),
                    r.meanAlignmentCiLow(), r.meanAlignmentCiHigh(), r.selfConsistency(), r.resamples(),
                    r.undefinedResamples());
        }
        return t.build();
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }
}
