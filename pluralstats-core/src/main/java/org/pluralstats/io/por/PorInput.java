package org.pluralstats.io.por;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The byte stream of a portable file with its line structure taken away: CR LF, CR or LF end a line
 * and are dropped; a line shorter than 80 columns is continued with padding up to column 80, because
 * "a portable file reader must act as though a line shorter than 80 characters is padded to that
 * length with spaces" (PSPP Developers Guide, "Portable File Characters"). Lines longer than 80
 * columns (files written without wrapping) are read as they are.
 *
 * <p>{@link #next()} returns a byte 0-255, {@link #PAD} for a padding space, or {@link #EOF}; the
 * position of the last unit returned is kept for messages.
 */
final class PorInput {
    /** A padding space added to a short line. */
    static final int PAD = 256;
    /** The end of the input. */
    static final int EOF = -1;
    /** The line width of the format. */
    static final int WIDTH = 80;

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;

    private long offset; // file offset of the next byte in buf[pos]
    private long unitOffset = -1;
    private long line = 1;
    private int column; // columns used on the current line
    private long unitLine = 1;
    private int unitColumn;
    private int pad;
    private long units;

    PorInput(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
    }

    /** @return the next unit: a byte, {@link #PAD} or {@link #EOF} */
    int next() {
        if (pad > 0) {
            pad--;
            column++;
            unitLine = line;
            unitColumn = column;
            units++;
            if (pad == 0) {
                line++;
                column = 0;
            }
            return PAD;
        }
        while (true) {
            int b = read();
            if (b < 0) {
                unitOffset = offset;
                unitLine = line;
                unitColumn = column + 1;
                return EOF;
            }
            if (b == '\r' || b == '\n') {
                unitOffset = offset - 1;
                if (b == '\r' && peek() == '\n') {
                    read();
                }
                if (column < WIDTH) {
                    pad = WIDTH - column; // the padding belongs to the line just ended
                    return next();
                }
                line++;
                column = 0;
                continue;
            }
            column++;
            unitOffset = offset - 1;
            unitLine = line;
            unitColumn = column;
            units++;
            return b;
        }
    }

    /** @return how many units were returned so far (the logical position in the unwrapped stream) */
    long units() {
        return units;
    }

    /** @return file offset of the last unit (for padding: of the line end) */
    long offset() {
        return unitOffset;
    }

    /** @return 1-based line of the last unit */
    long line() {
        return unitLine;
    }

    /** @return 1-based column of the last unit */
    int column() {
        return unitColumn;
    }

    /** @return bytes read from the file so far */
    long consumed() {
        return offset;
    }

    private int read() {
        if (pos == lim && !fill()) {
            return -1;
        }
        offset++;
        return buf[pos++] & 0xff;
    }

    private int peek() {
        if (pos == lim && !fill()) {
            return -1;
        }
        return buf[pos] & 0xff;
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        try {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                eof = true;
                return false;
            }
            pos = 0;
            lim = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
