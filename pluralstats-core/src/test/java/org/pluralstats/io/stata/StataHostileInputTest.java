package org.pluralstats.io.stata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.Variable;

/**
 * Bad and hostile input: truncated files, wrong signatures and releases, counts and lengths the file
 * cannot hold, broken value-label tables and strL references. Each must be a
 * {@link SurveyFormatException} naming the byte offset and section, within two seconds, without
 * allocating what the header claims.
 */
class StataHostileInputTest {
    private static final Duration QUICKLY = Duration.ofSeconds(2);

    @TempDir
    Path temp;

    private int files;

    private Path write(byte[] bytes) {
        try {
            Path p = temp.resolve("hostile" + (files++) + ".dta");
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(StataFixtures.file(name));
    }

    /** Reads the whole file, expecting a format error with offset and section quickly; returns it. */
    private SurveyFormatException reject(byte[] bytes) {
        return assertTimeoutPreemptively(QUICKLY, () -> rejectNow(bytes));
    }

    private static SurveyFormatException rejectNow(byte[] bytes) {
        SurveyFormatException e = assertThrows(SurveyFormatException.class, () -> ReadAll.read(bytes, "hostile.dta"));
        assertThat(e.byteOffset()).as(e.getMessage()).isPresent();
        assertThat(e.getMessage()).startsWith("hostile.dta, ")
                .contains("byte offset " + e.byteOffset().getAsLong()).contains(", in ");
        assertThat(e.file()).isEqualTo("hostile.dta");
        return e;
    }

    private static int find(byte[] b, String text, int from) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = from; i <= b.length - t.length; i++) {
            for (int j = 0; j < t.length; j++) {
                if (b[i + j] != t[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException(text + " not found");
    }

    private static int find(byte[] b, String text) {
        return find(b, text, 0);
    }

    private static int findLast(byte[] b, String text) {
        int at = find(b, text);
        try {
            while (true) {
                at = find(b, text, at + 1);
            }
        } catch (IllegalArgumentException end) {
            return at;
        }
    }

    private static void put(byte[] b, int at, long value, int width, ByteOrder order) {
        for (int j = 0; j < width; j++) {
            int shift = 8 * (order == ByteOrder.BIG_ENDIAN ? width - 1 - j : j);
            b[at + j] = (byte) (value >>> shift);
        }
    }

    /** The layout of a fixture as the parser sees it (package-private access). */
    private static DtaLayout layout(byte[] bytes) {
        return DtaParser.parse(new DtaInput(new ByteArrayChannel(bytes), "fixture.dta"));
    }

    // ------------------------------------------------------------------ truncation

    @ParameterizedTest
    @ValueSource(strings = {"haven_113.dta", "pandas_114_be.dta", "haven_110.dta", "pandas_118_be.dta",
        "haven_119.dta", "pandas_119_le_strl.dta", "statsmodels_lutkepohl2.dta"})
    void truncatedAtEveryOffsetIsAnErrorOrAtMostLosesWholeLabelTables(String name) throws IOException {
        byte[] whole = fixture(name);
        DtaLayout d = layout(whole);
        List<Long> tableEnds = new ArrayList<>();
        long dataEnd = d.dataStart + d.n * d.rowWidth;
        if (!d.xml()) {
            // Binary releases end with value-label tables and no end marker: a file cut exactly between
            // two tables cannot be told from a whole one (documented in StataReader).
            tableEnds.add(dataEnd);
            ByteBuffer b = ByteBuffer.wrap(whole).order(d.order);
            long at = dataEnd;
            while (at < whole.length) {
                at += 4 + 33 + 3 + b.getInt((int) at);
                tableEnds.add(at);
            }
        }
        long xmlEnd = d.xml() ? findLast(whole, "</stata_dta>") + "</stata_dta>".length() : Long.MAX_VALUE;
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int cut = 0; cut < whole.length; cut++) {
                byte[] part = java.util.Arrays.copyOf(whole, cut);
                if (tableEnds.contains((long) cut) || cut >= xmlEnd) {   // lutkepohl2 ends with a newline
                    assertThat(ReadAll.read(part, "cut.dta")).isEqualTo(d.n);
                    continue;
                }
                SurveyFormatException e = rejectNow(part);
                assertThat(e.byteOffset().getAsLong()).as("cut at " + cut).isLessThanOrEqualTo(cut);
            }
        });
    }

