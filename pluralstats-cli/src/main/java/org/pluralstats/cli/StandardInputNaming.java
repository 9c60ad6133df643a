package org.pluralstats.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Standard error during a run that reads standard input ({@code --data -}): every line written to it names
 * the spooled copy {@value StandardInput#NAME}, whoever wrote it (the commands' notes and warnings, the
 * readers' warnings, the progress bar), so no message shows the temporary file. Bytes are held until a line
 * ends ({@code \n} or a progress bar's {@code \r}) or the stream is flushed, then written with each
 * occurrence of the copy's path, its folder and its file name replaced, in that order (longest first).
 */
final class StandardInputNaming extends OutputStream {
    private final OutputStream out;
    private final List<byte[]> names;
    private final byte[] replacement = StandardInput.NAME.getBytes(StandardCharsets.UTF_8);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    /**
     * @param out where the renamed lines go
     * @param names the texts that stand for standard input, longest first
     */
    StandardInputNaming(OutputStream out, List<String> names) {
        this.out = out;
        this.names = names.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || b == '\r') {
            emit();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        byte[] b = line.toByteArray();
        line.reset();
        for (byte[] name : names) {
            b = replace(b, name);
        }
        out.write(b);
    }

    private byte[] replace(byte[] in, byte[] name) {
        ByteArrayOutputStream r = null;
        int from = 0;
        for (int i = 0; i + name.length <= in.length; ) {
            if (Arrays.equals(in, i, i + name.length, name, 0, name.length)) {
                if (r == null) {
                    r = new ByteArrayOutputStream(in.length);
                }
                r.write(in, from, i - from);
                r.write(replacement, 0, replacement.length);
                i += name.length;
                from = i;
            } else {
                i++;
            }
        }
        if (r == null) {
            return in;
        }
        r.write(in, from, in.length - from);
        return r.toByteArray();
    }
}
