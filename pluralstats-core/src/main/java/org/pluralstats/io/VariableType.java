package org.pluralstats.io;

/** Storage type of a file variable. */
public enum VariableType {
    /** A number (SPSS numeric; Stata byte/int/long/float/double). */
    NUMERIC,
    /** A string (SPSS A-format; Stata str# and strL). */
    STRING
}
