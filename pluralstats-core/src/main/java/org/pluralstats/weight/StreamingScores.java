package org.pluralstats.weight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.CategoricalColumn;
import org.pluralstats.data.Item;
import org.pluralstats.data.MissingReason;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.SurveyData;
import org.pluralstats.stats.CompensatedSum;

/**
 * Value polarity scores (Eq. 1) computed in one streaming pass over a data file, holding per
 * population × item × answer code only five running sums, never the rows: for files larger than
 * memory (10,000,000 respondents in a 512 MB heap).
 *
 * <p>Eq. 1 and its linearised SE need, over the respondents of P who answered q, only {@code m},
 * {@code Σw}, {@code ΣwA} and {@code Σw²} split by {@code A}. Since {@code A} is a function of the
 * answer code, the pass accumulates count, {@code Σw} and {@code Σw²} per code (compensated sums), and
 * the binarisation is applied afterwards to each item's pooled set of codes, through the same
 * {@link Binarisation} as the in-memory path (so the paper rule's pooled maximum, reversals, listed
 * and missing codes are identical). The reader of the file ({@code io.StreamedScores}) hands each
 * respondent to a {@link Pass}, leaving out missing values as {@code SurveyFiles.read} does
 * (system-missing, declared user-missing, and WVS/EVS codes -1..-5 when the conventions apply). The results equal
 * {@link ValuePolarityScores#estimate(PolarityDesign)} on the same file up to rounding of the
 * (compensated) sums.
 *
 * <p>Populations: a column's values in order of first appearance, or {@code global}. Weights: the
 * product of columns, the convention's default ({@link WeightSpec#design()}), or none.
 */
public final class StreamingScores {
    private static final int SMALL_MIN = -128;
    private static final int SMALL_MAX = 1023;

    private final Binarisation binarisation;
    private final Optional<String> population;
    private final WeightSpec weight;
    private final InvalidWeights invalidWeights;
    private final ValuePolarityScores estimator;

    private StreamingScores(Binarisation binarisation, Optional<String> population, WeightSpec weight,
                            InvalidWeights invalidWeights, ValuePolarityScores estimator) {
        this.binarisation = binarisation;
        this.population = population;
        this.weight = weight;
        this.invalidWeights = invalidWeights;
        this.estimator = estimator;
    }

    /**
     * @param binarisation how answers become stances
     * @param population a column whose values are the populations, or {@value PopulationSpec#GLOBAL} for
     *     every respondent as one population (as {@link PopulationSpec#parse})
     * @param weight the weight: a product of columns, {@link WeightSpec#design()} (the convention's default) or none
     * @param invalidWeights whether a non-positive or missing weight is an error or an exclusion
     * @return the scorer, with 95% intervals
     */
    public static StreamingScores of(Binarisation binarisation, String population, WeightSpec weight,
                                     InvalidWeights invalidWeights) {
        Optional<String> column = population.strip().equalsIgnoreCase(PopulationSpec.GLOBAL) ? Optional.empty()
                : Optional.of(population.strip());
        return new StreamingScores(binarisation, column, weight, invalidWeights, ValuePolarityScores.withDefaults());
    }

    /** Running sums of one item for one answer code, one slot per population: Σw (counting the answers) and Σw². */
    private static final class CodeSums {
        final double code;
        CompensatedSum[] w = new CompensatedSum[0];
        CompensatedSum[] w2 = new CompensatedSum[0];
        long[] excluded = new long[0];

        CodeSums(double code) {
            this.code = code;
            ensure(4);
        }

        void ensure(int pops) {
            if (pops > w.length) {
                int n = Math.max(pops, w.length * 2);
                int from = w.length;
                w = Arrays.copyOf(w, n);
                w2 = Arrays.copyOf(w2, n);
                excluded = Arrays.copyOf(excluded, n);
                for (int p = from; p < n; p++) {
                    w[p] = CompensatedSum.create();
                    w2[p] = CompensatedSum.create();
                }
            }
        }

