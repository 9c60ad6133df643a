package org.pluralstats.weight;

import java.util.List;

/**
 * One item binarised over all rows of a data set: the indicator {@code A} is 1 (positive stance),
 * 0 (answered, not positive) or missing. Produced by {@link Binarisation#apply}; immutable.
 */
public final class BinaryItem {
    /** The value of {@link #value(int)} for a missing answer. */
    public static final int MISSING = -1;

    private final String id;
    private final String label;
    private final byte[] values;
    private final List<String> positiveCodes;
    private final String rule;
    private final int answered;
    private final int positives;

    BinaryItem(String id, String label, byte[] values, List<String> positiveCodes, String rule) {
        this.id = id;
        this.label = label;
        this.values = values;
        this.positiveCodes = List.copyOf(positiveCodes);
        this.rule = rule;
        int a = 0;
        int p = 0;
        for (byte v : values) {
            if (v >= 0) {
                a++;
                p += v;
            }
        }
        this.answered = a;
        this.positives = p;
    }

    /** @return the item id as the data spells it */
    public String id() {
        return id;
    }

    /** @return the item label (from the items file or the data), may be empty */
    public String label() {
        return label;
    }

    /** @return the number of rows */
    public int size() {
        return values.length;
    }

    /**
     * @param row row index
     * @return 1 positive, 0 not positive, {@link #MISSING} missing
     */
    public int value(int row) {
        return values[row];
    }

    /** @return the number of rows with an answer */
    public int answered() {
        return answered;
    }

    /** @return the codes (or levels) that count as positive, in shortest numeric form or as level text */
    public List<String> positiveCodes() {
        return positiveCodes;
    }

    /** @return how the positive codes were chosen, e.g. {@code "paper rule: maximum 10"} or {@code "items file"} */
    public String rule() {
        return rule;
    }

    byte[] values() {
        return values;
    }

    @Override
    public String toString() {
        return id + " positive " + positiveCodes + " (" + rule + "), " + answered + " answered";
    }
}
