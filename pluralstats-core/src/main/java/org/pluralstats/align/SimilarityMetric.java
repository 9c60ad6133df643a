package org.pluralstats.align;

import java.util.Locale;
import org.pluralstats.PluralstatsException;

/** How two option distributions are compared ({@link DistributionSimilarity}). */
public enum SimilarityMetric {
    /**
     * {@code 1 − W₁(h, m) / (max ordinal − min ordinal)}, the Wasserstein similarity of OpinionQA and
     * seed paper 002 ({@link org.pluralstats.stats.WassersteinDistance#ordinalSimilarity}).
     */
    WASSERSTEIN,
    /**
     * {@code 1 − JS(h, m)}, one minus the Jensen–Shannon distance, base 2 by default (seed paper 001;
     * {@link org.pluralstats.stats.JensenShannonDistance}).
     */
    JENSEN_SHANNON,
    /**
     * {@code 1 − TV(h, m)}, one minus the total variation distance {@code TV = ½ Σ |h_i − m_i|} of the
     * two distributions normalised to shares (the largest difference in the probability of any set of
     * options; issue 13's metric list; {@link org.pluralstats.stats.TotalVariation}).
     */
    TOTAL_VARIATION;

    /** @return {@code wasserstein}, {@code jsd} or {@code tv} */
    public String jsonName() {
        return switch (this) {
            case WASSERSTEIN -> "wasserstein";
            case JENSEN_SHANNON -> "jsd";
            case TOTAL_VARIATION -> "tv";
        };
    }

    /**
     * @param text {@code wasserstein} ({@code wd}, {@code emd}), {@code jsd} ({@code jensen-shannon}, {@code js})
     *     or {@code tv} ({@code total-variation}), any case
     * @return the metric
     */
    public static SimilarityMetric parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "wasserstein", "wd", "emd" -> WASSERSTEIN;
            case "jsd", "js", "jensen-shannon", "jensenshannon", "jensen_shannon" -> JENSEN_SHANNON;
            case "tv", "total-variation", "total_variation", "totalvariation" -> TOTAL_VARIATION;
            default -> throw new PluralstatsException("unknown metric " + text + "; expected wasserstein, jsd or tv");
        };
    }
}
