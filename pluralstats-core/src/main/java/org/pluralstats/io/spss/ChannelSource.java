package org.pluralstats.io.spss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** The file's own bytes, read through a channel into a large buffer. */
final class ChannelSource extends ByteSource {
    private final ReadableByteChannel channel;
    /** File length in bytes, or -1 when it is not known (a stream). */
    final long length;

    ChannelSource(ReadableByteChannel channel, long length, int capacity) {
        super(capacity);
        this.channel = channel;
        this.length = length;
    }

    @Override
    int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            int r = channel.read(ByteBuffer.wrap(b, off, len));
            if (r != 0) {
                return r;
            }
        }
    }

    /** @return bytes between the current position and the end of the file, or Long.MAX_VALUE when unknown */
    long remaining() {
        return length < 0 ? Long.MAX_VALUE : length - offset();
    }

    @Override
    long fileOffset() {
        return offset();
    }

    @Override
    String where() {
        return "";
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
