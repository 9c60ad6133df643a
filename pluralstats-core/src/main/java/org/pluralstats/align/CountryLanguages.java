package org.pluralstats.align;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which language is native to which country: the "local" populations of a prompt language for the
 * US-centric bias comparison (seed paper 003, §3.3). Country codes are kept as written; language codes
 * are lower-cased. Immutable.
 *
 * <p>{@code io.sidefile.CountryLanguageFiles} reads a CSV with a country column ({@code cntry_an}, {@code country} or
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
