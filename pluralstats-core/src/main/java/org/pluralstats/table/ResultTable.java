package org.pluralstats.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A result as a table: a title, ordered typed {@link Column}s, rows, and metadata (method, weights,
 * confidence level, seed …) as an ordered map of texts. Immutable; built with {@link #builder(String)}.
 * Stored by column: a {@code String[]}, {@code long[]} (with a mask of undefined cells),
 * {@code double[]} or {@code boolean[]} per column.
 *
 * <p>Cells: {@link ColumnType#TEXT} never {@code null} (an absent text is {@code ""});
 * {@link ColumnType#NUMBER} and {@link ColumnType#P_VALUE} are doubles, {@code NaN} or infinite meaning
 * undefined; {@link ColumnType#INTEGER} may be undefined ({@link #isDefined}).
 *
 * <p>{@link #toString()} is a readable head: the title, the dimensions, the metadata and the first
 * {@value #HEAD_ROWS} rows aligned as text, numbers rounded as {@link #display} shows them.
 */
public final class ResultTable {
    /** Metadata key: the method (estimator, test, interval) that produced the table. */
    public static final String METHOD = "method";
    /** Metadata key: the weights used. */
    public static final String WEIGHTS = "weights";
    /** Metadata key: the confidence level of the intervals ({@code 0.95}). */
    public static final String CONFIDENCE_LEVEL = "confidence level";
    /** Metadata key: the random seed. */
    public static final String SEED = "seed";
    /** Metadata key: the version of pluralstats that computed the table. */
    public static final String VERSION = "pluralstats version";
    /** How many rows {@link #toString()} shows. */
    public static final int HEAD_ROWS = 10;

    private final String title;
    private final List<Column> columns;
    private final Object[] data;
    private final boolean[][] undefinedIntegers;
    private final int rows;
    private final Map<String, String> metadata;

    private ResultTable(Builder b) {
        this.title = b.title;
        this.columns = List.copyOf(b.columns);
        this.rows = b.rows.size();
        this.data = new Object[columns.size()];
        this.undefinedIntegers = new boolean[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            switch (columns.get(c).type()) {
                case TEXT -> {
                    String[] a = new String[rows];
                    for (int r = 0; r < rows; r++) {
                        a[r] = (String) b.rows.get(r)[c];
                    }
                    data[c] = a;
                }
                case INTEGER -> {
                    long[] a = new long[rows];
                    boolean[] undefined = new boolean[rows];
                    for (int r = 0; r < rows; r++) {
                        Object v = b.rows.get(r)[c];
                        undefined[r] = v == null;
                        a[r] = v == null ? 0 : (Long) v;
                    }
                    data[c] = a;
                    undefinedIntegers[c] = undefined;
                }
                case NUMBER, P_VALUE -> {
                    double[] a = new double[rows];
                    for (int r = 0; r < rows; r++) {
                        a[r] = (Double) b.rows.get(r)[c];
                    }
                    data[c] = a;
                }
                case BOOLEAN -> {
                    boolean[] a = new boolean[rows];
                    for (int r = 0; r < rows; r++) {
                        a[r] = (Boolean) b.rows.get(r)[c];
                    }
                    data[c] = a;
                }
            }
        }
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    }

    /**
     * @param title the table's title (a caption for people)
     * @return a builder; add the columns, then the rows
     */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /** @return the columns, in order */
    public List<Column> columns() {
        return columns;
    }

    /** @return how many rows */
    public int rows() {
        return rows;
    }

    /**
     * @param withVersion whether to include the {@link #VERSION} entry (the report's page states it once)
     * @return the metadata as one line, {@code key: value; key: value}, in the order it was added; empty
     *     when there is none
     */
    public String metadataLine(boolean withVersion) {
        StringBuilder line = new StringBuilder();
        metadata.forEach((k, v) -> {
            if (withVersion || !k.equals(VERSION)) {
                line.append(line.length() == 0 ? "" : "; ").append(k).append(": ").append(v);
            }
        });
        return line.toString();
    }

    /** @return the metadata, in the order it was added */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * @param name a column name
     * @return the index of the column of that name
     */
    public Optional<Integer> columnIndex(String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * @param role a role
     * @return the indices of the columns with that role, in order
     */
    public List<Integer> columnsWith(Role role) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).role() == role) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * @param row a row index
     * @param column the index of a {@link ColumnType#TEXT} column
     * @return the text
     */
    public String text(int row, int column) {
        return ((String[]) data(column, ColumnType.TEXT))[check(row)];
    }

    /**
     * @param row a row index
     * @param column the index of a {@link ColumnType#NUMBER}, {@link ColumnType#P_VALUE} or
     *     {@link ColumnType#INTEGER} column
     * @return the number; {@code NaN} when undefined
     */
    public double number(int row, int column) {
        check(row);
        Column c = columns.get(column);
        if (c.type() == ColumnType.INTEGER) {
            return undefinedIntegers[column][row] ? Double.NaN : ((long[]) data[column])[row];
        }
        if (c.type() != ColumnType.NUMBER && c.type() != ColumnType.P_VALUE) {
            throw new IllegalArgumentException("column " + c.name() + " holds " + c.type() + ", not numbers");
        }
        return ((double[]) data[column])[row];
    }

    /**
     * @param row a row index
     * @param column the index of an {@link ColumnType#INTEGER} column
     * @return the whole number (0 when undefined: ask {@link #isDefined})
     */
    public long integer(int row, int column) {
        return ((long[]) data(column, ColumnType.INTEGER))[check(row)];
    }

    /**
     * @param row a row index
     * @param column the index of a {@link ColumnType#BOOLEAN} column
     * @return the value
     */
    public boolean bool(int row, int column) {
        return ((boolean[]) data(column, ColumnType.BOOLEAN))[check(row)];
    }

    /**
     * @param row a row index
     * @param column a column index
     * @return whether the cell holds a value: false for a NaN or infinite number and an undefined integer
     */
    public boolean isDefined(int row, int column) {
        check(row);
        return switch (columns.get(column).type()) {
            case TEXT, BOOLEAN -> true;
            case INTEGER -> !undefinedIntegers[column][row];
            case NUMBER, P_VALUE -> Double.isFinite(((double[]) data[column])[row]);
        };
    }

    /**
     * @param row a row index
     * @param column a column index
     * @return the cell: a {@link String}, {@link Long}, {@link Double} or {@link Boolean}; {@code null}
     *     when {@linkplain #isDefined undefined}
     */
    public Object cell(int row, int column) {
        if (!isDefined(row, column)) {
            return null;
        }
        return switch (columns.get(column).type()) {
            case TEXT -> text(row, column);
            case INTEGER -> integer(row, column);
            case NUMBER, P_VALUE -> number(row, column);
            case BOOLEAN -> bool(row, column);
        };
    }

    /**
     * The cell as shown to people (Markdown, HTML, {@link #toString()}): numbers rounded half to even on the
     * exact binary value to the column's {@link Column#decimals() decimals} (as the report's tables and the
     * pilot's Table 1: 3.125 shows as 3.12), p-values below 10⁻⁴ as {@code <0.0001} and otherwise
     * with 4 decimals, undefined cells as {@code –} (an en dash). CSV and JSON write numbers exactly instead.
     *
     * @param row a row index
     * @param column a column index
     * @return the text shown
     */
    public String display(int row, int column) {
        if (!isDefined(row, column)) {
            return "–";
        }
        Column c = columns.get(column);
        return switch (c.type()) {
            case TEXT -> text(row, column);
            case INTEGER -> Long.toString(integer(row, column));
            case BOOLEAN -> Boolean.toString(bool(row, column));
            // a number column in the p-value role is a p-value to readers too: never "0.0000"
            case NUMBER -> c.role() == Role.P_VALUE ? pValue(number(row, column)) : rounded(number(row, column), c.decimals());
            case P_VALUE -> pValue(number(row, column));
        };
    }

    private static String pValue(double p) {
        return p < 1e-4 ? "<0.0001" : rounded(p, 4);
    }

    /** Half to even on the double's exact decimal expansion; {@code -0.00} shows as {@code 0.00}. */
    private static String rounded(double x, int decimals) {
        String s = new java.math.BigDecimal(x).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
        return s.startsWith("-") && s.chars().allMatch(ch -> ch == '-' || ch == '0' || ch == '.') ? s.substring(1) : s;
    }

    private Object data(int column, ColumnType type) {
        Column c = columns.get(column);
        if (c.type() != type) {
            throw new IllegalArgumentException("column " + c.name() + " holds " + c.type() + ", not " + type);
        }
        return data[column];
    }

    private int check(int row) {
        Objects.checkIndex(row, rows);
        return row;
    }

    /**
     * @return the title, the dimensions, the metadata (but the version) and the first {@value #HEAD_ROWS} rows
     *     aligned as text (numbers right-aligned), with a last line counting the rows not shown
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append(" (").append(rows).append(rows == 1 ? " row × " : " rows × ").append(columns.size())
                .append(columns.size() == 1 ? " column)" : " columns)").append('\n');
        metadata.forEach((k, v) -> {
            if (!k.equals(VERSION)) {
                sb.append(k).append(": ").append(v).append('\n');
            }
        });
        int shown = Math.min(rows, HEAD_ROWS);
        String[][] cells = new String[shown + 1][columns.size()];
        int[] width = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            cells[0][c] = columns.get(c).name();
            for (int r = 0; r < shown; r++) {
                cells[r + 1][c] = printable(display(r, c));
            }
            for (String[] line : cells) {
                width[c] = Math.max(width[c], line[c].codePointCount(0, line[c].length()));
            }
        }
        for (String[] line : cells) {
            StringBuilder l = new StringBuilder();
            for (int c = 0; c < columns.size(); c++) {
                String pad = " ".repeat(width[c] - line[c].codePointCount(0, line[c].length()));
                l.append(c == 0 ? "" : "  ").append(columns.get(c).numeric() ? pad + line[c] : line[c] + pad);
            }
            sb.append(l.toString().stripTrailing()).append('\n');
        }
        if (rows > shown) {
            sb.append("… ").append(rows - shown).append(" more rows\n");
        }
        return sb.toString();
    }

    /** Control characters (a line break in a label) would break the alignment: shown as escapes. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /**
     * @param o another object
     * @return whether it is a table with the same title, columns, cells and metadata
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ResultTable t) || !t.title.equals(title) || !t.columns.equals(columns) || t.rows != rows
                || !t.metadata.equals(metadata)) {
            return false;
        }
        for (int c = 0; c < columns.size(); c++) {
            for (int r = 0; r < rows; r++) {
                if (!Objects.equals(cell(r, c), t.cell(r, c))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return a hash of the title, columns and dimensions */
    @Override
    public int hashCode() {
        return Objects.hash(title, columns, rows, metadata);
    }

    /** Builds a {@link ResultTable}: columns first, then rows, metadata at any time. */
    public static final class Builder {
        private final String title;
        private final List<Column> columns = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder(String title) {
            this.title = Objects.requireNonNull(title, "title");
        }

        /**
         * @param column a column, after the ones added so far
         * @return this
         */
        public Builder column(Column column) {
            if (!rows.isEmpty()) {
                throw new IllegalStateException("table " + title + ": add the columns before the rows");
            }
            for (Column c : columns) {
                if (c.name().equals(column.name())) {
                    throw new IllegalArgumentException("table " + title + ": two columns named " + column.name());
                }
            }
            columns.add(column);
            return this;
        }

        /**
         * @param name the header
         * @param type what the cells hold
         * @param role what the column means
         * @return this, with a column showing {@link Column#DEFAULT_DECIMALS} decimals
         */
        public Builder column(String name, ColumnType type, Role role) {
            return column(Column.of(name, type, role));
        }

        /**
         * @param name the header of a {@link ColumnType#NUMBER} column
         * @param role what the column means
         * @param decimals decimals shown to people
         * @return this
         */
        public Builder number(String name, Role role, int decimals) {
            return column(new Column(name, ColumnType.NUMBER, role, decimals));
        }

        /**
         * @param key a metadata key (e.g. {@link ResultTable#METHOD})
         * @param value its value
         * @return this
         */
        public Builder meta(String key, String value) {
            metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds a row. Cells by column type: TEXT a {@link String} ({@code null} becomes {@code ""});
         * INTEGER any integral {@link Number} or {@code null} (undefined); NUMBER and P_VALUE any
         * {@link Number} or {@code null} (undefined, stored as NaN); BOOLEAN a {@link Boolean}.
         *
         * @param cells one per column
         * @return this
         */
        public Builder row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException("table " + title + ": " + cells.length + " cells for " + columns.size()
                        + " columns: " + Arrays.toString(cells));
            }
            Object[] r = new Object[cells.length];
            for (int c = 0; c < cells.length; c++) {
                Object v = cells[c];
                Column col = columns.get(c);
                r[c] = switch (col.type()) {
                    case TEXT -> v == null ? "" : v instanceof String s ? s : fail(col, v);
                    case INTEGER -> v == null ? null : v instanceof Integer || v instanceof Long || v instanceof Short
                            || v instanceof Byte ? (Object) ((Number) v).longValue() : fail(col, v);
                    case NUMBER, P_VALUE -> v == null ? Double.NaN : v instanceof Number n ? (Object) n.doubleValue()
                            : fail(col, v);
                    case BOOLEAN -> v instanceof Boolean ? v : fail(col, v);
                };
            }
            rows.add(r);
            return this;
        }

        private Object fail(Column c, Object v) {
            throw new IllegalArgumentException("table " + title + ", column " + c.name() + " (" + c.type() + "): cannot hold "
                    + (v == null ? "null" : v.getClass().getSimpleName() + " " + v));
        }

        /** @return the table; its metadata ends with the pluralstats version unless one was set */
        public ResultTable build() {
            metadata.putIfAbsent(VERSION, org.pluralstats.Version.current());
            return new ResultTable(this);
        }
    }
}
