package org.pluralstats.align;

import java.util.Iterator;
import java.util.List;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * The US-versus-local comparisons of {@link UsCentricBias#compare}, one per model × prompt language ×
 * local population, with the settings that produced them, shown as its {@link #table()}. Iterating gives
 * the rows.
 *
 * @param rows one per model × language × local population
 * @param reference the reference population ({@code US})
 * @param level item or response
 * @param bootstrap the paired bootstrap of the intervals
 */
public record UsBiasResults(List<UsBiasResult> rows, String reference, AlignmentLevel level, BootstrapSettings bootstrap)
        implements TabularResult, Iterable<UsBiasResult> {
    /** Copies the rows. */
    public UsBiasResults {
        rows = List.copyOf(rows);
    }

    /** @return the rows, in order */
    @Override
    public Iterator<UsBiasResult> iterator() {
        return rows.iterator();
    }

    /**
     * The comparisons as a table, the columns named as the fields of {@link UsBiasResult}: {@code model,
     * language, local} (the key), {@code reference, n, rhoLocal, rhoReference, difference, ciLow, ciHigh,
     * level, family, resamples, undefinedResamples}. What {@code pluralstats align --table us-bias} prints
     * and the report's {@code us-bias-rows} table.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = bootstrap.describe(ResultTable.builder(reference
                                + " versus local alignment per model × language × local population")
                        .meta(ResultTable.METHOD, "Spearman's rho with the reference minus Spearman's rho with the local "
                                + "population over the same units; paired percentile bootstrap")
                        .meta("reference", reference).meta("level", level.jsonName()))
                .column("model", ColumnType.TEXT, Role.KEY).column("language", ColumnType.TEXT, Role.KEY)
                .column("local", ColumnType.TEXT, Role.KEY).column("reference", ColumnType.TEXT, Role.PARAMETER)
                .column("n", ColumnType.INTEGER, Role.COUNT).number("rhoLocal", Role.OTHER, 3)
                .number("rhoReference", Role.OTHER, 3).number("difference", Role.ESTIMATE, 3)
                .number("ciLow", Role.CI_LOWER, 3).number("ciHigh", Role.CI_UPPER, 3)
                .column("level", ColumnType.TEXT, Role.PARAMETER).column("family", ColumnType.TEXT, Role.LABEL)
                .column("resamples", ColumnType.INTEGER, Role.COUNT).column("undefinedResamples", ColumnType.INTEGER, Role.COUNT);
        for (UsBiasResult b : rows) {
            t.row(b.model(), b.language(), b.local(), b.reference(), b.n(), b.rhoLocal(), b.rhoReference(), b.difference(),
                    b.ciLow(), b.ciHigh(), b.level().jsonName(), b.family(), b.resamples(), b.undefinedResamples());
        }
        return t.build();
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }
}
