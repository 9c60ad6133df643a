package org.pluralstats.io.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.ScoreColumns;
import org.pluralstats.io.Variable;
import org.pluralstats.weight.StreamingScores;

/**
 * Value polarity scores of a delimited file in one parallel pass ({@link CsvBlocks}), binarisation
 * and accumulation fused: each block parses its records' selected fields straight from the bytes
 * (numbers without strings; a population's text made once per distinct value) into its own
 * {@link StreamingScores.Pass}, and the passes are merged in file order with
 * {@link StreamingScores.Pass#combine}. Missing values as {@link CsvReader} and
 * {@code SurveyFiles.read} have them: empty, {@code .}, {@code NA}, {@code NaN}, and the WVS/EVS codes
 * -1..-5 when the conventions apply.
 *
 * <p>Anything unusual (a malformed record, text in a column the first rows typed numeric, an unusable
 * weight when such weights are errors) makes {@link #score} return empty; the caller then reads the
 * file sequentially, which reports the problem by line and column or handles it.
 */
public final class CsvScores {
    private static final int REFUSED = -2;
    /** Respondents whose single-digit answers are gathered before they are added item by item. */
    private static final int CHUNK = 1024;

    private CsvScores() {
    }

    /**
     * Scores a file in parallel blocks.
     *
     * @param header the file, opened with {@link CsvReader#openSampled} (its delimiter, header and the
     *     column types of its first rows)
     * @param columns the items, weight factors and grouping columns (empty: {@code global}); items and
     *     weights typed numeric
     * @param template an empty pass of the scorer; each block gets a {@link StreamingScores.Pass#fresh()} one
     * @param threads the threads
     * @param blockSize the block size in bytes, {@code <= 0} for the default ({@link CsvBlocks#blockSize})
     * @return the merged pass, or empty when the file must be read sequentially
     */
    public static Optional<StreamingScores.Pass> score(CsvReader header, ScoreColumns columns, StreamingScores.Pass template,
                                                       int threads, long blockSize) {
        return score(header, columns, template, threads, blockSize, (bytes, size) -> { });
    }

    /** How far a parallel read has got. */
    @FunctionalInterface
    public interface BytesRead {
        /**
         * @param bytes the bytes of the file read and merged so far, in file order
         * @param size the file's size in bytes
         */
        void read(long bytes, long size);
    }

    /**
     * As {@link #score(CsvReader, ScoreColumns, StreamingScores.Pass, int, long)}, telling {@code progress}
     * the bytes merged after each block (one thread at a time); the scores are the same.
     *
     * @param header the file, opened with {@link CsvReader#openSampled}
     * @param columns the items, weight factors and grouping columns
     * @param template an empty pass of the scorer
     * @param threads the threads
     * @param blockSize the block size in bytes, {@code <= 0} for the default
     * @param progress receives the bytes merged so far and the file's size
     * @return the merged pass, or empty when the file must be read sequentially
     */
    public static Optional<StreamingScores.Pass> score(CsvReader header, ScoreColumns columns, StreamingScores.Pass template,
                                                       int threads, long blockSize, BytesRead progress) {
        LinkedHashSet<Integer> selected = new LinkedHashSet<>();
        columns.items().forEach(v -> selected.add(v.index()));
        columns.weights().forEach(v -> selected.add(v.index()));
        columns.groupings().forEach(g -> g.ifPresent(v -> selected.add(v.index())));
        int[] sel = selected.stream().mapToInt(Integer::intValue).toArray();
        int[] slotOfColumn = new int[header.dictionary().variables().size()];
        for (int i = 0; i < sel.length; i++) {
            slotOfColumn[sel[i]] = i;
        }
        int[] itemSlots = columns.items().stream().mapToInt(v -> slotOfColumn[v.index()]).toArray();
        int[] weightSlots = columns.weights().stream().mapToInt(v -> slotOfColumn[v.index()]).toArray();
        int g = columns.groupings().size();
        int[] groupSlots = new int[g];
        boolean[] groupNumeric = new boolean[g];
        for (int k = 0; k < g; k++) {
            Optional<Variable> v = columns.groupings().get(k);
            groupSlots[k] = v.map(x -> slotOfColumn[x.index()]).orElse(-1);
            groupNumeric[k] = v.map(Variable::isNumeric).orElse(false);
        }
        CsvBlocks blocks = new CsvBlocks(header.path(), header.delimiter(), header.dataOffset(),
                header.dictionary().variables().size(), sel, blockSize);
        StreamingScores.Pass total = template.fresh();
        // a block's sink is merged soon after it is made (in file order): the merged ones are reused, so
        // that a run allocates a few passes, not one per block
        java.util.Queue<Sink> free = new java.util.concurrent.ConcurrentLinkedQueue<>();
        boolean ok = blocks.run(new CsvBlocks.Job<Sink>() {
            @Override
            public Sink newSink() {
                Sink s = free.poll();
                return s != null ? s : new Sink(template.fresh(), itemSlots, weightSlots, groupSlots, groupNumeric,
                        columns.wvsMissingCodes(), columns.invalidWeightsAreErrors());
            }

            @Override
            public void merge(Sink sink) {
                total.combine(sink.pass);
                sink.clear();
                free.add(sink);
            }

            @Override
            public void merged(long bytes, long size) {
                progress.read(bytes, size);
            }
        }, threads);
        return ok ? Optional.of(total) : Optional.empty();
    }

