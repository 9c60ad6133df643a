package org.pluralstats.io;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pluralstats.SurveyFormatException;

/**
 * A seeded mutation fuzzer for the binary readers (issue 10, "Done when"): it derives mutants from real
 * seed files and reads each one in full, with a time bound, and accepts exactly three outcomes:
 * <ol>
 * <li>a located one-line {@link SurveyFormatException} (a byte offset or a line, no line break);</li>
 * <li>the rows of the original (see {@link Seed#digest});</li>
 * <li>a {@link ReadWarning} that says why they differ.</li>
 * </ol>
 * Anything else fails: another exception type, an {@link OutOfMemoryError}, a read that does not end
 * within the time bound, or different rows without a warning.
 *
 * <p>Mutations: bit flips; boundary integers (0, 1, -1, 0x7fffffff, 0x80000000, the file length, ...)
 * written at 4-aligned offsets in either byte order; bytes inserted into or cut out of the header and
 * dictionary; truncation; removed and duplicated records; appended data; changed case counts. Records and case-count fields are format knowledge, so the caller
 * supplies them per seed ({@link Seed}); a format without them still gets the other mutations.
 *
 * <p>What "the rows of the original" means depends on the mutation. Bytes that hold values (numbers,
 * string contents, names and labels) can change without any reader noticing, because the formats
 * have no checksums; so for bit flips and boundary integers the fuzzer requires the same number of rows
 * and variables (or a warning or error), and for the structural mutations (truncation, removed or
 * duplicated records, appended data, changed case counts) the same row count and the same values, in
 * order: numbers exactly, strings with blanks removed (removing SPSS's very long string record splits
 * one value into its segments, as PSPP reads such a file). A seed that does not declare its row count
 * ({@link Seed#declaresRows()}) may gain rows from appended data or lose them to a cut between rows,
 * since nothing tells; the rows read must then be the original's first ones.
 *
 * <p>Usage: {@code RecordMutationFuzzer.Report r = new RecordMutationFuzzer(opener, seeds).run(20261203L, 3000,
 * Duration.ofSeconds(2))}; failing inputs are written to a directory for use as regression fixtures.
 */
public final class RecordMutationFuzzer {

    /** Opens a reader over a file held in memory. */
    @FunctionalInterface
    public interface Opener {
        /**
         * @param bytes the file
         * @param name its name, for messages
         * @return an open reader
         */
        CaseReader open(byte[] bytes, String name);
    }

    /** A byte range {@code [start, end)} of a seed file. */
    public record Span(int start, int end) {
    }

    /** An integer field of a seed file that holds a case count. */
    public record CountField(int offset, int size, boolean bigEndian) {
    }

    /**
     * A real file to mutate.
     *
     * @param name file name
     * @param bytes its content
     * @param records the byte ranges of its records (header and dictionary), for removing and
     *     duplicating; empty when unknown
     * @param dataStart where the data starts (appended data and truncation favour the data section)
     * @param counts fields that hold its case count
     * @param declaresRows whether the file says how many rows it holds; when it does not, appended data
     *     may add rows, and only the original rows must come first
     */
    public record Seed(String name, byte[] bytes, List<Span> records, int dataStart, List<CountField> counts,
                       boolean declaresRows) {
        /** Copies the lists. */
        public Seed {
            Objects.requireNonNull(name);
            Objects.requireNonNull(bytes);
            records = List.copyOf(records);
            counts = List.copyOf(counts);
        }
    }

    /** What one mutant did. */
    public enum Verdict {
        /** A located one-line {@link SurveyFormatException}. */
        REFUSED,
        /** The same rows as the original. */
        SAME_ROWS,
        /** Different rows, with a warning. */
        WARNED,
        /** Failure: a {@link SurveyFormatException} without a place, or with a line break. */
        UNLOCATED,
        /** Failure: another exception or error (including {@link OutOfMemoryError}). */
        CRASHED,
        /** Failure: the read did not end within the time bound. */
        HUNG,
        /** Failure: different rows and no warning. */
        SILENTLY_DIFFERENT;

        boolean failed() {
            return ordinal() >= UNLOCATED.ordinal();
        }
    }

    /** One failing mutant, saved for a regression fixture. */
    public record Failure(String mutant, Verdict verdict, String detail, byte[] bytes) {
    }

