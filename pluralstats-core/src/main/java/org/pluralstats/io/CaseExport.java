package org.pluralstats.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.pluralstats.data.ShortestDecimal;

/**
 * Writes the cases of a data file as CSV or JSON Lines, for {@code pluralstats convert}.
 *
 * <p>CSV: a header of the variable names in file order, then one line per case; numbers in shortest
 * round-trip decimal form; strings as stored with trailing padding removed, quoted (RFC 4180) when
 * they contain a comma, quote or line break, and — unless asked for raw values — with a single quote
 * in front when a spreadsheet would run them as a formula ({@link CsvOutput}). Missing values are empty cells: system-missing, SPSS
 * user-missing values and Stata {@code .}/{@code .a}-{@code .z}. With {@code keepMissingCodes}, SPSS
 * user-missing values are written as their codes and Stata extended missing values as {@code .a}-{@code .z};
 * system-missing stays empty. JSON Lines: one object per case, missing as {@code null} (or the code,
 * as above); an infinite value (which JSON cannot hold) as {@code null} too ({@link Json}).
 */
public final class CaseExport {
    private CaseExport() {
    }

    /**
     * @param reader an open reader before its first case
     * @param out where the CSV goes
     * @param keepMissingCodes write user-missing codes instead of empty cells
     * @return the number of cases written
     */
    public static long toCsv(CaseReader reader, Writer out, boolean keepMissingCodes) {
        return toCsv(reader, out, keepMissingCodes, true);
    }

    /**
     * @param reader an open reader before its first case
     * @param out where the CSV goes
     * @param keepMissingCodes write user-missing codes instead of empty cells
     * @param neutralise whether texts (names and string values) that a spreadsheet would run as a
     *     formula get a leading single quote ({@link CsvOutput}); {@code false} writes every value exactly
     * @return the number of cases written
     */
    public static long toCsv(CaseReader reader, Writer out, boolean keepMissingCodes, boolean neutralise) {
        List<Variable> vars = reader.dictionary().variables();
        try {
            StringBuilder line = new StringBuilder(256);
            for (int i = 0; i < vars.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                CsvOutput.append(line, vars.get(i).name(), neutralise);
            }
            out.write(line.append('\n').toString());
            long n = 0;
            while (reader.next()) {
                line.setLength(0);
                for (int i = 0; i < vars.size(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    Variable v = vars.get(i);
                    if (v.isNumeric()) {
                        String s = numberText(reader, v, keepMissingCodes);
                        if (s != null) {
                            line.append(s);
                        }
                    } else {
                        String s = reader.string(i);
                        if (keepMissingCodes || !v.missing().isMissing(s)) {
                            CsvOutput.append(line, s, neutralise);
                        }
                    }
                }
                out.write(line.append('\n').toString());
                n++;
            }
            out.flush();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param reader an open reader before its first case
     * @param out where the JSON Lines go (UTF-8)
     * @param keepMissingCodes write user-missing codes instead of null
     * @return the number of cases written
     */
    public static long toJsonLines(CaseReader reader, OutputStream out, boolean keepMissingCodes) {
        List<Variable> vars = reader.dictionary().variables();
        try (JsonGenerator g = Json.finite(new JsonFactory().setRootValueSeparator(null).createGenerator(out))) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            long n = 0;
            while (reader.next()) {
                g.writeStartObject();
                for (int i = 0; i < vars.size(); i++) {
                    Variable v = vars.get(i);
                    g.writeFieldName(v.name());
                    if (v.isNumeric()) {
                        double x = reader.number(i);
                        char tag = reader.missingTag(i);
                        if (!Double.isNaN(x) && (keepMissingCodes || !v.missing().isMissing(x))) {
                            g.writeNumber(ShortestDecimal.format(x));
                        } else if (keepMissingCodes && tag >= 'a' && tag <= 'z') {
                            g.writeString("." + tag);
                        } else {
                            g.writeNull();
                        }
                    } else {
                        String s = reader.string(i);
                        if (keepMissingCodes || !v.missing().isMissing(s)) {
                            g.writeString(s);
                        } else {
                            g.writeNull();
                        }
                    }
                }
                g.writeEndObject();
                g.writeRaw('\n');
                n++;
            }
            g.flush();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String numberText(CaseReader reader, Variable v, boolean keepMissingCodes) {
        int i = v.index();
        double x = reader.number(i);
        if (Double.isNaN(x)) {
            char tag = reader.missingTag(i);
            return keepMissingCodes && tag >= 'a' && tag <= 'z' ? "." + tag : null;
        }
        if (!keepMissingCodes && v.missing().isMissing(x)) {
            return null;
        }
        return ShortestDecimal.format(x);
    }
}
