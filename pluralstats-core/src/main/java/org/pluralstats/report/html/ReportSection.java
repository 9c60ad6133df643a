package org.pluralstats.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * One analysis in the HTML report: a heading and its blocks (paragraphs, charts, tables) in order.
 * Every analysis contributes its own sections — the Google Forms comparison, value polarity scores,
 * and (when their packages are present) alignment per model × language, US-vs-local bias and
 * distribution similarity — so a new analysis plugs in by building a section and adding it to the
 * {@link HtmlReport}.
 *
 * <pre>{@code
 * ReportSection s = ReportSection.builder("scores", "Value polarity scores")
 *         .paragraph("Eq. 1 per country and item.")
 *         .figure("scores-by-country", svg, "Scores with logit 95% CIs.")
 *         .table(table)
 *         .build();
 * }</pre>
 */
public interface ReportSection {

    /** @return a file-name-safe identifier, unique in the report (the page anchor) */
    String id();

    /** @return the heading */
    String title();

    /** @return the content, in reading order */
    List<ReportBlock> blocks();

    /** @return the section's figures */
    default List<ReportBlock.Figure> figures() {
        List<ReportBlock.Figure> out = new ArrayList<>();
        for (ReportBlock b : blocks()) {
            if (b instanceof ReportBlock.Figure f) {
                out.add(f);
            }
        }
        return out;
    }

    /** @return the section's tables */
    default List<ReportTable> tables() {
        List<ReportTable> out = new ArrayList<>();
        for (ReportBlock b : blocks()) {
            if (b instanceof ReportTable t) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * @param id the section's identifier
     * @param title its heading
     * @return a builder of an immutable section
     */
    static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /** Builds an immutable {@link ReportSection}. */
    final class Builder {
        private final String id;
        private final String title;
        private final List<ReportBlock> blocks = new ArrayList<>();

        private Builder(String id, String title) {
            ReportTable.checkId(id);
            this.id = id;
            this.title = title;
        }

        /** @param text a paragraph of plain text @return this */
        public Builder paragraph(String text) {
            blocks.add(new ReportBlock.Paragraph(text));
            return this;
        }

        /**
         * @param figureId the figure's identifier
         * @param svg the chart
         * @param caption its caption
         * @return this
         */
        public Builder figure(String figureId, String svg, String caption) {
            blocks.add(new ReportBlock.Figure(figureId, svg, caption));
            return this;
        }

        /**
         * A chart, unless its input is degenerate ({@link org.pluralstats.report.svg.Chart#degenerate()}: constant
         * or undefined): then the figure's place shows the chart's title and "Not drawn: " with the reason
         * ({@link ReportBlock.NotDrawn}). The one place the report decides whether a chart is worth drawing.
         *
         * @param figureId the figure's identifier
         * @param chart the configured chart, rendered only when it is drawn
         * @param caption its caption
         * @return this
         */
        public Builder chart(String figureId, org.pluralstats.report.svg.Chart chart, String caption) {
            return chart(figureId, chart, caption, why -> "the chart would show nothing: " + why + ".");
        }

        /**
         * As {@link #chart(String, org.pluralstats.report.svg.Chart, String)}, with the reason put in the reader's
         * terms.
         *
         * @param figureId the figure's identifier
         * @param chart the configured chart
         * @param caption its caption
         * @param explain turns {@link org.pluralstats.report.svg.Chart#degenerate()}'s clause into the one sentence
         *     the page shows ("every respondent has weight 1 (--weight none), so …")
         * @return this
         */
        public Builder chart(String figureId, org.pluralstats.report.svg.Chart chart, String caption,
                             java.util.function.UnaryOperator<String> explain) {
            java.util.Optional<String> why = chart.degenerate();
            if (why.isPresent()) {
                blocks.add(new ReportBlock.NotDrawn(figureId, chart.title(), explain.apply(why.get())));
            } else {
                blocks.add(new ReportBlock.Figure(figureId, chart.render(), caption));
            }
            return this;
        }

        /** @param table a table @return this */
        public Builder table(ReportTable table) {
            blocks.add(table);
            return this;
        }

        /** @return the section */
        public ReportSection build() {
            record Section(String id, String title, List<ReportBlock> blocks) implements ReportSection {
            }
            return new Section(id, title, List.copyOf(blocks));
        }
    }
}
