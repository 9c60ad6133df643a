package org.pluralstats.design.replicate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.pluralstats.PluralstatsException;

/**
 * A one-stage, possibly stratified, cluster sample given as plain arrays — each respondent's sampling weight,
 * cluster (PSU) and stratum, and optionally the number of PSUs in its stratum's population — to be turned into
 * replicate weights as R survey's {@code as.svrepdesign(design, type = "JK1" | "JKn" | "bootstrap")} does.
 * Immutable; {@link #of} and {@code with…} copies. The designs it makes have replicate weights that multiply the
 * sampling weights ({@code combined.weights = FALSE}), as {@code as.svrepdesign}'s.
 *
 * <p>PSUs and strata are taken in order of first appearance (R's {@code unique}); cluster ids must be nested in
 * strata (an id in two strata is refused: make ids unique, for example by prefixing the stratum, as R's
 * {@code nest = TRUE} does). Only the first stage is used, as {@code as.svrepdesign} does.
 */
public final class ClusterSample {
    private final double[] weights;
    private final String[] clusters;
    private final String[] strata;
    private final double[] populationSizes;

    private ClusterSample(double[] weights, String[] clusters, String[] strata, double[] populationSizes) {
        this.weights = weights;
        this.clusters = clusters;
        this.strata = strata;
        this.populationSizes = populationSizes;
    }

