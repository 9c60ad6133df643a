package org.pluralstats.table;

/** What the cells of a {@link Column} hold, which decides how writers print them. */
public enum ColumnType {
    /** Text ({@link String}); written as it is, quoted and neutralised as each format requires. */
    TEXT,
    /** A whole number ({@code long}); {@code null} cell when undefined. */
    INTEGER,
    /** A real number ({@code double}); {@code NaN} when undefined. */
    NUMBER,
    /** A p-value ({@code double} in [0, 1]); shown as {@code <0.0001} for readers when below 10⁻⁴. */
    P_VALUE,
    /** Yes or no ({@code boolean}); JSON {@code true}/{@code false}, text {@code true}/{@code false}. */
    BOOLEAN
}
