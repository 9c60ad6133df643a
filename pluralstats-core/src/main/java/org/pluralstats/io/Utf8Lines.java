package org.pluralstats.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.pluralstats.SurveyFormatException;

/**
 * The lines of a UTF-8 text stream, read one at a time: a file of any length is read in memory
 * proportional to its longest line, never whole.
 *
 * <p>A line ends at {@code \n}, {@code \r\n} or a lone {@code \r} (as {@link java.io.BufferedReader#readLine()}
 * splits); a byte-order mark at the start is dropped. Each line is decoded strictly: a byte sequence that is not
 * UTF-8 is an error naming the line, the character column and the byte offset in the file (a replacing
 * decoder would silently turn it into U+FFFD). A line longer than the limit is refused with its line number
 * as soon as the limit is passed, before more of it is read. Not thread-safe; the caller closes the stream.
 */
public final class Utf8Lines {
    /** The default limit on one line: 16 MiB of UTF-8. */
    public static final int DEFAULT_MAX_LINE_BYTES = 16 << 20;

    private final String source;
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[1 << 10];
    private CharBuffer chars = CharBuffer.allocate(1 << 10);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private long offset;
    private long lineOffset;
    private long lineNumber;
    private String terminator = "";
    private boolean eof;

    /**
     * @param source the file name for messages
     * @param in the bytes (not closed here)
     * @param maxLineBytes the longest line accepted, in bytes without its terminator
     */
    public Utf8Lines(String source, InputStream in, int maxLineBytes) {
        if (maxLineBytes < 1 || maxLineBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("line limit out of range: " + maxLineBytes);
        }
        this.source = source;
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Reads the next line.
     *
     * @return the line without its terminator, or {@code null} after the last line
     * @throws SurveyFormatException naming the source and line when the line is longer than the limit or
     *     not UTF-8, or the stream cannot be read
     */
    public String next() {
        if (eof && pos >= limit) {
            return null;
        }
        int len = 0;
        lineOffset = offset;
        terminator = "";
        while (true) {
            if (pos >= limit && !fill()) {
                if (len == 0) {
                    return null; // the last line had its terminator, or there was none
                }
                break;
            }
            byte b = buf[pos++];
            offset++;
            if (b == '\n') {
                terminator = "\n";
                break;
            }
            if (b == '\r') {
                terminator = "\r";
                if ((pos < limit || fill()) && buf[pos] == '\n') {
                    pos++;
                    offset++;
                    terminator = "\r\n";
                }
                break;
            }
            if (len == maxLineBytes) {
                throw SurveyFormatException.in(source).line(lineNumber + 1).byteOffset(lineOffset)
                        .problem("a line longer than the limit of " + InputFiles.size(maxLineBytes) + " ("
                                + maxLineBytes + " bytes)")
                        .expected("lines of at most " + maxLineBytes + " bytes").build();
            }
            if (len == line.length) {
                line = Arrays.copyOf(line, (int) Math.min((long) maxLineBytes, 2L * line.length));
            }
            line[len++] = b;
        }
        lineNumber++;
        int start = 0;
        if (lineOffset == 0 && len >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
            start = 3;
        }
        return decode(start, len);
    }

    /** @return the 1-based number of the line last returned (0 before the first) */
    public long lineNumber() {
        return lineNumber;
    }

    /** @return the byte offset in the stream where the line last returned starts */
    public long lineOffset() {
        return lineOffset;
    }

    /** @return how the line last returned ended: {@code "\n"}, {@code "\r\n"}, {@code "\r"} or empty at the end */
    public String terminator() {
        return terminator;
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        try {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                pos = 0;
                limit = 0;
                return false;
            }
            pos = 0;
            limit = n;
            return n > 0 || fill();
        } catch (IOException e) {
            throw SurveyFormatException.in(source).line(lineNumber + 1).problem("cannot read: " + FileErrors.reason(e))
                    .cause(e).build();
        }
    }

    private String decode(int start, int len) {
        boolean ascii = true;
        for (int i = start; i < len; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(line, start, len - start, StandardCharsets.ISO_8859_1);
        }
        if (chars.capacity() < len) {
            chars = CharBuffer.allocate(Math.max(len, 2 * chars.capacity()));
        }
        chars.clear();
        ByteBuffer bytes = ByteBuffer.wrap(line, start, len - start);
        decoder.reset();
        CoderResult r = decoder.decode(bytes, chars, true);
        if (!r.isError()) {
            r = decoder.flush(chars);
        }
        if (r.isError()) {
            int bad = bytes.position();
            StringBuilder found = new StringBuilder();
            for (int i = bad; i < Math.min(len, bad + Math.max(1, r.length())); i++) {
                found.append(found.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", line[i] & 0xFF));
            }
            throw SurveyFormatException.in(source).line(lineNumber).column("character " + (chars.position() + 1))
                    .byteOffset(lineOffset + bad).problem("not valid UTF-8").found("byte " + found)
                    .expected("UTF-8 text").build();
        }
        chars.flip();
        return chars.toString();
    }
}
