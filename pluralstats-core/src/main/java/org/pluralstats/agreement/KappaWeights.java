package org.pluralstats.agreement;

import java.util.Locale;
import org.pluralstats.PluralstatsException;

/**
 * Disagreement weights of Cohen's kappa over {@code k} ordered categories with ranks {@code 0 … k−1}
 * (statsmodels {@code cohens_kappa(table, wt=…)} with {@code weights=None}): the categories' ranks, not
 * their values, so 1, 2, 4 are equally spaced.
 */
public enum KappaWeights {
    /** Unweighted kappa: every disagreement counts fully. */
    NONE,
    /** {@code w_ij = |i − j| / (k − 1)} (Cicchetti–Allison). */
    LINEAR,
    /** {@code w_ij = (i − j)² / (k − 1)²} (Fleiss–Cohen). */
    QUADRATIC;

    /**
     * @param text none, linear or quadratic, in any case
     * @return the weights
     * @throws PluralstatsException for anything else
     */
    public static KappaWeights parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "none", "unweighted" -> NONE;
            case "linear" -> LINEAR;
            case "quadratic" -> QUADRATIC;
            default -> throw new PluralstatsException("unknown kappa weights " + text + "; expected none, linear or quadratic");
        };
    }

    /** @return the name in lower case, as the tables write it */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
