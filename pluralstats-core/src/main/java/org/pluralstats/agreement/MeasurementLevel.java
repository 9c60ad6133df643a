package org.pluralstats.agreement;

import java.util.Locale;
import org.pluralstats.PluralstatsException;

/**
 * The level of measurement of ratings, which decides Krippendorff's difference function
 * {@code δ²(c, k)} (Krippendorff 2011, "Computing Krippendorff's alpha-reliability", section F).
 */
public enum MeasurementLevel {
    /** Categories without order: {@code δ² = 0} if {@code c = k}, else 1. */
    NOMINAL,
    /** Ordered categories: {@code δ² = (Σ_{g=c}^{k} n_g − (n_c + n_k)/2)²}, from the pairable-value frequencies. */
    ORDINAL,
    /** Numbers with a meaningful difference: {@code δ² = (c − k)²}. */
    INTERVAL,
    /** Non-negative numbers with a meaningful zero: {@code δ² = ((c − k)/(c + k))²} (0 when both are 0). */
    RATIO;

    /**
     * @param text nominal, ordinal, interval or ratio, in any case
     * @return the level
     * @throws PluralstatsException for anything else
     */
    public static MeasurementLevel parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "nominal" -> NOMINAL;
            case "ordinal" -> ORDINAL;
            case "interval" -> INTERVAL;
            case "ratio" -> RATIO;
            default -> throw new PluralstatsException("unknown level of measurement " + text
                    + "; expected nominal, ordinal, interval or ratio");
        };
    }

    /** @return the name in lower case, as the tables write it */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
