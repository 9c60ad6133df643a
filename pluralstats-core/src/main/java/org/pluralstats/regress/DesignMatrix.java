package org.pluralstats.regress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The design matrix of a formula on a data set, with the columns, names and order that patsy (and so
 * statsmodels' formula API) produces.
 *
 * <p><b>Rows.</b> Rows with a missing value in any column the formula reads (or in the grouping
 * column) are dropped, as patsy's default {@code NA_action="drop"} does; {@link #droppedRows()} counts
 * them. Levels of categorical factors are the distinct values of the kept rows, sorted (by code
 * point for text, numerically for numbers, {@code False < True} for booleans).
 *
 * <p><b>Coding</b> (patsy's {@code build.py}/{@code redundancy.py}, "How patsy codes categorical
 * variables"): terms are put in buckets by the set of numeric factors they contain — the bucket
 * without numeric factors first, the others in order of first appearance — and sorted by degree
 * within each bucket. Within a bucket, every term is expanded into the subsets of its categorical
 * factors ({@code a:b → 1, a, b, a:b}); subsets already spanned by earlier terms are dropped, and the
 * rest are merged ({@code 1 + a → a} full rank). A factor is coded with treatment contrasts (the
 * first level as reference, columns {@code a[T.level]}) where the lower-order term is present and in
 * full-rank dummy coding (columns {@code a[level]}) where it is not. So {@code y ~ us*model_name:language}
 * gives {@code Intercept, us[T.True], language[T.en], …, model_name[T.x]:language[da], …,
 * us[T.True]:language[T.en], …, us[T.True]:model_name[T.x]:language[da], …}, and
 * {@code 0 + consistency:language} gives {@code consistency:language[Danish], …}. In a column of an
 * interaction the first factor's levels vary fastest.
 *
 * <p>The matrix is stored by column ({@link #column(int)}).
 */
public final class DesignMatrix {
    private final Formula formula;
    private final double[] response;
    private final double[][] columns;
    private final List<String> names;
    private final List<Term> columnTerms;
    private final int[] rows;
    private final int droppedRows;
    private final Map<Factor, List<String>> levels;

    private DesignMatrix(Formula formula, double[] response, double[][] columns, List<String> names,
                         List<Term> columnTerms, int[] rows, int droppedRows, Map<Factor, List<String>> levels) {
        this.formula = formula;
        this.response = response;
        this.columns = columns;
        this.names = List.copyOf(names);
        this.columnTerms = List.copyOf(columnTerms);
        this.rows = rows;
        this.droppedRows = droppedRows;
        Map<Factor, List<String>> copy = new LinkedHashMap<>();
        levels.forEach((f, l) -> copy.put(f, List.copyOf(l)));
        this.levels = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Builds the design matrix of a formula.
     *
     * @param formula the formula
     * @param data the data
     * @return the response and design matrix of the rows with no missing value
     * @throws RegressionException for an unknown column, a text response, text in a numeric term, a
     *     categorical factor with one level, or no complete rows
     */
    public static DesignMatrix of(Formula formula, RegressionData data) {
        return of(formula, data, Optional.empty());
    }

    /**
     * Builds the design matrix of a formula, also dropping rows whose group label is missing.
     *
     * @param formula the formula
     * @param data the data
     * @param groupColumn a column whose missing values also drop a row
     * @return the response and design matrix of the complete rows
     */
    static DesignMatrix of(Formula formula, RegressionData data, Optional<String> groupColumn) {
        int n = data.rows();
        // Typing the factors, and which rows are complete.
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        String responseColumn = formula.response().column();
        Object responseValues = data.require(responseColumn);
        if (responseValues instanceof String[] t && RegressionData.asBoolean(t).isEmpty()
                && firstNonNumeric(t, data).isEmpty() && Arrays.stream(t).anyMatch(v -> v != null)) {
            responseValues = finiteNumbers("the response '" + responseColumn + "'", "", t, data);
        }
        if (!(responseValues instanceof double[] yAll)) {
            String[] t = (String[]) responseValues;
            throw new RegressionException("the response '" + responseColumn + "' must be numeric"
                    + firstNonNumeric(t, data).map(w -> "; " + w).orElse("; it holds text"));
        }
        for (int i = 0; i < n; i++) {
            keep[i] &= !Double.isNaN(yAll[i]);
        }
        Map<Factor, Object> values = new LinkedHashMap<>();
        for (Term term : formula.terms()) {
            for (Factor f : term.factors()) {
                if (values.containsKey(f)) {
                    continue;
                }
                Object col = data.require(f.column());
                Object v = factorValues(f, col, data);
                values.put(f, v);
                markMissing(v, keep);
            }
        }
        if (groupColumn.isPresent()) {
            String[] g = data.labels(groupColumn.get());
            for (int i = 0; i < n; i++) {
                keep[i] &= g[i] != null;
            }
        }
        int kept = 0;
        for (boolean k : keep) {
            if (k) {
                kept++;
            }
        }
        if (kept == 0) {
            throw new RegressionException("no row of " + data.source() + " has values for every column of '"
                    + formula.text() + "'");
        }
        int[] rows = new int[kept];
        for (int i = 0, r = 0; i < n; i++) {
            if (keep[i]) {
                rows[r++] = i;
            }
        }
        double[] y = new double[kept];
        for (int r = 0; r < kept; r++) {
            y[r] = yAll[rows[r]];
        }
        // Levels and codes of the categorical factors, over the kept rows.
        Map<Factor, int[]> codes = new HashMap<>();
        Map<Factor, double[]> numbers = new HashMap<>();
        Map<Factor, List<String>> levels = new LinkedHashMap<>();
        for (Map.Entry<Factor, Object> e : values.entrySet()) {
            Factor f = e.getKey();
            if (e.getValue() instanceof double[] d) {
                double[] v = new double[kept];
                for (int r = 0; r < kept; r++) {
                    v[r] = d[rows[r]];
                }
                numbers.put(f, v);
            } else if (e.getValue() instanceof NumericLevels nl) {
                TreeSet<Double> distinct = new TreeSet<>();
                for (int r : rows) {
                    distinct.add(nl.values()[r]);
                }
                List<Double> lv = new ArrayList<>(distinct);
                Map<Double, Integer> index = new HashMap<>();
                List<String> names = new ArrayList<>();
                for (int i = 0; i < lv.size(); i++) {
                    index.put(lv.get(i), i);
                    names.add(RegressionData.numberLabel(lv.get(i)));
                }
                int[] c = new int[kept];
                for (int r = 0; r < kept; r++) {
                    c[r] = index.get(nl.values()[rows[r]]);
                }
                codes.put(f, c);
                levels.put(f, names);
            } else {
                String[] s = (String[]) e.getValue();
                TreeSet<String> distinct = new TreeSet<>(CODE_POINT_ORDER);
                for (int r : rows) {
                    distinct.add(s[r]);
                }
                List<String> lv = new ArrayList<>(distinct);
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < lv.size(); i++) {
                    index.put(lv.get(i), i);
                }
                int[] c = new int[kept];
                for (int r = 0; r < kept; r++) {
                    c[r] = index.get(s[rows[r]]);
                }
                codes.put(f, c);
                levels.put(f, lv);
            }
            if (levels.containsKey(f) && levels.get(f).size() < 2) {
                throw new RegressionException("categorical " + f.name() + " has only one level ('"
                        + levels.get(f).get(0) + "') in the " + kept + " complete rows of " + data.source()
                        + "; a factor needs at least two levels");
            }
        }
        // Buckets of terms by their numeric factors (patsy's _make_subterm_infos).
        LinkedHashMap<Set<Factor>, List<Term>> buckets = new LinkedHashMap<>();
        for (Term term : formula.terms()) {
            Set<Factor> numeric = new HashSet<>();
            for (Factor f : term.factors()) {
                if (numbers.containsKey(f)) {
                    numeric.add(f);
                }
            }
            buckets.computeIfAbsent(numeric, k -> new ArrayList<>()).add(term);
        }
        List<Set<Factor>> order = new ArrayList<>(buckets.keySet());
        if (order.remove(Set.of())) {
            order.add(0, Set.of());
        }
        List<double[]> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Term> colTerms = new ArrayList<>();
        for (Set<Factor> bucket : order) {
            List<Term> terms = new ArrayList<>(buckets.get(bucket));
            terms.sort(Comparator.comparingInt(t -> t.factors().size()));
            Set<Set<Factor>> used = new HashSet<>();
            for (Term term : terms) {
                for (Map<Factor, Boolean> coding : pickContrasts(term, numbers.keySet(), used)) {
                    addSubterm(term, coding, numbers, codes, levels, kept, cols, names, colTerms);
                }
            }
        }
        return new DesignMatrix(formula, y, cols.toArray(new double[0][]), names, colTerms, rows, n - kept, levels);
    }

    /** Code point order, as Python sorts strings. */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    /** Values of a numeric column coded as categorical with {@code C()}. */
    private record NumericLevels(double[] values) {
    }

    private static Object factorValues(Factor f, Object col, RegressionData data) {
        if (col instanceof double[] d) {
            return f.forceCategorical() ? new NumericLevels(d) : d;
        }
        String[] s = (String[]) col;
        Optional<String[]> bool = RegressionData.asBoolean(s);
        if (bool.isPresent()) {
            return bool.get();
        }
        if (!f.forceCategorical()) {
            boolean anyNumber = false;
            for (String v : s) {
                if (v != null && RegressionData.isNumber(v)) {
                    anyNumber = true;
                    break;
                }
            }
            if (anyNumber) {
                Optional<String> where = firstNonNumeric(s, data);
                if (where.isPresent()) {
                    throw new RegressionException("column '" + f.column() + "' mixes numbers and text, so it cannot "
                            + "be a numeric term: " + where.get() + "; correct the value, or write C("
                            + f.name() + ") to use the column as categorical");
                }
                return finiteNumbers("column '" + f.column() + "'", ", or write C(" + f.name()
                        + ") to use the column as categorical", s, data);
            }
        }
        return s;
    }

    /**
     * A text column whose every value is written as a number (a reader keeps such a column as text when a
     * value is beyond the range of a double, such as {@code 1e400}) is a numeric term, never silently a
     * categorical one: its values parsed, or an error naming the first that is not a finite double.
     */
    private static double[] finiteNumbers(String what, String orCategorical, String[] s, RegressionData data) {
        double[] d = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            if (s[i] == null) {
                d[i] = Double.NaN;
                continue;
            }
            d[i] = Double.parseDouble(s[i].strip());
            if (Double.isInfinite(d[i])) {
                throw new RegressionException(what + " cannot be numeric: " + data.where(i) + " holds '" + s[i].strip()
                        + "', beyond the range of a double (±1.8e308); correct the value" + orCategorical);
            }
        }
        return d;
    }

    private static Optional<String> firstNonNumeric(String[] s, RegressionData data) {
        for (int i = 0; i < s.length; i++) {
            if (s[i] != null && !RegressionData.isNumber(s[i])) {
                return Optional.of(data.where(i) + " holds '" + s[i] + "', not a number");
            }
        }
        return Optional.empty();
    }

    private static void markMissing(Object v, boolean[] keep) {
        if (v instanceof double[] d) {
            for (int i = 0; i < d.length; i++) {
                keep[i] &= !Double.isNaN(d[i]);
            }
        } else if (v instanceof NumericLevels nl) {
            markMissing(nl.values(), keep);
        } else {
            String[] s = (String[]) v;
            for (int i = 0; i < s.length; i++) {
                keep[i] &= s[i] != null;
            }
        }
    }

    /**
     * patsy's {@code pick_contrasts_for_term}: the subterms of a term not spanned by earlier terms of
     * its bucket, each as a map from categorical factor to "full rank" (dummy) or not (treatment).
     */
    static List<Map<Factor, Boolean>> pickContrasts(Term term, Set<Factor> numeric, Set<Set<Factor>> used) {
        List<Factor> categorical = new ArrayList<>();
        for (Factor f : term.factors()) {
            if (!numeric.contains(f)) {
                categorical.add(f);
            }
        }
        List<Map<Factor, Boolean>> subterms = new ArrayList<>();
        for (List<Factor> subset : sortedSubsets(categorical)) {
            Set<Factor> key = Set.copyOf(subset);
            if (!used.contains(key)) {
                Map<Factor, Boolean> st = new HashMap<>();
                for (Factor f : subset) {
                    st.put(f, false);
                }
                subterms.add(st);
            }
        }
        for (Map<Factor, Boolean> st : subterms) {
            used.add(Set.copyOf(st.keySet()));
        }
        // _simplify_subterms: merge a subterm into one with exactly one more (reduced) factor.
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int s = 0; s < subterms.size(); s++) {
                for (int l = s + 1; l < subterms.size(); l++) {
                    Map<Factor, Boolean> shorter = subterms.get(s);
                    Map<Factor, Boolean> longer = subterms.get(l);
                    if (canAbsorb(longer, shorter)) {
                        Map<Factor, Boolean> merged = new HashMap<>(shorter);
                        for (Factor f : longer.keySet()) {
                            if (!shorter.containsKey(f)) {
                                merged.put(f, true);
                            }
                        }
                        subterms.set(l, merged);
                        subterms.remove(s);
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        return subterms;
    }

    private static boolean canAbsorb(Map<Factor, Boolean> longer, Map<Factor, Boolean> shorter) {
        if (longer.size() - shorter.size() != 1) {
            return false;
        }
        for (Map.Entry<Factor, Boolean> e : shorter.entrySet()) {
            if (!e.getValue().equals(longer.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** patsy's {@code _subsets_sorted}: by size, then lexicographically by position. */
    static <T> List<List<T>> sortedSubsets(List<T> items) {
        int k = items.size();
        List<int[]> idx = new ArrayList<>();
        for (int mask = 0; mask < (1 << k); mask++) {
            int[] s = new int[Integer.bitCount(mask)];
            for (int b = 0, j = 0; b < k; b++) {
                if ((mask & (1 << b)) != 0) {
                    s[j++] = b;
                }
            }
            idx.add(s);
        }
        idx.sort(Comparator.<int[]>comparingInt(a -> a.length).thenComparing(Arrays::compare));
        List<List<T>> out = new ArrayList<>();
        for (int[] s : idx) {
            List<T> sub = new ArrayList<>();
            for (int i : s) {
                sub.add(items.get(i));
            }
            out.add(sub);
        }
        return out;
    }

    private static void addSubterm(Term term, Map<Factor, Boolean> coding, Map<Factor, double[]> numbers,
                                   Map<Factor, int[]> codes, Map<Factor, List<String>> levels, int n,
                                   List<double[]> cols, List<String> names, List<Term> colTerms) {
        List<Factor> factors = new ArrayList<>();
        for (Factor f : term.factors()) {
            if (numbers.containsKey(f) || coding.containsKey(f)) {
                factors.add(f);
            }
        }
        int k = factors.size();
        int[] width = new int[k];
        int total = 1;
        for (int i = 0; i < k; i++) {
            Factor f = factors.get(i);
            width[i] = numbers.containsKey(f) ? 1 : levels.get(f).size() - (coding.get(f) ? 0 : 1);
            total *= width[i];
        }
        int[] combo = new int[k];
        for (int c = 0; c < total; c++) {
            // the left-most factor varies fastest
            for (int i = 0, rest = c; i < k; i++) {
                combo[i] = rest % width[i];
                rest /= width[i];
            }
            double[] col = new double[n];
            Arrays.fill(col, 1.0);
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < k; i++) {
                Factor f = factors.get(i);
                if (i > 0) {
                    name.append(':');
                }
                name.append(f.name());
                if (numbers.containsKey(f)) {
                    double[] v = numbers.get(f);
                    for (int r = 0; r < n; r++) {
                        col[r] *= v[r];
                    }
                } else {
                    boolean full = coding.get(f);
                    int level = combo[i] + (full ? 0 : 1);
                    name.append(full ? "[" : "[T.").append(levels.get(f).get(level)).append(']');
                    int[] code = codes.get(f);
                    for (int r = 0; r < n; r++) {
                        if (code[r] != level) {
                            col[r] = 0.0;
                        }
                    }
                }
            }
            cols.add(col);
            names.add(k == 0 ? "Intercept" : name.toString());
            colTerms.add(term);
        }
    }

    /** @return the formula */
    public Formula formula() {
        return formula;
    }

    /** @return the number of rows (observations used) */
    public int rows() {
        return response.length;
    }

    /** @return the number of columns */
    public int columns() {
        return columns.length;
    }

    /** @return the column names, patsy style */
    public List<String> names() {
        return names;
    }

    /**
     * @param j a column
     * @return the formula term the column belongs to
     */
    public Term term(int j) {
        return columnTerms.get(j);
    }

    /**
     * @param j a column index
     * @return a copy of the column
     */
    public double[] column(int j) {
        return columns[j].clone();
    }

    /** Internal access without copying. */
    double[][] columnsView() {
        return columns;
    }

    double[] responseView() {
        return response;
    }

    /** @return a copy of the response values of the rows used */
    public double[] response() {
        return response.clone();
    }

    /** @return the 0-based data rows used, in order */
    public int[] dataRows() {
        return rows.clone();
    }

    /** @return how many data rows were dropped for a missing value */
    public int droppedRows() {
        return droppedRows;
    }

    /** @return the levels of each categorical factor, in coding order (the first is the reference) */
    public Map<Factor, List<String>> levels() {
        return levels;
    }
}
