package org.pluralstats.io.spss;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.FileFormat;
import org.pluralstats.io.MissingValues;
import org.pluralstats.io.Variable;
import org.pluralstats.io.VariableType;

/**
 * Reads the file header and the dictionary records of an SPSS system file, up to and including the
 * dictionary termination record (and, for ZSAV, the ZLIB data header), following the PSPP manual's
 * appendix "System File Format".
 *
 * <p>Strings in the dictionary are kept as bytes until the end, because the character encoding record
 * (type 7, subtype 20) comes after the variable records it applies to.
 */
final class DictionaryParser {
    /** Most 8-byte elements a case may have (32 MiB per case); more is treated as a hostile header. */
    static final int MAX_ELEMENTS = 1 << 22;
    private static final int HEADER_SIZE = 176;
    private static final String HEADER = "file header";
    private static final String VARIABLE = "variable record (type 2)";
    private static final String LABELS = "value label record (type 3)";
    private static final String LABEL_VARS = "value label variables record (type 4)";
    private static final String DOCUMENT = "document record (type 6)";

    private final ChannelSource in;
    private final String file;
    private Fields f;
    private final SpssLayout out = new SpssLayout();

    private final List<RawVariable> raw = new ArrayList<>();
    /** Per element: index into {@link #raw}, or -1 for a long string continuation. */
    private int[] owner = new int[64];
    private int elements;
    private int pendingContinuations;
    private RawVariable pendingString;
    private final List<LabelSet> labelSets = new ArrayList<>();

    private FileFormat formatOf;
    private long nominalCaseSize = -1;
    private int characterCode = -1;
    /** HIGHEST and LOWEST of PSPP and SPSS; the float info record's copies are ignored, as PSPP does. */
    private static final double HIGHEST = Double.MAX_VALUE;
    private static final double LOWEST = Math.nextUp(-Double.MAX_VALUE);
    private long cases64 = -1;
    private Extension longNames;
    private Extension veryLongStrings;
    private Extension encoding;
    private final List<Extension> longStringLabels = new ArrayList<>();
    private final List<Extension> longStringMissing = new ArrayList<>();

    private DictionaryParser(ChannelSource in, String file) {
        this.in = in;
        this.file = file;
    }

    /**
     * Parses the header and dictionary, leaving {@code in} at the first byte of case data (for ZSAV,
     * just after the ZLIB data header).
     */
    static SpssLayout parse(ChannelSource in, String file) {
        return new DictionaryParser(in, file).parse();
    }

    private SpssLayout parse() {
        header();
        records();
        resolve();
        if (out.compression == 2) {
            zlibHeader();
        }
        return out;
    }

    // ---------------------------------------------------------------- header

    private void header() {
        if (!in.ensure(HEADER_SIZE)) {
            if (in.available() >= 4 && magic() == null) {
                throw wrongMagic();
            }
            throw SurveyFormatException.in(file).byteOffset(0).record(HEADER)
                    .found(in.available() + " bytes").expected("at least the " + HEADER_SIZE + "-byte header of an SPSS system file")
                    .build();
        }
        String magic = magic();
        if (magic == null) {
            throw wrongMagic();
        }
        byte[] b = in.buf;
        int p = in.pos;
        int layoutLe = Bytes.int32(b, p + 64, false);
        int layoutBe = Bytes.int32(b, p + 64, true);
        boolean big;
        if (layoutLe == 2 || layoutLe == 3) {
            big = false;
        } else if (layoutBe == 2 || layoutBe == 3) {
            big = true;
        } else {
            throw SurveyFormatException.in(file).byteOffset(64).record(HEADER)
                    .found("layout code " + layoutLe).expected("2 or 3 in either byte order").build();
        }
        out.bigEndian = big;
        f = new Fields(in, file, big, HEADER);
        in.skip(64);
        f.int32();
        long nominal = f.int32();
        int compression = f.int32();
        f.int32(); // weight index: not part of the CaseReader API
        int ncases = f.int32();
        double bias = f.flt64();
        in.skip(HEADER_SIZE - 92);

        boolean zsav = magic.equals("$FL3");
        if (zsav ? compression != 2 : compression != 0 && compression != 1) {
            throw f.error(72).found("compression code " + compression)
                    .expected(zsav ? "2 (zlib) in a $FL3 file" : "0 (none) or 1 (bytecode) in a $FL2 file").build();
        }
        out.compression = compression;
        nominalCaseSize = nominal;
        if (nominal < -1 || nominal > MAX_ELEMENTS || nominal * 32 > in.remaining()) {
            throw f.error(68).found("nominal case size " + nominal)
                    .expected("-1 or a count of 8-byte elements that fits in the file's variable records").build();
        }
        if (ncases < -1) {
            throw f.error(80).found("case count " + ncases).expected("-1 (unknown) or a count of cases").build();
        }
        if (Double.isNaN(bias) || Double.isInfinite(bias)) {
            throw f.error(84).found("compression bias " + bias).expected("a finite number, normally 100").build();
        }
        out.cases = ncases;
        out.bias = bias;
        if (compression != 0 && bias != 100) {
            // As PSPP: codes 1-251 still stand for code - bias, but the writer was unusual.
            out.warnings.add(new org.pluralstats.io.ReadWarning(file, "byte 84, file header", "the compression bias is "
                    + bias + ", not the usual 100; compressed numbers are read as code - " + bias));
        }
        formatOf = zsav ? FileFormat.ZSAV : FileFormat.SAV;
    }

