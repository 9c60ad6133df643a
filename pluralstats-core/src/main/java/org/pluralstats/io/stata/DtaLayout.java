package org.pluralstats.io.stata;

import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pluralstats.io.ReadWarning;

/** Everything {@link DtaParser} learns about a file before its data: dictionary and positions. */
final class DtaLayout {
    int release;
    ByteOrder order;
    Charset charset;
    /** Number of variables. */
    int k;
    /** Number of observations read: the header's, or more when the data hold more (with a warning). */
    long n;
    /** What the parser noticed and worked around. */
    final List<ReadWarning> warnings = new ArrayList<>();
    String dataLabel = "";
    StataStorageType[] types;
    /** Bytes per value; for str# the declared length, for strL 8. */
    int[] widths;
    /** Byte offset of each variable within a row. */
    int[] offsets;
    int rowWidth;
    String[] names;
    String[] formats;
    String[] labelNames;
    String[] labels;
    /** File offset of the first observation. */
    long dataStart;
    /** File offsets of the first GSO and of {@code </strls>} (release 117+; both 0 before). */
    long strlsStart;
    long strlsEnd;
    /** Number of GSO records found in {@code <strls>}. */
    long gsoCount;
    /** Tables named by at least one variable, by name. */
    Map<String, ValueLabelTable> tables;

    boolean xml() {
        return release >= 117;
    }

    /** @return whether the release has the extended missing values .a-.z (113 and later) */
    boolean extendedMissing() {
        return release >= 113;
    }

    /** @return bytes of the GSO {@code o} field: 4 in release 117, 8 later */
    int gsoOLength() {
        return release == 117 ? 4 : 8;
    }
}
