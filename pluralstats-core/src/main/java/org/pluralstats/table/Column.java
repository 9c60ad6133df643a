package org.pluralstats.table;

import java.util.Objects;

/**
 * A column of a {@link ResultTable}.
 *
 * @param name the header, also the CSV header and the JSON field name (letters, digits and {@code _}
 *     are safest; any non-blank text is allowed)
 * @param type what the cells hold
 * @param role what the column means
 * @param decimals decimals shown to people (Markdown, HTML, {@code toString}) for {@link ColumnType#NUMBER}
 *     columns; CSV and JSON always write numbers exactly. Ignored for other types.
 */
public record Column(String name, ColumnType type, Role role, int decimals) {
    /** The decimals shown for a number column unless told otherwise. */
    public static final int DEFAULT_DECIMALS = 4;

    /**
     * @param name the header
     * @param type what the cells hold
     * @param role what the column means
     * @param decimals decimals shown to people
     */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a column needs a name");
        }
        if (decimals < 0 || decimals > 17) {
            throw new IllegalArgumentException("column " + name + ": decimals " + decimals + " not in 0..17");
        }
    }

    /**
     * @param name the header
     * @param type what the cells hold
     * @param role what the column means
     * @return a column showing {@link #DEFAULT_DECIMALS} decimals
     */
    public static Column of(String name, ColumnType type, Role role) {
        return new Column(name, type, role, DEFAULT_DECIMALS);
    }

    /** @return whether the cells are numbers (integer, number or p-value), right-aligned for people */
    public boolean numeric() {
        return type == ColumnType.INTEGER || type == ColumnType.NUMBER || type == ColumnType.P_VALUE;
    }
}
