package org.pluralstats.io;

import java.util.Objects;
import org.pluralstats.SafeText;

/**
 * Something a reader noticed and worked around while reading a file exactly as the reference readers
 * do, but that the user must hear about: data past the declared case count, a field decoded with a
 * fallback code page, and so on. A warning never hides a changed value; values a reader cannot read
 * exactly are a {@link org.pluralstats.SurveyFormatException} instead.
 *
 * @param file the file (or source name)
 * @param place where in the file (e.g. {@code "case 57, variable Q1"} or {@code "byte 1234"}); empty
 *     when the warning is about the whole file
 * @param message what was noticed and what the reader did, one line
 */
public record ReadWarning(String file, String place, String message) {
    /** Checks the parts are present. */
    public ReadWarning {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(message, "message");
    }

    /**
     * @return {@code file: place: message} on one line, with control characters escaped and e-mail
     *     addresses in the place and message masked ({@link SafeText})
     */
    @Override
    public String toString() {
        String f = SafeText.escapeControls(file);
        return place.isEmpty() ? f + ": " + SafeText.forDisplay(message)
                : f + ": " + SafeText.forDisplay(place) + ": " + SafeText.forDisplay(message);
    }
}
