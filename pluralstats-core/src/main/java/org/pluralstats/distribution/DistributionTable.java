package org.pluralstats.distribution;

import java.util.List;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * Answer distributions per population × question, in population order (first appearance in the data),
 * then question order, then option order (valid options, then missing reasons).
 *
 * @param rows the rows
 * @param by the columns whose values (or intersection of values) define the populations
 * @param weight the weight expression ({@code W_WEIGHT}, {@code none})
 * @param design how the standard errors were computed: {@link AnswerDistributions#DESIGN}
 * @param interval how the intervals were computed: {@link AnswerDistributions#INTERVAL}
 */
public record DistributionTable(List<OptionShare> rows, List<String> by, String weight, String design, String interval)
        implements TabularResult {
    /** The columns of {@link #table()}, in order: the long format of the CLI's CSV and JSON. */
    public static final List<String> FIELDS = List.of("population", "question", "base", "option_code", "option_label",
            "share", "se", "ci_lower", "ci_upper", "n", "count", "n_eff");

    /** Copies the lists. */
    public DistributionTable {
        rows = List.copyOf(rows);
        by = List.copyOf(by);
    }

    /**
     * The long format: one row per population × question × option, the valid options ({@code base =
     * valid}, shares over the respondents with a valid answer, summing to 1) followed by the missing
     * reasons ({@code base = all}, shares over all respondents, the reason's name as option code); the
     * populations, weight, design and interval as metadata.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = ResultTable.builder("Answer distributions per population × question")
                .meta("populations by", String.join(" × ", by)).meta(ResultTable.WEIGHTS, weight)
                .meta("design", design).meta(ResultTable.METHOD, interval)
                .meta(ResultTable.CONFIDENCE_LEVEL, "0.95")
                .column(FIELDS.get(0), ColumnType.TEXT, Role.KEY).column(FIELDS.get(1), ColumnType.TEXT, Role.KEY)
                .column(FIELDS.get(2), ColumnType.TEXT, Role.KEY).column(FIELDS.get(3), ColumnType.TEXT, Role.KEY)
                .column(FIELDS.get(4), ColumnType.TEXT, Role.LABEL).number(FIELDS.get(5), Role.ESTIMATE, 4)
                .number(FIELDS.get(6), Role.SE, 4).number(FIELDS.get(7), Role.CI_LOWER, 4)
                .number(FIELDS.get(8), Role.CI_UPPER, 4).column(FIELDS.get(9), ColumnType.INTEGER, Role.COUNT)
                .column(FIELDS.get(10), ColumnType.INTEGER, Role.COUNT).number(FIELDS.get(11), Role.WEIGHT, 1);
        for (OptionShare s : rows) {
            t.row(s.population(), s.question(), s.base().jsonName(), s.code(), s.label(), s.share(), s.se(),
                    ConfidenceInterval.lower(s.interval()), ConfidenceInterval.upper(s.interval()), s.n(), s.count(),
                    s.nEff());
        }
        return t.build();
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }
}
