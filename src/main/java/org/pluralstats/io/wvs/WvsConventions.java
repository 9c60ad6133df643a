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
                    first(dictionary, "S_INTLANGUAGE", "LNGE_ISO"),
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
                    first(dictionary, "lnge_iso", "S_INTLANGUAGE"),
                    first(dictionary, "uniqid"),
                    w);
        }
        return none();
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
