/**
 * SVG charts written without any charting dependency: {@link org.pluralstats.report.svg.IntervalChart}
 * (bars or points with error bars, categories × series), {@link org.pluralstats.report.svg.DotPlot}
 * (horizontal dot plot with whiskers, for many categories or long labels) and
 * {@link org.pluralstats.report.svg.HeatMap} (a matrix on a diverging scale). Each renders a complete
 * {@code <svg>} element that works inline in HTML or as a file; titles, axis titles and legends are
 * part of the drawing, every text is XML-escaped, and labels in Arabic, Persian and Chinese are set
 * in a font stack that covers those scripts, right-to-left ones with {@code direction="rtl"}.
 */
package org.pluralstats.report.svg;
