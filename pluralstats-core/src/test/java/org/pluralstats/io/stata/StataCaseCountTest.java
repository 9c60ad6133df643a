package org.pluralstats.io.stata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.MutationFuzzer;
import org.pluralstats.io.ReadWarning;

/**
 * Issue 10: a header whose observation count disagrees with the data, bytes appended to the data or
 * the file, a {@code <map>} pointing elsewhere than the sections, duplicated value-label tables, and a
 * malformed text strL are read with a warning naming both counts, or refused where they are — never
 * read silently short, long or different.
 */
class StataCaseCountTest {

    /** What reading a file gave: its snapshot (see {@link MutationFuzzer#snapshot}) and warnings. */
    record Read(String rows, List<ReadWarning> warnings) {
        long cases() {
            return Long.parseLong(rows.substring(rows.lastIndexOf('\n') + 1).replace(" cases", ""));
        }
    }

    static Read read(byte[] bytes) {
        try (StataReader r = StataReader.open(new ByteArrayChannel(bytes), "x.dta")) {
            String rows = MutationFuzzer.snapshot(r);
            return new Read(rows, r.warnings());
        }
    }

    static SurveyFormatException refused(byte[] bytes) {
        SurveyFormatException e = assertThrows(SurveyFormatException.class, () -> ReadAll.read(bytes, "x.dta"));
        assertThat(e.byteOffset()).isPresent();
        assertThat(e.getMessage()).doesNotContain("\n");
        return e;
    }