    @Test
    void aFileShorterThanItsObservationsFailsAtOpenNotAsAShortResult() throws IOException {
        byte[] b = fixture("statsmodels_macrodata.dta");       // release 114, no value labels after the data
        DtaLayout d = layout(b);
        put(b, 6, d.n + 1, 4, ByteOrder.LITTLE_ENDIAN);   // one observation more than the data hold
        Path p = write(b);
        SurveyFormatException e = assertThrows(SurveyFormatException.class, () -> StataReader.open(p));
        assertThat(e.getMessage()).contains("in data").contains("the file ends after case " + d.n + " of " + (d.n + 1))
                .contains(d.n + " observations of " + d.rowWidth + " bytes");
        assertThat(e.byteOffset()).hasValue(d.dataStart + d.n * d.rowWidth);

        byte[] cut = java.util.Arrays.copyOf(fixture("statsmodels_macrodata.dta"), b.length - 1);
        SurveyFormatException e2 = assertThrows(SurveyFormatException.class, () -> StataReader.open(write(cut)));
        assertThat(e2.getMessage()).contains("in data").contains("the file ends inside case " + d.n + " of " + d.n);
    }

    @Test
    void oneObservationTooManyInAnXmlFile() throws IOException {
        byte[] b = fixture("pandas_118_le.dta");
        DtaLayout d = layout(b);
        put(b, find(b, "<N>") + 3, d.n + 1, 8, ByteOrder.LITTLE_ENDIAN);
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(find(b, "<N>") + 3);
        assertThat(e.getMessage()).contains("in <header>")
                .contains("the header declares " + (d.n + 1) + " observations but <data> holds " + d.n);
    }

    // ------------------------------------------------------------------ signatures and releases

    @Test
    void emptyFile() {
        SurveyFormatException e = reject(new byte[0]);
        assertThat(e.getMessage()).contains("empty");
    }

    @Test
    void notAStataFile() {
        byte[] gif = "GIF89a....................".getBytes(StandardCharsets.ISO_8859_1);
        SurveyFormatException e = reject(gif);
        assertThat(e.byteOffset()).hasValue(0);
        assertThat(e.getMessage()).contains("not a Stata .dta file").contains("GIF89a");
    }

