package org.pluralstats;

/**
 * Root of the library's unchecked exceptions. Every error the library raises on bad input or bad
 * arguments is one of these, with a message that a user can act on without a stack trace. A message
 * is one line: control characters in it (from names or labels read from a file) are escaped by
 * {@link SafeText#escapeControls(String)}.
 */
public class PluralstatsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the input and the place */
    public PluralstatsException(String message) {
        super(SafeText.escapeControls(message));
    }

    /**
     * @param message what went wrong, naming the input and the place
     * @param cause the underlying error
     */
    public PluralstatsException(String message, Throwable cause) {
        super(SafeText.escapeControls(message), cause);
    }
}
