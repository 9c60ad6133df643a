package org.pluralstats.align;

import java.util.List;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * Within- and between-language consistency of every model ({@link LanguageConsistency#estimate}): the
 * rows shown by {@link #table()} and the differences within − between with their tests shown by
 * {@link #differenceTable()}.
 *
 * @param rows per model: within each language, between each pair of languages, within and between all
 * @param differences per model: within − between per pair of languages and over all languages
 * @param bootstrap the bootstrap of the intervals (items resampled)
 * @param permutations permutations of the test
 * @param reliability the reliability factor every correlation is divided by
 */
public record LanguageConsistencies(List<LanguageConsistencyRow> rows, List<LanguageConsistencyDifference> differences,
                                    BootstrapSettings bootstrap, int permutations, double reliability)
        implements TabularResult {
    /** Copies the lists. */
    public LanguageConsistencies {
        rows = List.copyOf(rows);
        differences = List.copyOf(differences);
    }

    /**
     * The consistencies as a table, the columns named as the fields of {@link LanguageConsistencyRow}:
     * {@code model, languages, kind} (the key), {@code pairs, consistency, ciLow, ciHigh, observed,
     * reliability, family, items, generations, resamples, undefinedResamples}. What {@code pluralstats
     * align --table language-consistency} prints and the report's {@code alignment-language-consistency}
     * table.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = describe("Model self-consistency within and between prompt languages")
                .column("model", ColumnType.TEXT, Role.KEY).column("languages", ColumnType.TEXT, Role.KEY)
                .column("kind", ColumnType.TEXT, Role.KEY).column("pairs", ColumnType.INTEGER, Role.COUNT)
                .number("consistency", Role.ESTIMATE, 3).number("ciLow", Role.CI_LOWER, 3)
                .number("ciHigh", Role.CI_UPPER, 3).number("observed", Role.OTHER, 3)
                .number("reliability", Role.PARAMETER, 3).column("family", ColumnType.TEXT, Role.LABEL)
                .column("items", ColumnType.INTEGER, Role.COUNT).column("generations", ColumnType.INTEGER, Role.COUNT)
                .column("resamples", ColumnType.INTEGER, Role.COUNT)
                .column("undefinedResamples", ColumnType.INTEGER, Role.COUNT);
        for (LanguageConsistencyRow r : rows) {
            t.row(r.model(), r.languages(), r.kind().jsonName(), r.pairs(), r.consistency(), r.ciLow(), r.ciHigh(),
                    r.observed(), r.reliability(), r.family(), r.items(), r.generations(), r.resamples(),
                    r.undefinedResamples());
        }
        return t.build();
    }

    /**
     * The differences as a table, the columns named as the fields of
     * {@link LanguageConsistencyDifference}: {@code model, languages} (the key), {@code within, between,
     * difference, ciLow, ciHigh, p, pTwoSided, nullDifference, items, withinPairs, betweenPairs, family, resamples,
     * undefinedResamples, permutations, undefinedPermutations}. What {@code pluralstats align --table
     * language-difference} prints and the report's {@code alignment-language-difference} table.
     *
     * @return the table
     */
    public ResultTable differenceTable() {
        ResultTable.Builder t = describe("Model self-consistency: within minus between prompt languages")
                .meta("test", "permutation of the language labels among the generations of each item; p: within > "
                        + "between, (1 + #{D* >= D}) / (1 + permutations); " + permutations + " permutations")
                .column("model", ColumnType.TEXT, Role.KEY).column("languages", ColumnType.TEXT, Role.KEY)
                .number("within", Role.ESTIMATE, 3).number("between", Role.ESTIMATE, 3)
                .number("difference", Role.ESTIMATE, 3).number("ciLow", Role.CI_LOWER, 3)
                .number("ciHigh", Role.CI_UPPER, 3).number("p", Role.P_VALUE, 4).number("pTwoSided", Role.P_VALUE, 4)
                .number("nullDifference", Role.OTHER, 3)
                .column("items", ColumnType.INTEGER, Role.COUNT).column("withinPairs", ColumnType.INTEGER, Role.COUNT)
                .column("betweenPairs", ColumnType.INTEGER, Role.COUNT).column("family", ColumnType.TEXT, Role.LABEL)
                .column("resamples", ColumnType.INTEGER, Role.COUNT)
                .column("undefinedResamples", ColumnType.INTEGER, Role.COUNT)
                .column("permutations", ColumnType.INTEGER, Role.COUNT)
                .column("undefinedPermutations", ColumnType.INTEGER, Role.COUNT);
        for (LanguageConsistencyDifference d : differences) {
            t.row(d.model(), d.languages(), d.within(), d.between(), d.difference(), d.ciLow(), d.ciHigh(), d.p(),
                    d.pTwoSided(), d.nullDifference(), d.items(), d.withinPairs(), d.betweenPairs(), d.family(), d.resamples(),
                    d.undefinedResamples(), d.permutations(), d.undefinedPermutations());
        }
        return t.build();
    }

    private ResultTable.Builder describe(String title) {
        return bootstrap.describe(ResultTable.builder(title).meta(ResultTable.METHOD,
                "Spearman over ordered pairs of different generations of the same model and item, in the same prompt "
                        + "language (within) or in different ones (between), divided by the reliability "
                        + reliability + "; percentile bootstrap of the items"));
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }
}
