package org.pluralstats.weight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pluralstats.data.SurveyData;

/**
 * How one item is binarised: which codes are a positive stance ({@code A = 1}), which are additionally
 * missing, and whether the indicator is reversed. One entry of an items file:
 *
 * <pre>{@code {"id":"Q184","positive":[6,7,8,9,10]}}</pre>
 *
 * Codes are numbers for numeric columns and level texts (or numbers) for categorical columns (Google
 * Forms choices). An empty {@code positive} list means "use the binarisation's automatic rule"
 * (see {@link AutomaticRule}); {@code rule} names one explicitly.
 *
 * @param id the item id, matched case-insensitively
 * @param label a label for reports (may be empty)
 * @param positive the positive codes, as written (numbers in shortest form, or level texts)
 * @param missing further codes to treat as missing
 * @param reversed whether {@code A} is flipped ({@code 1 - A}) among answered codes
 * @param rule the automatic rule for this item when {@code positive} is empty (else the binarisation's)
 */
public record ItemCoding(String id, String label, List<String> positive, List<String> missing, boolean reversed,
                         Optional<AutomaticRule> rule) {

    /** Validates the id and copies the lists. */
    public ItemCoding {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an item coding needs an id");
        }
        label = label == null ? "" : label;
        positive = List.copyOf(positive);
        missing = List.copyOf(missing);
        rule = rule == null ? Optional.empty() : rule;
    }

    /**
     * @param id item id
     * @param positive the positive numeric codes
     * @return an explicit coding
     */
    public static ItemCoding of(String id, double... positive) {
        return new ItemCoding(id, "", codes(positive), List.of(), false, Optional.empty());
    }

    /**
     * @param id item id
     * @param positive the positive level texts (categorical columns)
     * @return an explicit coding
     */
    public static ItemCoding ofLevels(String id, String... positive) {
        return new ItemCoding(id, "", List.of(positive), List.of(), false, Optional.empty());
    }

    /**
     * @param id item id
     * @return a coding that leaves the positive codes to the binarisation's automatic rule
     */
    public static ItemCoding automatic(String id) {
        return new ItemCoding(id, "", List.of(), List.of(), false, Optional.empty());
    }

    /** @return whether the positive codes are listed (not left to a rule) */
    public boolean isExplicit() {
        return !positive.isEmpty();
    }

    private static List<String> codes(double[] values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(SurveyData.formatNumber(v));
        }
        return out;
    }
}
