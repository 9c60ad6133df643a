package org.pluralstats.io.spss;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A refillable window over a byte stream: the decoders read {@link #buf} between {@link #pos} and
 * {@link #lim} directly, and call {@link #ensure(int)} before each read so that no value is ever
 * allocated per field. Subclasses supply the bytes (a file channel, or zlib blocks inflated from one).
 */
abstract class ByteSource implements Closeable {
    /** The window; valid bytes are {@code buf[pos..lim)}. */
    byte[] buf;
    /** Next unread byte. */
    int pos;
    /** End of valid bytes. */
    int lim;
    /** Stream offset of {@code buf[0]}. */
    long base;

    ByteSource(int capacity) {
        buf = new byte[capacity];
    }

    /** @return the stream offset of the next unread byte */
    final long offset() {
        return base + pos;
    }

    /** @return how many bytes are buffered and unread */
    final int available() {
        return lim - pos;
    }

    /**
     * Makes at least {@code n} bytes available at {@link #pos}, reading more if needed.
     *
     * @param n bytes wanted, at most the buffer capacity
     * @return false when the stream ends first (whatever it had is still buffered)
     */
    final boolean ensure(int n) {
        return lim - pos >= n || fill(n);
    }

    private boolean fill(int n) {
        if (n > buf.length) {
            throw new IllegalArgumentException("window of " + buf.length + " bytes cannot hold " + n);
        }
        int left = lim - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, left);
            base += pos;
            pos = 0;
            lim = left;
        }
        try {
            while (lim < n) {
                int r = read(buf, lim, buf.length - lim);
                if (r < 0) {
                    return false;
                }
                lim += r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** Enlarges the window to at least {@code capacity} bytes, keeping what is buffered. */
    final void grow(int capacity) {
        if (capacity > buf.length) {
            byte[] b = new byte[capacity];
            System.arraycopy(buf, pos, b, 0, lim - pos);
            base += pos;
            lim -= pos;
            pos = 0;
            buf = b;
        }
    }

    /**
     * Skips {@code n} bytes.
     *
     * @return false when the stream ends first
     */
    final boolean skip(long n) {
        while (n > 0) {
            if (pos == lim && !ensure(1)) {
                return false;
            }
            int step = (int) Math.min(n, lim - pos);
            pos += step;
            n -= step;
        }
        return true;
    }

    /**
     * Reads more bytes from the underlying stream.
     *
     * @return the number read (at least 1), or -1 at the end of the stream
     */
    abstract int read(byte[] b, int off, int len) throws IOException;

    /** @return the file offset to report for an error at the current position */
    abstract long fileOffset();

    /** Releases the underlying stream or inflater. */
    @Override
    public abstract void close();

    /** @return extra words locating the current position, for streams that are not the file itself */
    abstract String where();
}
