package org.pluralstats.io.stata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * End-to-end streaming benchmark (not a test): reads 10 of 100 variables, then all 100, from a
 * 1,000,000 × 100 release-118 file of doubles, reporting time and the heap the JVM was given.
 * Run with a small heap to show that unselected variables are never held:
 *
 * <pre>
 * mvn -q test-compile
 * java -Xmx32m -cp target/classes:target/test-classes org.pluralstats.io.stata.StataStreamingBenchmark target/bench/wide.dta
 * </pre>
 *
 * The file (800 MB) is written on first use by {@link #writeWide}, a minimal writer of the documented
 * 118 layout (no labels, no strLs); it is a benchmark input, not a test fixture.
 */
public final class StataStreamingBenchmark {
    private static final int ROWS = 1_000_000;
    private static final int VARIABLES = 100;

    private StataStreamingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench/wide.dta");
        if (!Files.exists(file)) {
            long t = System.nanoTime();
            writeWide(file);
            System.out.printf(Locale.ROOT, "wrote %s (%d MB) in %.1f s%n", file, Files.size(file) >> 20,
                    (System.nanoTime() - t) / 1e9);
        }
        System.out.printf(Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        for (int round = 0; round < 3; round++) {
            run(file, 10);
            run(file, VARIABLES);
        }
    }

    private static void run(Path file, int selected) {
        int[] pick = new int[selected];
        for (int i = 0; i < selected; i++) {
            pick[i] = i * (VARIABLES / selected);
        }
        long t = System.nanoTime();
        double sum = 0;
        long rows = 0;
        try (StataReader r = StataReader.open(file)) {
            r.select(pick);
            while (r.next()) {
                for (int v : pick) {
                    sum += r.number(v);
                }
                rows++;
            }
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%3d of %d variables, %,d rows: %.2f s (%.0f MB/s of file), sum %.6g, heap used %d MB%n",
                selected, VARIABLES, rows, seconds, 8.0 * ROWS * VARIABLES / seconds / 1e6, sum,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    /** Writes ROWS × VARIABLES doubles (value = row + variable / 1000) as a little-endian 118 file. */
    static void writeWide(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        long[] map = new long[14];
        try (CountingStream out = new CountingStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            tag(out, "<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>");
            b.putShort((short) VARIABLES);
            flush(out, b);
            tag(out, "</K><N>");
            b.putLong(ROWS);
            flush(out, b);
            tag(out, "</N><label>");
            b.putShort((short) 0);
            flush(out, b);
            tag(out, "</label><timestamp>");
            out.write(0);
            tag(out, "</timestamp></header>");
            map[1] = out.count;
            tag(out, "<map>");
            out.write(new byte[14 * 8]);         // filled in below
            tag(out, "</map>");
            map[2] = out.count;
            tag(out, "<variable_types>");
            for (int i = 0; i < VARIABLES; i++) {
                b.putShort((short) 65526);       // double
            }
            flush(out, b);
            tag(out, "</variable_types>");
            map[3] = out.count;
            tag(out, "<varnames>");
            for (int i = 0; i < VARIABLES; i++) {
                fixed(out, "v" + i, 129);
            }
            tag(out, "</varnames>");
            map[4] = out.count;
            tag(out, "<sortlist>");
            out.write(new byte[2 * (VARIABLES + 1)]);
            tag(out, "</sortlist>");
            map[5] = out.count;
            tag(out, "<formats>");
            for (int i = 0; i < VARIABLES; i++) {
                fixed(out, "%10.0g", 57);
            }
            tag(out, "</formats>");
            map[6] = out.count;
            tag(out, "<value_label_names>");
            out.write(new byte[129 * VARIABLES]);
            tag(out, "</value_label_names>");
            map[7] = out.count;
            tag(out, "<variable_labels>");
            out.write(new byte[321 * VARIABLES]);
            tag(out, "</variable_labels>");
            map[8] = out.count;
            tag(out, "<characteristics></characteristics>");
            map[9] = out.count;
            tag(out, "<data>");
            for (int row = 0; row < ROWS; row++) {
                for (int v = 0; v < VARIABLES; v++) {
                    if (b.remaining() < 8) {
                        flush(out, b);
                    }
                    b.putDouble(row + v / 1000.0);
                }
            }
            flush(out, b);
            tag(out, "</data>");
            map[10] = out.count;
            tag(out, "<strls></strls>");
            map[11] = out.count;
            tag(out, "<value_labels></value_labels>");
            map[12] = out.count;
            tag(out, "</stata_dta>");
            map[13] = out.count;
        }
        ByteBuffer m = ByteBuffer.allocate(14 * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long position : map) {
            m.putLong(position);
        }
        m.flip();
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(m, map[1] + "<map>".length());
        }
    }

    /** Counts the bytes written, for the file map. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    private static void tag(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void fixed(OutputStream out, String text, int length) throws IOException {
        byte[] field = new byte[length];
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(t, 0, field, 0, t.length);
        out.write(field);
    }

    private static void flush(OutputStream out, ByteBuffer b) throws IOException {
        out.write(b.array(), 0, b.position());
        b.clear();
    }
}
