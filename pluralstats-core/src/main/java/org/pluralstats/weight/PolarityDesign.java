package org.pluralstats.weight;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.SurveyData;

/**
 * A survey design for value polarity scores, in the spirit of R survey's {@code svydesign}: the data,
 * its binarised items, the populations and the weights, resolved and checked once so that several
 * estimators ({@link ValuePolarityScores}, {@link HumanSelfConsistency}) can share them.
 *
 * <pre>{@code
 * SurveyData data = SurveyFiles.read(Path.of("wvs7.csv"));
 * PolarityDesign design = PolarityDesign.builder(data)
 *         .binarisation(Binarisation.paper())
 *         .populations(PopulationSpec.by("B_COUNTRY_ALPHA"))
 *         .weight(WeightSpec.parse("W_WEIGHT*S018"))
 *         .build();
 * ScoreTable scores = ValuePolarityScores.withDefaults().estimate(design);
 * }</pre>
 *
 * <p>Weights: every respondent of a population needs a finite positive weight. Under
 * {@link InvalidWeights#FAIL} (the default) the first invalid one is an error naming the respondent,
 * the row and the variable; under {@link InvalidWeights#EXCLUDE} such respondents are left out of all
 * estimates and counted per population and reason.
 */
public final class PolarityDesign {
    private final SurveyData data;
    private final List<BinaryItem> items;
    private final List<String> populations;
    private final int[][] rows;
    private final int[][] excludedRows;
    private final double[] weights;
    private final WeightSpec weight;
    private final PopulationSpec populationSpec;
    private final Map<String, Integer> exclusionReasons;

    private final InvalidWeights invalidWeights;

    private PolarityDesign(Builder b) {
        this(b.data, List.copyOf(b.binarisation.apply(b.data)), b.weight, b.weight.weights(b.data), b.populations,
                b.invalidWeights);
    }

    private PolarityDesign(SurveyData data, List<BinaryItem> items, WeightSpec weight, double[] weights,
                           PopulationSpec populationSpec, InvalidWeights invalidWeights) {
        this.data = data;
        this.weight = weight;
        this.populationSpec = populationSpec;
        this.items = items;
        this.weights = weights;
        this.invalidWeights = invalidWeights;
        Map<String, int[]> groups = populationSpec.groups(data);
        this.populations = List.copyOf(groups.keySet());
        this.rows = new int[populations.size()][];
        this.excludedRows = new int[populations.size()][];
        Map<String, Integer> reasons = new LinkedHashMap<>();
        boolean[] invalidSeen = new boolean[data.rows()];
        int p = 0;
        for (int[] g : groups.values()) {
            int valid = 0;
            for (int r : g) {
                if (valid(weights[r])) {
                    valid++;
                }
            }
            int[] keep = new int[valid];
            int[] drop = new int[g.length - valid];
            int k = 0;
            int d = 0;
            for (int r : g) {
                if (valid(weights[r])) {
                    keep[k++] = r;
                } else {
                    if (invalidWeights == InvalidWeights.FAIL) {
                        throw invalid(r, g.length - valid);
                    }
                    drop[d++] = r;
                    if (!invalidSeen[r]) {
                        invalidSeen[r] = true;
                        reasons.merge(reason(weights[r]), 1, Integer::sum);
                    }
                }
            }
            rows[p] = keep;
            excludedRows[p] = drop;
            p++;
        }
        this.exclusionReasons = Collections.unmodifiableMap(reasons);
    }

    /**
     * @param data the survey data (any source: WVS/EVS files, Google Forms exports)
     * @return a builder with the defaults: {@link Binarisation#paper()}, {@link PopulationSpec#global()},
     *     {@link WeightSpec#design()}, {@link InvalidWeights#FAIL}
     */
    public static Builder builder(SurveyData data) {
        return new Builder(data);
    }

    static boolean valid(double w) {
        return w > 0 && w < Double.POSITIVE_INFINITY;
    }

    private static String reason(double w) {
        return Double.isNaN(w) ? "missing weight" : w == 0 ? "zero weight" : w < 0 ? "negative weight" : "infinite weight";
    }

    private PluralstatsException invalid(int row, int count) {
        String problem = weight.problem(data, row).orElse("weight " + weights[row]);
        return new PluralstatsException(data.source() + ": respondent " + data.id(row) + " (row " + (row + 1)
                + "): weight " + weight.expression() + " is not usable: " + problem
                + (count > 1 ? " (" + (count - 1) + " more in this population)" : "")
                + "; exclude such respondents to go on (--exclude-invalid-weights)");
    }

    /** @return the data */
    public SurveyData data() {
        return data;
    }

    /** @return the binarised items, in order */
    public List<BinaryItem> items() {
        return items;
    }

    /** @return the population names, in order */
    public List<String> populations() {
        return populations;
    }

    /** @return the weight spec */
    public WeightSpec weight() {
        return weight;
    }

    /** @return the population spec */
    public PopulationSpec populationSpec() {
        return populationSpec;
    }

    /**
     * @param population a population index
     * @return the number of respondents kept in it
     */
    public int size(int population) {
        return rows[population].length;
    }

    /**
     * @param population a population index
     * @return the number of its respondents excluded for an invalid weight
     */
    public int excluded(int population) {
        return excludedRows[population].length;
    }

    /** @return the respondents excluded for an invalid weight, per reason ({@code "zero weight"}: 2), each counted once */
    public Map<String, Integer> exclusionReasons() {
        return exclusionReasons;
    }

    /** @return the number of distinct respondents excluded for an invalid weight */
    public int excludedTotal() {
        int n = 0;
        for (int v : exclusionReasons.values()) {
            n += v;
        }
        return n;
    }

    int[] rows(int population) {
        return rows[population];
    }

    int[] excludedRows(int population) {
        return excludedRows[population];
    }

    double[] weightArray() {
        return weights;
    }

    /** Configures a {@link PolarityDesign}. */
    public static final class Builder {
        private final SurveyData data;
        private Binarisation binarisation = Binarisation.paper();
        private PopulationSpec populations = PopulationSpec.global();
        private WeightSpec weight = WeightSpec.design();
        private InvalidWeights invalidWeights = InvalidWeights.FAIL;

        private Builder(SurveyData data) {
            this.data = data;
        }

        /** @param b how answers become {@code A} @return this */
        public Builder binarisation(Binarisation b) {
            this.binarisation = b;
            return this;
        }

        /** @param spec the populations @return this */
        public Builder populations(PopulationSpec spec) {
            this.populations = spec;
            return this;
        }

        /** @param spec the weights @return this */
        public Builder weight(WeightSpec spec) {
            this.weight = spec;
            return this;
        }

        /** @param policy what to do with invalid weights @return this */
        public Builder invalidWeights(InvalidWeights policy) {
            this.invalidWeights = policy;
            return this;
        }

        /**
         * @return the design
         * @throws PluralstatsException for unknown items, columns, or (under {@link InvalidWeights#FAIL})
         *     an invalid weight
         */
        public PolarityDesign build() {
            return new PolarityDesign(this);
        }
    }

    @Override
    public String toString() {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < populations.size(); i++) {
            s.add(populations.get(i) + "=" + rows[i].length);
        }
        return "PolarityDesign[" + data.source() + ", " + items.size() + " items, weight " + weight.expression()
                + ", populations " + s + "]";
    }
}
