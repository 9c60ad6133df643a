package org.pluralstats.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pluralstats.PluralstatsException;
import org.pluralstats.stats.CompensatedSum;

/**
 * One calibration of a {@link TaylorDesign}'s weights, as R survey keeps it in {@code design$postStrata}: a
 * post-stratification ({@code postStratify}) or a raking ({@code rake}, class {@code "raking"}). Each
 * replaces an estimator's influence values by residuals before {@code svyrecvar}'s variance, in the order the
 * calibrations were made (survey 4.1.1, {@code svyrecvar}'s {@code postStrata} loop).
 */
sealed interface Calibration permits Calibration.PostStratum, Calibration.Raked {
    /** Iterations of the margin-by-margin residuals of a raking: survey's fixed {@code for (iterations in 1:10)}. */
    int RAKING_RESIDUAL_ITERATIONS = 10;

    /**
     * Replaces influence values by their residuals, in place.
     *
     * @param z one influence value per respondent
     */
    void residualise(double[] z);

    /** @return what was calibrated, for the design's description */
    String describe();

    /**
     * A post-stratification: {@code postStratify(design, ~variable, population)}. Residuals (svyrecvar's
     * default branch): {@code z_i − w_i · Σ_{j∈c} z_j w⁰_j / w_j / Σ_{j∈c} w⁰_j} in the respondent's cell
     * {@code c}, {@code w⁰} the weights before and {@code w} after.
     *
     * @param variable the post-stratifying variable's name
     * @param cell each respondent's cell, {@code 0 … cells − 1}
     * @param cells the number of cells
     * @param oldWeights the weights before ({@code attr(index, "oldweights")})
     * @param weights the weights after ({@code attr(index, "weights")})
     */
    record PostStratum(String variable, int[] cell, int cells, double[] oldWeights, double[] weights)
            implements Calibration {
        @Override
        public void residualise(double[] z) {
            double[] num = new double[cells];
            double[] den = new double[cells];
            double[] psw = psw();
            for (int i = 0; i < z.length; i++) {
                num[cell[i]] += z[i] * oldWeights[i] / psw[i];
                den[cell[i]] += oldWeights[i];
            }
            for (int i = 0; i < z.length; i++) {
                z[i] -= num[cell[i]] / den[cell[i]] * psw[i];
            }
        }

        /** The weights after, with R's guard: a weight that was and is zero counts as 1. */
        private double[] psw() {
            double[] psw = weights.clone();
            for (int i = 0; i < psw.length; i++) {
                if (psw[i] == 0 && oldWeights[i] == 0) {
                    psw[i] = 1;
                }
            }
            return psw;
        }

        /** svyrecvar's raking branch for this margin: {@code z − w · ave(z / w, cell)}. */
        void projectOut(double[] z) {
            double[] sum = new double[cells];
            int[] count = new int[cells];
            for (int i = 0; i < z.length; i++) {
                sum[cell[i]] += z[i] / weights[i];
                count[cell[i]]++;
            }
            for (int i = 0; i < z.length; i++) {
                z[i] -= weights[i] * (sum[cell[i]] / count[cell[i]]);
            }
        }

        @Override
        public String describe() {
            return "post-stratified on " + variable;
        }

        /**
         * One {@code postStratify} step on probabilities {@code prob}, changed in place: each cell's
         * {@code prob / (N_c / Σ_{i∈c} 1/prob_i)}.
         *
         * @param prob the sampling probabilities, one per respondent (changed)
         * @param variable the variable's name, for messages
         * @param values each respondent's level
         * @param population level → population count, finite and ≥ 0
         * @return the step
         * @throws PluralstatsException on a missing level, a level in the sample but not in the population (or
         *     with a zero count), or a level with a positive count but no respondent (R: "Some strata absent
         *     from sample")
         */
        static PostStratum apply(double[] prob, String variable, String[] values, Map<String, Double> population) {
            int n = prob.length;
            if (values.length != n) {
                throw new PluralstatsException("margin " + variable + " has " + values.length + " values, the design "
                        + n + " respondents");
            }
            Map<String, Integer> code = new LinkedHashMap<>();
            int[] cell = new int[n];
            for (int i = 0; i < n; i++) {
                if (values[i] == null) {
                    throw new PluralstatsException("respondent " + (i + 1) + " has no value of " + variable
                            + "; every respondent of a calibrated design needs one");
                }
                cell[i] = code.computeIfAbsent(values[i], k -> code.size());
            }
            int cells = code.size();
            CompensatedSum[] sums = new CompensatedSum[cells];
            for (int c = 0; c < cells; c++) {
                sums[c] = CompensatedSum.create();
            }
            for (int i = 0; i < n; i++) {
                sums[cell[i]].accept(1 / prob[i]);
            }
            double[] reweight = new double[cells];
            for (Map.Entry<String, Integer> e : code.entrySet()) {
                Double pop = population.get(e.getKey());
                double freq = sums[e.getValue()].getAsDouble();
                if (pop == null || pop == 0) {
                    if (freq != 0) {
                        throw new PluralstatsException(variable + " = " + e.getKey() + " is in the sample but "
                                + (pop == null ? "not in" : "zero in") + " the population (levels: "
                                + String.join(", ", population.keySet()) + ")");
                    }
                }
                reweight[e.getValue()] = pop == null ? 0 : pop / freq;
            }
            for (Map.Entry<String, Double> e : population.entrySet()) {
                double pop = e.getValue();
                if (!(pop >= 0) || Double.isInfinite(pop)) {
                    throw new PluralstatsException(variable + " = " + e.getKey() + ": population count " + pop
                            + " is not a finite non-negative number");
                }
                if (pop > 0 && !code.containsKey(e.getKey())) {
                    throw new PluralstatsException(variable + " = " + e.getKey() + " has population " + pop
                            + " but no respondent (R: \"Some strata absent from sample\")");
                }
            }
            double[] old = new double[n];
            double[] now = new double[n];
            for (int i = 0; i < n; i++) {
                old[i] = 1 / prob[i];
                prob[i] = prob[i] / reweight[cell[i]];
                now[i] = 1 / prob[i];
            }
            return new PostStratum(variable, cell, cells, old, now);
        }
    }

