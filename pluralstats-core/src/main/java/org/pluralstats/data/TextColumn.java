package org.pluralstats.data;

import java.util.Arrays;
import java.util.Optional;

/** A column of free-text answers (or string variables of a data file). */
public final class TextColumn implements Column {
    private final Item item;
    private final String[] values;
    private final MissingMask missing;

    private TextColumn(Item item, String[] values, MissingMask missing) {
        this.item = item;
        this.values = values;
        this.missing = missing;
    }

    /**
     * @param item the item
     * @return an empty builder
     */
    public static Builder builder(Item item) {
        return new Builder(item);
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
     * @return the text, or empty when missing
     */
    public Optional<String> text(int row) {
        return Optional.ofNullable(values[row]);
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == null;
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
        String v = values[row];
        return v == null ? new Response.Missing(missing.reason(row).orElse(MissingReason.SKIPPED))
                : new Response.Text(v);
    }


    /** @return the column's type, item, row and missing counts and its first values, on one line */
    @Override
    public String toString() {
        return DataText.describe(this);
    }
    /** Appends rows one at a time; for streaming readers. */
    public static final class Builder {
        private final Item item;
        private String[] values = new String[16];
        private final MissingMask missing = new MissingMask();
        private int size;

        private Builder(Item item) {
            this.item = item;
        }

        /**
         * @param text the answer (not null)
         * @return this
         */
        public Builder add(String text) {
            grow();
            values[size++] = text;
            return this;
        }

        /**
         * @param reason why the row is missing
         * @return this
         */
        public Builder addMissing(MissingReason reason) {
            grow();
            missing.set(size, reason, values.length);
            values[size++] = null;
            return this;
        }

        private void grow() {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
        }

        /** @return the column */
        public TextColumn build() {
            return new TextColumn(item, Arrays.copyOf(values, size), missing.trimmed(size));
        }
    }
}
