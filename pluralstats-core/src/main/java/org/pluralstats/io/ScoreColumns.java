package org.pluralstats.io;

import java.util.List;
import java.util.Optional;

/**
 * The columns of one value-polarity scoring job in a file, as the parallel scans of a delimited file
 * ({@code io.csv.CsvScores}) and of a Stata file ({@code io.stata.DtaScores}) take them from
 * {@link StreamedScores}.
 *
 * @param items the items, in the order of the pass's item indexes
 * @param weights the weight factors, multiplied (empty: unweighted)
 * @param groupings per grouping, its column, or empty for {@code global}
 * @param wvsMissingCodes whether the WVS/EVS codes -1..-5 are missing
 * @param invalidWeightsAreErrors whether an unusable weight stops the scan (the sequential reader then words the error)
 */
public record ScoreColumns(List<Variable> items, List<Variable> weights, List<Optional<Variable>> groupings,
                           boolean wvsMissingCodes, boolean invalidWeightsAreErrors) {
}
