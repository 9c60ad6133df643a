package org.pluralstats.io.stata;

import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.ReadWarning;

/**
 * Reads a {@code .dta} file's header, dictionary and trailing sections (strL table structure, value
 * labels) into a {@link DtaLayout}, without reading the data. Follows Stata's format documentation:
 * {@code help dta_113}/{@code dta_114}/{@code dta_115} for the binary-header releases (and the 110/111
 * descriptions, which differ only in the type codes, format width and missing values), {@code help
 * dta_117}, {@code help dta} (118) and {@code help dta_119} for the XML-tagged ones.
 *
 * <p>Every count read from the file is checked against what the rest of the file can hold before
 * anything is allocated for it, and every declared section must be present in full.
 */
final class DtaParser {
    /** windows-1252 is a superset of the printable Latin-1 that Stata 13 and earlier wrote. */
    static final Charset LEGACY = Charset.forName("windows-1252");

    private final DtaInput in;
    private final DtaLayout d = new DtaLayout();

    private DtaParser(DtaInput in) {
        this.in = in;
    }

    static DtaLayout parse(DtaInput in) {
        return new DtaParser(in).parse();
    }

    private DtaLayout parse() {
        in.section("file signature");
        if (in.size() == 0) {
            throw in.error(0).problem("the file is empty").expected("a Stata .dta file").build();
        }
        int first = in.u8();
        in.seek(0);
        if (first == '<') {
            parseXml();
        } else if (isBinaryRelease(first)) {
            parseBinary();
        } else {
            byte[] head = in.bytes(Math.min(16, in.size()));
            throw in.error(0).problem(first >= 102 && first <= 116
                            ? "unsupported Stata release " + first + " (no Stata version wrote it)" : "not a Stata .dta file")
                    .found(DtaInput.printable(head))
                    .expected("\"<stata_dta>\" (releases 117-119) or a release byte 102-105, 108, 110, 111 or 113-115")
                    .build();
        }
        return d;
    }

    // ---------------------------------------------------------------- releases 102-115

    /**
     * The releases with a binary header: 102 (Stata 1), 103 (Stata 2), 104 (Stata 3), 105 (Stata 4 and
     * 5), 108 (Stata 6), 110 (Stata 7), 111 (Stata 7 SE), 113 (Stata 8 and 9), 114 (Stata 10 and 11) and
     * 115 (Stata 12). 106, 107, 109 and 112 were never written by a released Stata (pandas refuses them
     * too).
     *
     * @param release the file's first byte
     * @return whether it is a binary-header release this parser reads
     */
    static boolean isBinaryRelease(int release) {
        return release >= 102 && release <= 105 || release == 108 || release == 110 || release == 111
                || release >= 113 && release <= 115;
    }

