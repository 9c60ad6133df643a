package org.pluralstats.io.por;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.FileFormat;
import org.pluralstats.io.MissingValues;
import org.pluralstats.io.ReadWarning;
import org.pluralstats.io.Variable;
import org.pluralstats.io.VariableType;

/**
 * Streams the cases of an SPSS portable file ({@code .por}, {@link FileFormat#POR}), the text format
 * of {@code EXPORT} in SPSS and PSPP in which many archived survey releases come.
 *
 * <pre>{@code
 * try (PortableReader r = PortableReader.open(Path.of("evs1990.por"))) {
 *     int q = r.dictionary().find("V1").orElseThrow().index();
 *     while (r.next()) {
 *         double x = r.number(q);          // NaN when system-missing
 *     }
 * }
 * }</pre>
 *
 * <p>What is read (PSPP Developers Guide, appendix "Portable File Format"):
 * <ul>
 * <li>Lines: CR LF, CR or LF line ends are removed and a line shorter than 80 columns counts as padded
 *     with spaces to 80; files written without line breaks read the same.</li>
 * <li>The 464-byte header: 200 bytes of vanity text (ignored), the 256-byte character table, which maps
 *     each byte of the file to a position of the portable character set (the first position a byte
 *     appears at wins, except that the byte at position 64, digit {@code 0}, always means {@code 0}, as
 *     in PSPP's reader), and the tag {@code SPSSPORT} in that character set. Portable positions are then
 *     mapped to Unicode (digits, letters, punctuation, and the few symbols such as {@code £}, {@code ±},
 *     superscripts). A byte of a string that the table does not define is dropped, as PSPP does, with a
 *     warning.</li>
 * <li>Records: version {@code A} with creation date and time; product {@code 1}, author {@code 2},
 *     subproduct {@code 3}; variable count {@code 4}; precision {@code 5}; weight variable {@code 6}
 *     (before or after {@code 4}: PSPP writes it first); then per variable {@code 7} (width, name, print
 *     and write formats) followed by its missing values {@code 8} (one discrete value), {@code 9}
 *     ({@code LO THRU x}), {@code A} ({@code x THRU HI}), {@code B} ({@code x THRU y}) and label
 *     {@code C}; then value labels {@code D}, documents {@code E} and the data {@code F}.</li>
 * <li>Numbers: base-30 digits {@code 0-9A-T} with an optional sign, fraction and base-30 exponent,
 *     ended by {@code /}; {@code *} and any one character is system-missing (NaN, tag {@code '.'}).
 *     Each number is converted exactly ({@code m × 30^e} as a rational) and correctly rounded to the
 *     nearest double; a value above the largest double by the rounding of its writer (PSPP writes
 *     {@code HI} and {@code DBL_MAX} that way) is read as ±{@link Double#MAX_VALUE} with a warning, as
 *     PSPP does; a number beyond {@code 30^209} is infinite (ReadStat writes {@code ±}infinity as
 *     {@code 1+TT}). Exponents below {@code 30^-1200} or above {@code 30^4800} and numbers of more than
 *     400 digits are an error.</li>
 * <li>Strings: a base-30 length, {@code /}, then that many characters; values are returned without
 *     trailing blanks.</li>
 * <li>The data ends with {@code Z}; only more {@code Z}s and blanks may follow.</li>
 * </ul>
 * The declared case count of the dictionary is -1: portable files do not declare one. Any structural
 * problem (a truncated file, a bad digit, a record out of order or unknown, a count or length that the
 * file cannot hold) is one {@link SurveyFormatException} with the byte offset, the line and column of
 * the file's 80-column layout, the record and the variable. Nothing is allocated from a count in the
 * file: lists and strings grow with what is actually read.
 */
public final class PortableReader implements CaseReader {
    private static final int BUFFER = 1 << 16;
    private static final int HEADER = 464;
    /** Bytes of a file's start that {@link #looksPortable(byte[], int)} needs (the header and its line ends). */
    public static final int HEAD_BYTES = 600;
    private static final int EOF = -1;
    private static final int UNTRANSLATABLE = -2;
    private static final int MAX_DIGITS = 400;
    private static final int MAX_EXPONENT = 1200;
    private static final int MAX_STRING = 32767;
    private static final int MAX_WARNINGS = 20;
    /** Portable character set position to Unicode; -1 where the position is a control or reserved. */
    private static final int[] PORTABLE = portableToUnicode();
    /** The tag {@code SPSSPORT} as portable character set positions (capital A is position 74). */
    private static final int[] SPSSPORT = "SPSSPORT".chars().map(c -> 74 + c - 'A').toArray();

