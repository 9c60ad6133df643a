package org.pluralstats.io;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.pluralstats.SurveyFormatException;

/**
 * Recognises what a file that is not SPSS or Stata is, from its first bytes: text that the CSV reader
 * may read, or something else, which is refused with one line naming the file and what it looks like.
 *
 * <p>A file is taken as text when its sniffed prefix holds no NUL byte, and either at most 1 byte in 20
 * is a control character other than tab, LF, VT, FF, CR and ESC or the prefix is well-formed UTF-8 (a
 * CSV may hold control characters, even many in a hostile header; a binary file is full of them and
 * of byte sequences that are not UTF-8). Text that is not UTF-8 is still handed to the CSV reader,
 * which refuses it with the line and column of the first bad byte. Text in UTF-16 or UTF-32 (with a
 * byte-order mark, or UTF-16 without one, recognised by its NUL in every other byte) is refused with a
 * request to save it as UTF-8, and HTML or XML text is refused by name.
 *
 * <p>Binary files are refused with their first bytes and, for a handful of common formats, their name:
 * PNG, JPEG and GIF images, PDF, ZIP archives (including .xlsx, .docx and .ods, recognised by their
 * member names), gzip, bzip2, xz and 7z compressed files, ELF executables, SQLite databases, Parquet,
 * Arrow/Feather, SAS data and transport files, R data files and OLE2 compound documents (Excel 97-2003 .xls and other Office
 * files). An SPSS file wrapped by SPSS's password encryption (a 36-byte header with {@code ENCRYPTED}
 * at offset 8 and {@code SAV}, {@code SPS} or {@code SPV} at offset 17, as documented by GNU PSPP's
 * "Encrypted File Wrappers") is refused with what to do.
 */
final class FileSignatures {
    private FileSignatures() {
    }

    /** The refusal's common start, naming the formats this library reads. */
    static final String NOT_DATA = "not a CSV, SPSS or Stata file";

    /**
     * Refuses a file that is not text the CSV reader can take; returns normally for text.
     *
     * @param file the file's name, for the message
     * @param head the file's first bytes (up to the sniffed length), exactly as many as were read
     * @param n {@code head.length}
     * @throws SurveyFormatException for an empty, binary, encrypted, UTF-16/32, HTML or XML file
     */
    static void requireText(String file, byte[] head, int n) {
        if (n == 0) {
            throw SurveyFormatException.in(file).problem("the file is empty (0 bytes): " + NOT_DATA).build();
        }
        encryptedSpss(head, n).ifPresent(what -> {
            throw SurveyFormatException.in(file).problem(what).build();
        });
        Optional<String> named = binaryName(head, n);
        if (named.isPresent() && !couldBeAHeader(head)) {
            throw refuse(file, head, n, named.get());
        }
        Optional<String> unicode = otherUnicode(head, n);
        if (unicode.isPresent()) {
            throw refuse(file, head, n, unicode.get() + ": save it as UTF-8 to read it as CSV");
        }
        int start = startsWith(head, n, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        int nul = -1;
        int controls = 0;
        for (int i = start; i < n; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                nul = i;
                break;
            }
            if ((b < 0x20 || b == 0x7f) && b != '\t' && b != '\n' && b != 0x0b && b != '\f' && b != '\r' && b != 0x1b) {
                controls++;
            }
        }
        if (nul >= 0 || controls * 20L > n - start && !isUtf8(head, start, n)) {
            String what = named
                    .orElse(nul >= 0 ? "binary data: a NUL byte at byte offset " + nul
                            : "binary data: " + controls + " control characters in the first " + n + " bytes");
            throw refuse(file, head, n, what);
        }
        markup(head, start, n).ifPresent(what -> {
            throw refuse(file, head, n, what);
        });
    }

