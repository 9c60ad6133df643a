package org.pluralstats.io.spss;

import java.nio.charset.Charset;
import org.pluralstats.io.FileDictionary;

/**
 * Everything the case decoder needs from a parsed dictionary: the public {@link FileDictionary}, and
 * for each 8-byte element of a case, which variable it belongs to and where its bytes go.
 */
final class SpssLayout {
    FileDictionary dictionary;
    Charset charset;
    /** Whether the file names its encoding (record 7.20, or a known code page in record 7.3). */
    boolean charsetDeclared;
    boolean bigEndian;
    /** 0 none, 1 bytecode, 2 zlib-compressed bytecode. */
    int compression;
    double bias;
    /** Declared case count, or -1. */
    long cases;

    /** Number of 8-byte elements in a case. */
    int elements;
    /** Per element: index of the (merged) variable it belongs to. */
    int[] elementVariable;
    /** Per element: whether it holds a number. */
    boolean[] elementNumeric;
    /** Per string element: destination offset in the variable's value. */
    int[] elementTarget;
    /** Per string element: how many of its 8 bytes belong to the value (0-8). */
    int[] elementCopy;
    /** Per variable: width in bytes, 0 for numeric. */
    int[] widths;

    /** File offset where the case data (or for ZSAV, the ZLIB data header) starts. */
    long dataOffset;
    long zheaderOffset = -1;
    long ztrailerOffset = -1;
    long ztrailerLength = -1;
    /** What the dictionary parser noticed and worked around (in file order). */
    final java.util.List<org.pluralstats.io.ReadWarning> warnings = new java.util.ArrayList<>();
}
