package org.pluralstats.io.csv;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.BlockWorkers;
import org.pluralstats.io.FileErrors;

/**
 * Parses the records of a delimited file in parallel over line-aligned blocks, handing the selected
 * fields of each record to a per-block sink; the sinks are merged in file order. The semantics are
 * those of {@link CsvReader} (RFC 4180 quoting, quoted fields may hold delimiters, quotes and line
 * breaks; CRLF or LF; a record must have as many fields as the header), so a job run here equals the
 * same job over {@link CsvReader}.
 *
 * <p>How: the data after the header is cut into blocks of a fixed size (from the file size alone, so
 * the partition, and hence every sum, is the same on any number of cores). Each block's first record
 * is guessed to start after the first line feed at or after the block's start; each block parses the
 * records that start before the next block's start. Merging in order checks every guess: block k's
 * guessed start must be where block k-1's last record ended. A block whose guess was wrong (it began
 * inside a quoted field with a line break) is parsed again, sequentially, from the right place. Within
 * a record, the fields after the last selected one are skipped eight bytes at a time (delimiters
 * counted by a SWAR population count, so the field count is still checked).
 *
 * <p>Nothing here reports a malformed record: a block that meets one (a wrong field count, a stray
 * quote, a value the sink refuses) makes {@link #run} return {@code false}, and the caller reads the
 * file with {@link CsvReader}, which locates the problem by line and column or handles it (a column
 * typed numeric from the first rows that holds text later).
 */
final class CsvBlocks {
    /** A block's consumer of records; one per block, never shared between threads. */
    interface RecordSink {
        /**
         * @param buf the bytes
         * @param start per selected slot, the first byte of the field (inside quotes for a quoted field)
         * @param end per slot, the byte after the field
         * @param escaped per slot, whether the quoted field holds doubled quotes
         * @return false when the record cannot be taken as it is (the fast path is then abandoned)
         */
        boolean record(byte[] buf, int[] start, int[] end, boolean[] escaped);

        /** Called once after the block's last record, when every record was taken. */
        void end();
    }

    /** What runs over the blocks: a new sink per block, merged in file order. */
    interface Job<S extends RecordSink> {
        /** @return an empty sink for one block */
        S newSink();

        /** @param sink a block's sink, handed over in file order, each once */
        void merge(S sink);

