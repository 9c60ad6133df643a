package org.pluralstats.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pluralstats.PluralstatsException;
import org.pluralstats.stats.ConfidenceInterval;

/**
 * Every agreement statistic that fits a ratings matrix, as one {@link AgreementReport}: what {@code
 * pluralstats agreement} prints. Immutable; configure with {@code with…} copies:
 *
 * <pre>
 *   AgreementReport r = Agreement.withDefaults().with(MeasurementLevel.ORDINAL).with(KappaWeights.QUADRATIC).report(ratings);
 * </pre>
 *
 * Rows, in order: {@link PercentAgreement}; for two raters {@link CohensKappa} with the configured weights
 * (and unweighted too when weights are set); {@link FleissKappa} ({@code fleiss} and {@code randolph}, over
 * the complete units); {@link KrippendorffAlpha} at the configured level; for two raters at interval or
 * ratio level, {@link MeanAbsoluteError}. Sources: those classes.
 */
public final class Agreement {
    private static final Agreement DEFAULT = new Agreement(MeasurementLevel.NOMINAL, KappaWeights.NONE, 0.95);

    private final MeasurementLevel level;
    private final KappaWeights weights;
    private final double confidence;

    private Agreement(MeasurementLevel level, KappaWeights weights, double confidence) {
        this.level = level;
        this.weights = weights;
        this.confidence = confidence;
    }

    /** @return nominal level, unweighted kappa, 95% intervals */
    public static Agreement withDefaults() {
        return DEFAULT;
    }

    /** @param l the level of measurement for Krippendorff's alpha @return a copy */
    public Agreement with(MeasurementLevel l) {
        return new Agreement(Objects.requireNonNull(l, "level"), weights, confidence);
    }

    /** @param w Cohen's kappa weights @return a copy */
    public Agreement with(KappaWeights w) {
        return new Agreement(level, Objects.requireNonNull(w, "weights"), confidence);
    }

    /** @param c the intervals' confidence level, in (0, 1) @return a copy */
    public Agreement withConfidence(double c) {
        return new Agreement(level, weights, ConfidenceInterval.checkLevel(c));
    }

    /**
     * @param ratings the ratings; text labels only at nominal level without weights (their codes have no order)
     * @return the report
     * @throws PluralstatsException for fewer than two raters, or text labels with an ordered level or weights
     */
    public AgreementReport report(Ratings ratings) {
        if (ratings.labelled() && (level != MeasurementLevel.NOMINAL || weights != KappaWeights.NONE)) {
            throw new PluralstatsException(ratings.source() + ": " + level.label() + " level" + (weights == KappaWeights.NONE ? ""
                    : " and " + weights.label() + " weights") + " need numeric ratings; found text labels ("
                    + String.join(", ", ratings.labels()) + "): code them as numbers, or use the nominal level without weights");
        }
        return report(ratings.values(), ratings.raters());
    }

    /**
     * @param ratings units × raters, {@code NaN} for a missing rating
     * @param raters the raters' names, one per column
     * @return the report
     * @throws PluralstatsException for fewer than two raters or names that do not match the columns
     */
    public AgreementReport report(double[][] ratings, List<String> raters) {
        int r = RatingMatrix.raters(ratings);
        if (ratings.length > 0 && r != raters.size()) {
            throw new PluralstatsException("ratings have " + r + " columns for " + raters.size() + " raters");
        }
        if (raters.size() < 2) {
            throw new PluralstatsException("agreement needs at least two raters, got " + raters.size());
        }
        List<AgreementStatistic> rows = new ArrayList<>();
        rows.add(PercentAgreement.of(ratings));
        if (raters.size() == 2) {
            double[] a = new double[ratings.length];
            double[] b = new double[ratings.length];
            for (int u = 0; u < ratings.length; u++) {
                a[u] = ratings[u][0];
                b[u] = ratings[u][1];
            }
            CohensKappa kappa = CohensKappa.withDefaults().withConfidence(confidence);
            rows.add(kappa.estimate(a, b));
            if (weights != KappaWeights.NONE) {
                rows.add(kappa.with(weights).estimate(a, b));
            }
        }
        rows.add(FleissKappa.of(ratings, FleissKappa.Method.FLEISS));
        rows.add(FleissKappa.of(ratings, FleissKappa.Method.RANDOLPH));
        rows.add(KrippendorffAlpha.of(ratings, level));
        if (raters.size() == 2 && (level == MeasurementLevel.INTERVAL || level == MeasurementLevel.RATIO)) {
            double[] a = new double[ratings.length];
            double[] b = new double[ratings.length];
            for (int u = 0; u < ratings.length; u++) {
                a[u] = ratings[u][0];
                b[u] = ratings[u][1];
            }
            rows.add(MeanAbsoluteError.of(a, b, confidence));
        }
        return new AgreementReport(rows, raters, ratings.length, level, weights, confidence);
    }
}