        void add(int p, double x) {
            w[p].accept(x);
            w2[p].accept(x * x);
        }
    }

    /** All codes of one item. */
    private static final class ItemSums {
        final Item item;
        final CodeSums[] small = new CodeSums[SMALL_MAX - SMALL_MIN + 1];
        final Map<Double, CodeSums> other = new HashMap<>();

        ItemSums(Item item) {
            this.item = item;
        }

        CodeSums of(double v) {
            if (v >= SMALL_MIN && v <= SMALL_MAX && v == Math.rint(v)) {
                int k = (int) v - SMALL_MIN;
                CodeSums c = small[k];
                if (c == null) {
                    c = new CodeSums(v);
                    small[k] = c;
                }
                return c;
            }
            return other.computeIfAbsent(v, CodeSums::new);
        }

        List<CodeSums> all() {
            List<CodeSums> out = new ArrayList<>();
            for (CodeSums c : small) {
                if (c != null) {
                    out.add(c);
                }
            }
            out.addAll(other.values());
            out.sort((a, b) -> Double.compare(a.code, b.code));
            return out;
        }
    }

    /** @return the column whose values are the populations, or empty for {@code global} */
    public Optional<String> population() {
        return population;
    }

    /** @return the weight: a product of columns, {@link WeightSpec#design()} or none */
    public WeightSpec weight() {
        return weight;
    }

    /** @return the items the binarisation lists; empty: every numeric column that is not a population, weight or id */
    public List<ItemCoding> items() {
        return binarisation.items();
    }

    /**
     * Starts one pass: the caller (a reader of the file, {@code io.StreamedScores}) hands over each
     * respondent's population, weight and answer codes, missing values already left out.
     *
     * @param source the file name, for messages
     * @param items the items scored, in output order
     * @param countryVariable the WVS/EVS country variable when the file follows those conventions (its
     *     presence makes codes ≤ 0 missing under the default policy, as in {@link Binarisation})
     * @param weightColumns the weight columns multiplied, for messages (empty: unweighted)
     * @return the pass
     */
    public Pass start(String source, List<Item> items, Optional<String> countryVariable, List<String> weightColumns) {
        return new Pass(source, items, countryVariable, weightColumns);
    }

    /** One pass over a file's respondents: running sums per item × answer code × population. Not thread-safe. */
    public final class Pass {
        private final String source;
        private final Optional<String> countryVariable;
        private final String weightExpression;
        private final ItemSums[] sums;
        private final Map<String, Integer> popIndex = new LinkedHashMap<>();

        private Pass(String source, List<Item> items, Optional<String> countryVariable, List<String> weightColumns) {
            this.source = source;
            this.countryVariable = countryVariable;
            this.weightExpression = weightColumns.isEmpty() ? "1" : String.join("*", weightColumns);
            this.sums = new ItemSums[items.size()];
            for (int i = 0; i < sums.length; i++) {
                sums[i] = new ItemSums(items.get(i));
            }
            if (population.isEmpty()) {
                popIndex.put(PopulationSpec.GLOBAL, 0);
            }
        }

        /**
         * @param value a respondent's population value (shortest form of a number), or {@code null} when
         *     missing; ignored when scoring {@code global}
         * @return the population's index (new values numbered in order of first appearance), -1 for none
         */
        public int population(String value) {
            if (population.isEmpty()) {
                return 0;
            }
            if (value == null) {
                return -1;
            }
            return popIndex.computeIfAbsent(value, k -> popIndex.size());
        }

        /**
         * @param w a respondent's weight (the product of the weight columns; 1 unweighted)
         * @param row the respondent's 0-based row, for messages
         * @return whether the weight is usable (finite and positive)
         * @throws PluralstatsException for an unusable weight when invalid weights are errors
         */
        public boolean weight(double w, long row) {
            boolean ok = PolarityDesign.valid(w);
            if (!ok && invalidWeights == InvalidWeights.FAIL) {
                throw new PluralstatsException(source + ": respondent in row " + (row + 1) + ": weight " + weightExpression
                        + " is not usable (" + (Double.isNaN(w) ? "missing" : SurveyData.formatNumber(w))
                        + "); exclude such respondents to go on (--exclude-invalid-weights)");
            }
            return ok;
        }