    /**
     * Releases 110-115 follow {@code help dta_115} and its predecessors. The older layouts follow pandas'
     * {@code read_stata} (pandas 3.0, which reads releases 102-105 and 108 and was checked against files
     * written by those Stata versions) and ReadStat/R foreign where they agree:
     * <ul>
     * <li>observation count: 2 bytes in 102, 4 bytes later; byte-order byte 0 in 102 files means LOHI;
     * <li>data label and variable labels: 32 bytes up to 105, 81 from 108;
     * <li>time stamp (18 bytes): from 105;
     * <li>type codes {@code 'b' 'i' 'l' 'f' 'd'} and {@code 0x7f + n} for {@code str n} before 111;
     * <li>variable names and value-label names: 9 bytes up to 108, 33 from 110;
     * <li>display formats: 7 bytes up to 104, 12 bytes in 105-113, 49 from 114;
     * <li>expansion fields: none up to 104, a 2-byte length in 105-108, 4 bytes from 110;
     * <li>value labels: up to 105 the old fixed layout ({@link #readOldValueLabelTable}); from 108 the
     *     {@code len}, {@code labname}, {@code txt} layout, with a 9-byte name in 108;
     * <li>missing values: {@code .} only before 113; in releases up to 105 a double is also missing when
     *     it equals 2<sup>333</sup>, the old double missing value (pandas; R haven reads it as 1.75e100).
     * </ul>
     */
    private void parseBinary() {
        in.section("header");
        d.release = in.u8();
        long at = in.position();
        int byteorder = in.u8();
        if (byteorder == 0 && d.release == 102) {
            byteorder = 2;      // Stata 1 wrote 0 here; its files are little-endian (pandas reads them so)
        }
        if (byteorder != 1 && byteorder != 2) {
            throw in.error(at).problem("bad byte order").found(String.valueOf(byteorder))
                    .expected("1 (HILO, most significant byte first) or 2 (LOHI)").build();
        }
        d.order = byteorder == 1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        in.order(d.order);
        at = in.position();
        int filetype = in.u8();
        if (filetype != 1) {
            throw in.error(at).problem("bad file type").found(String.valueOf(filetype)).expected("1").build();
        }
        in.skip(1);
        d.charset = LEGACY;
        long kAt = in.position();
        d.k = in.u16();
        long nAt = in.position();
        d.n = d.release == 102 ? in.u16() : in.u32();
        int labelLength = d.release <= 105 ? 32 : 81;
        d.dataLabel = DtaInput.cString(in.bytes(labelLength), d.charset);
        if (d.release >= 105) {
            in.skip(18);
        }

        int nameLength = d.release <= 108 ? 9 : 33;
        int fmtLength = d.release >= 114 ? 49 : d.release >= 105 ? 12 : 7;
        long perVariable = 1 + nameLength + 2 + fmtLength + nameLength + labelLength;
        checkDictionaryFits(kAt, perVariable, 2);

        in.section("typlist");
        d.types = new StataStorageType[d.k];
        d.widths = new int[d.k];
        for (int i = 0; i < d.k; i++) {
            at = in.position();
            int code = in.u8();
            setBinaryType(i, code, at);
        }
        in.section("varlist");
        long namesAt = in.position();
        d.names = strings(d.k, nameLength);
        checkNames(namesAt, nameLength);
        in.section("srtlist");
        in.skip(2L * (d.k + 1));
        in.section("fmtlist");
        d.formats = strings(d.k, fmtLength);
        in.section("lbllist");
        d.labelNames = strings(d.k, nameLength);
        in.section("variable labels");
        d.labels = strings(d.k, labelLength);

        in.section("expansion fields");
        while (d.release >= 105) {
            at = in.position();
            int type = in.u8();
            int length = d.release >= 110 ? in.i32() : (short) in.u16();
            if (type == 0 && length == 0) {
                break;
            }
            if (type == 0 || length < 0) {
                throw in.error(at).problem("bad expansion field")
                        .found("type " + type + ", length " + Integer.toUnsignedString(length))
                        .expected("a nonzero type and a length >= 0, or type 0 length 0 to end the list").build();
            }
            in.skip(length);
        }

        in.section("data");
        layoutRows(kAt);
        d.dataStart = in.position();
        d.tables = binaryRowsAndLabels(nAt);
    }

    /**
     * Releases 102-115 have no end marker after the data: the value-label tables (or nothing) follow the
     * declared observations and run to the end of the file, in the old layout up to 105
     * ({@link #readOldValueLabelTable}) or the {@code len}, {@code labname}, {@code txt} layout from 108.
     * When they do not parse from there, the header's observation count may be what is wrong, so every
     * other whole number of observations is tried (cheaply: a plausible table header first, then the full
     * parse to the end of the file). A count at which everything parses and that is larger than the
     * header's is read, with a warning naming both; a smaller one is an error naming both; none is the
     * original error, or, when the file is shorter than the declared data, "the file ends inside case c
     * of N". So a release 102 or 103 file (which often has no value labels) followed by whole extra rows
     * is read with a warning, and one followed by other bytes is refused where they start.
     */
    private Map<String, ValueLabelTable> binaryRowsAndLabels(long nAt) {
        long declared = d.n;
        long available = in.remaining();
        if (d.k == 0) {
            checkNoRowsWithoutVariables(nAt);
            return binaryLabels(d.dataStart);
        }
        long w = d.rowWidth;
        SurveyFormatException first = null;
        // A table header where the declared data end means damaged labels, not more observations.
        boolean labelsAtDeclaredEnd = declared <= available / w && partTableAt(d.dataStart + declared * w);
        if (declared <= available / w) {
            try {
                return binaryLabels(d.dataStart + declared * w);
            } catch (SurveyFormatException e) {
                first = e;
            }
        }
        for (long j = 0; j <= available / w; j++) {
            long start = d.dataStart + j * w;
            if (j == declared || (j > declared && labelsAtDeclaredEnd) || !plausibleLabelsAt(start)) {
                continue;
            }
            Map<String, ValueLabelTable> tables;
            try {
                tables = binaryLabels(start);
            } catch (SurveyFormatException e) {
                continue;
            }
            if (j > declared) {
                warn("header nobs", "the header declares " + declared + " observations but the data before the"
                        + (start == in.size() ? " end of the file" : " value labels") + " hold " + j + "; read all "
                        + j + " (pandas 1.5 and R haven 2.5 refuse such a file)");
                d.n = j;
                return tables;
            }
            if (start == in.size()) {
                in.section("data");
                throw endsInside(declared, available, w);
            }
            in.section("header");
            throw in.error(nAt).problem("the header declares " + declared + " observations but the value labels"
                            + " start after " + j + " (observations of " + w + " bytes)")
                    .found("nobs = " + declared).expected("nobs = " + j).build();
        }
        if (first != null) {
            throw first;
        }
        in.section("data");
        throw endsInside(declared, available, w);
    }

