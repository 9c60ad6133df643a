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
    JENSEN_SHANNON;

    /** @return {@code wasserstein} or {@code jsd} */
    public String jsonName() {
        return this == WASSERSTEIN ? "wasserstein" : "jsd";
    }

    /**
     * @param text {@code wasserstein} ({@code wd}, {@code emd}) or {@code jsd} ({@code jensen-shannon}, {@code js}), any case
     * @return the metric
     */
    public static SimilarityMetric parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "wasserstein", "wd", "emd" -> WASSERSTEIN;
            case "jsd", "js", "jensen-shannon", "jensenshannon", "jensen_shannon" -> JENSEN_SHANNON;
            default -> throw new PluralstatsException("unknown metric " + text + "; expected wasserstein or jsd");
        };
    }
}
