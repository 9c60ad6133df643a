package org.pluralstats.weight;

import org.pluralstats.stats.Correlation;
import org.pluralstats.stats.Ranks;

/**
 * How two score vectors are correlated. The arithmetic lives in {@link Correlation} (stats), shared
 * with the alignment package.
 */
public enum CorrelationMethod {
    /** Pearson's product-moment correlation. */
    PEARSON,
    /** Spearman's rank correlation: Pearson's on average ranks (ties share the mean of their ranks), as R's {@code cor(method = "spearman")}. */
    SPEARMAN;

    /**
     * @param x first vector
     * @param y second vector, same length
     * @return the correlation; NaN for fewer than two pairs or a constant vector
     */
    public double correlate(double[] x, double[] y) {
        return asStatsMethod().coefficient(x, y);
    }

    /** @return the same method in {@link Correlation} */
    public Correlation.Method asStatsMethod() {
        return this == PEARSON ? Correlation.Method.PEARSON : Correlation.Method.SPEARMAN;
    }

    /** @return the lower-case name used in files ({@code pearson}, {@code spearman}) */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Pearson's coefficient ({@link Correlation#pearsonCoefficient}); NaN when undefined. */
    static double pearson(double[] x, double[] y) {
        return Correlation.pearsonCoefficient(x, y);
    }

    /** Average ranks (1-based), ties sharing the mean of the ranks they span ({@link Ranks}). */
    static double[] averageRanks(double[] x) {
        return Ranks.of(x).ranks();
    }
}
