package org.pluralstats.io.stata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.pluralstats.io.InputFiles;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.CaseBatch;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.FileFormat;
import org.pluralstats.io.MissingValues;
import org.pluralstats.io.ReadWarning;
import org.pluralstats.io.Utf8Text;
import org.pluralstats.io.Variable;
import org.pluralstats.io.VariableType;

/**
 * Streams the observations of a Stata {@code .dta} file, written from Stata's own format
 * documentation ({@code help dta} for release 118, {@code help dta_119}, {@code help dta_117},
 * {@code help dta_115}/{@code dta_114}/{@code dta_113}).
 *
 * <pre>{@code
 * try (StataReader r = StataReader.open(Path.of("wvs.dta"))) {
 *     FileDictionary dict = r.dictionary();
 *     int q = dict.find("Q46").orElseThrow().index();
 *     r.select(new int[] {q});
 *     while (r.next()) {
 *         double x = r.number(q);      // NaN for ., .a-.z
 *         char tag = r.missingTag(q);  // 0, '.', or 'a'..'z'
 *     }
 * }
 * }</pre>
 *
 * <p><b>Releases.</b> 102, 103, 104, 105, 108, 110, 111, 113, 114 and 115 (binary header) and 117, 118
 * and 119 (XML-like tags), in either byte order. The layouts before 110 (Stata 1 to 6) are those pandas
 * 3.0's {@code read_stata} reads (see {@code DtaParser}). Releases 106, 107, 109, 112 and 116, which no
 * released Stata wrote, are refused by number.
 *
 * <p><b>Variables.</b> byte, int, long, float and double are {@link VariableType#NUMERIC}; {@code str#}
 * ({@link Variable#width()} = #) and {@code strL} (width 0) are {@link VariableType#STRING}. Variable
 * labels, display formats ({@link #format(int)}) and value labels are read. Value labels are attached
 * to each numeric variable as {@link Variable#valueLabels()}; labels Stata defines for missing values
 * ({@code .a = "Refused"}) are not numbers and are kept, as R haven and pandas keep them, in
 * {@link Variable#taggedValueLabels()} (also {@link #missingValueLabels(int)}), keyed by the tag
 * {@link #missingTag(int)} reports. A
 * variable that names a value-label table the file does not contain gets no labels (Stata itself allows
 * this, and R haven ignores it too); labels named by string variables are ignored likewise.
 *
 * <p><b>Missing values.</b> {@link #number(int)} is NaN for every missing code and
 * {@link #missingTag(int)} tells which: {@code '.'} or, from release 113, {@code 'a'}..{@code 'z'}.
 * The codes are those of {@code help dta} section 4: byte 101..127, int 32741..32767, long
 * 2,147,483,621..2,147,483,647, float from {@code 0x7f000000} in steps of {@code 0x800}, double from
 * {@code 0x7fe0000000000000} in steps of {@code 2^40}; a float or double above the largest nonmissing
 * value but between two codes is given the lower code (Stata's {@code .a_}), and a NaN or infinity
 * (which Stata never writes) is {@code '.'}. Before release 113 the only code is {@code .} (byte 127,
 * int 32767, long 2,147,483,647, floats and doubles as later), and in releases 105 and earlier a double
 * equal to 2<sup>333</sup>, the double missing value of those releases, is {@code '.'} too (as pandas
 * reads it; R haven returns 1.75e100).
 *
 * <p><b>Text.</b> Release 118 and 119 strings are UTF-8. Earlier releases have no declared encoding;
 * Stata 13 and earlier wrote the platform's 8-bit encoding, and this reader decodes every string of
 * those releases (str#, strL, names, labels) as windows-1252, which equals Latin-1 for every printable
 * Latin-1 character; {@link FileDictionary#encoding()} says which. (R haven also uses windows-1252 for
 * str# and labels of these releases but passes strL bytes through undecoded.) Malformed bytes become
 * U+FFFD. {@link #string(int)} returns a {@code str#} value up to its first NUL and without trailing
 * blanks, as R haven does (pandas keeps them); a {@code strL} value exactly as stored, trailing blanks
 * and all, as both haven and pandas do.
 *
 * <p><b>strL.</b> A strL cell holds a (v,o) reference to a GSO record in {@code <strls>}: two 4-byte
 * integers in release 117, 2 + 6 bytes in 118 and 3 + 5 bytes in 119, each in the file's byte order.
 * Only the records of the variables being read are indexed (their file offsets, not their text), and a
 * value is read from the file when {@link #string(int)} asks for it. A reference to another variable's
 * record (writers may share equal strLs) extends the index to that variable; after eight such
 * extensions the index takes every strL variable, so no file costs more than ten walks of
 * {@code <strls>}. ReadStat (R haven, the {@code readstat} tool) writes release-119 cells in the 118
 * layout; when a 119 reference names no record under the documented layout but does under the 118
 * one, that record is used.
 *
 * <p><b>Streaming.</b> The header, dictionary, value labels and the structure of {@code <strls>} are
 * read when the file is opened, with random access past the data (the value labels follow it). Section
 * positions follow from the sizes read, every section tag is checked where it must be, and the
 * {@code <map>} entries R haven or pandas seek to must agree with them (else the file is refused: those
 * readers would read something else). Observations are then read in chunks of about 1 MB; only the cells
 * of selected variables are decoded, on access, without allocating for numbers. Memory is the chunk,
 * the dictionary, the value labels of labelled variables and the strL index of the strL variables
 * read, whatever the number of observations (docs/benchmarks.md: 10 of 100 variables of a
 * 1,000,000-observation file in a 32 MB heap).
 *
 * <p><b>Bad input.</b> Any structural problem — wrong signature or release, a truncated file, counts or
 * lengths the file cannot hold (variables, observations, label tables, strLs), unknown type codes, a
 * strL reference with no record — is a {@link SurveyFormatException} naming the byte offset and section
 * (for example {@code <value_labels>} or {@code typlist}). Sizes are checked against the file length
 * before anything is allocated. A file shorter than its declared observations fails at
 * {@link #open(Path)} ("the file ends inside case 57 of 240"), never as a short result. A header that
 * declares fewer observations than the data hold (117+: {@code </data>} and the map agree on more;
 * 102-115: the value labels, or the end of the file, come only after more rows) is read in full with
 * a {@link #warnings() warning} naming both counts; one that declares more is refused, and bytes after
 * the data that are neither value-label tables nor whole rows are refused where they start. Empty or repeated variable names,
 * repeated value-label tables or values, and text strLs without their NUL are refused, since R haven
 * and pandas read them differently. The one truncation that cannot be detected is a release 102-115
 * file cut exactly between two value-label tables (that section has no end marker).
 * I/O errors are {@link UncheckedIOException}s.
 *
 * <p>Not thread-safe: one reader per thread.
 */
