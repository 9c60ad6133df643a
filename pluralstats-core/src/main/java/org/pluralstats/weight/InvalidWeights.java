package org.pluralstats.weight;

/** What to do with respondents whose weight is negative, zero, NaN, infinite or missing. */
public enum InvalidWeights {
    /** Stop with an error naming the respondent and the variable. */
    FAIL,
    /** Leave the respondent out of every estimate and count the exclusion. */
    EXCLUDE
}
