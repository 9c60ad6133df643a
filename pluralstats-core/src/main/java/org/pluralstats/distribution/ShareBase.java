package org.pluralstats.distribution;

/** What a share is a share of. */
public enum ShareBase {
    /** A valid option's share among the population's respondents with a valid answer (these sum to 1). */
    VALID,
    /** A missing reason's share among all of the population's respondents (don't know, no answer, ...). */
    ALL;

    /** @return the lower-case name used in the output, {@code valid} or {@code all} */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
