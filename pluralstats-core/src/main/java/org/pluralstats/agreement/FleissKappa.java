package org.pluralstats.agreement;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.pluralstats.stats.CompensatedSum;

/**
 * Fleiss' kappa for many raters and nominal categories, as statsmodels'
 * {@code statsmodels.stats.inter_rater.fleiss_kappa(aggregate_raters(data)[0], method)} computes it, over
 * the units every rater rated ({@code r} ratings each):
 *
 * <pre>
 *   P_u = (Σ_c n_uc² − r) / (r (r − 1)),   P̄ = mean_u P_u,   p_c = Σ_u n_uc / (N r)
 *   fleiss:   P̄_e = Σ_c p_c²          randolph:   P̄_e = 1 / k
 *   κ = (P̄ − P̄_e) / (1 − P̄_e)
 * </pre>
 *
 * with {@code k} the distinct categories among those units. Sources: J. L. Fleiss (1971), "Measuring
 * nominal scale agreement among many raters", Psychological Bulletin 76(5); J. J. Randolph (2005),
 * "Free-marginal multirater kappa". No standard error (statsmodels gives none).
 *
 * <p>Units with a missing rating are left out (the note says how many). Undefined ({@code NaN}, reason in
 * the note): fewer than two raters, no complete unit, or {@code P̄_e = 1} (one category only).
 */
public final class FleissKappa {
    /** The chance agreement of the two methods of statsmodels. */
    public enum Method {
        /** Fleiss (1971): chance agreement from the pooled category shares, {@code Σ p_c²}. */
        FLEISS,
        /** Randolph (2005): free marginals, chance agreement {@code 1/k}. */
        RANDOLPH;

        /** @return the name in lower case, as statsmodels spells it */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private FleissKappa() {
    }

    /**
     * @param ratings units × raters, {@code NaN} for a missing rating (such units are left out)
     * @param method {@link Method#FLEISS} or {@link Method#RANDOLPH}
     * @return kappa; {@code units} counts the complete units used
     * @throws org.pluralstats.PluralstatsException for rows of different lengths or an infinite rating
     */
    public static AgreementStatistic of(double[][] ratings, Method method) {
        Objects.requireNonNull(method, "method");
        int r = RatingMatrix.raters(ratings);
        String name = method == Method.FLEISS ? AgreementStatistic.FLEISS_KAPPA : AgreementStatistic.RANDOLPH_KAPPA;
        double[][] complete = Arrays.stream(ratings).filter(u -> RatingMatrix.present(u).length == r).toArray(double[][]::new);
        int left = ratings.length - complete.length;
        String leftOut = left == 0 ? "" : left + " unit(s) with a missing rating left out";
        if (r < 2 || complete.length == 0) {
            return AgreementStatistic.estimateOnly(name, "nominal", Double.NaN, complete.length, r, 0L,
                    join(r < 2 ? "undefined: fewer than two raters" : "undefined: no unit rated by every rater", leftOut));
        }
        double[] pooled = new double[complete.length * r];
        for (int u = 0; u < complete.length; u++) {
            for (int j = 0; j < r; j++) {
                pooled[u * r + j] = complete[u][j] + 0.0;
            }
        }
        double[] categories = RatingMatrix.distinct(pooled);
        int k = categories.length;
        double[][] counts = new double[complete.length][k];
        for (int u = 0; u < complete.length; u++) {
            for (int j = 0; j < r; j++) {
                counts[u][Arrays.binarySearch(categories, complete[u][j] + 0.0)]++;
            }
        }
        return ofCounts(counts, method, r, leftOut);
    }

    /**
     * Fleiss' kappa from a units × categories table of counts, every row summing to the same number of
     * raters (statsmodels' {@code fleiss_kappa(table, method)} on the same table).
     *
     * @param counts units × categories
     * @param method {@link Method#FLEISS} or {@link Method#RANDOLPH} ({@code k} = the table's columns)
     * @return kappa
     * @throws org.pluralstats.PluralstatsException for an empty table, unequal or fractional row totals, or a negative count
     */
    public static AgreementStatistic ofCounts(double[][] counts, Method method) {
        if (counts.length == 0 || counts[0].length == 0) {
            throw new org.pluralstats.PluralstatsException("Fleiss' kappa needs a table of counts with units and categories");
        }
        double r = CompensatedSum.of(counts[0]).getAsDouble();
        for (int u = 0; u < counts.length; u++) {
            if (counts[u].length != counts[0].length || CompensatedSum.of(counts[u]).getAsDouble() != r
                    || Arrays.stream(counts[u]).anyMatch(c -> !(c >= 0))) {
                throw new org.pluralstats.PluralstatsException("Fleiss' kappa: unit " + (u + 1)
                        + " of the table of counts has other categories, a negative count or another number of raters than unit 1 ("
                        + r + ")");
            }
        }
        if (r != Math.rint(r) || r > Integer.MAX_VALUE) {
            throw new org.pluralstats.PluralstatsException("Fleiss' kappa: the counts of a unit must add up to a whole number of raters, not "
                    + r);
        }
        return ofCounts(counts, Objects.requireNonNull(method, "method"), (int) r, "");
    }

    private static AgreementStatistic ofCounts(double[][] counts, Method method, int r, String leftOut) {
        String name = method == Method.FLEISS ? AgreementStatistic.FLEISS_KAPPA : AgreementStatistic.RANDOLPH_KAPPA;
        int units = counts.length;
        int k = counts[0].length;
        long values = (long) units * r;
        if (r < 2) {
            return AgreementStatistic.estimateOnly(name, "nominal", Double.NaN, units, r, values,
                    join("undefined: fewer than two raters", leftOut));
        }
        double total = (double) units * r;
        CompensatedSum pMean = CompensatedSum.create();
        double[] column = new double[k];
        for (double[] row : counts) {
            CompensatedSum squares = CompensatedSum.create();
            for (int c = 0; c < k; c++) {
                squares.accept(row[c] * row[c]);
                column[c] += row[c];
            }
            pMean.accept((squares.getAsDouble() - r) / (r * (r - 1.0)));
        }
        double agreement = pMean.getAsDouble() / units;
        double chance;
        if (method == Method.FLEISS) {
            CompensatedSum s = CompensatedSum.create();
            for (double col : column) {
                double share = col / total;
                s.accept(share * share);
            }
            chance = s.getAsDouble();
        } else {
            chance = 1.0 / k;
        }
        if (!(chance < 1)) {
            return AgreementStatistic.estimateOnly(name, "nominal", Double.NaN, units, r, values,
                    join("undefined: one category only (chance agreement is 1)", leftOut));
        }
        return AgreementStatistic.estimateOnly(name, "nominal", (agreement - chance) / (1 - chance), units, r, values, leftOut);
    }

    static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