    private final String file;
    private final PorInput in;
    private final InputStream stream;
    private final int[] trans = new int[257];
    private int cur;
    private String record = "file header";

    private final FileDictionary dictionary;
    private final boolean[] numeric;
    private final int[] widths;
    private final double[] numbers;
    private final String[] strings;
    private boolean[] selected;
    private boolean started;
    private boolean ended;
    private long caseIndex = -1;

    private long dropped;
    private String droppedAt;
    private long clamped;
    private String clampedAt;
    private String currentVariable;

    private PortableReader(InputStream stream, String file) {
        this.file = file;
        this.stream = stream;
        this.in = new PorInput(stream, BUFFER);
        List<Variable> vars;
        try {
            vars = readDictionary();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        int n = vars.size();
        dictionary = new FileDictionary(file, FileFormat.POR, -1, vars, "SPSS portable character set");
        numeric = new boolean[n];
        widths = new int[n];
        for (int i = 0; i < n; i++) {
            numeric[i] = vars.get(i).isNumeric();
            widths[i] = vars.get(i).width();
        }
        numbers = new double[n];
        strings = new String[n];
    }

    /**
     * Opens a portable file and reads its dictionary.
     *
     * @param path a {@code .por} file
     * @return a reader positioned before the first case
     * @throws SurveyFormatException if the file is not a well-formed portable file
     * @throws UncheckedIOException if the file cannot be read
     */
    public static PortableReader open(Path path) {
        try {
            return new PortableReader(Files.newInputStream(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a portable file from a stream, which the reader closes.
     *
     * @param in the file's bytes
     * @param name the file name, for messages and {@link FileDictionary#file()}
     * @return a reader positioned before the first case
     * @throws SurveyFormatException if the stream is not a well-formed portable file
     */
    public static PortableReader open(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        return new PortableReader(in, name);
    }

    /** Reads a portable file held in memory (tests). */
    static PortableReader open(byte[] bytes, String name) {
        return new PortableReader(new ByteArrayInputStream(bytes), name);
    }

    /**
     * Whether a file's first bytes are the header of a portable file: after removing line ends (and
     * padding short lines to 80 columns), bytes 456-463 are {@code SPSSPORT} in the character set that
     * the table at bytes 200-455 defines. Needs up to {@link #HEAD_BYTES} bytes.
     *
     * @param head the first bytes of a file
     * @param n how many of them are valid
     * @return whether the file is a portable file
     */
    public static boolean looksPortable(byte[] head, int n) {
        PorInput h = new PorInput(new ByteArrayInputStream(head, 0, Math.max(0, Math.min(n, head.length))), 1024);
        int[] units = new int[HEADER];
        for (int i = 0; i < HEADER; i++) {
            units[i] = h.next();
            if (units[i] == PorInput.EOF) {
                return false;
            }
        }
        int[] t = translation(Arrays.copyOfRange(units, 200, 456));
        for (int i = 0; i < 8; i++) {
            int u = units[456 + i];
            if (u == PorInput.PAD || t[u] != SPSSPORT[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a file is a portable file; see {@link #looksPortable(byte[], int)}.
     *
     * @param path the file
     * @return whether its header is a portable file's; false when it cannot be read
     */
    public static boolean looksPortable(Path path) {
        try (InputStream s = Files.newInputStream(path)) {
            byte[] head = new byte[HEAD_BYTES];
            int n = s.readNBytes(head, 0, head.length);
            return looksPortable(head, n);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param table the 256 header bytes (padding as a space)
     * @return file byte (0-255, 256 for padding) to portable position, -1 where the table does not
     *     define the byte
     */
    private static int[] translation(int[] table) {
        int[] t = new int[257];
        Arrays.fill(t, -1);
        int zero = unit(table[64]);
        t[zero] = 64;
        for (int i = 0; i < 256; i++) {
            int b = unit(table[i]);
            if (t[b] == -1) {
                t[b] = i;
            }
        }
        return t;
    }

    private static int unit(int u) {
        return u == PorInput.PAD ? ' ' : u;
    }

    // ---------------------------------------------------------------- dictionary

    private List<Variable> readDictionary() {
        int[] units = new int[HEADER];
        for (int i = 0; i < HEADER; i++) {
            units[i] = in.next();
            if (units[i] == PorInput.EOF) {
                throw error().problem("not a portable file: it ends inside the 464-byte header").build();
            }
        }
        int[] t = translation(Arrays.copyOfRange(units, 200, 456));
        for (int i = 0; i < 8; i++) {
            int u = units[456 + i];
            if (u == PorInput.PAD || t[u] != SPSSPORT[i]) {
                throw error()
                        .problem("not a portable file: bytes 457-464 after the character table are not SPSSPORT in"
                                + " the file's character set").build();
            }
        }
        for (int b = 0; b <= 256; b++) {
            int p = t[unit(b == 256 ? PorInput.PAD : b)];
            trans[b] = p < 0 ? UNTRANSLATABLE : PORTABLE[p] < 0 ? UNTRANSLATABLE : PORTABLE[p];
        }
        trans[256] = ' ';
        advance();
        record = "version record";
        expectTag('A', "the version code A after SPSSPORT");
        readString("creation date", 64);
        readString("creation time", 64);

        List<VarBuilder> vars = new ArrayList<>();
        Map<String, VarBuilder> byName = new HashMap<>();
        boolean[] seen = new boolean[128];
        long declared = -1;
        String weight = null;
        boolean labelsOrDocs = false;
        while (true) {
            skipSpaces();
            int tag = cur;
            String tagText = describe(tag);
            if (tag == EOF) {
                record = "dictionary";
                throw error().problem("the file ends before the data record F").build();
            }
            switch (tag) {
                case '1', '2', '3', '4', '5', '6' -> {
                    record = headerRecordName(tag) + " record (" + (char) tag + ")";
                    if (!vars.isEmpty() || labelsOrDocs || seen[tag]) {
                        throw error().found(tagText).expected(seen[tag] ? "one record " + (char) tag + " only"
                                : "records 1-6 before the first variable record 7").build();
                    }
                    seen[tag] = true;
                    advance();
                    switch (tag) {
                        case '4' -> declared = readInt("variable count", 0, Integer.MAX_VALUE);
                        case '5' -> readInt("precision", 0, 1000);
                        case '6' -> weight = readString("weight variable name", 64);
                        default -> readString(headerRecordName(tag), 65535);
                    }
                }
                case '7' -> {
                    record = "variable record " + (vars.size() + 1) + " (7)";
                    if (!seen['4']) {
                        throw error().found(tagText).expected("the variable count record 4 before the first variable")
                                .build();
                    }
                    if (labelsOrDocs || vars.size() >= declared) {
                        throw error().found(tagText).expected(labelsOrDocs ? "variable records before value labels"
                                + " and documents" : "no more than the " + declared + " variables that record 4 declares")
                                .build();
                    }
                    advance();
                    int width = readInt("width", 0, MAX_STRING);
                    String name = readString("variable name", 64).strip();
                    if (name.isEmpty()) {
                        throw error().found("an empty name").expected("a variable name").build();
                    }
                    currentVariable = name;
                    for (int k = 0; k < 6; k++) {
                        readInt(k < 3 ? "print format" : "write format", 0, 65535);
                    }
                    VarBuilder v = new VarBuilder(vars.size(), name, width);
                    if (byName.putIfAbsent(name.toUpperCase(Locale.ROOT), v) != null) {
                        throw error().column(name).found(name).expected("a variable name not used before").build();
                    }
                    vars.add(v);
                }
                case '8', '9', 'A', 'B', 'C' -> {
                    if (vars.isEmpty() || labelsOrDocs) {
                        record = "record " + (char) tag;
                        throw error().found(tagText).expected("missing-value and label records right after their"
                                + " variable record 7").build();
                    }
                    VarBuilder v = vars.get(vars.size() - 1);
                    record = (tag == 'C' ? "variable label record" : "missing-value record") + " (" + (char) tag
                            + ") of variable " + v.name;
                    advance();
                    readVariableExtra(tag, v);
                }
                case 'D' -> {
                    record = "value label record (D)";
                    requireAllVariables(vars, declared, tagText);
                    labelsOrDocs = true;
                    advance();
                    readValueLabels(vars, byName);
                }
                case 'E' -> {
                    record = "document record (E)";
                    requireAllVariables(vars, declared, tagText);
                    labelsOrDocs = true;
                    advance();
                    int lines = readInt("document line count", 0, Integer.MAX_VALUE);
                    for (int i = 0; i < lines; i++) {
                        readString("document line " + (i + 1), 65535);
                    }
                }
                case 'F' -> {
                    record = "data record (F)";
                    if (!seen['4']) {
                        throw error().found(tagText).expected("the variable count record 4").build();
                    }
                    requireAllVariables(vars, declared, tagText);
                    if (weight != null && !byName.containsKey(weight.strip().toUpperCase(Locale.ROOT))) {
                        throw error().problem("the weight record 6 names variable " + weight.strip()
                                + ", which the file does not define").build();
                    }
                    advance();
                    currentVariable = null;
                    List<Variable> out = new ArrayList<>(vars.size());
                    for (VarBuilder v : vars) {
                        out.add(v.build());
                    }
                    return out;
                }
                default -> {
                    record = "dictionary";
                    throw error().found(tagText).expected("a record tag (1-9, A-F)").build();
                }
            }
        }
    }

    private static String headerRecordName(int tag) {
        return switch (tag) {
            case '1' -> "product identification";
            case '2' -> "author identification";
            case '3' -> "subproduct identification";
            case '4' -> "variable count";
            case '5' -> "precision";
            default -> "case weight";
        };
    }

    private void requireAllVariables(List<VarBuilder> vars, long declared, String tagText) {
        if (vars.size() != declared) {
            throw error().found(tagText).expected("all " + declared + " variables that record 4 declares first; "
                    + vars.size() + " were read").build();
        }
    }

    private void readVariableExtra(int tag, VarBuilder v) {
        currentVariable = v.name;
        if (tag == 'C') {
            if (v.label != null) {
                throw error().column(v.name).problem("a second variable label").build();
            }
            v.label = readString("variable label", 65535);
            return;
        }
        if (v.width > 0 && tag != '8') {
            throw error().column(v.name).problem("a missing-value range for a string variable").build();
        }
        int discrete = v.width > 0 ? v.missingStrings.size() : v.missingNumbers.size();
        boolean range = !Double.isNaN(v.low);
        if (tag == '8') {
            if (discrete >= 3 || range && discrete >= 1) {
                throw error().column(v.name).problem("more missing values than SPSS allows (three discrete values,"
                        + " or a range and one value)").build();
            }
            if (v.width > 0) {
                v.missingStrings.add(stripTrailing(readString("missing value", v.width)));
            } else {
                v.missingNumbers.add(readValue("missing value"));
            }
            return;
        }
        if (range || discrete > 1) {
            throw error().column(v.name).problem("more missing values than SPSS allows (three discrete values,"
                    + " or a range and one value)").build();
        }
        switch (tag) {
            case '9' -> {
                v.low = Double.NEGATIVE_INFINITY;
                v.high = readValue("missing range end");
            }
            case 'A' -> {
                v.low = readValue("missing range start");
                v.high = Double.POSITIVE_INFINITY;
            }
            default -> {
                v.low = readValue("missing range start");
                v.high = readValue("missing range end");
            }
        }
    }

    private double readValue(String what) {
        double x = readNumber(what);
        if (Double.isNaN(x)) {
            throw error().column(currentVariable).found("system-missing").expected("a number for the " + what).build();
        }
        return x;
    }

    private void readValueLabels(List<VarBuilder> vars, Map<String, VarBuilder> byName) {
        int n = readInt("variable count of the value labels", 1, vars.size());
        List<VarBuilder> targets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = readString("variable name", 64).strip();
            VarBuilder v = byName.get(name.toUpperCase(Locale.ROOT));
            if (v == null) {
                throw error().column(name).problem("value labels for variable " + name + ", which the file does not"
                        + " define").build();
            }
            if (!targets.isEmpty() && (v.width > 0) != (targets.get(0).width > 0)) {
                throw error().column(name).problem("value labels shared by numeric and string variables").build();
            }
            targets.add(v);
        }
        currentVariable = targets.get(0).name;
        boolean string = targets.get(0).width > 0;
        int maxWidth = 0;
        for (VarBuilder v : targets) {
            maxWidth = Math.max(maxWidth, v.width);
        }
        int labels = readInt("label count", 0, Integer.MAX_VALUE);
        for (int i = 0; i < labels; i++) {
            if (string) {
                String value = stripTrailing(readString("labelled value", Math.max(maxWidth, 255)));
                String label = readString("value label", 65535);
                for (VarBuilder v : targets) {
                    v.stringLabels.put(value, label);
                }
            } else {
                double value = readValue("labelled value");
                String label = readString("value label", 65535);
                for (VarBuilder v : targets) {
                    v.labels.put(value, label);
                }
            }
        }
    }

    /** A variable while its records are read. */
    private static final class VarBuilder {
        final int index;
        final String name;
        final int width;
        String label;
        final List<Double> missingNumbers = new ArrayList<>(3);
        final List<String> missingStrings = new ArrayList<>(3);
        double low = Double.NaN;
        double high = Double.NaN;
        final Map<Double, String> labels = new LinkedHashMap<>();
        final Map<String, String> stringLabels = new LinkedHashMap<>();

        VarBuilder(int index, String name, int width) {
            this.index = index;
            this.name = name;
            this.width = width;
        }

        Variable build() {
            double[] values = new double[missingNumbers.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = missingNumbers.get(i);
            }
            MissingValues m = values.length == 0 && Double.isNaN(low) && missingStrings.isEmpty() ? MissingValues.none()
                    : new MissingValues(values, low, high, missingStrings);
            return new Variable(index, name, label == null ? "" : label,
                    width == 0 ? VariableType.NUMERIC : VariableType.STRING, width, labels, stringLabels, m);
        }
    }

    // ---------------------------------------------------------------- fields

    private void advance() {
        int u = in.next();
        cur = u == PorInput.EOF ? EOF : trans[u];
    }

    private void skipSpaces() {
        while (cur == ' ') {
            advance();
        }
    }

    private void expectTag(int tag, String expected) {
        if (cur != tag) {
            throw error().found(describe(cur)).expected(expected).build();
        }
        advance();
    }

    /**
     * Reads a floating-point field: optional spaces, {@code *} plus one character (system-missing),
     * or an optional {@code -}, base-30 digits with an optional fraction and exponent, and {@code /}.
     */
    private double readNumber(String what) {
        skipSpaces();
        if (cur == '*') {
            advance();
            if (cur == EOF) {
                throw error().column(currentVariable).problem("the file ends inside the " + what).build();
            }
            advance();
            return Double.NaN;
        }
        boolean negative = false;
        if (cur == '-') {
            negative = true;
            advance();
        }
        long small = 0;
        BigInteger big = null;
        int digits = 0;
        int significant = 0;
        int fraction = 0;
        boolean dot = false;
        while (true) {
            int d = Base30.digit(cur);
            if (d >= 0) {
                digits++;
                if (dot) {
                    fraction++;
                }
                if (significant > 0 || d != 0) {
                    significant++;
                    if (significant > MAX_DIGITS) {
                        throw error().column(currentVariable).problem("a number with more than " + MAX_DIGITS
                                + " digits in the " + what).build();
                    }
                    if (big == null && small < (1L << 57)) {
                        small = small * 30 + d;
                    } else {
                        if (big == null) {
                            big = BigInteger.valueOf(small);
                        }
                        big = big.multiply(BigInteger.valueOf(30)).add(BigInteger.valueOf(d));
                    }
                }
                advance();
            } else if (cur == '.' && !dot) {
                dot = true;
                advance();
            } else {
                break;
            }
        }
        if (digits == 0) {
            throw error().column(currentVariable).found(describe(cur)).expected("a base-30 number (digits 0-9, A-T)"
                    + " for the " + what).build();
        }
        long exponent = 0;
        if (cur == '+' || cur == '-') {
            boolean minus = cur == '-';
            advance();
            int n = 0;
            while (Base30.digit(cur) >= 0) {
                exponent = exponent * 30 + Base30.digit(cur);
                if (exponent > MAX_EXPONENT * 4L) {
                    throw error().column(currentVariable).problem("an exponent beyond the range of a double in the "
                            + what).build();
                }
                n++;
                advance();
            }
            if (n == 0) {
                throw error().column(currentVariable).found(describe(cur)).expected("base-30 exponent digits in the "
                        + what).build();
            }
            if (minus) {
                exponent = -exponent;
            }
        }
        if (cur != '/') {
            throw error().column(currentVariable).found(describe(cur)).expected("the / that ends the " + what)
                    .build();
        }
        long e = exponent - fraction;
        double x;
        if (significant == 0) {
            x = 0.0;
        } else {
            // significant digits put the value in [30^(significant-1+e), 30^(significant+e))
            long magnitude = significant + e;
            if (e < -MAX_EXPONENT) {
                throw error().column(currentVariable).problem("an exponent beyond the range of a double (30^" + e
                        + ") in the " + what).build();
            }
            if (magnitude > 209) {
                // beyond 30^209 (1.97e308): infinite, as the correctly rounded value of such a number is;
                // ReadStat writes +-infinity (LO, HI) as 1+TT/, 30^899
                x = Double.POSITIVE_INFINITY;
            } else {
                x = big == null ? Base30.value(small, (int) e) : Base30.value(big, (int) e);
            }
            if (Double.isInfinite(x) && magnitude <= 209) {
                clamped++;
                if (clampedAt == null) {
                    clampedAt = place();
                }
                x = Double.MAX_VALUE;
            }
        }
        advance();
        return negative ? -x : x;
    }

    private int readInt(String what, int min, int max) {
        double x = readNumber(what);
        if (Double.isNaN(x) || x != Math.rint(x) || x < min || x > max) {
            throw error().column(currentVariable).found(Double.isNaN(x) ? "system-missing" : format(x))
                    .expected("an integer " + min + "-" + max + " for the " + what).build();
        }
        return (int) x;
    }

    private String readString(String what, int max) {
        int n = readInt(what + " length", 0, max);
        StringBuilder s = new StringBuilder(Math.min(n, 256));
        for (int i = 0; i < n; i++) {
            if (cur == EOF) {
                throw error().column(currentVariable).problem("the file ends inside the " + what + " (" + i + " of "
                        + n + " characters read)").build();
            }
            if (cur == UNTRANSLATABLE) {
                dropped++;
                if (droppedAt == null) {
                    droppedAt = place();
                }
            } else {
                s.appendCodePoint(cur);
            }
            advance();
        }
        return s.toString();
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    private String place() {
        return "line " + in.line() + ", column " + in.column() + ", " + record
                + (currentVariable != null ? ", variable " + currentVariable : "");
    }

    private SurveyFormatException.Builder error() {
        return SurveyFormatException.in(file).line(in.line()).byteOffset(in.offset())
                .record(record + ", at column " + in.column() + " of the line");
    }

    private static String describe(int c) {
        if (c == EOF) {
            return "the end of the file";
        }
        if (c == UNTRANSLATABLE) {
            return "a byte outside the file's character table";
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("\\x%02X", c);
        }
        return new String(Character.toChars(c));
    }

    private static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    // ---------------------------------------------------------------- cases

    @Override
    public FileDictionary dictionary() {
        return dictionary;
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
        boolean[] s = new boolean[widths.length];
        for (int v : variableIndexes) {
            if (v < 0 || v >= s.length) {
                throw new IllegalArgumentException("variable index " + v + " is outside 0.." + (s.length - 1));
            }
            s[v] = true;
        }
        selected = s;
    }

    @Override
    public boolean next() {
        if (!started) {
            started = true;
            if (selected == null) {
                selected = new boolean[widths.length];
                Arrays.fill(selected, true);
            }
        }
        if (ended) {
            return false;
        }
        record = "data record (F), case " + (caseIndex + 2);
        currentVariable = null;
        skipSpaces();
        if (cur == 'Z') {
            finish();
            return false;
        }
        if (cur == EOF) {
            ended = true;
            throw error().problem("the file ends after " + (caseIndex + 1) + " cases without the end-of-data"
                    + " marker Z: it is truncated").build();
        }
        if (widths.length == 0) {
            throw error().found(describe(cur)).expected("the end-of-data marker Z in a file without variables")
                    .build();
        }
        List<Variable> vars = dictionary.variables();
        for (int v = 0; v < widths.length; v++) {
            currentVariable = vars.get(v).name();
            skipSpaces();
            if (cur == EOF || cur == 'Z') {
                ended = true;
                throw error().column(currentVariable).problem("the data ends inside case " + (caseIndex + 2)
                        + ", at variable " + (v + 1) + " of " + widths.length
                        + (cur == 'Z' ? " (end-of-data marker Z)" : "")).build();
            }
            if (numeric[v]) {
                double x = readNumber("value");
                numbers[v] = x;
            } else {
                String s = readString("value", widths[v]);
                if (selected[v]) {
                    strings[v] = stripTrailing(s);
                }
            }
        }
        caseIndex++;
        return true;
    }

    /** After the marker Z: only more Zs and blanks (the padding of the last line) may follow. */
    private void finish() {
        ended = true;
        currentVariable = null;
        record = "end of data, after " + (caseIndex + 1) + " cases";
        while (cur == 'Z' || cur == ' ') {
            advance();
        }
        if (cur != EOF) {
            throw error().found(describe(cur)).expected("only Z padding after the end-of-data marker Z").build();
        }
    }

    @Override
    public long caseIndex() {
        return caseIndex;
    }

    @Override
    public double number(int variable) {
        check(variable, true);
        return numbers[variable];
    }

    @Override
    public char missingTag(int variable) {
        checkCase(variable);
        return numeric[variable] && Double.isNaN(numbers[variable]) ? '.' : 0;
    }

    @Override
    public String string(int variable) {
        check(variable, false);
        return strings[variable];
    }

    /**
     * {@inheritDoc} Here: bytes dropped from strings because the file's character table does not define
     * them, and numbers above the largest double read as ±{@link Double#MAX_VALUE}, each counted once
     * with the first place.
     */
    @Override
    public List<ReadWarning> warnings() {
        List<ReadWarning> w = new ArrayList<>(2);
        if (dropped > 0) {
            w.add(new ReadWarning(file, droppedAt, dropped + " byte" + (dropped == 1 ? "" : "s")
                    + " in strings that the file's character table does not define dropped, as PSPP does"));
        }
        if (clamped > 0) {
            w.add(new ReadWarning(file, clampedAt, clamped + " number" + (clamped == 1 ? "" : "s")
                    + " just above the largest double (a writer's rounding of it) read as the largest double,"
                    + " as PSPP does"));
        }
        return w.size() > MAX_WARNINGS ? w.subList(0, MAX_WARNINGS) : w;
    }

    private void check(int variable, boolean wantNumeric) {
        checkCase(variable);
        if (numeric[variable] != wantNumeric) {
            throw new IllegalStateException("variable " + dictionary.variables().get(variable).name() + " is "
                    + (wantNumeric ? "a string; use string()" : "numeric; use number()"));
        }
    }

    private void checkCase(int variable) {
        if (caseIndex < 0 || !started) {
            throw new IllegalStateException("no current case: call next() first");
        }
        if (variable < 0 || variable >= widths.length) {
            throw new IndexOutOfBoundsException("variable index " + variable + " is outside 0.."
                    + (widths.length - 1));
        }
        if (!selected[variable]) {
            throw new IllegalStateException("variable " + variable + " was not selected");
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Portable character set positions 64-188 (PSPP Developers Guide, "Portable File Header"). */
    private static int[] portableToUnicode() {
        int[] p = new int[256];
        Arrays.fill(p, -1);
        String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < digits.length(); i++) {
            p[64 + i] = digits.charAt(i);
        }
        String symbols = " .<(+|&[]!$*);^-/\u00a6,%_>?`:\u00a3@'=\"\u2264\u25a1\u00b1\u25a0\u00b0\u2020~\u2013\u2514\u250c"
                + "\u2265\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u2518\u2510\u2260\u2014\u207d\u207e"
                + "\u2e38{}\\\u00a2\u00b7";
        for (int i = 0; i < symbols.length(); i++) {
            p[126 + i] = symbols.charAt(i);
        }
        return p;
    }
}
