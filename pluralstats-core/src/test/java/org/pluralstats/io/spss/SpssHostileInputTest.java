package org.pluralstats.io.spss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pluralstats.SurveyFormatException;

/**
 * Truncated, mislabelled, corrupt and hostile inputs: each must fail fast with a
 * {@link SurveyFormatException} that names the byte offset and the record, never with another
 * exception, an OutOfMemoryError, a hang or a silently short result.
 */
class SpssHostileInputTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    /** Reads every value of every case, from memory (known length) or as a stream (unknown length). */
    static long readAll(byte[] bytes, boolean stream) {
        try (SpssReader r = stream ? SpssReader.open(new ByteArrayInputStream(bytes), "input.sav")
                : SpssReader.open(bytes, "input.sav")) {
            long n = 0;
            int vars = r.dictionary().variables().size();
            while (r.next()) {
                for (int v = 0; v < vars; v++) {
                    if (r.dictionary().variables().get(v).isNumeric()) {
                        r.number(v);
                        r.missingTag(v);
                    } else {
                        r.string(v);
                    }
                }
                n++;
            }
            return n;
        }
    }

    private static SurveyFormatException failure(byte[] bytes, boolean stream) {
        return failure(bytes, stream, "input of " + bytes.length + " bytes" + (stream ? " as a stream" : ""));
    }

    private static SurveyFormatException failure(byte[] bytes, boolean stream, String what) {
        Throwable[] thrown = new Throwable[1];
        assertTimeoutPreemptively(LIMIT, () -> {
            thrown[0] = attempt(bytes, stream);
        });
        return checked(thrown[0], what);
    }

    private static Throwable attempt(byte[] bytes, boolean stream) {
        try {
            readAll(bytes, stream);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static SurveyFormatException checked(Throwable thrown, String what) {
        assertThat(thrown).as(what + ": reading must fail").isInstanceOf(SurveyFormatException.class);
        SurveyFormatException e = (SurveyFormatException) thrown;
        assertThat(e.byteOffset()).as(e.getMessage()).isPresent();
        assertThat(e.getMessage()).contains("byte offset " + e.byteOffset().getAsLong()).contains(", in ");
        return e;
    }

    /** Fails both from memory and as a stream; returns the in-memory failure. */
    private static SurveyFormatException fails(byte[] bytes) {
        failure(bytes, true);
        return failure(bytes, false);
    }

    /** One numeric variable X and one 12-byte string S (two elements), uncompressed. */
    private static SyntheticSav small(int cases) {
        return new SyntheticSav().header("$FL2", 3, 0, cases)
                .variable(0, "X", "a number").longString(12, "S");
    }

    private static byte[] smallData(SyntheticSav s, int cases) {
        s.end();
        for (int i = 0; i < cases; i++) {
            s.flt64(i + 0.5).text("abcdefghijkl", 16);
        }
        return s.toBytes();
    }

    @Test
    void theSmallSyntheticFileIsValid() {
        assertThat(readAll(smallData(small(3), 3), false)).isEqualTo(3);
        assertThat(readAll(smallData(small(3), 3), true)).isEqualTo(3);
    }

    @Test
    void wrongMagic() {
        byte[] b = SpssFixtures.bytes("pspp_compressed.sav");
        b[0] = 'X';
        SurveyFormatException e = fails(b);
        assertThat(e.byteOffset()).hasValue(0);
        assertThat(e.getMessage()).contains("file header").contains("$FL2");
        assertThat(fails("PK\u0003\u0004 a zip file, not SPSS".getBytes(StandardCharsets.ISO_8859_1)).getMessage())
                .contains("file header");
        assertThat(fails(new byte[0]).getMessage()).contains("file header");
    }

    @Test
    void badLayoutCode() {
        byte[] b = SyntheticSav.patchInt32(smallData(small(3), 3), 64, 77);
        assertThat(fails(b).getMessage()).contains("layout code 77");
    }

    static Stream<String> truncatable() {
        return Stream.of("pspp_uncompressed.sav", "pspp_compressed.sav", "pspp_zcompressed.zsav",
                "pspp_compressed_be.sav", "haven_byte.sav", "haven_zsav.zsav", "example_foreign_electric.sav",
                "pspp_compressed_unknown_cases.sav");
    }

    /**
     * Cut every file at many offsets, densely in the dictionary and spread over the data, and read it.
     * A cut inside the data is an error too: the declared case count (or, without one, a cut inside a
     * case) shows that cases are missing.
     */
    @ParameterizedTest
    @MethodSource("truncatable")
    void truncatedAtManyOffsets(String name) {
        byte[] whole = SpssFixtures.bytes(name);
        int dataStart = Math.min(whole.length - 9, 7000);
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i < dataStart; i += 11) {
            cuts.add(i);
        }
        for (int k = 0; k < 60; k++) {
            cuts.add(dataStart + (int) ((long) (whole.length - 9 - dataStart) * k / 60));
        }
        boolean unknownCount = name.contains("unknown_cases");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> truncations(name, whole, cuts, unknownCount));
    }

    private static void truncations(String name, byte[] whole, List<Integer> cuts, boolean unknownCount) {
        for (int cut : cuts) {
            byte[] b = Arrays.copyOf(whole, cut);
            if (unknownCount && cut > 6000) {
                // Without a case count only a cut inside a case is detectable; a cut at a case
                // boundary reads as a shorter file, as the format allows.
                try {
                    readAll(b, false);
                } catch (SurveyFormatException expected) {
                    assertThat(expected.byteOffset()).isPresent();
                }
                continue;
            }
            SurveyFormatException e = checked(attempt(b, cut % 2 == 0), name + " cut at " + cut);
            assertThat(e.byteOffset().getAsLong()).as(name + " cut at " + cut).isBetween(0L, (long) cut);
        }
    }

    @Test
    void shortDataIsAnErrorNotAShortResult() {
        byte[] b = smallData(small(5), 3);
        SurveyFormatException e = failure(b, true);
        assertThat(e.getMessage()).contains("data record").contains("holds 3 cases").contains("declares 5");
        // With the file length known, the header's count is rejected before any case is read.
        assertThat(failure(b, false).getMessage()).contains("file header").contains("case count 5");
        // Bytecode-compressed: two cases of data, three declared.
        SyntheticSav c = new SyntheticSav().header("$FL2", 1, 1, 3).variable(0, "X", null).end()
                .bytes(101, 102, 252, 0, 0, 0, 0, 0);
        assertThat(fails(c.toBytes()).getMessage()).contains("holds 2 cases").contains("declares 3");
    }

    @Test
    void caseCountThatCannotFitIsRejectedAtOnce() {
        SurveyFormatException e = failure(smallData(small(Integer.MAX_VALUE), 3), false);
        assertThat(e.getMessage()).contains("case count 2147483647").contains("file header");
        assertThat(failure(smallData(small(-7), 3), false).getMessage()).contains("case count -7");
    }

    @Test
    void absurdNominalCaseSize() {
        byte[] b = SyntheticSav.patchInt32(smallData(small(3), 3), 68, Integer.MAX_VALUE);
        SurveyFormatException e = fails(b);
        assertThat(e.byteOffset()).hasValue(68);
        assertThat(e.getMessage()).contains("nominal case size 2147483647");
    }

    @ParameterizedTest
    @ValueSource(ints = {-5, Integer.MIN_VALUE, 0x7fff0000, 70000})
    void absurdVariableLabelLength(int length) {
        byte[] b = smallData(small(3), 3);
        int at = 176 + 32; // the first variable record has a label: its length follows the 32 fixed bytes
        SurveyFormatException e = fails(SyntheticSav.patchInt32(b, at, length));
        assertThat(e.byteOffset()).hasValue(at);
        assertThat(e.getMessage()).contains("variable record (type 2)").contains(String.valueOf(length));
    }

    @Test
    void variableLabelLongerThanTheFile() {
        byte[] b = SyntheticSav.patchInt32(smallData(small(3), 3), 176 + 32, 60000);
        SurveyFormatException e = failure(b, true);
        assertThat(e.getMessage()).contains("variable record (type 2)").contains("truncated");
        assertThat(failure(b, false).getMessage()).contains("variable label length 60000");
    }

    @Test
    void absurdVariableType() {
        byte[] b = SyntheticSav.patchInt32(smallData(small(3), 3), 176 + 4, 300);
        assertThat(fails(b).getMessage()).contains("variable type 300");
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MAX_VALUE, -1, 1 << 28})
    void absurdValueLabelCount(int count) {
        SyntheticSav s = small(1);
        int at = s.size();
        s.valueLabels(new double[] {1}, new String[] {"one"}, 1);
        byte[] b = SyntheticSav.patchInt32(smallData(s, 1), at + 4, count);
        SurveyFormatException e = fails(b);
        assertThat(e.getMessage()).contains("value label record (type 3)");
    }

    @Test
    void valueLabelsForAVariableThatDoesNotExist() {
        SyntheticSav s = small(1).valueLabels(new double[] {1, 2}, new String[] {"one", "two"}, 999);
        SurveyFormatException e = fails(smallData(s, 1));
        assertThat(e.getMessage()).contains("type 4").contains("variable index 999");
        SyntheticSav zero = small(1).valueLabels(new double[] {1}, new String[] {"one"}, 0);
        assertThat(fails(smallData(zero, 1)).getMessage()).contains("variable index 0");
        SyntheticSav continuation = small(1).valueLabels(new double[] {1}, new String[] {"one"}, 3);
        assertThat(fails(smallData(continuation, 1)).getMessage()).contains("continuation");
        SyntheticSav mixed = small(1).valueLabels(new double[] {1}, new String[] {"one"}, 1, 2);
        assertThat(fails(smallData(mixed, 1)).getMessage()).contains("both numeric and string");
    }

    @Test
    void valueLabelsInRealFilePointingAtAMissingVariable() throws IOException {
        byte[] b = SpssFixtures.bytes("example_pspp_hotel.sav");
        // hotel.sav: one type 4 record at offset 680 naming 5 variables.
        assertThat(SyntheticSav.patchInt32(b, 680, 4)).isEqualTo(b);
        SurveyFormatException e = fails(SyntheticSav.patchInt32(b, 688, 1_000_000));
        assertThat(e.byteOffset()).hasValue(688);
        assertThat(e.getMessage()).contains("value label variables record (type 4)").contains("1000000");
    }

    @Test
    void typeFourWithoutTypeThree() {
        SyntheticSav s = small(1).int32(4).int32(1).int32(1);
        assertThat(fails(smallData(s, 1)).getMessage()).contains("type 4");
    }

    @Test
    void unknownRecordType() {
        SyntheticSav s = small(1).int32(5).int32(0);
        assertThat(fails(smallData(s, 1)).getMessage()).contains("record type 5");
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MAX_VALUE, -1, 100_000_000})
    void absurdExtensionRecordSize(int count) {
        SyntheticSav s = small(1);
        int at = s.size();
        s.extension(13, "X=a_long_name".getBytes(StandardCharsets.US_ASCII));
        SurveyFormatException e = fails(SyntheticSav.patchInt32(smallData(s, 1), at + 12, count));
        assertThat(e.getMessage()).contains("extension record (type 7, subtype 13)");
    }

    @Test
    void absurdExtensionElementSize() {
        SyntheticSav s = small(1).int32(7).int32(99).int32(1 << 20).int32(1 << 20);
        assertThat(fails(smallData(s, 1)).getMessage()).contains("subtype 99");
    }

    @Test
    void absurdDocumentLength() {
        SyntheticSav s = small(1).int32(6).int32(1 << 30);
        assertThat(fails(smallData(s, 1)).getMessage()).contains("document record (type 6)");
        SyntheticSav negative = small(1).int32(6).int32(-3);
        assertThat(fails(smallData(negative, 1)).getMessage()).contains("line count -3");
    }

    @Test
    void longStringRecordsWithBadLengths() {
        // Subtype 21 naming S with a negative name length, then with a label length past the record.
        SyntheticSav a = small(1).extension(21, new SyntheticSav().int32(-4).toBytes());
        assertThat(fails(smallData(a, 1)).getMessage()).contains("subtype 21").contains("length -4");
        byte[] body = new SyntheticSav().int32(1).text("S", 1).int32(12).int32(1).int32(12).text("abcdefghijkl", 12)
                .int32(1 << 30).toBytes();
        SyntheticSav b = small(1).extension(21, body);
        assertThat(fails(smallData(b, 1)).getMessage()).contains("subtype 21");
        byte[] unknown = new SyntheticSav().int32(4).text("NOPE", 4).int32(12).int32(0).toBytes();
        assertThat(fails(smallData(small(1).extension(21, unknown), 1)).getMessage()).contains("NOPE");
        byte[] missing = new SyntheticSav().int32(1).text("S", 1).bytes(9).int32(8).toBytes();
        assertThat(fails(smallData(small(1).extension(22, missing), 1)).getMessage()).contains("subtype 22");
    }

    @Test
    void veryLongStringRecordThatDoesNotFit() {
        byte[] vls = "S=00900\0\t".getBytes(StandardCharsets.US_ASCII);
        assertThat(fails(smallData(small(1).extension(14, vls), 1)).getMessage()).contains("very long string");
        byte[] bad = "S=abc\0\t".getBytes(StandardCharsets.US_ASCII);
        assertThat(fails(smallData(small(1).extension(14, bad), 1)).getMessage()).contains("subtype 14");
    }

    @Test
    void missingContinuationRecords() {
        SyntheticSav s = new SyntheticSav().header("$FL2", 3, 0, 1).variable(20, "S", null).variable(0, "X", null);
        assertThat(fails(smallData(s, 1)).getMessage()).contains("continuation");
        SyntheticSav stray = new SyntheticSav().header("$FL2", 2, 0, 1).variable(0, "X", null).variable(-1, "", null);
        assertThat(fails(smallData(stray, 1)).getMessage()).contains("continuation");
    }

    @Test
    void noDictionaryTermination() {
        byte[] b = small(1).toBytes();
        assertThat(fails(b).getMessage()).contains("type 999");
    }

    @Test
    void corruptZlibHeaderOfTheFirstBlock() {
        byte[] b = SpssFixtures.bytes("pspp_zcompressed.zsav");
        int zheader = zheaderOffset(b);
        b[zheader + 24] = 0;
        b[zheader + 25] = 0;
        SurveyFormatException e = fails(b);
        assertThat(e.byteOffset()).hasValue(zheader + 24);
        assertThat(e.getMessage()).contains("ZLIB data block").contains("corrupt zlib data");
    }

    @Test
    void corruptZlibDataInsideABlock() {
        byte[] whole = SpssFixtures.bytes("pspp_multiblock.zsav");
        int zheader = zheaderOffset(whole);
        for (int at : new int[] {zheader + 24 + 500, zheader + 24 + 20_000, whole.length - 2000}) {
            byte[] b = whole.clone();
            for (int i = 0; i < 16; i++) {
                b[at + i] ^= (byte) 0x5a;
            }
            SurveyFormatException e = fails(b);
            assertThat(e.getMessage()).as(e.getMessage()).containsAnyOf("ZLIB data", "inflated data");
        }
    }

    @Test
    void absurdZlibHeader() {
        byte[] b = SpssFixtures.bytes("haven_zsav.zsav");
        int zheader = zheaderOffset(b);
        byte[] farTrailer = b.clone();
        java.nio.ByteBuffer.wrap(farTrailer).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(zheader + 8, 1L << 40);
        assertThat(failure(farTrailer, false).getMessage()).contains("ZLIB data header").contains("ztrailer_ofs");
        byte[] negative = b.clone();
        java.nio.ByteBuffer.wrap(negative).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(zheader + 16, -24);
        assertThat(fails(negative).getMessage()).contains("ZLIB data header");
        byte[] wrongSelf = b.clone();
        java.nio.ByteBuffer.wrap(wrongSelf).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(zheader, 12);
        assertThat(fails(wrongSelf).getMessage()).contains("zheader_ofs 12");
    }

    @Test
    void zlibTrailerThatDisagreesWithTheBlocks() {
        // Unknown case count, so the reader reads up to the trailer and checks its block table.
        byte[] data = new byte[] {(byte) 101, (byte) 102, (byte) 252, 0, 0, 0, 0, 0};
        SyntheticSav s = new SyntheticSav().header("$FL3", 1, 2, -1).variable(0, "X", null).end().zlibData(data);
        byte[] good = s.toBytes();
        assertThat(readAll(good, false)).isEqualTo(2);
        byte[] bad = good.clone();
        bad[bad.length - 5] ^= 1; // the block's uncompressed size
        assertThat(fails(bad).getMessage()).contains("ZLIB data trailer");
    }

    @Test
    void compressedDataErrors() {
        // X numeric, S a 12-byte string: codes for case 1 then nonsense.
        SyntheticSav eofInCase = new SyntheticSav().header("$FL2", 3, 1, -1).variable(0, "X", null).longString(12, "S")
                .end().bytes(101, 254, 252, 0, 0, 0, 0, 0);
        assertThat(fails(eofInCase.toBytes()).getMessage()).contains("252").contains("inside a case");
        SyntheticSav spacesInNumber = new SyntheticSav().header("$FL2", 1, 1, 1).variable(0, "X", null).end()
                .bytes(254, 0, 0, 0, 0, 0, 0, 0);
        assertThat(fails(spacesInNumber.toBytes()).getMessage()).contains("code 254").contains("column \"X\"");
        SyntheticSav numberInString = new SyntheticSav().header("$FL2", 1, 1, 1).variable(8, "S", null).end()
                .bytes(105, 0, 0, 0, 0, 0, 0, 0);
        assertThat(fails(numberInString.toBytes()).getMessage()).contains("number code 105");
        SyntheticSav sysmisInString = new SyntheticSav().header("$FL2", 1, 1, 1).variable(8, "S", null).end()
                .bytes(255, 0, 0, 0, 0, 0, 0, 0);
        assertThat(fails(sysmisInString.toBytes()).getMessage()).contains("code 255");
        SyntheticSav rawCut = new SyntheticSav().header("$FL2", 1, 1, 1).variable(0, "X", null).end()
                .bytes(253, 0, 0, 0, 0, 0, 0, 0).bytes(1, 2, 3);
        assertThat(fails(rawCut.toBytes()).getMessage()).contains("ends inside case 1 of 1");
    }

    @Test
    void casesInAFileWithoutVariables() {
        byte[] b = new SyntheticSav().header("$FL2", 0, 0, 1000).end().toBytes();
        assertThat(fails(b).getMessage()).contains("without variables");
        assertThat(readAll(new SyntheticSav().header("$FL2", 0, 0, -1).end().toBytes(), false)).isZero();
    }

    @Test
    void mismatchedCaseCounts() {
        byte[] body = new SyntheticSav().int64(1).int64(99).toBytes();
        SyntheticSav s = small(3).int32(7).int32(16).int32(8).int32(2).bytes(body);
        assertThat(fails(smallData(s, 3)).getMessage()).contains("64-bit case count");
    }

    @Test
    void unsupportedFloatingPointFormat() {
        SyntheticSav s = small(1).int32(7).int32(3).int32(4).int32(8)
                .int32(1).int32(0).int32(0).int32(-1).int32(2).int32(1).int32(2).int32(1252);
        assertThat(fails(smallData(s, 1)).getMessage()).contains("floating-point representation 2");
    }

    static Stream<Path> regressions() throws IOException {
        Path dir = SpssFixtures.dir().resolve("regressions");
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".bin")).sorted().toList();
        }
        return files.stream();
    }

    /** Inputs that once escaped as another exception (or hung): now a format error or a clean read. */
    @Test
    void regressionInputs() throws IOException {
        for (Path file : regressions().toList()) {
            byte[] b = Files.readAllBytes(file);
            for (boolean stream : new boolean[] {false, true}) {
                assertTimeoutPreemptively(LIMIT, () -> {
                    try {
                        readAll(b, stream);
                    } catch (SurveyFormatException expected) {
                        assertThat(expected.byteOffset()).as(file.toString()).isPresent();
                    }
                }, file::toString);
            }
        }
    }

    @Test
    void errorsNameTheFile() {
        assertThatThrownBy(() -> SpssReader.open(new ByteArrayInputStream(new byte[10]), "broken.sav"))
                .isInstanceOf(SurveyFormatException.class).hasMessageStartingWith("broken.sav, byte offset 0");
    }

    static int zheaderOffset(byte[] b) {
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int o = 176; o + 8 <= b.length; o++) {
            if (bb.getLong(o) == o) {
                return o;
            }
        }
        throw new AssertionError("no ZLIB data header");
    }
}
