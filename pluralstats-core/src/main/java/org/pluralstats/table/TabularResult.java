package org.pluralstats.table;

/**
 * A result that shows itself as a {@link ResultTable}. Implementations map themselves to their table
 * once, beside the result, and return {@code table().toString()} from {@code toString()} so that JShell
 * shows the table's head.
 */
public interface TabularResult {
    /** @return this result as a table */
    ResultTable table();
}
