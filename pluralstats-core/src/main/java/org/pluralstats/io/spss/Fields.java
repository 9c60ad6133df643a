package org.pluralstats.io.spss;

import java.io.ByteArrayOutputStream;
import org.pluralstats.SurveyFormatException;

/**
 * Reads the fixed-size fields of dictionary records (int32, int64, flt64, byte strings) in the file's
 * byte order, turning an early end of file into a {@link SurveyFormatException} that names the record.
 * Every length taken from the file is checked against the bytes that remain before anything is
 * allocated for it.
 */
final class Fields {
    /** Largest single field or record body read into memory (larger ones are rejected as absurd). */
    static final int MAX_FIELD = 64 << 20;
    private static final byte[] EMPTY = new byte[0];

    private final ChannelSource in;
    private final String file;
    private final boolean bigEndian;
    /** The record being read, for messages. */
    String record;

    Fields(ChannelSource in, String file, boolean bigEndian, String record) {
        this.in = in;
        this.file = file;
        this.bigEndian = bigEndian;
        this.record = record;
    }

    long offset() {
        return in.offset();
    }

    int int32() {
        need(4);
        int v = Bytes.int32(in.buf, in.pos, bigEndian);
        in.pos += 4;
        return v;
    }

    long int64() {
        need(8);
        long v = Bytes.int64(in.buf, in.pos, bigEndian);
        in.pos += 8;
        return v;
    }

    double flt64() {
        return Double.longBitsToDouble(int64());
    }

    int uint8() {
        need(1);
        return in.buf[in.pos++] & 0xff;
    }

    /**
     * Reads {@code n} bytes. {@code n} was read from the file: it is checked against the remaining
     * file length (when known) and {@link #MAX_FIELD}; with an unknown length the bytes are gathered
     * in chunks so that a false length fails at the end of the stream, not in the allocator.
     */
    byte[] bytes(long n, String what) {
        checkLength(n, what);
        int len = (int) n;
        if (len == 0) {
            return EMPTY;
        }
        if (len <= in.buf.length) {
            need(len);
            byte[] out = new byte[len];
            System.arraycopy(in.buf, in.pos, out, 0, len);
            in.pos += len;
            return out;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(len, 1 << 20));
        int left = len;
        while (left > 0) {
            if (in.available() == 0) {
                need(1);
            }
            int step = Math.min(left, in.available());
            out.write(in.buf, in.pos, step);
            in.pos += step;
            left -= step;
        }
        return out.toByteArray();
    }

    /** Skips {@code n} bytes, a length read from the file. */
    void skip(long n, String what) {
        if (n < 0 || n > in.remaining()) {
            throw absurd(n, what);
        }
        long at = in.offset();
        if (!in.skip(n)) {
            throw truncated(at, n);
        }
    }

    /** Rejects a length read from the file that is negative, larger than the rest of the file, or absurd. */
    void checkLength(long n, String what) {
        if (n < 0 || n > MAX_FIELD || n > in.remaining()) {
            throw absurd(n, what);
        }
    }

    private SurveyFormatException absurd(long n, String what) {
        String room = in.length >= 0 ? " (" + in.remaining() + " bytes remain in the file)" : "";
        return error(in.offset()).found(what + " " + n)
                .expected("a length between 0 and " + Math.min(MAX_FIELD, in.remaining()) + room).build();
    }

    private void need(int n) {
        if (!in.ensure(n)) {
            throw truncated(in.offset(), n);
        }
    }

    private SurveyFormatException truncated(long at, long n) {
        return error(at).problem("the file ends " + (in.offset() - at + in.available())
                + " bytes into a field of " + n + " bytes; the file is truncated").build();
    }

    /** @return an error builder at {@code offset} in the current record */
    SurveyFormatException.Builder error(long offset) {
        return SurveyFormatException.in(file).byteOffset(offset).record(record);
    }
}
