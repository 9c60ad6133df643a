package org.pluralstats.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text of files that declare UTF-8 but hold a few bytes of another code page (a Latin-1 "é" typed into a
 * UTF-8 SPSS or Stata 118 file). Decoding such bytes as UTF-8 would silently turn them into U+FFFD; the
 * readers decode the offending value as windows-1252 instead (the superset of Latin-1 that SPSS, Stata
 * and Excel use for Western text) and warn once per variable.
 */
public final class Utf8Text {
    /** The code page a value that is not valid UTF-8 is decoded with. */
    public static final Charset FALLBACK = Charset.forName("windows-1252");

    private Utf8Text() {
    }

    /**
     * @param b bytes
     * @param offset the first byte
     * @param length how many bytes
     * @return whether they are well-formed UTF-8 (RFC 3629: no overlong forms, surrogates or code points
     *     above U+10FFFF)
     */
    public static boolean isValid(byte[] b, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (b[i] < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, offset, length));
                    return true;
                } catch (CharacterCodingException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Decodes bytes of a file declared UTF-8.
     *
     * @param b bytes
     * @param offset the first byte
     * @param length how many bytes
     * @return the text as UTF-8, or {@code null} when the bytes are not valid UTF-8 (decode them with
     *     {@link #FALLBACK} and warn)
     */
    public static String decodeOrNull(byte[] b, int offset, int length) {
        String s = new String(b, offset, length, StandardCharsets.UTF_8);
        return s.indexOf('\uFFFD') >= 0 && !isValid(b, offset, length) ? null : s;
    }
}
