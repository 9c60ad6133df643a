package org.pluralstats.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A column of single choices (or any text attribute such as a group or country), stored as integer
 * codes into a list of levels. Levels keep the item's option order first, then first-seen order.
 */
public final class CategoricalColumn implements Column {
    private final Item item;
    private final List<String> levels;
    private final int[] codes;
    private final MissingMask missing;

    private CategoricalColumn(Item item, List<String> levels, int[] codes, MissingMask missing) {
        this.item = item;
        this.levels = List.copyOf(levels);
        this.codes = codes;
        this.missing = missing;
    }

    /**
     * @param item the item; its options, if any, become the first levels
     * @return an empty builder
     */
    public static Builder builder(Item item) {
        return new Builder(item);
    }

    /**
     * @param item the item
     * @param values one value per row; {@code null} or empty marks a skipped row
     * @return the column
     */
    public static CategoricalColumn of(Item item, String... values) {
        Builder b = builder(item);
        for (String v : values) {
            if (v == null || v.isEmpty()) {
                b.addMissing(MissingReason.SKIPPED);
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
        return codes.length;
    }

    /** @return the distinct levels, options first */
    public List<String> levels() {
        return levels;
    }

    /**
     * @param row row index
     * @return the level index, or -1 when missing
     */
    public int code(int row) {
        return codes[row];
    }

    /**
     * @param row row index
     * @return the level text, or empty when missing
     */
    public Optional<String> level(int row) {
        int c = codes[row];
        return c < 0 ? Optional.empty() : Optional.of(levels.get(c));
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] < 0;
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
        int c = codes[row];
        if (c < 0) {
            return new Response.Missing(missing.reason(row).orElse(MissingReason.SKIPPED));
        }
        return new Response.Choice(levels.get(c));
    }


    /** @return the column's type, item, row and missing counts and its first values, on one line */
    @Override
    public String toString() {
        return DataText.describe(this);
    }
    /** Appends rows one at a time; for streaming readers. */
    public static final class Builder {
        private final Item item;
        private final List<String> levels = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private int[] codes = new int[16];
        private final MissingMask missing = new MissingMask();
        private int size;

        private Builder(Item item) {
            this.item = item;
            for (String o : item.options()) {
                levelIndex(o);
            }
        }

        private int levelIndex(String level) {
            Integer i = index.get(level);
            if (i == null) {
                i = levels.size();
                levels.add(level);
                index.put(level, i);
            }
            return i;
        }

        /**
         * @param level the chosen option (not null)
         * @return this
         */
        public Builder add(String level) {
            grow();
            codes[size++] = levelIndex(level);
            return this;
        }

        /**
         * @param reason why the row is missing
         * @return this
         */
        public Builder addMissing(MissingReason reason) {
            grow();
            missing.set(size, reason, codes.length);
            codes[size++] = -1;
            return this;
        }

        private void grow() {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, codes.length * 2);
            }
        }

        /** @return the column */
        public CategoricalColumn build() {
            return new CategoricalColumn(item, levels, Arrays.copyOf(codes, size), missing.trimmed(size));
        }
    }
}
