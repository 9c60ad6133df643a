package org.pluralstats.align;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.TextFiles;

/**
 * Which language is native to which country: the "local" populations of a prompt language for the
 * US-centric bias comparison (seed paper 003, §3.3). Country codes are kept as written; language codes
 * are lower-cased. Immutable.
 *
 * <p>{@link #read(Path)} takes a CSV with a country column ({@code cntry_an}, {@code country} or
 * {@code population}) and a language column ({@code lnge_iso} or {@code language}), header names
 * matched ignoring case: the paper's {@code country_languages.csv}, or its
 * {@code ground_truth_every_country.csv} (one row per country and item; the pairs repeat). A country
 * given two different languages is an error.
 */
public final class CountryLanguages {
    private final Map<String, String> languageOf;

    private CountryLanguages(Map<String, String> languageOf) {
        this.languageOf = Collections.unmodifiableMap(new LinkedHashMap<>(languageOf));
    }

    /**
     * @param countryToLanguage country → language
     * @return the table
     */
    public static CountryLanguages of(Map<String, String> countryToLanguage) {
        Map<String, String> m = new LinkedHashMap<>();
        countryToLanguage.forEach((c, l) -> m.put(c.strip(), Generation.normaliseLanguage(l)));
        return new CountryLanguages(m);
    }

    /**
     * @param file a CSV file (see the class comment)
     * @return the table
     */
    public static CountryLanguages read(Path file) {
        String name = file.toString();
        String text = TextFiles.readUtf8(file);
        Map<String, String> m = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        try (Reader r = new java.io.StringReader(text); CSVParser p = CSVParser.parse(r, format)) {
            Map<String, Integer> col = new HashMap<>();
            List<String> names = p.getHeaderNames();
            for (int i = 0; i < names.size(); i++) {
                col.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            int country = first(col, "cntry_an", "country", "population");
            int language = first(col, "lnge_iso", "language");
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
        return new CountryLanguages(m);
    }

    private static int first(Map<String, Integer> col, String... names) {
        for (String n : names) {
            if (col.containsKey(n)) {
                return col.get(n);
            }
        }
        return -1;
    }

    /**
     * @param language a language code (any case)
     * @return the countries where it is native, in table order
     */
    public List<String> countries(String language) {
        String l = Generation.normaliseLanguage(language);
        List<String> out = new ArrayList<>();
        languageOf.forEach((c, lang) -> {
            if (lang.equals(l)) {
                out.add(c);
            }
        });
        return out;
    }

    /**
     * @param country a country code
     * @return its language, if the table has the country
     */
    public Optional<String> language(String country) {
        return Optional.ofNullable(languageOf.get(country.strip()));
    }

    /** @return country → language, in table order */
    public Map<String, String> asMap() {
        return languageOf;
    }
}
