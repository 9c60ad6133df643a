package org.pluralstats.io.sidefile;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.align.CountryLanguages;
import org.pluralstats.align.Generation;
import org.pluralstats.io.TextFiles;

/** Reads a country → language table ({@link CountryLanguages}) from CSV. */
public final class CountryLanguageFiles {
    private CountryLanguageFiles() {
    }

    /**
     * @param file a CSV file (see {@link CountryLanguages})
     * @return the table
     */
    public static CountryLanguages read(Path file) {
        String name = file.toString();
        String text = TextFiles.readUtf8(file);
        Map<String, String> m = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        try (Reader r = new java.io.StringReader(text); CSVParser p = CSVParser.parse(r, format)) {
            List<String> names = p.getHeaderNames();
            Map<String, Integer> col = OptionDistributionFiles.header(names);
            int country = OptionDistributionFiles.first(col, "cntry_an", "country", "population");
            int language = OptionDistributionFiles.first(col, "lnge_iso", "language");
            if (country < 0 || language < 0) {
                throw SurveyFormatException.in(name).line(1).found(String.join(",", names))
                        .expected("a country column (cntry_an, country) and a language column (lnge_iso, language)").build();
            }
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber() + 1;
                if (rec.size() != names.size()) {
                    throw SurveyFormatException.in(name).line(line).found(rec.size() + " fields")
                            .expected(names.size() + " as in the header").build();
                }
                String c = rec.get(country).strip();
                String l = Generation.normaliseLanguage(rec.get(language));
                if (c.isEmpty() || l.isEmpty()) {
                    throw SurveyFormatException.in(name).line(line).problem("empty country or language").build();
                }
                String prev = m.putIfAbsent(c, l);
                if (prev != null && !prev.equals(l)) {
                    throw SurveyFormatException.in(name).line(line).problem("country " + c + " has two languages, "
                            + prev + " and " + l).build();
                }
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw SurveyFormatException.in(name).problem("not a CSV file: " + e.getMessage()).cause(e).build();
        }
        if (m.isEmpty()) {
            throw SurveyFormatException.in(name).problem("no countries").build();
        }
        return CountryLanguages.of(m);
    }

}