    /**
     * A raking: {@code rake(design, list(~v1, …), populations, control)}, keeping the post-stratification of
     * each margin in its last cycle. Residuals (svyrecvar's {@code "raking"} branch): ten times, for each
     * margin {@code m} in turn, {@code z ← z − w_m · ave(z / w_m, cell_m)}, {@code w_m} the weights after
     * that margin's step and {@code ave} the unweighted mean within the cell.
     *
     * @param margins the last cycle's post-stratifications, in raking order
     * @param convergence how raking ended
     */
    record Raked(List<PostStratum> margins, RakingConvergence convergence) implements Calibration {
        @Override
        public void residualise(double[] z) {
            for (int it = 0; it < RAKING_RESIDUAL_ITERATIONS; it++) {
                for (PostStratum m : margins) {
                    m.projectOut(z);
                }
            }
        }

        @Override
        public String describe() {
            return "raked on " + String.join(", ", convergence.margins()) + " (" + convergence.cycles()
                    + (convergence.cycles() == 1 ? " cycle, " : " cycles, ")
                    + (convergence.converged() ? "converged" : "did not converge: last change "
                    + convergence.change() + " >= " + convergence.tolerance()) + ")";
        }

        /**
         * R's {@code rake}: cycles of {@link PostStratum#apply} over the margins until the joint table of the
         * weights changes by less than {@code ε} or {@code maxit} cycles ran.
         *
         * @param prob the sampling probabilities (changed in place to the raked ones)
         * @param names the margin variables' names
         * @param values each margin's levels, one per respondent
         * @param populations each margin's population counts
         * @param control when to stop
         * @return the raking
         */
        static Raked apply(double[] prob, List<String> names, List<String[]> values,
                           List<Map<String, Double>> populations, RakingControl control) {
            int k = names.size();
            if (k == 0 || values.size() != k || populations.size() != k) {
                throw new PluralstatsException("raking needs one or more margins, each with its values and "
                        + "population: got " + names.size() + " names, " + values.size() + " value arrays and "
                        + populations.size() + " populations");
            }
            int n = prob.length;
            CompensatedSum total = CompensatedSum.create();
            for (double p : prob) {
                total.accept(1 / p);
            }
            double eps = control.epsilon() < 1 ? control.epsilon() * total.getAsDouble() : control.epsilon();
            int[] joint = new int[n];
            Map<String, Integer> jointCode = new HashMap<>();
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < n; i++) {
                key.setLength(0);
                for (String[] v : values) {
                    if (v.length != n) {
                        throw new PluralstatsException("a margin has " + v.length + " values, the design " + n
                                + " respondents");
                    }
                    key.append(v[i]).append('\u0000');
                }
                joint[i] = jointCode.computeIfAbsent(key.toString(), s -> jointCode.size());
            }
            double[] old = table(prob, joint, jointCode.size());
            List<PostStratum> last = new ArrayList<>();
            int cycles = 0;
            boolean converged = false;
            double change = Double.NaN;
            while (cycles < control.maxIterations()) {
                last.clear();
                for (int m = 0; m < k; m++) {
                    last.add(PostStratum.apply(prob, names.get(m), values.get(m), populations.get(m)));
                }
                cycles++;
                double[] now = table(prob, joint, jointCode.size());
                change = 0;
                for (int c = 0; c < now.length; c++) {
                    change = Math.max(change, Math.abs(old[c] - now[c]));
                }
                if (change < eps) {
                    converged = true;
                    break;
                }
                old = now;
            }
            return new Raked(List.copyOf(last), new RakingConvergence(names, cycles, converged, change, eps));
        }

        private static double[] table(double[] prob, int[] cell, int cells) {
            CompensatedSum[] s = new CompensatedSum[cells];
            for (int c = 0; c < cells; c++) {
                s[c] = CompensatedSum.create();
            }
            for (int i = 0; i < prob.length; i++) {
                s[cell[i]].accept(1 / prob[i]);
            }
            double[] out = new double[cells];
            for (int c = 0; c < cells; c++) {
                out[c] = s[c].getAsDouble();
            }
            return out;
        }
    }
}
