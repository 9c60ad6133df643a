package org.pluralstats.data;

import java.util.List;

/**
 * One respondent's answer to one item. A closed family: switch over it exhaustively.
 */
public sealed interface Response
        permits Response.ScalePoint, Response.Numeric, Response.Choice, Response.MultiChoice, Response.Text,
        Response.Missing {

    /** @return whether this is a {@link Missing} response */
    default boolean isMissing() {
        return this instanceof Missing;
    }

    /**
     * A point on the item's scale.
     *
     * @param value the point
     */
    record ScalePoint(int value) implements Response {
    }

    /**
     * A measured number (or a code without a scale).
     *
     * @param value the number, never NaN
     */
    record Numeric(double value) implements Response {
    }

    /**
     * One option chosen.
     *
     * @param option the option text or code
     */
    record Choice(String option) implements Response {
    }

    /**
     * The options ticked on a checkbox question (possibly none, if the respondent answered "none").
     *
     * @param options the options in the item's order
     */
    record MultiChoice(List<String> options) implements Response {
        /** Copies the options. */
        public MultiChoice {
            options = List.copyOf(options);
        }
    }

    /**
     * A free-text answer.
     *
     * @param text the text as entered
     */
    record Text(String text) implements Response {
    }

    /**
     * No usable answer.
     *
     * @param reason why
     */
    record Missing(MissingReason reason) implements Response {
    }
}