    /** One block's accumulation. */
    private static final class Sink implements CsvBlocks.RecordSink {
        final StreamingScores.Pass pass;
        final int[] itemSlots;
        final int[] weightSlots;
        final int[] groupSlots;
        final boolean wvs;
        final boolean failOnInvalid;
        final KeyCache[] caches;
        final int[] pops;
        /** The chunk's single-digit answers, item-major ({@code codes[item * CHUNK + row]}; -1 for none). */
        final byte[] codes;
        /** Per chunk row, its cell in each grouping that names a column (-1: none). */
        final int[][] cells;
        final int[] cellOf;
        final double[] weights = new double[CHUNK];
        int rows;

        Sink(StreamingScores.Pass pass, int[] itemSlots, int[] weightSlots, int[] groupSlots, boolean[] groupNumeric,
             boolean wvs, boolean failOnInvalid) {
            this.pass = pass;
            this.itemSlots = itemSlots;
            this.weightSlots = weightSlots;
            this.groupSlots = groupSlots;
            this.wvs = wvs;
            this.failOnInvalid = failOnInvalid;
            this.caches = new KeyCache[groupSlots.length];
            for (int k = 0; k < caches.length; k++) {
                caches[k] = new KeyCache(pass, k, groupNumeric[k]);
            }
            this.pops = new int[groupSlots.length];
            this.codes = new byte[itemSlots.length * CHUNK];
            this.cells = new int[pass.cellsPerRespondent()][CHUNK];
            this.cellOf = new int[pass.cellsPerRespondent()];
        }

        @Override
        public boolean record(byte[] b, int[] start, int[] end, boolean[] escaped) {
            for (int k = 0; k < pops.length; k++) {
                int slot = groupSlots[k];
                if (slot < 0) {
                    pops[k] = 0;
                } else {
                    int p = caches[k].population(b, start[slot], end[slot], escaped[slot]);
                    if (p == REFUSED) {
                        return false;
                    }
                    pops[k] = p;
                }
            }
            int k = pass.cells(pops, cellOf);
            if (k == 0) {
                return true;
            }
            double w = 1;
            for (int slot : weightSlots) {
                int s = start[slot];
                int e = end[slot];
                if (CsvReader.isMissingText(b, s, e)) {
                    w = Double.NaN;
                } else {
                    double x = NumberParser.parse(b, s, e);
                    if (x != x) {
                        return false;
                    }
                    w *= wvs && x < 0 && x >= -5 && x == Math.rint(x) ? Double.NaN : x;
                }
            }
            boolean usable = w > 0 && w < Double.POSITIVE_INFINITY;
            if (!usable) {
                if (failOnInvalid) {
                    return false;
                }
                pass.weight(w, 0, true);
            }
            int r = rows;
            for (int i = 0; i < itemSlots.length; i++) {
                int slot = itemSlots[i];
                int s = start[slot];
                int e = end[slot];
                int d;
                if (e - s == 1 && (d = b[s] - '0') >= 0 && d <= 9 && usable) {
                    codes[i * CHUNK + r] = (byte) d;
                    continue;
                }
                codes[i * CHUNK + r] = -1;
                if (CsvReader.isMissingText(b, s, e)) {
                    continue;
                }
                double v = NumberParser.parse(b, s, e);
                if (v != v) {
                    return false;
                }
                if (wvs && v < 0 && v >= -5 && v == Math.rint(v)) {
                    continue;
                }
                for (int j = 0; j < k; j++) {
                    pass.add(i, cellOf[j], v, w, usable);
                }
            }
            if (usable) {
                for (int j = 0; j < cells.length; j++) {
                    cells[j][r] = j < k ? cellOf[j] : -1;
                }
                weights[r] = w;
                if (++rows == CHUNK) {
                    end();
                }
            }
            return true;
        }

