/** Tables (Markdown, CSV, JSON), charts and the HTML report, built from the library's results. */
package org.pluralstats.report;
