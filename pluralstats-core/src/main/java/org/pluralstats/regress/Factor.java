package org.pluralstats.regress;

import java.util.Objects;

/**
 * One factor of a formula term: a data column, used as it is ({@code x}), forced to be categorical
 * ({@code C(x)}), or named by a quoted string ({@code Q("a b")}, for names that are not identifiers).
 *
 * <p>Whether a plain factor is numeric or categorical is decided by its column: numbers are numeric,
 * text and booleans are categorical (patsy's rule). {@link #name()} is the factor's text as patsy
 * writes it in coefficient names ({@code language}, {@code C(year)}, {@code Q("a b")}).
 *
 * @param name the factor as written in coefficient names
 * @param column the data column it reads
 * @param forceCategorical {@code true} for {@code C(column)}
 */
public record Factor(String name, String column, boolean forceCategorical) {
    /** Checks the components are present. */
    public Factor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(column, "column");
    }

    @Override
    public String toString() {
        return name;
    }
}
