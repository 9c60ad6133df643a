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
 * Value polarity scores (Eq. 1) computed in one pass over a data file, holding per population ×
 * item × answer code only a count and two compensated sums, never the rows: the scoring job of
 * {@code pluralstats vps} for files of any size (10,000,000 respondents in a 512 MB heap), for one
 * or several groupings at once.
 *
 * <p>Eq. 1 and its linearised SE need, over the respondents of P who answered q, only {@code m},
 * {@code Σw}, {@code ΣwA} and {@code Σw²} split by {@code A}. Since {@code A} is a function of the
 * answer code, a pass accumulates count, {@code Σw} and {@code Σw²} per code (Neumaier-compensated
 * sums), and the binarisation is applied afterwards to each item's pooled set of codes, through the same
 * {@link Binarisation} as the in-memory path (so the paper rule's pooled maximum, reversals, listed
 * and missing codes are identical). The reader of the file ({@code io.StreamedScores}) hands each
 * respondent to a {@link Pass}, leaving out missing values as {@code SurveyFiles.read} does
 * (system-missing, declared user-missing, and WVS/EVS codes -1..-5 when the conventions apply). The
 * results equal {@link ValuePolarityScores#estimate(PolarityDesign)} on the same file to the last bit
 * in practice: every sum is carried compensated until the end and rounded once.
 *
 * <p><b>Several groupings in one pass.</b> A pass keeps its sums per <em>cell</em>: one population of
 * one grouping that names a column (and, per grouping, a cell for the respondents whose value is
 * missing). A respondent is added to its cell in each such grouping; {@code global} is not accumulated
 * at all but summed from the cells of the first grouping (missing ones included) when the pass
 * finishes, so scoring by country, by language and globally costs two additions per answer, not three.
 *
 * <p><b>Mergeable.</b> {@link Pass#combine(Pass)} adds another pass's sums (matching cells by their
 * population names), so a file can be scored in blocks on several threads and merged in block order
 * (the parallel CSV path does this), or in partitions on a distributed engine (the seam for, say, a
 * Spark {@code Aggregator}: {@code zero} = {@link #start}, {@code reduce} = the {@code add} calls,
 * {@code merge} = {@code combine}, {@code finish} = {@link Pass#finish()}).
 *
 * <p>Populations: a column's values in order of first appearance, the same mapped onto populations,
 * or {@code global} ({@link PopulationSpec}). Weights: the product of columns, the convention's
 * default ({@link WeightSpec#design()}), or none.
 */
public final class StreamingScores {
    /** Integer codes in [SMALL_MIN, SMALL_MIN + SMALL_RANGE) find their slot in a table; others in a map. */
    private static final int SMALL_MIN = -16;
    private static final int SMALL_RANGE = 128;
    private static final int STRIDE = 5;

    private final Binarisation binarisation;
    private final List<PopulationSpec> groupings;
    private final WeightSpec weight;
    private final InvalidWeights invalidWeights;
    private final ValuePolarityScores estimator;

    private StreamingScores(Binarisation binarisation, List<PopulationSpec> groupings, WeightSpec weight,
                            InvalidWeights invalidWeights, ValuePolarityScores estimator) {
        if (groupings.isEmpty()) {
            throw new IllegalArgumentException("no grouping");
        }
        this.binarisation = binarisation;
        this.groupings = List.copyOf(groupings);
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
        return of(binarisation, List.of(PopulationSpec.parse(population)), weight, invalidWeights);
    }

    /**
     * @param binarisation how answers become stances
     * @param groupings one or more groupings, each a column, a mapped column or global, scored in one pass
     * @param weight the weight: a product of columns, {@link WeightSpec#design()} (the convention's default) or none
     * @param invalidWeights whether a non-positive or missing weight is an error or an exclusion
     * @return the scorer, with 95% intervals
     */
    public static StreamingScores of(Binarisation binarisation, List<PopulationSpec> groupings, WeightSpec weight,
                                     InvalidWeights invalidWeights) {
        return new StreamingScores(binarisation, groupings, weight, invalidWeights, ValuePolarityScores.withDefaults());
    }

    /** @return the groupings, in output order */
    public List<PopulationSpec> groupings() {
        return groupings;
    }

    /** @return the weight: a product of columns, {@link WeightSpec#design()} or none */
    public WeightSpec weight() {
        return weight;
    }

    /** @return whether a non-positive or missing weight is an error or an exclusion */
    public InvalidWeights invalidWeights() {
        return invalidWeights;
    }

    /** @return the items the binarisation lists; empty: every numeric column that is not a population, weight or id */
    public List<ItemCoding> items() {
        return binarisation.items();
    }

    /**
     * Starts one pass: the caller (a reader of the file, {@code io.StreamedScores}) hands over each
     * respondent's populations, weight and answer codes, missing values already left out.
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

    /**
     * One pass over a file's respondents: running sums per item × answer code × cell (a combination of
     * populations, one per grouping). Not thread-safe: one pass per thread, merged with
     * {@link #combine(Pass)}.
     */
    public final class Pass {
        private final String source;
        private final List<Item> itemList;
        private final Optional<String> countryVariable;
        private final List<String> weightColumns;
        private final String weightExpression;
        private final int nItems;
        /** Per item × small integer code, its slot + 1 (0: none yet). */
        private final int[] slotOf;
        /** Per item, the slots of other codes (decimals, large or negative integers, -0). */
        private final List<Map<Double, Integer>> otherSlots = new ArrayList<>();
        /** A slot is one item × answer code; its sums for every cell are at (slot × cellCap + cell). */
        private int slots;
        private int[] slotItem = new int[64];
        private double[] slotCode = new double[64];
        private int slotCap = 64;
        private int cellCap = 4;
        /** Per slot × cell: answers left out for an unusable weight. */
        private long[] excluded = new long[64 * 4];
        /**
         * Per slot × cell, five doubles side by side (one cache line per answer): the answers with a usable
         * weight (exact below 2^53), Σw, its compensation, Σw², its compensation.
         */
        private double[] sums = new double[64 * 4 * STRIDE];
        /**
         * Per item, the answers with a single-digit code: (cell × 10 + digit) × STRIDE, the same five
         * doubles as {@link #sums} ({@link #addDigits}); one item's table stays in the first-level cache
         * while a chunk of respondents is added to it.
         */
        private final double[][] digitTables;
        private final List<Map<String, Integer>> popIndex = new ArrayList<>();
        private final List<List<String>> popNames = new ArrayList<>();
        private final List<Map<String, String>> foldedMaps = new ArrayList<>();
        /** Per cell, its grouping (-1: global, when no grouping names a column) and population (-1: missing). */
        private int[] cellGroup = new int[16];
        private int[] cellPop = new int[16];
        private int cells;
        /** Per grouping, population → cell + 1 (0: none yet), and the cell of its missing values. */
        private final int[][] popCell;
        private final int[] missingCell;
        private int globalCell = -1;
        /** The groupings that name a column; the first one's cells add up to global. */
        private final int[] columnGroupings;
        private final boolean hasGlobal;
        private final Map<String, Integer> exclusionReasons = new LinkedHashMap<>();

        private Pass(String source, List<Item> items, Optional<String> countryVariable, List<String> weightColumns) {
            this.source = source;
            this.itemList = List.copyOf(items);
            this.countryVariable = countryVariable;
            this.weightColumns = List.copyOf(weightColumns);
            this.weightExpression = weightColumns.isEmpty() ? "1" : String.join("*", weightColumns);
            this.nItems = items.size();
            this.digitTables = new double[nItems][];
            this.slotOf = new int[nItems * SMALL_RANGE];
            for (int i = 0; i < nItems; i++) {
                otherSlots.add(null);
            }
            this.popCell = new int[groupings.size()][8];
            this.missingCell = new int[groupings.size()];
            Arrays.fill(missingCell, -1);
            this.columnGroupings = java.util.stream.IntStream.range(0, groupings.size())
                    .filter(g -> !(groupings.get(g) instanceof PopulationSpec.Global)).toArray();
            this.hasGlobal = columnGroupings.length < groupings.size();
            for (PopulationSpec g : groupings) {
                Map<String, Integer> index = new HashMap<>();
                List<String> names = new ArrayList<>();
                if (g instanceof PopulationSpec.Global) {
                    index.put(PopulationSpec.GLOBAL, 0);
                    names.add(PopulationSpec.GLOBAL);
                }
                popIndex.add(index);
                popNames.add(names);
                Map<String, String> folded = new HashMap<>();
                if (g instanceof PopulationSpec.Mapped m) {
                    m.valueToPopulation().forEach((k, v) -> folded.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
                }
                foldedMaps.add(folded);
            }
        }

        /**
         * @param grouping the grouping's index
         * @param value a respondent's value of the grouping's column (shortest form of a number), or
         *     {@code null} when missing; ignored for {@code global}
         * @return the population's index in that grouping (new populations numbered in order of first
         *     appearance), -1 for none (a missing value, or a value the map leaves out)
         */
        public int population(int grouping, String value) {
            PopulationSpec g = groupings.get(grouping);
            if (g instanceof PopulationSpec.Global) {
                return 0;
            }
            if (value == null) {
                return -1;
            }
            String name = value;
            if (g instanceof PopulationSpec.Mapped m) {
                name = m.valueToPopulation().get(value);
                if (name == null) {
                    name = foldedMaps.get(grouping).get(value.toLowerCase(Locale.ROOT));
                }
                if (name == null) {
                    return -1;
                }
            }
            return populationNamed(grouping, name);
        }

        private int populationNamed(int grouping, String name) {
            Map<String, Integer> index = popIndex.get(grouping);
            Integer p = index.get(name);
            if (p == null) {
                p = index.size();
                index.put(name, p);
                popNames.get(grouping).add(name);
            }
            return p;
        }

        /**
         * @param populations a respondent's population index in each grouping, from {@link #population}
         * @param out receives the respondent's cells, one per grouping that names a column (at most
         *     {@link #cellsPerRespondent()})
         * @return how many cells were written; 0 when the respondent is in no population
         */
        public int cells(int[] populations, int[] out) {
            if (columnGroupings.length == 0) {
                if (globalCell < 0) {
                    globalCell = newCell(-1, 0);
                }
                out[0] = globalCell;
                return 1;
            }
            int k = 0;
            for (int j = 0; j < columnGroupings.length; j++) {
                int g = columnGroupings[j];
                int p = populations[g];
                if (p >= 0) {
                    out[k++] = popCell(g, p);
                } else if (hasGlobal && j == 0) {
                    if (missingCell[g] < 0) {
                        missingCell[g] = newCell(g, -1);
                    }
                    out[k++] = missingCell[g];
                }
            }
            return k;
        }

        /** @return the most cells a respondent is added to: one per grouping that names a column, at least 1 */
        public int cellsPerRespondent() {
            return Math.max(1, columnGroupings.length);
        }

        private int popCell(int g, int p) {
            int[] m = popCell[g];
            if (p >= m.length) {
                m = Arrays.copyOf(m, Math.max(p + 1, m.length * 2));
                popCell[g] = m;
            }
            if (m[p] == 0) {
                m[p] = newCell(g, p) + 1;
            }
            return m[p] - 1;
        }

        private int newCell(int group, int pop) {
            if (cells == cellGroup.length) {
                cellGroup = Arrays.copyOf(cellGroup, cells * 2);
                cellPop = Arrays.copyOf(cellPop, cells * 2);
            }
            if (cells == cellCap) {
                relayout(slotCap, cellCap * 2);
            }
            cellGroup[cells] = group;
            cellPop[cells] = pop;
            return cells++;
        }

        /**
         * @param w a respondent's weight (the product of the weight columns; 1 unweighted)
         * @param row the respondent's 0-based row, for messages
         * @param inPopulation whether the respondent is in some population ({@link #cells} gave any); one
         *     in none is not checked
         * @return whether the weight is usable (finite and positive)
         * @throws PluralstatsException for an unusable weight when invalid weights are errors
         */
        public boolean weight(double w, long row, boolean inPopulation) {
            if (!inPopulation) {
                return false;
            }
            if (PolarityDesign.valid(w)) {
                return true;
            }
            if (invalidWeights == InvalidWeights.FAIL) {
                throw new PluralstatsException(source + ": respondent in row " + (row + 1) + ": weight " + weightExpression
                        + " is not usable (" + (Double.isNaN(w) ? "missing" : SurveyData.formatNumber(w))
                        + "); exclude such respondents to go on (--exclude-invalid-weights)");
            }
            exclusionReasons.merge(Double.isNaN(w) ? "missing weight" : w == 0 ? "zero weight"
                    : w < 0 ? "negative weight" : "infinite weight", 1, Integer::sum);
            return false;
        }

        /**
         * Adds one answer.
         *
         * @param item the item's index in the list given to {@link #start}
         * @param cell one of the respondent's cells from {@link #cells}; negative: left out
         * @param code the answer code (not missing)
         * @param w the weight
         * @param usable whether the weight is usable ({@link #weight}); if not the answer counts as excluded
         */
        public void add(int item, int cell, double code, double w, boolean usable) {
            if (cell < 0) {
                return;
            }
            int k = (int) code - SMALL_MIN;
            int slot = k >= 0 && k < SMALL_RANGE && code == (int) code && !(code == 0 && 1 / code < 0)
                    ? smallSlot(item, k) : otherSlot(item, code);
            int at = slot * cellCap + cell;
            if (usable) {
                int k5 = at * STRIDE;
                sums[k5]++;
                CompensatedSum.addTo(sums, k5 + 1, w);
                CompensatedSum.addTo(sums, k5 + 3, w * w);
            } else {
                excluded[at]++;
            }
        }

        /**
         * Adds the single-digit answers of a chunk of respondents to one item, all with usable weights:
         * {@link #add} for the commonest answers, column by column, into a small table per item (one
         * item's chunk of answers touches a few kilobytes), folded into the per-code sums by
         * {@link #combine} and {@link #finish}.
         *
         * @param item the item's index in the list given to {@link #start}
         * @param codes the answers: {@code codes[offset + r]} is respondent r's code 0..9, or negative for
         *     none here (missing, or added with {@link #add})
         * @param offset where the item's answers start in codes
         * @param cells per respondent, one of its cells from {@link #cells}; negative: left out
         * @param w per respondent, its weight, usable
         * @param rows the respondents in the chunk
         */
        public void addDigits(int item, byte[] codes, int offset, int[] cells, double[] w, int rows) {
            double[] t = digitTables[item];
            int need = this.cells * 10 * STRIDE;
            if (t == null || t.length < need) {
                t = t == null ? new double[Math.max(need, cellCap * 10 * STRIDE)] : Arrays.copyOf(t, Math.max(need, t.length * 2));
                digitTables[item] = t;
            }
            for (int r = 0; r < rows; r++) {
                int d = codes[offset + r];
                int c = cells[r];
                if (d < 0 || c < 0) {
                    continue;
                }
                int a = (c * 10 + d) * STRIDE;
                double x = w[r];
                t[a]++;
                // CompensatedSum.addTo twice, written out: the launcher's C1 does not inline it, and this
                // loop is most of a vps run (the same operations, so the same bits)
                double sum = t[a + 1];
                double s = sum + x;
                if (Math.abs(sum) >= Math.abs(x)) {
                    t[a + 2] += (sum - s) + x;
                } else {
                    t[a + 2] += (x - s) + sum;
                }
                t[a + 1] = s;
                double x2 = x * x;
                sum = t[a + 3];
                s = sum + x2;
                if (Math.abs(sum) >= Math.abs(x2)) {
                    t[a + 4] += (sum - s) + x2;
                } else {
                    t[a + 4] += (x2 - s) + sum;
                }
                t[a + 3] = s;
            }
        }

        /** Folds this pass's single-digit tables into its per-code sums, compensated, and empties them. */
        private void foldDigits() {
            foldDigitsOf(this, null);
        }

        /**
         * Adds a pass's single-digit tables to this pass's per-code sums, compensated, and empties them.
         *
         * @param from the pass whose tables are added (this one or another)
         * @param cellMap from's cells → this pass's cells; null when from is this pass
         */
        private void foldDigitsOf(Pass from, int[] cellMap) {
            for (int i = 0; i < nItems; i++) {
                double[] t = from.digitTables[i];
                if (t == null) {
                    continue;
                }
                int n = Math.min(from.cells, t.length / (10 * STRIDE));
                for (int c = 0; c < n; c++) {
                    int tc = cellMap == null ? c : cellMap[c];
                    for (int d = 0; d < 10; d++) {
                        int a = (c * 10 + d) * STRIDE;
                        if (t[a] == 0) {
                            continue;
                        }
                        int to = (slot(i, d) * cellCap + tc) * STRIDE;
                        sums[to] += t[a];
                        for (int k = 1; k < STRIDE; k += 2) {
                            CompensatedSum.addTo(sums, to + k, t[a + k]);
                            CompensatedSum.addTo(sums, to + k, t[a + k + 1]);
                        }
                    }
                }
                Arrays.fill(t, 0, n * 10 * STRIDE, 0);
            }
        }

        /**
         * Empties the pass for reuse on other respondents (its tables keep their size): as new from
         * {@link #fresh()}, without allocating.
         */
        public void clear() {
            for (double[] t : digitTables) {
                if (t != null) {
                    Arrays.fill(t, 0);
                }
            }
            Arrays.fill(sums, 0, slots * cellCap * STRIDE, 0);
            Arrays.fill(excluded, 0, slots * cellCap, 0);
            Arrays.fill(slotOf, 0);
            for (int i = 0; i < nItems; i++) {
                otherSlots.set(i, null);
            }
            slots = 0;
            cells = 0;
            globalCell = -1;
            Arrays.fill(missingCell, -1);
            for (int[] m : popCell) {
                Arrays.fill(m, 0);
            }
            exclusionReasons.clear();
            for (int g = 0; g < groupings.size(); g++) {
                popIndex.get(g).clear();
                popNames.get(g).clear();
                if (groupings.get(g) instanceof PopulationSpec.Global) {
                    popIndex.get(g).put(PopulationSpec.GLOBAL, 0);
                    popNames.get(g).add(PopulationSpec.GLOBAL);
                }
            }
        }

        private int smallSlot(int item, int k) {
            int s = slotOf[item * SMALL_RANGE + k];
            if (s == 0) {
                s = newSlot(item, k + SMALL_MIN) + 1;
                slotOf[item * SMALL_RANGE + k] = s;
            }
            return s - 1;
        }

        private int otherSlot(int item, double code) {
            Map<Double, Integer> m = otherSlots.get(item);
            if (m == null) {
                m = new HashMap<>();
                otherSlots.set(item, m);
            }
            Integer s = m.get(code);
            if (s == null) {
                s = newSlot(item, code);
                m.put(code, s);
            }
            return s;
        }

        /** The slot of a code, made on first use (for merging). */
        private int slot(int item, double code) {
            int k = (int) code - SMALL_MIN;
            return k >= 0 && k < SMALL_RANGE && code == (int) code && !(code == 0 && 1 / code < 0)
                    ? smallSlot(item, k) : otherSlot(item, code);
        }

        private int newSlot(int item, double code) {
            if (slots == slotCap) {
                relayout(slotCap * 2, cellCap);
            }
            slotItem[slots] = item;
            slotCode[slots] = code;
            return slots++;
        }

        /** Moves the sums to arrays of newSlots × newCells. */
        private void relayout(int newSlots, int newCells) {
            long[] x = new long[newSlots * newCells];
            double[] a = new double[newSlots * newCells * STRIDE];
            for (int s = 0; s < slots; s++) {
                System.arraycopy(excluded, s * cellCap, x, s * newCells, cellCap);
                System.arraycopy(sums, s * cellCap * STRIDE, a, s * newCells * STRIDE, cellCap * STRIDE);
            }
            excluded = x;
            sums = a;
            slotItem = Arrays.copyOf(slotItem, newSlots);
            slotCode = Arrays.copyOf(slotCode, newSlots);
            slotCap = newSlots;
            cellCap = newCells;
        }

        /**
         * Adds another pass's sums to this one (a pass of the same scorer over other respondents of the
         * same items; for blocks of a file, merged in file order so that populations keep their order of
         * first appearance). The other pass keeps its sums over other codes; its single-digit tables are emptied.
         *
         * @param other the other pass
         * @return this pass
         */
        public Pass combine(Pass other) {
            foldDigits();
            if (other.nItems != nItems || other.popIndex.size() != popIndex.size()) {
                throw new IllegalArgumentException("passes of different items or groupings");
            }
            int[] map = new int[other.cells];
            for (int oc = 0; oc < other.cells; oc++) {
                int g = other.cellGroup[oc];
                int op = other.cellPop[oc];
                if (g < 0) {
                    if (globalCell < 0) {
                        globalCell = newCell(-1, 0);
                    }
                    map[oc] = globalCell;
                } else if (op < 0) {
                    if (missingCell[g] < 0) {
                        missingCell[g] = newCell(g, -1);
                    }
                    map[oc] = missingCell[g];
                } else {
                    map[oc] = popCell(g, populationNamed(g, other.popNames.get(g).get(op)));
                }
            }
            // populations registered without a cell of their own (none today) keep their first appearance
            for (int g = 0; g < popIndex.size(); g++) {
                for (String name : other.popNames.get(g)) {
                    populationNamed(g, name);
                }
            }
            for (int os = 0; os < other.slots; os++) {
                int t = slot(other.slotItem[os], other.slotCode[os]);
                for (int oc = 0; oc < other.cells; oc++) {
                    int from = os * other.cellCap + oc;
                    int to = t * cellCap + map[oc];
                    excluded[to] += other.excluded[from];
                    double n = other.sums[from * STRIDE];
                    if (n > 0) {
                        sums[to * STRIDE] += n;
                        for (int k = 1; k < STRIDE; k += 2) {
                            CompensatedSum.addTo(sums, to * STRIDE + k, other.sums[from * STRIDE + k]);
                            CompensatedSum.addTo(sums, to * STRIDE + k, other.sums[from * STRIDE + k + 1]);
                        }
                    }
                }
            }
            foldDigitsOf(other, map);
            other.exclusionReasons.forEach((k, v) -> exclusionReasons.merge(k, v, Integer::sum));
            return this;
        }

        /**
         * Binarises each item's pooled codes through {@link Binarisation#apply(SurveyData)} on a table
         * with one row per distinct code, then sums the per-code, per-cell totals into each population's
         * score.
         *
         * @return one table per grouping, populations in order of first appearance
         */
        public GroupedScores finish() {
            foldDigits();
            List<List<Integer>> codes = new ArrayList<>();
            for (int i = 0; i < nItems; i++) {
                codes.add(new ArrayList<>());
            }
            for (int sl = 0; sl < slots; sl++) {
                codes.get(slotItem[sl]).add(sl);
            }
            for (List<Integer> c : codes) {
                c.sort((x, y) -> Double.compare(slotCode[x], slotCode[y]));
            }
            List<BinaryItem> items = binarisation.apply(codeTable(codes));
            Map<String, Integer> itemIndex = new HashMap<>();
            for (int i = 0; i < nItems; i++) {
                itemIndex.put(itemList.get(i).id().toLowerCase(Locale.ROOT), i);
            }
            Map<String, ScoreTable> tables = new LinkedHashMap<>();
            for (int g = 0; g < groupings.size(); g++) {
                List<String> names = popNames.get(g);
                List<List<Integer>> cellsOf = new ArrayList<>();
                for (int p = 0; p < names.size(); p++) {
                    cellsOf.add(new ArrayList<>());
                }
                boolean global = groupings.get(g) instanceof PopulationSpec.Global;
                for (int c = 0; c < cells; c++) {
                    if (global ? cellGroup[c] == (columnGroupings.length == 0 ? -1 : columnGroupings[0])
                            : cellGroup[c] == g && cellPop[c] >= 0) {
                        cellsOf.get(global ? 0 : cellPop[c]).add(c);
                    }
                }
                List<ValuePolarityScore> out = new ArrayList<>();
                for (int p = 0; p < names.size(); p++) {
                    for (BinaryItem bi : items) {
                        out.add(score(names.get(p), bi, codes.get(itemIndex.get(bi.id().toLowerCase(Locale.ROOT))),
                                cellsOf.get(p)));
                    }
                }
                tables.put(groupings.get(g).describe(), ScoreTable.of(out));
            }
            return new GroupedScores(tables, exclusionReasons, weightExpression);
        }

        /** The score of one population and item: the sums over its cells and the item's codes with a stance. */
        private ValuePolarityScore score(String pop, BinaryItem bi, List<Integer> itemSlots, List<Integer> popCells) {
            long m = 0;
            long left = 0;
            double[] s = new double[8]; // Σw, ΣwA, Σw² (A=1), Σw² (A=0), each with its compensation
            for (int r = 0; r < itemSlots.size(); r++) {
                int a = bi.value(r);
                if (a < 0) {
                    continue;
                }
                int slot = itemSlots.get(r);
                for (int cell : popCells) {
                    int at = slot * cellCap + cell;
                    long n = (long) sums[at * STRIDE];
                    m += n;
                    left += excluded[at];
                    if (n == 0) {
                        continue;
                    }
                    double w = sums[at * STRIDE + 1];
                    double wc = sums[at * STRIDE + 2];
                    double w2 = sums[at * STRIDE + 3];
                    double w2c = sums[at * STRIDE + 4];
                    CompensatedSum.addTo(s, 0, w);
                    CompensatedSum.addTo(s, 0, wc);
                    if (a == 1) {
                        CompensatedSum.addTo(s, 2, w);
                        CompensatedSum.addTo(s, 2, wc);
                    }
                    int sq = a == 1 ? 4 : 6;
                    CompensatedSum.addTo(s, sq, w2);
                    CompensatedSum.addTo(s, sq, w2c);
                }
            }
            if (m > Integer.MAX_VALUE || left > Integer.MAX_VALUE) {
                throw new PluralstatsException("more than 2^31 answers to " + bi.id() + " in " + pop);
            }
            return estimator.fromSums(pop, bi.id(), (int) m, total(s, 0), total(s, 2), total(s, 4), total(s, 6),
                    (int) left);
        }

        /** The one-row-per-distinct-code table the binarisation is applied to. */
        private SurveyData codeTable(List<List<Integer>> codes) {
            int rows = 1;
            for (List<Integer> all : codes) {
                rows = Math.max(rows, all.size());
            }
            SurveyData.Builder table = SurveyData.builder(source);
            if (countryVariable.isPresent()) {
                // Binarisation's AUTO policy for codes <= 0 looks for the WVS/EVS country attribute
                CategoricalColumn.Builder c = CategoricalColumn.builder(Item.choice(countryVariable.get(), "", List.of()));
                for (int r = 0; r < rows; r++) {
                    c.addMissing(MissingReason.SYSTEM_MISSING);
                }
                table.attribute(c.build());
            }
            for (int i = 0; i < nItems; i++) {
                NumericColumn.Builder b = NumericColumn.builder(itemList.get(i), rows);
                for (int sl : codes.get(i)) {
                    b.add(slotCode[sl]);
                }
                for (int r = codes.get(i).size(); r < rows; r++) {
                    b.addMissing(MissingReason.SYSTEM_MISSING);
                }
                table.item(b.build());
            }
            return table.build();
        }

        /** @return a new, empty pass of the same scorer, file and items (for another block of the file) */
        public Pass fresh() {
            return new Pass(source, itemList, countryVariable, weightColumns);
        }
    }

    private static double total(double[] a, int i) {
        double r = a[i] + a[i + 1];
        return Double.isFinite(r) ? r : a[i];
    }
}
