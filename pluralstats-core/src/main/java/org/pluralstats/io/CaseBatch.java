package org.pluralstats.io;

import java.util.List;

/**
 * A block of consecutive cases of the selected variables, stored column by column: what
 * {@link CaseReader#nextBatch(CaseBatch)} fills. Reusing one batch for a whole file keeps reading free
 * of per-value allocation and lets loaders work one column at a time.
 *
 * <p>For numeric variables {@link #numbers(int)} holds the values ({@code NaN} when missing) and
 * {@link #tags(int)} the missing tags of {@link CaseReader#missingTag(int)} (0 when present). For
 * string variables {@link #strings(int)} holds the values.
 */
public final class CaseBatch {
    private final int[] variables;
    private final boolean[] numeric;
    private final double[][] numbers;
    private final byte[][] tags;
    private final String[][] strings;
    private final int capacity;
    private int size;

    private CaseBatch(FileDictionary dictionary, int[] variables, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be at least 1, got " + capacity);
        }
        this.variables = variables.clone();
        this.capacity = capacity;
        int k = variables.length;
        this.numeric = new boolean[k];
        this.numbers = new double[k][];
        this.tags = new byte[k][];
        this.strings = new String[k][];
        List<Variable> vars = dictionary.variables();
        for (int j = 0; j < k; j++) {
            numeric[j] = vars.get(variables[j]).isNumeric();
            if (numeric[j]) {
                numbers[j] = new double[capacity];
                tags[j] = new byte[capacity];
            } else {
                strings[j] = new String[capacity];
            }
        }
    }

    /**
     * @param dictionary the file's dictionary
     * @param variables the variables the batch holds (dictionary indices; a subset of the reader's selection)
     * @param capacity cases per batch
     * @return an empty batch
     */
    public static CaseBatch of(FileDictionary dictionary, int[] variables, int capacity) {
        return new CaseBatch(dictionary, variables, capacity);
    }

    /** @return the dictionary indices of the batch's variables; position {@code j} is column {@code j} */
    public int[] variables() {
        return variables.clone();
    }

    /** @return the number of variables (columns) in the batch */
    public int width() {
        return variables.length;
    }

    /**
     * @param j column position
     * @return the dictionary index of that column's variable
     */
    public int variable(int j) {
        return variables[j];
    }

    /**
     * @param j column position
     * @return whether that column is numeric
     */
    public boolean isNumeric(int j) {
        return numeric[j];
    }

    /** @return the most cases a batch holds */
    public int capacity() {
        return capacity;
    }

    /** @return the cases in the batch after the last fill */
    public int size() {
        return size;
    }

    /**
     * @param size the cases filled
     */
    public void setSize(int size) {
        if (size < 0 || size > capacity) {
            throw new IllegalArgumentException("batch size " + size + " outside 0.." + capacity);
        }
        this.size = size;
    }

    /**
     * @param j column position of a numeric variable
     * @return its values, {@code NaN} when missing (the array is the batch's own; valid up to {@link #size()})
     */
    public double[] numbers(int j) {
        return numbers[j];
    }

    /**
     * @param j column position of a numeric variable
     * @return its missing tags: 0 present, {@code '.'} system-missing, {@code 'a'..'z'} Stata extended
     */
    public byte[] tags(int j) {
        return tags[j];
    }

    /**
     * @param j column position of a string variable
     * @return its values (the array is the batch's own; valid up to {@link #size()})
     */
    public String[] strings(int j) {
        return strings[j];
    }
}
