package org.pluralstats.io.forms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pluralstats.io.InputFiles;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;

/**
 * One group's export after the file-level checks: decoded and parsed, every row as wide as the header,
 * metadata columns recognised (timestamp, e-mail, quiz score), submission times and e-mail addresses
 * read for duplicate detection, and the export style decided.
 */
final class FormFile {
    /** Time of a row whose timestamp cell is empty or that has no timestamp column. */
    static final long NO_TIME = Long.MIN_VALUE;

    final String group;
    final Path path;
    final String file;
    final CsvDocument doc;
    final int timestampColumn;
    final int emailColumn;
    final boolean[] metadata;
    final ExportStyle style;
    final long[] times;
    final String[] emails;

    private FormFile(String group, Path path, CsvDocument doc, MetadataTitles titles,
                     FormsReadOptions.DateOrder order) {
        this.group = group;
        this.path = path;
        this.file = doc.file;
        this.doc = doc;
        int columns = doc.header.length;
        checkRowWidths();
        metadata = new boolean[columns];

        List<Optional<FormsTimestamp>> stamps = new ArrayList<>();
        int ts = -1;
        String firstValue = firstNonEmpty(0);
        if (titles.isTimestampTitle(doc.header[0]) || firstValue != null && FormsTimestamp.lex(firstValue).isPresent()) {
            ts = 0;
            metadata[0] = true;
            for (int r = 0; r < doc.rows.size(); r++) {
                String v = doc.rows.get(r).fields()[0];
                Optional<FormsTimestamp> t = v.isBlank() ? Optional.empty() : FormsTimestamp.lex(v);
                if (!v.isBlank() && t.isEmpty()) {
                    throw at(r, 0).found(PersonalData.mask(v)).expected("a Google Forms timestamp such as "
                            + "2025/05/14 1:07:13 PM GMT+2, 8/4/2025 23:25:41 or 14/05/2025 13:07:13").build();
                }
                stamps.add(t);
            }
        }
        this.timestampColumn = ts;

        int email = -1;
        for (int c = 0; c < columns; c++) {
            if (c == ts) {
                continue;
            }
            int nonEmpty = 0;
            boolean allEmail = true;
            boolean allScore = true;
            for (CsvDocument.Row row : doc.rows) {
                String v = row.fields()[c];
                if (!v.isBlank()) {
                    nonEmpty++;
                    allEmail &= PersonalData.isEmail(v);
                    allScore &= MetadataTitles.isScoreValue(v);
                }
            }
            String h = doc.header[c];
            if (titles.isEmailTitle(h) || nonEmpty > 0 && allEmail) {
                metadata[c] = true;
                if (email < 0) {
                    email = c;
                }
            } else if (allScore && (nonEmpty > 0 || titles.isScoreTitle(h))) {
                metadata[c] = true;
            } else if (h.isBlank() && nonEmpty == 0) {
                metadata[c] = true; // an empty column without a title, e.g. added in the Sheet
            }
        }
        this.emailColumn = email;

        this.emails = new String[doc.rows.size()];
        if (email >= 0) {
            for (int r = 0; r < emails.length; r++) {
                String v = doc.rows.get(r).fields()[email].trim().toLowerCase(Locale.ROOT);
                emails[r] = v.isEmpty() ? null : v;
            }
        }

        this.times = new long[doc.rows.size()];
        java.util.Arrays.fill(times, NO_TIME);
        boolean zoned = false;
        if (ts >= 0) {
            int decidingRow = -1;
            boolean dayFirst;
            for (int r = 0; r < stamps.size() && decidingRow < 0; r++) {
                Optional<FormsTimestamp> t = stamps.get(r);
                if (t.isPresent() && (t.get().firstExceedsTwelve() || t.get().secondExceedsTwelve())) {
                    decidingRow = r;
                }
            }
            if (order == FormsReadOptions.DateOrder.DAY_MONTH_YEAR) {
                dayFirst = true;
                decidingRow = -1;
            } else if (order == FormsReadOptions.DateOrder.MONTH_DAY_YEAR) {
                dayFirst = false;
                decidingRow = -1;
            } else if (decidingRow >= 0) {
                dayFirst = stamps.get(decidingRow).get().firstExceedsTwelve();
            } else {
                dayFirst = stamps.stream().flatMap(Optional::stream).anyMatch(FormsTimestamp::dotted);
            }
            for (int r = 0; r < stamps.size(); r++) {
                Optional<FormsTimestamp> t = stamps.get(r);
                if (t.isEmpty()) {
                    continue;
                }
                zoned |= t.get().offsetSeconds().isPresent();
                try {
                    times[r] = t.get().epochSecond(dayFirst);
                } catch (DateTimeException e) {
                    String how = dayFirst ? "day/month/year" : "month/day/year";
                    throw at(r, 0).found(doc.rows.get(r).fields()[0])
                            .expected("a calendar date in " + how + " order"
                                    + (decidingRow >= 0 ? ", as on line " + doc.line(decidingRow, 0) : ""))
                            .cause(e).build();
                }
            }
        }
        if (ts >= 0) {
            this.style = zoned ? ExportStyle.DOWNLOAD : ExportStyle.SHEET;
        } else {
            this.style = doc.text.startsWith("\"") ? ExportStyle.DOWNLOAD : ExportStyle.SHEET;
        }
    }

