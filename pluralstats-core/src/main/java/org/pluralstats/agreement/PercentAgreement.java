package org.pluralstats.agreement;

import java.util.Arrays;
import org.pluralstats.stats.CompensatedSum;

/**
 * Percent agreement: the mean over units with at least two ratings of the share of agreeing ordered
 * pairs of different raters,
 *
 * <pre>
 *   P = (1/N) Σ_u  Σ_c n_uc (n_uc − 1) / (m_u (m_u − 1))
 * </pre>
 *
 * with {@code m_u} the ratings of unit {@code u} and {@code n_uc} those equal to {@code c}. For two
 * raters, the share of units both rated on which they gave the same rating (seed paper 003 §2.2 reports
 * 91% for its judge against human labels); with complete data, Fleiss' (1971) {@code P̄}. Ratings are
 * equal when their numbers are equal, whatever the level of measurement. Not corrected for chance: see
 * {@link CohensKappa}, {@link FleissKappa}, {@link KrippendorffAlpha}.
 *
 * <p>Undefined ({@code NaN}, with the reason in the note) when no unit has two ratings.
 */
public final class PercentAgreement {
    private PercentAgreement() {
    }

    /**
     * @param ratings units × raters, {@code NaN} for a missing rating
     * @return the statistic; {@code units} counts the units with at least two ratings, {@code values} their ratings
     * @throws org.pluralstats.PluralstatsException for rows of different lengths or an infinite rating
     */
    public static AgreementStatistic of(double[][] ratings) {
        int raters = RatingMatrix.raters(ratings);
        CompensatedSum sum = CompensatedSum.create();
        int units = 0;
        long values = 0;
        for (double[] unit : ratings) {
            double[] v = RatingMatrix.present(unit);
            int m = v.length;
            if (m < 2) {
                continue;
            }
            Arrays.sort(v);
            long agreeing = 0;
            int run = 1;
            for (int i = 1; i <= m; i++) {
                if (i < m && v[i] == v[i - 1]) {
                    run++;
                } else {
                    agreeing += (long) run * (run - 1);
                    run = 1;
                }
            }
            sum.accept((double) agreeing / ((long) m * (m - 1)));
            units++;
            values += m;
        }
        double p = units == 0 ? Double.NaN : sum.getAsDouble() / units;
        return AgreementStatistic.estimateOnly(AgreementStatistic.PERCENT_AGREEMENT, "", p, units, raters, values,
                units == 0 ? "undefined: no unit has two ratings" : "");
    }
}
