package org.pluralstats.align;

import java.util.Locale;
import org.pluralstats.PluralstatsException;
import org.pluralstats.stats.JensenShannonDistance;
import org.pluralstats.stats.KullbackLeibler;
import org.pluralstats.stats.TotalVariation;
import org.pluralstats.stats.WassersteinDistance;

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
    TOTAL_VARIATION,
    /**
     * {@code KL(h ‖ m)}, the Kullback–Leibler divergence of the model's shares from the population's, a
     * divergence (0 for equal distributions, lower is closer, infinite when the model gives no
     * probability to an option people chose; {@link org.pluralstats.stats.KullbackLeibler}). Only in
     * {@link DistributionalAlignment}, whose score is the divergence itself.
     */
    KULLBACK_LEIBLER;

    /** @return whether the score is a similarity (higher is closer) rather than a divergence */
    public boolean isSimilarity() {
        return this != KULLBACK_LEIBLER;
    }

    /**
     * The distance and the score of a model distribution {@code m} against a human one {@code h} over the
     * same options.
     *
     * @param ordinals the options' ordinal positions (Wasserstein)
     * @param h the human counts or shares (positive total)
     * @param m the model's (positive total)
     * @param logBase the logarithm base of Jensen–Shannon and Kullback–Leibler
     * @return {@code {distance, score}}: W₁ and {@code 1 − W₁/(max o − min o)}; JS and {@code 1 − JS};
     *     TV and {@code 1 − TV}; KL and KL
     */
    double[] measure(double[] ordinals, double[] h, double[] m, double logBase) {
        return switch (this) {
            case WASSERSTEIN -> new double[] {WassersteinDistance.between(ordinals, h, ordinals, m),
                    WassersteinDistance.ordinalSimilarity(ordinals, h, m)};
            case JENSEN_SHANNON -> oneMinus(JensenShannonDistance.of(h, m, logBase));
            case TOTAL_VARIATION -> oneMinus(TotalVariation.of(h, m));
            case KULLBACK_LEIBLER -> {
                double kl = KullbackLeibler.of(h, m, logBase);
                yield new double[] {kl, kl};
            }
        };
    }

    private static double[] oneMinus(double distance) {
        return new double[] {distance, 1 - distance};
    }

    /** @return {@code wasserstein}, {@code jsd} or {@code tv} */
    public String jsonName() {
        return switch (this) {
            case WASSERSTEIN -> "wasserstein";
            case JENSEN_SHANNON -> "jsd";
            case TOTAL_VARIATION -> "tv";
            case KULLBACK_LEIBLER -> "kl";
        };
    }

    /**
     * @param text {@code wasserstein} ({@code wd}, {@code emd}), {@code jsd} ({@code jensen-shannon}, {@code js}),
     *     {@code tv} ({@code total-variation}) or {@code kl} ({@code kullback-leibler}), any case
     * @return the metric
     */
    public static SimilarityMetric parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "wasserstein", "wd", "emd" -> WASSERSTEIN;
            case "jsd", "js", "jensen-shannon", "jensenshannon", "jensen_shannon" -> JENSEN_SHANNON;
            case "tv", "total-variation", "total_variation", "totalvariation" -> TOTAL_VARIATION;
            case "kl", "kld", "kullback-leibler", "kullback_leibler" -> KULLBACK_LEIBLER;
            default -> throw new PluralstatsException("unknown metric " + text + "; expected wasserstein, jsd, tv or kl");
        };
    }
}