        /**
         * Adds one answer.
         *
         * @param item the item's index in the list given to {@link #start}
         * @param population the population index from {@link #population(String)}; negative: left out
         * @param code the answer code (not missing)
         * @param w the weight
         * @param usable whether the weight is usable ({@link #weight}); if not the answer counts as excluded
         */
        public void add(int item, int population, double code, double w, boolean usable) {
            if (population < 0) {
                return;
            }
            CodeSums c = sums[item].of(code);
            c.ensure(popIndex.size());
            if (usable) {
                c.add(population, w);
            } else {
                c.excluded[population]++;
            }
        }

        /** @return one row per population × item, populations in order of first appearance */
        public ScoreTable finish() {
            return scores(source, countryVariable, sums, popIndex);
        }
    }

    /**
     * Binarises each item's pooled codes through {@link Binarisation#apply(SurveyData)} on a table with
     * one row per distinct code, then sums the per-code totals into each population's score.
     */
    private ScoreTable scores(String source, Optional<String> country, ItemSums[] sums, Map<String, Integer> popIndex) {
        int rows = 1;
        List<List<CodeSums>> codes = new ArrayList<>();
        for (ItemSums s : sums) {
            List<CodeSums> all = s.all();
            codes.add(all);
            rows = Math.max(rows, all.size());
        }
        SurveyData.Builder table = SurveyData.builder(source);
        if (country.isPresent()) {
            // Binarisation's AUTO policy for codes <= 0 looks for the WVS/EVS country attribute
            CategoricalColumn.Builder c = CategoricalColumn.builder(Item.choice(country.get(), "", List.of()));
            for (int r = 0; r < rows; r++) {
                c.addMissing(MissingReason.SYSTEM_MISSING);
            }
            table.attribute(c.build());
        }
        for (int i = 0; i < sums.length; i++) {
            NumericColumn.Builder b = NumericColumn.builder(sums[i].item, rows);
            for (CodeSums c : codes.get(i)) {
                b.add(c.code);
            }
            for (int r = codes.get(i).size(); r < rows; r++) {
                b.addMissing(MissingReason.SYSTEM_MISSING);
            }
            table.item(b.build());
        }
        List<BinaryItem> items = binarisation.apply(table.build());
        Map<String, Integer> itemIndex = new HashMap<>();
        for (int i = 0; i < sums.length; i++) {
            itemIndex.put(sums[i].item.id().toLowerCase(Locale.ROOT), i);
        }
        List<ValuePolarityScore> out = new ArrayList<>();
        for (Map.Entry<String, Integer> pe : popIndex.entrySet()) {
            int p = pe.getValue();
            for (BinaryItem bi : items) {
                List<CodeSums> cs = codes.get(itemIndex.get(bi.id().toLowerCase(Locale.ROOT)));
                long m = 0;
                long excluded = 0;
                double sw = 0;
                double swa = 0;
                double pos2 = 0;
                double neg2 = 0;
                for (int r = 0; r < cs.size(); r++) {
                    int a = bi.value(r);
                    CodeSums c = cs.get(r);
                    if (a < 0 || p >= c.w.length) {
                        continue;
                    }
                    m += c.w[p].count();
                    excluded += c.excluded[p];
                    double cw = c.w[p].getAsDouble();
                    double cw2 = c.w2[p].getAsDouble();
                    sw += cw;
                    if (a == 1) {
                        swa += cw;
                        pos2 += cw2;
                    } else {
                        neg2 += cw2;
                    }
                }
                if (m > Integer.MAX_VALUE) {
                    throw new PluralstatsException("more than 2^31 answers to " + bi.id() + " in " + pe.getKey());
                }
                out.add(estimator.fromSums(pe.getKey(), bi.id(), (int) m, sw, swa, pos2, neg2, (int) excluded));
            }
        }
        return ScoreTable.of(out);
    }
}
