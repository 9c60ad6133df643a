package org.pluralstats.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.SurveyFormatException;

/** Streaming UTF-8 lines: line ends as BufferedReader splits them, strict located decoding, the line limit, no read-ahead. */
class Utf8LinesTest {

    private static List<String> lines(byte[] bytes, int max) {
        Utf8Lines u = new Utf8Lines("t.txt", new ByteArrayInputStream(bytes), max);
        List<String> out = new ArrayList<>();
        for (String l; (l = u.next()) != null; ) {
            out.add(l + "|" + u.terminator().replace("\r", "CR").replace("\n", "LF"));
        }
        return out;
    }

    @Test
    void splitsAtLfCrlfAndLoneCrLikeBufferedReaderAndDropsTheBom() {
        byte[] text = "\uFEFFa\r\nb\rc\n\nd".getBytes(StandardCharsets.UTF_8);
        assertThat(lines(text, 100)).containsExactly("a|CRLF", "b|CR", "c|LF", "|LF", "d|");
        assertThat(lines("x\n".getBytes(StandardCharsets.UTF_8), 100)).containsExactly("x|LF");
        assertThat(lines(new byte[0], 100)).isEmpty();
        assertThat(lines("é ü 日本\n".getBytes(StandardCharsets.UTF_8), 100)).containsExactly("é ü 日本|LF");
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedWithItsNumber() {
        byte[] text = "12345\n123456\n1234567\n".getBytes(StandardCharsets.UTF_8);
        Utf8Lines u = new Utf8Lines("t.txt", new ByteArrayInputStream(text), 6);
        assertThat(u.next()).isEqualTo("12345");
        assertThat(u.next()).isEqualTo("123456");
        assertThatThrownBy(u::next).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("t.txt, line 3").hasMessageContaining("longer than the limit of 6 bytes");
    }

    @Test
    void malformedUtf8IsLocatedByLineCharacterAndByteOffset() {
        byte[] text = {'o', 'k', '\n', (byte) 0xC3, (byte) 0xA9, 'x', (byte) 0xFF, 'y', '\n'};
        Utf8Lines u = new Utf8Lines("t.txt", new ByteArrayInputStream(text), 100);
        assertThat(u.next()).isEqualTo("ok");
        SurveyFormatException e = (SurveyFormatException) org.assertj.core.api.Assertions.catchThrowable(u::next);
        assertThat(e.line()).hasValue(2);
        assertThat(e.column()).hasValue("character 3");
        assertThat(e.byteOffset()).hasValue(6);
        assertThat(e.getMessage()).contains("not valid UTF-8").contains("0xFF");
    }

    /** An endless stream of lines that counts what it hands out: the reader takes at most one buffer ahead. */
    @Test
    void readsNoMoreThanOneBufferAheadOfTheLinesAskedFor() {
        byte[] row = "{\"model\":\"m\",\"language\":\"da\",\"item\":\"F1\",\"labels\":[\"pro\"]}\n".getBytes(StandardCharsets.UTF_8);
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return row[(int) (served[0]++ % row.length)];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = Math.min(len, 4096);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        };
        Utf8Lines u = new Utf8Lines("endless.jsonl", endless, 1 << 20);
        for (int i = 0; i < 100_000; i++) {
            assertThat(u.next()).hasSize(row.length - 1);
        }
        assertThat(u.lineNumber()).isEqualTo(100_000);
        assertThat(served[0]).isLessThanOrEqualTo(100_000L * row.length + 4096);
    }

    @Test
    void aSideFileLargerThanTheLimitIsRefusedNamingLimitAndSize(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("margins.csv");
        Files.write(f, new byte[2048]);
        assertThatThrownBy(() -> TextFiles.readUtf8(f, 1024)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("margins.csv").hasMessageContaining("limit of 1 KiB (1024 bytes)")
                .hasMessageContaining("2048 bytes");
        assertThat(TextFiles.MAX_BYTES).isEqualTo(64L << 20);
        Files.write(f, new byte[] {'a', ',', (byte) 0xC3, '\n'});
        SurveyFormatException e = (SurveyFormatException) org.assertj.core.api.Assertions.catchThrowable(
                () -> TextFiles.readUtf8(f));
        assertThat(e.getMessage()).contains("not valid UTF-8");
        assertThat(e.byteOffset()).hasValue(2);
    }
}