    /**
     * @param weights each respondent's sampling weight ({@code 1/π})
     * @param clusters each respondent's cluster (PSU) id
     * @return an unstratified sample without finite-population correction
     */
    public static ClusterSample of(double[] weights, String[] clusters) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(clusters, "clusters");
        if (clusters.length != weights.length) {
            throw new PluralstatsException("clusters has " + clusters.length + " ids; expected one per respondent ("
                    + weights.length + ")");
        }
        for (int i = 0; i < clusters.length; i++) {
            if (clusters[i] == null) {
                throw new PluralstatsException("respondent " + (i + 1) + " has no cluster id");
            }
            if (!Double.isFinite(weights[i]) || weights[i] < 0) {
                throw new PluralstatsException("weight of respondent " + (i + 1) + " is " + weights[i]
                        + "; expected a finite number >= 0");
            }
        }
        return new ClusterSample(weights.clone(), clusters.clone(), null, null);
    }

    /**
     * @param weights each respondent's sampling weight
     * @return a sample whose every respondent is its own PSU ({@code svydesign(ids = ~1, …)})
     */
    public static ClusterSample ofRespondents(double[] weights) {
        String[] ids = new String[weights.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Integer.toString(i + 1);
        }
        return of(weights, ids);
    }

    /**
     * @param strata each respondent's stratum
     * @return a copy that is stratified by them
     */
    public ClusterSample withStrata(String[] strata) {
        Objects.requireNonNull(strata, "strata");
        if (strata.length != weights.length) {
            throw new PluralstatsException("strata has " + strata.length + " values; expected one per respondent ("
                    + weights.length + ")");
        }
        Map<String, String> stratumOf = new LinkedHashMap<>();
        for (int i = 0; i < strata.length; i++) {
            if (strata[i] == null) {
                throw new PluralstatsException("respondent " + (i + 1) + " has no stratum");
            }
            String before = stratumOf.putIfAbsent(clusters[i], strata[i]);
            if (before != null && !before.equals(strata[i])) {
                throw new PluralstatsException("cluster " + clusters[i] + " is in strata " + before + " and "
                        + strata[i] + "; clusters must be nested in strata (make the ids unique per stratum)");
            }
        }
        return new ClusterSample(weights, clusters, strata.clone(), populationSizes);
    }

    /**
     * @param populationSizes for each respondent, the number of PSUs in the population of its stratum (R's
     *     {@code fpc} given as a population size); the same within a stratum
     * @return a copy with that finite-population correction
     */
    public ClusterSample withPopulationSizes(double[] populationSizes) {
        Objects.requireNonNull(populationSizes, "populationSizes");
        if (populationSizes.length != weights.length) {
            throw new PluralstatsException("populationSizes has " + populationSizes.length
                    + " values; expected one per respondent (" + weights.length + ")");
        }
        for (int i = 0; i < populationSizes.length; i++) {
            if (!Double.isFinite(populationSizes[i]) || populationSizes[i] <= 0) {
                throw new PluralstatsException("population size of respondent " + (i + 1) + " is "
                        + populationSizes[i] + "; expected a finite number > 0");
            }
        }
        return new ClusterSample(weights, clusters, strata, populationSizes.clone());
    }

    /** @return the number of respondents */
    public int size() {
        return weights.length;
    }

    /** The strata, each with its PSUs' ids and the first respondent of each PSU, in order of appearance. */
    private Map<String, List<Integer>> strataPsus(List<String> psuIds, int[] psuOfRespondent) {
        Map<String, Integer> psuIndex = new LinkedHashMap<>();
        Map<String, List<Integer>> byStratum = new LinkedHashMap<>();
        for (int i = 0; i < clusters.length; i++) {
            Integer p = psuIndex.get(clusters[i]);
            if (p == null) {
                p = psuIds.size();
                psuIndex.put(clusters[i], p);
                psuIds.add(clusters[i]);
                byStratum.computeIfAbsent(stratum(i), s -> new ArrayList<>()).add(p);
            }
            psuOfRespondent[i] = p;
        }
        return byStratum;
    }

    private String stratum(int i) {
        return strata == null ? "" : strata[i];
    }

    /** The population size of each stratum, in one pass: R refuses more than one value in a stratum. */
    private Map<String, Double> popsizes() {
        Map<String, Double> sizes = new LinkedHashMap<>();
        for (int i = 0; i < weights.length; i++) {
            Double found = sizes.putIfAbsent(stratum(i), populationSizes[i]);
            if (found != null && found != populationSizes[i]) {
                throw new PluralstatsException("more than one population size (" + found + ", "
                        + populationSizes[i] + ") in stratum " + label(stratum(i)));
            }
        }
        return sizes;
    }

    private String label(String stratum) {
        return strata == null ? "(the whole sample)" : stratum;
    }

    /**
     * The delete-one-cluster jackknife ({@code as.svrepdesign(design, type = "JK1")}, R survey's
     * {@code jk1weights}): with {@code n} PSUs, replicate {@code j} multiplies the weights of PSU {@code j}'s
     * respondents by 0 and all others by {@code n/(n − 1)}; {@code scale = f·(n − 1)/n} with
     * {@code f = (N − n)/N} for a population of {@code N} PSUs, else 1; {@code rscales = 1}.
     *
     * @return the replicate design (multipliers of the sampling weights)
     */
    public ReplicateDesign jk1() {
        if (strata != null) {
            throw new PluralstatsException("JK1 is for unstratified designs; this sample is stratified: use jkn()");
        }
        List<String> psus = new ArrayList<>();
        int[] psuOf = new int[weights.length];
        strataPsus(psus, psuOf);
        int n = psus.size();
        if (n < 2) {
            throw new PluralstatsException("the jackknife needs at least 2 clusters; the sample has " + n);
        }
        double fpc = 1;
        if (populationSizes != null) {
            double big = popsizes().get("");
            if (big < n) {
                throw new PluralstatsException("population size " + big + " is smaller than the " + n
                        + " sampled clusters");
            }
            fpc = (big - n) / big;
            exhaustive(fpc, "(the whole sample)");
        }
        double keep = (double) n / (n - 1);
        double[][] reps = new double[n][weights.length];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < weights.length; i++) {
                reps[j][i] = psuOf[i] == j ? 0 : keep;
            }
        }
        return ReplicateDesign.jk1(weights, reps, fpc * (n - 1) / n).withCombinedWeights(false)
                .withOrigin("as.svrepdesign(<" + describe(n, 1) + ">, type = \"JK1\")");
    }

    private static void exhaustive(double fpc, String stratum) {
        if (fpc == 0) {
            throw new PluralstatsException("stratum " + stratum + " was sampled exhaustively (all its PSUs);"
                    + " replicates for it are not supported");
        }
    }

    /**
     * The stratified jackknife ({@code as.svrepdesign(design, type = "JKn")}, R survey's {@code jknweights}): one
     * replicate per PSU, strata in order of appearance; the replicate deleting PSU {@code j} of stratum {@code h}
     * (with {@code n_h} PSUs) multiplies the weights of {@code j}'s respondents by 0, of the other PSUs in
     * {@code h} by {@code n_h/(n_h − 1)}, and leaves the other strata; {@code rscales = f_h·(n_h − 1)/n_h} with
     * {@code f_h = (N_h − n_h)/N_h} for a population of {@code N_h} PSUs, else 1; {@code scale = 1}. A stratum with
     * one PSU is refused (R's {@code lonely.psu = "fail"}).
     *
     * @return the replicate design
     */
    public ReplicateDesign jkn() {
        List<String> psus = new ArrayList<>();
        int[] psuOf = new int[weights.length];
        Map<String, List<Integer>> byStratum = strataPsus(psus, psuOf);
        double[][] reps = new double[psus.size()][];
        double[] rscales = new double[psus.size()];
        int[] stratumOfPsu = new int[psus.size()];
        int h = 0;
        for (List<Integer> members : byStratum.values()) {
            for (int p : members) {
                stratumOfPsu[p] = h;
            }
            h++;
        }
        Map<String, Double> sizes = populationSizes == null ? Map.of() : popsizes();
        int counter = 0;
        h = 0;
        for (Map.Entry<String, List<Integer>> e : byStratum.entrySet()) {
            List<Integer> members = e.getValue();
            int nh = members.size();
            if (nh < 2) {
                throw new PluralstatsException("stratum " + e.getKey() + " has only one PSU; the jackknife needs 2");
            }
            double fpc = 1;
            if (populationSizes != null) {
                double big = sizes.get(e.getKey());
                if (big < nh) {
                    throw new PluralstatsException("stratum " + e.getKey() + ": population size " + big
                            + " is smaller than its " + nh + " sampled PSUs");
                }
                fpc = (big - nh) / big;
                exhaustive(fpc, e.getKey());
            }
            double keep = (double) nh / (nh - 1);
            for (int deleted : members) {
                double[] rep = new double[weights.length];
                for (int i = 0; i < weights.length; i++) {
                    int p = psuOf[i];
                    rep[i] = p == deleted ? 0 : stratumOfPsu[p] == h ? keep : 1;
                }
                reps[counter] = rep;
                rscales[counter] = fpc * (nh - 1) / nh;
                counter++;
            }
            h++;
        }
        return ReplicateDesign.jkn(weights, reps, rscales).withCombinedWeights(false)
                .withOrigin("as.svrepdesign(<" + describe(psus.size(), byStratum.size()) + ">, type = \"JKn\")");
    }

    /**
     * The survey bootstrap of Rao and Wu (1988) as Canty and Davison (1999) and R survey's {@code bootweights}
     * ({@code as.svrepdesign(design, type = "bootstrap", replicates = R)}) do it: in each stratum the PSUs are
     * shuffled once; then each replicate draws {@code n_h} PSUs with replacement from the stratum's {@code n_h}
     * (without a population size) or without replacement from the {@code N_h} entries of the shuffled PSUs
     * repeated cyclically (with one, R's population bootstrap), and multiplies each PSU's weights by the number of
     * times it was drawn. {@code scale = h̄/((h̄ − 1)(R − 1))} with {@code h̄} the harmonic mean of the numbers of
     * PSUs per stratum; {@code rscales = 1}.
     *
     * <p>Reproducible: the draws come from {@link SplittableRandom} with the seed, strata in order of appearance,
     * so the same seed gives the same replicate weights on every machine. They are not R's draws (R's random
     * numbers cannot be reproduced here); the method and the scale are R's.
     *
     * @param replicates the number of replicates {@code R} (at least 2)
     * @param seed the random seed
     * @return the replicate design
     */
    public ReplicateDesign bootstrap(int replicates, long seed) {
        if (replicates < 2) {
            throw new PluralstatsException("the bootstrap needs at least 2 replicates; " + replicates + " asked");
        }
        List<String> psus = new ArrayList<>();
        int[] psuOf = new int[weights.length];
        Map<String, List<Integer>> byStratum = strataPsus(psus, psuOf);
        int[][] counts = new int[replicates][psus.size()];
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, Double> sizes = populationSizes == null ? Map.of() : popsizes();
        double inverseSum = 0;
        for (Map.Entry<String, List<Integer>> e : byStratum.entrySet()) {
            int[] members = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            int nh = members.length;
            if (nh < 2) {
                throw new PluralstatsException("stratum " + label(e.getKey()) + " has only one PSU; the bootstrap needs 2");
            }
            inverseSum += 1.0 / nh;
            int[] shuffled = members.clone();
            for (int i = nh - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            long big = -1;
            if (populationSizes != null) {
                double size = sizes.get(e.getKey());
                if (size < nh) {
                    throw new PluralstatsException("stratum " + label(e.getKey()) + ": population size " + size
                            + " is smaller than its " + nh + " sampled PSUs");
                }
                big = (long) Math.floor(size);
            }
            for (int r = 0; r < replicates; r++) {
                if (big < 0) {
                    for (int k = 0; k < nh; k++) {
                        counts[r][shuffled[rng.nextInt(nh)]]++;
                    }
                } else {
                    for (long position : drawWithoutReplacement(big, nh, rng)) {
                        counts[r][shuffled[(int) (position % nh)]]++;
                    }
                }
            }
        }
        double harmonic = byStratum.size() / inverseSum;
        double[][] reps = new double[replicates][weights.length];
        for (int r = 0; r < replicates; r++) {
            for (int i = 0; i < weights.length; i++) {
                reps[r][i] = counts[r][psuOf[i]];
            }
        }
        double scale = harmonic / ((harmonic - 1) * (replicates - 1));
        return ReplicateDesign.bootstrap(weights, reps).withScale(scale).withCombinedWeights(false)
                .withOrigin("as.svrepdesign(<" + describe(psus.size(), byStratum.size())
                        + ">, type = \"bootstrap\", replicates = " + replicates + "), seed " + seed);
    }

    /** Floyd's algorithm: {@code k} distinct positions of {@code 0..size-1}, uniformly. */
    private static long[] drawWithoutReplacement(long size, int k, SplittableRandom rng) {
        Set<Long> chosen = new HashSet<>();
        long[] out = new long[k];
        int m = 0;
        for (long j = size - k; j < size; j++) {
            long t = rng.nextLong(j + 1);
            long pick = chosen.add(t) ? t : j;
            if (pick == j) {
                chosen.add(j);
            }
            out[m++] = pick;
        }
        return out;
    }

    private String describe(int psus, int nstrata) {
        return "cluster sample: " + weights.length + " respondents, " + psus + " PSUs"
                + (strata == null ? "" : " in " + nstrata + " strata") + (populationSizes == null ? "" : ", with fpc");
    }

    /** @return what the sample is: respondents, PSUs, strata, whether with fpc */
    @Override
    public String toString() {
        List<String> psus = new ArrayList<>();
        Map<String, List<Integer>> s = strataPsus(psus, new int[weights.length]);
        return describe(psus.size(), s.size());
    }
}
