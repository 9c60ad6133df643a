package org.pluralstats.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A column of checkbox answers: per row, the set of options ticked. Stored compressed-row style:
 * {@code selected[offsets[r] .. offsets[r+1]]} are the option indices of row {@code r}.
 */
public final class MultiChoiceColumn implements Column {
    private final Item item;
    private final List<String> options;
    private final int[] offsets;
    private final int[] selected;
    private final MissingMask missing;

    private MultiChoiceColumn(Item item, List<String> options, int[] offsets, int[] selected, MissingMask missing) {
        this.item = item;
        this.options = List.copyOf(options);
        this.offsets = offsets;
        this.selected = selected;
        this.missing = missing;
    }

    /**
     * @param item the item; its options, if any, come first
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
        return offsets.length - 1;
    }

    /** @return every option seen or declared, declared ones first */
    public List<String> options() {
        return options;
    }

    /**
     * @param row row index
     * @return the option indices the row ticked, in option order
     */
    public int[] selected(int row) {
        return Arrays.copyOfRange(selected, offsets[row], offsets[row + 1]);
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
        List<String> chosen = new ArrayList<>();
        for (int k = offsets[row]; k < offsets[row + 1]; k++) {
            chosen.add(options.get(selected[k]));
        }
        return new Response.MultiChoice(chosen);
    }


    /** @return the column's type, item, row and missing counts and its first values, on one line */
    @Override
    public String toString() {
        return DataText.describe(this);
    }
    /** Appends rows one at a time; for streaming readers. */
    public static final class Builder {
        private final Item item;
        private final List<String> options = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private int[] offsets = new int[17];
        private int[] selected = new int[16];
        private int nSelected;
        private final MissingMask missing = new MissingMask();
        private int size;

        private Builder(Item item) {
            this.item = item;
            for (String o : item.options()) {
                optionIndex(o);
            }
        }

        private int optionIndex(String option) {
            Integer i = index.get(option);
            if (i == null) {
                i = options.size();
                options.add(option);
                index.put(option, i);
            }
            return i;
        }

        /**
         * @param chosen the options ticked by this row (duplicates are ignored)
         * @return this
         */
        public Builder add(List<String> chosen) {
            int[] idx = chosen.stream().mapToInt(this::optionIndex).distinct().sorted().toArray();
            if (nSelected + idx.length > selected.length) {
                selected = Arrays.copyOf(selected, Math.max(selected.length * 2, nSelected + idx.length));
            }
            System.arraycopy(idx, 0, selected, nSelected, idx.length);
            nSelected += idx.length;
            endRow();
            return this;
        }

        /**
         * @param reason why the row is missing
         * @return this
         */
        public Builder addMissing(MissingReason reason) {
            missing.set(size, reason, offsets.length);
            endRow();
            return this;
        }

        private void endRow() {
            if (size + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            size++;
            offsets[size] = nSelected;
        }

        /** @return the column */
        public MultiChoiceColumn build() {
            return new MultiChoiceColumn(item, options, Arrays.copyOf(offsets, size + 1),
                    Arrays.copyOf(selected, nSelected), missing.trimmed(size));
        }
    }
}
