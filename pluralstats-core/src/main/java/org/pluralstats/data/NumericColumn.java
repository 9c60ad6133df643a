package org.pluralstats.data;

import java.util.Arrays;
import java.util.Optional;

/**
 * A column of numbers: scale points or measurements. Missing rows hold {@code NaN} in
 * {@link #value(int)} and a {@link MissingReason}.
 */
public final class NumericColumn implements Column {
    private final Item item;
    private final double[] values;
    private final MissingMask missing;

    private NumericColumn(Item item, double[] values, MissingMask missing) {
        this.item = item;
        this.values = values;
        this.missing = missing;
    }

    /**
     * @param item the item (kind {@link ItemKind#SCALE} or {@link ItemKind#NUMERIC})
     * @return an empty builder
     */
    public static Builder builder(Item item) {
        return new Builder(item, 16);
    }

    /**
     * @param item the item
     * @param expectedRows how many rows to make room for (a hint; the builder still grows)
     * @return an empty builder
     */
    public static Builder builder(Item item, int expectedRows) {
        return new Builder(item, Math.max(16, expectedRows));
    }

    /**
     * A column from an array in which {@code NaN} marks system-missing rows.
     *
     * @param item the item
     * @param values the values (copied)
     * @return the column
     */
    public static NumericColumn of(Item item, double... values) {
        Builder b = builder(item);
        for (double v : values) {
            if (Double.isNaN(v)) {
                b.addMissing(MissingReason.SYSTEM_MISSING);
            } else {
                b.add(v);
            }
        }
        return b.build();
    }

    @Override
    public Item item() {
        return item;
    }

    @Override
    public int size() {
        return values.length;
    }

    /**
     * @param row row index
     * @return the value, or {@code NaN} when the row is missing
     */
    public double value(int row) {
        return values[row];
    }

    /** @return a copy of all values, {@code NaN} where missing */
    public double[] toArray() {
        return values.clone();
    }

    /** @return a copy of the answered values only, in row order */
    public double[] answered() {
        double[] out = new double[values.length - missing.count()];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (!missing.isMissing(i)) {
                out[k++] = values[i];
            }
        }
        return out;
    }

    @Override
    public boolean isMissing(int row) {
        return missing.isMissing(row);
    }

    @Override
    public Optional<MissingReason> missingReason(int row) {
        return missing.reason(row);
    }

    @Override
    public int missingCount() {
        return missing.count();
    }

    @Override
    public Response get(int row) {
        Optional<MissingReason> reason = missing.reason(row);
        if (reason.isPresent()) {
            return new Response.Missing(reason.get());
        }
        double v = values[row];
        if (item.kind() == ItemKind.SCALE && v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE) {
            return new Response.ScalePoint((int) v);
        }
        return new Response.Numeric(v);
    }


    /** @return the column's type, item, row and missing counts and its first values, on one line */
    @Override
    public String toString() {
        return DataText.describe(this);
    }
    /** Appends rows one at a time; for streaming readers. */
    public static final class Builder {
        private final Item item;
        private double[] values;
        private final MissingMask missing = new MissingMask();
        private int size;
        private boolean built;

        private Builder(Item item, int capacity) {
            this.item = item;
            this.values = new double[capacity];
        }

        /**
         * @param value an answered value (not NaN)
         * @return this
         */
        public Builder add(double value) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("NaN is not a value; use addMissing for " + item.id());
            }
            grow();
            values[size++] = value;
            return this;
        }

        /**
         * Appends a run of answered values at once.
         *
         * @param source values (none NaN)
         * @param from first index in {@code source}
         * @param count how many
         * @return this
         */
        public Builder addAll(double[] source, int from, int count) {
            for (int i = from; i < from + count; i++) {
                if (Double.isNaN(source[i])) {
                    throw new IllegalArgumentException("NaN is not a value; use addMissing for " + item.id());
                }
            }
            if (built) {
                throw new IllegalStateException("builder of " + item.id() + " was already built");
            }
            if (size + count > values.length) {
                values = Arrays.copyOf(values, Math.max(size + count, values.length + (values.length >> 1) + 16));
            }
            System.arraycopy(source, from, values, size, count);
            size += count;
            return this;
        }

        /**
         * @param reason why the row is missing
         * @return this
         */
        public Builder addMissing(MissingReason reason) {
            grow();
            missing.set(size, reason, values.length);
            values[size++] = Double.NaN;
            return this;
        }

        /** @return the number of rows appended */
        public int size() {
            return size;
        }

        private void grow() {
            if (built) {
                throw new IllegalStateException("builder of " + item.id() + " was already built");
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length + (values.length >> 1) + 16);
            }
        }

        /** @return the column; the builder hands over its storage and accepts no more rows */
        public NumericColumn build() {
            built = true;
            return new NumericColumn(item, size == values.length ? values : Arrays.copyOf(values, size),
                    missing.trimmed(size));
        }
    }
}
