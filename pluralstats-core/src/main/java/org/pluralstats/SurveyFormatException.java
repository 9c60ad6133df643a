package org.pluralstats;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * An input file that cannot be read as what it claims to be: malformed, truncated, mislabelled or
 * hostile. The message names the file and the place (line and column for text formats, byte offset
 * and record for binary ones), what was found and what was expected.
 *
 * <p>Every part built from file contents (column, record, found, expected, problem) is shown through
 * {@link SafeText#forDisplay(String)}: e-mail addresses masked, control characters escaped, so one
 * error is one line and names no person. The file name is shown as given, with control characters
 * escaped.
 *
 * <p>Build one with {@link #in(String)}: {@code SurveyFormatException.in(file).line(12).column("Q3")
 * .found("abc").expected("an integer 1-10").build()}.
 */
public final class SurveyFormatException extends PluralstatsException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;
    private final long byteOffset;

    private SurveyFormatException(String message, String file, long line, String column, long byteOffset,
                                  Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.byteOffset = byteOffset;
    }

    /** @return the file (or source name) that could not be read */
    public String file() {
        return file;
    }

    /** @return the 1-based line (text formats), if known */
    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }

    /** @return the column header, variable name or 1-based column number, if known */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** @return the byte offset (binary formats), if known */
    public OptionalLong byteOffset() {
        return byteOffset >= 0 ? OptionalLong.of(byteOffset) : OptionalLong.empty();
    }

    /**
     * Starts an error about one input.
     *
     * @param file the file path or source name
     * @return a builder; add the place and what was found/expected, then {@link Builder#build()}
     */
    public static Builder in(String file) {
        return new Builder(file);
    }

    /** Collects the parts of a format error message. */
    public static final class Builder {
        private final String file;
        private long line = -1;
        private String column;
        private long byteOffset = -1;
        private String record;
        private String found;
        private String expected;
        private String problem;
        private Throwable cause;

        private Builder(String file) {
            this.file = file;
        }

        /** @param line 1-based line number @return this */
        public Builder line(long line) {
            this.line = line;
            return this;
        }

        /** @param column header, variable name or column number @return this */
        public Builder column(String column) {
            this.column = column;
            return this;
        }

        /** @param offset byte offset from the start of the file @return this */
        public Builder byteOffset(long offset) {
            this.byteOffset = offset;
            return this;
        }

        /** @param record the binary record type being read (e.g. "variable record (type 2)") @return this */
        public Builder record(String record) {
            this.record = record;
            return this;
        }

        /** @param found what the input held at that place @return this */
        public Builder found(String found) {
            this.found = found;
            return this;
        }

        /** @param expected what the format requires there @return this */
        public Builder expected(String expected) {
            this.expected = expected;
            return this;
        }

        /** @param problem a short statement of what is wrong, when found/expected do not say it @return this */
        public Builder problem(String problem) {
            this.problem = problem;
            return this;
        }

        /** @param cause the underlying exception @return this */
        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        /** @return the exception, with a message such as {@code data.csv, line 12, column "Q3": found "abc", expected an integer 1-10} */
        public SurveyFormatException build() {
            StringBuilder m = new StringBuilder(file == null ? "<input>" : file);
            if (line > 0) {
                m.append(", line ").append(line);
            }
            String shownColumn = SafeText.forDisplay(column);
            if (column != null) {
                m.append(", column \"").append(shownColumn).append('"');
            }
            if (byteOffset >= 0) {
                m.append(", byte offset ").append(byteOffset);
            }
            if (record != null) {
                m.append(", in ").append(SafeText.forDisplay(record));
            }
            m.append(':');
            if (problem != null) {
                m.append(' ').append(SafeText.forDisplay(problem));
            }
            if (found != null) {
                m.append(problem != null ? "; found " : " found ").append(quote(found));
            }
            if (expected != null) {
                m.append(problem != null || found != null ? ", expected " : " expected ").append(SafeText.forDisplay(expected));
            }
            return new SurveyFormatException(m.toString(), file, line, shownColumn, byteOffset, cause);
        }

        // Masked before it is shortened (a cut address would no longer be recognised), escaped after.
        private static String quote(String s) {
            String masked = SafeText.maskEmails(s);
            int cut = masked.offsetByCodePoints(0, Math.min(masked.codePointCount(0, masked.length()), 57));
            String shown = masked.codePointCount(0, masked.length()) > 60 ? masked.substring(0, cut) + "..." : masked;
            return '"' + SafeText.escapeControls(shown) + '"';
        }
    }
}
