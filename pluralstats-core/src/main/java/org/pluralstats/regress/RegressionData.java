package org.pluralstats.regress;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rectangular data set for regression: named columns of equal length, each either numeric
 * ({@code double}, {@code NaN} missing) or text ({@code null} missing). How a column enters a formula
 * follows patsy: numeric columns as they are, text columns as categorical (boolean text —
 * {@code True/False}, {@code true/false}, {@code TRUE/FALSE} — as the categorical with levels
 * {@code False < True}, as pandas reads it), and {@code C(x)} makes any column categorical.
 *
 * <p>A text column in which some values are numbers and others are not is most likely a numeric
 * column with a typo; used as a plain factor it is an error naming the first non-numeric value
 * (write {@code C(x)} to use it as categorical on purpose).
 *
 * <p>Build one with {@link #builder()} or read a CSV file with {@code io.csv.RegressionDataFiles}.
 */
public final class RegressionData {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final String source;
    private final int rows;
    private final Map<String, Object> columns;
    private final long[] lines;

    private RegressionData(String source, int rows, Map<String, Object> columns, long[] lines) {
        this.source = source;
        this.rows = rows;
        this.columns = columns;
        this.lines = lines;
    }

    /** @return a builder for a data set built from arrays */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param name a column asked for
     * @param available the columns there are
     * @param source the file or data name
     * @return the error naming the columns there are, and the one differing only in case if any
     */
    public static RegressionException unknownColumn(String name, Collection<String> available, String source) {
        String close = available.stream().filter(a -> a.equalsIgnoreCase(name)).findFirst()
                .map(a -> " (did you mean '" + a + "'?)").orElse("");
        return new RegressionException("no column '" + name + "' in " + source + close + "; columns: "
                + String.join(", ", available));
    }

    /** @return where the data came from (a file name, or {@code data}) */
    public String source() {
        return source;
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /**
     * @param name a column name
     * @return whether the data has the column
     */
    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /**
     * @param name a column name
     * @return whether it is numeric
     * @throws RegressionException when there is no such column
     */
    public boolean isNumeric(String name) {
        return require(name) instanceof double[];
    }

    /**
     * @param name a numeric column
     * @return a copy of its values ({@code NaN} missing)
     * @throws RegressionException when there is no such column or it is text
     */
    public double[] numeric(String name) {
        if (require(name) instanceof double[] d) {
            return d.clone();
        }
        throw new RegressionException("column '" + name + "' in " + source + " is text, not numeric");
    }

    /**
     * @param name a column
     * @return its values as text ({@code null} missing; numbers in their shortest decimal form, integral
     *     values without a fraction)
     * @throws RegressionException when there is no such column
     */
    public String[] labels(String name) {
        Object c = require(name);
        if (c instanceof String[] s) {
            return s.clone();
        }
        double[] d = (double[]) c;
        String[] out = new String[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = Double.isNaN(d[i]) ? null : numberLabel(d[i]);
        }
        return out;
    }

    /**
     * Where a row came from, for messages.
     *
     * @param row a 0-based row
     * @return {@code line L of FILE} when read from a file, else {@code row R} (1-based)
     */
    public String where(int row) {
        if (lines != null) {
            return "line " + lines[row] + " of " + source;
        }
        return "row " + (row + 1) + " of " + source;
    }

    Object require(String name) {
        Object c = columns.get(name);
        if (c == null) {
            throw unknownColumn(name, columns.keySet(), source);
        }
        return c;
    }

    /** Text of a level of a numeric column coded as categorical: integers without a fraction. */
    static String numberLabel(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static boolean isNumber(String s) {
        return NUMBER.matcher(s.strip()).matches();
    }

    /**
     * @param values a text column
     * @return the canonical boolean text ({@code False}/{@code True}) of each value when every
     *     non-missing value is a boolean word, else empty
     */
    static Optional<String[]> asBoolean(String[] values) {
        String[] out = new String[values.length];
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null) {
                continue;
            }
            switch (v.strip()) {
                case "True", "true", "TRUE" -> out[i] = "True";
                case "False", "false", "FALSE" -> out[i] = "False";
                default -> {
                    return Optional.empty();
                }
            }
            any = true;
        }
        return any ? Optional.of(out) : Optional.empty();
    }

    /** Builds a {@link RegressionData} from arrays; every column must have the same length. */
    public static final class Builder {
        private final Map<String, Object> columns = new LinkedHashMap<>();
        private String source = "data";
        private long[] lines;
        private int rows = -1;

        private Builder() {
        }

        /**
         * @param name the data set's name in messages (default {@code data})
         * @return this
         */
        public Builder source(String name) {
            this.source = Objects.requireNonNull(name, "source");
            return this;
        }

        /**
         * @param fileLines the 1-based line of each row in its file, for messages
         * @return this
         */
        public Builder lines(long[] fileLines) {
            this.lines = fileLines.clone();
            return this;
        }

        /**
         * @param name the column name
         * @param values the values ({@code NaN} missing); copied
         * @return this
         */
        public Builder numeric(String name, double[] values) {
            return put(name, values.clone(), values.length);
        }

        /**
         * @param name the column name
         * @param values the values ({@code null} missing); copied
         * @return this
         */
        public Builder text(String name, String[] values) {
            return put(name, values.clone(), values.length);
        }

        /**
         * @param name the column name
         * @param values boolean values, coded as the levels {@code False} and {@code True}
         * @return this
         */
        public Builder bool(String name, boolean[] values) {
            String[] s = new String[values.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = values[i] ? "True" : "False";
            }
            return put(name, s, s.length);
        }

        private Builder put(String name, Object values, int length) {
            Objects.requireNonNull(name, "name");
            if (columns.containsKey(name)) {
                throw new RegressionException("duplicate column '" + name + "'");
            }
            if (rows >= 0 && length != rows) {
                throw new RegressionException("column '" + name + "' has " + length + " rows, the others " + rows);
            }
            rows = length;
            columns.put(name, values);
            return this;
        }

        /** @return the data set */
        public RegressionData build() {
            int n = Math.max(rows, 0);
            if (lines != null && lines.length != n) {
                throw new RegressionException("lines has " + lines.length + " entries for " + n + " rows");
            }
            return new RegressionData(source, n, new LinkedHashMap<>(columns), lines);
        }
    }

    @Override
    public String toString() {
        return "RegressionData[" + source + ", " + rows + " rows, columns " + Arrays.toString(columns.keySet().toArray())
                + "]";
    }
}
