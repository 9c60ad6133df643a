package org.pluralstats.data;

import java.util.Optional;

/**
 * Why a response is missing. Survey files distinguish these; estimators drop them all, but reports
 * count them separately.
 */
public enum MissingReason {
    /** The respondent left an optional question empty (Google Forms: empty cell). */
    SKIPPED,
    /** "Don't know" (WVS/EVS code -1). */
    DONT_KNOW,
    /** "No answer" / refused (WVS/EVS code -2). */
    NO_ANSWER,
    /** "Not applicable" (WVS/EVS code -3). */
    NOT_APPLICABLE,
    /** The question was not asked in this country or wave (WVS/EVS code -4). */
    NOT_ASKED,
    /** "Missing; unknown" (WVS/EVS code -5). */
    UNKNOWN,
    /** A value the file declares user-missing (SPSS missing values, Stata {@code .a}-{@code .z}). */
    USER_MISSING,
    /** System-missing (SPSS sysmis, Stata {@code .}, an empty numeric cell). */
    SYSTEM_MISSING,
    /** A value that could not be used (outside the scale, unknown option) and was kept as missing. */
    INVALID;

    /**
     * Maps the WVS/EVS negative missing codes to reasons: -1 don't know, -2 no answer,
     * -3 not applicable, -4 not asked, -5 missing/unknown (WVS Wave 7 codebook; EVS/WVS joint file).
     *
     * @param code a numeric cell value
     * @return the reason, or empty when the code is not one of -1 to -5
     */
    public static Optional<MissingReason> ofWvsCode(double code) {
        if (code == -1) {
            return Optional.of(DONT_KNOW);
        } else if (code == -2) {
            return Optional.of(NO_ANSWER);
        } else if (code == -3) {
            return Optional.of(NOT_APPLICABLE);
        } else if (code == -4) {
            return Optional.of(NOT_ASKED);
        } else if (code == -5) {
            return Optional.of(UNKNOWN);
        }
        return Optional.empty();
    }

    /** @return the lower-case name used in JSON output, e.g. {@code dont_know} */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
