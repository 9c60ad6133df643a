package org.pluralstats.io.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pluralstats.data.ItemKind;
import org.pluralstats.data.Scale;

/**
 * One canonical item of a {@link Codebook}: the id it has in the data, its kind and scale, and the
 * column header it has in each language version of the form. A grid question has one item per row;
 * its header is the full column title {@code Title [Row]}.
 *
 * @param id canonical item id ({@code Q1}, {@code tools})
 * @param kind what the item collects
 * @param label the item's label in the data; empty to use the first group's header
 * @param scale the scale, for {@link ItemKind#SCALE} items (answers outside it are errors)
 * @param headers the column header per language key ({@code "en" -> "Current AI tools ..."})
 * @param options the options, for {@link ItemKind#CHOICE} and {@link ItemKind#MULTI_CHOICE} items
 * @param otherCode the code stored for answers that match no option (Google's "Other:" free text);
 *        empty when such answers are errors
 */
public record CodebookItem(String id, ItemKind kind, Optional<String> label, Optional<Scale> scale,
                           Map<String, String> headers, List<CodebookOption> options, Optional<String> otherCode) {

    /** Copies the collections; the {@link Codebook} checks the rest. */
    public CodebookItem {
        label = label == null ? Optional.empty() : label.filter(s -> !s.isBlank());
        scale = scale == null ? Optional.empty() : scale;
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
        options = List.copyOf(options == null ? List.of() : options);
        otherCode = otherCode == null ? Optional.empty() : otherCode.filter(s -> !s.isBlank());
    }

    /** @return the option codes in order, with the other-code last when there is one */
    public List<String> codes() {
        List<String> codes = new java.util.ArrayList<>();
        for (CodebookOption o : options) {
            codes.add(o.code());
        }
        otherCode.ifPresent(codes::add);
        return codes;
    }
}
