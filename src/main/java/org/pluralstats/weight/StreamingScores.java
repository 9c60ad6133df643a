package org.pluralstats.weight;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pluralstats.PluralstatsException;
import org.pluralstats.data.CategoricalColumn;
import org.pluralstats.data.Item;
import org.pluralstats.data.MissingReason;
import org.pluralstats.data.NumericColumn;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.CaseBatch;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.FileDictionary;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.io.Variable;
import org.pluralstats.io.wvs.WvsConventions;
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
 * and missing codes are identical). Missing values follow {@link SurveyFiles#read}: system-missing,
 * declared user-missing, and WVS/EVS codes -1..-5 when the conventions apply. The results equal
 * {@link ValuePolarityScores#estimate(PolarityDesign)} on the same file up to rounding of the
 * (compensated) sums.
 *
 * <p>Populations: a column's values in order of first appearance, or {@code global}. Weights: the
 * product of columns, the convention's default ({@link WeightSpec#design()}), or none.
 */
public final class StreamingScores {
    private static final int BATCH = 1024;
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
        final Variable variable;
        final CodeSums[] small = new CodeSums[SMALL_MAX - SMALL_MIN + 1];
        final Map<Double, CodeSums> other = new HashMap<>();

        ItemSums(Variable variable) {
            this.variable = variable;
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

    /**
     * Scores a file in one pass.
     *
     * @param file a CSV, .sav, .zsav or .dta file
     * @return one row per population × item, populations in order of first appearance
     */
    public ScoreTable estimate(Path file) {
        try (CaseReader reader = SurveyFiles.open(file)) {
            return estimate(reader);
        }
    }

    /**
     * Scores the remaining cases of an open reader in one pass, as {@link #estimate(Path)} does; the
     * caller can then ask the reader for its {@link CaseReader#warnings()}.
     *
     * @param reader an open reader before its first case
     * @return one row per population × item, populations in order of first appearance
     */
    public ScoreTable estimate(CaseReader reader) {
        FileDictionary dict = reader.dictionary();
        WvsConventions conv = WvsConventions.detect(dict);
        boolean wvs = conv.applies();
        Optional<Variable> popVar = population.map(p -> SurveyFiles.require(dict, p));
        List<Variable> weightVars = new ArrayList<>();
        List<String> weightNames = weight instanceof WeightSpec.Design ? conv.defaultWeight() : weight.columns();
        for (String w : weightNames) {
            Variable v = SurveyFiles.require(dict, w);
            if (!v.isNumeric()) {
                throw new PluralstatsException(dict.file() + ": weight variable " + v.name() + " is not numeric");
            }
            weightVars.add(v);
        }
        Set<Integer> notItems = new LinkedHashSet<>();
        popVar.ifPresent(v -> notItems.add(v.index()));
        weightVars.forEach(v -> notItems.add(v.index()));
        conv.countryVariable().ifPresent(n -> notItems.add(SurveyFiles.require(dict, n).index()));
        conv.languageVariable().ifPresent(n -> notItems.add(SurveyFiles.require(dict, n).index()));
        conv.idVariable().ifPresent(n -> notItems.add(SurveyFiles.require(dict, n).index()));
        List<Variable> itemVars = new ArrayList<>();
        if (binarisation.items().isEmpty()) {
            for (Variable v : dict.variables()) {
                if (v.isNumeric() && !notItems.contains(v.index())) {
                    itemVars.add(v);
                }
            }
        } else {
            for (ItemCoding c : binarisation.items()) {
                itemVars.add(SurveyFiles.require(dict, c.id()));
            }
        }

        Set<Integer> selected = new LinkedHashSet<>();
        itemVars.forEach(v -> selected.add(v.index()));
        popVar.ifPresent(v -> selected.add(v.index()));
        weightVars.forEach(v -> selected.add(v.index()));
        int[] sel = selected.stream().mapToInt(Integer::intValue).toArray();
        reader.select(sel);
        int[] column = new int[dict.variables().size()];
        for (int j = 0; j < sel.length; j++) {
            column[sel[j]] = j;
        }
        CaseBatch batch = CaseBatch.of(dict, sel, BATCH);

        ItemSums[] sums = new ItemSums[itemVars.size()];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = new ItemSums(itemVars.get(i));
        }
        Map<String, Integer> popIndex = new LinkedHashMap<>();
        if (popVar.isEmpty()) {
            popIndex.put("global", 0);
        }
        int[] pop = new int[BATCH];
        double[] w = new double[BATCH];
        boolean[] ok = new boolean[BATCH];
        long row = 0;
        int n;
        while ((n = reader.nextBatch(batch)) > 0) {
            populations(batch, popVar, column, n, popIndex, pop);
            weights(batch, weightVars, column, n, w, ok, row, dict.file());
            for (ItemSums s : sums) {
                int j = column[s.variable.index()];
                double[] x = batch.numbers(j);
                for (int r = 0; r < n; r++) {
                    double v = x[r];
                    if (pop[r] < 0 || SurveyFiles.isMissing(v, s.variable.missing(), wvs)) {
                        continue;
                    }
                    CodeSums c = s.of(v);
                    c.ensure(popIndex.size());
                    if (ok[r]) {
                        c.add(pop[r], w[r]);
                    } else {
                        c.excluded[pop[r]]++;
                    }
                }
            }
            row += n;
        }
        return scores(dict, conv, sums, popIndex);
    }

    private static void populations(CaseBatch batch, Optional<Variable> popVar, int[] column, int n,
                                    Map<String, Integer> popIndex, int[] pop) {
        if (popVar.isEmpty()) {
            Arrays.fill(pop, 0, n, 0);
            return;
        }
        Variable v = popVar.get();
        int j = column[v.index()];
        for (int r = 0; r < n; r++) {
            String key;
            if (v.isNumeric()) {
                double x = batch.numbers(j)[r];
                key = Double.isNaN(x) ? null : SurveyData.formatNumber(x);
            } else {
                String s = batch.strings(j)[r];
                key = s.isEmpty() || v.missing().isMissing(s) ? null : s;
            }
            if (key == null) {
                pop[r] = -1;
            } else {
                Integer k = popIndex.get(key);
                if (k == null) {
                    k = popIndex.size();
                    popIndex.put(key, k);
                }
                pop[r] = k;
            }
        }
    }

    private void weights(CaseBatch batch, List<Variable> weightVars, int[] column, int n, double[] w, boolean[] ok,
                         long firstRow, String file) {
        for (int r = 0; r < n; r++) {
            double x = 1;
            for (Variable v : weightVars) {
                x *= batch.numbers(column[v.index()])[r];
            }
            w[r] = x;
            ok[r] = PolarityDesign.valid(x);
            if (!ok[r] && invalidWeights == InvalidWeights.FAIL) {
                String expr = weightVars.stream().map(Variable::name).reduce((a, b) -> a + "*" + b).orElse("1");
                throw new PluralstatsException(file + ": respondent in row " + (firstRow + r + 1) + ": weight " + expr
                        + " is not usable (" + (Double.isNaN(x) ? "missing" : SurveyData.formatNumber(x))
                        + "); exclude such respondents to go on (--exclude-invalid-weights)");
            }
        }
    }

    /**
     * Binarises each item's pooled codes through {@link Binarisation#apply(SurveyData)} on a table with
     * one row per distinct code, then sums the per-code totals into each population's score.
     */
    private ScoreTable scores(FileDictionary dict, WvsConventions conv, ItemSums[] sums, Map<String, Integer> popIndex) {
        int rows = 1;
        List<List<CodeSums>> codes = new ArrayList<>();
        for (ItemSums s : sums) {
            List<CodeSums> all = s.all();
            codes.add(all);
            rows = Math.max(rows, all.size());
        }
        SurveyData.Builder table = SurveyData.builder(dict.file());
        if (conv.countryVariable().isPresent()) {
            // Binarisation's AUTO policy for codes <= 0 looks for the WVS/EVS country attribute
            CategoricalColumn.Builder c = CategoricalColumn.builder(Item.choice(conv.countryVariable().get(), "", List.of()));
            for (int r = 0; r < rows; r++) {
                c.addMissing(MissingReason.SYSTEM_MISSING);
            }
            table.attribute(c.build());
        }
        for (int i = 0; i < sums.length; i++) {
            NumericColumn.Builder b = NumericColumn.builder(SurveyFiles.itemOf(sums[i].variable), rows);
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
            itemIndex.put(sums[i].variable.name().toLowerCase(Locale.ROOT), i);
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
