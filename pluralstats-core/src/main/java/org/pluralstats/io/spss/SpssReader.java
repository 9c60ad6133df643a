package org.pluralstats.io.spss;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import org.pluralstats.io.InputFiles;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.CaseBatch;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.FileFormat;
import org.pluralstats.io.ReadWarning;

/**
 * Streams the cases of an SPSS system file: {@code $FL2} files, uncompressed or bytecode-compressed
 * ({@link FileFormat#SAV}), and {@code $FL3} files with zlib-compressed blocks ({@link FileFormat#ZSAV}),
 * in either byte order, as written by SPSS from release 6 on, PSPP, ReadStat and R haven.
 *
 * <pre>{@code
 * try (SpssReader r = SpssReader.open(Path.of("wvs.sav"))) {
 *     FileDictionary d = r.dictionary();
 *     int q = d.find("Q46").orElseThrow().index();
 *     r.select(new int[] {q});
 *     while (r.next()) {
 *         double x = r.number(q);          // NaN when system-missing
 *     }
 * }
 * }</pre>
 *
 * <p>The dictionary is read when the file is opened. It has one {@link org.pluralstats.io.Variable} per
 * SPSS variable: a very long string (wider than 255 bytes, stored as several segments) is one variable
 * of its full width; names are the long names (record 7, subtype 13); names and labels are decoded with
 * the character encoding record (subtype 20), else the code page in the machine integer info record
 * (subtype 3), else windows-1252. User-missing values are reported in
 * {@link org.pluralstats.io.Variable#missing()} ({@code LO} and {@code HI} as infinities) and returned
 * unchanged by {@link #number(int)}; the system-missing value reads as NaN with
 * {@link #missingTag(int)} {@code '.'}. The declared row count is the header's case count, or the
 * 64-bit count of record 7 subtype 16, or -1.
 *
 * <p>Cases are decoded from a buffered stream; only selected variables are stored, and a string
 * variable that is not selected is skipped without copying its bytes. A file that ends before its
 * declared case count ("the file holds 200 cases, but the header declares 240"), or inside a case
 * ("the file ends inside case 57 of 240"), is a {@link SurveyFormatException}, as is any malformed
 * record, with the byte offset and record type. Every size read from the file is checked before
 * anything is allocated for it.
 *
 * <p>Where PSPP and haven silently read fewer cases than the file holds (a header case count lower than
 * the data, whole cases appended after the declared ones), this reader reads every case and says so in
 * {@link #warnings()}; bytes after the last case that are not a whole case are ignored with a warning.
 * The system-missing value is -DBL_MAX (and code 255 in compressed data) whatever the float info record
 * declares, as in SPSS and PSPP. A very long string record is checked against the variable records as
 * PSPP checks it (every segment but the last 255 bytes wide, the last {@code width - 252 * (segments - 1)},
 * both rounded up to 8) and refused if they disagree. In a file declared UTF-8, a string value that is
 * not valid UTF-8 is decoded as windows-1252 with a warning naming the variable and case.
 *
 * <p>Reference: the PSPP Developers Guide, appendix "System File Format".
 */
public final class SpssReader implements CaseReader {
    private static final int BUFFER = 1 << 20;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int ZLIB_WINDOW = 256 << 10;
    private static final String DATA = "data record";
    /**
     * The system-missing value, -DBL_MAX, whatever the float info record (type 7, subtype 4) declares:
     * SPSS and PSPP ignore that field (PSPP warns when it differs), and so does this reader.
     */
    static final double SYSMIS = -Double.MAX_VALUE;
    /** Most warnings kept; the rest are counted in one last warning. */
    static final int MAX_WARNINGS = 20;

    private final String file;
    private final ChannelSource channel;
    private final SpssLayout layout;
    private final ByteSource data;
    private final boolean bigEndian;
    private final double bias;
    private final int elements;
    private final int[] elementVariable;
    private final boolean[] elementNumeric;
    private final int[] elementTarget;
    private final int[] elementCopy;
    private final Charset charset;

    private boolean[] selected;
    private boolean[] elementSelected;
    private double[] numbers;
    private byte[][] strings;
    private String[] decoded;
    private long[] decodedCase;

    private final byte[] codes = new byte[8];
    private int codePos = 8;
    private long caseIndex = -1;
    private boolean started;
    private boolean ended;
    private final java.util.List<ReadWarning> warnings = new java.util.ArrayList<>();
    private int moreWarnings;
    private boolean[] warnedEncoding;
    private boolean warnedUndeclared;
    private final boolean utf8;