        /**
         * Called after each merge, in file order, from one thread at a time.
         *
         * @param bytes the bytes of the file merged so far (the header included)
         * @param size the file's size in bytes
         */
        default void merged(long bytes, long size) {
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;
    private static final long HIGH = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;
    private static final int MAX_RECORD = 64 << 20;
    private static final int NEED_MORE = -2;
    private static final int MALFORMED = -3;
    private static final int END = -1;

    private final Path path;
    private final String name;
    private final byte delimiter;
    private final long dataStart;
    private final int nVars;
    private final int[] slotOf;
    private final int slots;
    private final int lastSelected;
    private final long blockSize;

    /**
     * @param path the file
     * @param delimiter the delimiter ({@link CsvReader#delimiter()})
     * @param dataStart the byte offset of the first record after the header
     * @param nVars the header's field count
     * @param selected the selected columns; slot {@code i} of a record is column {@code selected[i]}
     * @param blockSize the block size in bytes; {@code <= 0} for {@link #blockSize(long)}
     */
    CsvBlocks(Path path, char delimiter, long dataStart, int nVars, int[] selected, long blockSize) {
        this.path = path;
        this.name = path.toString();
        this.delimiter = (byte) delimiter;
        this.dataStart = dataStart;
        this.nVars = nVars;
        this.slotOf = new int[nVars];
        java.util.Arrays.fill(slotOf, -1);
        int last = -1;
        for (int i = 0; i < selected.length; i++) {
            slotOf[selected[i]] = i;
            last = Math.max(last, selected[i]);
        }
        this.slots = selected.length;
        this.lastSelected = last;
        this.blockSize = blockSize;
    }

    /**
     * The block size for a file: a 32nd of the data, at least 1 MiB and at most 16 MiB (depends on
     * the file alone, never on the machine).
     *
     * @param dataBytes the bytes after the header
     * @return the block size
     */
    static long blockSize(long dataBytes) {
        return Math.max(1 << 20, Math.min(16 << 20, (dataBytes + 31) / 32));
    }

    /** One block's outcome. */
    private static final class Block<S> {
        long start;
        long end;
        S sink;
        boolean failed;
    }

    /** A thread's file buffer: bytes [offset, offset + lim) of the file. */
    private final class Buffer {
        final FileChannel channel;
        final long size;
        byte[] b = new byte[1 << 16];
        long offset;
        int lim;
        boolean eof;

        Buffer(FileChannel channel, long size) {
            this.channel = channel;
            this.size = size;
        }

        void load(long from, long upTo) {
            offset = from;
            lim = 0;
            eof = false;
            int want = (int) Math.min(Math.max(upTo - from, 0) + (1 << 16), (long) MAX_RECORD);
            if (b.length < want) {
                b = new byte[want];
            }
            fill(want);
        }

        /** Reads more bytes after lim; false at the end of the file or when the record limit is reached. */
        boolean more() {
            if (eof) {
                return false;
            }
            if (lim >= MAX_RECORD + blockSize) {
                return false;
            }
            int want = lim + Math.max(1 << 20, lim / 2);
            if (b.length < want) {
                b = java.util.Arrays.copyOf(b, want);
            }
            fill(want);
            return true;
        }

        private void fill(int upTo) {
            try {
                while (lim < upTo) {
                    long at = offset + lim;
                    if (at >= size) {
                        eof = true;
                        return;
                    }
                    int r = channel.read(ByteBuffer.wrap(b, lim, (int) Math.min(upTo - lim, size - at)), at);
                    if (r < 0) {
                        eof = true;
                        return;
                    }
                    lim += r;
                }
                if (offset + lim >= size) {
                    eof = true;
                }
            } catch (IOException e) {
                throw SurveyFormatException.in(name).problem("read error: " + FileErrors.reason(e)).cause(e).build();
            }
        }
    }

    /** A thread's record parser state: the selected fields of the current record. */
    private final class Parser {
        final int[] start = new int[Math.max(1, slots)];
        final int[] end = new int[Math.max(1, slots)];
        final boolean[] escaped = new boolean[Math.max(1, slots)];
        int tailDelimiters;
    }

    /**
     * Runs a job over the file's records.
     *
     * @param job what to do with each block's records
     * @param threads the threads to use (1: in the calling thread)
     * @param <S> the sink type
     * @return true when every record went to a sink and every sink was merged; false when a record
     *     was malformed or refused (the caller then reads the file sequentially)
     */
    <S extends RecordSink> boolean run(Job<S> job, int threads) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (dataStart > 0 && crOnlyLines(ch)) {
                return false;
            }
            long data = Math.max(0, size - dataStart);
            long bs = blockSize > 0 ? blockSize : blockSize(data);
            int blocks = (int) Math.max(1, (data + bs - 1) / bs);
            return new Runner<>(job, ch, size, bs, blocks).run(Math.max(1, Math.min(threads, blocks)));
        } catch (IOException e) {
            throw SurveyFormatException.in(name).problem("cannot read: " + FileErrors.reason(e)).cause(e).build();
        }
    }