    @Test
    void wrongXmlSignature() throws IOException {
        byte[] b = fixture("haven_118.dta");
        b[9] = 'x';   // <stata_dtx>
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(0);
        assertThat(e.getMessage()).contains("<header>").contains("\"<stata_dta>\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"120", "116", "11x"})
    void unsupportedXmlRelease(String release) throws IOException {
        byte[] b = fixture("haven_118.dta");
        int at = find(b, "<release>") + 9;
        System.arraycopy(release.getBytes(StandardCharsets.ISO_8859_1), 0, b, at, 3);
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(at);
        assertThat(e.getMessage()).contains("unsupported Stata release").contains(release);
    }

    @ParameterizedTest
    @ValueSource(ints = {112, 109, 107, 106, 116})   // 108 and 102-105 are read since issue 10
    void unsupportedBinaryRelease(int release) throws IOException {
        byte[] b = fixture("haven_114.dta");
        b[0] = (byte) release;
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(0);
        assertThat(e.getMessage()).contains("unsupported Stata release " + release);
    }

    @Test
    void badByteOrder() throws IOException {
        byte[] b = fixture("haven_114.dta");
        b[1] = 3;
        assertThat(reject(b).getMessage()).contains("bad byte order").contains("byte offset 1");
        byte[] x = fixture("haven_118.dta");
        int at = find(x, "<byteorder>") + 11;
        x[at] = 'X';
        assertThat(reject(x).getMessage()).contains("bad byte order").contains("XSF");
    }

    // ------------------------------------------------------------------ absurd counts

    @ParameterizedTest
    @ValueSource(longs = {0x7ffffff0L, 100_000L, 65_536L})
    void release119VariableCountBeyondTheFile(long k) throws IOException {
        byte[] b = fixture("pandas_119_le.dta");
        int at = find(b, "<K>") + 3;
        put(b, at, k, 4, ByteOrder.LITTLE_ENDIAN);
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(at);
        assertThat(e.getMessage()).contains("in <header>").contains("more variables than the file can hold")
                .contains(k + " variables");
    }

    @ParameterizedTest
    @ValueSource(longs = {0x80000000L, 0xffffffffL})
    void release119VariableCountOf2To31OrMore(long k) throws IOException {
        byte[] b = fixture("pandas_119_be.dta");
        int at = find(b, "<K>") + 3;
        put(b, at, k, 4, ByteOrder.BIG_ENDIAN);
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(at);
        assertThat(e.getMessage()).contains("in <header>").contains("absurd number of variables").contains(Long.toString(k));
    }

    @Test
    void binaryVariableCountBeyondTheFile() throws IOException {
        byte[] b = fixture("pandas_114_be.dta");
        put(b, 4, 65535, 2, ByteOrder.BIG_ENDIAN);
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(4);
        assertThat(e.getMessage()).contains("in header").contains("65535 variables");
    }

    @ParameterizedTest
    @ValueSource(longs = {1L << 62, 0x7fffffffffffffffL, 1000})
    void observationCountBeyondTheData(long n) throws IOException {
        byte[] b = fixture("pandas_118_be.dta");
        put(b, find(b, "<N>") + 3, n, 8, ByteOrder.BIG_ENDIAN);
        SurveyFormatException e = reject(b);
        assertThat(e.getMessage()).contains("in <header>")
                .contains("the header declares " + n + " observations but <data> holds 30");
    }

    @Test
    void observationCountOver2To63() throws IOException {
        byte[] b = fixture("pandas_118_le.dta");
        int at = find(b, "<N>") + 3;
        put(b, at, -1L, 8, ByteOrder.LITTLE_ENDIAN);
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(at);
        assertThat(e.getMessage()).contains("absurd number of observations").contains("18446744073709551615");
    }

    @Test
    void binaryObservationCountBeyondTheData() throws IOException {
        byte[] b = fixture("haven_113.dta");
        put(b, 6, 0xffffffffL, 4, ByteOrder.LITTLE_ENDIAN);
        assertThat(reject(b).getMessage()).contains("in header")
                .contains("the header declares 4294967295 observations but the value labels start after 12");
    }

    @Test
    void hugeStringWidths() throws IOException {
        byte[] b = fixture("pandas_118_le.dta");
        int at = find(b, "<variable_types>") + 16 + 2 * 5;   // s_str
        put(b, at, 30000, 2, ByteOrder.LITTLE_ENDIAN);
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(at);
        assertThat(e.getMessage()).contains("in <variable_types>").contains("unknown variable type").contains("30000");

        put(b, at, 2045, 2, ByteOrder.LITTLE_ENDIAN);        // legal width, but 30 rows of it do not fit
        assertThat(reject(b).getMessage()).contains("in <data>").contains("the file ends inside case 3 of 30");

        byte[] old = fixture("pandas_114_le.dta");
        old[109 + 5] = (byte) 245;
        SurveyFormatException e2 = reject(old);
        assertThat(e2.byteOffset()).hasValue(109 + 5);
        assertThat(e2.getMessage()).contains("in typlist").contains("unknown variable type").contains("245");
    }

    // ------------------------------------------------------------------ negative and absurd lengths

    @Test
    void negativeValueLabelLengthBinary() throws IOException {
        byte[] b = fixture("haven_114.dta");
        DtaLayout d = layout(b);
        int at = (int) (d.dataStart + d.n * d.rowWidth);   // the first table's len
        put(b, at, 0x80000000L, 4, ByteOrder.LITTLE_ENDIAN);
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(at);
        assertThat(e.getMessage()).contains("in value labels").contains("bad value-label table length")
                .contains("2147483648");
    }

    @Test
    void negativeValueLabelLengthXml() throws IOException {
        byte[] b = fixture("pandas_118_be.dta");
        int at = find(b, "<lbl>") + 5;
        put(b, at, -1, 4, ByteOrder.BIG_ENDIAN);
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(at);
        assertThat(e.getMessage()).contains("in <value_labels>").contains("bad value-label table length");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4})
    void absurdLabelTableCounts(int field) throws IOException {
        byte[] b = fixture("haven_118.dta");
        int table = find(b, "<lbl>") + 5 + 4 + 129 + 3;
        put(b, table + field, 0x7fffffffL, 4, ByteOrder.LITTLE_ENDIAN);   // n or txtlen
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(table);
        assertThat(e.getMessage()).contains("in <value_labels>").contains("bad value-label table \"agree\"")
                .contains("2147483647");
    }

    @Test
    void labelTextOffsetOutsideTheTable() throws IOException {
        byte[] b = fixture("pandas_114_le.dta");
        int table = findLast(b, "q_lab\0") + 33 + 3;
        put(b, table + 8, 1_000_000, 4, ByteOrder.LITTLE_ENDIAN);   // off[0]
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(table + 8);
        assertThat(e.getMessage()).contains("text offset outside").contains("1000000");
    }

    @Test
    void characteristicLengthBeyondTheFile() throws IOException {
        byte[] b = fixture("statsmodels_lutkepohl2.dta");
        int at = find(b, "<ch>") + 4;
        put(b, at, 0x7fffffffL, 4, ByteOrder.LITTLE_ENDIAN);
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(at + 4);
        assertThat(e.getMessage()).contains("in <characteristics>").contains("ends early");
    }

    @Test
    void gsoLengthBeyondTheFile() throws IOException {
        byte[] b = fixture("pandas_118_le.dta");
        int at = find(b, "GSO") + 3 + 4 + 8 + 1;
        put(b, at, 0xfffffff0L, 4, ByteOrder.LITTLE_ENDIAN);
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(at + 4);
        assertThat(e.getMessage()).contains("in <strls>").contains("ends early").contains("4294967280");
    }

    @Test
    void expansionFieldLengthBeyondTheFile() throws IOException {
        byte[] b = fixture("pandas_114_le.dta");
        DtaLayout d = layout(b);
        int at = (int) d.dataStart - 5;                 // the terminating type 0, length 0
        b[at] = 1;
        put(b, at + 1, 0x7fffffffL, 4, ByteOrder.LITTLE_ENDIAN);
        SurveyFormatException e = reject(b);
        assertThat(e.getMessage()).contains("in expansion fields").contains("ends early");
    }

    // ------------------------------------------------------------------ GSO records and strL references

    @Test
    void gsoForAVariableThatIsNotAStrL() throws IOException {
        byte[] b = fixture("pandas_118_le.dta");
        int at = find(b, "GSO");
        put(b, at + 3, 1, 4, ByteOrder.LITTLE_ENDIAN);
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(at);
        assertThat(e.getMessage()).contains("in <strls>").contains("not a strL").contains("v = 1");
    }

    @Test
    void gsoOutsideTheObservations() throws IOException {
        byte[] b = fixture("pandas_117_be.dta");
        int at = find(b, "GSO");
        put(b, at + 7, 31, 4, ByteOrder.BIG_ENDIAN);
        assertThat(reject(b).getMessage()).contains("observation outside the data").contains("o = 31");
    }

    @Test
    void gsoOutOfOrder() throws IOException {
        byte[] b = fixture("pandas_118_le.dta");
        int at = find(b, "GSO");
        put(b, at + 7, 20, 8, ByteOrder.LITTLE_ENDIAN);     // first record claims observation 20
        assertThat(reject(b).getMessage()).contains("out of order or repeated");
    }

    @Test
    void gsoWithUnknownType() throws IOException {
        byte[] b = fixture("pandas_118_le.dta");
        int at = find(b, "GSO") + 3 + 4 + 8;
        b[at] = 7;
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(at);
        assertThat(e.getMessage()).contains("bad GSO type");
    }

    private int strLCell(byte[] b, DtaLayout d, int row, String variable) {
        int v = java.util.Arrays.asList(d.names).indexOf(variable);
        return (int) (d.dataStart + (long) row * d.rowWidth + d.offsets[v]);
    }

    @Test
    void strLForwardReference() throws IOException {
        byte[] b = fixture("pandas_118_le.dta");
        DtaLayout d = layout(b);
        int at = strLCell(b, d, 0, "t_strl");
        put(b, at, 8, 2, ByteOrder.LITTLE_ENDIAN);
        put(b, at + 2, 17, 6, ByteOrder.LITTLE_ENDIAN);     // (8, 17): a cell further down
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(at);
        assertThat(e.column()).hasValue("t_strl");
        assertThat(e.getMessage()).contains("in <data>").contains("forward reference").contains("(8,17)");
    }

    @Test
    void strLReferenceToANumericVariable() throws IOException {
        byte[] b = fixture("pandas_117_le.dta");
        DtaLayout d = layout(b);
        int at = strLCell(b, d, 2, "t_strl");
        put(b, at, 1, 4, ByteOrder.LITTLE_ENDIAN);
        put(b, at + 4, 1, 4, ByteOrder.LITTLE_ENDIAN);
        assertThat(reject(b).getMessage()).contains("not a strL").contains("observation 3");
    }

    @Test
    void strLReferenceToNoRecord() throws IOException {
        byte[] b = fixture("pandas_118_be.dta");
        DtaLayout d = layout(b);
        int at = strLCell(b, d, 5, "t_strl");
        put(b, at, 8, 2, ByteOrder.BIG_ENDIAN);
        put(b, at + 2, 2, 6, ByteOrder.BIG_ENDIAN);         // (8,2): observation 2 held "", no GSO
        SurveyFormatException e = reject(b);
        assertThat(e.byteOffset()).hasValue(at);
        assertThat(e.getMessage()).contains("names no GSO record").contains("(8,2)");
    }

    @Test
    void strLBackwardReferenceIsRead() throws IOException {
        byte[] b = fixture("pandas_119_le_strl.dta");
        DtaLayout d = layout(b);
        int at = strLCell(b, d, 2, "t_strl");
        put(b, at, 8, 3, ByteOrder.LITTLE_ENDIAN);
        put(b, at + 3, 1, 5, ByteOrder.LITTLE_ENDIAN);     // row 3 now shares row 1's (8,1)
        try (StataReader r = StataReader.open(write(b))) {
            r.next();
            String first = r.string(7);
            r.next();
            r.next();
            assertThat(r.string(7)).isEqualTo(first).startsWith("Stata strL é");
        }
    }

    // ------------------------------------------------------------------ value-label names

    @Test
    void aValueLabelNameWithoutATableGivesNoLabels() throws IOException {
        byte[] b = fixture("haven_118.dta");
        int at = find(b, "<lbl>") + 5 + 4;
        b[at + 4] = 'X';                                     // the table is now "agreX"
        try (StataReader r = StataReader.open(write(b))) {
            Variable agree = r.dictionary().find("agree").orElseThrow();
            assertThat(r.valueLabelName(agree.index())).isEqualTo("agree");
            assertThat(agree.valueLabels()).isEmpty();
            assertThat(r.missingValueLabels(agree.index())).isEmpty();
        }
    }
}
