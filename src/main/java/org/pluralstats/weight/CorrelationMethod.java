package org.pluralstats.weight;

import org.pluralstats.stats.CompensatedSum;
/** How two score vectors are correlated. */
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
        return this == PEARSON ? pearson(x, y) : pearson(averageRanks(x), averageRanks(y));
    }

    /** @return the lower-case name used in files ({@code pearson}, {@code spearman}) */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        CompensatedSum sx = CompensatedSum.create();
        CompensatedSum sy = CompensatedSum.create();
        for (int i = 0; i < n; i++) {
            sx.accept(x[i]);
            sy.accept(y[i]);
        }
        double mx = sx.getAsDouble() / n;
        double my = sy.getAsDouble() / n;
        CompensatedSum sxy = CompensatedSum.create();
        CompensatedSum sxx = CompensatedSum.create();
        CompensatedSum syy = CompensatedSum.create();
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy.accept(dx * dy);
            sxx.accept(dx * dx);
            syy.accept(dy * dy);
        }
        double den = Math.sqrt(sxx.getAsDouble()) * Math.sqrt(syy.getAsDouble());
        if (den == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy.getAsDouble() / den));
    }

    /** Average ranks (1-based), ties sharing the mean of the ranks they span. */
    static double[] averageRanks(double[] x) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double r = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = r;
            }
            i = j + 1;
        }
        return ranks;
    }
}
