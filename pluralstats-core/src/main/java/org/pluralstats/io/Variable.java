package org.pluralstats.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One variable of a data file, as its dictionary declares it.
 *
 * @param index 0-based position in file order
 * @param name the variable name (long name where the format has one)
 * @param label the variable label, empty when none
 * @param type numeric or string
 * @param width string width in bytes (0 for numeric; for Stata strL, 0 as well)
 * @param valueLabels labels of numeric values, in file order
 * @param stringValueLabels labels of string values, in file order (SPSS string value labels)
 * @param missing declared user-missing values
 * @param taggedValueLabels labels of Stata's missing values, keyed {@code '.'} or {@code 'a'}..{@code 'z'}
 *     as {@link CaseReader#missingTag(int)} reports them ({@code .a = "Refused"}; R haven keeps them as
 *     labels of {@code tagged_na("a")}, pandas as labels of the stored code), in file order; empty for
 *     other formats
 */
public record Variable(int index, String name, String label, VariableType type, int width,
                       Map<Double, String> valueLabels, Map<String, String> stringValueLabels,
                       MissingValues missing, Map<Character, String> taggedValueLabels) {

    /** Copies the maps. */
    public Variable {
        label = label == null ? "" : label;
        valueLabels = Collections.unmodifiableMap(new LinkedHashMap<>(valueLabels));
        stringValueLabels = Collections.unmodifiableMap(new LinkedHashMap<>(stringValueLabels));
        missing = missing == null ? MissingValues.none() : missing;
        taggedValueLabels = Collections.unmodifiableMap(new LinkedHashMap<>(
                taggedValueLabels == null ? Map.of() : taggedValueLabels));
    }

    /**
     * A variable without labels of missing-value tags (every format but Stata).
     *
     * @param index 0-based position in file order
     * @param name the variable name
     * @param label the variable label, empty when none
     * @param type numeric or string
     * @param width string width in bytes (0 for numeric)
     * @param valueLabels labels of numeric values, in file order
     * @param stringValueLabels labels of string values, in file order
     * @param missing declared user-missing values
     */
    public Variable(int index, String name, String label, VariableType type, int width,
                    Map<Double, String> valueLabels, Map<String, String> stringValueLabels, MissingValues missing) {
        this(index, name, label, type, width, valueLabels, stringValueLabels, missing, Map.of());
    }

    /** @return the number of value labels of every kind: numbers, strings and missing-value tags */
    public int valueLabelCount() {
        return valueLabels.size() + stringValueLabels.size() + taggedValueLabels.size();
    }

    /** @return whether this is a numeric variable */
    public boolean isNumeric() {
        return type == VariableType.NUMERIC;
    }
}
