package org.pluralstats.align;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * The self-consistency of every model × prompt language ({@link ModelSelfConsistency#estimate}) with
 * the bootstrap of its intervals, shown as its {@link #table()}. Iterating gives the rows.
 *
 * @param rows one per model × language
 * @param bootstrap the bootstrap of the intervals
 * @param reliability the reliability factor the correlations were divided by
 * @param interval what the bootstrap resampled: items (default) or generations (the released code)
 */
public record ModelConsistencies(List<ModelConsistency> rows, BootstrapSettings bootstrap, ReliabilityFactor reliability,
                                 SelfConsistencyInterval interval)
        implements TabularResult, Iterable<ModelConsistency> {
    /** Copies the rows; the interval method is required. */
    public ModelConsistencies {
        rows = List.copyOf(rows);
        Objects.requireNonNull(interval, "interval");
    }


    /** @return the rows, in order */
    @Override
    public Iterator<ModelConsistency> iterator() {
        return rows.iterator();
    }

    /**
     * The self-consistency as a table, the columns named as the fields of {@link ModelConsistency}:
     * {@code model, language} (the key), {@code selfConsistency, ciLow, ciHigh, observed, reliability,
     * method, family, items, generations, pairs, resamples, undefinedResamples}. What {@code pluralstats
     * align --table consistency} prints and the report's {@code alignment-self-consistency} table.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = reliability.describe(bootstrap.describe(ResultTable.builder("Model self-consistency per model × language")
                        .meta(ResultTable.METHOD, "correlation over ordered pairs of different generations of the same "
                                + "item, divided by the reliability; " + interval.describe())
                        .meta("interval", interval.label())))
                .column("model", ColumnType.TEXT, Role.KEY).column("language", ColumnType.TEXT, Role.KEY)
                .number("selfConsistency", Role.ESTIMATE, 3).number("ciLow", Role.CI_LOWER, 3)
                .number("ciHigh", Role.CI_UPPER, 3).number("observed", Role.OTHER, 3).number("reliability", Role.PARAMETER, 3)
                .column("method", ColumnType.TEXT, Role.PARAMETER).column("family", ColumnType.TEXT, Role.LABEL)
                .column("items", ColumnType.INTEGER, Role.COUNT).column("generations", ColumnType.INTEGER, Role.COUNT)
                .column("pairs", ColumnType.INTEGER, Role.COUNT).column("resamples", ColumnType.INTEGER, Role.COUNT)
                .column("undefinedResamples", ColumnType.INTEGER, Role.COUNT);
        for (ModelConsistency c : rows) {
            t.row(c.model(), c.language(), c.selfConsistency(), c.ciLow(), c.ciHigh(), c.observed(), c.reliability(),
                    c.method().name().toLowerCase(Locale.ROOT), c.family(), c.items(), c.generations(), c.pairs(),
                    c.resamples(), c.undefinedResamples());
        }
        return t.build();
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }
}
