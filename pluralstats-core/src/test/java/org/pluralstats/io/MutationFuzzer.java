package org.pluralstats.io;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A seeded mutation fuzzer for binary data-file readers, reusable by every format: give it a way to
 * open a {@link CaseReader} over bytes, a few real files as {@link Seed}s (with what the format's test
 * knows of their structure: sections, case-count fields, where values are stored) and a seed number;
 * it makes mutants with the operators of {@link Operator} and checks each one against the contract of
 * issue 10: reading a mutant ends in exactly one of
 * <ul>
 *   <li>{@link Outcome#REJECTED}: a {@link SurveyFormatException} that is located (byte offset or
 *       line) and one line;</li>
 *   <li>{@link Outcome#SAME}: rows equal to the original's (same dictionary names, and every value,
 *       missing tag and string equal, as {@link #snapshot(CaseReader)} writes them);</li>
 *   <li>{@link Outcome#WARNED}: different rows, and {@link CaseReader#warnings()} says why;</li>
 *   <li>{@link Outcome#VALUES_CHANGED}: the mutation changed only bytes that hold values
 *       ({@link Seed#payload()}), and the result has the original's shape (number of variables and of
 *       cases): a changed value in a cell cannot be told from a real one by any reader (so also for
 *       {@link Operator#INSERT_OR_CUT});</li>
 * </ul>
 * and anything else — different rows or shape without a warning, an unlocated or multi-line error,
 * any other exception or error (including {@link OutOfMemoryError}) — is a {@link Outcome#FAILURE}.
 * The whole run is deterministic: the same seeds and seed number give the same mutants on every
 * machine. Each mutant is read on a worker thread within a time bound ({@link #run(int, java.time.Duration)},
 * from the SPSS fuzzer): one that does not finish is a failure, and the run goes on with a fresh thread;
 * the slowest mutant is reported.
 *
 * <p>Usage (see {@code org.pluralstats.io.stata.StataFuzzTest}):
 * <pre>{@code
 * MutationFuzzer f = new MutationFuzzer((bytes, name) -> MyReader.open(bytes, name), seeds, 20261203L);
 * MutationFuzzer.Report r = f.run(4000);
 * assertThat(r.failures()).isEmpty();
 * }</pre>
 * Failing mutants are written by {@link Report#keep(Path)} so they can be added as regression fixtures.
 *
 * <p>This class knows nothing of any format: the format's test gives the opener, the seeds' structure
 * and, when "the same rows" means less than {@link #snapshot(CaseReader)} (SPSS compares values only,
 * strings without blanks), a {@link Snapshot}. It serves the Stata tests ({@code StataFuzzTest},
 * {@code StataOldReleasesTest}, {@code StataCaseCountTest}) and {@code SpssFuzzTest}; the SPSS side's
 * earlier fuzzer was folded into it (time bound per mutant, insert/cut in the dictionary, the data
 * appended again, seeds that do not declare their case count, the oracle's self-test).
 */
public final class MutationFuzzer {

    /** Opens a reader over a file's bytes; {@code name} stands for the file in messages. */
    @FunctionalInterface
    public interface Opener {
        /**
         * @param bytes the file's contents
         * @param name the name to use in messages
         * @return an open reader positioned before the first case
         */
        CaseReader open(byte[] bytes, String name);
    }

    /**
     * A byte range {@code [start, end)} of a seed file.
     *
     * @param start first byte
     * @param end one past the last byte
     */
    public record Region(long start, long end) {
        /** Checks the range is ordered. */
        public Region {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad region [" + start + ", " + end + ")");
            }
        }

        boolean contains(long offset) {
            return offset >= start && offset < end;
        }
    }

    /**
     * An integer field of a seed file that holds a case count (e.g. Stata's {@code N}, SPSS's
     * {@code ncases}).
     *
     * @param offset where it starts
     * @param width 2, 4 or 8 bytes
     * @param order its byte order
     */
    public record CountField(long offset, int width, ByteOrder order) {
        /** Checks the width. */
        public CountField {
            if (width != 2 && width != 4 && width != 8) {
                throw new IllegalArgumentException("width " + width);
            }
            Objects.requireNonNull(order, "order");
        }
    }

    /**
     * One real file to mutate, with what the format's test knows of its structure.
     *
     * @param name the file's name, for messages
     * @param bytes the file's contents
     * @param sections units that can be removed or duplicated whole: tagged sections, records, map
     *     entries, value-label tables, rows
     * @param counts fields holding the declared case count
     * @param payload ranges whose bytes are stored facts rather than structure (data cells, string
     *     contents, variable names, type codes): changing them can make another valid file, whose values,
     *     names or types differ but whose shape (number of variables and cases) does not
     * @param data the data section (rows), where appended rows are inserted; empty region if none
     * @param rowWidth bytes per case in {@code data}, or 0 when cases have no fixed width
     * @param declaresRows whether the file says how many cases it holds; when it does not (an SPSS file
     *     with case count -1), appended data may add cases and a cut may drop some, since nothing tells,
     *     and the cases read must then be the original's first ones, in order
     */
    public record Seed(String name, byte[] bytes, List<Region> sections, List<CountField> counts,
                       List<Region> payload, Region data, int rowWidth, boolean declaresRows) {
        /** Copies the lists. */
        public Seed {
            sections = List.copyOf(sections);
            counts = List.copyOf(counts);
            payload = List.copyOf(payload);
        }

        /**
         * A seed whose file declares its case count.
         *
         * @param name the file's name
         * @param bytes its contents
         * @param sections removable or duplicable units
         * @param counts case-count fields
         * @param payload ranges of stored facts
         * @param data the data section
         * @param rowWidth bytes per case, or 0
         */
        public Seed(String name, byte[] bytes, List<Region> sections, List<CountField> counts,
                    List<Region> payload, Region data, int rowWidth) {
            this(name, bytes, sections, counts, payload, data, rowWidth, true);
        }
    }

    /**
     * What a reader gave for a file, as the format's test compares it.
     *
     * @param rows one line per case ({@code '\n'}-terminated) after any header line; equal strings mean
     *     the same rows
     * @param variables the number of variables
     * @param cases the number of cases
     */
    public record Reading(String rows, int variables, long cases) {
    }

    /** Reads a whole file into a {@link Reading}; {@link MutationFuzzer#reading(CaseReader)} by default. */
    @FunctionalInterface
    public interface Snapshot {
        /**
         * @param r an open reader before its first case (read to the end)
         * @return what it gave
         */
        Reading take(CaseReader r);
    }

    /** The mutation operators, chosen in turn with equal weight. */
    public enum Operator {
        /** Flips one bit anywhere. */
        BIT_FLIP,
        /** Writes 0, 1, -1, 0x7fffffff, 0x80000000 or the file length as a 2-, 4- or 8-byte integer at an aligned offset. */
        BOUNDARY_INT,
        /** Cuts the file at a random offset. */
        TRUNCATE,
        /** Removes one section. */
        REMOVE_SECTION,
        /** Writes one section twice. */
        DUPLICATE_SECTION,
        /**
         * Inserts copies of one row after the last row, or appends the data section (or its last bytes)
         * or random bytes at the end of the file.
         */
        APPEND_DATA,
        /** Sets a case-count field to 0, 1, n-1, n+1, 2n, or -1 (all bits set). */
        CHANGE_CASE_COUNT,
        /**
         * Inserts 1-16 random bytes into, or cuts 1-64 bytes out of, the header and dictionary (before
         * {@link Seed#data()}, or anywhere when the seed has no data region) — from the SPSS fuzzer.
         * Judged like a change to stored values: a shifted dictionary can be another valid file of the
         * same shape (a cut as long as a value-label table moves the data start onto other bytes), and
         * nothing in these formats tells it from one written so; a changed shape still needs a warning.
         */
        INSERT_OR_CUT
    }

    /** What reading a mutant gave. */
    public enum Outcome {
        /** A located one-line {@link SurveyFormatException}. */
        REJECTED,
        /** The original's rows. */
        SAME,
        /** Other rows, with a warning. */
        WARNED,
        /** Other values in the original's shape, from a change to stored values only. */
        VALUES_CHANGED,
        /** Anything else. */
        FAILURE
    }

    /**
     * One mutant and what became of it.
     *
     * @param seed the seed file's name
     * @param index the mutant's number in the run
     * @param operator how it was made
     * @param description what was changed, e.g. {@code "bit 3 of byte 120"}
     * @param bytes the mutant
     * @param outcome the outcome
     * @param detail the error message, warning or failure description
     * @param nanos time spent reading it
     */
    public record Mutant(String seed, int index, Operator operator, String description, byte[] bytes,
                         Outcome outcome, String detail, long nanos) {
        /** @return a one-line summary */
        @Override
        public String toString() {
            return seed + " mutant " + index + " (" + operator + ": " + description + "): " + outcome + ": " + detail;
        }
    }

    /**
     * The result of a run.
     *
     * @param mutants how many mutants were read
     * @param outcomes how many ended in each outcome
     * @param byOperator how many mutants each operator made
     * @param failures the failing mutants (at most 50 kept)
     * @param slowest the mutant that took longest to read
     * @param nanos the run's wall time
     */
    public record Report(int mutants, Map<Outcome, Integer> outcomes, Map<Operator, Integer> byOperator,
                         List<Mutant> failures, Mutant slowest, long nanos) {
        /**
         * Writes each failing mutant to {@code directory}, named after its seed and number.
         *
         * @param directory where to write (created)
         * @return the files written
         */
        public List<Path> keep(Path directory) {
            List<Path> out = new ArrayList<>();
            try {
                Files.createDirectories(directory);
                for (Mutant m : failures) {
                    Path p = directory.resolve(m.seed().replace('.', '_').replace('/', '_') + "-mutant" + m.index() + extension(m.seed()));
                    Files.write(p, m.bytes());
                    out.add(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }

        /** @return one line: counts per outcome and the slowest mutant */
        public String summary() {
            return String.format(java.util.Locale.ROOT, "%d mutants in %.1f s: %s; by operator %s; slowest %.1f ms (%s %s)",
                    mutants, nanos / 1e9, outcomes, byOperator, slowest == null ? 0 : slowest.nanos() / 1e6,
                    slowest == null ? "" : slowest.seed(), slowest == null ? "" : slowest.description());
        }

        private static String extension(String name) {
            int dot = name.lastIndexOf('.');
            return dot < 0 ? "" : name.substring(dot);
        }
    }

    private static final long[] BOUNDARY = {0, 1, -1, 0x7fffffffL, 0x80000000L};
    private static final int MAX_FAILURES_KEPT = 50;

    private final Opener opener;
    private final List<Seed> seeds;
    private final long seed;
    private final Snapshot snapshot;
    private final Reading[] originals;

    /**
     * @param opener opens a reader over bytes
     * @param seeds the real files to mutate; each must read without error
     * @param seed the random seed: the same seed gives the same mutants
     */
    public MutationFuzzer(Opener opener, List<Seed> seeds, long seed) {
        this(opener, seeds, seed, MutationFuzzer::reading);
    }

    /**
     * @param opener opens a reader over bytes
     * @param seeds the real files to mutate; each must read without error
     * @param seed the random seed: the same seed gives the same mutants
     * @param snapshot what counts as "the same rows" for this format
     */
    public MutationFuzzer(Opener opener, List<Seed> seeds, long seed, Snapshot snapshot) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.seeds = List.copyOf(seeds);
        this.seed = seed;
        if (this.seeds.isEmpty()) {
            throw new IllegalArgumentException("no seeds");
        }
        originals = new Reading[this.seeds.size()];
        for (int i = 0; i < originals.length; i++) {
            Seed s = this.seeds.get(i);
            try (CaseReader r = opener.open(s.bytes(), s.name())) {
                originals[i] = snapshot.take(r);
                if (!r.warnings().isEmpty()) {
                    throw new IllegalArgumentException("seed " + s.name() + " reads with warnings: " + r.warnings());
                }
            }
        }
    }

    /**
     * Makes and reads {@code count} mutants, seeds and operators taken in turn, each within 5 seconds.
     *
     * @param count how many mutants
     * @return what became of them
     */
    public Report run(int count) {
        return run(count, java.time.Duration.ofSeconds(5));
    }

    /**
     * Makes and reads {@code count} mutants, seeds and operators taken in turn.
     *
     * @param count how many mutants
     * @param perMutant the time one mutant may take to read; longer is a {@link Outcome#FAILURE}
     * @return what became of them
     */
    public Report run(int count, java.time.Duration perMutant) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Map<Operator, Integer> byOperator = new EnumMap<>(Operator.class);
        List<Mutant> failures = new ArrayList<>();
        Mutant slowest = null;
        long t0 = System.nanoTime();
        Operator[] operators = Operator.values();
        ExecutorService worker = worker();
        try {
            for (int i = 0; i < count; i++) {
                int which = i % seeds.size();
                Operator op = operators[(i / seeds.size()) % operators.length];
                Seed s = seeds.get(which);
                String[] description = {""};
                boolean[] payloadOnly = {false};
                byte[] bytes = mutate(s, op, random, description, payloadOnly);
                int index = i;
                Future<Mutant> future = worker.submit(() -> check(s, which, index, op, description[0], bytes,
                        payloadOnly[0]));
                Mutant m;
                try {
                    m = future.get(perMutant.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    future.cancel(true);
                    m = new Mutant(s.name(), i, op, description[0], bytes, Outcome.FAILURE,
                            "no result within " + perMutant, perMutant.toNanos());
                    worker.shutdownNow();   // the stuck thread cannot be stopped; go on with a fresh one
                    worker = worker();
                } catch (ExecutionException e) {
                    m = new Mutant(s.name(), i, op, description[0], bytes, Outcome.FAILURE, trace(e.getCause()), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                outcomes.merge(m.outcome(), 1, Integer::sum);
                byOperator.merge(op, 1, Integer::sum);
                if (m.outcome() == Outcome.FAILURE && failures.size() < MAX_FAILURES_KEPT) {
                    failures.add(m);
                }
                if (slowest == null || m.nanos() > slowest.nanos()) {
                    slowest = m;
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return new Report(count, outcomes, byOperator, failures, slowest, System.nanoTime() - t0);
    }

    private static ExecutorService worker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mutation-fuzzer");
            t.setDaemon(true);
            return t;
        });
    }

    private static String trace(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private Mutant check(Seed s, int which, int index, Operator op, String description, byte[] bytes,
                         boolean payloadOnly) {
        String name = s.name() + "-mutant" + index;
        long t0 = System.nanoTime();
        Outcome outcome;
        String detail;
        try (CaseReader r = opener.open(bytes, name)) {
            Reading got = snapshot.take(r);
            Reading original = originals[which];
            List<ReadWarning> warnings = r.warnings();
            if (got.rows().equals(original.rows()) || firstRowsOfUndeclared(s, op, got, original)) {
                outcome = Outcome.SAME;
                detail = "";
            } else if (!warnings.isEmpty()) {
                outcome = Outcome.WARNED;
                detail = warnings.get(0).toString();
            } else if (payloadOnly && got.variables() == original.variables() && got.cases() == original.cases()) {
                outcome = Outcome.VALUES_CHANGED;
                detail = "";
            } else {
                outcome = Outcome.FAILURE;
                detail = "read without error or warning but the rows differ from the original's: "
                        + shape(got) + " vs " + shape(original);
            }
        } catch (SurveyFormatException e) {
            String message = String.valueOf(e.getMessage());
            boolean located = e.byteOffset().isPresent() || e.line().isPresent();
            boolean oneLine = message.indexOf('\n') < 0 && message.indexOf('\r') < 0;
            outcome = located && oneLine ? Outcome.REJECTED : Outcome.FAILURE;
            detail = (located ? "" : "unlocated error: ") + (oneLine ? "" : "multi-line error: ") + message;
        } catch (Throwable t) {
            outcome = Outcome.FAILURE;
            detail = trace(t);
        }
        return new Mutant(s.name(), index, op, description, bytes, outcome, detail, System.nanoTime() - t0);
    }

    /**
     * For the oracle's self-tests: a reader that keeps its warnings to itself, which a run must catch.
     *
     * @param r the reader to wrap
     * @return the same reader with no warnings
     */
    public static CaseReader hidingWarnings(CaseReader r) {
        return new CaseReader() {
            @Override
            public FileDictionary dictionary() {
                return r.dictionary();
            }

            @Override
            public void select(int[] v) {
                r.select(v);
            }

            @Override
            public boolean next() {
                return r.next();
            }

            @Override
            public long caseIndex() {
                return r.caseIndex();
            }

            @Override
            public double number(int v) {
                return r.number(v);
            }

            @Override
            public char missingTag(int v) {
                return r.missingTag(v);
            }

            @Override
            public String string(int v) {
                return r.string(v);
            }

            @Override
            public void close() {
                r.close();
            }
        };
    }

    /**
     * Everything a reader returns for a file, as one string: the names, then per case every value
     * (as its exact bits), missing tag and string, then the case count. Two files read the same exactly
     * when their snapshots are equal.
     *
     * @param r an open reader before its first case (read to the end)
     * @return the snapshot
     */
    public static String snapshot(CaseReader r) {
        List<Variable> vars = r.dictionary().variables();
        StringBuilder sb = new StringBuilder();
        sb.append(vars.size()).append(" variables:");
        for (Variable v : vars) {
            sb.append(' ').append(v.name()).append(v.isNumeric() ? "#" : "$");
        }
        sb.append('\n');
        long rows = 0;
        while (r.next()) {
            for (Variable v : vars) {
                int i = v.index();
                if (v.isNumeric()) {
                    double x = r.number(i);
                    char tag = Double.isNaN(x) ? r.missingTag(i) : 0;
                    sb.append(Double.isNaN(x) ? "NaN" : Long.toHexString(Double.doubleToRawLongBits(x)))
                            .append('/').append((int) tag).append('|');
                } else {
                    String t = r.string(i);
                    sb.append(t.length()).append(':').append(t).append('|');
                }
            }
            sb.append('\n');
            rows++;
        }
        return sb.append(rows).append(" cases").toString();
    }

    /**
     * The default {@link Snapshot}: {@link #snapshot(CaseReader)}, with names, exact values, missing
     * tags and strings.
     *
     * @param r an open reader before its first case (read to the end)
     * @return what it gave
     */
    public static Reading reading(CaseReader r) {
        String all = snapshot(r);
        int firstLine = all.indexOf(' ');
        int last = all.lastIndexOf('\n');
        return new Reading(all.substring(0, last + 1), Integer.parseInt(all.substring(0, firstLine)),
                Long.parseLong(all.substring(last + 1, all.indexOf(' ', last))));
    }

    /**
     * @return whether a file that does not declare its case count lost cases to a cut or gained them by
     *     appended data, the cases read being the original's first ones
     */
    private static boolean firstRowsOfUndeclared(Seed s, Operator op, Reading got, Reading original) {
        if (s.declaresRows() || got.variables() != original.variables()) {
            return false;
        }
        if (op == Operator.TRUNCATE && got.cases() < original.cases()) {
            return original.rows().startsWith(got.rows()) && (got.rows().isEmpty() || got.rows().endsWith("\n"));
        }
        return op == Operator.APPEND_DATA && got.cases() > original.cases() && got.rows().startsWith(original.rows());
    }

    private static String shape(Reading r) {
        return r.variables() + " variables, " + r.cases() + " cases";
    }

    // ------------------------------------------------------------------ operators

    private static byte[] mutate(Seed s, Operator op, SplittableRandom random, String[] description,
                                 boolean[] payloadOnly) {
        byte[] b = s.bytes().clone();
        int length = b.length;
        switch (op) {
            case BIT_FLIP -> {
                int at = random.nextInt(length);
                int bit = random.nextInt(8);
                b[at] ^= (byte) (1 << bit);
                description[0] = "bit " + bit + " of byte " + at;
                payloadOnly[0] = changesOnlyPayload(s, b, at, at + 1);
            }
            case BOUNDARY_INT -> {
                int width = 1 << (1 + random.nextInt(3));
                int at = (random.nextInt(Math.max(1, length / width))) * width;
                // also at offsets right after a '>' (a value after a tag is aligned to the tag, not the file)
                if (random.nextBoolean()) {
                    int gt = indexOf(b, (byte) '>', random.nextInt(length));
                    at = gt >= 0 ? gt + 1 : at;
                }
                long[] values = Arrays.copyOf(BOUNDARY, BOUNDARY.length + 1);
                values[BOUNDARY.length] = length;
                long value = values[random.nextInt(values.length)];
                ByteOrder order = random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                int end = Math.min(length, at + width);
                put(b, at, value, end - at, order);
                description[0] = String.format(java.util.Locale.ROOT, "%d-byte %s %#x at byte %d", width,
                        order == ByteOrder.BIG_ENDIAN ? "MSF" : "LSF", value, at);
                payloadOnly[0] = changesOnlyPayload(s, b, at, end);
            }
            case TRUNCATE -> {
                int at = random.nextInt(length);
                description[0] = "cut to " + at + " of " + length + " bytes";
                return Arrays.copyOf(b, at);
            }
            case REMOVE_SECTION, DUPLICATE_SECTION -> {
                if (s.sections().isEmpty()) {
                    description[0] = "no sections: cut the last byte";
                    return Arrays.copyOf(b, length - 1);
                }
                Region r = s.sections().get(random.nextInt(s.sections().size()));
                int start = (int) r.start();
                int end = (int) r.end();
                if (op == Operator.REMOVE_SECTION) {
                    description[0] = "removed bytes [" + start + ", " + end + ")";
                    return splice(b, start, end - start, new byte[0]);
                }
                description[0] = "duplicated bytes [" + start + ", " + end + ")";
                return splice(b, end, 0, Arrays.copyOfRange(b, start, end));
            }
            case APPEND_DATA -> {
                if (s.rowWidth() > 0 && s.data().end() > s.data().start() && random.nextBoolean()) {
                    int rows = (int) ((s.data().end() - s.data().start()) / s.rowWidth());
                    int row = random.nextInt(rows);
                    int from = (int) s.data().start() + row * s.rowWidth();
                    int copies = 1 + random.nextInt(3);
                    byte[] insert = new byte[copies * s.rowWidth()];
                    for (int c = 0; c < copies; c++) {
                        System.arraycopy(b, from, insert, c * s.rowWidth(), s.rowWidth());
                    }
                    description[0] = copies + " copies of row " + (row + 1) + " after the last row";
                    return splice(b, (int) s.data().end(), 0, insert);
                }
                int dataLength = (int) (Math.min(length, s.data().end()) - Math.min(length, s.data().start()));
                if (dataLength > 0 && random.nextBoolean()) {
                    // (from the SPSS fuzzer) the data again, or its last bytes, at the end of the file
                    int n = random.nextBoolean() ? dataLength : Math.min(dataLength, 1 + random.nextInt(256));
                    int from = (int) Math.min(length, s.data().end()) - n;
                    description[0] = "the data's last " + n + " bytes again at the end";
                    return splice(b, length, 0, Arrays.copyOfRange(b, from, from + n));
                }
                byte[] tail = new byte[1 + random.nextInt(64)];
                for (int j = 0; j < tail.length; j++) {
                    tail[j] = (byte) random.nextInt(256);
                }
                description[0] = tail.length + " random bytes at the end";
                return splice(b, length, 0, tail);
            }
            case CHANGE_CASE_COUNT -> {
                if (s.counts().isEmpty()) {
                    description[0] = "no count field: cut the last byte";
                    return Arrays.copyOf(b, length - 1);
                }
                CountField f = s.counts().get(random.nextInt(s.counts().size()));
                long n = get(b, (int) f.offset(), f.width(), f.order());
                long[] choices = {0, 1, n - 1, n + 1, 2 * n, -1};
                long value = choices[random.nextInt(choices.length)];
                put(b, (int) f.offset(), value, f.width(), f.order());
                description[0] = "case count " + n + " -> " + value + " at byte " + f.offset();
            }
            case INSERT_OR_CUT -> {
                int head = s.data().start() > 0 ? (int) Math.min(length, s.data().start()) : length;
                int at = random.nextInt(Math.max(1, head));
                if (random.nextBoolean()) {
                    byte[] insert = new byte[1 + random.nextInt(16)];
                    random.nextBytes(insert);
                    description[0] = insert.length + " random bytes inserted at byte " + at;
                    payloadOnly[0] = true;
                    return splice(b, at, 0, insert);
                }
                int cut = Math.min(length - at, 1 + random.nextInt(64));
                description[0] = cut + " bytes cut at byte " + at;
                payloadOnly[0] = true;
                return splice(b, at, cut, new byte[0]);
            }
            default -> throw new IllegalStateException(op.toString());
        }
        return b;
    }

    /** @return whether every byte of {@code [start, end)} that the mutation really changed is payload */
    private static boolean changesOnlyPayload(Seed s, byte[] mutant, int start, int end) {
        for (int i = start; i < end; i++) {
            if (mutant[i] != s.bytes()[i] && !inPayload(s, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inPayload(Seed s, long offset) {
        for (Region r : s.payload()) {
            if (r.contains(offset)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] b, byte value, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static void put(byte[] b, int at, long value, int width, ByteOrder order) {
        for (int j = 0; j < width; j++) {
            int shift = 8 * (order == ByteOrder.BIG_ENDIAN ? width - 1 - j : j);
            b[at + j] = (byte) (value >>> shift);
        }
    }

    private static long get(byte[] b, int at, int width, ByteOrder order) {
        long v = 0;
        for (int j = 0; j < width; j++) {
            int shift = 8 * (order == ByteOrder.BIG_ENDIAN ? width - 1 - j : j);
            v |= (b[at + j] & 0xffL) << shift;
        }
        return v;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}