    /** Whether the header ends with a lone carriage return (old Mac line ends: read sequentially). */
    private boolean crOnlyLines(FileChannel ch) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, dataStart - 1);
        return one.get(0) == '\r';
    }

    private final class Runner<S extends RecordSink> {
        final Job<S> job;
        final FileChannel channel;
        final long size;
        final long bs;
        final int blocks;
        final AtomicInteger next = new AtomicInteger();
        final List<Block<S>> done;
        int merged;
        long mergedEnd;
        volatile boolean failed;
        volatile Throwable error;

        Runner(Job<S> job, FileChannel channel, long size, long bs, int blocks) {
            this.job = job;
            this.channel = channel;
            this.size = size;
            this.bs = bs;
            this.blocks = blocks;
            this.done = new ArrayList<>(java.util.Collections.nCopies(blocks, null));
            this.mergedEnd = dataStart;
        }

        boolean run(int threads) {
            if (!BlockWorkers.run(threads, "pluralstats-csv", this::work)) {
                failed = true;
            }
            BlockWorkers.rethrow(error);
            return !failed && merged == blocks;
        }

        void work() {
            try {
                Buffer buffer = new Buffer(channel, size);
                Parser parser = new Parser();
                int k;
                while (!failed && (k = next.getAndIncrement()) < blocks) {
                    Block<S> b = parse(k, -1, buffer, parser);
                    synchronized (this) {
                        done.set(k, b);
                        drain(buffer, parser);
                    }
                }
            } catch (Throwable t) {
                error = t;
                failed = true;
            }
        }

        /** Merges the finished blocks that follow the merged ones, in order, checking each one's start. */
        private void drain(Buffer buffer, Parser parser) {
            while (!failed && merged < blocks && done.get(merged) != null) {
                Block<S> b = done.get(merged);
                done.set(merged, null);
                if (b.start != mergedEnd) {
                    b = parse(merged, mergedEnd, buffer, parser);
                }
                if (b.failed) {
                    failed = true;
                    return;
                }
                job.merge(b.sink);
                mergedEnd = b.end;
                merged++;
                job.merged(Math.min(mergedEnd, size), size);
            }
        }

        long nominalStart(int k) {
            return dataStart + k * bs;
        }

        long nominalEnd(int k) {
            return k == blocks - 1 ? Long.MAX_VALUE : dataStart + (k + 1) * bs;
        }

        /**
         * Parses block k: from {@code from} when known, else from the guessed start (after the first
         * line feed at or after the block's start).
         */
        Block<S> parse(int k, long from, Buffer buf, Parser parser) {
            Block<S> out = new Block<>();
            out.sink = job.newSink();
            long limit = nominalEnd(k);
            int p;
            if (from >= 0) {
                buf.load(from, Math.min(limit, size));
                p = 0;
            } else if (k == 0) {
                buf.load(dataStart, Math.min(limit, size));
                p = 0;
            } else {
                buf.load(nominalStart(k) - 1, Math.min(limit, size));
                p = -1;
                int q = 0;
                while (p < 0) {
                    for (; q < buf.lim; q++) {
                        if (buf.b[q] == '\n') {
                            p = q + 1;
                            break;
                        }
                    }
                    if (p < 0 && !buf.more()) {
                        p = buf.lim;
                    }
                }
            }
            out.start = buf.offset + p;
            try {
                while (buf.offset + p < limit) {
                    int r = record(buf.b, p, buf.lim, buf.eof, parser);
                    if (r == NEED_MORE) {
                        if (!buf.more()) {
                            out.failed = true;
                            break;
                        }
                        continue;
                    }
                    if (r == END) {
                        p = buf.lim;
                        break;
                    }
                    if (r == MALFORMED || !out.sink.record(buf.b, parser.start, parser.end, parser.escaped)) {
                        out.failed = true;
                        break;
                    }
                    p = r;
                }
                if (!out.failed) {
                    out.sink.end();
                }
            } catch (RuntimeException e) {
                out.failed = true;
            }
            out.end = buf.offset + p;
            return out;
        }
    }

    /**
     * Parses one record starting at p.
     *
     * @return the position after the record's line end, {@link #END} when only blank lines remain
     *     before the end of the file, {@link #NEED_MORE} when the buffer ends first, {@link #MALFORMED}
     */
    private int record(byte[] b, int p, int lim, boolean eof, Parser ps) {
        if (p >= lim) {
            return eof ? END : NEED_MORE;
        }
        if (b[p] == '\n' || b[p] == '\r') {
            int q = p;
            while (q < lim && (b[q] == '\n' || b[q] == '\r')) {
                q++;
            }
            if (q >= lim) {
                return eof ? END : NEED_MORE;
            }
        }
        byte d = delimiter;
        int j = 0;
        boolean tailFast = true;
        while (true) {
            if (j >= nVars) {
                return MALFORMED;
            }
            int slot = slotOf[j];
            if (tailFast && j > lastSelected && p < lim && b[p] != '"') {
                int r = skipTail(b, p, lim, eof, ps);
                if (r == NEED_MORE) {
                    return NEED_MORE;
                }
                if (r >= 0) {
                    if (j + ps.tailDelimiters + 1 != nVars) {
                        return MALFORMED;
                    }
                    return lineEnd(b, r, lim, eof);
                }
                tailFast = false; // a quote in the tail: parse the rest field by field
            }
            int s;
            int e;
            boolean esc = false;
            if (p < lim && b[p] == '"') {
                s = ++p;
                while (true) {
                    if (p >= lim) {
                        return eof ? MALFORMED : NEED_MORE;
                    }
                    byte c = b[p];
                    if (c == '"') {
                        if (p + 1 >= lim) {
                            if (!eof) {
                                return NEED_MORE;
                            }
                            break;
                        }
                        if (b[p + 1] == '"') {
                            esc = true;
                            p += 2;
                            continue;
                        }
                        break;
                    }
                    p++;
                }
                e = p;
                p++;
                if (p < lim && b[p] != d && b[p] != '\n' && b[p] != '\r') {
                    return MALFORMED;
                }
            } else {
                s = p;
                while (p < lim) {
                    byte c = b[p];
                    if (c == d || c == '\n' || c == '\r') {
                        break;
                    }
                    p++;
                }
                if (p >= lim && !eof) {
                    return NEED_MORE;
                }
                e = p;
            }
            if (slot >= 0) {
                ps.start[slot] = s;
                ps.end[slot] = e;
                ps.escaped[slot] = esc;
            }
            if (p < lim && b[p] == d) {
                p++;
                j++;
                continue;
            }
            if (j + 1 != nVars) {
                return MALFORMED;
            }
            return lineEnd(b, p, lim, eof);
        }
    }

    /** @return the position after the line end at p (\n, \r\n, \r or the end of the file) */
    private static int lineEnd(byte[] b, int p, int lim, boolean eof) {
        if (p >= lim) {
            return eof ? p : NEED_MORE;
        }
        if (b[p] == '\r') {
            if (p + 1 >= lim && !eof) {
                return NEED_MORE;
            }
            p++;
            if (p < lim && b[p] == '\n') {
                p++;
            }
            return p;
        }
        return p + 1;
    }

    /**
     * Skips unselected fields to the end of the line, eight bytes at a time, counting delimiters into
     * {@code ps.tailDelimiters}.
     *
     * @return the position of the line end (or lim at the end of the file), {@link #NEED_MORE}, or -1
     *     when a quote comes first
     */
    private int skipTail(byte[] b, int p, int lim, boolean eof, Parser ps) {
        long dpat = (delimiter & 0xffL) * ONES;
        long nl = '\n' * ONES;
        long cr = '\r' * ONES;
        long qt = '"' * ONES;
        int count = 0;
        int i = p;
        while (i + 8 <= lim) {
            long x = (long) LONGS.get(b, i);
            long stop = eq(x, nl) | eq(x, cr) | eq(x, qt);
            long dm = eq(x, dpat);
            if (stop != 0) {
                int bit = Long.numberOfTrailingZeros(stop);
                count += Long.bitCount(dm & ((1L << bit) - 1));
                int q = i + (bit >>> 3);
                if (b[q] == '"') {
                    return -1;
                }
                ps.tailDelimiters = count;
                return q;
            }
            count += Long.bitCount(dm);
            i += 8;
        }
        for (; i < lim; i++) {
            byte c = b[i];
            if (c == '\n' || c == '\r') {
                ps.tailDelimiters = count;
                return i;
            }
            if (c == '"') {
                return -1;
            }
            if (c == delimiter) {
                count++;
            }
        }
        if (!eof) {
            return NEED_MORE;
        }
        ps.tailDelimiters = count;
        return lim;
    }

    /** The high bit of each byte of x that equals the pattern's byte (exact: no carries between bytes). */
    private static long eq(long x, long pattern) {
        long v = x ^ pattern;
        long t = ((v & LOW7) + LOW7) | v;
        return ~t & HIGH;
    }
}
