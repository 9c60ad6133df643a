package org.pluralstats.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.pluralstats.PluralstatsException;
import org.pluralstats.Progress;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.data.Accounting;
import org.pluralstats.data.CategoricalColumn;
import org.pluralstats.data.Column;
import org.pluralstats.data.EditDistance;
import org.pluralstats.data.Item;
import org.pluralstats.data.ItemKind;
import org.pluralstats.data.MissingReason;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.Scale;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.csv.CsvReader;
import org.pluralstats.io.spss.SpssReader;
import org.pluralstats.io.stata.StataReader;
import org.pluralstats.io.wvs.WvsConventions;

/**
 * Opens survey data files of any supported format, recognised by content (not by extension), and
 * reads them into {@link SurveyData}.
 */
public final class SurveyFiles {
    private SurveyFiles() {
    }

    /** Bytes read from the start of a file to recognise its format. */
    static final int SNIFF_BYTES = 64 * 1024;

    /**
     * Recognises a file's format from its content, never from its extension and never by falling back:
     * {@code $FL2} is an SPSS system file, {@code $FL3} an SPSS zsav, {@code <stata_dta>} or a release
     * byte 102-115 followed by a byte-order byte 1 or 2 (0 in release 102) and, for releases before 110,
     * the file-type byte 1, a Stata file; {@code SPSSPORT} after the 464-byte header in the file's own character table, an SPSS
     * portable file. Anything else is CSV only if its first 64 KiB look like text
     * (see {@link FileSignatures}); an empty file, an encrypted SPSS
     * file and any other binary file are refused with one line naming the file and what it looks like,
     * e.g. {@code not a CSV, SPSS or Stata file (starts with bytes 89 50 4E 47: a PNG image)}.
     *
     * @param path the file
     * @return its format
     * @throws SurveyFormatException if the file cannot be read or is not in a format this library reads
     */
    public static FileFormat detect(Path path) {
        InputFiles.requireRegular(path);
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (NoSuchFileException e) {
            throw SurveyFormatException.in(path.toString()).problem("file not found").build();
        } catch (IOException e) {
            throw SurveyFormatException.in(path.toString()).problem("cannot read: " + FileErrors.reason(e)).cause(e).build();
        }
        int n = head.length;
        String magic = new String(head, 0, Math.min(n, 4), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (magic.equals("$FL2")) {
            return FileFormat.SAV;
        } else if (magic.equals("$FL3")) {
            return FileFormat.ZSAV;
        } else if (n >= 11 && new String(head, 0, 11, java.nio.charset.StandardCharsets.ISO_8859_1).equals("<stata_dta>")) {
            return FileFormat.DTA;
        } else if (isBinaryStata(head)) {
            return FileFormat.DTA;
        } else if (org.pluralstats.io.por.PortableReader.looksPortable(head, n)) {
            return FileFormat.POR;
        }
        if (isPortable(head)) {
            throw SurveyFormatException.in(path.toString()).problem("an SPSS portable file (.por) by its header, "
                    + "but its character table or SPSSPORT tag cannot be read").build();
        }
        FileSignatures.requireText(path.toString(), head, n);
        return FileFormat.CSV;
    }

    /**
     * A binary-header Stata file: release byte 110-115 and byte order 1 or 2, as before; or release
     * 102-109 (first bytes {@code f}..{@code m}, which text can start with), byte order 1 or 2 (0 in 102)
     * and the file-type byte 1, which no text has.
     */
    private static boolean isBinaryStata(byte[] head) {
        if (head.length < 4) {
            return false;
        }
        int release = head[0] & 0xff;
        int order = head[1];
        if (release >= 110 && release <= 115) {
            return order == 1 || order == 2;
        }
        return release >= 102 && release < 110 && (order == 1 || order == 2 || order == 0 && release == 102)
                && head[2] == 1;
    }

    /**
     * Whether a file's first bytes are an SPSS portable file's: a 200-byte vanity header, a 256-byte
     * character table and the tag {@code SPSSPORT} at offset 456, written in the file's own characters
     * (the table maps the portable character set's positions, where {@code A}..{@code Z} are 74..99, to
     * the bytes the file uses). Lines may be wrapped at 80 columns with CR LF or LF (and shorter lines
     * count as padded with spaces), which moves the tag, so the offsets are taken after unwrapping.
     * (PSPP, "Portable File Format".)
     *
     * @param head the file's first bytes
     * @return whether it is a portable file
     */
    static boolean isPortable(byte[] head) {
        byte[] logical = new byte[464];
        int k = 0;
        int column = 0;
        for (int i = 0; i < head.length && k < logical.length; i++) {
            byte b = head[i];
            if (b == '\r') {
                continue;
            }
            if (b == '\n') {
                while (column < 80 && k < logical.length) {
                    logical[k++] = ' ';
                    column++;
                }
                column = 0;
                continue;
            }
            logical[k++] = b;
            column++;
        }
        if (k < logical.length) {
            return false;
        }
        String tag = "SPSSPORT";
        // the table must give the tag's five letters five different bytes (a run of NULs matches itself)
        java.util.Set<Byte> letters = new java.util.HashSet<>();
        for (char c : "SPORT".toCharArray()) {
            letters.add(logical[200 + 74 + c - 'A']);
        }
        boolean translated = letters.size() == 5;
        boolean plain = true;
        for (int i = 0; i < tag.length(); i++) {
            byte b = logical[456 + i];
            translated &= b == logical[200 + 74 + tag.charAt(i) - 'A'];
            plain &= b == tag.charAt(i);
        }
        // the vanity header of SPSS and PSPP files says so in ASCII too (its other four lines vary)
        boolean vanity = new String(logical, 0, 200, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("SPSS PORT FILE");
        return translated || plain || vanity;
    }

    /**
     * Opens a streaming reader for the file's format.
     *
     * @param path the file
     * @return the reader; close it when done
     */
    public static CaseReader open(Path path) {
        return switch (detect(path)) {
            case SAV, ZSAV -> SpssReader.open(path);
            case DTA -> StataReader.open(path);
            case POR -> org.pluralstats.io.por.PortableReader.open(path);
            case CSV -> CsvReader.open(path);
        };
    }

    /**
     * Reads a data file into columns. Only the requested variables are materialised (plus, under WVS/EVS
     * conventions, the country, language, id and weight variables). Numeric variables become
     * {@link NumericColumn}s (a {@link ItemKind#SCALE} item when the file labels its positive codes,
     * else {@link ItemKind#NUMERIC}); string variables become {@link CategoricalColumn}s.
     *
     * <p>Missing values: system-missing and Stata {@code .} become {@link MissingReason#SYSTEM_MISSING};
     * Stata {@code .a}-{@code .z} and file-declared user-missing values become
     * {@link MissingReason#USER_MISSING}, except that under WVS/EVS conventions the codes -1 to -5
     * become their typed reasons (don't know, no answer, not applicable, not asked, unknown) whether
     * declared or not.
     *
     * @param path the file
     * @param options what to read
     * @return the data, with every case kept
     */
    public static SurveyData read(Path path, ReadOptions options) {
        return read(path, options, Progress.none());
    }

    /**
     * Reads a data file of any supported format (detected from its signature) with the default options
     * ({@link ReadOptions#defaults()}: every variable, conventions detected), as {@link #read(Path, ReadOptions)}.
     *
     * @param path the file
     * @return the data, with every case kept
     */
    public static SurveyData read(Path path) {
        return read(path, ReadOptions.defaults(), Progress.none());
    }

    /**
     * Opens a data file as {@link #open(Path)} does, with a reader that reports the cases it has read to a
     * progress (the total is the file's declared or estimated case count, {@link CaseReader#estimatedRows()});
     * closing the reader ends the task. What is read is unchanged.
     *
     * @param path the file
     * @param progress where to report; {@link Progress#none()} for nowhere
     * @return the open reader, positioned before the first case
     */
    public static CaseReader open(Path path, Progress progress) {
        CaseReader reader = open(path);
        try {
            return new ProgressCaseReader(reader, progress.start("reading " + path.getFileName(), reader.estimatedRows()), true);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * Reads a data file into columns as {@link #read(Path, ReadOptions)} does, reporting the cases read
     * to a progress (the total is the file's declared or estimated case count).
     *
     * @param path the file
     * @param options what to read
     * @param progress where to report; {@link Progress#terminal()} draws a bar on a terminal
     * @return the data, with every case kept
     */
    public static SurveyData read(Path path, ReadOptions options, Progress progress) {
        String what = "reading " + path.getFileName();
        if (detect(path) == FileFormat.CSV) {
            // one pass, typing columns from the first rows; a later text cell ends that pass after
            // collecting every column that turns to text, and one more pass reads them as text
            Set<String> forced = new java.util.HashSet<>();
            while (true) {
                try (CsvReader reader = CsvReader.openSampled(path, forced);
                     Progress.Task task = progress.start(what, reader.estimatedRows())) {
                    return read(new ProgressCaseReader(reader, task), options);
                } catch (CsvReader.TypeConflict conflict) {
                    forced.addAll(conflict.variables());
                }
            }
        }
        try (CaseReader reader = open(path); Progress.Task task = progress.start(what, reader.estimatedRows())) {
            return read(new ProgressCaseReader(reader, task), options);
        }
    }

    /**
     * Reads the remaining cases of an open reader; see {@link #read(Path, ReadOptions)}.
     *
     * @param reader an open reader before its first case
     * @param options what to read
     * @return the data
     */
    public static SurveyData read(CaseReader reader, ReadOptions options) {
        FileDictionary dict = reader.dictionary();
        WvsConventions conv = options.conventions() == ReadOptions.Conventions.NONE ? WvsConventions.none()
                : WvsConventions.detect(dict);
        List<String> weightVars = options.weight().orElse(conv.defaultWeight());

        Set<String> attributeNames = new LinkedHashSet<>();
        conv.countryVariable().ifPresent(attributeNames::add);
        conv.languageVariable().ifPresent(attributeNames::add);
        attributeNames.addAll(options.attributes());

        LinkedHashMap<Integer, Boolean> wanted = new LinkedHashMap<>(); // variable index -> is attribute
        for (String a : attributeNames) {
            wanted.put(require(dict, a).index(), true);
        }
        List<Variable> requested = options.variables().isEmpty() ? dict.variables() : resolve(dict, options.variables());
        for (Variable v : requested) {
            wanted.putIfAbsent(v.index(), false);
        }
        List<Variable> weightVariables = resolve(dict, weightVars);
        for (Variable w : weightVariables) {
            if (!w.isNumeric()) {
                throw new PluralstatsException(dict.file() + ": weight variable " + w.name() + " is not numeric");
            }
        }
        Optional<Variable> idVar = conv.idVariable().flatMap(dict::find);

        int[] sel = selection(wanted, weightVariables, idVar);
        reader.select(sel);

        int nv = wanted.size();
        Variable[] vars = new Variable[nv];
        NumericColumn.Builder[] numeric = new NumericColumn.Builder[nv];
        CategoricalColumn.Builder[] categorical = new CategoricalColumn.Builder[nv];
        int expected = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(0, reader.estimatedRows()));
        int k0 = 0;
        for (int index : wanted.keySet()) {
            Variable v = dict.variables().get(index);
            vars[k0] = v;
            Item item = itemOf(v);
            if (v.isNumeric()) {
                numeric[k0] = NumericColumn.builder(item, expected);
            } else {
                categorical[k0] = CategoricalColumn.builder(item);
            }
            k0++;
        }
        // batch columns: the wanted variables first, in order, then weights and id
        int[] batchColumn = new int[dict.variables().size()];
        for (int j = 0; j < sel.length; j++) {
            batchColumn[sel[j]] = j;
        }
        CaseBatch batch = CaseBatch.of(dict, sel, BATCH_CASES);
        boolean wvs = conv.applies();
        DoubleArray weights = weightVariables.isEmpty() ? null : new DoubleArray();
        List<String> ids = idVar.isPresent() ? new ArrayList<>() : null;
        int rows = 0;
        int n;
        while ((n = reader.nextBatch(batch)) > 0) {
            for (int k = 0; k < nv; k++) {
                int j = batchColumn[vars[k].index()];
                if (numeric[k] != null) {
                    appendNumbers(numeric[k], vars[k].missing(), wvs, batch.numbers(j), batch.tags(j), n);
                } else {
                    appendStrings(categorical[k], vars[k].missing(), batch.strings(j), n);
                }
            }
            if (weights != null) {
                for (int r = 0; r < n; r++) {
                    double w = 1;
                    for (Variable wv : weightVariables) {
                        w *= batch.numbers(batchColumn[wv.index()])[r]; // NaN when missing: the weighting module reports it
                    }
                    weights.add(w);
                }
            }
            if (ids != null) {
                Variable iv = idVar.get();
                int j = batchColumn[iv.index()];
                for (int r = 0; r < n; r++) {
                    ids.add(iv.isNumeric() ? SurveyData.formatNumber(batch.numbers(j)[r]) : batch.strings(j)[r]);
                }
            }
            rows += n;
        }
        if (dict.rows() >= 0 && dict.rows() != rows) {
            throw SurveyFormatException.in(dict.file()).problem("the header declares " + dict.rows()
                    + " cases but the file holds " + rows).build();
        }
        SurveyData.Builder out = SurveyData.builder(dict.file());
        int k = 0;
        for (Map.Entry<Integer, Boolean> e : wanted.entrySet()) {
            Column c = numeric[k] != null ? numeric[k].build() : categorical[k].build();
            k++;
            if (e.getValue()) {
                out.attribute(c);
            } else {
                out.item(c);
            }
        }
        if (weights != null) {
            out.weights(weights.toArray());
        }
        if (ids != null) {
            out.ids(ids.toArray(new String[0]));
        }
        for (ReadWarning w : reader.warnings()) {
            out.warning(w.toString());
        }
        return out.accounting(Accounting.allKept(rows)).build();
    }

    /** Cases per batch: large enough to amortise calls, small enough to stay in cache. */
    private static final int BATCH_CASES = 512;

    /**
     * Appends a batch column to a numeric builder: runs of answered values in bulk, missing values
     * with their reason (system/user-missing, WVS codes -1..-5 under the conventions, declared
     * user-missing values).
     */
    private static void appendNumbers(NumericColumn.Builder b, MissingValues declared, boolean wvs, double[] x,
                                      byte[] tags, int n) {
        int run = 0;
        for (int r = 0; r < n; r++) {
            double v = x[r];
            if (isMissing(v, declared, wvs)) {
                b.addAll(x, run, r - run);
                b.addMissing(missingReason(v, tags[r], declared, wvs));
                run = r + 1;
            }
        }
        b.addAll(x, run, n - run);
    }

    /**
     * Whether a raw numeric cell is missing under the loading rules of {@link #read(Path, ReadOptions)}:
     * NaN (system-missing, Stata {@code .a}-{@code .z}), a WVS/EVS code -1..-5 when the conventions
     * apply, or a value the file declares user-missing.
     *
     * @param v the raw value from a {@link CaseReader}
     * @param declared the variable's declared missing values
     * @param wvs whether WVS/EVS conventions apply
     * @return whether the cell is missing
     */
    public static boolean isMissing(double v, MissingValues declared, boolean wvs) {
        return v != v || wvs && v < 0 && v >= -5 && v == Math.rint(v) || !declared.isEmpty() && declared.isMissing(v);
    }

    /**
     * The reason of a missing cell (see {@link #isMissing}).
     *
     * @param v the raw value
     * @param tag the reader's missing tag for it
     * @param declared the variable's declared missing values
     * @param wvs whether WVS/EVS conventions apply
     * @return the reason
     */
    public static MissingReason missingReason(double v, byte tag, MissingValues declared, boolean wvs) {
        if (v != v) {
            return tag == '.' || tag == 0 ? MissingReason.SYSTEM_MISSING : MissingReason.USER_MISSING;
        }
        if (wvs && v < 0 && v >= -5 && v == Math.rint(v)) {
            return MissingReason.ofWvsCode(v).orElseThrow();
        }
        return MissingReason.USER_MISSING;
    }

    private static void appendStrings(CategoricalColumn.Builder b, MissingValues declared, String[] s, int n) {
        for (int r = 0; r < n; r++) {
            String v = s[r];
            if (v.isEmpty()) {
                b.addMissing(MissingReason.SYSTEM_MISSING);
            } else if (declared.isMissing(v)) {
                b.addMissing(MissingReason.USER_MISSING);
            } else {
                b.add(v);
            }
        }
    }

    private static int[] selection(Map<Integer, Boolean> wanted, List<Variable> weights, Optional<Variable> id) {
        Set<Integer> all = new LinkedHashSet<>(wanted.keySet());
        weights.forEach(w -> all.add(w.index()));
        id.ifPresent(v -> all.add(v.index()));
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The item for a file variable: a {@link ItemKind#SCALE} item over the labelled non-negative integer
     * codes when the variable has two or more such value labels spanning at most
     * {@link Scale#MAX_POINTS} points, else {@link ItemKind#NUMERIC}; string variables
     * are {@link ItemKind#CHOICE} items.
     *
     * @param v the variable
     * @return its item, with the file's label and value labels
     */
    public static Item itemOf(Variable v) {
        if (!v.isNumeric()) {
            return new Item(v.name(), v.label(), ItemKind.CHOICE, Optional.empty(), List.of(), Map.of());
        }
        TreeMap<Integer, String> points = new TreeMap<>();
        for (Map.Entry<Double, String> e : v.valueLabels().entrySet()) {
            double code = e.getKey();
            if (code >= 0 && code == Math.rint(code) && code <= Integer.MAX_VALUE && !v.missing().isMissing(code)) {
                points.put((int) code, e.getValue());
            }
        }
        // labels spread wider than a scale can be (codes 1 and 2147483647) leave the item numeric
        if (points.size() >= 2 && Scale.isValidRange(points.firstKey(), points.lastKey())) {
            Scale s = new Scale(points.firstKey(), points.lastKey(), points, Scale.Direction.ASCENDING);
            return new Item(v.name(), v.label(), ItemKind.SCALE, Optional.of(s), List.of(), v.valueLabels());
        }
        return Item.numeric(v.name(), v.label(), v.valueLabels());
    }

    private static List<Variable> resolve(FileDictionary dict, List<String> names) {
        List<Variable> out = new ArrayList<>();
        for (String n : names) {
            out.add(require(dict, n));
        }
        return out;
    }

    /**
     * @param dict a file's dictionary
     * @param name a variable name (case-insensitive)
     * @param what what the variable is for, for the message ({@code item}, {@code population column})
     * @return the variable
     * @throws PluralstatsException "{@code FILE: item "q1844" is not in the file; closest: Q184, …}"
     */
    public static Variable require(FileDictionary dict, String name, String what) {
        return dict.find(name).orElseThrow(() -> new PluralstatsException(dict.file() + ": " + what + " \"" + name
                + "\" is not in the file; closest: " + String.join(", ", EditDistance.closest(name, dict.names(), 5))));
    }

    /**
     * @param dict a file's dictionary
     * @param name a variable name (case-insensitive)
     * @return the variable
     * @throws PluralstatsException naming the closest variable names when absent
     */
    public static Variable require(FileDictionary dict, String name) {
        return dict.find(name).orElseThrow(() -> new PluralstatsException(dict.file() + ": no variable \"" + name
                + "\"; closest: " + String.join(", ", EditDistance.closest(name, dict.names(), 5))));
    }

    /** A growable primitive double array. */
    private static final class DoubleArray {
        private double[] a = new double[1024];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