    /**
     * Whether {@code head[start..n)} is well-formed UTF-8, allowing a sequence cut by the end of the
     * sniffed prefix.
     */
    private static boolean isUtf8(byte[] head, int start, int n) {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(head, start, n - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(4096);
        while (true) {
            java.nio.charset.CoderResult r = decoder.decode(in, out, false);
            if (r.isError()) {
                return false;
            }
            if (r.isUnderflow()) {
                return in.remaining() < 4;
            }
            out.clear();
        }
    }

    private static SurveyFormatException refuse(String file, byte[] head, int n, String what) {
        return SurveyFormatException.in(file).problem(NOT_DATA + " (starts with bytes " + hex(head, n, 4) + ": "
                + what + ")").build();
    }

    /** @return the first {@code count} bytes in upper-case hexadecimal, separated by spaces */
    static String hex(byte[] head, int n, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(n, count); i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(String.format(Locale.ROOT, "%02X", head[i] & 0xff));
        }
        return s.toString();
    }

    /**
     * @return the refusal for an SPSS encryption wrapper: {@code 1C 00 00 00 00 00 00 00}, then
     *     {@code ENCRYPTED} and the wrapped kind at offsets 8-19 (GNU PSPP, "Encrypted File Wrappers")
     */
    static Optional<String> encryptedSpss(byte[] head, int n) {
        if (n < 20 || !ascii(head, 8, "ENCRYPTED")) {
            return Optional.empty();
        }
        String kind = new String(head, 17, 3, StandardCharsets.ISO_8859_1);
        return Optional.of(switch (kind) {
            case "SAV" -> "encrypted SPSS file: save it unencrypted in SPSS first";
            case "SPS" -> "encrypted SPSS syntax file, not a data file";
            case "SPV" -> "encrypted SPSS output (viewer) file, not a data file";
            default -> "encrypted SPSS file of an unknown kind (\"" + printable(kind)
                    + "\"): save it unencrypted in SPSS first";
        });
    }

    /** Magic numbers that are plain words, which a CSV header may start with: named only in binary files. */
    private static boolean couldBeAHeader(byte[] head) {
        return ascii(head, 0, "PAR1") || ascii(head, 0, "ARROW1") || ascii(head, 0, "FEA1");
    }

