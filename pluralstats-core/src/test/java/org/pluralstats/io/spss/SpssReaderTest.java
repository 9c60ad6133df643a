package org.pluralstats.io.spss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.MissingValues;
import org.pluralstats.io.Variable;
import org.pluralstats.io.VariableType;

/** The reader's API: selection, value access, encodings, byte orders and case counts. */
class SpssReaderTest {

    @Test
    void dictionaryOfThePsppFixture() {
        try (SpssReader r = SpssReader.open(SpssFixtures.file("pspp_compressed.sav"))) {
            FileDictionary d = r.dictionary();
            assertThat(d.rows()).isEqualTo(120);
            assertThat(d.encoding()).isEqualTo("UTF-8");
            Variable life = d.find("SATISFACTION_WITH_LIFE").orElseThrow();
            assertThat(life.name()).isEqualTo("satisfaction_with_life");
            assertThat(life.label()).isEqualTo("Satisfaction with your life (0-10) / الرضا عن الحياة");
            assertThat(life.valueLabels()).containsEntry(10.0, "Satisfied / 满意").containsEntry(-9.0, "Don't know");
            assertThat(life.missing().values()).containsExactly(-9, -8, -7);
            MissingValues income = d.find("income").orElseThrow().missing();
            assertThat(income.low()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(income.high()).isZero();
            assertThat(income.values()).containsExactly(999);
            assertThat(income.isMissing(-1e300)).isTrue();
            assertThat(d.find("hi_open").orElseThrow().missing().high()).isEqualTo(Double.POSITIVE_INFINITY);
            Variable essay = d.find("essay_600").orElseThrow();
            assertThat(essay.type()).isEqualTo(VariableType.STRING);
            assertThat(essay.width()).isEqualTo(600);
            Variable comment = d.find("comment_long").orElseThrow();
            assertThat(comment.stringValueLabels()).containsEntry("refused", "Refused to comment");
            assertThat(comment.missing().strings()).containsExactly("refused");
            assertThat(d.find("country").orElseThrow().stringValueLabels()).containsEntry("CN", "China / 中国");
            assertThat(d.variables()).hasSize(11);
        }
    }

    @Test
    void veryLongStringIsOneValue() {
        try (SpssReader r = SpssReader.open(SpssFixtures.file("pspp_uncompressed.sav"))) {
            int v = r.dictionary().find("essay_600").orElseThrow().index();
            r.select(new int[] {v});
            assertThat(r.next()).isTrue();
            String s = r.string(v);
            assertThat(s).hasSize(250 + 1 + 250 + 1 + 10).startsWith("A  1---").endsWith("|tail     2");
            assertThat(s.charAt(250)).isEqualTo('|');
            assertThat(s.substring(251, 252)).isEqualTo("B");
        }
    }

    @Test
    void selectionDecodesOnlyTheSelectedVariables() {
        try (SpssReader all = SpssReader.open(SpssFixtures.file("pspp_compressed.sav"));
             SpssReader some = SpssReader.open(SpssFixtures.file("pspp_compressed.sav"))) {
            some.select(new int[] {2, 8});
            while (all.next()) {
                assertThat(some.next()).isTrue();
                assertThat(some.caseIndex()).isEqualTo(all.caseIndex());
                assertThat(Double.compare(some.number(2), all.number(2))).isZero();
                assertThat(some.string(8)).isEqualTo(all.string(8));
            }
            assertThat(some.next()).isFalse();
            assertThat(some.stringBufferBytes()).isEqualTo(40);
            assertThat(all.stringBufferBytes()).isEqualTo(6 + 40 + 300 + 600);
            assertThatThrownBy(() -> some.number(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("not selected");
            assertThatThrownBy(() -> some.string(9)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> some.select(new int[] {1})).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void misuse() {
        try (SpssReader r = SpssReader.open(SpssFixtures.file("pspp_compressed.sav"))) {
            assertThatThrownBy(() -> r.select(new int[] {11})).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> r.number(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("next()");
            assertThat(r.next()).isTrue();
            assertThatThrownBy(() -> r.number(7)).isInstanceOf(IllegalStateException.class).hasMessageContaining("string");
            assertThatThrownBy(() -> r.string(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("numeric");
            assertThatThrownBy(() -> r.number(-1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(r.missingTag(7)).isEqualTo((char) 0);
        }
    }

    @Test
    void systemMissingIsNaNWithTagDot() {
        try (SpssReader r = SpssReader.open(SpssFixtures.file("pspp_zcompressed.zsav"))) {
            int plain = r.dictionary().find("plain").orElseThrow().index();
            int seen = 0;
            while (r.next()) {
                boolean sysmis = (r.caseIndex() + 1) % 10 == 0;
                assertThat(Double.isNaN(r.number(plain))).isEqualTo(sysmis);
                assertThat(r.missingTag(plain)).isEqualTo(sysmis ? '.' : (char) 0);
                seen += sysmis ? 1 : 0;
            }
            assertThat(seen).isEqualTo(12);
        }
    }

    @Test
    void streamAndFileGiveTheSameValues() throws IOException {
        for (String name : List.of("pspp_zcompressed.zsav", "haven_none.sav", "pspp_compressed_be.sav")) {
            byte[] b = SpssFixtures.bytes(name);
            try (SpssReader a = SpssReader.open(SpssFixtures.file(name));
                 SpssReader s = SpssReader.open(new ByteArrayInputStream(b), name)) {
                assertThat(s.dictionary().variables()).isEqualTo(a.dictionary().variables());
                assertThat(s.dictionary().rows()).isEqualTo(a.dictionary().rows());
                while (a.next()) {
                    assertThat(s.next()).isTrue();
                    for (Variable v : a.dictionary().variables()) {
                        if (v.isNumeric()) {
                            assertThat(Double.compare(s.number(v.index()), a.number(v.index()))).isZero();
                        } else {
                            assertThat(s.string(v.index())).isEqualTo(a.string(v.index()));
                        }
                    }
                }
                assertThat(s.next()).isFalse();
            }
        }
    }

    @Test
    void bigEndianSyntheticFile() {
        SyntheticSav s = new SyntheticSav(true).header("$FL2", 2, 0, 2).variable(0, "X", "ex").variable(8, "S", null)
                .valueLabels(new double[] {1.5}, new String[] {"one and a half"}, 1).end()
                .flt64(1.5).text("hello", 8).flt64(-Double.MAX_VALUE).text("", 8);
        try (SpssReader r = SpssReader.open(s.toBytes(), "be.sav")) {
            assertThat(r.dictionary().variables().get(0).valueLabels()).isEqualTo(Map.of(1.5, "one and a half"));
            assertThat(r.next()).isTrue();
            assertThat(r.number(0)).isEqualTo(1.5);
            assertThat(r.string(1)).isEqualTo("hello");
            assertThat(r.next()).isTrue();
            assertThat(r.number(0)).isNaN();
            assertThat(r.string(1)).isEmpty();
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void bytecodeWithOtherBiasPaddingAndNulStrings() {
        // Bias 100 numbers, raw 253 data, 254 spaces, zero padding and a zero-valued code in a string.
        SyntheticSav s = new SyntheticSav().header("$FL2", 3, 1, -1).variable(0, "X", null).longString(16, "S").end()
                .bytes(0, 105, 253, 254, 0, 255, 254, 100).text("abcdefgh", 8)
                .bytes(252, 0, 0, 0, 0, 0, 0, 0);
        try (SpssReader r = SpssReader.open(s.toBytes(), "codes.sav")) {
            assertThat(r.dictionary().rows()).isEqualTo(-1);
            assertThat(r.next()).isTrue();
            assertThat(r.number(0)).isEqualTo(5);
            assertThat(r.string(1)).isEqualTo("abcdefgh");
            assertThat(r.next()).isTrue();
            assertThat(r.number(0)).isNaN();
            assertThat(r.string(1)).isEmpty();
            assertThat(r.next()).isFalse();
            assertThat(r.caseIndex()).isEqualTo(1);
        }
    }

    @Test
    void unknownCaseCountReadsToACleanEnd() {
        SyntheticSav s = new SyntheticSav().header("$FL2", 1, 0, -1).variable(0, "X", null).end()
                .flt64(1).flt64(2).flt64(3);
        assertThat(SpssHostileInputTest.readAll(s.toBytes(), true)).isEqualTo(3);
        byte[] cut = s.bytes(1, 2, 3).toBytes();
        assertThatThrownBy(() -> SpssHostileInputTest.readAll(cut, false)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("ends inside case 4, 3 bytes into its 8 bytes");
    }

    @Test
    void encodingFallsBackToTheCodePageThenWindows1252() {
        Charset cp1251 = Charset.forName("windows-1251");
        byte[] label = "Возраст".getBytes(cp1251);
        SyntheticSav s = new SyntheticSav().header("$FL2", 1, 0, 0);
        s.int32(2).int32(0).int32(1).int32(0).int32(0x050800).int32(0x050800).text("AGE", 8)
                .int32(label.length).bytes(label).bytes(new byte[(4 - label.length % 4) % 4]);
        s.int32(7).int32(3).int32(4).int32(8).int32(1).int32(0).int32(0).int32(-1).int32(1).int32(1).int32(2).int32(1251);
        try (SpssReader r = SpssReader.open(s.end().toBytes(), "cp1251.sav")) {
            assertThat(r.dictionary().encoding()).isEqualTo("windows-1251");
            assertThat(r.dictionary().variables().get(0).label()).isEqualTo("Возраст");
        }
        SyntheticSav plain = new SyntheticSav().header("$FL2", 1, 0, 0).variable(0, "AGE", null).end();
        try (SpssReader r = SpssReader.open(plain.toBytes(), "old.sav")) {
            assertThat(r.dictionary().encoding()).isEqualTo("windows-1252");
        }
        SyntheticSav utf8 = new SyntheticSav().header("$FL2", 1, 0, 0).variable(0, "AGE", "Âge").encoding("UTF-8").end();
        try (SpssReader r = SpssReader.open(utf8.toBytes(), "utf8.sav")) {
            assertThat(r.dictionary().variables().get(0).label()).isEqualTo("Âge");
        }
        assertThat(DictionaryParser.codePage(65001)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(DictionaryParser.codePage(28592)).isEqualTo(Charset.forName("ISO-8859-2"));
        assertThat(DictionaryParser.codePage(932)).isEqualTo(Charset.forName("windows-31j"));
    }

    @Test
    void windows1252Fixture() {
        try (SpssReader r = SpssReader.open(SpssFixtures.file("pspp_windows1252.sav"))) {
            assertThat(r.dictionary().encoding()).isEqualTo("windows-1252");
            assertThat(r.dictionary().find("temp").orElseThrow().label()).isEqualTo("Température moyenne °C");
            List<String> cities = new ArrayList<>();
            while (r.next()) {
                cities.add(r.string(1));
            }
            assertThat(cities).containsExactly("Zürich", "Kraków", "Québec", "Malmö", "São Paulo");
        }
    }

    /**
     * 100 variables (90 numeric, 10 strings of 40 bytes) and 100,000 cases, generated as a stream:
     * selecting 10 keeps buffers for those 10 only, and their values arrive intact.
     */
    @Test
    void streamingManyCasesKeepsOnlySelectedVariables() throws IOException {
        int numeric = 90;
        int strings = 10;
        int cases = 100_000;
        SyntheticSav s = new SyntheticSav().header("$FL2", numeric + 5 * strings, 0, cases);
        for (int v = 0; v < numeric; v++) {
            s.variable(0, "N" + v, null);
        }
        for (int v = 0; v < strings; v++) {
            s.longString(40, "S" + v);
        }
        byte[] dictionary = s.end().toBytes();
        int caseBytes = 8 * (numeric + 5 * strings);
        InputStream data = new InputStream() {
            private final ByteBuffer c = ByteBuffer.allocate(caseBytes).order(ByteOrder.LITTLE_ENDIAN);
            private int row = -1;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (row < 0 || !c.hasRemaining()) {
                    if (++row >= cases) {
                        return -1;
                    }
                    c.clear();
                    for (int v = 0; v < numeric; v++) {
                        c.putDouble(row * 100.0 + v);
                    }
                    byte[] prefix = ("row " + row + " s").getBytes(StandardCharsets.US_ASCII);
                    for (int v = 0; v < strings; v++) {
                        int start = c.position();
                        c.put(prefix).put((byte) ('0' + v));
                        while (c.position() < start + 40) {
                            c.put((byte) ' ');
                        }
                    }
                    c.flip();
                }
                int n = Math.min(len, c.remaining());
                c.get(b, off, n);
                return n;
            }
        };
        int[] chosen = {0, 7, 33, 50, 61, 72, 89, 90, 95, 99};
        try (SpssReader r = SpssReader.open(new SequenceInputStream(new ByteArrayInputStream(dictionary), data), "big.sav")) {
            r.select(chosen);
            long n = 0;
            double sum = 0;
            while (r.next()) {
                for (int v : chosen) {
                    if (v < numeric) {
                        sum += r.number(v) - n * 100.0 - v;
                    } else if (n % 9973 == 0) {
                        assertThat(r.string(v)).isEqualTo("row " + n + " s" + (v - numeric));
                    }
                }
                n++;
            }
            assertThat(n).isEqualTo(cases);
            assertThat(sum).isZero();
            assertThat(r.stringBufferBytes()).isEqualTo(3 * 40);
        }
    }

    @Test
    void dataFilesAreClosed() throws IOException {
        var tmp = Files.createTempFile("spss", ".sav");
        try {
            Files.write(tmp, SpssFixtures.bytes("haven_zsav.zsav"));
            try (SpssReader r = SpssReader.open(tmp)) {
                r.next();
            }
            Files.delete(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
