package org.pluralstats.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.data.SurveyData;

/**
 * {@link SurveyFiles#detect} recognises formats by content and never falls back to CSV: binary files,
 * empty files, encrypted SPSS files, SPSS portable files and text in other encodings are refused with
 * one line naming the file and what it looks like; real CSVs are still CSV.
 */
class FormatDetectionTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts detection refuses the file with a one-line message naming it and containing {@code what}. */
    private static void refused(Path p, String what) {
        assertThatThrownBy(() -> SurveyFiles.detect(p))
                .isInstanceOf(SurveyFormatException.class)
                .hasMessageStartingWith(p.toString() + ":")
                .hasMessageContaining(what)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        // every entry point refuses it the same way, before any reader sees it
        assertThatThrownBy(() -> SurveyFiles.open(p)).isInstanceOf(SurveyFormatException.class).hasMessageContaining(what);
        assertThatThrownBy(() -> SurveyFiles.read(p))
                .isInstanceOf(SurveyFormatException.class).hasMessageContaining(what);
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    @Test
    void pngIsRefusedByName() throws IOException {
        refused(write("chart.csv", image("png")),
                "not a CSV, SPSS or Stata file (starts with bytes 89 50 4E 47: a PNG image)");
    }

    @Test
    void jpegAndGifAreRefusedByName() throws IOException {
        refused(write("photo.dat", image("jpg")), "(starts with bytes FF D8 FF E0: a JPEG image)");
        refused(write("anim.sav", image("gif")), "(starts with bytes 47 49 46 38: a GIF image)");
    }

    @Test
    void zipAndXlsxAreRefusedByName() throws IOException {
        refused(write("data.zip", zip("data.csv")), "(starts with bytes 50 4B 03 04: a ZIP archive: extract the data file first)");
        refused(write("survey.csv", zip("[Content_Types].xml", "xl/workbook.xml")), "an Excel workbook (.xlsx)");
        refused(write("empty.zip", new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
                "a ZIP archive");
    }

    private static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : names) {
                z.putNextEntry(new ZipEntry(name));
                z.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void compressedFilesAreRefusedByName() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        refused(write("data.csv.gz", out.toByteArray()), "a gzip-compressed file: decompress it first");
        refused(write("x.xz", new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0, 0, 4}), "an xz-compressed file");
        refused(write("x.bz2", new byte[] {'B', 'Z', 'h', '9', 0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0}),
                "a bzip2-compressed file");
    }

    @Test
    void otherKnownBinaryFormatsAreRefusedByName() throws IOException {
        refused(write("a.pdf", "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "a PDF document");
        refused(write("a.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1, 0, 0, 0, 0}), "(starts with bytes D0 CF 11 E0: an OLE2 compound document");
        refused(write("a.db", "SQLite format 3\0\u0010\0"), "an SQLite database");
        refused(write("a.parquet", new byte[] {'P', 'A', 'R', '1', 0x15, 0, 0x15, 0x1C, 0, 0}), "a Parquet file");
        refused(write("a.feather", new byte[] {'A', 'R', 'R', 'O', 'W', '1', 0, 0, (byte) 0xFF, (byte) 0xFF}),
                "an Arrow IPC (Feather v2) file");
        refused(write("a.out", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}), "an ELF executable");
        refused(write("a.xpt", "HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  "
                + "SAS     SAS     SASLIB  9.4     X64_7PRO\0\0\0"), "a SAS transport (XPORT) file");
        refused(write("a.RData", "RDX3\nX\n\0\0\0\3\0\4\2"), "an R data file (.RData)");
        refused(write("a.7z", new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4}), "a 7z archive");
        refused(write("page.csv", "<!DOCTYPE html>\n<html><body>Not found</body></html>\n"),
                "(starts with bytes 3C 21 44 4F: an HTML page)");
    }

    @Test
    void randomBinaryIsRefusedWithItsFirstBytes() throws IOException {
        byte[] bytes = new byte[5000];
        new Random(10).nextBytes(bytes);
        bytes[0] = 0x13;
        bytes[1] = 0x00;
        bytes[2] = (byte) 0xAB;
        bytes[3] = 0x7E;
        refused(write("noise.bin", bytes), "not a CSV, SPSS or Stata file (starts with bytes 13 00 AB 7E: binary data: "
                + "a NUL byte at byte offset 1)");
        // no NUL at all: still refused, for its control characters
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = bytes[i] == 0 ? 1 : bytes[i];
        }
        refused(write("noise2.bin", bytes), "control characters in the first 5000 bytes");
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        refused(write("empty.csv", new byte[0]), "the file is empty (0 bytes): not a CSV, SPSS or Stata file");
    }

    @Test
    void utf16AndUtf32TextAreRefusedWithWhatToDo() throws IOException {
        String csv = "country,q1\nDE,1\nFR,2\n";
        refused(write("le.csv", csv.getBytes(StandardCharsets.UTF_16LE)),
                "UTF-16LE text without a byte-order mark: save it as UTF-8 to read it as CSV");
        refused(write("be.csv", csv.getBytes(StandardCharsets.UTF_16BE)), "UTF-16BE text without a byte-order mark");
        refused(write("bom.csv", csv.getBytes(StandardCharsets.UTF_16)), "UTF-16 text (byte-order mark FE FF)");
        byte[] le = csv.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[le.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(le, 0, withBom, 2, le.length);
        refused(write("bomle.csv", withBom), "UTF-16 text (byte-order mark FF FE)");
        byte[] be32 = csv.getBytes(java.nio.charset.Charset.forName("UTF-32BE"));
        byte[] u32 = new byte[be32.length + 4];
        u32[2] = (byte) 0xFE;
        u32[3] = (byte) 0xFF;
        System.arraycopy(be32, 0, u32, 4, be32.length);
        refused(write("u32.csv", u32), "UTF-32 text (byte-order mark 00 00 FE FF)");
    }

    /**
     * An SPSS encryption wrapper as GNU PSPP's manual ("Encrypted File Wrappers") documents it: a 36-byte
     * header {@code 1c 00 00 00 00 00 00 00 "ENCRYPTEDSAV" 15 00 00 00} and 16 zero bytes, then the file
     * encrypted with AES-256 in 16-byte blocks (random bytes here).
     */
    static byte[] encrypted(String kind) {
        byte[] bytes = new byte[36 + 64];
        bytes[0] = 0x1c;
        byte[] tag = ("ENCRYPTED" + kind).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tag, 0, bytes, 8, tag.length);
        bytes[20] = 0x15;
        byte[] cipher = new byte[64];
        new Random(36).nextBytes(cipher);
        System.arraycopy(cipher, 0, bytes, 36, 64);
        return bytes;
    }

    @Test
    void encryptedSpssFilesAreRefusedWithWhatToDo() throws IOException {
        Path sav = write("secret.sav", encrypted("SAV"));
        refused(sav, "encrypted SPSS file: save it unencrypted in SPSS first");
        assertThatThrownBy(() -> SurveyFiles.detect(sav))
                .hasMessage(sav + ": encrypted SPSS file: save it unencrypted in SPSS first");
        refused(write("secret.sps", encrypted("SPS")), "encrypted SPSS syntax file, not a data file");
        refused(write("secret.spv", encrypted("SPV")), "encrypted SPSS output (viewer) file, not a data file");
    }

    private static Path portable() {
        try {
            return Path.of(FormatDetectionTest.class.getResource("detect/pspp_small.por").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void portableFilesAreRecognisedInEveryLineLayout() throws IOException {
        byte[] wrapped = Files.readAllBytes(portable());     // PSPP 1.6.2 EXPORT: 80 columns, CR LF
        assertThat(new String(wrapped, 0, 82, StandardCharsets.ISO_8859_1)).endsWith("\r\n");
        assertThat(SurveyFiles.detect(portable())).isEqualTo(FileFormat.POR);
        String text = new String(wrapped, StandardCharsets.ISO_8859_1);
        assertThat(SurveyFiles.detect(write("lf.por", text.replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo(FileFormat.POR);
        assertThat(SurveyFiles.detect(write("flat.por", text.replace("\r\n", "").getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo(FileFormat.POR);
        // lines shorter than 80 columns count as padded with spaces: trim the vanity lines' trailing blanks
        String trimmed = text.replaceAll(" +\r\n", "\r\n");
        assertThat(trimmed).isNotEqualTo(text);
        assertThat(SurveyFiles.detect(write("short.por", trimmed.getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo(FileFormat.POR);
        assertThat(SurveyFiles.isPortable(Arrays.copyOf(wrapped, 400))).isFalse();
        // the tag alone, translated through the file's own table, is enough: blank the vanity header
        byte[] anonymous = text.replace("ASCII SPSS PORT FILE", "xxxxxxxxxxxxxxxxxxxx").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(SurveyFiles.isPortable(anonymous)).isTrue();
        byte[] untagged = Arrays.copyOf(anonymous, anonymous.length);
        int tag = text.indexOf("SPSSPORT");
        untagged[tag] = 'X';
        assertThat(SurveyFiles.isPortable(untagged)).isFalse();
        // a file in another character set (every byte but CR and LF moved): found through its table
        byte[] foreign = wrapped.clone();
        for (int i = 0; i < foreign.length; i++) {
            foreign[i] = foreign[i] == '\r' || foreign[i] == '\n' ? foreign[i] : (byte) (foreign[i] ^ 0x80);
        }
        assertThat(new String(foreign, StandardCharsets.ISO_8859_1)).doesNotContain("SPSS");
        assertThat(SurveyFiles.isPortable(foreign)).isTrue();
        assertThat(SurveyFiles.isPortable("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "country,q1,q2\nDE,1,2\nFR,3,4\n",
        "\ufeffcountry,q1\r\nDE,1\r\n",
        "country;q1;q2\nDE;1;2\nFR;3;4\n",
        "id,comment\n1,\"two\nlines\"\n2,\"a \"\"quoted\"\" word\"\n",
        "id\tq1\n1\t2\n",
        "x\n",
        "id,note\n1,\u001b]0;title\u0007 bell\n",
        "\u001b]0;x\u0007\u0008\u0008\u0008\u0008\u0008\u0008\u0008\u0008\u001b[2J,b\n1,2\n",
    })
    void csvIsStillCsv(String text) throws IOException {
        Path p = write("ok.csv", text);
        assertThat(SurveyFiles.detect(p)).isEqualTo(FileFormat.CSV);
        SurveyData data = SurveyFiles.read(p);
        assertThat(data.rows()).isEqualTo((int) text.chars().filter(c -> c == '\n').count() - 1
                - (text.contains("two\nlines") ? 1 : 0));
    }

    @Test
    void textWithoutAHeaderIsRefusedByTheCsvReaderWithALine() throws IOException {
        assertThatThrownBy(() -> SurveyFiles.read(write("blank.csv", "\n\n\n")))
                .isInstanceOf(SurveyFormatException.class).hasMessageContaining("line 1: the file holds only blank lines");
        assertThatThrownBy(() -> SurveyFiles.read(write("lead.csv", "\na,b\n1,2\n")))
                .isInstanceOf(SurveyFormatException.class).hasMessageContaining("line 1, column \"1\": empty variable name");
        assertThatThrownBy(() -> SurveyFiles.read(write("ragged.csv", "a,b\n1,2\n3\n")))
                .isInstanceOf(SurveyFormatException.class).hasMessageContaining("line 3");
    }

    @Test
    void latin1TextGoesToTheCsvReaderWhichLocatesTheBadByte() throws IOException {
        Path p = write("latin1.csv", "country,city\nDE,K\u00f6ln\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(SurveyFiles.detect(p)).isEqualTo(FileFormat.CSV);
        assertThatThrownBy(() -> SurveyFiles.read(p))
                .isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("UTF-8");
    }

    @Test
    void oldStataReleasesAreDetectedButTextStartingWithTheirLettersIsNot() throws IOException {
        for (int release = 102; release <= 115; release++) {
            byte[] head = {(byte) release, 2, 1, 0, 1, 0, 0, 0, 0, 0};
            assertThat(SurveyFiles.detect(write("r" + release + ".dta", head))).as("release " + release)
                    .isEqualTo(FileFormat.DTA);
        }
        assertThat(SurveyFiles.detect(write("s102.dta", new byte[] {102, 0, 1, 0, 1, 0}))).isEqualTo(FileFormat.DTA);
        assertThat(SurveyFiles.detect(write("words.csv", "fruit,n\nhat,2\n"))).isEqualTo(FileFormat.CSV);
        assertThat(SurveyFiles.detect(write("l.csv", "l\n1\n"))).isEqualTo(FileFormat.CSV);
        // a never-released version is refused by the Stata reader by number, not read as CSV
        Path r107 = write("r107.dta", new byte[] {107, 2, 1, 0, 1, 0, 0, 0, 0, 0});
        assertThatThrownBy(() -> SurveyFiles.open(r107)).isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("unsupported Stata release 107");
    }
}
