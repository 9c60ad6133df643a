package org.pluralstats.io.stata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.pluralstats.SurveyFormatException;

/**
 * Bounded, buffered random-access reading of a {@code .dta} file. Every read is checked against the
 * file length first, so a size taken from the file can never make it allocate more than the file
 * holds, and running off the end is a {@link SurveyFormatException} naming the byte offset and the
 * section being read, never an {@code EOFException} or a short result.
 */
final class DtaInput {
    private static final int BUFFER_BYTES = 1 << 16;

    private final SeekableByteChannel channel;
    private final String file;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private long bufferStart;
    private int bufferLength;
    private long position;
    private String section = "header";

    DtaInput(SeekableByteChannel channel, String file) {
        this.channel = channel;
        this.file = file;
        try {
            this.size = channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    String file() {
        return file;
    }

    long size() {
        return size;
    }

    long position() {
        return position;
    }

    long remaining() {
        return size - position;
    }

    void seek(long offset) {
        position = offset;
    }

    void order(ByteOrder order) {
        buffer.order(order);
    }

    ByteOrder order() {
        return buffer.order();
    }

    /** Names the part of the file being read, for error messages ("&lt;data&gt;", "value labels"). */
    void section(String name) {
        section = name;
    }

    String section() {
        return section;
    }

    /** @return a builder for an error at {@code offset} in the current section */
    SurveyFormatException.Builder error(long offset) {
        return SurveyFormatException.in(file).byteOffset(offset).record(section);
    }

    /** @return the error for needing {@code needed} bytes at {@code offset} where the file has fewer */
    SurveyFormatException truncated(long offset, long needed) {
        long left = Math.max(0, size - offset);
        return error(offset).problem("the file ends early (truncated?)")
                .found(left + " bytes left in a " + size + "-byte file")
                .expected(needed + " more bytes").build();
    }

    private void require(int n) {
        if (n > size - position) {
            throw truncated(position, n);
        }
        if (position >= bufferStart && position + n <= bufferStart + bufferLength) {
            return;
        }
        int want = (int) Math.min(BUFFER_BYTES, size - position);
        buffer.clear();
        buffer.limit(want);
        readFully(buffer, position);
        bufferStart = position;
        bufferLength = want;
    }

    /**
     * Fills {@code target} from file offset {@code at}; running out of file is a
     * {@link SurveyFormatException} in the current section.
     */
    void readFully(ByteBuffer target, long at) {
        long offset = at;
        try {
            channel.position(at);
            while (target.hasRemaining()) {
                int n = channel.read(target);
                if (n < 0) {
                    throw truncated(offset, target.remaining());
                }
                offset += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " at byte offset " + offset, e);
        }
    }

    private int index() {
        return (int) (position - bufferStart);
    }

    int u8() {
        require(1);
        int v = buffer.get(index()) & 0xff;
        position += 1;
        return v;
    }

    int u16() {
        require(2);
        int v = buffer.getShort(index()) & 0xffff;
        position += 2;
        return v;
    }

    int i32() {
        require(4);
        int v = buffer.getInt(index());
        position += 4;
        return v;
    }

    long u32() {
        return i32() & 0xffffffffL;
    }

    /** @return an 8-byte integer; negative when the unsigned value exceeds {@code Long.MAX_VALUE} */
    long u64() {
        require(8);
        long v = buffer.getLong(index());
        position += 8;
        return v;
    }

    /**
     * @param n how many bytes; checked against the file length before anything is allocated
     * @return the next {@code n} bytes
     */
    byte[] bytes(long n) {
        if (n < 0 || n > size - position) {
            throw truncated(position, n);
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw error(position).problem("a single field larger than 2 GB is not supported")
                    .found(n + " bytes").build();
        }
        byte[] out = new byte[(int) n];
        if (n <= BUFFER_BYTES) {
            require((int) n);
            buffer.get(index(), out, 0, (int) n);
        } else {
            readFully(ByteBuffer.wrap(out), position);
        }
        position += n;
        return out;
    }

    void skip(long n) {
        if (n < 0 || n > size - position) {
            throw truncated(position, n);
        }
        position += n;
    }

    /** @return whether the next bytes are {@code tag} (ASCII); does not move */
    boolean lookingAt(String tag) {
        int n = tag.length();
        if (n > size - position) {
            return false;
        }
        require(n);
        int at = index();
        for (int i = 0; i < n; i++) {
            if (buffer.get(at + i) != (byte) tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Reads {@code tag} (ASCII) or fails naming what is there instead. */
    void expect(String tag) {
        long at = position;
        if (lookingAt(tag)) {
            position += tag.length();
            return;
        }
        int n = (int) Math.min(tag.length(), Math.max(0, size - position));
        byte[] found = n > 0 ? bytes(n) : new byte[0];
        throw error(at).problem(n < tag.length() ? "the file ends early (truncated?)" : "unexpected content")
                .found(n == 0 ? "end of file" : printable(found)).expected("\"" + tag + "\"").build();
    }

    /** @return bytes shown as ASCII where printable, {@code \xNN} otherwise */
    static String printable(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f) {
                s.append((char) c);
            } else {
                s.append(String.format("\\x%02x", c));
            }
        }
        return s.toString();
    }

    /**
     * @return {@code text} with control, bidirectional and separator characters escaped
     *     ({@link org.pluralstats.SafeText#escapeControls}), so that a name quoted in a message keeps it one line
     */
    static String escape(String text) {
        return org.pluralstats.SafeText.escapeControls(text);
    }

    /** @return the text before the first NUL of {@code bytes[offset, offset+length)} */
    static String cString(byte[] bytes, int offset, int length, Charset charset) {
        int end = offset;
        int limit = offset + length;
        while (end < limit && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, charset);
    }

    static String cString(byte[] bytes, Charset charset) {
        return cString(bytes, 0, bytes.length, charset);
    }

    static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
