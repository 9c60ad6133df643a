package org.pluralstats.weight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pluralstats.PluralstatsException;
import org.pluralstats.design.DesignEstimate;
import org.pluralstats.design.DesignSpec;
import org.pluralstats.design.DomainMethod;
import org.pluralstats.design.SurveyDesign;
import org.pluralstats.design.TaylorDesign;
import org.pluralstats.stats.CompensatedSum;
import org.pluralstats.stats.ConfidenceInterval;

/**
 * Estimates value polarity scores (Eq. 1 of the seed paper, "Multilingual != Multicultural", §2.1)
 * with linearised standard errors, Kish effective sizes and logit confidence intervals for every
 * population × item of a {@link PolarityDesign}; the formulas are on {@link ValuePolarityScore}.
 * Immutable; configure with {@code with…} copies.
 *
 * <p>One pass over each population's rows per item, on primitive arrays, with compensated sums
 * ({@link CompensatedSum}); {@code nEff} is {@link KishEffectiveSize#fromSums} and the interval
 * {@link LogitInterval}. The squared-residual sum uses {@code Σ w²(A - p)² = (1-p)² Σ_{A=1} w² + p² Σ_{A=0} w²}, so
 * no second pass is needed.
 */
public final class ValuePolarityScores {
    private final LogitInterval interval;

    private ValuePolarityScores(double level) {
        this.interval = LogitInterval.at(level);
    }

    /** @return the estimator with a 95% confidence level */
    public static ValuePolarityScores withDefaults() {
        return new ValuePolarityScores(0.95);
    }

    /**
     * @param confidenceLevel the interval's level, in (0, 1)
     * @return a copy with this level
     * @throws PluralstatsException if the level is not in (0, 1)
     */
    public ValuePolarityScores withConfidenceLevel(double confidenceLevel) {
        return new ValuePolarityScores(confidenceLevel);
    }

    /** @return the confidence level */
    public double confidenceLevel() {
        return interval.level();
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
        Arrays.fill(popOf, -1);
        Arrays.fill(excludedOf, -1);
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
        int[] excluded = new int[nPop];
        CompensatedSum[][] sums = new CompensatedSum[4][nPop]; // w, wA, w^2 (A=1), w^2 (A=0)
        for (int i = 0; i < items.size(); i++) {
            byte[] a = items.get(i).values();
            Arrays.fill(excluded, 0);
            for (CompensatedSum[] row : sums) {
                Arrays.setAll(row, k -> CompensatedSum.create());
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
                sums[0][p].accept(wr);
                if (v == 1) {
                    sums[1][p].accept(wr);
                    sums[2][p].accept(wr * wr);
                } else {
                    sums[3][p].accept(wr * wr);
                }
            }
            for (int p = 0; p < nPop; p++) {
                scores[p][i] = fromSums(design.populations().get(p), items.get(i).id(), (int) sums[0][p].count(),
                        sums[0][p].getAsDouble(), sums[1][p].getAsDouble(), sums[2][p].getAsDouble(),
                        sums[3][p].getAsDouble(), excluded[p]);
            }
        }
        List<ValuePolarityScore> out = new ArrayList<>(nPop * items.size());
        for (ValuePolarityScore[] row : scores) {
            out.addAll(List.of(row));
        }
        return ScoreTable.of(out);
    }