    /** @return whether value-label tables have the layout of releases 102-105 (a 2-byte count, no length) */
    private boolean oldLabelLayout() {
        return d.release <= 105;
    }

    /** @return the bytes before a value-label table's contents: 12 up to 105, 4 + name + 3 from 108 */
    private int tableHeaderLength() {
        return oldLabelLayout() ? 2 + 9 + 1 : 4 + (d.release <= 108 ? 9 : 33) + 3;
    }

    /**
     * @return whether the bytes at {@code start}, as far as the file goes, begin like a value-label
     *     table: (from 108) a length of 8 or more, and a name starting with a letter or _ (up to 105,
     *     where there is no length, the whole 9-byte name when the file holds it)
     */
    private boolean partTableAt(long start) {
        long left = in.size() - start;
        if (left <= 0) {
            return false;
        }
        in.seek(start);
        int skip = oldLabelLayout() ? 2 : 4;
        if (left <= skip) {
            return true;
        }
        if (oldLabelLayout()) {
            in.skip(2);
            if (left >= 2 + 9) {
                return isName(DtaInput.cString(in.bytes(9), d.charset));
            }
        } else if (in.i32() < 8) {
            return false;
        }
        int c = in.u8();
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** @return whether a value-label table (or the end of the file) could start at {@code start} */
    private boolean plausibleLabelsAt(long start) {
        long left = in.size() - start;
        if (left == 0) {
            return true;
        }
        int header = tableHeaderLength();
        if (left < header + (oldLabelLayout() ? 0 : 8)) {
            return false;
        }
        in.seek(start);
        long length = oldLabelLayout() ? 10L * in.u16() : in.i32();
        int c = in.u8();
        return length >= (oldLabelLayout() ? 0 : 8) && length <= left - header
                && (c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
    }

    /** Reads the value-label tables of a release 102-115 file from {@code start} to the end of the file. */
    private Map<String, ValueLabelTable> binaryLabels(long start) {
        in.seek(start);
        in.section("value labels");
        Map<String, ValueLabelTable> tables = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        Set<String> wanted = wantedTables();
        while (in.remaining() > 0) {
            if (d.release <= 105) {
                readOldValueLabelTable(tables, wanted);
            } else {
                readValueLabelDefinition(d.release <= 108 ? 9 : 33, tables, wanted, seen);
            }
        }
        return tables;
    }

    /**
     * One value-label table of releases 102-105 (pandas' {@code _read_old_value_labels}): {@code n}
     * (2 bytes), the table name (9 bytes), 1 byte padding, {@code n} 2-byte values, then {@code n} labels
     * of 8 bytes each, NUL-padded. The section runs to the end of the file.
     */
    private void readOldValueLabelTable(Map<String, ValueLabelTable> tables, Set<String> wanted) {
        long at = in.position();
        if (in.remaining() < 12) {
            throw in.error(at).problem("truncated value-label table")
                    .found(in.remaining() + " bytes at the end of the file")
                    .expected("a 12-byte table header (count, name, padding) or nothing").build();
        }
        int count = in.u16();
        String name = DtaInput.cString(in.bytes(9), d.charset);
        if (!isName(name)) {
            throw in.error(at + 2).problem("not a value-label table (its name is not a Stata name)")
                    .found("\"" + DtaInput.escape(name) + "\"")
                    .expected("a name of letters, digits and _ not starting with a digit, or the end of the file"
                            + " after the data (" + d.n + " observations of " + d.rowWidth + " bytes from byte "
                            + d.dataStart + ")").build();
        }
        in.skip(1);
        long need = 10L * count;
        if (need > in.remaining()) {
            throw in.error(at).problem("bad value-label table" + (name.isEmpty() ? "" : " \"" + name + "\""))
                    .found(count + " entries (" + need + " bytes), with " + in.remaining() + " bytes left")
                    .expected("n 2-byte values and n 8-byte labels within the file").build();
        }
        if (!wanted.contains(name) || tables.containsKey(name)) {
            in.skip(need);
            return;
        }
        short[] values = new short[count];
        for (int i = 0; i < count; i++) {
            values[i] = (short) in.u16();
        }
        Map<Double, String> numbers = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            numbers.put((double) values[i], DtaInput.cString(in.bytes(8), d.charset));
        }
        tables.put(name, new ValueLabelTable(name, numbers, Map.of()));
    }

    private void setBinaryType(int i, int code, long at) {
        if (d.release >= 111) {
            switch (code) {
                case 251 -> setType(i, StataStorageType.BYTE, 1);
                case 252 -> setType(i, StataStorageType.INT, 2);
                case 253 -> setType(i, StataStorageType.LONG, 4);
                case 254 -> setType(i, StataStorageType.FLOAT, 4);
                case 255 -> setType(i, StataStorageType.DOUBLE, 8);
                default -> {
                    if (code < 1 || code > 244) {
                        throw badType(at, code, "1-244 (str#) or 251-255 (byte, int, long, float, double)");
                    }
                    setType(i, StataStorageType.STRF, code);
                }
            }
        } else {
            switch (code) {
                case 'b' -> setType(i, StataStorageType.BYTE, 1);
                case 'i' -> setType(i, StataStorageType.INT, 2);
                case 'l' -> setType(i, StataStorageType.LONG, 4);
                case 'f' -> setType(i, StataStorageType.FLOAT, 4);
                case 'd' -> setType(i, StataStorageType.DOUBLE, 8);
                default -> {
                    if (code < 0x80) {
                        throw badType(at, code, "'b', 'i', 'l', 'f', 'd' or 128-255 (str1-str128)");
                    }
                    setType(i, StataStorageType.STRF, code - 0x7f);
                }
            }
        }
    }

    private void setType(int i, StataStorageType type, int width) {
        d.types[i] = type;
        d.widths[i] = width;
    }

    private SurveyFormatException badType(long at, int code, String expected) {
        return in.error(at).problem("unknown variable type").found(String.valueOf(code)).expected(expected).build();
    }

    // ---------------------------------------------------------------- releases 117-119

    private void parseXml() {
        in.section("<header>");
        in.expect("<stata_dta>");
        in.expect("<header>");
        in.expect("<release>");
        long at = in.position();
        String release = DtaInput.ascii(in.bytes(3));
        switch (release) {
            case "117" -> d.release = 117;
            case "118" -> d.release = 118;
            case "119" -> d.release = 119;
            default -> throw in.error(at).problem("unsupported Stata release").found(release)
                    .expected("117, 118 or 119").build();
        }
        in.expect("</release>");
        in.expect("<byteorder>");
        at = in.position();
        String order = DtaInput.ascii(in.bytes(3));
        if (!order.equals("MSF") && !order.equals("LSF")) {
            throw in.error(at).problem("bad byte order").found(order).expected("MSF or LSF").build();
        }
        d.order = order.equals("MSF") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        in.order(d.order);
        in.expect("</byteorder>");
        d.charset = d.release >= 118 ? StandardCharsets.UTF_8 : LEGACY;

        in.expect("<K>");
        long kAt = in.position();
        long k = d.release == 119 ? in.u32() : in.u16();
        if (k > Integer.MAX_VALUE - 8) {
            throw in.error(kAt).problem("absurd number of variables").found(Long.toString(k))
                    .expected("at most " + (Integer.MAX_VALUE - 8)).build();
        }
        d.k = (int) k;
        in.expect("</K>");
        in.expect("<N>");
        long nAt = in.position();
        d.n = d.release == 117 ? in.u32() : in.u64();
        if (d.n < 0) {
            throw in.error(nAt).problem("absurd number of observations").found(Long.toUnsignedString(d.n))
                    .expected("at most " + Long.MAX_VALUE).build();
        }
        in.expect("</N>");
        in.expect("<label>");
        int labelLength = d.release == 117 ? in.u8() : in.u16();
        d.dataLabel = new String(in.bytes(labelLength), d.charset);
        in.expect("</label>");
        in.expect("<timestamp>");
        in.skip(in.u8());
        in.expect("</timestamp>");
        in.expect("</header>");

        in.section("<map>");
        long mapAt = in.position();
        in.expect("<map>");
        long[] map = new long[14];
        for (int i = 0; i < map.length; i++) {
            map[i] = in.u64();
        }
        in.expect("</map>");
        long[] found = new long[14];
        found[1] = mapAt;

        int nameLength = d.release >= 118 ? 129 : 33;
        int fmtLength = d.release >= 118 ? 57 : 49;
        int varLabelLength = d.release >= 118 ? 321 : 81;
        int sortLength = d.release == 119 ? 4 : 2;
        long perVariable = 2 + nameLength + sortLength + fmtLength + nameLength + varLabelLength;
        checkDictionaryFits(kAt, perVariable, sortLength);

        in.section("<variable_types>");
        found[2] = in.position();
        in.expect("<variable_types>");
        d.types = new StataStorageType[d.k];
        d.widths = new int[d.k];
        for (int i = 0; i < d.k; i++) {
            at = in.position();
            int code = in.u16();
            switch (code) {
                case 65530 -> setType(i, StataStorageType.BYTE, 1);
                case 65529 -> setType(i, StataStorageType.INT, 2);
                case 65528 -> setType(i, StataStorageType.LONG, 4);
                case 65527 -> setType(i, StataStorageType.FLOAT, 4);
                case 65526 -> setType(i, StataStorageType.DOUBLE, 8);
                case 32768 -> setType(i, StataStorageType.STRL, 8);
                default -> {
                    if (code < 1 || code > 2045) {
                        throw badType(at, code, "1-2045 (str#), 32768 (strL) or 65526-65530 (double..byte)");
                    }
                    setType(i, StataStorageType.STRF, code);
                }
            }
        }
        in.expect("</variable_types>");
        found[3] = in.position();
        d.names = tagged("<varnames>", nameLength);
        checkNames(found[3] + "<varnames>".length(), nameLength);
        in.section("<sortlist>");
        found[4] = in.position();
        in.expect("<sortlist>");
        in.skip((long) sortLength * (d.k + 1));
        in.expect("</sortlist>");
        found[5] = in.position();
        d.formats = tagged("<formats>", fmtLength);
        found[6] = in.position();
        d.labelNames = tagged("<value_label_names>", nameLength);
        found[7] = in.position();
        d.labels = tagged("<variable_labels>", varLabelLength);

        in.section("<characteristics>");
        found[8] = in.position();
        in.expect("<characteristics>");
        while (in.lookingAt("<ch>")) {
            in.expect("<ch>");
            in.skip(in.u32());
            in.expect("</ch>");
        }
        in.expect("</characteristics>");

        in.section("<data>");
        found[9] = in.position();
        in.expect("<data>");
        layoutRows(kAt);
        d.dataStart = in.position();
        xmlDataRows(nAt, map[10]);
        in.skip(d.n * d.rowWidth);
        in.expect("</data>");

        in.section("<strls>");
        found[10] = in.position();
        in.expect("<strls>");
        d.strlsStart = in.position();
        d.gsoCount = GsoIndex.walk(in, d, null, null);
        d.strlsEnd = in.position();
        in.expect("</strls>");

        in.section("<value_labels>");
        found[11] = in.position();
        in.expect("<value_labels>");
        Map<String, ValueLabelTable> tables = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        Set<String> wanted = wantedTables();
        while (in.lookingAt("<lbl>")) {
            in.expect("<lbl>");
            readValueLabelDefinition(nameLength, tables, wanted, seen);
            in.expect("</lbl>");
        }
        in.expect("</value_labels>");
        in.expect("</stata_dta>");
        d.tables = tables;
        checkMap(mapAt, map, found);
        long end = in.position();
        if (in.remaining() > 0 && !blank(in.bytes(Math.min(in.remaining(), 1 << 16)))) {
            warn("byte " + end, (in.size() - end) + " bytes after </stata_dta> are not part of the"
                    + " dataset and were ignored (as R haven and pandas ignore them)");
        }
    }

    /** @return whether {@code b} holds only line ends, blanks and NULs (some writers end files with a newline) */
    private static boolean blank(byte[] b) {
        for (byte x : b) {
            if (x != '\n' && x != '\r' && x != ' ' && x != 0) {
                return false;
            }
        }
        return true;
    }

    /** Map entries R haven or pandas seek to (help dta 5.2): their readers go where these say. */
    private static final String[] MAP_NAMES = {"<stata_dta>", "<map>", "<variable_types>", "<varnames>",
        "<sortlist>", "<formats>", "<value_label_names>", "<variable_labels>", "<characteristics>", "<data>",
        "<strls>", "<value_labels>", "</stata_dta>", "end of file"};

    /**
     * Checks the {@code <map>} against where the sections really are. R haven seeks to the map's
     * {@code <data>}, {@code <strls>} and {@code <value_labels>}; pandas to those and to every
     * dictionary section from {@code <variable_types>} to {@code <variable_labels>} (except
     * {@code <variable_labels>} in release 117, where Stata 13 itself wrote a wrong entry). A file whose
     * map sends them elsewhere is read differently by them, so it is refused. The other entries
     * ({@code <stata_dta>}, {@code <map>}, {@code <characteristics>}, {@code </stata_dta>}, end of file)
     * are read by neither and not checked.
     */
    private void checkMap(long mapAt, long[] map, long[] found) {
        for (int i = 2; i <= 11; i++) {
            if (i == 8 || (i == 7 && d.release == 117)) {
                continue;
            }
            if (map[i] != found[i]) {
                in.section("<map>");
                throw in.error(mapAt + 5 + 8L * i).problem("the map's entry for " + MAP_NAMES[i]
                                + " is not where that section starts (R haven and pandas would read from there)")
                        .found("byte " + Long.toUnsignedString(map[i])).expected("byte " + found[i]).build();
            }
        }
    }

    /**
     * Settles how many observations {@code <data>} holds. Normally the header's N, with
     * {@code </data>} right after them. Otherwise the map's {@code <strls>} entry, when it points just
     * past a {@code </data>} at a whole number of observations, tells what is there: more than N is
     * read, with a warning naming both counts; fewer is an error; and a file that ends inside the data
     * is an error naming the case it ends in.
     */
    private void xmlDataRows(long nAt, long strlsEntry) {
        long available = in.remaining();
        long declared = d.n;
        if (d.k == 0) {
            checkNoRowsWithoutVariables(nAt);
            return;
        }
        long w = d.rowWidth;
        if (declared <= (available - 7) / w && lookingAt(d.dataStart + declared * w, "</data>")) {
            return;
        }
        long end = strlsEntry - 7;
        if (end >= d.dataStart && end - d.dataStart <= available && (end - d.dataStart) % w == 0
                && lookingAt(end, "</data><strls>")) {
            long held = (end - d.dataStart) / w;
            if (held > declared) {
                warn("<header> N", "the header declares " + declared + " observations but <data> holds " + held
                        + " (its </data> tag and the map agree); read all " + held
                        + " (pandas reads " + declared + ", R haven refuses the file)");
                d.n = held;
                return;
            }
            in.section("<header>");
            throw in.error(nAt).problem("the header declares " + declared + " observations but <data> holds "
                            + held + " (its </data> tag and the map agree)")
                    .found("N = " + declared).expected("N = " + held).build();
        }
        if (declared > available / w) {
            throw endsInside(declared, available, w);
        }
        long at = d.dataStart + declared * w;
        in.seek(at);
        byte[] next = in.bytes(Math.min(7, in.remaining()));
        throw in.error(at).problem("the data do not end after the declared observations"
                        + " (wrong observation count or variable types, or a damaged file)")
                .found(DtaInput.printable(next) + " after " + declared + " observations of " + w + " bytes")
                .expected("\"</data>\"").build();
    }

    /** @return the error for a file that ends inside (or right after) observation n of the declared ones */
    private SurveyFormatException endsInside(long declared, long available, long w) {
        long whole = available / w;
        boolean inside = available % w != 0;
        return in.error(d.dataStart + whole * w)
                .problem(inside ? "the file ends inside case " + (whole + 1) + " of " + declared
                        : "the file ends after case " + whole + " of " + declared)
                .found(available + " bytes of data = " + whole + " observations of " + w + " bytes"
                        + (inside ? " and " + (available % w) + " bytes" : ""))
                .expected(declared + " observations (" + (declared > Long.MAX_VALUE / w ? "more than 2^63"
                        : Long.toString(declared * w)) + " bytes)").build();
    }

    private boolean lookingAt(long at, String tag) {
        long keep = in.position();
        in.seek(at);
        boolean yes = in.lookingAt(tag);
        in.seek(keep);
        return yes;
    }

    private void warn(String place, String message) {
        d.warnings.add(new ReadWarning(in.file(), place, message));
    }

    /**
     * Refuses an empty or repeated variable name: R haven renames repeated names ({@code ab...1}) and
     * fails on an empty one, pandas fails on repeated names and keeps an empty one, so no reading
     * agrees with both. Names are compared as Stata does, case-sensitively.
     */
    private void checkNames(long start, int length) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < d.k; i++) {
            String name = d.names[i];
            if (name.isEmpty()) {
                in.section(d.xml() ? "<varnames>" : "varlist");
                throw in.error(start + (long) length * i).problem("variable " + (i + 1) + " has no name")
                        .expected("a name").build();
            }
            Integer before = first.putIfAbsent(name, i);
            if (before != null) {
                in.section(d.xml() ? "<varnames>" : "varlist");
                throw in.error(start + (long) length * i).problem("two variables named \""
                                + DtaInput.escape(name) + "\" (R haven renames them, pandas fails)")
                        .found("variables " + (before + 1) + " and " + (i + 1)).expected("distinct names").build();
            }
        }
    }

    /** @return whether {@code s} is a Stata name: a letter or _, then letters, digits or _ (ASCII, 1-32) */
    private static boolean isName(String s) {
        if (s.isEmpty() || s.length() > 32) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private String[] tagged(String tag, int length) {
        in.section(tag);
        in.expect(tag);
        String[] out = strings(d.k, length);
        in.expect("</" + tag.substring(1));
        return out;
    }

    // ---------------------------------------------------------------- shared

    /** Refuses a variable count whose dictionary cannot fit in the rest of the file, before allocating. */
    private void checkDictionaryFits(long kAt, long perVariable, int extra) {
        long need = perVariable * d.k + extra;
        if (need > in.remaining()) {
            in.section(d.xml() ? "<header>" : "header");
            throw in.error(kAt).problem("the header claims more variables than the file can hold")
                    .found(d.k + " variables, whose dictionary needs " + need + " bytes, with "
                            + in.remaining() + " bytes left")
                    .expected("a variable count that fits the file").build();
        }
    }

    private String[] strings(int count, int length) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = DtaInput.cString(in.bytes(length), d.charset);
        }
        return out;
    }

    private void layoutRows(long kAt) {
        d.offsets = new int[d.k];
        long width = 0;
        for (int i = 0; i < d.k; i++) {
            d.offsets[i] = (int) Math.min(width, Integer.MAX_VALUE);
            width += d.widths[i];
        }
        if (width > Integer.MAX_VALUE - 8) {
            throw in.error(kAt).problem("observations wider than 2 GB are not supported")
                    .found(width + " bytes per observation").build();
        }
        d.rowWidth = (int) width;
    }

    private void checkNoRowsWithoutVariables(long nAt) {
        if (d.n > 0) {
            throw in.error(nAt).problem("observations without variables")
                    .found(d.n + " observations, 0 variables").expected("no observations when there are no variables")
                    .build();
        }
    }

    private Set<String> wantedTables() {
        Set<String> wanted = new HashSet<>();
        for (int i = 0; i < d.k; i++) {
            if (d.types[i].isNumeric() && !d.labelNames[i].isEmpty()) {
                wanted.add(d.labelNames[i]);
            }
        }
        return wanted;
    }

    /**
     * One value-label definition: {@code len} (4), {@code labname} (33 or 129), 3 bytes padding, then a
     * table of {@code len} bytes: {@code n}, {@code txtlen}, {@code off[n]}, {@code val[n]}, {@code txt}.
     * Tables no variable names are checked for size and skipped.
     */
    private void readValueLabelDefinition(int nameLength, Map<String, ValueLabelTable> tables, Set<String> wanted,
                                          Map<String, Long> seen) {
        long at = in.position();
        int length = in.i32();
        String name = DtaInput.cString(in.bytes(nameLength), d.charset);
        String shown = DtaInput.escape(name);
        in.skip(3);
        long tableAt = in.position();
        if (!d.xml() && !isName(name)) {
            throw in.error(at + 4).problem("not a value-label table (its name is not a Stata name)")
                    .found("\"" + shown + "\"")
                    .expected("a name of letters, digits and _ not starting with a digit, or the end of the file"
                            + " after the data (" + d.n + " observations of " + d.rowWidth + " bytes from byte "
                            + d.dataStart + ")").build();
        }
        Long before = seen.putIfAbsent(name, at);
        if (before != null) {
            throw in.error(at).problem("value-label table \"" + shown + "\" defined twice (pandas keeps the last,"
                            + " R haven merges them)")
                    .found("a second definition; the first is at byte " + before)
                    .expected("each table defined once").build();
        }
        if (length < 8 || length > in.remaining()) {
            throw in.error(at).problem("bad value-label table length" + (name.isEmpty() ? "" : " for \"" + shown + "\""))
                    .found(Integer.toUnsignedString(length) + " bytes, with " + in.remaining() + " bytes left")
                    .expected("8 bytes or more, within the file").build();
        }
        int count = in.i32();
        int textLength = in.i32();
        if (count < 0 || textLength < 0 || 8L + 8L * count + textLength > length) {
            throw in.error(tableAt).problem("bad value-label table \"" + shown + "\"")
                    .found("n = " + Integer.toUnsignedString(count) + " entries, txtlen = "
                            + Integer.toUnsignedString(textLength) + " in a table of " + length + " bytes")
                    .expected("8 + 8n + txtlen <= the table length").build();
        }
        if (!wanted.contains(name)) {
            in.seek(tableAt + length);
            return;
        }
        int[] offsets = new int[count];
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = in.i32();
        }
        for (int i = 0; i < count; i++) {
            values[i] = in.i32();
        }
        long textAt = in.position();
        byte[] text = in.bytes(textLength);
        Map<Double, String> numbers = new LinkedHashMap<>();
        Map<Character, String> missing = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            if (offsets[i] < 0 || offsets[i] >= textLength) {
                throw in.error(tableAt + 8 + 4L * i).problem("value label text offset outside the table's text")
                        .found("off[" + i + "] = " + Integer.toUnsignedString(offsets[i]))
                        .expected("0 <= off < txtlen = " + textLength + " (text at byte offset " + textAt + ")").build();
            }
            String label = DtaInput.cString(text, offsets[i], textLength - offsets[i], d.charset);
            int tag = StataMissing.labelKeyTag(values[i], d.extendedMissing());
            String earlier = tag == StataMissing.PRESENT ? numbers.put((double) values[i], label)
                    : missing.put(StataMissing.tagChar(tag), label);
            if (earlier != null) {
                throw in.error(tableAt + 8 + 4L * count + 4L * i).problem("value labelled twice in table \"" + shown
                                + "\" (readers disagree on which label wins)")
                        .found("val[" + i + "] = " + values[i] + ", labelled \"" + earlier + "\" before")
                        .expected("each value labelled once").build();
            }
        }
        tables.put(name, new ValueLabelTable(name, numbers, missing));
        in.seek(tableAt + length);
    }
}