        /** Empties the sink for another block. */
        void clear() {
            pass.clear();
            for (KeyCache c : caches) {
                c.clear();
            }
            rows = 0;
        }

        /** Adds the chunk's single-digit answers, item by item. */
        @Override
        public void end() {
            for (int i = 0; i < itemSlots.length; i++) {
                for (int[] c : cells) {
                    pass.addDigits(i, codes, i * CHUNK, c, weights, rows);
                }
            }
            rows = 0;
        }
    }

    /**
     * A grouping column's distinct field bytes → population index, so that a population's text is
     * decoded once per block, not once per record (open addressing on a hash of the bytes).
     */
    private static final class KeyCache {
        final StreamingScores.Pass pass;
        final int grouping;
        final boolean numeric;
        byte[][] keys = new byte[64][];
        boolean[] esc = new boolean[64];
        int[] values = new int[64];
        int size;

        KeyCache(StreamingScores.Pass pass, int grouping, boolean numeric) {
            this.pass = pass;
            this.grouping = grouping;
            this.numeric = numeric;
        }

        int population(byte[] b, int s, int e, boolean escaped) {
            int h = hash(b, s, e, escaped);
            int mask = keys.length - 1;
            int at = h & mask;
            while (true) {
                byte[] k = keys[at];
                if (k == null) {
                    break;
                }
                if (esc[at] == escaped && Arrays.equals(k, 0, k.length, b, s, e)) {
                    return values[at];
                }
                at = (at + 1) & mask;
            }
            int p = resolve(b, s, e, escaped);
            if (p == REFUSED) {
                return p;
            }
            keys[at] = Arrays.copyOfRange(b, s, e);
            esc[at] = escaped;
            values[at] = p;
            if (++size * 2 > keys.length) {
                rehash();
            }
            return p;
        }

        private int resolve(byte[] b, int s, int e, boolean escaped) {
            String value;
            if (numeric) {
                if (CsvReader.isMissingText(b, s, e)) {
                    value = null;
                } else {
                    double x = NumberParser.parse(b, s, e);
                    if (x != x) {
                        return REFUSED;
                    }
                    value = SurveyData.formatNumber(x);
                }
            } else {
                try {
                    value = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, s, e - s)).toString();
                } catch (CharacterCodingException x) {
                    return REFUSED;
                }
                if (escaped) {
                    value = value.replace("\"\"", "\"");
                }
                if (value.isEmpty()) {
                    value = null;
                }
            }
            return pass.population(grouping, value);
        }

        void clear() {
            Arrays.fill(keys, null);
            size = 0;
        }

        /** The table's hash of a field's bytes (and whether it was a quoted field with doubled quotes). */
        private static int hash(byte[] b, int s, int e, boolean escaped) {
            int h = escaped ? 1 : 0;
            for (int i = s; i < e; i++) {
                h = 31 * h + b[i];
            }
            return h ^ h >>> 16;
        }

        private void rehash() {
            byte[][] oldKeys = keys;
            boolean[] oldEsc = esc;
            int[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            esc = new boolean[keys.length];
            values = new int[keys.length];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                byte[] k = oldKeys[i];
                if (k == null) {
                    continue;
                }
                int h = hash(k, 0, k.length, oldEsc[i]);
                int at = h & mask;
                while (keys[at] != null) {
                    at = (at + 1) & mask;
                }
                keys[at] = k;
                esc[at] = oldEsc[i];
                values[at] = oldValues[i];
            }
        }
    }
}
