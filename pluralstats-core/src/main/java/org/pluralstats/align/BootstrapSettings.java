package org.pluralstats.align;

import org.pluralstats.table.ResultTable;

/**
 * The percentile bootstrap behind a result's intervals, as its table's metadata states it.
 *
 * @param resamples resamples drawn, 0 for no intervals
 * @param seed the seed of the random streams
 * @param confidence the confidence level of the intervals
 */
public record BootstrapSettings(int resamples, long seed, double confidence) {
    /**
     * @param t a table builder
     * @return the builder with {@code bootstrap resamples}, {@link ResultTable#SEED} and
     *     {@link ResultTable#CONFIDENCE_LEVEL} in its metadata
     */
    ResultTable.Builder describe(ResultTable.Builder t) {
        return t.meta("bootstrap resamples", Integer.toString(resamples)).meta(ResultTable.SEED, Long.toString(seed))
                .meta(ResultTable.CONFIDENCE_LEVEL, Double.toString(confidence));
    }
}
