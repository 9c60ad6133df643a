package org.pluralstats.report.svg;

import java.util.Optional;

/**
 * A configured chart, ready to render: what a report section needs to decide whether it is worth
 * drawing ({@link #degenerate()}) before drawing it. Implemented by the builders of {@link IntervalChart},
 * {@link DotPlot} and {@link HeatMap}.
 */
public interface Chart {
    /** @return the chart's title */
    String title();

    /**
     * @return why the chart would show nothing a reader can use (a clause completing "Not drawn: "), or
     *     empty when it is worth drawing; see {@link SeriesData#degenerate()}
     */
    Optional<String> degenerate();

    /** @return the SVG of the chart */
    String render();
}
