package org.pluralstats.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pluralstats.io.InputFiles;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.CaseBatch;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.FileFormat;
import org.pluralstats.io.MissingValues;
import org.pluralstats.io.Variable;
import org.pluralstats.io.VariableType;

/**
 * Streams a delimited text file with a header row of variable names (RFC 4180 quoting; CRLF or LF;
 * UTF-8 with or without BOM). The delimiter is detected from the header: the most frequent of comma,
 * semicolon and tab outside quotes (WVS Wave 7 and the joint EVS/WVS files use commas, Waves 4-6
 * semicolons).
 *
 * <p>Opening the file makes one scanning pass that counts the rows, checks every row has as many
 * fields as the header, and types each column: numeric when every non-empty cell is a decimal number
 * (empty, {@code NA}, {@code NaN} and {@code .} are system-missing), otherwise string. The second pass
 * streams the cases and parses only the selected variables.
 */
public final class CsvReader implements CaseReader {
    private static final int BUFFER = 1 << 20;
    private static final int MAX_RECORD = 64 << 20;

    private final Path path;
    private final boolean sampled;
    private final String name;
    private final byte delimiter;
    private final FileDictionary dictionary;
    private final int nVars;

    private InputStream in;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;
    private boolean eof;
    private long line;            // physical line where the current record starts
    private long nextLine = 1;    // physical line of the next unread byte
    private long caseIndex = -1;
    private int[] start;
    private int[] end;
    private boolean[] escaped;
    private boolean[] selected;
    private final long dataStartLine;
    private final long headerBytes;
    private String[] header;
    private long sampleEndOffset;
    private long bufferOffset;        // file offset of buf[0]