public final class StataReader implements CaseReader {
    private static final int CHUNK_BYTES = 1 << 20;
    /** Walks of {@code <strls>} for single variables before the index takes every strL variable. */
    private static final int MAX_PARTIAL_GSO_INDEXES = 8;

    private final SeekableByteChannel channel;
    private final DtaInput in;
    private final DtaLayout d;
    private final FileDictionary dictionary;
    private final boolean extended;
    private final boolean oldDoubleMissing;
    private boolean[] selected;
    private boolean started;
    private boolean closed;
    private long row = -1;
    private boolean[] warnedEncoding;
    private ByteBuffer chunk;
    private long chunkFirstRow;
    private int chunkRows;
    private int rowBase;
    private GsoIndex gso;
    private int gsoBuilds;

    private StataReader(SeekableByteChannel channel, String file) {
        this.channel = channel;
        this.in = new DtaInput(channel, file);
        this.d = DtaParser.parse(in);
        this.extended = d.extendedMissing();
        this.oldDoubleMissing = d.release <= 105;
        this.selected = new boolean[d.k];
        Arrays.fill(selected, true);
        this.dictionary = buildDictionary(file);
    }

    /**
     * Opens a {@code .dta} file and reads its dictionary.
     *
     * @param path the file
     * @return a reader positioned before the first observation
     * @throws SurveyFormatException if the file is not a readable Stata file (naming offset and section)
     * @throws UncheckedIOException if the file cannot be opened or read
     */
    public static StataReader open(Path path) {
        FileChannel channel;
        InputFiles.requireRegular(path);
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + path, e);
        }
        return open(channel, path.toString());
    }

    /**
     * Reads from any seekable channel (tests use an in-memory one). The reader owns the channel and
     * closes it, also when opening fails.
     */
    static StataReader open(SeekableByteChannel channel, String name) {
        try {
            return new StataReader(channel, name);
        } catch (RuntimeException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private FileDictionary buildDictionary(String file) {
        List<Variable> variables = new ArrayList<>(d.k);
        for (int i = 0; i < d.k; i++) {
            StataStorageType t = d.types[i];
            Map<Double, String> labels = Map.of();
            Map<Character, String> tagged = Map.of();
            ValueLabelTable table = table(i);
            if (table != null) {
                labels = table.numbers();
                tagged = table.missing();
            }
            variables.add(new Variable(i, d.names[i], d.labels[i],
                    t.isNumeric() ? VariableType.NUMERIC : VariableType.STRING,
                    t == StataStorageType.STRF ? d.widths[i] : 0, labels, Map.of(), MissingValues.none(), tagged));
        }
        return new FileDictionary(file, FileFormat.DTA, d.n, variables, d.charset.name());
    }

    private ValueLabelTable table(int variable) {
        if (!d.types[variable].isNumeric() || d.labelNames[variable].isEmpty()) {
            return null;
        }
        return d.tables.get(d.labelNames[variable]);
    }

    @Override
    public FileDictionary dictionary() {
        return dictionary;
    }

    /**
     * What opening the file noticed: more observations than the header declares (all are read), bytes
     * after {@code </stata_dta>} (ignored). Every other inconsistency is a {@link SurveyFormatException}.
     */
    @Override
    public List<ReadWarning> warnings() {
        return List.copyOf(d.warnings);
    }

    /** @return the file's release (format number), e.g. 114 or 118 */
    public int release() {
        return d.release;
    }

    /** @return the byte order of the file's numbers (MSF = big-endian, LSF = little-endian) */
    public ByteOrder byteOrder() {
        return d.order;
    }

    /** @return the dataset label, empty when none */
    public String dataLabel() {
        return d.dataLabel;
    }

    /**
     * @param variable variable index
     * @return how the variable is stored
     */
    public StataStorageType storageType(int variable) {
        return d.types[Objects.checkIndex(variable, d.k)];
    }

    /**
     * @param variable variable index
     * @return the variable's Stata display format, such as {@code %9.0g} or {@code %td}
     */
    public String format(int variable) {
        return d.formats[Objects.checkIndex(variable, d.k)];
    }

    /**
     * @param variable variable index
     * @return the name of the value-label table the variable names, empty when none (the table itself
     *     may be absent from the file)
     */
    public String valueLabelName(int variable) {
        return d.labelNames[Objects.checkIndex(variable, d.k)];
    }

    /**
     * @param variable variable index
     * @return the labels the variable's value-label table gives to missing values, keyed {@code '.'}
     *     or {@code 'a'}..{@code 'z'} (as {@link #missingTag(int)} reports them); empty when none
     */
    public Map<Character, String> missingValueLabels(int variable) {
        ValueLabelTable table = table(Objects.checkIndex(variable, d.k));
        return table == null ? Map.of() : table.missing();
    }

    @Override
    public void select(int[] variableIndexes) {
        ensureOpen();
        if (started) {
            throw new IllegalStateException("select() must be called before the first next()");
        }
        boolean[] chosen = new boolean[d.k];
        for (int v : variableIndexes) {
            chosen[Objects.checkIndex(v, d.k)] = true;
        }
        selected = chosen;
    }

    @Override
    public boolean next() {
        ensureOpen();
        started = true;
        if (row + 1 >= d.n) {
            row = d.n;
            return false;
        }
        row++;
        if (row >= chunkFirstRow + chunkRows || chunk == null) {
            load(row);
        }
        rowBase = (int) (row - chunkFirstRow) * d.rowWidth;
        return true;
    }

    /**
     * Decodes a block of rows column by column from the fixed-width row buffer: each numeric column
     * is one strided loop over the block, without per-value calls.
     */
    @Override
    public int nextBatch(CaseBatch batch) {
        ensureOpen();
        started = true;
        long first = row + 1;
        if (first >= d.n) {
            row = d.n;
            batch.setSize(0);
            return 0;
        }
        if (chunk == null || first >= chunkFirstRow + chunkRows) {
            load(first);
        }
        int n = (int) Math.min(batch.capacity(), chunkFirstRow + chunkRows - first);
        int base = (int) (first - chunkFirstRow) * d.rowWidth;
        for (int j = 0; j < batch.width(); j++) {
            int v = batch.variable(j);
            Objects.checkIndex(v, d.k);
            if (!selected[v]) {
                throw new IllegalStateException("variable " + d.names[v] + " was not selected");
            }
            if (batch.isNumeric(j)) {
                decodeColumn(d.types[v], base + d.offsets[v], n, batch.numbers(j), batch.tags(j));
            } else {
                String[] out = batch.strings(j);
                for (int r = 0; r < n; r++) {
                    row = first + r;
                    rowBase = base + r * d.rowWidth;
                    out[r] = string(v);
                }
            }
        }
        row = first + n - 1;
        rowBase = base + (n - 1) * d.rowWidth;
        batch.setSize(n);
        return n;
    }

    private void decodeColumn(StataStorageType type, int at, int n, double[] out, byte[] tags) {
        decodeColumn(d, chunk, type, at, n, out, tags);
    }

    /**
     * Decodes one numeric column of n fixed-width rows: NaN and its tag ({@code '.'}, {@code 'a'}..{@code 'z'})
     * for every missing code of the file's release, else the value and tag 0 (also for the parallel
     * path, {@link DtaScores}, so that both read a cell alike).
     *
     * @param d the file's layout
     * @param rows rows of the file in its byte order
     * @param type the column's storage type (numeric)
     * @param at the first cell's position in rows
     * @param n the rows
     * @param out receives the values
     * @param tags receives the missing tags
     */
    static void decodeColumn(DtaLayout d, ByteBuffer rows, StataStorageType type, int at, int n, double[] out,
                             byte[] tags) {
        int stride = d.rowWidth;
        boolean extended = d.extendedMissing();
        boolean oldDoubleMissing = d.release <= 105;
        // one loop per storage type, so the hot loop carries no type switch
        switch (type) {
            case BYTE -> {
                for (int r = 0; r < n; r++, at += stride) {
                    int v = rows.get(at);
                    put(out, tags, r, v, StataMissing.byteTag(v, extended));
                }
            }
            case INT -> {
                for (int r = 0; r < n; r++, at += stride) {
                    int v = rows.getShort(at);
                    put(out, tags, r, v, StataMissing.intTag(v, extended));
                }
            }
            case LONG -> {
                for (int r = 0; r < n; r++, at += stride) {
                    int v = rows.getInt(at);
                    put(out, tags, r, v, StataMissing.longTag(v, extended));
                }
            }
            case FLOAT -> {
                for (int r = 0; r < n; r++, at += stride) {
                    int bits = rows.getInt(at);
                    put(out, tags, r, Float.intBitsToFloat(bits), StataMissing.floatTag(bits, extended));
                }
            }
            case DOUBLE -> {
                for (int r = 0; r < n; r++, at += stride) {
                    long bits = rows.getLong(at);
                    put(out, tags, r, Double.longBitsToDouble(bits), doubleTag(bits, extended, oldDoubleMissing));
                }
            }
            default -> throw new IllegalStateException("a string variable is not numeric");
        }
    }

    /**
     * The raw values of one byte, int or long column of n fixed-width rows, missing codes included
     * (those above {@link StataMissing#largestPresent}): the integer fast path of {@link DtaScores}.
     *
     * @param d the file's layout
     * @param a rows of the file in its byte order
     * @param type byte, int or long
     * @param at the first cell's position in a
     * @param n the rows
     * @param out receives the values
     */
    static void decodeIntegers(DtaLayout d, byte[] a, StataStorageType type, int at, int n, int[] out) {
        int stride = d.rowWidth;
        boolean big = d.order == ByteOrder.BIG_ENDIAN;
        switch (type) {
            case BYTE -> {
                for (int r = 0; r < n; r++, at += stride) {
                    out[r] = a[at];
                }
            }
            case INT -> {
                int hi = big ? 0 : 1;
                for (int r = 0; r < n; r++, at += stride) {
                    out[r] = a[at + hi] << 8 | a[at + 1 - hi] & 0xff;
                }
            }
            case LONG -> {
                if (big) {
                    for (int r = 0; r < n; r++, at += stride) {
                        out[r] = a[at] << 24 | (a[at + 1] & 0xff) << 16 | (a[at + 2] & 0xff) << 8 | a[at + 3] & 0xff;
                    }
                } else {
                    for (int r = 0; r < n; r++, at += stride) {
                        out[r] = a[at + 3] << 24 | (a[at + 2] & 0xff) << 16 | (a[at + 1] & 0xff) << 8 | a[at] & 0xff;
                    }
                }
            }
            default -> throw new IllegalArgumentException("not an integer type: " + type);
        }
    }

    /** The double missing code, with release 102-105's 2<sup>333</sup> (see {@link StataMissing#OLD_DOUBLE_MISSING}). */
    private int doubleTag(long bits) {
        return doubleTag(bits, extended, oldDoubleMissing);
    }

    private static int doubleTag(long bits, boolean extended, boolean oldDoubleMissing) {
        return oldDoubleMissing && bits == StataMissing.OLD_DOUBLE_MISSING ? 0 : StataMissing.doubleTag(bits, extended);
    }

    private static void put(double[] out, byte[] tags, int r, double x, int tag) {
        if (tag == StataMissing.PRESENT) {
            out[r] = x;
            tags[r] = 0;
        } else {
            out[r] = Double.NaN;
            tags[r] = (byte) StataMissing.tagChar(tag);
        }
    }

    private void load(long first) {
        int perChunk = (int) Math.max(1, Math.min(d.n - first, CHUNK_BYTES / d.rowWidth));
        int bytes = perChunk * d.rowWidth;
        if (chunk == null || chunk.capacity() < bytes) {
            chunk = ByteBuffer.allocate(bytes).order(d.order);
        }
        chunk.clear();
        chunk.limit(bytes);
        in.section(d.xml() ? "<data>" : "data");
        in.readFully(chunk, d.dataStart + first * d.rowWidth);
        chunkFirstRow = first;
        chunkRows = perChunk;
    }

    @Override
    public long caseIndex() {
        return row;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the reader is closed");
        }
    }

    /** @return the offset of the variable's cell in the chunk, after checking it may be read */
    private int cell(int variable) {
        ensureOpen();
        Objects.checkIndex(variable, d.k);
        if (!selected[variable]) {
            throw new IllegalStateException("variable " + d.names[variable] + " was not selected");
        }
        if (row < 0 || row >= d.n) {
            throw new IllegalStateException("no current observation: call next() first");
        }
        return rowBase + d.offsets[variable];
    }

    @Override
    public double number(int variable) {
        int at = cell(variable);
        switch (d.types[variable]) {
            case BYTE -> {
                int v = chunk.get(at);
                return StataMissing.byteTag(v, extended) == StataMissing.PRESENT ? v : Double.NaN;
            }
            case INT -> {
                int v = chunk.getShort(at);
                return StataMissing.intTag(v, extended) == StataMissing.PRESENT ? v : Double.NaN;
            }
            case LONG -> {
                int v = chunk.getInt(at);
                return StataMissing.longTag(v, extended) == StataMissing.PRESENT ? v : Double.NaN;
            }
            case FLOAT -> {
                int bits = chunk.getInt(at);
                return StataMissing.floatTag(bits, extended) == StataMissing.PRESENT
                        ? Float.intBitsToFloat(bits) : Double.NaN;
            }
            case DOUBLE -> {
                long bits = chunk.getLong(at);
                return doubleTag(bits) == StataMissing.PRESENT
                        ? Double.longBitsToDouble(bits) : Double.NaN;
            }
            default -> throw new IllegalStateException("variable " + d.names[variable] + " is a string");
        }
    }

    @Override
    public char missingTag(int variable) {
        int at = cell(variable);
        int tag = switch (d.types[variable]) {
            case BYTE -> StataMissing.byteTag(chunk.get(at), extended);
            case INT -> StataMissing.intTag(chunk.getShort(at), extended);
            case LONG -> StataMissing.longTag(chunk.getInt(at), extended);
            case FLOAT -> StataMissing.floatTag(chunk.getInt(at), extended);
            case DOUBLE -> doubleTag(chunk.getLong(at));
            default -> StataMissing.PRESENT;
        };
        return tag == StataMissing.PRESENT ? 0 : StataMissing.tagChar(tag);
    }

    @Override
    public String string(int variable) {
        int at = cell(variable);
        return switch (d.types[variable]) {
            case STRF -> {
                byte[] a = chunk.array();
                int start = chunk.arrayOffset() + at;
                yield text(a, start, strFEnd(a, start, d.widths[variable]) - start, variable);
            }
            case STRL -> strL(variable, at);
            default -> throw new IllegalStateException("variable " + d.names[variable] + " is numeric");
        };
    }

    /**
     * @return where a {@code str#} value starting at {@code start} ends: at its first NUL, without
     *     trailing blanks (as R haven reads it)
     */
    static int strFEnd(byte[] a, int start, int width) {
        int end = start;
        int limit = start + width;
        while (end < limit && a[end] != 0) {
            end++;
        }
        while (end > start && a[end - 1] == ' ') {
            end--;
        }
        return end;
    }

    /** @return the file's layout (for {@link DtaScores}) */
    DtaLayout layout() {
        return d;
    }

    /** @return the file's channel (for {@link DtaScores}: positional reads of a {@link FileChannel} are thread-safe) */
    SeekableByteChannel channel() {
        return channel;
    }

    /** @return whether {@link #next()} or {@link #nextBatch} was called */
    boolean started() {
        return started;
    }

    private long unsigned(int at, int length) {
        long v = 0;
        if (d.order == ByteOrder.BIG_ENDIAN) {
            for (int i = 0; i < length; i++) {
                v = (v << 8) | (chunk.get(at + i) & 0xff);
            }
        } else {
            for (int i = length - 1; i >= 0; i--) {
                v = (v << 8) | (chunk.get(at + i) & 0xff);
            }
        }
        return v;
    }

    private String strL(int variable, int at) {
        int vLength = switch (d.release) {
            case 117 -> 4;
            case 118 -> 2;
            default -> 3;
        };
        long v = unsigned(at, vLength);
        long o = unsigned(at + vLength, 8 - vLength);
        if (v == 0 && o == 0) {
            return "";
        }
        String problem = reference(variable, v, o);
        long position = problem == null ? lookup(v, o) : -1;
        if (position < 0 && d.release == 119) {
            long v2 = unsigned(at, 2);
            long o2 = unsigned(at + 2, 6);
            if (reference(variable, v2, o2) == null) {
                position = lookup(v2, o2);
            }
        }
        if (position < 0) {
            long offset = d.dataStart + row * d.rowWidth + d.offsets[variable];
            in.section(d.xml() ? "<data>" : "data");
            throw in.error(offset).column(DtaInput.escape(d.names[variable]))
                    .problem(problem != null ? problem : "strL reference names no GSO record in <strls>")
                    .found("(v,o) = (" + v + "," + o + ") in observation " + (row + 1))
                    .expected("(0,0) or the (v,o) of a GSO record at or before this cell").build();
        }
        return readGso(position, variable);
    }

    /** @return null when (v,o) may be referenced from this cell, else why not */
    private String reference(int variable, long v, long o) {
        long j = row + 1;
        if (v < 1 || v > d.k || d.types[(int) (v - 1)] != StataStorageType.STRL) {
            return "strL reference to a variable that is not a strL";
        }
        if (o < 1 || o > j || (o == j && v > variable + 1)) {
            return "strL reference to a later cell (forward references are not allowed)";
        }
        return null;
    }

    private long lookup(long v, long o) {
        int index = (int) (v - 1);
        if (gso == null || !gso.covers(index)) {
            boolean[] wanted = gso == null ? strLSelection() : gso.variables();
            wanted[index] = true;
            if (++gsoBuilds > MAX_PARTIAL_GSO_INDEXES) {
                // Many cross-variable references: index every strL once rather than walk <strls> per variable.
                wanted = allStrLs();
            }
            in.section("<strls>");
            gso = GsoIndex.build(in, d, wanted);
        }
        return gso.find(GsoIndex.key(d, v, o));
    }

    private boolean[] allStrLs() {
        boolean[] all = new boolean[d.k];
        for (int i = 0; i < d.k; i++) {
            all[i] = d.types[i] == StataStorageType.STRL;
        }
        return all;
    }

    private boolean[] strLSelection() {
        boolean[] wanted = new boolean[d.k];
        for (int i = 0; i < d.k; i++) {
            wanted[i] = selected[i] && d.types[i] == StataStorageType.STRL;
        }
        return wanted;
    }

    /**
     * The contents of the GSO record at {@code position}, exactly as stored: a type-130 (text) record
     * is a NUL-terminated string and loses only its terminator, as R haven and pandas read it; a
     * type-129 (binary) record is every byte, decoded like text (haven returns nothing for those and
     * pandas the repr of the bytes).
     */
    private String readGso(long position, int variable) {
        in.section("<strls>");
        long typeAt = position + 3 + 4 + d.gsoOLength();
        in.seek(typeAt);
        int type = in.u8();
        long length = in.u32();
        long contentsAt = in.position();
        byte[] bytes = in.bytes(length);
        int end = bytes.length;
        if (type == 130 && end > 0) {
            int nul = 0;
            while (nul < end && bytes[nul] != 0) {
                nul++;
            }
            if (nul != end - 1) {
                throw in.error(nul < end ? contentsAt + nul : contentsAt).problem(nul < end
                                ? "NUL inside a text strL (R haven cuts the text there, pandas keeps it)"
                                : "text strL without its terminating NUL")
                        .found(length + " bytes, " + (nul < end ? "NUL at byte " + nul : "no NUL"))
                        .expected("a GSO of type 130 to hold a string and one NUL at its end (help dta 5.11.2)")
                        .build();
            }
            end--;
        }
        return text(bytes, 0, end, variable);
    }

    /**
     * Decodes a string value in the file's character set. A value of a UTF-8 file (releases 118 and 119)
     * that is not valid UTF-8 is decoded as windows-1252 with one warning per variable, rather than
     * silently holding U+FFFD.
     */
    private String text(byte[] a, int start, int length, int variable) {
        if (d.charset != java.nio.charset.StandardCharsets.UTF_8) {
            return new String(a, start, length, d.charset);
        }
        String s = Utf8Text.decodeOrNull(a, start, length);
        if (s != null) {
            return s;
        }
        s = new String(a, start, length, Utf8Text.FALLBACK);
        if (warnedEncoding == null) {
            warnedEncoding = new boolean[d.k];
        }
        if (!warnedEncoding[variable] && d.warnings.size() < 20) {
            warnedEncoding[variable] = true;
            d.warnings.add(new ReadWarning(in.file(), "case " + (row + 1) + ", variable " + DtaInput.escape(d.names[variable]),
                    "the file is UTF-8 (release " + d.release + ") but this value is not valid UTF-8; decoded as "
                            + "windows-1252: \"" + DtaInput.escape(s.length() > 80 ? s.substring(0, 80) + "..." : s)
                            + "\" (later such values of this variable too, without another warning)"));
        }
        return s;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        chunk = null;
        gso = null;
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close " + in.file(), e);
        }
    }
}