    private String magic() {
        byte[] b = in.buf;
        int p = in.pos;
        if (b[p] == '$' && b[p + 1] == 'F' && b[p + 2] == 'L' && (b[p + 3] == '2' || b[p + 3] == '3')) {
            return b[p + 3] == '2' ? "$FL2" : "$FL3";
        }
        return null;
    }

    private SurveyFormatException wrongMagic() {
        byte[] b = in.buf;
        int p = in.pos;
        if ((b[p] & 0xff) == 0x5b && (b[p + 1] & 0xff) == 0xc6 && (b[p + 2] & 0xff) == 0xd3) {
            return SurveyFormatException.in(file).byteOffset(0).record(HEADER)
                    .problem("an EBCDIC-encoded system file (mainframe SPSS), which is not supported").build();
        }
        StringBuilder found = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            int c = b[p + i] & 0xff;
            found.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format(Locale.ROOT, "\\x%02x", c));
        }
        return SurveyFormatException.in(file).byteOffset(0).record(HEADER).found(found.toString())
                .expected("\"$FL2\" or \"$FL3\" (an SPSS system file)").build();
    }

    // ---------------------------------------------------------------- records

    private void records() {
        while (true) {
            long at = in.offset();
            f.record = "record type code";
            if (!in.ensure(4)) {
                throw f.error(at).problem("the file ends before the dictionary termination record (type 999)").build();
            }
            int type = f.int32();
            switch (type) {
                case 2 -> variable(at);
                case 3 -> valueLabels(at);
                case 4 -> {
                    f.record = LABEL_VARS;
                    throw f.error(at).problem("a type 4 record must follow a value label record (type 3)").build();
                }
                case 6 -> document(at);
                case 7 -> extension(at);
                case 999 -> {
                    f.record = "dictionary termination record (type 999)";
                    f.int32();
                    if (pendingContinuations > 0) {
                        throw continuationMissing(at);
                    }
                    return;
                }
                default -> throw f.error(at).found("record type " + type)
                        .expected("2, 3, 6, 7 or 999").build();
            }
        }
    }

    private void variable(long at) {
        f.record = VARIABLE;
        int type = f.int32();
        int hasLabel = f.int32();
        int nMissing = f.int32();
        f.int32(); // print format
        f.int32(); // write format
        byte[] name = f.bytes(8, "name");
        if (type < -1 || type > 255) {
            throw f.error(at + 4).found("variable type " + type)
                    .expected("0 (numeric), 1-255 (string width) or -1 (long string continuation)").build();
        }
        if (hasLabel != 0 && hasLabel != 1) {
            throw f.error(at + 8).found("label flag " + hasLabel).expected("0 or 1").build();
        }
        if (nMissing < -3 || nMissing > 3 || nMissing == -1) {
            throw f.error(at + 12).found("missing value code " + nMissing).expected("0, 1, 2, 3, -2 or -3").build();
        }
        if (type > 0 && nMissing < 0) {
            throw f.error(at + 12).found("missing value range on a string variable")
                    .expected("up to three discrete string values").build();
        }
        byte[] label = null;
        if (hasLabel == 1) {
            long lenAt = f.offset();
            int len = f.int32();
            if (len < 0 || len > 65535) {
                throw f.error(lenAt).found("variable label length " + len).expected("0-65535").build();
            }
            label = f.bytes(len, "variable label length");
            f.skip((4 - len % 4) % 4, "label padding");
        }
        byte[] missing = f.bytes(8L * Math.abs(nMissing), "missing values length");
        if (elements >= MAX_ELEMENTS) {
            throw f.error(at).problem("more than " + MAX_ELEMENTS + " variable records").build();
        }
        if (type == -1) {
            if (pendingContinuations == 0) {
                throw f.error(at).problem("a long string continuation record (type -1) that does not follow a string "
                        + "variable wider than 8 bytes").build();
            }
            pendingContinuations--;
            addElement(-1);
            return;
        }
        if (pendingContinuations > 0) {
            throw continuationMissing(at);
        }
        RawVariable v = new RawVariable();
        v.offset = at;
        v.width = type;
        v.element = elements;
        v.name = name;
        v.label = label;
        v.nMissing = nMissing;
        v.missing = missing;
        raw.add(v);
        addElement(raw.size() - 1);
        if (type > 8) {
            pendingContinuations = (type + 7) / 8 - 1;
            pendingString = v;
        }
    }

    private SurveyFormatException continuationMissing(long at) {
        return f.error(at).problem("string variable " + ascii(pendingString.name) + " of width " + pendingString.width
                + " (variable record at offset " + pendingString.offset + ") lacks " + pendingContinuations
                + " continuation records").build();
    }

    private void addElement(int rawIndex) {
        if (elements == owner.length) {
            owner = Arrays.copyOf(owner, owner.length * 2);
        }
        owner[elements++] = rawIndex;
    }

    private void valueLabels(long at) {
        f.record = LABELS;
        long countAt = f.offset();
        int count = f.int32();
        if (count < 0 || count > in.remaining() / 16) {
            throw f.error(countAt).found("label count " + count)
                    .expected("a count of labels (at least 16 bytes each) that fits in the rest of the file").build();
        }
        LabelSet set = new LabelSet();
        set.offset = at;
        set.values = new ArrayList<>();
        set.labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            set.values.add(f.bytes(8, "value"));
            int len = f.uint8();
            set.labels.add(f.bytes(len, "value label length"));
            f.skip((8 - (len + 1) % 8) % 8, "label padding");
        }
        long varsAt = f.offset();
        f.record = LABEL_VARS;
        int type = in.ensure(4) ? f.int32() : -1;
        if (type != 4) {
            throw f.error(varsAt).found(type == -1 ? "the end of the file" : "record type " + type)
                    .expected("a value label variables record (type 4) after the value label record at offset " + at)
                    .build();
        }
        long nAt = f.offset();
        int n = f.int32();
        if (n < 1 || n > elements) {
            throw f.error(nAt).found("variable count " + n)
                    .expected("1 to " + elements + " (the variable records defined so far)").build();
        }
        set.variables = new int[n];
        boolean numeric = false;
        for (int i = 0; i < n; i++) {
            long idxAt = f.offset();
            int index = f.int32();
            if (index < 1 || index > elements) {
                throw f.error(idxAt).found("variable index " + index)
                        .expected("a dictionary index from 1 to " + elements + " (value labels for a variable that does "
                                + "not exist)").build();
            }
            int r = owner[index - 1];
            if (r < 0) {
                throw f.error(idxAt).found("variable index " + index)
                        .expected("the index of a variable, not of a long string continuation").build();
            }
            boolean isNumeric = raw.get(r).width == 0;
            if (i > 0 && isNumeric != numeric) {
                throw f.error(idxAt).problem("one set of value labels applies to both numeric and string variables")
                        .build();
            }
            numeric = isNumeric;
            set.variables[i] = r;
        }
        labelSets.add(set);
    }

    private void document(long at) {
        f.record = DOCUMENT;
        long nAt = f.offset();
        int lines = f.int32();
        if (lines < 0) {
            throw f.error(nAt).found("line count " + lines).expected("a non-negative count").build();
        }
        f.skip(80L * lines, "document length");
    }

    private void extension(long at) {
        f.record = "extension record (type 7)";
        int subtype = f.int32();
        f.record = "extension record (type 7, subtype " + subtype + ")";
        long sizeAt = f.offset();
        int size = f.int32();
        int count = f.int32();
        if (size < 0 || count < 0) {
            throw f.error(sizeAt).found("size " + size + " and count " + count).expected("non-negative numbers").build();
        }
        long length = (long) size * count;
        switch (subtype) {
            case 3 -> {
                expectShape(sizeAt, size, count, 4, 8);
                f.int32();
                f.int32();
                f.int32();
                f.int32(); // version and machine code
                long fpAt = f.offset();
                int fp = f.int32();
                f.int32(); // compression code
                f.int32(); // endianness: the layout code already decided it
                characterCode = f.int32();
                if (fp != 1) {
                    throw f.error(fpAt).found("floating-point representation " + fp)
                            .expected("1 (IEEE 754); IBM 370 and DEC VAX formats are not supported").build();
                }
            }
            case 4 -> {
                expectShape(sizeAt, size, count, 8, 3);
                long sysmisAt = f.offset();
                double sysmis = f.flt64();
                f.flt64(); // HIGHEST
                f.flt64(); // LOWEST
                // ReadStat once wrote NaN here; NaN cells read as system-missing anyway, so say nothing.
                if (sysmis != SpssReader.SYSMIS && !Double.isNaN(sysmis)) {
                    out.warnings.add(new org.pluralstats.io.ReadWarning(file, "byte " + sysmisAt
                            + ", float info record (type 7, subtype 4)", "the file declares " + sysmis
                            + " as the system-missing value; ignored as SPSS and PSPP do: -1.7976931348623157E308 "
                            + "is system-missing and " + sysmis + " is a value"));
                }
            }
            case 16 -> {
                expectShape(sizeAt, size, count, 8, 2);
                f.int64();
                long nAt = f.offset();
                cases64 = f.int64();
                if (cases64 < -1) {
                    throw f.error(nAt).found("64-bit case count " + cases64).expected("-1 or a count of cases").build();
                }
            }
            case 13 -> longNames = extensionBytes(at, size, length);
            case 14 -> veryLongStrings = extensionBytes(at, size, length);
            case 20 -> encoding = extensionBytes(at, size, length);
            case 21 -> longStringLabels.add(extensionBytes(at, size, length));
            case 22 -> longStringMissing.add(extensionBytes(at, size, length));
            default -> f.skip(length, "record length");
        }
    }

    private void expectShape(long at, int size, int count, int wantSize, int wantCount) {
        if (size != wantSize || count != wantCount) {
            throw f.error(at).found("size " + size + " and count " + count)
                    .expected("size " + wantSize + " and count " + wantCount).build();
        }
    }

    private Extension extensionBytes(long at, int size, long length) {
        if (size != 1) {
            throw f.error(at + 8).found("element size " + size).expected("1 (a byte string)").build();
        }
        Extension e = new Extension();
        e.offset = at;
        e.record = f.record;
        e.dataOffset = f.offset();
        e.bytes = f.bytes(length, "record length");
        return e;
    }

    private void zlibHeader() {
        f.record = "ZLIB data header";
        long at = f.offset();
        long zheader = f.int64();
        long ztrailer = f.int64();
        long ztrailerLength = f.int64();
        if (zheader != at) {
            throw f.error(at).found("zheader_ofs " + zheader).expected(at + ", the header's own offset").build();
        }
        long end = in.length < 0 ? Long.MAX_VALUE : in.length;
        if (ztrailer < at + 24 || ztrailerLength < 24 || (ztrailerLength - 24) % 24 != 0
                || ztrailerLength > end - ztrailer) {
            throw f.error(at + 8).found("ztrailer_ofs " + ztrailer + ", ztrailer_len " + ztrailerLength)
                    .expected("a trailer of 24 + 24 * blocks bytes after the data and within the file"
                            + (in.length >= 0 ? " (" + in.length + " bytes)" : "")).build();
        }
        out.zheaderOffset = zheader;
        out.ztrailerOffset = ztrailer;
        out.ztrailerLength = ztrailerLength;
    }

    // ---------------------------------------------------------------- resolution

    private void resolve() {
        out.dataOffset = in.offset();
        if (nominalCaseSize > 0 && nominalCaseSize != elements) {
            out.warnings.add(new org.pluralstats.io.ReadWarning(file, "byte 68, file header", "the header's nominal "
                    + "case size is " + nominalCaseSize + " elements of 8 bytes, but the variable records define "
                    + elements + "; the cases are read by the variable records"));
        }
        Charset cs = charset();
        out.charset = cs;
        if (out.cases >= 0 && cases64 >= 0 && out.cases != cases64) {
            throw SurveyFormatException.in(file).byteOffset(80).record(HEADER)
                    .problem("the header declares " + out.cases + " cases but the 64-bit case count record "
                            + "(type 7, subtype 16) declares " + cases64).build();
        }
        if (out.cases < 0) {
            out.cases = cases64;
        }

        // Short names, long names and very long string widths.
        int nRaw = raw.size();
        String[] shortNames = new String[nRaw];
        Map<String, Integer> byShort = new HashMap<>();
        for (int i = 0; i < nRaw; i++) {
            shortNames[i] = trimmed(raw.get(i).name, 8, cs);
            byShort.putIfAbsent(shortNames[i].toUpperCase(Locale.ROOT), i);
        }
        Map<String, String> longNameOf = new HashMap<>();
        if (longNames != null) {
            for (String pair : new String(longNames.bytes, cs).split("\t")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && eq < pair.length() - 1) {
                    longNameOf.put(pair.substring(0, eq).toUpperCase(Locale.ROOT), pair.substring(eq + 1));
                }
            }
        }
        int[] vlsWidth = new int[nRaw];
        if (veryLongStrings != null) {
            for (String pair : new String(veryLongStrings.bytes, cs).split("\t")) {
                String p = pair.replace("\0", "");
                int eq = p.indexOf('=');
                if (p.isEmpty()) {
                    continue;
                }
                Integer r = eq > 0 ? byShort.get(p.substring(0, eq).toUpperCase(Locale.ROOT)) : null;
                int w = eq > 0 ? parseWidth(p.substring(eq + 1)) : -1;
                if (r == null || w < 1 || w > 32767 || raw.get(r).width <= 0) {
                    throw SurveyFormatException.in(file).byteOffset(veryLongStrings.offset).record(veryLongStrings.record)
                            .found(p).expected("NAME=WIDTH naming a string variable, width 256 to 32767").build();
                }
                if (w < 256) {
                    // One segment: nothing to merge. PSPP warns and ignores the entry.
                    out.warnings.add(new org.pluralstats.io.ReadWarning(file, "byte " + veryLongStrings.offset + ", "
                            + veryLongStrings.record, "lists " + p + ", which needs only one segment; ignored"));
                    continue;
                }
                vlsWidth[r] = w;
            }
        }

        // Merge very long string segments into one variable each and lay out the case elements.
        out.elements = elements;
        out.elementVariable = new int[elements];
        out.elementNumeric = new boolean[elements];
        out.elementTarget = new int[elements];
        out.elementCopy = new int[elements];
        List<Integer> firstRaw = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        int r = 0;
        while (r < nRaw) {
            RawVariable v = raw.get(r);
            int var = firstRaw.size();
            firstRaw.add(r);
            if (v.width == 0) {
                out.elementVariable[v.element] = var;
                out.elementNumeric[v.element] = true;
                widths.add(0);
                r++;
                continue;
            }
            int width = vlsWidth[r] > 0 ? vlsWidth[r] : v.width;
            int segments = vlsWidth[r] > 0 ? (width + 251) / 252 : 1;
            if (r + segments > nRaw) {
                throw SurveyFormatException.in(file).byteOffset(v.offset).record(VARIABLE)
                        .problem("very long string " + shortNames[r] + " of width " + width + " needs " + segments
                                + " segments but only " + (nRaw - r) + " variables follow").build();
            }
            for (int s = 0; s < segments; s++) {
                RawVariable seg = raw.get(r + s);
                // Data is packed 255 bytes per segment, so the last segments may hold nothing.
                int take = segments == 1 ? width : Math.max(0, Math.min(255, width - 255 * s));
                // As PSPP's reader checks: every segment but the last is allocated 255 bytes, the last
                // width - 252 * (segments - 1), and each variable record must have that width rounded up
                // to 8 bytes. A record that lies about the width (600 said to be 300) fails here.
                int alloc = segments == 1 ? width : s < segments - 1 ? 255 : width - 252 * s;
                if (seg.width <= 0 || (segments > 1 ? roundUp8(seg.width) != roundUp8(alloc) : seg.width < take)) {
                    throw SurveyFormatException.in(file)
                            .byteOffset(segments > 1 ? veryLongStrings.offset : seg.offset)
                            .record(segments > 1 ? veryLongStrings.record : VARIABLE)
                            .problem("very long string " + shortNames[r] + " of width " + width + " has segment " + (s + 1)
                                    + " of " + segments + " " + (seg.width == 0 ? "numeric"
                                    : "of width " + seg.width + " (variable record at byte " + seg.offset + ")")
                                    + " where width " + alloc + " is needed; the very long string record (type 7, "
                                    + "subtype 14) disagrees with the variable records").build();
                }
                int segElements = (seg.width + 7) / 8;
                for (int k = 0; k < segElements; k++) {
                    int e = seg.element + k;
                    out.elementVariable[e] = var;
                    int copy = Math.max(0, Math.min(8, take - 8 * k));
                    out.elementTarget[e] = copy == 0 ? 0 : 255 * s + 8 * k;
                    out.elementCopy[e] = copy;
                }
            }
            widths.add(width);
            r += segments;
        }
        out.widths = widths.stream().mapToInt(Integer::intValue).toArray();

        // Variables, with labels and missing values from their type 2 records.
        int nVars = firstRaw.size();
        int[] varOfRaw = new int[nRaw];
        Arrays.fill(varOfRaw, -1);
        String[] names = new String[nVars];
        Map<String, Integer> byName = new HashMap<>();
        List<Map<Double, String>> numericLabels = new ArrayList<>();
        List<Map<String, String>> stringLabels = new ArrayList<>();
        MissingValues[] missing = new MissingValues[nVars];
        for (int var = 0; var < nVars; var++) {
            int rv = firstRaw.get(var);
            varOfRaw[rv] = var;
            String shortName = shortNames[rv];
            String name = longNameOf.getOrDefault(shortName.toUpperCase(Locale.ROOT), shortName);
            names[var] = name;
            byName.putIfAbsent(name.toUpperCase(Locale.ROOT), var);
            numericLabels.add(new LinkedHashMap<>());
            stringLabels.add(new LinkedHashMap<>());
            missing[var] = missingOf(raw.get(rv), out.widths[var], cs);
        }
        for (int var = 0; var < nVars; var++) {
            byName.putIfAbsent(shortNames[firstRaw.get(var)].toUpperCase(Locale.ROOT), var);
        }

        // Value labels from type 3/4 records.
        for (LabelSet set : labelSets) {
            for (int rv : set.variables) {
                int var = varOfRaw[rv];
                if (var < 0) {
                    throw SurveyFormatException.in(file).byteOffset(set.offset).record(LABELS)
                            .problem("value labels for a segment of a very long string, which cannot have them").build();
                }
                int width = out.widths[var];
                for (int i = 0; i < set.values.size(); i++) {
                    byte[] value = set.values.get(i);
                    String label = new String(set.labels.get(i), cs);
                    if (width == 0) {
                        numericLabels.get(var).putIfAbsent(Bytes.flt64(value, 0, out.bigEndian), label);
                    } else {
                        // The whole 8-byte key, even past the variable's width, as haven keeps it.
                        stringLabels.get(var).putIfAbsent(trimmed(value, 8, cs), label);
                    }
                }
            }
        }

        for (Extension e : longStringLabels) {
            longStringLabels(e, byName, cs, stringLabels);
        }
        for (Extension e : longStringMissing) {
            longStringMissing(e, byName, cs, missing);
        }

        List<Variable> variables = new ArrayList<>(nVars);
        for (int var = 0; var < nVars; var++) {
            RawVariable v = raw.get(firstRaw.get(var));
            int width = out.widths[var];
            // Some writers pad variable labels with blanks counted in their length.
            variables.add(new Variable(var, names[var], v.label == null ? "" : trimmed(v.label, v.label.length, cs),
                    width == 0 ? VariableType.NUMERIC : VariableType.STRING, width,
                    numericLabels.get(var), stringLabels.get(var), missing[var]));
        }
        out.dictionary = new FileDictionary(file, formatOf, out.cases, variables, cs.name());
    }

    private static int roundUp8(int n) {
        return (n + 7) / 8 * 8;
    }

    private static int parseWidth(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 6) {
            return -1;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(t);
    }

    private MissingValues missingOf(RawVariable v, int width, Charset cs) {
        if (v.nMissing == 0) {
            return MissingValues.none();
        }
        int n = Math.abs(v.nMissing);
        if (width > 0) {
            List<String> strings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                strings.add(trimmed(Arrays.copyOfRange(v.missing, 8 * i, 8 * i + 8), Math.min(8, width), cs));
            }
            return new MissingValues(new double[0], Double.NaN, Double.NaN, strings);
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Bytes.flt64(v.missing, 8 * i, out.bigEndian);
        }
        if (v.nMissing > 0) {
            return new MissingValues(d, Double.NaN, Double.NaN, List.of());
        }
        double low = d[0] <= LOWEST ? Double.NEGATIVE_INFINITY : d[0];
        double high = d[1] >= HIGHEST ? Double.POSITIVE_INFINITY : d[1];
        if (Double.isNaN(low) || Double.isNaN(high)) {
            throw SurveyFormatException.in(file).byteOffset(v.offset).record(VARIABLE)
                    .found("a missing value range with a NaN bound").expected("two numbers").build();
        }
        double[] values = v.nMissing == -3 ? new double[] {d[2]} : new double[0];
        return new MissingValues(values, low, high, List.of());
    }

    /** Long string value labels (type 7, subtype 21). */
    private void longStringLabels(Extension e, Map<String, Integer> byName, Charset cs,
                                  List<Map<String, String>> stringLabels) {
        ExtensionCursor c = new ExtensionCursor(e);
        while (c.more()) {
            long varAt = c.offset();
            String name = new String(c.bytes(c.int32()), cs);
            int var = lookup(byName, name, e, varAt);
            int width = out.widths[var];
            long widthAt = c.offset();
            int declared = c.int32();
            if (width == 0 || declared != width) {
                throw c.error(widthAt).found(name + " of width " + declared)
                        .expected("a string variable of that width (the dictionary says " + width + ")").build();
            }
            int n = c.int32();
            if (n < 0 || n > c.left() / 8) {
                throw c.error(c.offset() - 4).found("label count " + n).expected("a count that fits in the record").build();
            }
            for (int i = 0; i < n; i++) {
                byte[] value = c.bytes(c.int32());
                String label = new String(c.bytes(c.int32()), cs);
                // The whole key, even when longer than the variable, as haven keeps it.
                stringLabels.get(var).putIfAbsent(trimmed(value, value.length, cs), label);
            }
        }
    }

    /**
     * Long string missing values (type 7, subtype 22). Each entry is a name, a count of 1 to 3 values
     * in one byte, and the values. The PSPP manual describes one int32 length before all values; PSPP
     * (1.6) writes a length before each value. Both layouts are read: the record is parsed with
     * per-value lengths first and, if that does not account for every byte, with one length.
     */
    private void longStringMissing(Extension e, Map<String, Integer> byName, Charset cs, MissingValues[] missing) {
        Map<Integer, List<String>> parsed;
        try {
            parsed = longStringMissing(e, byName, cs, true);
        } catch (SurveyFormatException perValue) {
            try {
                parsed = longStringMissing(e, byName, cs, false);
            } catch (SurveyFormatException oneLength) {
                throw perValue;
            }
        }
        for (Map.Entry<Integer, List<String>> m : parsed.entrySet()) {
            missing[m.getKey()] = new MissingValues(new double[0], Double.NaN, Double.NaN, m.getValue());
        }
    }

    private Map<Integer, List<String>> longStringMissing(Extension e, Map<String, Integer> byName, Charset cs,
                                                         boolean lengthPerValue) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        ExtensionCursor c = new ExtensionCursor(e);
        while (c.more()) {
            long varAt = c.offset();
            String name = new String(c.bytes(c.int32()), cs);
            int var = lookup(byName, name, e, varAt);
            long nAt = c.offset();
            int n = c.uint8();
            if (n < 1 || n > 3 || this.out.widths[var] == 0) {
                throw c.error(nAt).found(n + " missing values for " + name)
                        .expected("1 to 3 missing values of a string variable").build();
            }
            int len = lengthPerValue ? 0 : c.int32();
            List<String> strings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte[] value = c.bytes(lengthPerValue ? c.int32() : len);
                strings.add(trimmed(value, value.length, cs));
            }
            out.put(var, strings);
        }
        return out;
    }

    private int lookup(Map<String, Integer> byName, String name, Extension e, long at) {
        Integer var = byName.get(name.toUpperCase(Locale.ROOT));
        if (var == null) {
            throw SurveyFormatException.in(file).byteOffset(at).record(e.record).found("variable name " + name)
                    .expected("the name of a variable in the dictionary").build();
        }
        return var;
    }

    private Charset charset() {
        if (encoding != null) {
            String name = new String(encoding.bytes, StandardCharsets.US_ASCII).trim();
            Charset cs = forName(name);
            if (cs != null) {
                out.charsetDeclared = true;
                return cs;
            }
        }
        Charset cs = codePage(characterCode);
        out.charsetDeclared = cs != null;
        return cs != null ? cs : Charset.forName("windows-1252");
    }

    /**
     * Maps the machine integer info record's character code to a charset: 2 and 3 are 7- and 8-bit
     * ASCII (read as windows-1252, its superset), 65001 is UTF-8, other values are Windows code pages.
     */
    static Charset codePage(int code) {
        return switch (code) {
            case -1, 1, 4 -> null;
            case 2, 3 -> Charset.forName("windows-1252");
            case 65001 -> StandardCharsets.UTF_8;
            case 20127 -> StandardCharsets.US_ASCII;
            case 28591 -> StandardCharsets.ISO_8859_1;
            case 932 -> forName("windows-31j");
            case 936 -> forName("GBK");
            case 949 -> forName("x-windows-949");
            case 950 -> forName("x-windows-950");
            case 54936 -> forName("GB18030");
            case 20932 -> forName("EUC-JP");
            case 51949 -> forName("EUC-KR");
            default -> {
                if (code >= 28592 && code <= 28605) {
                    yield forName("ISO-8859-" + (code - 28590));
                }
                Charset cs = forName("windows-" + code);
                yield cs != null ? cs : forName("IBM" + code);
            }
        };
    }

    private static Charset forName(String name) {
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Decodes the first {@code max} bytes of a fixed-width field without its trailing blanks and NULs. */
    static String trimmed(byte[] b, int max, Charset cs) {
        int end = Math.min(max, b.length);
        while (end > 0 && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        return new String(b, 0, end, cs);
    }

    private static String ascii(byte[] b) {
        return trimmed(b, b.length, StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------- holders

    private static final class RawVariable {
        long offset;
        int width;
        int element;
        byte[] name;
        byte[] label;
        int nMissing;
        byte[] missing;
    }

    private static final class LabelSet {
        long offset;
        List<byte[]> values;
        List<byte[]> labels;
        int[] variables;
    }

    private static final class Extension {
        long offset;
        long dataOffset;
        String record;
        byte[] bytes;
    }

    /** Bounds-checked reads inside an extension record already in memory. */
    private final class ExtensionCursor {
        private final Extension e;
        private int p;

        ExtensionCursor(Extension e) {
            this.e = e;
        }

        boolean more() {
            return p < e.bytes.length;
        }

        int left() {
            return e.bytes.length - p;
        }

        long offset() {
            return e.dataOffset + p;
        }

        int int32() {
            need(4);
            int v = Bytes.int32(e.bytes, p, out.bigEndian);
            p += 4;
            return v;
        }

        int uint8() {
            need(1);
            return e.bytes[p++] & 0xff;
        }

        byte[] bytes(int n) {
            if (n < 0 || n > left()) {
                throw error(offset()).found("length " + n).expected("0 to " + left() + " (the rest of the record)").build();
            }
            byte[] b = Arrays.copyOfRange(e.bytes, p, p + n);
            p += n;
            return b;
        }

        private void need(int n) {
            if (left() < n) {
                throw error(offset()).problem("the record ends inside a field").build();
            }
        }

        SurveyFormatException.Builder error(long at) {
            return SurveyFormatException.in(file).byteOffset(at).record(e.record);
        }
    }
}
