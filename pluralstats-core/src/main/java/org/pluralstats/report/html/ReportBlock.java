package org.pluralstats.report.html;

/**
 * One piece of a {@link ReportSection}, in reading order: a paragraph, a figure (an SVG chart), a chart
 * left out because its input is constant ({@link NotDrawn}), or a table ({@link ReportTable}, also
 * written as CSV and JSON beside the page).
 */
public sealed interface ReportBlock permits ReportBlock.Paragraph, ReportBlock.Figure, ReportBlock.NotDrawn, ReportTable {

    /**
     * A paragraph of plain text (escaped when written; no markup).
     *
     * @param text the text
     */
    record Paragraph(String text) implements ReportBlock {
    }

    /**
     * A chart with a caption. Written inline in the page and as {@code figures/ID.svg}.
     *
     * @param id a file-name-safe identifier, unique in the report ({@code pilot-means})
     * @param svg a complete {@code <svg>} element (from {@code org.pluralstats.report.svg})
     * @param caption what the chart shows and how it was computed (plain text)
     */
    record Figure(String id, String svg, String caption) implements ReportBlock {
        /** Checks the id. */
        public Figure {
            ReportTable.checkId(id);
        }
    }

    /**
     * A chart that would show nothing (its input is constant or undefined: the effective sample size of
     * unweighted data, every value the same): the page shows its title and one sentence saying why in the
     * figure's place, and no SVG file is written.
     *
     * @param id the figure identifier it would have had (the page anchor {@code figure-ID})
     * @param title the chart's title
     * @param reason one sentence, without the leading "Not drawn: "
     */
    record NotDrawn(String id, String title, String reason) implements ReportBlock {
        /** Checks the id. */
        public NotDrawn {
            ReportTable.checkId(id);
        }
    }
}
