package org.pluralstats.agreement;

import java.util.Arrays;
import org.pluralstats.PluralstatsException;

/** Checks and small helpers over a units × raters matrix of ratings, {@code NaN} for missing. */
final class RatingMatrix {
    private RatingMatrix() {
    }

    /**
     * @param ratings units × raters
     * @return the number of raters
     * @throws PluralstatsException for no raters, rows of different lengths, or an infinite rating
     */
    static int raters(double[][] ratings) {
        if (ratings.length == 0) {
            return 0;
        }
        int r = ratings[0].length;
        for (int u = 0; u < ratings.length; u++) {
            if (ratings[u].length != r) {
                throw new PluralstatsException("ratings: unit " + (u + 1) + " has " + ratings[u].length
                        + " raters, unit 1 has " + r + " (use NaN for a missing rating)");
            }
            for (double v : ratings[u]) {
                if (Double.isInfinite(v)) {
                    throw new PluralstatsException("ratings: unit " + (u + 1) + " has an infinite rating");
                }
            }
        }
        return r;
    }

    /** @return the ratings of one unit that are present, in rater order */
    static double[] present(double[] unit) {
        double[] v = new double[unit.length];
        int m = 0;
        for (double x : unit) {
            if (!Double.isNaN(x)) {
                v[m++] = x + 0.0; // -0.0 and 0.0 are one value
            }
        }
        return Arrays.copyOf(v, m);
    }

    /** @return the distinct values of {@code values}, sorted */
    static double[] distinct(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int k = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == 0 || s[i] != s[k - 1]) {
                s[k++] = s[i];
            }
        }
        return Arrays.copyOf(s, k);
    }
}
