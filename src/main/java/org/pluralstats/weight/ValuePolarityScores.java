package org.pluralstats.weight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pluralstats.PluralstatsException;
import org.pluralstats.stats.CompensatedSum;

/**
 * Estimates value polarity scores (Eq. 1 of the seed paper, "Multilingual != Multicultural", §2.1)
 * with linearised standard errors, Kish effective sizes and logit confidence intervals for every
 * population × item of a {@link PolarityDesign}; the formulas are on {@link ValuePolarityScore}.
 * Immutable; configure with {@code with…} copies.
 *
 * <p>One pass over each population's rows per item, on primitive arrays, with Neumaier-compensated
 * sums. The squared-residual sum uses {@code Σ w²(A - p)² = (1-p)² Σ_{A=1} w² + p² Σ_{A=0} w²}, so
 * no second pass is needed.
 */
public final class ValuePolarityScores {
    private final double level;

    private ValuePolarityScores(double level) {
        this.level = level;
    }

    /** @return the estimator with a 95% confidence level */
    public static ValuePolarityScores withDefaults() {
        return new ValuePolarityScores(0.95);
    }

    /**
     * @param confidenceLevel the interval's level, in (0, 1)
     * @return a copy with this level
     */
    public ValuePolarityScores withConfidenceLevel(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new PluralstatsException("confidence level " + confidenceLevel + " is not in (0, 1)");
        }
        return new ValuePolarityScores(confidenceLevel);
    }

    /** @return the confidence level */
    public double confidenceLevel() {
        return level;
    }

    /**
     * @param design the design
     * @return one row per population × item, populations outer, in the design's orders
     */
    public ScoreTable estimate(PolarityDesign design) {
        int nPop = design.populations().size();
        int n = design.data().rows();
        // each respondent belongs to at most one population (a partition, or a subset of one):
        // then every item is scored for all populations in one sequential pass over its rows
        int[] popOf = new int[n];
        int[] excludedOf = new int[n];
        java.util.Arrays.fill(popOf, -1);
        java.util.Arrays.fill(excludedOf, -1);
        for (int p = 0; p < nPop; p++) {
            for (int r : design.rows(p)) {
                if (popOf[r] >= 0 || excludedOf[r] >= 0) {
                    return estimateOverlapping(design);
                }
                popOf[r] = p;
            }
            for (int r : design.excludedRows(p)) {
                if (popOf[r] >= 0 || excludedOf[r] >= 0) {
                    return estimateOverlapping(design);
                }
                excludedOf[r] = p;
            }
        }
        double[] w = design.weightArray();
        List<BinaryItem> items = design.items();
        ValuePolarityScore[][] scores = new ValuePolarityScore[nPop][items.size()];
        Map<Integer, Double> quantiles = new HashMap<>();
        int[] m = new int[nPop];
        int[] excluded = new int[nPop];
        double[][] sums = new double[8][nPop]; // sum and compensation of w, wA, w^2 (A=1), w^2 (A=0)
        for (int i = 0; i < items.size(); i++) {
            byte[] a = items.get(i).values();
            java.util.Arrays.fill(m, 0);
            java.util.Arrays.fill(excluded, 0);
            for (double[] row : sums) {
                java.util.Arrays.fill(row, 0);
            }
            for (int r = 0; r < n; r++) {
                byte v = a[r];
                if (v < 0) {
                    continue;
                }
                int p = popOf[r];
                if (p < 0) {
                    if (excludedOf[r] >= 0) {
                        excluded[excludedOf[r]]++;
                    }
                    continue;
                }
                double wr = w[r];
                m[p]++;
                neumaier(sums[0], sums[1], p, wr);
                if (v == 1) {
                    neumaier(sums[2], sums[3], p, wr);
                    neumaier(sums[4], sums[5], p, wr * wr);
                } else {
                    neumaier(sums[6], sums[7], p, wr * wr);
                }
            }
            for (int p = 0; p < nPop; p++) {
                scores[p][i] = fromSums(design.populations().get(p), items.get(i).id(), m[p], sums[0][p] + sums[1][p],
                        sums[2][p] + sums[3][p], sums[4][p] + sums[5][p], sums[6][p] + sums[7][p], excluded[p],
                        quantiles);
            }
        }
        List<ValuePolarityScore> out = new ArrayList<>(nPop * items.size());
        for (ValuePolarityScore[] row : scores) {
            out.addAll(List.of(row));
        }
        return ScoreTable.of(out);
    }

    /** Neumaier's compensated addition of {@code x} into {@code sum[p]} with compensation {@code comp[p]}. */
    private static void neumaier(double[] sum, double[] comp, int p, double x) {
        double s = sum[p];
        double t = s + x;
        comp[p] += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
        sum[p] = t;
    }

    /** Populations that share respondents: each scored over its own rows. */
    private ScoreTable estimateOverlapping(PolarityDesign design) {
        List<ValuePolarityScore> out = new ArrayList<>(design.populations().size() * design.items().size());
        double[] w = design.weightArray();
        Map<Integer, Double> quantiles = new HashMap<>();
        for (int p = 0; p < design.populations().size(); p++) {
            String pop = design.populations().get(p);
            int[] rows = design.rows(p);
            int[] dropped = design.excludedRows(p);
            for (BinaryItem item : design.items()) {
                byte[] a = item.values();
                int excluded = 0;
                for (int r : dropped) {
                    if (a[r] >= 0) {
                        excluded++;
                    }
                }
                out.add(score(pop, item.id(), rows, a, w, excluded, quantiles));
            }
        }
        return ScoreTable.of(out);
    }

    /**
     * The score of one population on one item, from arrays (for callers with their own data layout).
     *
     * @param population the population name
     * @param item the item id
     * @param indicator {@code A} per respondent: 1, 0, or negative for missing
     * @param weights the weights (finite, positive)
     * @return the score row
     */
    public ValuePolarityScore score(String population, String item, int[] indicator, double[] weights) {
        if (indicator.length != weights.length) {
            throw new IllegalArgumentException(indicator.length + " indicators for " + weights.length + " weights");
        }
        byte[] a = new byte[indicator.length];
        int[] rows = new int[indicator.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) (indicator[i] < 0 ? -1 : indicator[i] == 0 ? 0 : 1);
            rows[i] = i;
            if (a[i] >= 0 && !PolarityDesign.valid(weights[i])) {
                throw new PluralstatsException("weight " + weights[i] + " of respondent " + (i + 1) + " is not positive");
            }
        }
        return score(population, item, rows, a, weights, 0, new HashMap<>());
    }

    private ValuePolarityScore score(String pop, String item, int[] rows, byte[] a, double[] w, int excluded,
                                     Map<Integer, Double> quantiles) {
        CompensatedSum sw = CompensatedSum.create();
        CompensatedSum swa = CompensatedSum.create();
        CompensatedSum sw2pos = CompensatedSum.create();
        CompensatedSum sw2neg = CompensatedSum.create();
        int m = 0;
        for (int r : rows) {
            byte v = a[r];
            if (v < 0) {
                continue;
            }
            double wr = w[r];
            m++;
            sw.accept(wr);
            if (v == 1) {
                swa.accept(wr);
                sw2pos.accept(wr * wr);
            } else {
                sw2neg.accept(wr * wr);
            }
        }
        return fromSums(pop, item, m, sw.getAsDouble(), swa.getAsDouble(), sw2pos.getAsDouble(), sw2neg.getAsDouble(),
                excluded, quantiles);
    }

    /**
     * The score row from the sums over the answering respondents: {@code m}, {@code Σw}, {@code ΣwA},
     * {@code Σw²} over positives and over negatives (formulas in the class comment).
     */
    ValuePolarityScore fromSums(String pop, String item, int m, double sumW, double sumWA, double pos2, double neg2,
                                int excluded, Map<Integer, Double> quantiles) {
        if (m == 0) {
            return ValuePolarityScore.empty(pop, item, excluded);
        }
        double p = sumWA / sumW;
        double nEff = sumW * sumW / (pos2 + neg2);
        double se = Double.NaN;
        double lo = Double.NaN;
        double hi = Double.NaN;
        if (m >= 2) {
            double q = 1 - p;
            double ss = q * q * pos2 + p * p * neg2;
            se = Math.sqrt((double) m / (m - 1) * ss) / sumW;
            if (p > 0 && p < 1) {
                double t = quantiles.computeIfAbsent(m - 1,
                        df -> LogitInterval.studentQuantile(1 - (1 - level) / 2, df));
                double centre = Math.log(p / q);
                double half = t * se / (p * q);
                lo = 1 / (1 + Math.exp(-(centre - half)));
                hi = 1 / (1 + Math.exp(-(centre + half)));
            }
        }
        return new ValuePolarityScore(pop, item, m, sumW, p, se, nEff, lo, hi, excluded);
    }
}
