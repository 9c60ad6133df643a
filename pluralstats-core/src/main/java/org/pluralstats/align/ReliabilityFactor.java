package org.pluralstats.align;

import java.util.Objects;
import org.pluralstats.PluralstatsException;
import org.pluralstats.table.ResultTable;

/**
 * The reliability factor model self-consistency is divided by (the correction for attenuation, seed
 * paper 003 §3.2), with where it came from, as the tables' metadata state it: {@code reliability:
 * 0.955 (default: …)}, {@code 0.9 (given)}, or {@code 1 − MAE} of an annotation file
 * ({@link org.pluralstats.agreement.JudgeReliability}).
 *
 * @param value the factor, in (0, 1]
 * @param source where it came from, for people
 */
public record ReliabilityFactor(double value, String source) {
    /** The source of {@link ModelSelfConsistency#DEFAULT_RELIABILITY}. */
    public static final String DEFAULT_SOURCE = "default: 1 - the 4.5% mean absolute error of seed paper 003's judge, sec. 2.2";

    /** Checks the value. */
    public ReliabilityFactor {
        Objects.requireNonNull(source, "source");
        if (!(value > 0 && value <= 1)) {
            throw new PluralstatsException("the reliability factor must lie in (0, 1], not " + value);
        }
    }

    /**
     * @param value a factor in (0, 1]
     * @return the factor, its source {@link #DEFAULT_SOURCE} when it is 0.955, else {@code given}
     */
    public static ReliabilityFactor of(double value) {
        return new ReliabilityFactor(value, value == ModelSelfConsistency.DEFAULT_RELIABILITY ? DEFAULT_SOURCE : "given");
    }

    /** @return {@code value (source)}, the metadata's text */
    public String describe() {
        return value + " (" + source + ")";
    }

    ResultTable.Builder describe(ResultTable.Builder t) {
        return t.meta("reliability", describe());
    }
}
