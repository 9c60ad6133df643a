package org.pluralstats.weight;

import java.util.Iterator;
import java.util.List;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * Human self-consistency per population ({@link HumanSelfConsistency#estimate}) with the settings that
 * produced it, shown as its {@link #table()}. Iterating gives the populations' values.
 *
 * @param values one per population, in the design's order
 * @param draws draws per population and item
 * @param sampleSize respondents per draw
 * @param seed the random seed
 */
public record SelfConsistencies(List<SelfConsistency> values, int draws, int sampleSize, long seed)
        implements TabularResult, Iterable<SelfConsistency> {
    /**
     * @param values one per population
     * @param draws draws per population and item
     * @param sampleSize respondents per draw
     * @param seed the random seed
     */
    public SelfConsistencies {
        values = List.copyOf(values);
    }

    /** @return the values, in order */
    @Override
    public Iterator<SelfConsistency> iterator() {
        return values.iterator();
    }

    /**
     * Self-consistency as a table, one row per population: {@code population} (key),
     * {@code selfConsistency} (the pooled Pearson correlation between draws; undefined when it is),
     * {@code items}, {@code draws} and {@code sampleSize}; the metadata names the seed. What
     * {@code pluralstats consistency} prints.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = ResultTable.builder("Human self-consistency per population")
                .meta(ResultTable.METHOD, draws + " seeded draws of " + sampleSize
                        + " respondents per item, Pearson correlation over ordered pairs of draws")
                .meta(ResultTable.SEED, Long.toString(seed))
                .column("population", ColumnType.TEXT, Role.KEY).number("selfConsistency", Role.ESTIMATE, 3)
                .column("items", ColumnType.INTEGER, Role.COUNT).column("draws", ColumnType.INTEGER, Role.COUNT)
                .column("sampleSize", ColumnType.INTEGER, Role.COUNT);
        for (SelfConsistency s : values) {
            t.row(s.population(), s.value(), s.items(), s.draws(), s.sampleSize());
        }
        return t.build();
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }
}
