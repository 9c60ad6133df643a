/**
 * The HTML report: {@link org.pluralstats.report.html.HtmlReport} assembles
 * {@link org.pluralstats.report.html.ReportSection}s — one or more per analysis — of paragraphs, SVG
 * figures and {@link org.pluralstats.report.html.ReportTable}s into one self-contained page, and writes
 * the tables beside it as CSV and JSON. An analysis plugs in by building its sections; the page needs
 * no network and no script.
 */
package org.pluralstats.report.html;