    /**
     * Value polarity scores with standard errors from a survey design (issue 14): for population P and
     * item q, {@code svymean(~A, subset(D, A answered))} where {@code D} is the design of P's respondents
     * ({@link DomainMethod#SEPARATE_DESIGNS}) or of all populations' respondents with P as a domain
     * ({@link DomainMethod#DOMAIN}, {@code svyby(~A, ~P, subset(D, A answered), svymean)}); the score is the
     * same weighted share as {@link #estimate(PolarityDesign)}, the SE Taylor-linearised over the design's
     * clusters and strata ({@link TaylorDesign}), the logit interval on {@code degf} of the answering
     * respondents' design. {@code n}, {@code weightSum} and {@code nEff} as without a design. Respondents
     * left out for an invalid weight are not in the design.
     *
     * @param design the scores' data, items, populations and weights
     * @param spec the survey design
     * @return one row per population × item, populations outer; the table's metadata states the design
     */
    public ScoreTable estimate(PolarityDesign design, DesignSpec spec) {
        if (spec.isSimple()) {
            return estimate(design);
        }
        int nPop = design.populations().size();
        double[] w = design.weightArray();
        SurveyDesign whole = null;
        int[] wholeRows = null;
        if (spec.method() == DomainMethod.DOMAIN) {
            java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
            for (int p = 0; p < nPop; p++) {
                for (int r : design.rows(p)) {
                    all.add(r);
                }
            }
            wholeRows = all.stream().mapToInt(Integer::intValue).toArray();
            whole = spec.build(design.data(), w, wholeRows);
        }
        List<ValuePolarityScore> out = new ArrayList<>(nPop * design.items().size());
        for (int p = 0; p < nPop; p++) {
            String pop = design.populations().get(p);
            int[] rows = design.rows(p);
            int[] designRows = whole != null ? wholeRows : rows;
            SurveyDesign d = whole != null ? whole : rows.length == 0 ? null : spec.build(design.data(), w, rows);
            boolean[] inPop = null; // with one design over all populations: who belongs to this one, by file row
            if (whole != null) {
                inPop = new boolean[design.data().rows()];
                for (int r : rows) {
                    inPop[r] = true;
                }
            }
            for (BinaryItem item : design.items()) {
                byte[] a = item.values();
                int excluded = 0;
                for (int r : design.excludedRows(p)) {
                    if (a[r] >= 0) {
                        excluded++;
                    }
                }
                ValuePolarityScore simple = score(pop, item.id(), rows, a, w, excluded);
                if (simple.n() == 0) {
                    out.add(simple);
                    continue;
                }
                double[] y = new double[designRows.length];
                boolean[] domain = new boolean[designRows.length];
                for (int i = 0; i < designRows.length; i++) {
                    int r = designRows[i];
                    if (a[r] >= 0 && (inPop == null || inPop[r])) {
                        domain[i] = true;
                        y[i] = a[r];
                    }
                }
                DesignEstimate e = d.mean(y, domain, interval.level());
                double df = d.degreesOfFreedom(domain);
                out.add(new ValuePolarityScore(pop, item.id(), simple.n(), simple.weightSum(), e.estimate(), e.se(),
                        simple.nEff(), interval.of(e.estimate(), e.se(), df), excluded));
            }
        }
        return ScoreTable.of(out, spec.describe(design.weight().expression()));
    }

    /** Populations that share respondents: each scored over its own rows. */
    private ScoreTable estimateOverlapping(PolarityDesign design) {
        List<ValuePolarityScore> out = new ArrayList<>(design.populations().size() * design.items().size());
        double[] w = design.weightArray();
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
                out.add(score(pop, item.id(), rows, a, w, excluded));
            }
        }
        return ScoreTable.of(out);
    }

    private ValuePolarityScore score(String pop, String item, int[] rows, byte[] a, double[] w, int excluded) {
        CompensatedSum sw = CompensatedSum.create();
        CompensatedSum swa = CompensatedSum.create();
        CompensatedSum sw2pos = CompensatedSum.create();
        CompensatedSum sw2neg = CompensatedSum.create();
        for (int r : rows) {
            byte v = a[r];
            if (v < 0) {
                continue;
            }
            double wr = w[r];
            sw.accept(wr);
            if (v == 1) {
                swa.accept(wr);
                sw2pos.accept(wr * wr);
            } else {
                sw2neg.accept(wr * wr);
            }
        }
        return fromSums(pop, item, (int) sw.count(), sw.getAsDouble(), swa.getAsDouble(), sw2pos.getAsDouble(),
                sw2neg.getAsDouble(), excluded);
    }

    /**
     * The score row from the sums over the answering respondents: {@code m}, {@code Σw}, {@code ΣwA},
     * {@code Σw²} over positives and over negatives (formulas in the class comment).
     */
    ValuePolarityScore fromSums(String pop, String item, int m, double sumW, double sumWA, double pos2, double neg2,
                                int excluded) {
        if (m == 0) {
            return ValuePolarityScore.empty(pop, item, excluded);
        }
        double p = sumWA / sumW;
        double q = 1 - p;
        double se = m < 2 ? Double.NaN : Math.sqrt((double) m / (m - 1) * (q * q * pos2 + p * p * neg2)) / sumW;
        Optional<ConfidenceInterval> ci = m < 2 ? Optional.empty() : interval.of(p, se, m - 1);
        return new ValuePolarityScore(pop, item, m, sumW, p, se, KishEffectiveSize.fromSums(sumW, pos2 + neg2), ci,
                excluded);
    }
}
