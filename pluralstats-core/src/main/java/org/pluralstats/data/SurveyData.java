package org.pluralstats.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pluralstats.PluralstatsException;

/**
 * A rectangular survey data set held column-wise: one {@link Column} per item or attribute, all of
 * the same length, plus optional design weights and respondent ids, and the {@link Accounting} of the
 * rows read. Immutable. Column lookups are case-insensitive (WVS releases differ in case).
 *
 * <p>Items are the questions; attributes are the columns that define populations (group, country,
 * interview language). Both are columns; {@link #items()} lists only the former.
 */
public final class SurveyData {
    private final String source;
    private final int rows;
    private final List<Column> columns;
    private final Map<String, Column> byKey;
    private final Set<String> attributeKeys;
    private final double[] weights;
    private final String[] ids;
    private final Accounting accounting;
    private final List<String> warnings;

    private SurveyData(Builder b) {
        this.source = b.source;
        this.columns = List.copyOf(b.columns);
        this.rows = b.rows();
        this.byKey = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.size() != rows) {
                throw new IllegalArgumentException(source + ": column " + c.item().id() + " has " + c.size()
                        + " rows, expected " + rows);
            }
            if (byKey.put(key(c.item().id()), c) != null) {
                throw new IllegalArgumentException(source + ": duplicate column " + c.item().id());
            }
        }
        this.attributeKeys = Collections.unmodifiableSet(new LinkedHashSet<>(b.attributeKeys));
        if (b.weights != null && b.weights.length != rows) {
            throw new IllegalArgumentException(source + ": " + b.weights.length + " weights for " + rows + " rows");
        }
        if (b.ids != null && b.ids.length != rows) {
            throw new IllegalArgumentException(source + ": " + b.ids.length + " ids for " + rows + " rows");
        }
        this.weights = b.weights == null ? null : b.weights.clone();
        this.ids = b.ids == null ? null : b.ids.clone();
        this.accounting = b.accounting == null ? Accounting.allKept(rows) : b.accounting;
        this.warnings = List.copyOf(b.warnings);
        if (accounting.kept() != rows) {
            throw new IllegalArgumentException(source + ": accounting keeps " + accounting.kept() + " rows, data has "
                    + rows);
        }
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    /**
     * @param source file name or description, used in messages
     * @return an empty builder
     */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** @return the file name or description this data came from */
    public String source() {
        return source;
    }

    /** @return the number of respondents (rows) */
    public int rows() {
        return rows;
    }

    /** @return all columns in order, attributes included */
    public List<Column> columns() {
        return columns;
    }

    /** @return the question items (columns that are not attributes), in order */
    public List<Item> items() {
        List<Item> out = new ArrayList<>();
        for (Column c : columns) {
            if (!attributeKeys.contains(key(c.item().id()))) {
                out.add(c.item());
            }
        }
        return out;
    }

    /** @return the names of the attribute columns, in order */
    public List<String> attributeNames() {
        List<String> out = new ArrayList<>();
        for (Column c : columns) {
            if (attributeKeys.contains(key(c.item().id()))) {
                out.add(c.item().id());
            }
        }
        return out;
    }

    /**
     * @param id item or attribute id, case-insensitive
     * @return the column, or empty
     */
    public Optional<Column> column(String id) {
        return Optional.ofNullable(byKey.get(key(id)));
    }

    /**
     * @param id item or attribute id, case-insensitive
     * @return the column
     * @throws PluralstatsException naming the closest existing ids when there is no such column
     */
    public Column require(String id) {
        Column c = byKey.get(key(id));
        if (c == null) {
            throw new PluralstatsException(source + ": no variable \"" + id + "\"; closest: "
                    + String.join(", ", closestIds(id, 5)));
        }
        return c;
    }

    /**
     * @param id a name that is not in the data
     * @param limit how many to return
     * @return the existing ids nearest to it by edit distance (case-insensitive)
     */
    public List<String> closestIds(String id, int limit) {
        List<String> all = new ArrayList<>();
        for (Column c : columns) {
            all.add(c.item().id());
        }
        return EditDistance.closest(id, all, limit);
    }

    /** @return whether the data carries design weights */
    public boolean hasWeights() {
        return weights != null;
    }

    /**
     * @param row row index
     * @return the design weight of the row, 1 when the data has none
     */
    public double weight(int row) {
        return weights == null ? 1.0 : weights[row];
    }

    /**
     * @param row row index
     * @return the respondent id, or the 1-based row number when the source has none
     */
    public String id(int row) {
        return ids == null ? Integer.toString(row + 1) : ids[row];
    }

    /**
     * @return what the reader of the source noticed and worked around, one line each (e.g. more cases in
     *     the file than its header declares); empty for a clean read
     */
    public List<String> warnings() {
        return warnings;
    }

    /** @return where the source rows went: kept, excluded with a reason */
    public Accounting accounting() {
        return accounting;
    }

    /**
     * The typed view of one row.
     *
     * @param row row index
     * @return the respondent, with attribute values and all responses
     */
    public Respondent row(int row) {
        Map<String, String> attrs = new LinkedHashMap<>();
        Map<String, Response> responses = new LinkedHashMap<>();
        for (Column c : columns) {
            if (attributeKeys.contains(key(c.item().id()))) {
                attrs.put(c.item().id(), attributeValue(c, row).orElse(null));
            } else {
                responses.put(c.item().id(), c.get(row));
            }
        }
        return new Respondent(id(row), attrs, weight(row), responses);
    }

    /**
     * The rows of each value of an attribute (any column can serve), in order of first appearance;
     * rows where the attribute is missing are left out.
     *
     * @param attribute column id, case-insensitive
     * @return value to ascending row indices
     */
    public Map<String, int[]> groupRows(String attribute) {
        Column c = require(attribute);
        Map<String, IntList> groups = new LinkedHashMap<>();
        for (int r = 0; r < rows; r++) {
            Optional<String> v = attributeValue(c, r);
            if (v.isPresent()) {
                groups.computeIfAbsent(v.get(), x -> new IntList()).add(r);
            }
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, v.toArray()));
        return out;
    }

    /**
     * The value of a column as an attribute text: the level, the text, or the number in shortest
     * form ({@code 208}, {@code 0.5}).
     *
     * @param c the column
     * @param row row index
     * @return the text, or empty when missing
     */
    public static Optional<String> attributeValue(Column c, int row) {
        if (c.isMissing(row)) {
            return Optional.empty();
        }
        if (c instanceof NumericColumn n) {
            return Optional.of(formatNumber(n.value(row)));
        } else if (c instanceof CategoricalColumn cat) {
            return cat.level(row);
        } else if (c instanceof TextColumn t) {
            return t.text(row);
        }
        Response r = c.get(row);
        return Optional.of(r instanceof Response.MultiChoice m ? String.join(";", m.options()) : r.toString());
    }

    /**
     * @param v a number
     * @return its shortest round-trip decimal text, without a trailing {@code .0} for integers
     */
    public static String formatNumber(double v) {
        return ShortestDecimal.format(v);
    }

    /**
     * Concatenates data sets that hold the same variables (e.g. one per translated form, country or
     * wave) into one, and adds a categorical attribute saying which part each row came from, like
     * R's {@code rbind} with an {@code .id} column or pandas' {@code concat(keys=...)}.
     *
     * <p>The parts must have the same columns in the same order: same ids (case-insensitive), column
     * types, kinds, scales and attribute status. The stacked column takes the first part's item and its
     * declared options; the levels of choice columns follow them in order of first appearance. The new attribute is the first
     * column; its levels are the part names in map order, so a part with no rows still appears as a
     * level. Weights are kept when any part has them (1 for rows of parts without); respondent ids are
     * kept when any part has them (the row number within its part otherwise); the accounting is the sum
     * of the parts' accountings, reasons in order of first appearance.
     *
     * @param source file names or description of the stacked data, used in messages
     * @param attribute name of the new attribute column (e.g. {@code group}); must not be a column of the parts
     * @param parts the parts, keyed by their value of the new attribute, in the order they are stacked
     * @return the rows of all parts, in map order and row order within each part
     * @throws IllegalArgumentException when there are no parts, or the parts' columns differ
     */
    public static SurveyData stack(String source, String attribute, LinkedHashMap<String, SurveyData> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(source + ": nothing to stack");
        }
        if (attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException(source + ": the stacking attribute needs a name");
        }
        SurveyData first = parts.values().iterator().next();
        if (first.byKey.containsKey(key(attribute))) {
            throw new IllegalArgumentException(source + ": the parts already have a column named " + attribute);
        }
        for (Map.Entry<String, SurveyData> e : parts.entrySet()) {
            checkStackable(source, first, e.getKey(), e.getValue());
        }
        Builder b = builder(source);
        CategoricalColumn.Builder part = CategoricalColumn.builder(
                Item.choice(attribute, attribute, new ArrayList<>(parts.keySet())));
        boolean anyWeights = false;
        boolean anyIds = false;
        int total = 0;
        for (Map.Entry<String, SurveyData> e : parts.entrySet()) {
            for (int r = 0; r < e.getValue().rows; r++) {
                part.add(e.getKey());
            }
            anyWeights |= e.getValue().weights != null;
            anyIds |= e.getValue().ids != null;
            total += e.getValue().rows;
        }
        b.attribute(part.build());
        for (int i = 0; i < first.columns.size(); i++) {
            Column c = concatenate(i, parts.values());
            if (first.attributeKeys.contains(key(c.item().id()))) {
                b.attribute(c);
            } else {
                b.item(c);
            }
        }
        double[] w = anyWeights ? new double[total] : null;
        String[] ids = anyIds ? new String[total] : null;
        int inputRows = 0;
        int kept = 0;
        Map<String, Integer> excluded = new LinkedHashMap<>();
        int k = 0;
        for (SurveyData d : parts.values()) {
            for (int r = 0; r < d.rows; r++, k++) {
                if (w != null) {
                    w[k] = d.weight(r);
                }
                if (ids != null) {
                    ids[k] = d.id(r);
                }
            }
            inputRows += d.accounting.inputRows();
            kept += d.accounting.kept();
            d.accounting.excluded().forEach((reason, n) -> excluded.merge(reason, n, Integer::sum));
        }
        return b.weights(w).ids(ids).accounting(new Accounting(inputRows, kept, excluded)).build();
    }

    private static void checkStackable(String source, SurveyData first, String name, SurveyData d) {
        if (d.columns.size() != first.columns.size()) {
            throw new IllegalArgumentException(source + ": part " + name + " has " + d.columns.size()
                    + " columns, the first part has " + first.columns.size());
        }
        for (int i = 0; i < d.columns.size(); i++) {
            Column a = first.columns.get(i);
            Column c = d.columns.get(i);
            Item x = a.item();
            Item y = c.item();
            boolean sameAttr = first.attributeKeys.contains(key(x.id())) == d.attributeKeys.contains(key(y.id()));
            if (!key(x.id()).equals(key(y.id())) || a.getClass() != c.getClass() || x.kind() != y.kind()
                    || !x.scale().equals(y.scale()) || !sameAttr) {
                throw new IllegalArgumentException(source + ": column " + (i + 1) + " of part " + name + " is "
                        + y.id() + " (" + y.kind().jsonName() + "), the first part has " + x.id() + " ("
                        + x.kind().jsonName() + ")" + (x.scale().equals(y.scale()) ? "" : " with another scale"));
            }
        }
    }

    private static Column concatenate(int index, Collection<SurveyData> parts) {
        Column first = parts.iterator().next().columns.get(index);
        // the declared options stay the first part's (a codebook's); levels seen in the parts follow them
        Item item = first.item();
        if (first instanceof NumericColumn) {
            NumericColumn.Builder b = NumericColumn.builder(item);
            for (SurveyData d : parts) {
                NumericColumn c = (NumericColumn) d.columns.get(index);
                for (int r = 0; r < c.size(); r++) {
                    Optional<MissingReason> m = c.missingReason(r);
                    if (m.isPresent()) {
                        b.addMissing(m.get());
                    } else {
                        b.add(c.value(r));
                    }
                }
            }
            return b.build();
        } else if (first instanceof CategoricalColumn) {
            CategoricalColumn.Builder b = CategoricalColumn.builder(item);
            for (SurveyData d : parts) {
                CategoricalColumn c = (CategoricalColumn) d.columns.get(index);
                for (int r = 0; r < c.size(); r++) {
                    Optional<String> v = c.level(r);
                    if (v.isPresent()) {
                        b.add(v.get());
                    } else {
                        b.addMissing(c.missingReason(r).orElse(MissingReason.SKIPPED));
                    }
                }
            }
            return b.build();
        } else if (first instanceof MultiChoiceColumn) {
            MultiChoiceColumn.Builder b = MultiChoiceColumn.builder(item);
            for (SurveyData d : parts) {
                MultiChoiceColumn c = (MultiChoiceColumn) d.columns.get(index);
                for (int r = 0; r < c.size(); r++) {
                    if (c.get(r) instanceof Response.MultiChoice m) {
                        b.add(m.options());
                    } else {
                        b.addMissing(c.missingReason(r).orElse(MissingReason.SKIPPED));
                    }
                }
            }
            return b.build();
        }
        TextColumn.Builder b = TextColumn.builder(item);
        for (SurveyData d : parts) {
            TextColumn c = (TextColumn) d.columns.get(index);
            for (int r = 0; r < c.size(); r++) {
                Optional<String> v = c.text(r);
                if (v.isPresent()) {
                    b.add(v.get());
                } else {
                    b.addMissing(c.missingReason(r).orElse(MissingReason.SKIPPED));
                }
            }
        }
        return b.build();
    }

    /**
     * @return a readable head: source, rows x columns, attributes and items, weighting, exclusions and
     *     warnings, then the first rows of the first columns as an aligned text table (what JShell shows)
     */
    @Override
    public String toString() {
        return DataText.head(this);
    }

    /** Collects columns, weights and ids; see {@link SurveyData#builder(String)}. */
    public static final class Builder {
        private final String source;
        private final List<Column> columns = new ArrayList<>();
        private final Set<String> attributeKeys = new LinkedHashSet<>();
        private double[] weights;
        private String[] ids;
        private Accounting accounting;
        private final List<String> warnings = new ArrayList<>();

        private Builder(String source) {
            this.source = source;
        }

        private int rows() {
            return columns.isEmpty() ? (weights != null ? weights.length : ids != null ? ids.length : 0)
                    : columns.get(0).size();
        }

        /**
         * @param column a question column
         * @return this
         */
        public Builder item(Column column) {
            columns.add(column);
            return this;
        }

        /**
         * @param column a column that defines populations (group, country, language)
         * @return this
         */
        public Builder attribute(Column column) {
            columns.add(column);
            attributeKeys.add(key(column.item().id()));
            return this;
        }

        /**
         * @param weights one design weight per row (copied)
         * @return this
         */
        public Builder weights(double[] weights) {
            this.weights = weights;
            return this;
        }

        /**
         * @param ids one respondent id per row (copied)
         * @return this
         */
        public Builder ids(String[] ids) {
            this.ids = ids;
            return this;
        }

        /**
         * @param accounting where the source rows went
         * @return this
         */
        public Builder accounting(Accounting accounting) {
            this.accounting = accounting;
            return this;
        }

        /**
         * @param warning one line a reader noticed while reading the source (see {@link #warnings()})
         * @return this
         */
        public Builder warning(String warning) {
            warnings.add(java.util.Objects.requireNonNull(warning, "warning"));
            return this;
        }

        /** @return the data set */
        public SurveyData build() {
            return new SurveyData(this);
        }
    }
}
