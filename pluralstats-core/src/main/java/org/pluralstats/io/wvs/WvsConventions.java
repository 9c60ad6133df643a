package org.pluralstats.io.wvs;

import java.util.List;
import java.util.Optional;
import org.pluralstats.data.MissingReason;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.Variable;

/**
 * The naming conventions of a WVS/EVS release, recognised from a file's variable names
 * (case-insensitively: releases differ in case).
 *
 * <ul>
 *   <li>WVS Wave 7 ({@code WVS_Cross-National_Wave_7}): {@code B_COUNTRY} (ISO 3166 numeric),
 *       {@code B_COUNTRY_ALPHA}, {@code D_INTERVIEW}, {@code W_WEIGHT}, {@code S018},
 *       {@code S_INTLANGUAGE}, {@code LNGE_ISO}, items {@code Q1}-{@code Q290}; default weight
 *       {@code W_WEIGHT}.</li>
 *   <li>Joint EVS/WVS 2017-2022 ({@code EVS_WVS_Joint}): {@code cntry}, {@code cntry_AN},
 *       {@code uniqid}, {@code gwght}, {@code pwght}, {@code lnge_iso}, items such as {@code F120},
 *       {@code E069_02}; default weight {@code gwght*pwght} (as in the released code of seed 003).</li>
 * </ul>
 *
 * <p>The interview language is taken from the ISO 639 column ({@code LNGE_ISO}, {@code lnge_iso})
 * when it holds text: in the official Wave 7 file {@code S_INTLANGUAGE} is a numeric code with value
 * labels, so populations "by language" from it would be numeric codes. Without a text ISO column, a
 * text {@code S_INTLANGUAGE} is used, and only then a numeric one (its codes, with the note saying so);
 * {@link #languageNote(FileDictionary)} says which column was taken and why.
 *
 * @param release which release the names match
 * @param countryVariable the variable with the country code to group by (alpha code preferred)
 * @param languageVariable the interview-language variable
 * @param idVariable the respondent id variable
 * @param defaultWeight the variables whose product is the default weight (empty: unweighted)
 */
