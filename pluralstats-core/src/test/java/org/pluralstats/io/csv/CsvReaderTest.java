package org.pluralstats.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.VariableType;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void commaFileWithTypesAndMissing() throws IOException {
        Path p = write("w7.csv", "\uFEFFB_COUNTRY_ALPHA,Q1,W_WEIGHT,note\r\nDNK,1,0.82382,\"a, \"\"quoted\"\" note\"\r\n"
                + "SWE,-2,1.5,\r\nNOR,,2,x\r\n");
        try (CsvReader r = CsvReader.open(p)) {
            assertThat(r.delimiter()).isEqualTo(',');
            assertThat(r.dictionary().rows()).isEqualTo(3);
            assertThat(r.dictionary().variables()).extracting(v -> v.type()).containsExactly(VariableType.STRING,
                    VariableType.NUMERIC, VariableType.NUMERIC, VariableType.STRING);
            assertThat(r.next()).isTrue();
            assertThat(r.string(0)).isEqualTo("DNK");
            assertThat(r.number(1)).isEqualTo(1.0);
            assertThat(r.number(2)).isEqualTo(0.82382);
            assertThat(r.string(3)).isEqualTo("a, \"quoted\" note");
            assertThat(r.next()).isTrue();
            assertThat(r.number(1)).isEqualTo(-2.0);
            assertThat(r.next()).isTrue();
            assertThat(r.number(1)).isNaN();
            assertThat(r.missingTag(1)).isEqualTo('.');
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void semicolonFileIsDetected() throws IOException {
        Path p = write("w6.csv", "V2;V10;V258\n208;1;1.0\n752;2;0.5");
        try (CsvReader r = CsvReader.open(p)) {
            assertThat(r.delimiter()).isEqualTo(';');
            assertThat(r.dictionary().names()).containsExactly("V2", "V10", "V258");
            int n = 0;
            while (r.next()) {
                n++;
            }
            assertThat(n).isEqualTo(2);
        }
    }

    @Test
    void numbersEqualParseDouble() throws IOException {
        Random rnd = new Random(42);
        StringBuilder sb = new StringBuilder("x\n");
        String[] values = new String[5000];
        for (int i = 0; i < values.length; i++) {
            double d = switch (i % 4) {
                case 0 -> rnd.nextInt(21) - 5;
                case 1 -> Math.round(rnd.nextDouble() * 1e5) / 1e5;
                case 2 -> rnd.nextGaussian() * 1e3;
                default -> rnd.nextDouble() * 1e-7;
            };
            values[i] = i % 7 == 0 ? String.format("%.3e", d) : Double.toString(d);
            sb.append(values[i]).append('\n');
        }
        Path p = write("n.csv", sb.toString());
        try (CsvReader r = CsvReader.open(p)) {
            for (String v : values) {
                assertThat(r.next()).isTrue();
                assertThat(r.number(0)).isEqualTo(Double.parseDouble(v));
            }
        }
    }

    @Test
    void recordsSpanningTheBufferAreReadWhole() throws IOException {
        StringBuilder sb = new StringBuilder("id,text\n");
        String longText = "x".repeat(3 << 20);
        sb.append("1,\"").append(longText).append("\"\n2,short\n");
        Path p = write("long.csv", sb.toString());
        try (CsvReader r = CsvReader.open(p)) {
            assertThat(r.next()).isTrue();
            assertThat(r.string(1)).hasSize(3 << 20);
            assertThat(r.next()).isTrue();
            assertThat(r.string(1)).isEqualTo("short");
        }
    }

    @Test
    void raggedRowNamesFileAndLine() throws IOException {
        Path p = write("ragged.csv", "a,b,c\n1,2,3\n4,5\n");
        assertThatThrownBy(() -> CsvReader.open(p)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("ragged.csv").hasMessageContaining("line 3")
                .hasMessageContaining("2 fields").hasMessageContaining("3 fields");
    }

    @Test
    void unterminatedQuoteIsAnError() throws IOException {
        Path p = write("quote.csv", "a,b\n1,\"open\n2,3\n");
        assertThatThrownBy(() -> CsvReader.open(p)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("quote.csv").hasMessageContaining("line 2").hasMessageContaining("unterminated");
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        Path p = write("empty.csv", "");
        assertThatThrownBy(() -> CsvReader.open(p)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("empty.csv").hasMessageContaining("empty");
    }

    @Test
    void invalidUtf8InTextIsAnError() throws IOException {
        Path p = dir.resolve("latin1.csv");
        Files.write(p, "name,x\ncaf\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CsvReader.open(p)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("column \"name\"")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void unselectedVariablesCannotBeRead() throws IOException {
        Path p = write("s.csv", "a,b\n1,2\n");
        try (CsvReader r = CsvReader.open(p)) {
            r.select(new int[] {1});
            r.next();
            assertThat(r.number(1)).isEqualTo(2);
            assertThatThrownBy(() -> r.number(0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aLateTextCellEndsTheSampledPassWithEveryColumnThatTurnsToText() throws IOException {
        StringBuilder b = new StringBuilder("a,b,c,d\n");
        for (int i = 0; i < CsvReader.SAMPLE_ROWS + 200; i++) {
            String bCell = i == CsvReader.SAMPLE_ROWS + 50 ? "late" : Integer.toString(i);
            String cCell = i == CsvReader.SAMPLE_ROWS + 150 ? "later" : Integer.toString(i);
            String dCell = i == CsvReader.SAMPLE_ROWS + 10 ? "" : Integer.toString(i);
            b.append(i).append(',').append(bCell).append(',').append(cCell).append(',').append(dCell).append('\n');
        }
        Path p = write("late.csv", b.toString());
        CsvReader.TypeConflict conflict = null;
        try (CsvReader r = CsvReader.openSampled(p, java.util.Set.of())) {
            org.pluralstats.io.CaseBatch batch = org.pluralstats.io.CaseBatch.of(r.dictionary(), new int[] {0, 1, 2, 3}, 64);
            r.select(new int[] {0, 1, 2, 3});
            while (r.nextBatch(batch) > 0) {
                // reads until the conflict
            }
        } catch (CsvReader.TypeConflict c) {
            conflict = c;
        }
        // One re-read with both columns as text, not one re-read per column.
        assertThat(conflict).isNotNull();
        assertThat(conflict.variable()).isEqualTo("b");
        assertThat(conflict.variables()).containsExactlyInAnyOrder("b", "c");

        org.pluralstats.data.SurveyData d = org.pluralstats.io.SurveyFiles.read(p);
        assertThat(d.rows()).isEqualTo(CsvReader.SAMPLE_ROWS + 200);
        assertThat(d.require("b").item().kind()).isEqualTo(org.pluralstats.data.ItemKind.CHOICE);
        assertThat(d.require("c").item().kind()).isEqualTo(org.pluralstats.data.ItemKind.CHOICE);
        assertThat(d.require("d").item().kind()).isNotEqualTo(org.pluralstats.data.ItemKind.CHOICE);
    }
}
