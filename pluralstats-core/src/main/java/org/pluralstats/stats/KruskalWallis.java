package org.pluralstats.stats;

import java.util.List;
import java.util.OptionalDouble;
import org.pluralstats.PluralstatsException;

/**
 * The Kruskal–Wallis H test that {@code k >= 2} independent groups come from the same distribution,
 * with the correction for ties.
 *
 * <p>Rank all {@code N = Σ n_i} values together ({@link Ranks}, average ranks for ties); with
 * {@code R_i} the rank sum of group {@code i} and {@code t} the sizes of the tie groups,
 * <pre>
 *   H = 12 / (N (N + 1)) · Σ_i (R_i − n_i (N + 1) / 2)² / n_i  /  (1 − Σ (t³ − t) / (N³ − N))
 * </pre>
 * which is the textbook {@code 12 / (N (N + 1)) Σ R_i² / n_i − 3 (N + 1)} divided by the tie
 * correction, written without its cancellation. Under the null hypothesis {@code H} is approximately
 * chi-square with {@code k − 1} degrees of freedom; {@code p = P(χ²_{k−1} >= H)}. Source: Kruskal and
 * Wallis, JASA 47 (1952) 583–621. Equals {@code scipy.stats.kruskal(*groups)} and R
 * {@code kruskal.test}.
 *
 * <p>Degenerate input: fewer than two groups, an empty group or a {@code NaN} value is an error. If all
 * {@code N} values are equal the tie correction is 0 and {@code H} is undefined: the result then has an
 * empty statistic and p-value (scipy 1.10 raises "All numbers are identical", R returns {@code NaN}).
 */
public final class KruskalWallis {
    private KruskalWallis() {
    }

    /**
     * Runs the test (formula in the class comment).
     *
     * @param groups at least two non-empty groups of values, no {@code NaN}
     * @return the result
     * @throws PluralstatsException if there are fewer than two groups, a group is empty or a value is NaN
     */
    public static Result test(double[]... groups) {
        if (groups.length < 2) {
            throw new PluralstatsException("the Kruskal-Wallis test needs at least two groups, got " + groups.length);
        }
        int total = 0;
        int[] sizes = new int[groups.length];
        for (int g = 0; g < groups.length; g++) {
            if (groups[g].length == 0) {
                throw new PluralstatsException("group " + g + " of the Kruskal-Wallis test is empty");
            }
            for (int i = 0; i < groups[g].length; i++) {
                if (Double.isNaN(groups[g][i])) {
                    throw new PluralstatsException("value " + i + " of group " + g + " of the Kruskal-Wallis test is NaN");
                }
            }
            sizes[g] = groups[g].length;
            total += sizes[g];
        }
        double[] all = new double[total];
        int offset = 0;
        for (double[] group : groups) {
            System.arraycopy(group, 0, all, offset, group.length);
            offset += group.length;
        }
        Ranks ranks = Ranks.of(all);

        double nn = total;
        double halfNPlusOne = (nn + 1) / 2;
        double[] meanRanks = new double[groups.length];
        CompensatedSum between = CompensatedSum.create();
        offset = 0;
        for (int g = 0; g < groups.length; g++) {
            double rankSum = 0; // half-integers: exact
            for (int i = 0; i < sizes[g]; i++) {
                rankSum += ranks.rank(offset + i);
            }
            offset += sizes[g];
            meanRanks[g] = rankSum / sizes[g];
            double d = rankSum - sizes[g] * halfNPlusOne;
            between.accept(d * d / sizes[g]);
        }
        double tieCorrection = 1 - ranks.tieTerm() / (nn * nn * nn - nn);
        int df = groups.length - 1;
        if (!(tieCorrection > 0)) {
            return new Result(Double.NaN, Double.NaN, df, sizes, meanRanks, tieCorrection);
        }
        double h = 12 / (nn * (nn + 1)) * between.getAsDouble() / tieCorrection;
        return new Result(h, Distributions.chiSquareUpperTail(h, df), df, sizes, meanRanks, tieCorrection);
    }

    /**
     * Runs the test on a list of groups; see {@link #test(double[]...)}.
     *
     * @param groups at least two non-empty groups of values, no {@code NaN}
     * @return the result
     * @throws PluralstatsException if there are fewer than two groups, a group is empty or a value is NaN
     */
    public static Result test(List<double[]> groups) {
        return test(groups.toArray(new double[0][]));
    }

    /** The result of a Kruskal–Wallis test. */
    public static final class Result {
        private final double statistic;
        private final double pValue;
        private final int degreesOfFreedom;
        private final int[] groupSizes;
        private final double[] meanRanks;
        private final double tieCorrection;

        private Result(double statistic, double pValue, int degreesOfFreedom, int[] groupSizes, double[] meanRanks,
                double tieCorrection) {
            this.statistic = statistic;
            this.pValue = pValue;
            this.degreesOfFreedom = degreesOfFreedom;
            this.groupSizes = groupSizes;
            this.meanRanks = meanRanks;
            this.tieCorrection = tieCorrection;
        }

        /** @return the tie-corrected {@code H}; empty when all values are equal */
        public OptionalDouble statistic() {
            return Double.isNaN(statistic) ? OptionalDouble.empty() : OptionalDouble.of(statistic);
        }

        /** @return {@code P(χ²_{k−1} >= H)}; empty when all values are equal */
        public OptionalDouble pValue() {
            return Double.isNaN(pValue) ? OptionalDouble.empty() : OptionalDouble.of(pValue);
        }

        /** @return {@code k − 1} */
        public int degreesOfFreedom() {
            return degreesOfFreedom;
        }

        /** @return the total number of values {@code N} */
        public int n() {
            int n = 0;
            for (int s : groupSizes) {
                n += s;
            }
            return n;
        }

        /** @return a copy of the group sizes {@code n_i}, in the order given */
        public int[] groupSizes() {
            return groupSizes.clone();
        }

        /** @return a copy of the mean ranks {@code R_i / n_i} of the groups, in the order given */
        public double[] meanRanks() {
            return meanRanks.clone();
        }

        /** @return the tie correction {@code 1 − Σ (t³ − t) / (N³ − N)} (1 without ties, 0 if all equal) */
        public double tieCorrection() {
            return tieCorrection;
        }

        @Override
        public String toString() {
            return "KruskalWallis[H=" + statistic() + ", df=" + degreesOfFreedom + ", p=" + pValue() + "]";
        }
    }
}
