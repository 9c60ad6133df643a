package org.pluralstats.align;

import java.util.Iterator;
import java.util.List;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * The bootstrap resamples of {@link Alignment#resamples}, one row per model × language × population ×
 * resample, with the settings that drew them, shown as its {@link #table()}. Iterating gives the rows.
 *
 * @param rows the resamples, in order
 * @param level item or response
 * @param bootstrap the bootstrap that drew them
 * @param reliability the reliability factor the self-consistency column was divided by
 */
public record AlignmentResamples(List<AlignmentResample> rows, AlignmentLevel level, BootstrapSettings bootstrap, ReliabilityFactor reliability)
        implements TabularResult, Iterable<AlignmentResample> {
    /** Copies the rows. */
    public AlignmentResamples {
        rows = List.copyOf(rows);
    }

    /** @return the rows, in order */
    @Override
    public Iterator<AlignmentResample> iterator() {
        return rows.iterator();
    }

    /**
     * The resamples as a table, the columns named as the fields of {@link AlignmentResample}: {@code model,
     * language, population, resample} (the key), {@code rho, pearson, meanAlignment, selfConsistency, n,
     * level, family}. What {@code pluralstats align --table resamples} prints.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = reliability.describe(bootstrap.describe(ResultTable.builder("Bootstrap resamples of the alignments")
                        .meta(ResultTable.METHOD, "Spearman's rho, Pearson's r, 1 - mean|x - y| and (response level) the "
                                + "model's self-consistency on each resample")
                        .meta("level", level.jsonName())))
                .column("model", ColumnType.TEXT, Role.KEY).column("language", ColumnType.TEXT, Role.KEY)
                .column("population", ColumnType.TEXT, Role.KEY).column("resample", ColumnType.INTEGER, Role.KEY)
                .number("rho", Role.ESTIMATE, 3).number("pearson", Role.ESTIMATE, 3)
                .number("meanAlignment", Role.ESTIMATE, 3).number("selfConsistency", Role.OTHER, 3)
                .column("n", ColumnType.INTEGER, Role.COUNT).column("level", ColumnType.TEXT, Role.PARAMETER)
                .column("family", ColumnType.TEXT, Role.LABEL);
        for (AlignmentResample r : rows) {
            t.row(r.model(), r.language(), r.population(), r.resample(), r.rho(), r.pearson(), r.meanAlignment(),
                    r.selfConsistency(), r.n(), r.level().jsonName(), r.family());
        }
        return t.build();
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }
}