    static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(StataFixtures.file(name));
    }

    static int find(byte[] b, String tag) {
        return new String(b, StandardCharsets.ISO_8859_1).indexOf(tag);
    }

    static DtaLayout layout(byte[] b) {
        return DtaParser.parse(new DtaInput(new ByteArrayChannel(b), "x.dta"));
    }

    @Test
    void xmlHeaderDeclaringFewerObservationsThanTheDataHoldReadsThemAllAndSaysSo() throws IOException {
        byte[] b = fixture("pandas_118_le.dta");
        Read original = read(b);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(find(b, "<N>") + 3, 29);
        Read r = read(b);
        assertThat(r.rows()).isEqualTo(original.rows());
        assertThat(r.warnings()).singleElement().asString()
                .contains("the header declares 29 observations but <data> holds 30").contains("read all 30");
        try (StataReader reader = StataReader.open(new ByteArrayChannel(b), "x.dta")) {
            assertThat(reader.dictionary().rows()).isEqualTo(30);
        }
    }

    @Test
    void surveyFilesCarriesTheWarningIntoTheData(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        byte[] b = fixture("pandas_118_le.dta");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(find(b, "<N>") + 3, 29);
        java.nio.file.Path file = dir.resolve("short-header.dta");
        Files.write(file, b);
        // SurveyFiles reads through its progress wrapper, which must pass the warnings on
        org.pluralstats.data.SurveyData data =
                org.pluralstats.io.SurveyFiles.read(file);
        assertThat(data.rows()).isEqualTo(30);
        assertThat(data.warnings()).singleElement().asString()
                .contains("the header declares 29 observations but <data> holds 30");
    }

    @Test
    void xmlFileEndingInsideTheDataNamesTheCase() throws IOException {
        byte[] whole = fixture("pandas_117_le.dta");
        DtaLayout d = layout(whole);
        byte[] cut = Arrays.copyOf(whole, (int) (d.dataStart + 12 * d.rowWidth + 3));
        SurveyFormatException e = refused(cut);
        assertThat(e.getMessage()).contains("the file ends inside case 13 of 30");
        assertThat(e.byteOffset()).hasValue(d.dataStart + 12 * d.rowWidth);
    }

    @Test
    void binaryHeaderDeclaringFewerObservationsReadsThemAllWithAWarning() throws IOException {
        byte[] b = fixture("haven_113.dta");                  // value labels follow the data
        Read original = read(b);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(6, 11);
        Read r = read(b);
        assertThat(r.rows()).isEqualTo(original.rows());
        assertThat(r.warnings()).singleElement().asString()
                .contains("the header declares 11 observations but the data before the value labels hold 12");
    }

    @Test
    void binaryHeaderDeclaringMoreObservationsThanTheFileHoldsIsRefused() throws IOException {
        byte[] b = fixture("haven_113.dta");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(6, 13);
        assertThat(refused(b).getMessage()).contains("in header")
                .contains("the header declares 13 observations but the value labels start after 12");
    }

    @Test
    void binaryFileEndingInsideTheDataNamesTheCase() throws IOException {
        byte[] whole = fixture("statsmodels_macrodata.dta");  // 203 observations, no value labels
        DtaLayout d = layout(whole);
        byte[] cut = Arrays.copyOf(whole, (int) (d.dataStart + 56 * d.rowWidth + 10));
        assertThat(refused(cut).getMessage()).contains("in data").contains("the file ends inside case 57 of 203");
    }

    @Test
    void theRegressionInputsReadOrFailAsTheirReadmeSays() throws IOException {
        byte[] zero = Files.readAllBytes(StataFixtures.file("regressions/statsmodels_macrodata_dta-mutant63.dta"));
        Read r = read(zero);
        assertThat(r.cases()).isEqualTo(203);
        assertThat(r.warnings()).singleElement().asString().contains("declares 0 observations").contains("hold 203");
        assertThat(read(Files.readAllBytes(StataFixtures.file("regressions/statsmodels_macrodata_dta-mutant1663.dta")))
                .cases()).isEqualTo(205);
        Read labelled = read(Files.readAllBytes(StataFixtures.file("regressions/pandas_114_be_dta-mutant1872.dta")));
        assertThat(labelled.cases()).isEqualTo(33);
        assertThat(labelled.warnings()).singleElement().asString().contains("declares 30").contains("hold 33");
        SurveyFormatException e = refused(
                Files.readAllBytes(StataFixtures.file("regressions/haven_115_tagged_labels_dta-mutant264.dta")));
        assertThat(e.getMessage()).contains("not a value-label table").contains("byte offset 696");
    }

    @Test
    void bytesAfterTheEndTagAreIgnoredWithAWarningButAFinalNewlineIsNot() throws IOException {
        byte[] b = fixture("haven_118.dta");
        Read original = read(b);
        byte[] longer = Arrays.copyOf(b, b.length + 5);
        longer[b.length] = 'x';
        Read r = read(longer);
        assertThat(r.rows()).isEqualTo(original.rows());
        assertThat(r.warnings()).singleElement().asString().contains("5 bytes after </stata_dta>");
        assertThat(read(fixture("statsmodels_lutkepohl2.dta")).warnings()).isEmpty();   // ends with "\n"
    }

    @Test
    void aMapEntryHavenOrPandasSeekToMustPointAtItsSection() throws IOException {
        byte[] b = fixture("pandas_117_be.dta");
        int map = find(b, "<map>") + 5;
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        long strls = buf.getLong(map + 8 * 10);
        buf.putLong(map + 8 * 10, strls + 8);
        SurveyFormatException e = refused(b);
        assertThat(e.getMessage()).contains("in <map>").contains("entry for <strls>")
                .contains("byte " + (strls + 8)).contains("byte " + strls);
        assertThat(e.byteOffset()).hasValue(map + 80);

        byte[] c = fixture("pandas_117_be.dta");
        ByteBuffer.wrap(c).order(ByteOrder.BIG_ENDIAN).putLong(map + 8 * 13, 1);   // end of file: nobody reads it
        assertThat(read(c).rows()).isEqualTo(read(fixture("pandas_117_be.dta")).rows());
    }

    @Test
    void repeatedAndEmptyVariableNamesAreRefused() throws IOException {
        byte[] b = fixture("haven_118_tagged_labels.dta");      // id, answer
        int names = find(b, "<varnames>") + 10;
        byte[] same = b.clone();
        System.arraycopy("id\0\0\0\0".getBytes(StandardCharsets.US_ASCII), 0, same, names + 129, 6);
        SurveyFormatException e = refused(same);
        assertThat(e.getMessage()).contains("in <varnames>").contains("two variables named \"id\"")
                .contains("variables 1 and 2");
        assertThat(e.byteOffset()).hasValue(names + 129);
        byte[] empty = b.clone();
        empty[names + 129] = 0;
        assertThat(refused(empty).getMessage()).contains("variable 2 has no name");
        byte[] old = fixture("haven_115_tagged_labels.dta");
        old[109 + 2 + 33] = 0;
        assertThat(refused(old).getMessage()).contains("in varlist").contains("variable 2 has no name");
    }

    @Test
    void aDuplicatedValueLabelTableIsRefused() throws IOException {
        byte[] b = fixture("haven_118_tagged_labels.dta");
        int start = find(b, "<lbl>");
        int end = find(b, "</lbl>") + 6;
        byte[] twice = new byte[b.length + end - start];
        System.arraycopy(b, 0, twice, 0, end);
        System.arraycopy(b, start, twice, end, end - start);
        System.arraycopy(b, end, twice, end + end - start, b.length - end);
        // keep the map's entries after the value labels right, so only the duplicate is wrong
        ByteBuffer buf = ByteBuffer.wrap(twice).order(ByteOrder.LITTLE_ENDIAN);
        int map = find(twice, "<map>") + 5;
        for (int i = 12; i < 14; i++) {
            buf.putLong(map + 8 * i, buf.getLong(map + 8 * i) + end - start);
        }
        SurveyFormatException e = refused(twice);
        assertThat(e.getMessage()).contains("defined twice").contains("first is at byte " + (start + 5));
    }

    @Test
    void aTextStrLWithoutItsNulIsRefusedAndBlanksAreKept() throws IOException {
        byte[] b = fixture("pandas_117_strl_blanks.dta");
        try (StataReader r = StataReader.open(new ByteArrayChannel(b), "x.dta")) {
            int essay = r.dictionary().find("essay").orElseThrow().index();
            r.next();
            assertThat(r.string(essay)).isEqualTo("x  ");
            r.next();
            assertThat(r.string(essay)).hasSize(3002).endsWith("y  ");
            r.next();
            assertThat(r.string(essay)).isEqualTo("  ");
            r.next();
            assertThat(r.string(essay)).isEqualTo("z\n ");
        }
        int gso = find(b, "GSO");
        int length = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(gso + 3 + 4 + 4 + 1);
        int last = gso + 3 + 4 + 4 + 1 + 4 + length - 1;
        assertThat(b[last]).isZero();
        b[last] = ' ';
        assertThat(refused(b).getMessage()).contains("in <strls>").contains("text strL without its terminating NUL");
    }
}