    /**
     * Reads and checks one export.
     *
     * @throws SurveyFormatException on malformed input
     * @throws PluralstatsException when the file cannot be read
     */
    static FormFile load(String group, Path path, MetadataTitles titles, FormsReadOptions.DateOrder order) {
        if (!Files.exists(path)) {
            throw new PluralstatsException("no such file: " + path + " (group " + group + ")");
        }
        byte[] bytes = InputFiles.readAllBytes(path, GoogleFormsReader.MAX_EXPORT_BYTES, "a Google Forms export");
        return new FormFile(group, path, CsvDocument.parse(path.toString(), bytes), titles, order);
    }

    /** @return an error builder placed at a field of a data row */
    SurveyFormatException.Builder at(int row, int column) {
        return SurveyFormatException.in(file).line(doc.line(row, column)).column(header(column));
    }

    /** @return an error builder placed at a header cell */
    SurveyFormatException.Builder atHeader(int column) {
        return SurveyFormatException.in(file).line(doc.headerLine(column)).column(header(column));
    }

    /** @return the header of a column as it may appear in messages and labels (trimmed, LF line ends, e-mails masked) */
    String header(int column) {
        String h = doc.header[column].replace("\r\n", "\n").replace('\r', '\n').strip();
        return PersonalData.mask(h.isEmpty() ? "column " + (column + 1) : h);
    }

    /**
     * Marks the column titled {@code title} (ignoring case and surrounding blanks) as an attribute, not an item.
     *
     * @return its index
     * @throws SurveyFormatException when the export has no such column
     */
    int attributeColumn(String title) {
        String want = title.strip();
        for (int c = 0; c < doc.header.length; c++) {
            if (doc.header[c].strip().equalsIgnoreCase(want)) {
                metadata[c] = true;
                return c;
            }
        }
        throw SurveyFormatException.in(file).line(doc.headerLine(0)).problem("no column titled \"" + want + "\"")
                .expected("the attribute column " + want + " in every export (group " + group + ")").build();
    }

    /** @return the columns that are not metadata, in file order */
    List<Integer> questionColumns() {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < metadata.length; c++) {
            if (!metadata[c]) {
                out.add(c);
            }
        }
        return out;
    }

    /** @return the cell of a data row */
    String cell(int row, int column) {
        return doc.rows.get(row).fields()[column];
    }

    /** @return the number of data rows */
    int rows() {
        return doc.rows.size();
    }

    private String firstNonEmpty(int column) {
        for (CsvDocument.Row row : doc.rows) {
            String v = row.fields()[column];
            if (!v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private void checkRowWidths() {
        int width = doc.header.length;
        for (int r = 0; r < doc.rows.size(); r++) {
            int n = doc.rows.get(r).fields().length;
            if (n < width) {
                throw SurveyFormatException.in(file).line(doc.line(r)).column(header(n))
                        .problem("the row ends after " + n + (n == 1 ? " field" : " fields"))
                        .expected(width + " fields, one per header").build();
            }
            if (n > width) {
                throw SurveyFormatException.in(file).line(doc.line(r, width)).column("column " + (width + 1))
                        .problem("the row has " + n + " fields but the header has " + width)
                        .expected(width + " fields, one per header").build();
            }
        }
    }
}
