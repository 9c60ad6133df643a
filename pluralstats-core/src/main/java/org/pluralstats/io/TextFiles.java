package org.pluralstats.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.pluralstats.SurveyFormatException;

/**
 * Small UTF-8 text inputs (score tables, mappings, distributions, analysis files, margins, item codings) read
 * whole, up to {@value #MAX_BYTES} bytes: a larger file is refused before it is read, with a message naming the
 * limit and the file's size, instead of filling the memory.
 */
public final class TextFiles {
    /** The largest side file read whole: 64 MiB. */
    public static final long MAX_BYTES = 64L << 20;

    private TextFiles() {
    }

    /**
     * Reads a UTF-8 text file of at most {@link #MAX_BYTES} bytes, without a leading byte-order mark.
     *
     * @param file the file
     * @return its text
     * @throws SurveyFormatException naming the file when it is missing, unreadable, larger than the limit or
     *     not UTF-8
     */
    public static String readUtf8(Path file) {
        return readUtf8(file, MAX_BYTES);
    }

    /**
     * Reads a UTF-8 text file of at most {@code maxBytes} bytes, without a leading byte-order mark.
     *
     * @param file the file
     * @param maxBytes the largest file read
     * @return its text
     * @throws SurveyFormatException naming the file when it is missing, unreadable, larger than the limit
     *     (the message gives both sizes) or not UTF-8 (the message gives the byte offset)
     */
    public static String readUtf8(Path file, long maxBytes) {
        String name = file.toString();
        byte[] bytes = InputFiles.readAllBytes(file, maxBytes, "a text input");
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) {
            r = d.flush(out);
        }
        if (r.isError()) {
            throw SurveyFormatException.in(name).byteOffset(in.position()).problem("the text is not valid UTF-8")
                    .found(String.format(Locale.ROOT, "byte 0x%02X", bytes[in.position()] & 0xFF))
                    .expected("UTF-8 text").build();
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
