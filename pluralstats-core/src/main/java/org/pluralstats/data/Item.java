package org.pluralstats.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A survey question (or one row of a grid question, or one variable of a WVS file).
 *
 * @param id canonical identifier ({@code Q1}, {@code F120}); matched case-insensitively by lookups
 * @param label the question text as shown to respondents (the first group's wording for translated forms)
 * @param kind what kind of answer it collects
 * @param scale the scale, for {@link ItemKind#SCALE} items
 * @param options the option texts or codes in their canonical order, for choice items (may be empty)
 * @param valueLabels labels of numeric codes from the source file (SPSS/Stata value labels), may be empty
 */
public record Item(String id, String label, ItemKind kind, Optional<Scale> scale, List<String> options,
                   Map<Double, String> valueLabels) {

    /** Checks required fields and makes the collections unmodifiable. */
    public Item {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("item id is required");
        }
        if (kind == null) {
            throw new IllegalArgumentException("item kind is required for " + id);
        }
        label = label == null ? "" : label;
        scale = scale == null ? Optional.empty() : scale;
        options = List.copyOf(options == null ? List.of() : options);
        valueLabels = Collections.unmodifiableMap(new LinkedHashMap<>(valueLabels == null ? Map.of() : valueLabels));
    }

    /**
     * @param id item id
     * @param label question text
     * @param scale its scale
     * @return a scale item
     */
    public static Item scale(String id, String label, Scale scale) {
        return new Item(id, label, ItemKind.SCALE, Optional.of(scale), List.of(), Map.of());
    }

    /**
     * @param id item id
     * @param label question text
     * @param options option texts in order
     * @return a single-choice item
     */
    public static Item choice(String id, String label, List<String> options) {
        return new Item(id, label, ItemKind.CHOICE, Optional.empty(), options, Map.of());
    }

    /**
     * @param id item id
     * @param label question text
     * @param options option texts in order
     * @return a multiple-choice (checkbox) item
     */
    public static Item multiChoice(String id, String label, List<String> options) {
        return new Item(id, label, ItemKind.MULTI_CHOICE, Optional.empty(), options, Map.of());
    }

    /**
     * @param id item id
     * @param label question text
     * @return a free-text item
     */
    public static Item text(String id, String label) {
        return new Item(id, label, ItemKind.TEXT, Optional.empty(), List.of(), Map.of());
    }

    /**
     * @param id variable name
     * @param label variable label
     * @param valueLabels value labels from the file
     * @return a numeric item
     */
    public static Item numeric(String id, String label, Map<Double, String> valueLabels) {
        return new Item(id, label, ItemKind.NUMERIC, Optional.empty(), List.of(), valueLabels);
    }
}
