package org.pluralstats.agreement;

import org.pluralstats.PluralstatsException;
import org.pluralstats.stats.CompensatedSum;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.stats.Distributions;

/**
 * The mean absolute error between two numeric score vectors over the units both scored,
 *
 * <pre>
 *   MAE = (1/n) Σ_u |x_u − y_u|,   se = s_{|d|} / √n,   interval MAE ± z_{1−(1−level)/2} se
 * </pre>
 *
 * with {@code s_{|d|}} the sample standard deviation (divisor {@code n − 1}) of the absolute differences:
 * {@code numpy.mean(numpy.abs(x - y))} and {@code numpy.std(…, ddof=1) / sqrt(n)}. Seed paper 003 §2.2
 * reports a mean absolute error of 4.5% between the LLM judge's and human value polarity scores (Eq. 2),
 * from which its reliability factor {@code 1 − 0.045} ({@link JudgeReliability}).
 *
 * <p>Undefined ({@code NaN}, reason in the note): no unit scored by both; the standard error and interval
 * need two units.
 */
public final class MeanAbsoluteError {
    private MeanAbsoluteError() {
    }

    /**
     * @param x the first scores, {@code NaN} for missing
     * @param y the second scores of the same units
     * @param level the interval's confidence level, in (0, 1)
     * @return the mean absolute error; {@code units} counts the units both scored
     * @throws PluralstatsException for vectors of different lengths or an infinite score
     */
    public static AgreementStatistic of(double[] x, double[] y, double level) {
        ConfidenceInterval.checkLevel(level);
        if (x.length != y.length) {
            throw new PluralstatsException("mean absolute error: " + x.length + " and " + y.length
                    + " scores; give both the same units, NaN for a missing score");
        }
        double[] d = new double[x.length];
        int n = 0;
        for (int u = 0; u < x.length; u++) {
            if (Double.isInfinite(x[u]) || Double.isInfinite(y[u])) {
                throw new PluralstatsException("mean absolute error: unit " + (u + 1) + " has an infinite score");
            }
            if (!Double.isNaN(x[u]) && !Double.isNaN(y[u])) {
                d[n++] = Math.abs(x[u] - y[u]);
            }
        }
        String name = AgreementStatistic.MEAN_ABSOLUTE_ERROR;
        if (n == 0) {
            return AgreementStatistic.estimateOnly(name, "interval", Double.NaN, 0, 2, 0, "undefined: no unit scored by both");
        }
        CompensatedSum s = CompensatedSum.create();
        for (int i = 0; i < n; i++) {
            s.accept(d[i]);
        }
        double mean = s.getAsDouble() / n;
        if (n < 2) {
            return AgreementStatistic.estimateOnly(name, "interval", mean, 1, 2, 2, "standard error undefined: one unit");
        }
        CompensatedSum ss = CompensatedSum.create();
        for (int i = 0; i < n; i++) {
            ss.accept((d[i] - mean) * (d[i] - mean));
        }
        double se = Math.sqrt(ss.getAsDouble() / (n - 1)) / Math.sqrt(n);
        double z = Distributions.normalQuantile(1 - (1 - level) / 2);
        return new AgreementStatistic(name, "interval", mean, se, Double.NaN, Double.NaN, mean - z * se, mean + z * se, n, 2,
                2L * n, "");
    }
}
