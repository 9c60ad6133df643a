package org.pluralstats.distribution;

import java.util.List;

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
public record DistributionTable(List<OptionShare> rows, List<String> by, String weight, String design, String interval) {
    /** Copies the lists. */
    public DistributionTable {
        rows = List.copyOf(rows);
        by = List.copyOf(by);
    }
}
