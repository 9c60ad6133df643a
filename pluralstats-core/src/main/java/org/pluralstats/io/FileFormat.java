package org.pluralstats.io;

import java.util.Locale;

/** The data file formats pluralstats reads. */
public enum FileFormat {
    /** SPSS system file, uncompressed or bytecode-compressed ({@code $FL2}). */
    SAV,
    /** SPSS system file with zlib-compressed data ({@code $FL3}, {@code .zsav}). */
    ZSAV,
    /** SPSS portable file ({@code .por}), the text format of SPSS {@code EXPORT}. */
    POR,
    /** Stata data file, releases 102-105, 108, 110, 111, 113-115 and 117-119. */
    DTA,
    /** Comma- or semicolon-separated text with a header of variable names. */
    CSV;

    /** @return the lower-case name used in JSON output */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