    /**
     * The result of a run.
     *
     * @param seed the random seed
     * @param mutants how many mutants were read
     * @param counts mutants per verdict
     * @param failures the failing mutants (at most 20 kept)
     */
    public record Report(long seed, int mutants, Map<Verdict, Integer> counts, List<Failure> failures) {
        /** @return one line: seed, mutants, verdict counts */
        public String summary() {
            return "seed " + seed + ", " + mutants + " mutants: " + counts;
        }
    }

    private static final int[] BOUNDARY = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 2, 255, 256, 65535,
        1 << 24};

    private final Opener opener;
    private final List<Seed> seeds;
    private final List<Shape> originals = new ArrayList<>();

    /**
     * @param opener opens a reader of the format
     * @param seeds the files to mutate; each must read without error or warning
     */
    public RecordMutationFuzzer(Opener opener, List<Seed> seeds) {
        this.opener = Objects.requireNonNull(opener);
        this.seeds = List.copyOf(seeds);
        for (Seed s : this.seeds) {
            Shape shape = shape(s.bytes(), s.name(), -1);
            if (!shape.warnings.isEmpty()) {
                throw new IllegalArgumentException(s.name() + " reads with warnings: " + shape.warnings);
            }
            originals.add(shape);
        }
    }

    /** Rows, variables and a digest of the values of one read. */
    /**
     * @param prefixes for an original file: the digest of its first k rows, for every k (else empty)
     */
    private record Shape(long rows, int variables, String digest, String prefixDigest, List<String> prefixes,
                         List<ReadWarning> warnings) {
    }

    /** @param prefixRows also digest the first this many rows (-1: no) */
    private Shape shape(byte[] bytes, String name, long prefixRows) {
        try (CaseReader r = opener.open(bytes, name)) {
            FileDictionary d = r.dictionary();
            int n = d.variables().size();
            MessageDigest md = sha256();
            ByteBuffer num = ByteBuffer.allocate(8);
            long rows = 0;
            String prefix = null;
            List<String> prefixes = new ArrayList<>();
            while (r.next()) {
                if (prefixRows < 0) {
                    prefixes.add(digestSoFar(md));
                }
                if (rows == prefixRows) {
                    prefix = digestSoFar(md);
                }
                rows++;
                for (int v = 0; v < n; v++) {
                    if (d.variables().get(v).width() == 0) {
                        num.clear();
                        double x = r.number(v);
                        num.putDouble(Double.isNaN(x) ? Double.NaN : x);
                        md.update(num.array());
                    } else {
                        md.update(r.string(v).replace(" ", "").getBytes(StandardCharsets.UTF_8));
                    }
                }
                md.update((byte) '\n');
            }
            String all = digestSoFar(md);
            prefixes.add(all);
            return new Shape(rows, n, all, rows == prefixRows ? all : prefix, prefixRows < 0 ? prefixes : List.of(),
                    r.warnings());
        }
    }

    private static String digestSoFar(MessageDigest md) {
        try {
            return HexFormatHolder.hex(((MessageDigest) md.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class HexFormatHolder {
        static String hex(byte[] b) {
            return java.util.HexFormat.of().formatHex(b);
        }
    }

    /**
     * Reads {@code count} mutants, each within {@code perMutant}.
     *
     * @param randomSeed makes the run reproducible
     * @param count number of mutants
     * @param perMutant time bound of one read
     * @return what happened
     */
    public Report run(long randomSeed, int count, java.time.Duration perMutant) {
        SplittableRandom rnd = new SplittableRandom(randomSeed);
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        List<Failure> failures = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mutation-fuzzer");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < count; i++) {
                int k = rnd.nextInt(seeds.size());
                Seed seed = seeds.get(k);
                Mutant m = mutate(seed, rnd);
                String name = seed.name() + "#" + i + "-" + m.kind;
                Future<Verdict[]> f = worker.submit(() -> new Verdict[] {judge(m, seed, originals.get(k), name,
                        failures)});
                Verdict v;
                try {
                    v = f.get(perMutant.toMillis(), TimeUnit.MILLISECONDS)[0];
                } catch (TimeoutException e) {
                    f.cancel(true);
                    v = Verdict.HUNG;
                    record(failures, new Failure(name, v, "no result within " + perMutant, m.bytes));
                    // The stuck thread cannot be stopped; continue on a fresh one.
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "mutation-fuzzer");
                        t.setDaemon(true);
                        return t;
                    });
                } catch (ExecutionException e) {
                    v = Verdict.CRASHED;
                    record(failures, new Failure(name, v, trace(e.getCause()), m.bytes));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                counts.merge(v, 1, Integer::sum);
            }
        } finally {
            worker.shutdownNow();
        }
        return new Report(randomSeed, count, counts, failures);
    }

    private static void record(List<Failure> failures, Failure f) {
        synchronized (failures) {
            if (failures.size() < 20) {
                failures.add(f);
            }
        }
    }

    private Verdict judge(Mutant m, Seed seed, Shape original, String name, List<Failure> failures) {
        Shape got;
        try {
            got = shape(m.bytes, name, original.rows);
        } catch (SurveyFormatException e) {
            boolean located = e.byteOffset().isPresent() || e.line().isPresent();
            if (located && e.getMessage().indexOf('\n') < 0 && e.getMessage().indexOf('\r') < 0) {
                return Verdict.REFUSED;
            }
            record(failures, new Failure(name, Verdict.UNLOCATED, e.getMessage(), m.bytes));
            return Verdict.UNLOCATED;
        } catch (Throwable t) {
            record(failures, new Failure(name, Verdict.CRASHED, trace(t), m.bytes));
            return Verdict.CRASHED;
        }
        // Removing metadata (SPSS's very long string record) may split variables and keep every value.
        boolean sameValues = got.digest.equals(original.digest);
        boolean same = got.rows == original.rows
                && (m.structural ? sameValues : got.variables == original.variables || sameValues);
        if (!same && !seed.declaresRows() && m.kind.startsWith("append") && got.rows > original.rows) {
            // Nothing says where the data of such a file ends: the original rows must come first.
            same = original.digest.equals(got.prefixDigest);
        }
        if (!same && !seed.declaresRows() && m.kind.startsWith("truncate") && got.rows < original.rows) {
            // Cut between two cases: nothing in such a file tells; the rows left must be the first ones.
            same = got.digest.equals(original.prefixes.get((int) got.rows));
        }
        if (same) {
            return Verdict.SAME_ROWS;
        }
        if (!got.warnings.isEmpty()) {
            return Verdict.WARNED;
        }
        record(failures, new Failure(name, Verdict.SILENTLY_DIFFERENT, "rows " + original.rows + " -> " + got.rows
                + ", variables " + original.variables + " -> " + got.variables
                + (m.structural ? ", values " + (got.digest.equals(original.digest) ? "same" : "changed") : ""),
                m.bytes));
        return Verdict.SILENTLY_DIFFERENT;
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    /**
     * A mutated file. Structural mutants must keep the values; point mutants (which may hit bytes that
     * hold values) the numbers of rows and variables, or the values.
     */
    private record Mutant(String kind, byte[] bytes, boolean structural) {
    }

    static Mutant mutate(Seed seed, SplittableRandom rnd) {
        byte[] o = seed.bytes();
        int len = o.length;
        switch (rnd.nextInt(9)) {
            case 0 -> {
                // 1-4 bits of one 8-byte word: one place, so that one mutant cannot both change a value
                // and (legitimately) the layout, which together the oracle could not tell from a bug.
                byte[] b = o.clone();
                int word = favourHead(seed, rnd) & ~7;
                int flips = 1 + rnd.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    int at = Math.min(len - 1, word + rnd.nextInt(8));
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                }
                return new Mutant("bitflip@" + word, b, false);
            }
            case 1, 2 -> {
                byte[] b = o.clone();
                int at = favourHead(seed, rnd) & ~3;
                int v = rnd.nextInt(BOUNDARY.length + 2);
                int value = v < BOUNDARY.length ? BOUNDARY[v] : v == BOUNDARY.length ? len : len - at;
                if (at + 4 <= len) {
                    ByteBuffer.wrap(b, at, 4).order(rnd.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
                            .putInt(value);
                }
                return new Mutant("int@" + at + "=" + value, b, false);
            }
            case 3 -> {
                int cut = rnd.nextBoolean() ? rnd.nextInt(len) : len - 1 - rnd.nextInt(Math.min(len, 64));
                return new Mutant("truncate@" + cut, Arrays.copyOf(o, cut), true);
            }
            case 4 -> {
                if (seed.records().isEmpty()) {
                    return mutate(seed, rnd);
                }
                Span s = seed.records().get(rnd.nextInt(seed.records().size()));
                byte[] b = new byte[len - (s.end() - s.start())];
                System.arraycopy(o, 0, b, 0, s.start());
                System.arraycopy(o, s.end(), b, s.start(), len - s.end());
                return new Mutant("remove@" + s.start(), b, true);
            }
            case 5 -> {
                if (seed.records().isEmpty()) {
                    return mutate(seed, rnd);
                }
                Span s = seed.records().get(rnd.nextInt(seed.records().size()));
                int n = s.end() - s.start();
                byte[] b = new byte[len + n];
                System.arraycopy(o, 0, b, 0, s.end());
                System.arraycopy(o, s.start(), b, s.end(), len - s.start());
                return new Mutant("duplicate@" + s.start(), b, true);
            }
            case 6 -> {
                byte[] extra;
                String how;
                switch (rnd.nextInt(3)) {
                    case 0 -> {
                        extra = new byte[1 + rnd.nextInt(64)];
                        rnd.nextBytes(extra);
                        how = "random";
                    }
                    case 1 -> {
                        int n = Math.min(len - seed.dataStart(), 1 + rnd.nextInt(256));
                        extra = Arrays.copyOfRange(o, len - Math.max(n, 0), len);
                        how = "tail";
                    }
                    default -> {
                        extra = Arrays.copyOfRange(o, Math.min(seed.dataStart(), len), len);
                        how = "data";
                    }
                }
                byte[] b = Arrays.copyOf(o, len + extra.length);
                System.arraycopy(extra, 0, b, len, extra.length);
                return new Mutant("append-" + how + "-" + extra.length, b, true);
            }
            case 8 -> {
                // Bytes inserted into or cut out of the header and dictionary (where a cut cannot be told
                // from a file written that way, only the shape is checked).
                int at = rnd.nextInt(Math.max(1, Math.min(len, seed.dataStart())));
                if (rnd.nextBoolean()) {
                    byte[] ins = new byte[1 + rnd.nextInt(16)];
                    rnd.nextBytes(ins);
                    byte[] b = new byte[len + ins.length];
                    System.arraycopy(o, 0, b, 0, at);
                    System.arraycopy(ins, 0, b, at, ins.length);
                    System.arraycopy(o, at, b, at + ins.length, len - at);
                    return new Mutant("insert@" + at + "+" + ins.length, b, false);
                }
                int n = Math.min(len - at, 1 + rnd.nextInt(64));
                byte[] b = new byte[len - n];
                System.arraycopy(o, 0, b, 0, at);
                System.arraycopy(o, at + n, b, at, len - at - n);
                return new Mutant("cut@" + at + "-" + n, b, false);
            }
            default -> {
                if (seed.counts().isEmpty()) {
                    return mutate(seed, rnd);
                }
                CountField c = seed.counts().get(rnd.nextInt(seed.counts().size()));
                byte[] b = o.clone();
                ByteBuffer buf = ByteBuffer.wrap(b, c.offset(), c.size())
                        .order(c.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                long old = c.size() == 4 ? buf.getInt(c.offset()) : buf.getLong(c.offset());
                long[] choices = {old - 1, old + 1, 0, 1, -1, old / 2, old * 2, Integer.MAX_VALUE, rnd.nextInt(1000)};
                long value = choices[rnd.nextInt(choices.length)];
                if (c.size() == 4) {
                    buf.putInt(c.offset(), (int) value);
                } else {
                    buf.putLong(c.offset(), value);
                }
                return new Mutant("cases@" + c.offset() + "=" + value, b, true);
            }
        }
    }

    /** Half the point mutations land in the header and dictionary, where most of the structure is. */
    private static int favourHead(Seed seed, SplittableRandom rnd) {
        int len = seed.bytes().length;
        int head = Math.max(1, Math.min(len, seed.dataStart() + 64));
        return rnd.nextBoolean() ? rnd.nextInt(head) : rnd.nextInt(len);
    }

    /**
     * Writes the failing mutants to {@code dir} ({@code NAME.bin} and {@code NAME.txt} with the verdict
     * and the trace or message), so that they can be kept as regression fixtures.
     *
     * @param report a run's report
     * @param dir the directory
     */
    public static void save(Report report, Path dir) {
        try {
            Files.createDirectories(dir);
            for (Failure f : report.failures()) {
                String base = f.mutant().replaceAll("[^A-Za-z0-9._@=#-]", "_");
                Files.write(dir.resolve(base + ".bin"), f.bytes());
                Files.writeString(dir.resolve(base + ".txt"), f.verdict() + "\n" + f.detail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
