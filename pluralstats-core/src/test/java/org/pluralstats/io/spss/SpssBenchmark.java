package org.pluralstats.io.spss;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.Deflater;

/**
 * End-to-end read benchmark (not a unit test): writes a survey-like system file of CASES x VARS
 * numeric variables (answers 1-10, about 3% system-missing, every tenth variable a non-integer) and
 * times reading all variables and reading ten.
 *
 * <pre>
 * mvn -q test-compile
 * java -cp target/classes:target/test-classes org.pluralstats.io.spss.SpssBenchmark /tmp/bench 1000000 100
 * </pre>
 */
public final class SpssBenchmark {
    private SpssBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int cases = Integer.parseInt(args[1]);
        int vars = Integer.parseInt(args[2]);
        Files.createDirectories(dir);
        for (int compression : new int[] {0, 1, 2}) {
            Path file = dir.resolve("bench_" + cases + "x" + vars + (compression == 2 ? ".zsav" : "_" + compression + ".sav"));
            if (!Files.exists(file)) {
                write(file, cases, vars, compression);
            }
            int[] ten = new int[10];
            for (int i = 0; i < 10; i++) {
                ten[i] = i * (vars / 10);
            }
            for (int round = 0; round < 3; round++) {
                double all = time(file, null);
                double some = time(file, ten);
                System.out.printf("%s (%d MB): all %d variables %.2f s, 10 variables %.2f s%n", file.getFileName(),
                        Files.size(file) >> 20, vars, all, some);
            }
        }
    }

    private static double time(Path file, int[] select) {
        long t0 = System.nanoTime();
        double sum = 0;
        try (SpssReader r = SpssReader.open(file)) {
            int[] vs = select;
            if (vs == null) {
                vs = new int[r.dictionary().variables().size()];
                for (int i = 0; i < vs.length; i++) {
                    vs[i] = i;
                }
            } else {
                r.select(vs);
            }
            while (r.next()) {
                for (int v : vs) {
                    double x = r.number(v);
                    if (x == x) {
                        sum += x;
                    }
                }
            }
        }
        if (sum == 42) {
            System.out.println();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void write(Path file, int cases, int vars, int compression) throws IOException {
        SyntheticSav s = new SyntheticSav().header(compression == 2 ? "$FL3" : "$FL2", vars, compression, cases);
        for (int v = 0; v < vars; v++) {
            s.variable(0, "Q" + v, null);
        }
        byte[] dictionary = s.end().toBytes();
        SplittableRandom rnd = new SplittableRandom(1);
        long[] trailer = null;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(dictionary);
            ByteArrayOutputStream data = new ByteArrayOutputStream(1 << 22);
            OutputStream target = compression == 2 ? data : out;
            ZlibBlocks z = compression == 2 ? new ZlibBlocks(out, dictionary.length) : null;
            ByteBuffer raw = ByteBuffer.allocate(8 * 8).order(ByteOrder.LITTLE_ENDIAN);
            byte[] codes = new byte[8];
            int nc = 0;
            ByteBuffer eight = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            for (int c = 0; c < cases; c++) {
                for (int v = 0; v < vars; v++) {
                    boolean missing = rnd.nextInt(32) == 0;
                    double x = v % 10 == 9 ? rnd.nextDouble() * 1000 : 1 + rnd.nextInt(10);
                    if (compression == 0) {
                        eight.clear();
                        eight.putDouble(missing ? -Double.MAX_VALUE : x);
                        out.write(eight.array());
                        continue;
                    }
                    if (missing) {
                        codes[nc++] = (byte) 255;
                    } else if (x == Math.rint(x)) {
                        codes[nc++] = (byte) (x + 100);
                    } else {
                        codes[nc++] = (byte) 253;
                        raw.putDouble(x);
                    }
                    if (nc == 8) {
                        target.write(codes);
                        target.write(raw.array(), 0, raw.position());
                        raw.clear();
                        nc = 0;
                        if (z != null && data.size() >= 0x3ff000 - 80) {
                            z.block(data);
                        }
                    }
                }
            }
            if (compression != 0) {
                if (nc > 0) {
                    while (nc < 8) {
                        codes[nc++] = 0;
                    }
                    target.write(codes);
                    target.write(raw.array(), 0, raw.position());
                }
                if (z != null) {
                    if (data.size() > 0) {
                        z.block(data);
                    }
                    trailer = z.finish();
                }
            }
        }
        if (trailer != null) {
            ZlibBlocks.patchHeader(file, dictionary.length, trailer);
        }
    }

    /** Writes zlib blocks and the ZSAV trailer (PSPP manual, ZLIB compressed data). */
    private static final class ZlibBlocks {
        private final OutputStream out;
        private long position;
        private long uncompressed;
        private final List<long[]> blocks = new ArrayList<>();

        ZlibBlocks(OutputStream out, long zheader) throws IOException {
            this.out = out;
            out.write(new byte[24]);
            position = zheader + 24;
            uncompressed = zheader;
        }

        void block(ByteArrayOutputStream data) throws IOException {
            byte[] in = data.toByteArray();
            data.reset();
            Deflater d = new Deflater(1);
            d.setInput(in);
            d.finish();
            byte[] buf = new byte[in.length + 1024];
            int n = 0;
            while (!d.finished()) {
                n += d.deflate(buf, n, buf.length - n);
            }
            d.end();
            out.write(buf, 0, n);
            blocks.add(new long[] {uncompressed, position, in.length, n});
            uncompressed += in.length;
            position += n;
        }

        /** @return the trailer's offset and length */
        long[] finish() throws IOException {
            ByteBuffer t = ByteBuffer.allocate(24 + 24 * blocks.size()).order(ByteOrder.LITTLE_ENDIAN);
            t.putLong(-100).putLong(0).putInt(0x3ff000).putInt(blocks.size());
            for (long[] b : blocks) {
                t.putLong(b[0]).putLong(b[1]).putInt((int) b[2]).putInt((int) b[3]);
            }
            out.write(t.array());
            return new long[] {position, t.capacity()};
        }

        static void patchHeader(Path file, long zheader, long[] trailer) throws IOException {
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
                h.putLong(zheader).putLong(trailer[0]).putLong(trailer[1]);
                f.seek(zheader);
                f.write(h.array());
            }
        }
    }
}
