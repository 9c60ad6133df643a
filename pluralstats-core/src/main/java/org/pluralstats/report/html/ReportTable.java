package org.pluralstats.report.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.pluralstats.PluralstatsException;
import org.pluralstats.io.CsvOutput;
import org.pluralstats.io.Json;
import org.pluralstats.report.ResultTableWriters;
import org.pluralstats.report.svg.ChartStyle;
import org.pluralstats.table.ResultTable;

/**
 * A table of a report: named columns, rows of cells that are text or numbers. Shown in the page
 * with each number column rounded to its decimals, and written beside the page at full precision as
 * CSV (empty cells where undefined) and JSON (an array of objects, {@code null} where undefined).
 * A table made {@linkplain #of(String, ResultTable, boolean) of a result's table} is shown and written
 * by the generic writers of {@link ResultTableWriters}, byte for byte as the CLI prints the same result.
 * Immutable.
 */
public final class ReportTable implements ReportBlock {
    /**
     * A column.
     *
     * @param name the header, also the JSON field name
     * @param decimals decimals shown in the page for numbers; -1 to show them as written
     */
    public record Column(String name, int decimals) {
    }

    private final String id;
    private final String title;
    private final List<Column> columns;
    private final List<List<Object>> rows;
    private final boolean collapsed;
    private final String note;
    private final ResultTable source;

