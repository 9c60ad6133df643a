package org.pluralstats.io.forms;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.SurveyFormatException;

/**
 * One CSV export held in memory: the strictly decoded UTF-8 text, its header row and data rows as
 * parsed by Commons CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks), and the
 * physical line of every record and field, for error messages.
 *
 * <p>Blank lines are not records. A UTF-8 byte order mark is dropped.
 */
final class CsvDocument {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** A data record. */
    record Row(int position, String[] fields) {
    }

    final String file;
    final String text;
    final String[] header;
    final int headerPosition;
    final List<Row> rows;
    private final int[] lineStarts;

    private CsvDocument(String file, String text, String[] header, int headerPosition, List<Row> rows,
                        int[] lineStarts) {
        this.file = file;
        this.text = text;
        this.header = header;
        this.headerPosition = headerPosition;
        this.rows = rows;
        this.lineStarts = lineStarts;
    }

    /**
     * Decodes and parses a file.
     *
     * @param file the name used in messages
     * @param bytes the file content
     * @return the document
     * @throws SurveyFormatException when the bytes are not UTF-8, the file is empty or the CSV is malformed
     */
    static CsvDocument parse(String file, byte[] bytes) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        String text = decode(file, bytes, bom ? 3 : 0);
        int[] lineStarts = lineStarts(text);
        if (text.isBlank()) {
            throw SurveyFormatException.in(file).line(1).problem("empty file")
                    .expected("a header row of Google Forms column titles (Timestamp, the questions, ...)").build();
        }
        String[] header = null;
        int headerPosition = 0;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            for (CSVRecord r : parser) {
                int position = skipLineBreaks(text, (int) r.getCharacterPosition());
                if (header == null) {
                    header = r.values();
                    headerPosition = position;
                    if (header.length > GoogleFormsReader.MAX_COLUMNS) {
                        throw SurveyFormatException.in(file).line(1 + (int) text.substring(0, position).chars()
                                        .filter(c -> c == '\n').count())
                                .problem("a header of more columns than a Google Forms export can have (the limit)")
                                .found(header.length + " columns")
                                .expected("at most " + GoogleFormsReader.MAX_COLUMNS + " columns (Google Sheets' limit)")
                                .build();
                    }
                } else {
                    rows.add(new Row(position, r.values()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CsvDocument(file, text, header, headerPosition, rows, lineStarts).syntaxError(e);
        }
        return new CsvDocument(file, text, header, headerPosition, List.copyOf(rows), lineStarts);
    }

    // Commons CSV reports a record's position as the end of the previous one; ignored blank lines lie between.
    private static int skipLineBreaks(String text, int position) {
        int p = position;
        while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
            p++;
        }
        return p;
    }

    /** @return the 1-based physical line of a character position */
    int lineOf(int position) {
        int i = Arrays.binarySearch(lineStarts, position);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** @return the 1-based line where the header row starts */
    int headerLine() {
        return lineOf(headerPosition);
    }

    /** @return the 1-based line where a field of the header starts */
    int headerLine(int column) {
        return lineOf(fieldPosition(headerPosition, column));
    }

    /** @return the 1-based line where a field of a data row starts */
    int line(int row, int column) {
        return lineOf(fieldPosition(rows.get(row).position(), column));
    }

    /** @return the 1-based line where a data row starts */
    int line(int row) {
        return lineOf(rows.get(row).position());
    }

    /**
     * The character position where field {@code column} of the record starting at {@code start} begins
     * (or where the record ends, when it has fewer fields). Follows RFC 4180: a quote opens a quoted
     * field only as its first character.
     */
    int fieldPosition(int start, int column) {
        int p = start;
        int field = 0;
        boolean fieldStart = true;
        while (field < column && p < text.length()) {
            char c = text.charAt(p);
            if (fieldStart && c == '"') {
                p = closingQuote(p);
                if (p < 0) {
                    return text.length();
                }
                fieldStart = false;
            } else if (c == ',') {
                field++;
                fieldStart = true;
            } else if (c == '\n' || c == '\r') {
                break;
            } else {
                fieldStart = false;
            }
            p++;
        }
        return p;
    }

    // Position of the quote that closes the quoted field opened at `open`, or -1.
    private int closingQuote(int open) {
        int p = open + 1;
        while (p < text.length()) {
            if (text.charAt(p) == '"') {
                if (p + 1 < text.length() && text.charAt(p + 1) == '"') {
                    p += 2;
                    continue;
                }
                return p;
            }
            p++;
        }
        return -1;
    }

    /** Where a character position lies: record index (0 = header, blank lines not counted) and field index. */
    private record Place(int record, int field) {
    }

    private Place placeOf(int position) {
        int record = 0;
        int field = 0;
        boolean fieldStart = true;
        boolean content = false;
        int p = 0;
        while (p < position && p < text.length()) {
            char c = text.charAt(p);
            if (fieldStart && c == '"') {
                int close = closingQuote(p);
                if (close < 0 || close >= position) {
                    break;
                }
                p = close;
                fieldStart = false;
                content = true;
            } else if (c == ',') {
                field++;
                fieldStart = true;
                content = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && p + 1 < text.length() && text.charAt(p + 1) == '\n') {
                    p++;
                }
                if (content) {
                    record++;
                }
                field = 0;
                fieldStart = true;
                content = false;
            } else {
                fieldStart = false;
                content = true;
            }
            p++;
        }
        return new Place(record, field);
    }

    private String columnName(Place place, String[] knownHeader) {
        if (place.record() > 0 && knownHeader != null && place.field() < knownHeader.length) {
            String h = knownHeader[place.field()];
            return PersonalData.mask(h.isBlank() ? "column " + (place.field() + 1) : h);
        }
        return "column " + (place.field() + 1);
    }

    // Commons CSV stopped on malformed quoting: find the place ourselves, for a message with line and column.
    private SurveyFormatException syntaxError(Exception e) {
        int p = 0;
        boolean fieldStart = true;
        while (p < text.length()) {
            char c = text.charAt(p);
            if (fieldStart && c == '"') {
                int close = closingQuote(p);
                if (close < 0) {
                    return SurveyFormatException.in(file).line(lineOf(p)).column(columnName(placeOf(p), header))
                            .problem("a quoted field is never closed (the file ends inside it)")
                            .expected("a closing \" before the end of the file").cause(e).build();
                }
                int after = close + 1;
                if (after < text.length() && ",\r\n".indexOf(text.charAt(after)) < 0) {
                    return SurveyFormatException.in(file).line(lineOf(after)).column(columnName(placeOf(p), header))
                            .found(restOfLine(after))
                            .expected("a comma or the end of the line after the closing quote of a field").cause(e)
                            .build();
                }
                p = after;
                fieldStart = false;
                continue;
            }
            fieldStart = c == ',' || c == '\n' || c == '\r';
            p++;
        }
        return SurveyFormatException.in(file).problem("malformed CSV: " + e.getMessage()).cause(e).build();
    }

    private String restOfLine(int from) {
        int end = from;
        while (end < text.length() && end < from + 40 && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(from, end);
    }

    private static String decode(String file, byte[] bytes, int start) {
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            throw SurveyFormatException.in(file).line(1).byteOffset(0).found("a UTF-16 byte order mark")
                    .expected("UTF-8 text (download the responses again, or save the file as \"CSV UTF-8\")").build();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int charPosition = out.position();
            String lenient = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
            CsvDocument partial = new CsvDocument(file, lenient, lenientHeader(lenient), 0, List.of(),
                    lineStarts(lenient));
            StringBuilder found = new StringBuilder(result.length() == 1 ? "byte" : "bytes");
            for (int i = 0; i < Math.max(1, result.length()) && offset + i < bytes.length; i++) {
                found.append(String.format(" 0x%02X", bytes[offset + i] & 0xFF));
            }
            throw SurveyFormatException.in(file).line(partial.lineOf(charPosition))
                    .column(partial.columnName(partial.placeOf(charPosition), partial.header)).byteOffset(offset)
                    .problem("not UTF-8 text").found(found.toString())
                    .expected("UTF-8 text (Google Forms exports are UTF-8; download the responses again, or save "
                            + "the file as \"CSV UTF-8\")")
                    .build();
        }
        out.flip();
        return out.toString();
    }

    private static String[] lenientHeader(String text) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            for (CSVRecord r : parser) {
                return r.values();
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        return null;
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }
}
