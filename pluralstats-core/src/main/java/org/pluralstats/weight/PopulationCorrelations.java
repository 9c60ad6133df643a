package org.pluralstats.weight;

import java.util.Iterator;
import java.util.List;
import org.pluralstats.stats.Correlation;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * The correlations between populations' value polarity score vectors ({@link ScoreCorrelations#of}),
 * one per ordered pair, shown as their {@link #table()}. Iterating gives the pairs.
 *
 * @param method Pearson or Spearman
 * @param pairs one per ordered pair (a, b), a outer, diagonal included
 */
public record PopulationCorrelations(Correlation.Method method, List<PopulationCorrelation> pairs)
        implements TabularResult, Iterable<PopulationCorrelation> {
    /**
     * @param method Pearson or Spearman
     * @param pairs the correlations
     */
    public PopulationCorrelations {
        pairs = List.copyOf(pairs);
    }

    /** @return the pairs, in order */
    @Override
    public Iterator<PopulationCorrelation> iterator() {
        return pairs.iterator();
    }

    /**
     * The correlations as a table, one row per ordered pair: {@code a}, {@code b} (keys), {@code method}
     * ({@code pearson} or {@code spearman}), {@code items} (shared items) and {@code r} (undefined when
     * fewer than two items are shared or a vector is constant). What {@code pluralstats correlate} prints
     * and the report's correlations table.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = ResultTable.builder("Correlations between populations' value polarity scores, over shared items")
                .meta(ResultTable.METHOD, method.jsonName())
                .column("a", ColumnType.TEXT, Role.KEY).column("b", ColumnType.TEXT, Role.KEY)
                .column("method", ColumnType.TEXT, Role.PARAMETER).column("items", ColumnType.INTEGER, Role.COUNT)
                .number("r", Role.ESTIMATE, 3);
        for (PopulationCorrelation c : pairs) {
            t.row(c.a(), c.b(), c.method().jsonName(), c.items(), c.r());
        }
        return t.build();
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }
}