    /** UTF-32 and UTF-16 with a byte-order mark, and UTF-16 without one (NUL in every other byte). */
    private static Optional<String> otherUnicode(byte[] head, int n) {
        if (startsWith(head, n, 0xFF, 0xFE, 0x00, 0x00) || startsWith(head, n, 0x00, 0x00, 0xFE, 0xFF)) {
            return Optional.of("UTF-32 text (byte-order mark " + hex(head, n, 4) + ")");
        }
        if (startsWith(head, n, 0xFF, 0xFE) || startsWith(head, n, 0xFE, 0xFF)) {
            return Optional.of("UTF-16 text (byte-order mark " + hex(head, n, 2) + ")");
        }
        int pairs = Math.min(n, 4096) / 2;
        if (pairs < 2) {
            return Optional.empty();
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        int asciiEven = 0;
        int asciiOdd = 0;
        for (int i = 0; i < pairs; i++) {
            int even = head[2 * i] & 0xff;
            int odd = head[2 * i + 1] & 0xff;
            zeroEven += even == 0 ? 1 : 0;
            zeroOdd += odd == 0 ? 1 : 0;
            asciiEven += isTextByte(even) ? 1 : 0;
            asciiOdd += isTextByte(odd) ? 1 : 0;
        }
        if (zeroOdd * 10L >= pairs * 9L && asciiEven * 10L >= pairs * 9L) {
            return Optional.of("UTF-16LE text without a byte-order mark");
        }
        if (zeroEven * 10L >= pairs * 9L && asciiOdd * 10L >= pairs * 9L) {
            return Optional.of("UTF-16BE text without a byte-order mark");
        }
        return Optional.empty();
    }

    private static boolean isTextByte(int b) {
        return b >= 0x20 && b < 0x7f || b == '\t' || b == '\n' || b == '\r';
    }

    /** HTML and XML are text, but not a table. */
    private static Optional<String> markup(byte[] head, int start, int n) {
        int i = start;
        while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        String s = new String(head, i, Math.min(n - i, 16), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (s.startsWith("<!doctype html") || s.startsWith("<html") || s.startsWith("<head")) {
            return Optional.of("an HTML page");
        }
        if (s.startsWith("<?xml")) {
            return Optional.of("an XML document");
        }
        return Optional.empty();
    }

    /** @return the name of a known binary format starting {@code head}, if any */
    static Optional<String> binaryName(byte[] head, int n) {
        if (startsWith(head, n, 0x89, 'P', 'N', 'G')) {
            return Optional.of("a PNG image");
        } else if (startsWith(head, n, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("a JPEG image");
        } else if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return Optional.of("a GIF image");
        } else if (ascii(head, 0, "%PDF-")) {
            return Optional.of("a PDF document");
        } else if (startsWith(head, n, 'P', 'K', 3, 4) || startsWith(head, n, 'P', 'K', 5, 6)
                || startsWith(head, n, 'P', 'K', 7, 8)) {
            return Optional.of(zipName(head, n));
        } else if (startsWith(head, n, 0x1F, 0x8B)) {
            return Optional.of("a gzip-compressed file: decompress it first");
        } else if (ascii(head, 0, "BZh") && n >= 7 && head[3] >= '1' && head[3] <= '9' && bytesAt(head, 4, 0x31, 0x41, 0x59)) {
            return Optional.of("a bzip2-compressed file: decompress it first");
        } else if (startsWith(head, n, 0xFD, '7', 'z', 'X', 'Z', 0)) {
            return Optional.of("an xz-compressed file: decompress it first");
        } else if (startsWith(head, n, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return Optional.of("a 7z archive");
        } else if (startsWith(head, n, 0x7F, 'E', 'L', 'F')) {
            return Optional.of("an ELF executable");
        } else if (ascii(head, 0, "SQLite format 3")) {
            return Optional.of("an SQLite database");
        } else if (ascii(head, 0, "PAR1")) {
            return Optional.of("a Parquet file");
        } else if (ascii(head, 0, "ARROW1")) {
            return Optional.of("an Arrow IPC (Feather v2) file");
        } else if (ascii(head, 0, "FEA1")) {
            return Optional.of("a Feather v1 file");
        } else if (startsWith(head, n, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Optional.of("an OLE2 compound document, such as an Excel 97-2003 workbook (.xls)");
        } else if (bytesAt(head, 12, 0xC2, 0xEA, 0x81, 0x60, 0xB3, 0x14, 0x11, 0xCF)) {
            return Optional.of("a SAS data file (.sas7bdat)");
        } else if (ascii(head, 0, "HEADER RECORD*******LIBRARY HEADER RECORD")
                || ascii(head, 0, "HEADER RECORD*******LIBV8   HEADER RECORD")) {
            return Optional.of("a SAS transport (XPORT) file");
        } else if (ascii(head, 0, "RDX2\n") || ascii(head, 0, "RDX3\n")) {
            return Optional.of("an R data file (.RData)");
        }
        return Optional.empty();
    }

    /** Names a ZIP archive by the members its first local headers name (Office Open XML, OpenDocument). */
    private static String zipName(byte[] head, int n) {
        String s = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        if (s.contains("xl/")) {
            return "a ZIP archive: an Excel workbook (.xlsx); save it as CSV (UTF-8)";
        } else if (s.contains("word/")) {
            return "a ZIP archive: a Word document (.docx)";
        } else if (s.contains("ppt/")) {
            return "a ZIP archive: a PowerPoint presentation (.pptx)";
        } else if (s.contains("application/vnd.oasis.opendocument.spreadsheet")) {
            return "a ZIP archive: an OpenDocument spreadsheet (.ods); save it as CSV (UTF-8)";
        }
        return "a ZIP archive: extract the data file first";
    }

    private static boolean startsWith(byte[] head, int n, int... bytes) {
        return n >= bytes.length && bytesAt(head, 0, bytes);
    }

    private static boolean bytesAt(byte[] head, int at, int... bytes) {
        if (head.length < at + bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[at + i] & 0xff) != (bytes[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int at, String text) {
        if (head.length < at + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (head[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Escapes non-printable characters of a short text for a one-line message. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
            }
        }
        return out.toString();
    }
}