public record WvsConventions(Release release, Optional<String> countryVariable, Optional<String> languageVariable,
                             Optional<String> idVariable, List<String> defaultWeight) {

    /** A WVS/EVS data release recognised by its variable names. */
    public enum Release {
        /** WVS Wave 7 cross-national file. */
        WVS_WAVE7,
        /** The joint EVS/WVS 2017-2022 file. */
        EVS_WVS_JOINT,
        /** Not a recognised release: no conventions apply. */
        NONE
    }

    /** Copies the weight list. */
    public WvsConventions {
        defaultWeight = List.copyOf(defaultWeight);
    }

    /**
     * Recognises the release from the file's variable names: Wave 7 when {@code B_COUNTRY} or
     * {@code B_COUNTRY_ALPHA} and {@code W_WEIGHT} are present; joint when {@code cntry} or
     * {@code cntry_AN} and {@code gwght} or {@code uniqid} are present.
     *
     * @param dictionary the file's dictionary
     * @return the conventions, with {@link Release#NONE} when neither matches
     */
    public static WvsConventions detect(FileDictionary dictionary) {
        boolean w7 = (has(dictionary, "B_COUNTRY_ALPHA") || has(dictionary, "B_COUNTRY"))
                && has(dictionary, "W_WEIGHT");
        if (w7) {
            return new WvsConventions(Release.WVS_WAVE7,
                    first(dictionary, "B_COUNTRY_ALPHA", "B_COUNTRY"),
                    language(dictionary),
                    first(dictionary, "D_INTERVIEW"),
                    first(dictionary, "W_WEIGHT").map(List::of).orElse(List.of()));
        }
        boolean joint = (has(dictionary, "cntry_AN") || has(dictionary, "cntry"))
                && (has(dictionary, "gwght") || has(dictionary, "uniqid"));
        if (joint) {
            List<String> w = has(dictionary, "gwght") && has(dictionary, "pwght")
                    ? List.of(name(dictionary, "gwght"), name(dictionary, "pwght"))
                    : first(dictionary, "gwght").map(List::of).orElse(List.of());
            return new WvsConventions(Release.EVS_WVS_JOINT,
                    first(dictionary, "cntry_AN", "cntry"),
                    language(dictionary),
                    first(dictionary, "uniqid"),
                    w);
        }
        return none();
    }

    /** The interview-language columns of the releases, in order of preference among equals. */
    private static final List<String> LANGUAGE_COLUMNS = List.of("LNGE_ISO", "S_INTLANGUAGE");

    /**
     * The interview-language column: the first of {@code LNGE_ISO}, {@code S_INTLANGUAGE} (names
     * matched case-insensitively) that holds text, else the first that is present.
     */
    private static Optional<String> language(FileDictionary d) {
        for (String n : LANGUAGE_COLUMNS) {
            Optional<Variable> v = d.find(n);
            if (v.isPresent() && !v.get().isNumeric()) {
                return Optional.of(v.get().name());
            }
        }
        return first(d, LANGUAGE_COLUMNS.toArray(String[]::new));
    }

    /**
     * Says which column the interview language is taken from, and why, for the output of a command
     * ("interview language: LNGE_ISO (ISO 639 codes); S_INTLANGUAGE holds numeric codes with value
     * labels and is not used").
     *
     * @param dictionary the file's dictionary (the one these conventions were detected from)
     * @return the note, or empty when there is no language column
     */
    public Optional<String> languageNote(FileDictionary dictionary) {
        if (languageVariable.isEmpty()) {
            return Optional.empty();
        }
        Variable used = dictionary.find(languageVariable.get()).orElseThrow();
        StringBuilder b = new StringBuilder("interview language: ").append(used.name());
        if (used.isNumeric()) {
            b.append(" (numeric codes");
            if (!used.valueLabels().isEmpty()) {
                b.append(" with ").append(used.valueLabels().size()).append(" value labels");
            }
            b.append("; the file has no text language column, so populations by language are these codes)");
        } else {
            b.append(used.name().equalsIgnoreCase("LNGE_ISO") ? " (ISO 639 codes)" : " (text)");
        }
        for (String n : LANGUAGE_COLUMNS) {
            Optional<Variable> other = dictionary.find(n);
            if (other.isPresent() && other.get().index() != used.index()) {
                Variable o = other.get();
                b.append("; ").append(o.name()).append(o.isNumeric() ? " holds numeric codes"
                        + (o.valueLabels().isEmpty() ? "" : " with value labels") : " holds text").append(" and is not used");
            }
        }
        return Optional.of(b.toString());
    }

    /** The population-column alias for the interview-language variable of the conventions. */
    public static final String LANGUAGE = "language";
    /** The population-column alias for the country variable of the conventions. */
    public static final String COUNTRY = "country";

    /**
     * Resolves a population column: {@value #LANGUAGE} and {@value #COUNTRY} (any case), when the file has
     * no variable of that name, stand for the conventions' language and country variables.
     *
     * @param dictionary the file's dictionary
     * @param by the column named by the user
     * @return the variable name to group by; {@code by} itself when it is not an alias
     * @throws org.pluralstats.PluralstatsException when an alias names a variable these conventions lack
     */
    public static String populationColumn(FileDictionary dictionary, String by) {
        boolean language = by.equalsIgnoreCase(LANGUAGE);
        if (!language && !by.equalsIgnoreCase(COUNTRY) || dictionary.find(by).isPresent()) {
            return by;
        }
        WvsConventions c = detect(dictionary);
        return (language ? c.languageVariable() : c.countryVariable()).orElseThrow(() ->
                new org.pluralstats.PluralstatsException(dictionary.file() + ": no " + (language
                        ? "interview-language variable (LNGE_ISO, S_INTLANGUAGE, lnge_iso)"
                        : "country variable (B_COUNTRY_ALPHA, B_COUNTRY, cntry_AN, cntry)")
                        + " of a WVS/EVS release; name the population column"));
    }

    /**
     * @param name a variable name
     * @return whether it is one of the interview-language columns of the releases (LNGE_ISO,
     *     S_INTLANGUAGE, in any case)
     */
    public static boolean isLanguageColumn(String name) {
        return LANGUAGE_COLUMNS.stream().anyMatch(name::equalsIgnoreCase);
    }

    /** @return conventions that recognise nothing */
    public static WvsConventions none() {
        return new WvsConventions(Release.NONE, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** @return whether a WVS/EVS release was recognised */
    public boolean applies() {
        return release != Release.NONE;
    }

    /**
     * The missing reason of a WVS/EVS code: -1 don't know, -2 no answer, -3 not applicable,
     * -4 not asked, -5 missing/unknown; other codes are answers. Only meaningful when
     * {@link #applies()}.
     *
     * @param code a cell value
     * @return the reason, or empty for an answer
     */
    public Optional<MissingReason> missingReason(double code) {
        return applies() ? MissingReason.ofWvsCode(code) : Optional.empty();
    }

    private static boolean has(FileDictionary d, String name) {
        return d.find(name).isPresent();
    }

    private static String name(FileDictionary d, String name) {
        return d.find(name).map(Variable::name).orElseThrow();
    }

    private static Optional<String> first(FileDictionary d, String... names) {
        for (String n : names) {
            Optional<Variable> v = d.find(n);
            if (v.isPresent()) {
                return Optional.of(v.get().name());
            }
        }
        return Optional.empty();
    }
}