    private ReportTable(Builder b) {
        this.source = b.source;
        this.id = b.id;
        this.title = b.title;
        this.columns = List.copyOf(b.columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> r : b.rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(r)));
        }
        this.rows = Collections.unmodifiableList(copy);
        this.collapsed = b.collapsed;
        this.note = b.note;
    }

    /**
     * @param id a file-name-safe identifier, unique in the report ({@code pilot-table1})
     * @param title the caption
     * @return a builder
     */
    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /**
     * A result's table in the report: shown as {@link ResultTable#display} shows its cells, its metadata as the
     * note under it (as the Markdown writer's last line, but the version, which the page's footer states), written as CSV and JSON by {@link ResultTableWriters},
     * exactly as the CLI's {@code --format csv|json} writes it.
     *
     * @param id a file-name-safe identifier, unique in the report
     * @param table the result's table (its title is the caption)
     * @param folded whether the page shows the table folded
     * @return the report table
     */
    public static ReportTable of(String id, ResultTable table, boolean folded) {
        Builder b = new Builder(id, table.title());
        for (org.pluralstats.table.Column c : table.columns()) {
            b.column(c.name(), c.type() == org.pluralstats.table.ColumnType.NUMBER ? c.decimals() : -1);
        }
        for (int r = 0; r < table.rows(); r++) {
            Object[] cells = new Object[table.columns().size()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = table.cell(r, c);
            }
            b.row(cells);
        }
        b.source = table;
        // the version is the page's footer, not repeated under every table
        return b.collapsed(folded).note(table.metadataLine(false)).build();
    }

    static void checkId(String id) {
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new PluralstatsException("report identifier \"" + id + "\" must be letters, digits, '.', '_' or '-'");
        }
    }

    /** @return the identifier (the CSV and JSON file names) */
    public String id() {
        return id;
    }

    /** @return the caption */
    public String title() {
        return title;
    }

    /** @return the columns */
    public List<Column> columns() {
        return columns;
    }

    /** @return the rows; cells are {@link String}, {@link Number} or {@code null} */
    public List<List<Object>> rows() {
        return rows;
    }

    /** @return whether the page shows the table folded (details a reader opens) */
    public boolean collapsed() {
        return collapsed;
    }

    /** @return a note under the table, or empty */
    public String note() {
        return note;
    }

    /**
     * @param column a column index
     * @return whether it is a number column (right-aligned in the page): for a result's table, its column's
     *     {@link org.pluralstats.table.Column#numeric()}; otherwise whether it has decimals or every defined cell
     *     is a number (and at least one is)
     */
    public boolean numeric(int column) {
        if (source != null) {
            return source.columns().get(column).numeric();
        }
        if (columns.get(column).decimals() >= 0) {
            return true;
        }
        boolean any = false;
        for (List<Object> r : rows) {
            Object v = r.get(column);
            if (v != null && !(v instanceof Number)) {
                return false;
            }
            any |= v != null;
        }
        return any;
    }

    /**
     * @param row a row index
     * @param column a column index
     * @return the cell as shown in the page: numbers rounded half to even to the column's decimals,
     *     "–" for undefined
     */
    public String display(int row, int column) {
        if (source != null) {
            return source.display(row, column);
        }
        Object v = rows.get(row).get(column);
        int decimals = columns.get(column).decimals();
        if (v == null) {
            return "–";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                return "–";
            }
            return decimals < 0 ? CsvOutput.number(d) : ChartStyle.format(d, decimals);
        }
        return v.toString();
    }

    /** @return the table as CSV with a header row, numbers at full precision */
    public String csv() {
        if (source != null) {
            return ResultTableWriters.csv(source);
        }
        List<List<String>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : r) {
                cells.add(v == null ? "" : v instanceof Double || v instanceof Float
                        ? CsvOutput.number(((Number) v).doubleValue()) : v.toString());
            }
            out.add(cells);
        }
        return CsvOutput.table(columns.stream().map(Column::name).toList(), out);
    }

    /**
     * @return the table as JSON text: for a {@link ResultTable}, {@link ResultTableWriters#json} (title, metadata,
     *     rows); otherwise an array of objects keyed by column name, {@code null} where undefined
     */
    public String json() {
        if (source != null) {
            return ResultTableWriters.json(source);
        }
        return Json.write(jsonRows());
    }

    private List<Map<String, Object>> jsonRows() {
        List<Map<String, Object>> arr = new ArrayList<>();
        for (List<Object> r : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                Object v = r.get(i);
                o.put(columns.get(i).name(), v instanceof Float f ? (Object) f.doubleValue()
                        : v == null || v instanceof Double || v instanceof Integer || v instanceof Long || v instanceof Short
                        || v instanceof Boolean ? v : v.toString());
            }
            arr.add(o);
        }
        return arr;
    }

    /**
     * @param provenance where the report came from ({@code Provenance#toMap})
     * @return the table as JSON text with a {@code provenance} member: for a {@link ResultTable},
     *     {@link ResultTableWriters#json(ResultTable, Map)}; otherwise {@code {"title", "rows", "provenance"}}
     */
    public String json(Map<String, Object> provenance) {
        if (source != null) {
            return ResultTableWriters.json(source, provenance);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", title);
        root.put("rows", jsonRows());
        root.put("provenance", provenance);
        return Json.write(root);
    }

    /** Builds a {@link ReportTable}. */
    public static final class Builder {
        private final String id;
        private final String title;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();
        private boolean collapsed;
        private String note = "";
        private ResultTable source;

        private Builder(String id, String title) {
            checkId(id);
            this.id = id;
            this.title = title;
        }

        /** @param name a text (or integer) column @return this */
        public Builder column(String name) {
            columns.add(new Column(name, -1));
            return this;
        }

        /**
         * @param name a number column
         * @param decimals decimals shown in the page
         * @return this
         */
        public Builder column(String name, int decimals) {
            columns.add(new Column(name, decimals));
            return this;
        }

        /**
         * @param cells one per column: {@link String}, {@link Number}, {@link OptionalDouble}, {@link Boolean} or null
         * @return this
         */
        public Builder row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new PluralstatsException("table " + id + ": " + cells.length + " cells for " + columns.size()
                        + " columns: " + Arrays.toString(cells));
            }
            List<Object> r = new ArrayList<>(cells.length);
            for (Object c : cells) {
                if (c instanceof OptionalDouble od) {
                    r.add(od.isPresent() ? od.getAsDouble() : null);
                } else if (c instanceof Double d && !Double.isFinite(d)) {
                    r.add(null);
                } else {
                    r.add(c);
                }
            }
            rows.add(r);
            return this;
        }

        /** @param folded whether the page shows the table folded @return this */
        public Builder collapsed(boolean folded) {
            this.collapsed = folded;
            return this;
        }

        /** @param text a note under the table @return this */
        public Builder note(String text) {
            this.note = text;
            return this;
        }

        /** @return the table */
        public ReportTable build() {
            return new ReportTable(this);
        }
    }
}
