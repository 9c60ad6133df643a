package org.pluralstats.io.stata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.Variable;
import org.pluralstats.io.VariableType;

/** The reader's API contract: selection, access rules, metadata and streaming across chunks. */
class StataReaderTest {

    private static Path fixture(String name) {
        return StataFixtures.file(name);
    }

    private static List<String> strings(StataReader r, int variable) {
        List<String> out = new ArrayList<>();
        while (r.next()) {
            out.add(r.string(variable));
        }
        return out;
    }

    @Test
    void selectedVariablesOnly() {
        List<Double> all = new ArrayList<>();
        try (StataReader r = StataReader.open(fixture("pandas_118_le.dta"))) {
            while (r.next()) {
                all.add(r.number(2));
            }
        }
        try (StataReader r = StataReader.open(fixture("pandas_118_le.dta"))) {
            r.select(new int[] {2, 5});
            List<Double> some = new ArrayList<>();
            while (r.next()) {
                some.add(r.number(2));
                assertThat(r.string(5)).isNotNull();
                assertThatThrownBy(() -> r.number(0)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("b_byte was not selected");
            }
            assertThat(some).isEqualTo(all);
        }
    }

    @Test
    void aStrLThatSharesAnotherVariablesRecordsIsReadWhenSelectedAlone() {
        List<String> full;
        try (StataReader r = StataReader.open(fixture("pandas_118_be.dta"))) {
            full = strings(r, 8);
        }
        try (StataReader r = StataReader.open(fixture("pandas_118_be.dta"))) {
            assertThat(r.dictionary().variables().get(8).name()).isEqualTo("u_strl");
            r.select(new int[] {8});       // u_strl's equal values point at t_strl's records
            assertThat(strings(r, 8)).isEqualTo(full);
        }
        assertThat(full.get(0)).isEqualTo("Stata strL é ".repeat(170));   // trailing blank kept, as pandas and haven do
        assertThat(full.get(1)).isEqualTo("other 1");
    }

    @Test
    void accessRules() {
        StataReader r = StataReader.open(fixture("haven_118.dta"));
        assertThat(r.caseIndex()).isEqualTo(-1);
        assertThatThrownBy(() -> r.number(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("next()");
        assertThatThrownBy(() -> r.select(new int[] {99})).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(r.next()).isTrue();
        assertThat(r.caseIndex()).isZero();
        assertThatThrownBy(() -> r.select(new int[] {0})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before the first next()");
        int name = r.dictionary().find("name").orElseThrow().index();
        assertThatThrownBy(() -> r.number(name)).isInstanceOf(IllegalStateException.class).hasMessageContaining("string");
        assertThatThrownBy(() -> r.string(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("numeric");
        assertThatThrownBy(() -> r.number(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(r.missingTag(name)).isEqualTo((char) 0);
        while (r.next()) {
            assertThat(r.caseIndex()).isLessThan(12);
        }
        assertThatThrownBy(() -> r.number(0)).isInstanceOf(IllegalStateException.class);
        assertThat(r.next()).isFalse();
        r.close();
        r.close();
        assertThatThrownBy(r::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void missingFileIsAnIoError() {
        // checked before opening (io.InputFiles), as every reader does: one located line
        assertThatThrownBy(() -> StataReader.open(Path.of("target", "no-such-file.dta")))
                .isInstanceOf(org.pluralstats.SurveyFormatException.class).hasMessageContaining("no-such-file.dta")
                .hasMessageContaining("file not found");
    }

    @Test
    void metadata() {
        try (StataReader r = StataReader.open(fixture("haven_118.dta"))) {
            FileDictionary dict = r.dictionary();
            assertThat(r.release()).isEqualTo(118);
            assertThat(r.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
            assertThat(dict.file()).endsWith("haven_118.dta");
            assertThat(dict.declaredRows()).hasValue(12);
            Variable essay = dict.find("ESSAY").orElseThrow();
            assertThat(r.storageType(essay.index())).isEqualTo(StataStorageType.STRL);
            assertThat(essay.type()).isEqualTo(VariableType.STRING);
            assertThat(essay.width()).isZero();
            Variable name = dict.find("name").orElseThrow();
            assertThat(r.storageType(name.index())).isEqualTo(StataStorageType.STRF);
            assertThat(name.width()).isEqualTo("emoji 😀".getBytes(StandardCharsets.UTF_8).length);
            Variable agree = dict.find("agree").orElseThrow();
            assertThat(r.storageType(agree.index())).isEqualTo(StataStorageType.DOUBLE);
            assertThat(r.valueLabelName(agree.index())).isEqualTo("agree");
            assertThat(agree.valueLabels()).containsExactly(Map.entry(1.0, "Très d'accord"),
                    Map.entry(2.0, "Neutral"), Map.entry(3.0, "Disagree"));
            assertThat(r.missingValueLabels(agree.index())).containsOnly(Map.entry('r', "Refused"),
                    Map.entry('d', "Don't know"));
            assertThat(r.format(agree.index())).startsWith("%");
            assertThat(r.missingValueLabels(name.index())).isEmpty();
        }
        try (StataReader r = StataReader.open(fixture("pandas_114_be.dta"))) {
            assertThat(r.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
            assertThat(r.dictionary().encoding()).isEqualTo("windows-1252");
            assertThat(Arrays.stream(StataStorageType.values()).filter(StataStorageType::isNumeric))
                    .containsExactly(StataStorageType.BYTE, StataStorageType.INT, StataStorageType.LONG,
                            StataStorageType.FLOAT, StataStorageType.DOUBLE);
            List<StataStorageType> types = new ArrayList<>();
            for (int v = 0; v < 5; v++) {
                types.add(r.storageType(v));
            }
            assertThat(types).containsExactly(StataStorageType.BYTE, StataStorageType.INT, StataStorageType.LONG,
                    StataStorageType.FLOAT, StataStorageType.DOUBLE);
        }
    }

    @Test
    void extendedMissingInEveryStorageType() {
        try (StataReader r = StataReader.open(fixture("pandas_119_be.dta"))) {
            for (int row = 0; row < 14; row++) {
                r.next();
                for (int v = 0; v < 5; v++) {
                    char expected = switch (row) {
                        case 3 -> 'a';
                        case 7 -> 'm';
                        case 11 -> 'z';
                        case 13 -> '.';
                        default -> (row == 5 && v == 3) || (row == 6 && v == 4) ? '.' : 0;   // pandas NaN
                    };
                    assertThat(r.missingTag(v)).as("row %d variable %d", row, v).isEqualTo(expected);
                    assertThat(Double.isNaN(r.number(v))).isEqualTo(expected != 0);
                }
            }
        }
    }

    /**
     * 100,000 observations (about 3 MB, several 1 MB chunks, a chunk edge inside the file) made by
     * repeating a fixture's 30 rows: every row must come back, in order.
     */
    @Test
    void streamsAcrossChunks() throws IOException {
        byte[] original = Files.readAllBytes(fixture("pandas_119_le.dta"));
        DtaLayout d = DtaParser.parse(new DtaInput(new ByteArrayChannel(original), "x"));
        int repeats = 3334;
        long n = d.n * repeats;
        int dataEnd = (int) (d.dataStart + d.n * d.rowWidth);
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        big.write(original, 0, (int) d.dataStart);
        for (int i = 0; i < repeats; i++) {
            big.write(original, (int) d.dataStart, dataEnd - (int) d.dataStart);
        }
        big.write(original, dataEnd, original.length - dataEnd);
        byte[] bytes = big.toByteArray();
        int nAt = new String(bytes, 0, 200, StandardCharsets.ISO_8859_1).indexOf("<N>") + 3;
        for (int j = 0; j < 8; j++) {
            bytes[nAt + j] = (byte) (n >>> (8 * j));
        }
        // the map's entries from <strls> on move with the data (little-endian 8-byte offsets)
        java.nio.ByteBuffer map = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int mapAt = new String(bytes, 0, 400, StandardCharsets.ISO_8859_1).indexOf("<map>") + 5;
        for (int entry = 10; entry < 14; entry++) {
            int at = mapAt + 8 * entry;
            map.putLong(at, map.getLong(at) + (bytes.length - original.length));
        }

        List<Double> once = new ArrayList<>();
        List<String> onceText = new ArrayList<>();
        try (StataReader r = StataReader.open(fixture("pandas_119_le.dta"))) {
            while (r.next()) {
                once.add(r.number(4));
                onceText.add(r.string(5));
            }
        }
        try (StataReader r = StataReader.open(new ByteArrayChannel(bytes), "big.dta")) {
            assertThat(r.dictionary().rows()).isEqualTo(n);
            r.select(new int[] {4, 5});
            long row = 0;
            while (r.next()) {
                int i = (int) (row % d.n);
                assertThat(r.number(4)).isEqualTo(once.get(i));
                assertThat(r.string(5)).isEqualTo(onceText.get(i));
                row++;
            }
            assertThat(row).isEqualTo(n);
            assertThat(r.caseIndex()).isEqualTo(n);
        }
    }
}
