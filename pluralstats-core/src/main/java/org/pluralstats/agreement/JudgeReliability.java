package org.pluralstats.agreement;

import org.pluralstats.PluralstatsException;

/**
 * The reliability of an LLM judge's value polarity scores against human annotation, as seed paper 003
 * uses it to correct model self-consistency for attenuation (§3.2, "adjusted by the reliability of the LLM
 * annotation (see §2.2; Charles, 2005)"): the paper annotated 200 statements by hand, found "a 91%
 * agreement and a mean absolute error for value polarity of 4.5%" (§2.2), and divides self-consistency by
 * {@code 1 − 0.045 = 0.955} ({@link org.pluralstats.align.ModelSelfConsistency#DEFAULT_RELIABILITY}). The
 * 0.955 is thus one minus the mean absolute error of the Eq. 2 scores, not the 91% label agreement:
 *
 * <pre>
 *   reliability = 1 − MAE = 1 − (1/n) Σ_u |human_u − judge_u|
 * </pre>
 *
 * over the units both scored, with scores the value polarity shares of Eq. 2, in [0, 1]. The percent
 * agreement of the two score columns (exact equality) is kept beside it for the record.
 *
 * @param reliability {@code 1 − meanAbsoluteError}, in [0, 1]
 * @param meanAbsoluteError the judge's mean absolute error against the human scores
 * @param percentAgreement the share of units with equal scores
 * @param units units scored by both
 * @param human the human rater's name
 * @param judge the judge's name
 */
public record JudgeReliability(double reliability, double meanAbsoluteError, double percentAgreement, int units,
                               String human, String judge) {
    /**
     * @param ratings an annotation file's ratings, numeric
     * @param human the human rater's column
     * @param judge the judge's column
     * @return the reliability
     * @throws PluralstatsException for text labels, an unknown column, a score outside [0, 1], no unit scored
     *     by both, or a reliability of 0
     */
    public static JudgeReliability of(Ratings ratings, String human, String judge) {
        if (ratings.labelled()) {
            throw new PluralstatsException(ratings.source() + ": the reliability needs numeric value polarity scores in [0, 1] "
                    + "in columns " + human + " and " + judge + ", found text labels (" + String.join(", ", ratings.labels())
                    + ")");
        }
        double[] h = ratings.column(human);
        double[] j = ratings.column(judge);
        for (int u = 0; u < h.length; u++) {
            for (double v : new double[] {h[u], j[u]}) {
                if (!Double.isNaN(v) && !(v >= 0 && v <= 1)) {
                    throw new PluralstatsException(ratings.source() + ", unit " + ratings.units().get(u) + ": score " + v
                            + " outside [0, 1] (value polarity scores, Eq. 2 of seed paper 003, are shares)");
                }
            }
        }
        AgreementStatistic mae = MeanAbsoluteError.of(h, j, 0.95);
        if (!mae.defined()) {
            throw new PluralstatsException(ratings.source() + ": no unit scored by both " + human + " and " + judge);
        }
        double reliability = 1 - mae.estimate();
        if (!(reliability > 0)) {
            throw new PluralstatsException(ratings.source() + ": reliability 1 - MAE is " + reliability
                    + "; self-consistency cannot be divided by it");
        }
        double agreement = PercentAgreement.of(pairs(h, j)).estimate();
        return new JudgeReliability(reliability, mae.estimate(), agreement, mae.units(), human, judge);
    }

    private static double[][] pairs(double[] h, double[] j) {
        double[][] m = new double[h.length][];
        for (int u = 0; u < h.length; u++) {
            m[u] = new double[] {h[u], j[u]};
        }
        return m;
    }

    /**
     * @param file where the annotations came from
     * @return where the factor comes from, for output metadata, e.g.
     *     {@code 1 - mean absolute error 0.0471 of judge against human over 48 units (annotations.csv)}
     */
    public String describeSource(String file) {
        return String.format(java.util.Locale.ROOT, "1 - mean absolute error %s of %s against %s over %d units (%s)",
                meanAbsoluteError, judge, human, units, file);
    }
}