    private CsvReader(Path path, boolean sampled, Set<String> forcedStrings) {
        this.path = path;
        this.sampled = sampled;
        this.name = path.toString();
        InputFiles.requireRegular(path);
        try {
            this.in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw SurveyFormatException.in(name).problem("file not found").build();
        } catch (IOException e) {
            throw SurveyFormatException.in(name).problem("cannot open: " + org.pluralstats.io.FileErrors.reason(e)).cause(e).build();
        }
        fill();
        if (lim >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            pos = 3;
        }
        if (pos >= lim && eof) {
            close();
            throw SurveyFormatException.in(name).line(1).problem("the file is empty")
                    .expected("a header row of variable names").build();
        }
        this.delimiter = detectDelimiter();
        this.start = new int[64];
        this.end = new int[64];
        this.escaped = new boolean[64];
        int n = readRecord();
        if (n < 0) {
            close();
            throw SurveyFormatException.in(name).line(1).problem("the file holds only blank lines")
                    .expected("a header row of variable names").build();
        }
        String[] names = new String[n];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            names[i] = text(i).trim();
            if (names[i].isEmpty()) {
                throw SurveyFormatException.in(name).line(line).column(Integer.toString(i + 1))
                        .problem("empty variable name in the header").build();
            }
            if (!seen.add(names[i].toLowerCase(Locale.ROOT))) {
                throw SurveyFormatException.in(name).line(line).column(names[i])
                        .problem("duplicate variable name in the header").build();
            }
        }
        this.nVars = n;
        this.dataStartLine = nextLine;
        this.headerBytes = bufferOffset + pos;
        this.header = names;
        this.dictionary = scan(names, sampled ? SAMPLE_ROWS : Long.MAX_VALUE, forcedStrings);
        this.selected = null;
        reopen();
    }

    /**
     * Opens a delimited file and scans it once to count rows and type columns.
     *
     * @param path the file
     * @return a reader positioned before the first case
     * @throws SurveyFormatException when the file is empty, not UTF-8, ragged, or has an unterminated quote
     */
    public static CsvReader open(Path path) {
        return new CsvReader(path, false, Set.of());
    }

    /**
     * Opens a delimited file typing its columns from the first {@value #SAMPLE_ROWS} rows only, for
     * one-pass loading. The case count is then unknown (-1). A later non-numeric cell in a column
     * typed numeric throws {@link TypeConflict}, after reading the rest of the file for every other
     * numeric-typed column that turns to text; the caller reopens once with those columns forced to
     * string (as {@link org.pluralstats.io.SurveyFiles#read} does): two passes at most, however many
     * columns turn to text late.
     *
     * @param path the file
     * @param forcedStrings variable names to type as string whatever their cells hold
     * @return a reader positioned before the first case
     */
    public static CsvReader openSampled(Path path, Set<String> forcedStrings) {
        return new CsvReader(path, true, forcedStrings);
    }

    /** How many rows {@link #openSampled} looks at to type the columns. */
    public static final int SAMPLE_ROWS = 1000;

    /** A cell that is not a number in a column typed numeric from the sample rows. */
    public static final class TypeConflict extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String variable;
        private final Set<String> variables;

        TypeConflict(String variable, long line, Set<String> variables) {
            super("column " + variable + " has text at line " + line + " after numbers in the first rows", null,
                    false, false);
            this.variable = variable;
            this.variables = Set.copyOf(variables);
        }

        /** @return the variable whose type must be string */
        public String variable() {
            return variable;
        }

        /**
         * @return every numeric-typed variable with text from the conflicting row to the end of the file
         *         (the conflicting one included): the variables to force to string when reopening
         */
        public Set<String> variables() {
            return variables;
        }
    }

    /** @return the byte offset of the first record after the header (and the byte-order mark) */
    long dataOffset() {
        return headerBytes;
    }

    /** @return the file */
    Path path() {
        return path;
    }

    /** @return the detected delimiter character */
    public char delimiter() {
        return (char) delimiter;
    }

    @Override
    public FileDictionary dictionary() {
        return dictionary;
    }

    private FileDictionary scan(String[] header, long maxRows, Set<String> forcedStrings) {
        boolean[] numeric = new boolean[nVars];
        for (int i = 0; i < nVars; i++) {
            numeric[i] = !forcedStrings.contains(header[i]);
        }
        long rows = 0;
        boolean complete = true;
        while (true) {
            if (rows >= maxRows) {
                complete = false;
                sampleEndOffset = bufferOffset + pos;
                break;
            }
            if (readRecord() < 0) {
                break;
            }
            checkWidth();
            for (int i = 0; i < nVars; i++) {
                if (numeric[i] && !isMissingText(i) && Double.isNaN(NumberParser.parse(buf, start[i], end[i]))) {
                    numeric[i] = false;
                }
                if (!numeric[i]) {
                    checkUtf8(i);
                }
            }
            rows++;
        }
        List<Variable> vars = new ArrayList<>(nVars);
        for (int i = 0; i < nVars; i++) {
            vars.add(new Variable(i, header[i], "", numeric[i] ? VariableType.NUMERIC : VariableType.STRING, 0,
                    Map.of(), Map.of(), MissingValues.none()));
        }
        return new FileDictionary(name, FileFormat.CSV, complete ? rows : -1, vars, "UTF-8");
    }

    private void reopen() {
        closeQuietly();
        try {
            in = Files.newInputStream(path);
            in.skipNBytes(headerBytes);
        } catch (IOException e) {
            throw SurveyFormatException.in(name).problem("cannot reopen: " + org.pluralstats.io.FileErrors.reason(e)).cause(e).build();
        }
        pos = 0;
        lim = 0;
        eof = false;
        bufferOffset = headerBytes;
        nextLine = dataStartLine;
        caseIndex = -1;
    }

    @Override
    public long estimatedRows() {
        if (dictionary.rows() >= 0) {
            return dictionary.rows();
        }
        try {
            long size = Files.size(path) - headerBytes;
            double perRow = (double) (sampleEndOffset - headerBytes) / SAMPLE_ROWS;
            return (long) Math.ceil(size / perRow * 1.02);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void select(int[] variableIndexes) {
        selected = new boolean[nVars];
        for (int v : variableIndexes) {
            selected[v] = true;
        }
    }

    @Override
    public boolean next() {
        if (readRecord() < 0) {
            return false;
        }
        checkWidth();
        caseIndex++;
        return true;
    }

    /** Parses each record's numeric fields straight into the batch columns. */
    @Override
    public int nextBatch(CaseBatch batch) {
        int width = batch.width();
        if (batch != lastBatch) {
            lastBatch = batch;
            batchVariables = batch.variables();
        }
        int[] vars = batchVariables;
        for (int j = 0; j < width; j++) {
            checkSelected(vars[j]);
        }
        int n = 0;
        while (n < batch.capacity() && readRecord() >= 0) {
            checkWidth();
            caseIndex++;
            for (int j = 0; j < width; j++) {
                int v = vars[j];
                if (batch.isNumeric(j)) {
                    double[] out = batch.numbers(j);
                    if (isMissingText(v)) {
                        out[n] = Double.NaN;
                        batch.tags(j)[n] = '.';
                    } else {
                        out[n] = number(v);
                        batch.tags(j)[n] = 0;
                    }
                } else {
                    batch.strings(j)[n] = string(v);
                }
            }
            n++;
        }
        batch.setSize(n);
        return n;
    }

    private CaseBatch lastBatch;
    private int[] batchVariables;

    @Override
    public long caseIndex() {
        return caseIndex;
    }

    private void checkSelected(int v) {
        if (selected != null && !selected[v]) {
            throw new IllegalStateException("variable " + v + " was not selected");
        }
    }

    @Override
    public double number(int v) {
        checkSelected(v);
        if (isMissingText(v)) {
            return Double.NaN;
        }
        double d = NumberParser.parse(buf, start[v], end[v]);
        if (Double.isNaN(d)) {
            if (sampled) {
                long at = line;
                throw new TypeConflict(header[v], at, textColumnsFromHere());
            }
            throw SurveyFormatException.in(name).line(line).column(dictionary.variables().get(v).name())
                    .found(text(v)).expected("a number").build();
        }
        return d;
    }

    /**
     * Reads from the current record to the end of the file, collecting the numeric-typed columns that
     * hold text: the rest of the first pass, so that one re-read suffices.
     */
    private Set<String> textColumnsFromHere() {
        List<Variable> vars = dictionary.variables();
        Set<String> text = new HashSet<>();
        do {
            for (int i = 0; i < nVars; i++) {
                if (vars.get(i).isNumeric() && !isMissingText(i) && !text.contains(header[i])
                        && Double.isNaN(NumberParser.parse(buf, start[i], end[i]))) {
                    text.add(header[i]);
                }
            }
            if (readRecord() < 0) {
                return text;
            }
            checkWidth();
        } while (true);
    }

    @Override
    public char missingTag(int v) {
        checkSelected(v);
        return isMissingText(v) ? '.' : 0;
    }

    @Override
    public String string(int v) {
        checkSelected(v);
        checkUtf8(v);
        return text(v);
    }

    /** @return the physical line number where the current case starts */
    public long line() {
        return line;
    }

    private boolean isMissingText(int i) {
        return isMissingText(buf, start[i], end[i]);
    }

    /**
     * @return whether the field's bytes are a system-missing text of a numeric column: empty, {@code .},
     *     {@code NA} or {@code NaN}
     */
    static boolean isMissingText(byte[] buf, int s, int e) {
        int len = e - s;
        if (len == 0) {
            return true;
        }
        if (len == 1) {
            return buf[s] == '.';
        }
        if (len == 2) {
            return buf[s] == 'N' && buf[s + 1] == 'A';
        }
        return len == 3 && buf[s] == 'N' && buf[s + 1] == 'a' && buf[s + 2] == 'N';
    }

    private String text(int i) {
        String s = new String(buf, start[i], end[i] - start[i], StandardCharsets.UTF_8);
        return escaped[i] ? s.replace("\"\"", "\"") : s;
    }

    private void checkUtf8(int i) {
        for (int k = start[i]; k < end[i]; k++) {
            if (buf[k] < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(buf, start[i], end[i] - start[i]));
                } catch (CharacterCodingException e) {
                    throw SurveyFormatException.in(name).line(line).column(columnName(i))
                            .problem("the text is not valid UTF-8").expected("UTF-8 text").build();
                }
                return;
            }
        }
    }

    private String columnName(int i) {
        return header == null || i >= header.length ? Integer.toString(i + 1) : header[i];
    }

    private void checkWidth() {
        if (nFields != nVars) {
            throw SurveyFormatException.in(name).line(line)
                    .problem("row has " + nFields + " fields")
                    .expected(nVars + " fields as in the header").build();
        }
    }

    private int nFields;

    /**
     * Reads one record into start/end; returns the number of fields, or -1 at end of file.
     * Blank lines at the very end of the file are ignored.
     */
    private int readRecord() {
        while (true) {
            int r = tryRecord();
            if (r != -2) {
                nFields = r;
                return r;
            }
            // the record runs past the buffer: keep its bytes and read more
            if (eof) {
                throw SurveyFormatException.in(name).line(nextLine)
                        .problem("unterminated quoted field at end of file").expected("a closing '\"'").build();
            }
            int keep = lim - pos;
            if (keep >= buf.length) {
                if (buf.length >= MAX_RECORD) {
                    throw SurveyFormatException.in(name).line(nextLine)
                            .problem("a record longer than " + (MAX_RECORD >> 20) + " MiB (an unterminated quote?)")
                            .build();
                }
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            System.arraycopy(buf, pos, buf, 0, keep);
            bufferOffset += pos;
            lim = keep;
            pos = 0;
            fill();
        }
    }

    /** @return fields read, -1 at EOF, -2 when the buffer ends before the record does */
    private int tryRecord() {
        int p = pos;
        long lines = 0;
        if (p >= lim) {
            if (!eof) {
                return -2;
            }
            return -1;
        }
        // skip trailing blank lines at end of file only
        int q = p;
        long blank = 0;
        while (q < lim && (buf[q] == '\n' || buf[q] == '\r')) {
            if (buf[q] == '\n') {
                blank++;
            }
            q++;
        }
        if (q >= lim) {
            if (!eof) {
                return -2;
            }
            pos = lim;
            return -1;
        }
        int n = 0;
        byte d = delimiter;
        while (true) {
            if (n == start.length) {
                start = java.util.Arrays.copyOf(start, n * 2);
                end = java.util.Arrays.copyOf(end, n * 2);
                escaped = java.util.Arrays.copyOf(escaped, n * 2);
            }
            if (p < lim && buf[p] == '"') {
                int s = ++p;
                boolean esc = false;
                while (true) {
                    if (p >= lim) {
                        return -2;
                    }
                    byte c = buf[p];
                    if (c == '"') {
                        if (p + 1 >= lim) {
                            if (!eof) {
                                return -2;
                            }
                            break;
                        }
                        if (buf[p + 1] == '"') {
                            esc = true;
                            p += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        lines++;
                    }
                    p++;
                }
                start[n] = s;
                end[n] = p;
                escaped[n] = esc;
                p++; // closing quote
                if (p < lim && buf[p] != d && buf[p] != '\n' && buf[p] != '\r') {
                    throw SurveyFormatException.in(name).line(nextLine + lines).column(columnName(n))
                            .found(new String(buf, p, Math.min(10, lim - p), StandardCharsets.UTF_8))
                            .expected("a delimiter or end of line after a closing quote").build();
                }
            } else {
                int s = p;
                while (p < lim) {
                    byte c = buf[p];
                    if (c == d || c == '\n' || c == '\r') {
                        break;
                    }
                    p++;
                }
                if (p >= lim && !eof) {
                    return -2;
                }
                start[n] = s;
                end[n] = p;
                escaped[n] = false;
            }
            n++;
            if (p >= lim) {
                if (!eof) {
                    return -2;
                }
                break;
            }
            byte c = buf[p];
            if (c == d) {
                p++;
                continue;
            }
            // end of line: \n, \r\n or \r
            if (c == '\r') {
                if (p + 1 >= lim && !eof) {
                    return -2;
                }
                p++;
                if (p < lim && buf[p] == '\n') {
                    p++;
                }
            } else {
                p++;
            }
            lines++;
            break;
        }
        line = nextLine;
        nextLine += lines;
        pos = p;
        return n;
    }

    private byte detectDelimiter() {
        int comma = 0;
        int semi = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = pos; i < lim; i++) {
            byte c = buf[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    break;
                } else if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semi++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (semi > comma && semi >= tab) {
            return ';';
        }
        return tab > comma ? (byte) '\t' : (byte) ',';
    }

    private void fill() {
        try {
            while (lim < buf.length) {
                int r = in.read(buf, lim, buf.length - lim);
                if (r < 0) {
                    eof = true;
                    return;
                }
                lim += r;
            }
        } catch (IOException e) {
            throw SurveyFormatException.in(name).line(nextLine).problem("read error: " + org.pluralstats.io.FileErrors.reason(e)).cause(e)
                    .build();
        }
    }

    private void closeQuietly() {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            // nothing useful to do on close
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
