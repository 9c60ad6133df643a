package org.pluralstats.agreement;

import java.util.Arrays;
import java.util.Objects;
import org.pluralstats.stats.CompensatedSum;

/**
 * Krippendorff's alpha for any number of raters, missing ratings allowed, at a {@link MeasurementLevel}:
 *
 * <pre>
 *   o_ck = Σ_u  #(ordered pairs of ratings (c, k) of different raters in unit u) / (m_u − 1)
 *   n_c = Σ_k o_ck,   n = Σ_c n_c   (the pairable values)
 *   α = 1 − D_o / D_e = 1 − (n − 1) Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck
 * </pre>
 *
 * over the units with {@code m_u ≥ 2} ratings (others have no pairable value and are left out), with
 * the level's difference function {@code δ²} ({@link MeasurementLevel}). Source: K. Krippendorff (2011),
 * "Computing Krippendorff's alpha-reliability", University of Pennsylvania, sections C–F; its worked
 * example (4 coders × 12 units with missing values) gives 0.743 nominal, 0.815 ordinal, 0.849 interval
 * and 0.797 ratio, which the tests reproduce, and equals to 1e-12 the independent NumPy implementation of
 * {@code tools/agreement_reference.py} on its data sets.
 *
 * <p>Undefined ({@code NaN}, reason in the note): no unit with two ratings ({@code n = 0}), or a single
 * distinct value among the pairable ones ({@code D_e = 0}; agreement is perfect but cannot be told from
 * chance). Ratio level needs non-negative ratings. Cost: {@code O(Σ m_u² + V²)} for {@code V} distinct
 * values.
 */
public final class KrippendorffAlpha {
    private KrippendorffAlpha() {
    }

    /**
     * @param ratings units × raters, {@code NaN} for a missing rating
     * @param level the level of measurement
     * @return alpha; {@code units} counts the units with pairable values, {@code values} is {@code n}
     * @throws org.pluralstats.PluralstatsException for rows of different lengths, an infinite rating, or a
     *     negative rating at ratio level
     */
    public static AgreementStatistic of(double[][] ratings, MeasurementLevel level) {
        Objects.requireNonNull(level, "level");
        int raters = RatingMatrix.raters(ratings);
        double[][] pairable = new double[ratings.length][];
        int units = 0;
        int all = 0;
        for (double[] unit : ratings) {
            double[] v = RatingMatrix.present(unit);
            if (v.length >= 2) {
                pairable[units++] = v;
                all += v.length;
            }
        }
        String name = AgreementStatistic.KRIPPENDORFF_ALPHA;
        if (units == 0) {
            return AgreementStatistic.estimateOnly(name, level.label(), Double.NaN, 0, raters, 0,
                    "undefined: no pairable values (no unit has two ratings)");
        }
        double[] pooled = new double[all];
        int at = 0;
        for (int u = 0; u < units; u++) {
            System.arraycopy(pairable[u], 0, pooled, at, pairable[u].length);
            at += pairable[u].length;
        }
        double[] values = RatingMatrix.distinct(pooled);
        if (level == MeasurementLevel.RATIO && values[0] < 0) {
            throw new org.pluralstats.PluralstatsException("Krippendorff's alpha at ratio level needs non-negative ratings, found "
                    + values[0]);
        }
        int vCount = values.length;
        double[][] o = coincidences(pairable, units, values);
        double[] nc = new double[vCount];
        CompensatedSum total = CompensatedSum.create();
        for (int c = 0; c < vCount; c++) {
            nc[c] = CompensatedSum.of(o[c]).getAsDouble();
            total.accept(nc[c]);
        }
        double n = total.getAsDouble();
        double[][] d = differences(values, nc, level);
        CompensatedSum observed = CompensatedSum.create();
        CompensatedSum expected = CompensatedSum.create();
        for (int c = 0; c < vCount; c++) {
            for (int k = 0; k < vCount; k++) {
                observed.accept(o[c][k] * d[c][k]);
                expected.accept(nc[c] * nc[k] * d[c][k]);
            }
        }
        double de = expected.getAsDouble();
        if (!(de > 0)) {
            return AgreementStatistic.estimateOnly(name, level.label(), Double.NaN, units, raters, all,
                    "undefined: one value only among the pairable values (no expected disagreement)");
        }
        return AgreementStatistic.estimateOnly(name, level.label(), 1 - (n - 1) * observed.getAsDouble() / de, units, raters,
                all, "");
    }

    /** The coincidence matrix {@code o_ck} over the distinct sorted {@code values}. */
    private static double[][] coincidences(double[][] pairable, int units, double[] values) {
        int vCount = values.length;
        double[][] o = new double[vCount][vCount];
        int[] index = new int[0];
        int[] count = new int[0];
        for (int u = 0; u < units; u++) {
            double[] v = pairable[u].clone();
            Arrays.sort(v);
            int m = v.length;
            if (index.length < m) {
                index = new int[m];
                count = new int[m];
            }
            int distinct = 0;
            for (int i = 0; i < m; i++) {
                if (i > 0 && v[i] == v[i - 1]) {
                    count[distinct - 1]++;
                } else {
                    index[distinct] = Arrays.binarySearch(values, v[i]);
                    count[distinct++] = 1;
                }
            }
            for (int a = 0; a < distinct; a++) {
                for (int b = 0; b < distinct; b++) {
                    double pairs = (double) count[a] * (a == b ? count[b] - 1 : count[b]);
                    o[index[a]][index[b]] += pairs / (m - 1);
                }
            }
        }
        return o;
    }

    /** The level's {@code δ²_ck}; ordinal from the pairable-value frequencies {@code n_c}. */
    private static double[][] differences(double[] values, double[] nc, MeasurementLevel level) {
        int vCount = values.length;
        double[][] d = new double[vCount][vCount];
        double[] cumulative = new double[vCount];
        double running = 0;
        for (int c = 0; c < vCount; c++) {
            running += nc[c];
            cumulative[c] = running;
        }
        for (int c = 0; c < vCount; c++) {
            for (int k = 0; k < vCount; k++) {
                double x = values[c];
                double y = values[k];
                d[c][k] = switch (level) {
                    case NOMINAL -> c == k ? 0 : 1;
                    case ORDINAL -> {
                        int lo = Math.min(c, k);
                        int hi = Math.max(c, k);
                        double between = cumulative[hi] - cumulative[lo] + nc[lo];
                        double t = between - (nc[c] + nc[k]) / 2.0;
                        yield t * t;
                    }
                    case INTERVAL -> (x - y) * (x - y);
                    case RATIO -> x + y == 0 ? 0 : ((x - y) / (x + y)) * ((x - y) / (x + y));
                };
            }
        }
        return d;
    }
}
