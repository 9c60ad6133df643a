package org.pluralstats.regress;

import org.pluralstats.PluralstatsException;

/**
 * A formula, a data set or a design that cannot be fitted: a syntax error in the formula, a column
 * the data does not have, a categorical variable with one level, a singular design, a group with one
 * observation, text in a numeric term. The message names the formula position, column, row or design
 * columns involved.
 */
public final class RegressionException extends PluralstatsException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the term, column or row */
    public RegressionException(String message) {
        super(message);
    }
}
