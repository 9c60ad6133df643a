package org.pluralstats.stats;

import java.util.Arrays;
import org.pluralstats.PluralstatsException;

/**
 * Holm's step-down adjustment of p-values for multiple comparisons (controls the family-wise error
 * rate under any dependence).
 *
 * <p>With the {@code m} p-values sorted ascending, {@code p_(1) <= … <= p_(m)}, the adjusted values are
 * <pre>
 *   p̃_(i) = min(1, max_{j &lt;= i} (m − j + 1) · p_(j))
 * </pre>
 * returned in the order of the input. Source: S. Holm, "A simple sequentially rejective multiple test
 * procedure", Scandinavian Journal of Statistics 6 (1979) 65–70. Equals R {@code p.adjust(p, "holm")}
 * and statsmodels {@code multipletests(p, method='holm')[1]}. A hypothesis is rejected at family-wise
 * level {@code α} when its adjusted p-value is {@code <= α}.
 */
public final class Holm {
    private Holm() {
    }

    /**
     * Adjusts p-values by Holm's method (formula in the class comment).
     *
     * @param pValues p-values in [0, 1], any order; may be empty
     * @return the adjusted p-values, in the order of the input
     * @throws PluralstatsException if a p-value is {@code NaN} or outside [0, 1]
     */
    public static double[] adjust(double... pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            double p = pValues[i];
            if (!(p >= 0 && p <= 1)) {
                throw new PluralstatsException("p-value at index " + i + " is " + p + ", not in [0, 1]");
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, (m - rank) * pValues[i]);
            adjusted[i] = Math.min(1.0, running);
        }
        return adjusted;
    }
}
