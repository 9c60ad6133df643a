package org.pluralstats.weight;

import java.util.ArrayList;
import java.util.List;
import org.pluralstats.stats.Correlation;

/**
 * Cross-population correlations of value polarity score vectors (the seed paper's Figure 2: Pearson
 * correlations between countries): for every ordered pair of populations, the correlation over the
 * items both have a defined score for.
 */
public final class ScoreCorrelations {
    private ScoreCorrelations() {
    }

    /**
     * @param table scores of populations × items
     * @param method Pearson or Spearman
     * @return the correlations, one per ordered pair (a, b), a outer, in the table's population order, diagonal included
     */
    public static PopulationCorrelations of(ScoreTable table, Correlation.Method method) {
        List<String> pops = table.populations();
        List<double[]> vectors = new ArrayList<>();
        for (String p : pops) {
            vectors.add(table.vector(p));
        }
        List<PopulationCorrelation> out = new ArrayList<>();
        for (int i = 0; i < pops.size(); i++) {
            for (int j = 0; j < pops.size(); j++) {
                out.add(pair(pops.get(i), pops.get(j), vectors.get(i), vectors.get(j), method));
            }
        }
        return new PopulationCorrelations(method, out);
    }

    /**
     * @param a first population's name
     * @param b second population's name
     * @param x first score vector
     * @param y second, aligned with the first; NaN entries are left out pairwise
     * @param method the method
     * @return their correlation over the shared items
     */
    public static PopulationCorrelation pair(String a, String b, double[] x, double[] y, Correlation.Method method) {
        int n = 0;
        for (int k = 0; k < x.length; k++) {
            if (!Double.isNaN(x[k]) && !Double.isNaN(y[k])) {
                n++;
            }
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        int m = 0;
        for (int k = 0; k < x.length; k++) {
            if (!Double.isNaN(x[k]) && !Double.isNaN(y[k])) {
                xs[m] = x[k];
                ys[m++] = y[k];
            }
        }
        return new PopulationCorrelation(a, b, method, n, method.coefficient(xs, ys));
    }
}
