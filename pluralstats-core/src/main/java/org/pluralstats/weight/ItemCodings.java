package org.pluralstats.weight;

import java.util.List;
import java.util.Optional;

/**
 * An items file: the items to score and how to binarise them (read by {@code
 * io.sidefile.ItemCodingFiles}). The binding minimal form is
 *
 * <pre>{@code
 * {"items":[{"id":"Q184","positive":[6,7,8,9,10]},{"id":"Q1","positive":[1,2]}]}
 * }</pre>
 *
 * Extensions, all optional: per item {@code "label"}; {@code "missing"} (codes that are missing in
 * addition to the data's own); {@code "reverse": true} (flip the indicator); {@code "rule": "paper" |
 * "scale"} with no {@code positive} (derive the codes, see {@link AutomaticRule}); positive codes as
 * strings for categorical answers (Google Forms choices: {@code "positive":["Agree","Strongly agree"]});
 * and at the top level {@code "nonPositiveMissing": true|false} (whether codes ≤ 0 are missing;
 * by default they are in WVS/EVS data) and a free-text {@code "description"}.
 *
 * @param source the file name, for messages
 * @param items the codings in file order
 * @param nonPositiveMissing the file's {@code nonPositiveMissing}, if given
 */
public record ItemCodings(String source, List<ItemCoding> items, Optional<Boolean> nonPositiveMissing) {
    /** Copies the list. */
    public ItemCodings {
        items = List.copyOf(items);
        nonPositiveMissing = nonPositiveMissing == null ? Optional.empty() : nonPositiveMissing;
    }

    /**
     * @return the binarisation these codings describe, every item by its listed positive codes
     */
    public Binarisation binarisation() {
        return withPolicy(Binarisation.of(items));
    }

    /**
     * @param rule the automatic rule for the items that list no positive codes
     * @return the binarisation these codings describe
     */
    public Binarisation binarisation(AutomaticRule rule) {
        return withPolicy(Binarisation.of(rule).withItems(items));
    }

    private Binarisation withPolicy(Binarisation b) {
        if (nonPositiveMissing.isPresent()) {
            b = b.withNonPositiveCodes(nonPositiveMissing.get() ? Binarisation.NonPositiveCodes.MISSING
                    : Binarisation.NonPositiveCodes.ANSWERS);
        }
        return b;
    }
}
