package org.pluralstats.data;

import java.util.Optional;

/**
 * All respondents' answers to one item, stored column-wise in primitive arrays. Rows are indexed
 * {@code 0..size()-1} in file order.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, MultiChoiceColumn, TextColumn {

    /** @return the item this column answers */
    Item item();

    /** @return the number of rows (respondents) */
    int size();

    /**
     * @param row row index
     * @return whether the row has no usable answer
     */
    boolean isMissing(int row);

    /**
     * @param row row index
     * @return why the row is missing, or empty when it was answered
     */
    Optional<MissingReason> missingReason(int row);

    /** @return the number of missing rows */
    int missingCount();

    /**
     * The typed answer of one row (allocates; use the primitive accessors of the concrete column in
     * loops over many rows).
     *
     * @param row row index
     * @return the response
     */
    Response get(int row);
}
