package org.pluralstats.weight;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pluralstats.table.Column;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * Value polarity scores of one pass for one or several groupings ({@code vps --by B_COUNTRY_ALPHA
 * --by LNGE_ISO --by global}): a {@link ScoreTable} per grouping, and the respondents left out for an
 * invalid weight, by reason. Immutable.
 */
public final class GroupedScores implements TabularResult {
    private final Map<String, ScoreTable> tables;
    private final Map<String, Integer> exclusionReasons;
    private final String weightExpression;

    GroupedScores(Map<String, ScoreTable> tables, Map<String, Integer> exclusionReasons, String weightExpression) {
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.weightExpression = weightExpression;
        this.exclusionReasons = Collections.unmodifiableMap(new LinkedHashMap<>(exclusionReasons));
    }

    /** @return the score table of each grouping, keyed by the grouping as described ({@link PopulationSpec#describe()}), in order */
    public Map<String, ScoreTable> byGrouping() {
        return tables;
    }

    /** @return the groupings, in order */
    public List<String> groupings() {
        return List.copyOf(tables.keySet());
    }

    /**
     * @return the one grouping's table
     * @throws IllegalStateException when there are several groupings
     */
    public ScoreTable only() {
        if (tables.size() != 1) {
            throw new IllegalStateException(tables.size() + " groupings, not one");
        }
        return tables.values().iterator().next();
    }

    /** @return respondents in some population left out for an invalid weight, by reason ("zero weight", …) */
    public Map<String, Integer> exclusionReasons() {
        return exclusionReasons;
    }

    /** @return the weight columns multiplied ({@code W_WEIGHT}, {@code gwght*pwght}), {@code 1} unweighted */
    public String weightExpression() {
        return weightExpression;
    }

    /** @return the number of respondents left out for an invalid weight */
    public int excludedTotal() {
        return exclusionReasons.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * With one grouping, that grouping's {@link ScoreTable#table()}; with several, the same columns
     * after a leading {@code grouping} key (the {@code --by} as given), groupings in order.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        if (tables.size() == 1) {
            return only().table();
        }
        ResultTable.Builder t = null;
        for (Map.Entry<String, ScoreTable> e : tables.entrySet()) {
            ResultTable one = e.getValue().table();
            if (t == null) {
                t = ResultTable.builder(one.title() + ", " + tables.size() + " groupings");
                one.metadata().forEach(t::meta);
                t.column("grouping", ColumnType.TEXT, Role.KEY);
                for (Column c : one.columns()) {
                    t.column(c);
                }
            }
            for (int r = 0; r < one.rows(); r++) {
                Object[] cells = new Object[one.columns().size() + 1];
                cells[0] = e.getKey();
                for (int c = 0; c < one.columns().size(); c++) {
                    cells[c + 1] = one.cell(r, c);
                }
                t.row(cells);
            }
        }
        return t.build();
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }
}
