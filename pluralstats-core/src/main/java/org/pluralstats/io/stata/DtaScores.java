package org.pluralstats.io.stata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.BlockWorkers;
import org.pluralstats.io.MissingValues;
import org.pluralstats.io.ScoreColumns;
import org.pluralstats.io.StreamedScores;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.io.Utf8Text;
import org.pluralstats.io.Variable;
import org.pluralstats.weight.StreamingScores;

/**
 * Value polarity scores of a Stata file in one parallel pass, binarisation and accumulation fused, as
 * {@code CsvScores} does for delimited files. Stata rows are fixed width, so the observations are cut
 * into blocks of a fixed number of rows (a function of the row width alone, never of the machine, so
 * results are identical on any number of cores); each block is read by positional reads into its
 * thread's buffer, its selected cells decoded as {@link StataReader} decodes them (the same
 * {@link StataReader#decodeColumn} for numbers, so {@code .} and {@code .a}-{@code .z} are missing; a
 * {@code str#} up to its first NUL without trailing blanks) into its own {@link StreamingScores.Pass},
 * and the passes are merged in file order with {@link StreamingScores.Pass#combine}. Missing values
 * then as {@code SurveyFiles.isMissing}: NaN, and the WVS/EVS codes -1..-5 when the conventions apply.
 *
 * <p>What the parallel path does not do, it hands back ({@link #score} returns empty) for the
 * sequential reader: a {@code strL} grouping column, text that is not valid UTF-8 in a UTF-8 file (the
 * reader decodes it otherwise and warns), an unusable weight when such weights are errors (the reader
 * names the respondent), a reader not on a file channel.
 */
public final class DtaScores {
    /** Respondents whose answers are gathered before they are added item by item. */
    static final int CHUNK = 1024;
    /** About the bytes of one block. */
    private static final long BLOCK_BYTES = 8L << 20;

    private DtaScores() {
    }

    /**
     * The rows of a block: about 8 MiB of rows, rounded up to a multiple of 1,024 (depends on the file
     * alone, never on the machine).
     *
     * @param rowWidth the bytes of one row
     * @return the rows per block
     */
    static long blockRows(int rowWidth) {
        long rows = Math.max(1, BLOCK_BYTES / Math.max(1, rowWidth));
        return (rows + CHUNK - 1) / CHUNK * CHUNK;
    }

    /** About the bytes of rows decoded together: well within a core's second-level cache. */
    static int chunkBytes = 192 << 10;

    /**
     * The rows decoded together: each item is one strided walk over them, so they should stay in the
     * second-level cache (a chunk of 1,024 WVS-wide rows does not, and its items then come from memory).
     *
     * @param rowWidth the bytes of one row
     * @return the rows, 1 to {@link #CHUNK}
     */
    static int chunkRows(int rowWidth) {
        return (int) Math.max(1, Math.min(CHUNK, chunkBytes / Math.max(1, rowWidth)));
    }

