package org.pluralstats.report;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Languages' own names (endonyms) for labels: a group read with a codebook language {@code fa} is
 * shown as "Farsi · فارسی". A fixed table, so labels do not depend on the JDK's locale data.
 */
public final class LanguageNames {
    private static final Map<String, String> ENDONYMS = Map.ofEntries(
            Map.entry("ar", "العربية"), Map.entry("fa", "فارسی"), Map.entry("zh", "中文"), Map.entry("en", "English"),
            Map.entry("de", "Deutsch"), Map.entry("es", "Español"), Map.entry("fr", "Français"),
            Map.entry("da", "Dansk"), Map.entry("nl", "Nederlands"), Map.entry("pt", "Português"),
            Map.entry("ru", "Русский"), Map.entry("ja", "日本語"), Map.entry("ko", "한국어"), Map.entry("tr", "Türkçe"),
            Map.entry("hi", "हिन्दी"), Map.entry("he", "עברית"), Map.entry("ur", "اردو"), Map.entry("it", "Italiano"),
            Map.entry("pl", "Polski"), Map.entry("sv", "Svenska"), Map.entry("id", "Bahasa Indonesia"),
            Map.entry("sw", "Kiswahili"), Map.entry("yo", "Yorùbá"), Map.entry("ha", "Hausa"), Map.entry("el", "Ελληνικά"));

    private LanguageNames() {
    }

    /**
     * @param code an ISO 639-1 code ({@code fa}, {@code zh-CN}: the part before '-' or '_' is used)
     * @return the language's own name, if known
     */
    public static Optional<String> endonym(String code) {
        String c = code.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return Optional.ofNullable(ENDONYMS.get(c));
    }

    /**
     * @param name a group's name ({@code Farsi})
     * @param code its language code, if known
     * @return {@code "Farsi · فارسی"}, or the name alone when the language is unknown or its own name
     *     is the same ({@code English})
     */
    public static String label(String name, Optional<String> code) {
        Optional<String> own = code.flatMap(LanguageNames::endonym);
        if (own.isEmpty() || own.get().equalsIgnoreCase(name)) {
            return name;
        }
        return name + " · " + own.get();
    }
}