    private SpssReader(ChannelSource channel, String file) {
        this.file = file;
        this.channel = channel;
        try {
            this.layout = DictionaryParser.parse(channel, file);
            this.bigEndian = layout.bigEndian;
            this.bias = layout.bias;
            this.elements = layout.elements;
            this.elementVariable = layout.elementVariable;
            this.elementNumeric = layout.elementNumeric;
            this.elementTarget = layout.elementTarget;
            this.elementCopy = layout.elementCopy;
            this.charset = layout.charset;
            this.utf8 = java.nio.charset.StandardCharsets.UTF_8.equals(charset);
            for (ReadWarning w : layout.warnings) {
                warn(w);
            }
            checkCaseCount();
            if (layout.compression == 2) {
                data = new InflatingSource(channel, file, bigEndian, layout.zheaderOffset, layout.ztrailerOffset,
                        layout.ztrailerLength, ZLIB_WINDOW);
            } else {
                data = channel;
                if (layout.compression == 0) {
                    channel.grow(8 * elements);
                }
            }
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Opens a system file and reads its dictionary.
     *
     * @param path a {@code .sav} or {@code .zsav} file
     * @return a reader positioned before the first case
     * @throws SurveyFormatException if the file is not a well-formed system file
     * @throws UncheckedIOException if the file cannot be read
     */
    public static SpssReader open(Path path) {
        FileChannel ch;
        long size;
        InputFiles.requireRegular(path);
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
            size = ch.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SpssReader(new ChannelSource(ch, size, bufferFor(size)), path.toString());
    }

    /**
     * Reads a system file from a stream, which the reader closes. Without the file length up front,
     * false sizes are found when the stream ends rather than at once, with the same errors.
     *
     * @param in the file's bytes
     * @param name the file name, for messages and {@link FileDictionary#file()}
     * @return a reader positioned before the first case
     * @throws SurveyFormatException if the stream is not a well-formed system file
     */
    public static SpssReader open(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        return new SpssReader(new ChannelSource(Channels.newChannel(in), -1, BUFFER), name);
    }

    /** A small file gets a buffer of its own size; a large one reads through {@link #BUFFER} bytes. */
    private static int bufferFor(long length) {
        return (int) Math.max(4096, Math.min(BUFFER, length));
    }

    /** Reads a system file held in memory (tests: the length is known, as for a file). */
    static SpssReader open(byte[] bytes, String name) {
        return new SpssReader(new ChannelSource(Channels.newChannel(new ByteArrayInputStream(bytes)),
                bytes.length, bufferFor(bytes.length)), name);
    }

    /** @return bytes held for string values: only selected string variables have a buffer (tests) */
    long stringBufferBytes() {
        long n = 0;
        if (strings != null) {
            for (byte[] b : strings) {
                n += b == null ? 0 : b.length;
            }
        }
        return n;
    }

    /** Rejects case counts that cannot fit in the rest of the file (or that no variable could hold). */
    private void checkCaseCount() {
        long cases = layout.cases;
        long left = channel.remaining();
        if (cases > 0 && elements == 0) {
            throw SurveyFormatException.in(file).byteOffset(80).record("file header")
                    .found(cases + " cases in a file without variables").expected("no cases").build();
        }
        if (cases <= 0 || elements == 0 || channel.length < 0 || layout.compression == 2) {
            return;
        }
        // An uncompressed case takes 8 bytes per element; a compressed one at least a code byte each.
        long perCase = layout.compression == 0 ? 8L * elements : elements;
        if (cases > left / perCase) {
            String holds = layout.compression == 0
                    ? "the file holds " + left / perCase + " cases (" + left + " bytes of data follow the dictionary, "
                            + perCase + " bytes a case)"
                    : "the " + left + " bytes of data after the dictionary hold at most " + left / perCase
                            + " cases (a case needs at least " + perCase + " bytes)";
            throw SurveyFormatException.in(file).byteOffset(80).record("file header")
                    .problem(holds + ", but the header declares " + cases).found("case count " + cases)
                    .expected("at most " + left / perCase).build();
        }
    }

    @Override
    public FileDictionary dictionary() {
        return layout.dictionary;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if an index is out of range
     * @throws IllegalStateException after the first {@link #next()}
     */
    @Override
    public void select(int[] variableIndexes) {
        if (started) {
            throw new IllegalStateException("select() must be called before the first next()");
        }
        boolean[] s = new boolean[layout.widths.length];
        for (int v : variableIndexes) {
            if (v < 0 || v >= s.length) {
                throw new IllegalArgumentException("variable index " + v + " is outside 0.." + (s.length - 1));
            }
            s[v] = true;
        }
        selected = s;
    }

    private void start() {
        started = true;
        int n = layout.widths.length;
        if (selected == null) {
            selected = new boolean[n];
            Arrays.fill(selected, true);
        }
        elementSelected = new boolean[elements];
        for (int e = 0; e < elements; e++) {
            elementSelected[e] = selected[elementVariable[e]];
        }
        numbers = new double[n];
        strings = new byte[n][];
        decoded = new String[n];
        decodedCase = new long[n];
        warnedEncoding = new boolean[n];
        for (int v = 0; v < n; v++) {
            if (selected[v] && layout.widths[v] > 0) {
                strings[v] = new byte[layout.widths[v]];
            }
        }
    }

    @Override
    public boolean next() {
        if (!started) {
            start();
        }
        if (ended) {
            return false;
        }
        long declared = layout.cases;
        if (elements == 0) {
            ended = true;
            finish();
            return false;
        }
        boolean beyond = declared >= 0 && caseIndex + 1 >= declared;
        long at = data.fileOffset();
        boolean got;
        try {
            got = layout.compression == 0 ? readUncompressed() : readCompressed();
        } catch (SurveyFormatException e) {
            if (!beyond || layout.compression == 2) {
                // Inside the declared cases, or in a ZLIB stream (whose blocks and trailer must be whole).
                throw e;
            }
            // Bytes after the declared cases that are not a whole case: the declared cases are whole
            // and are what SPSS, PSPP and haven read; say what was left over.
            ended = true;
            warn(new ReadWarning(file, "byte " + at, "after the " + declared + " cases the header declares, "
                    + (caseIndex + 1 - declared > 0 ? (caseIndex + 1 - declared) + " more whole cases and " : "")
                    + "data that is not a whole case follow (" + withoutFile(e.getMessage()) + "); that data was ignored"));
            reportExtraCases(declared);
            return false;
        }
        if (!got) {
            ended = true;
            long read = caseIndex + 1;
            if (declared >= 0 && read < declared) {
                throw error(-1).problem("the file holds " + read + " cases, but the header declares " + declared
                        + where()).build();
            }
            reportExtraCases(declared);
            finish();
            return false;
        }
        caseIndex++;
        return true;
    }

    private String withoutFile(String message) {
        return message.startsWith(file + ", ") ? message.substring(file.length() + 2) : message;
    }

    /** Warns when more cases were read than the header declares (they are all returned). */
    private void reportExtraCases(long declared) {
        long read = caseIndex + 1;
        if (declared >= 0 && read > declared) {
            warn(new ReadWarning(file, "file header, byte 80", "the file holds " + read + " cases, but the header "
                    + "declares " + declared + "; all " + read + " were read (PSPP and haven read only the first "
                    + declared + ")"));
        }
    }

    private void warn(ReadWarning w) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(w);
        } else {
            moreWarnings++;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>This reader warns about: a header case count lower than the cases in the file (all cases are
     * read), bytes after the declared cases that are not a whole case (ignored), a float info record
     * declaring another system-missing value (ignored, as SPSS and PSPP do), a nominal case size that
     * disagrees with the variable records, and string fields of a file declared UTF-8 that are not
     * valid UTF-8 (decoded as windows-1252, once per variable).
     */
    @Override
    public java.util.List<ReadWarning> warnings() {
        if (moreWarnings == 0) {
            return java.util.List.copyOf(warnings);
        }
        java.util.List<ReadWarning> all = new java.util.ArrayList<>(warnings);
        all.add(new ReadWarning(file, "", "and " + moreWarnings + " more warnings"));
        return java.util.List.copyOf(all);
    }

    /**
     * After the last case of a ZSAV file, inflates whatever is left of the last block and checks the
     * ZLIB data trailer, so that a damaged or cut-off end of the file is not taken for a whole one.
     */
    private void finish() {
        long at = data.fileOffset();
        long left = 0;
        do {
            left += data.available();
            data.pos = data.lim;
        } while (data.ensure(1));
        if (left > 0) {
            // Only bytecode data can stop before its end: at an end-of-data code 252.
            warn(new ReadWarning(file, layout.compression == 2 ? "ZLIB data, after case " + (caseIndex + 1)
                    : "byte " + at, left + " bytes follow the end-of-data code (252) after case " + (caseIndex + 1)
                    + "; they were ignored"));
        }
    }

    private boolean readUncompressed() {
        ByteSource s = data;
        int size = 8 * elements;
        if (!s.ensure(size)) {
            if (s.available() == 0) {
                return false;
            }
            throw error(s.available() / 8).problem("the file ends inside case " + (caseIndex + 2) + ofDeclared() + ", "
                    + s.available() + " bytes into its " + size + " bytes" + where()).build();
        }
        byte[] b = s.buf;
        int p = s.pos;
        boolean[] sel = elementSelected;
        for (int e = 0; e < elements; e++) {
            if (sel[e]) {
                store(e, b, p + 8 * e);
            }
        }
        s.pos = p + size;
        return true;
    }

    private boolean readCompressed() {
        ByteSource s = data;
        boolean[] sel = elementSelected;
        boolean[] numeric = elementNumeric;
        int e = 0;
        while (e < elements) {
            if (codePos == 8) {
                if (!s.ensure(8)) {
                    if (e == 0 && s.available() == 0) {
                        return false;
                    }
                    throw error(e).problem("the file ends inside case " + (caseIndex + 2) + ofDeclared() + where()).build();
                }
                System.arraycopy(s.buf, s.pos, codes, 0, 8);
                s.pos += 8;
                codePos = 0;
            }
            int c = codes[codePos++] & 0xff;
            switch (c) {
                case 0:
                    continue;
                case 252:
                    if (e == 0) {
                        return false;
                    }
                    throw error(e).problem("the end-of-data code 252 appears inside a case" + where()).build();
                case 253:
                    if (!s.ensure(8)) {
                        throw error(e).problem("the file ends inside case " + (caseIndex + 2) + ofDeclared() + where()).build();
                    }
                    if (sel[e]) {
                        store(e, s.buf, s.pos);
                    }
                    s.pos += 8;
                    break;
                case 254:
                    if (numeric[e]) {
                        throw error(e).found("code 254 (eight spaces) for a numeric variable")
                                .expected("a number code" + where()).build();
                    }
                    if (sel[e]) {
                        int t = elementTarget[e];
                        Arrays.fill(strings[elementVariable[e]], t, t + elementCopy[e], (byte) ' ');
                    }
                    break;
                case 255:
                    if (!numeric[e]) {
                        throw error(e).found("code 255 (system-missing) for a string variable")
                                .expected("a string code" + where()).build();
                    }
                    if (sel[e]) {
                        numbers[elementVariable[e]] = Double.NaN;
                    }
                    break;
                default:
                    if (numeric[e]) {
                        if (sel[e]) {
                            numbers[elementVariable[e]] = c - bias;
                        }
                    } else if (c - bias == 0) {
                        // A zero number code in a string field stands for eight NUL bytes.
                        if (sel[e]) {
                            int t = elementTarget[e];
                            Arrays.fill(strings[elementVariable[e]], t, t + elementCopy[e], (byte) 0);
                        }
                    } else {
                        throw error(e).found("number code " + c + " for a string variable")
                                .expected("a string code" + where()).build();
                    }
                    break;
            }
            e++;
        }
        return true;
    }

    private void store(int e, byte[] b, int p) {
        int v = elementVariable[e];
        if (elementNumeric[e]) {
            double d = Bytes.flt64(b, p, bigEndian);
            numbers[v] = d == SYSMIS || d != d ? Double.NaN : d;
        } else {
            int c = elementCopy[e];
            if (c > 0) {
                System.arraycopy(b, p, strings[v], elementTarget[e], c);
            }
        }
    }

    private String ofDeclared() {
        return layout.cases >= 0 ? " of " + layout.cases : "";
    }

    private String where() {
        return data.where();
    }

    /** @param element the element being decoded, or -1 when between cases */
    private SurveyFormatException.Builder error(int element) {
        SurveyFormatException.Builder b = SurveyFormatException.in(file).byteOffset(data.fileOffset())
                .record(DATA + ", case " + (caseIndex + 2));
        if (element >= 0 && element < elements) {
            b.column(layout.dictionary.variables().get(elementVariable[element]).name());
        }
        return b;
    }

    @Override
    public long caseIndex() {
        return caseIndex;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The batch's variables are checked once, not per cell: each case's selected numbers are copied
     * from the decoded case ({@code .} for system-missing, as {@link #missingTag}), strings as {@link #string}.
     */
    @Override
    public int nextBatch(CaseBatch batch) {
        int width = batch.width();
        int[] vars = new int[width];
        boolean[] isNumber = new boolean[width];
        double[][] outNumbers = new double[width][];
        byte[][] outTags = new byte[width][];
        String[][] outStrings = new String[width][];
        for (int j = 0; j < width; j++) {
            int v = batch.variable(j);
            if (v < 0 || v >= layout.widths.length) {
                throw new IndexOutOfBoundsException("variable index " + v + " is outside 0.." + (layout.widths.length - 1));
            }
            if (started && !selected[v]) {
                throw new IllegalStateException("variable " + v + " was not selected");
            }
            if ((layout.widths[v] == 0) != batch.isNumeric(j)) {
                throw new IllegalStateException("variable " + layout.dictionary.variables().get(v).name()
                        + " does not match the batch's type");
            }
            vars[j] = v;
            isNumber[j] = batch.isNumeric(j);
            if (isNumber[j]) {
                outNumbers[j] = batch.numbers(j);
                outTags[j] = batch.tags(j);
            } else {
                outStrings[j] = batch.strings(j);
            }
        }
        int n = 0;
        while (n < batch.capacity() && next()) {
            if (n == 0) {
                for (int v : vars) {
                    checkCase(v);
                }
            }
            for (int j = 0; j < width; j++) {
                int v = vars[j];
                if (isNumber[j]) {
                    double x = numbers[v];
                    outNumbers[j][n] = x;
                    outTags[j][n] = Double.isNaN(x) ? (byte) '.' : 0;
                } else {
                    outStrings[j][n] = string(v);
                }
            }
            n++;
        }
        batch.setSize(n);
        return n;
    }

    @Override
    public double number(int variable) {
        check(variable, true);
        return numbers[variable];
    }

    @Override
    public char missingTag(int variable) {
        checkCase(variable);
        return layout.widths[variable] == 0 && Double.isNaN(numbers[variable]) ? '.' : 0;
    }

    @Override
    public String string(int variable) {
        check(variable, false);
        if (decodedCase[variable] == caseIndex + 1 && decoded[variable] != null) {
            return decoded[variable];
        }
        byte[] b = strings[variable];
        int end = b.length;
        while (end > 0 && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        String s = new String(b, 0, end, charset);
        if (utf8 && s.indexOf('\uFFFD') >= 0 && !org.pluralstats.io.Utf8Text.isValid(b, 0, end)) {
            s = new String(b, 0, end, WINDOWS_1252);
            if (!warnedEncoding[variable]) {
                warnedEncoding[variable] = true;
                warn(new ReadWarning(file, "case " + (caseIndex + 1) + ", variable "
                        + layout.dictionary.variables().get(variable).name(), "the file declares UTF-8 but this "
                        + "value is not valid UTF-8; decoded as windows-1252: \"" + printable(s) + "\" (later such "
                        + "values of this variable too, without another warning)"));
            }
        }
        if (!layout.charsetDeclared && !warnedUndeclared && !isAscii(b, end)) {
            warnedUndeclared = true;
            warn(new ReadWarning(file, "case " + (caseIndex + 1) + ", variable "
                    + layout.dictionary.variables().get(variable).name(), "the file declares no character encoding "
                    + "(no record 7.20, no code page in record 7.3); text that is not ASCII, such as this value, is "
                    + "read as " + charset.name() + ": \"" + printable(s) + "\""));
        }
        decoded[variable] = s;
        decodedCase[variable] = caseIndex + 1;
        return s;
    }

    private static boolean isAscii(byte[] b, int end) {
        for (int i = 0; i < end; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** A value quoted in a warning: its first 80 characters, control characters escaped (one line). */
    private static String printable(String s) {
        return org.pluralstats.SafeText.escapeControls(s.length() > 80 ? s.substring(0, 80) + "..." : s);
    }

    private void check(int variable, boolean numeric) {
        checkCase(variable);
        if ((layout.widths[variable] == 0) != numeric) {
            throw new IllegalStateException("variable " + layout.dictionary.variables().get(variable).name() + " is "
                    + (numeric ? "a string; use string()" : "numeric; use number()"));
        }
    }

    private void checkCase(int variable) {
        if (caseIndex < 0 || !started) {
            throw new IllegalStateException("no current case: call next() first");
        }
        if (variable < 0 || variable >= selected.length) {
            throw new IndexOutOfBoundsException("variable index " + variable + " is outside 0.." + (selected.length - 1));
        }
        if (!selected[variable]) {
            throw new IllegalStateException("variable " + variable + " was not selected");
        }
    }

    @Override
    public void close() {
        try {
            if (data != null && data != channel) {
                data.close();
            }
        } finally {
            channel.close();
        }
    }
}