    /**
     * Scores the observations of an open reader in parallel blocks.
     *
     * @param reader a reader of a file, before its first observation (it is not advanced)
     * @param columns the items, weight factors and grouping columns (empty: {@code global}); items and
     *     weights numeric
     * @param template an empty pass of the scorer; each block gets a {@link StreamingScores.Pass#fresh()} one
     * @param threads the threads
     * @param blockRows rows per block, {@code <= 0} for the default ({@link #blockRows(int)})
     * @return the merged pass, or empty when the file must be read sequentially
     */
    public static Optional<StreamingScores.Pass> score(StataReader reader, ScoreColumns columns,
                                                       StreamingScores.Pass template, int threads, long blockRows) {
        DtaLayout d = reader.layout();
        if (reader.started() || !(reader.channel() instanceof FileChannel channel) || d.n <= 0 || d.rowWidth <= 0) {
            return Optional.empty();
        }
        for (Variable v : columns.items()) {
            if (!d.types[v.index()].isNumeric()) {
                return Optional.empty();
            }
        }
        for (Variable v : columns.weights()) {
            if (!d.types[v.index()].isNumeric()) {
                return Optional.empty();
            }
        }
        for (Optional<Variable> g : columns.groupings()) {
            if (g.isPresent() && d.types[g.get().index()] == StataStorageType.STRL) {
                return Optional.empty();
            }
        }
        long rows = blockRows > 0 ? blockRows : blockRows(d.rowWidth);
        long count = (d.n + rows - 1) / rows;
        if (count > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        int blocks = (int) count;
        StreamingScores.Pass total = template.fresh();
        Queue<Sink> free = new ConcurrentLinkedQueue<>();
        Runner runner = new Runner(d, channel, rows, blocks, total, free, () -> new Sink(d, template.fresh(), columns));
        return runner.run(Math.max(1, Math.min(threads, blocks))) ? Optional.of(total) : Optional.empty();
    }

    /** Runs the blocks on threads and merges them in file order. */
    private static final class Runner {
        final DtaLayout d;
        final FileChannel channel;
        final long rowsPerBlock;
        final int blocks;
        final StreamingScores.Pass total;
        final Queue<Sink> free;
        final java.util.function.Supplier<Sink> newSink;
        final AtomicInteger next = new AtomicInteger();
        final List<Sink> done;
        int merged;
        volatile boolean failed;
        volatile Throwable error;

        Runner(DtaLayout d, FileChannel channel, long rowsPerBlock, int blocks, StreamingScores.Pass total,
               Queue<Sink> free, java.util.function.Supplier<Sink> newSink) {
            this.d = d;
            this.channel = channel;
            this.rowsPerBlock = rowsPerBlock;
            this.blocks = blocks;
            this.total = total;
            this.free = free;
            this.newSink = newSink;
            this.done = new ArrayList<>(Collections.nCopies(blocks, null));
        }

        boolean run(int threads) {
            if (!BlockWorkers.run(threads, "pluralstats-dta", this::work)) {
                failed = true;
            }
            BlockWorkers.rethrow(error);
            return !failed && merged == blocks;
        }

        void work() {
            try {
                int chunkRows = (int) Math.min(chunkRows(d.rowWidth), rowsPerBlock);
                ByteBuffer buffer = ByteBuffer.allocate(chunkRows * d.rowWidth).order(d.order);
                int k;
                while (!failed && (k = next.getAndIncrement()) < blocks) {
                    Sink s = free.poll();
                    if (s == null) {
                        s = newSink.get();
                    }
                    long first = k * rowsPerBlock;
                    long end = Math.min(d.n, first + rowsPerBlock);
                    boolean ok = true;
                    for (long r = first; ok && r < end && !failed; r += chunkRows) {
                        int n = (int) Math.min(chunkRows, end - r);
                        read(buffer, r, n);
                        ok = s.chunk(buffer, n);
                    }
                    if (!ok) {
                        failed = true;
                        return;
                    }
                    synchronized (this) {
                        done.set(k, s);
                        while (!failed && merged < blocks && done.get(merged) != null) {
                            Sink m = done.get(merged);
                            done.set(merged, null);
                            total.combine(m.pass);
                            m.clear();
                            free.add(m);
                            merged++;
                        }
                    }
                }
            } catch (Throwable t) {
                error = t;
                failed = true;
            }
        }

        /** Reads rows [first, first + n) into the buffer, from its start. */
        private void read(ByteBuffer buffer, long first, int n) throws IOException {
            buffer.clear();
            buffer.limit(n * d.rowWidth);
            long at = d.dataStart + first * d.rowWidth;
            while (buffer.hasRemaining()) {
                int got = channel.read(buffer, at);
                if (got < 0) {
                    throw new UncheckedIOException(new IOException("the file ends inside its data (row "
                            + (first + 1) + ")"));
                }
                at += got;
            }
        }
    }

    /** One block's accumulation, reused for later blocks once merged. */
    private static final class Sink {
        final DtaLayout d;
        final StreamingScores.Pass pass;
        final boolean wvs;
        final boolean failOnInvalid;
        final Variable[] items;
        final Variable[] weights;
        final Variable[] groups;
        final int[][] pop;
        final StreamedScores.Placement placed;
        final double[] w = new double[CHUNK];
        final double[] x = new double[CHUNK];
        final byte[] tags = new byte[CHUNK];
        final int[] raw = new int[CHUNK];
        final boolean extended;
        /** Per grouping, the last cell bytes (str#) or value bits (numbers) seen and its population. */
        final byte[][] lastText;
        final int[] lastTextLength;
        final long[] lastBits;
        final int[] lastPop;

        Sink(DtaLayout d, StreamingScores.Pass pass, ScoreColumns columns) {
            this.d = d;
            this.pass = pass;
            this.wvs = columns.wvsMissingCodes();
            this.failOnInvalid = columns.invalidWeightsAreErrors();
            this.extended = d.extendedMissing();
            this.items = columns.items().toArray(new Variable[0]);
            this.weights = columns.weights().toArray(new Variable[0]);
            int g = columns.groupings().size();
            this.groups = new Variable[g];
            for (int k = 0; k < g; k++) {
                groups[k] = columns.groupings().get(k).orElse(null);
            }
            this.pop = new int[g][CHUNK];
            this.placed = new StreamedScores.Placement(pass, g, CHUNK);
            this.lastText = new byte[g][];
            this.lastTextLength = new int[g];
            this.lastBits = new long[g];
            this.lastPop = new int[g];
            clearCaches();
        }

        private void clearCaches() {
            Arrays.fill(lastText, null);
            Arrays.fill(lastBits, Long.MIN_VALUE);
            Arrays.fill(lastPop, Integer.MIN_VALUE);
        }

        void clear() {
            pass.clear();
            clearCaches();
        }

        /**
         * Adds n rows at the start of the buffer, as {@code StreamedScores.estimateAll} adds a batch.
         *
         * @return false when the block must be read sequentially
         */
        boolean chunk(ByteBuffer rows, int n) {
            for (int g = 0; g < groups.length; g++) {
                if (!populations(rows, g, n)) {
                    return false;
                }
            }
            for (int r = 0; r < n; r++) {
                w[r] = 1;
            }
            for (Variable v : weights) {
                StataReader.decodeColumn(d, rows, d.types[v.index()], d.offsets[v.index()], n, x, tags);
                MissingValues declared = v.missing();
                for (int r = 0; r < n; r++) {
                    double f = x[r];
                    w[r] *= SurveyFiles.isMissing(f, declared, wvs) ? Double.NaN : f;
                }
            }
            if (placed.place(pop, w, n, failOnInvalid, 0) >= 0) {
                return false;
            }
            byte[] a = rows.array();
            for (int i = 0; i < items.length; i++) {
                Variable item = items[i];
                MissingValues declared = item.missing();
                boolean none = declared.isEmpty();
                StataStorageType type = d.types[item.index()];
                if (none && (type == StataStorageType.BYTE || type == StataStorageType.INT || type == StataStorageType.LONG)) {
                    // the same as below without doubles: a value above the type's largest is a missing code
                    StataReader.decodeIntegers(d, a, type, rows.arrayOffset() + d.offsets[item.index()], n, raw);
                    placed.addIntegers(i, raw, n, StataMissing.largestPresent(type, extended), wvs, w);
                    continue;
                }
                StataReader.decodeColumn(d, rows, d.types[item.index()], d.offsets[item.index()], n, x, tags);
                placed.addColumn(i, x, n, declared, wvs, w);
            }
            return true;
        }

        /** The chunk's populations in grouping g, as {@code StreamedScores} makes them from a batch. */
        private boolean populations(ByteBuffer rows, int g, int n) {
            Variable v = groups[g];
            int[] out = pop[g];
            if (v == null) {
                Arrays.fill(out, 0, n, 0);
                return true;
            }
            int col = v.index();
            if (d.types[col].isNumeric()) {
                StataReader.decodeColumn(d, rows, d.types[col], d.offsets[col], n, x, tags);
                for (int r = 0; r < n; r++) {
                    double f = x[r];
                    long bits = Double.doubleToRawLongBits(f);
                    if (lastPop[g] != Integer.MIN_VALUE && bits == lastBits[g]) {
                        out[r] = lastPop[g];
                        continue;
                    }
                    int p = pass.population(g, Double.isNaN(f) ? null : SurveyData.formatNumber(f));
                    lastBits[g] = bits;
                    lastPop[g] = p;
                    out[r] = p;
                }
                return true;
            }
            byte[] a = rows.array();
            int base = rows.arrayOffset() + d.offsets[col];
            int width = d.widths[col];
            MissingValues declared = v.missing();
            for (int r = 0; r < n; r++) {
                int s = base + r * d.rowWidth;
                int e = StataReader.strFEnd(a, s, width);
                byte[] last = lastText[g];
                if (last != null && Arrays.equals(last, 0, lastTextLength[g], a, s, e)) {
                    out[r] = lastPop[g];
                    continue;
                }
                String text;
                if (d.charset != StandardCharsets.UTF_8) {
                    text = new String(a, s, e - s, d.charset);
                } else {
                    text = Utf8Text.decodeOrNull(a, s, e - s);
                    if (text == null) {
                        return false;
                    }
                }
                int p = pass.population(g, text.isEmpty() || declared.isMissing(text) ? null : text);
                if (last == null || last.length < e - s) {
                    last = new byte[Math.max(16, e - s)];
                    lastText[g] = last;
                }
                System.arraycopy(a, s, last, 0, e - s);
                lastTextLength[g] = e - s;
                lastPop[g] = p;
                out[r] = p;
            }
            return true;
        }
    }
}
