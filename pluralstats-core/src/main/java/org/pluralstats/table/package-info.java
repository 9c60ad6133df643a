/**
 * Results as tables: {@link org.pluralstats.table.ResultTable} is the one shape every analysis result
 * takes for people and files — a title, ordered typed {@link org.pluralstats.table.Column}s with a
 * {@link org.pluralstats.table.Role} (key, estimate, SE, interval bound, count, p-value, label …), rows,
 * and metadata (method, weights, confidence level, seed). A result implements
 * {@link org.pluralstats.table.TabularResult} and maps itself to a table once, beside the result; the
 * writers of {@code org.pluralstats.report} turn any table into Markdown, CSV, JSON and HTML, so the CLI,
 * the report and JShell show the same table for the same result. This package uses nothing else in the
 * project.
 *
 * <p><b>Undefined numbers.</b> A number is a {@code double}; {@code NaN} (or an infinity) means
 * "undefined" and is written as {@code null} in JSON, an empty cell in CSV and {@code –} in Markdown,
 * HTML and {@link org.pluralstats.table.ResultTable#toString()}.
 */
package org.pluralstats.table;
