package org.pluralstats.io.forms;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pluralstats.data.Accounting;

/**
 * What the reader learnt about one group's export besides its rows: the file and its export style,
 * where its rows went, and the group's own wording of every item and option (the data itself holds
 * canonical ids and, with a codebook, canonical option codes).
 *
 * @param name the group name ({@code Arabic})
 * @param file the export it was read from
 * @param style the export style detected
 * @param accounting rows read, kept, and excluded per reason
 * @param duplicatesFound duplicate submissions found per rule, whether excluded or (with
 *        {@link FormsReadOptions#keepDuplicates()}) kept
 * @param headers item id to the column header in this file (items absent from the file are absent here)
 * @param options for choice and checkbox items: item id to (option as stored in the data to this
 *        group's text of it). Without a codebook the stored option is the text itself, in order of
 *        first appearance in this file; with a codebook it is the option code, and the text is the
 *        option's text in this group's codebook language (its label when the codebook has none)
 * @param codebookLanguage the codebook language key under which most of this file's headers are
 *        listed; empty without a codebook
 */
public record FormsGroup(String name, Path file, ExportStyle style, Accounting accounting,
                         Map<String, Integer> duplicatesFound, Map<String, String> headers,
                         Map<String, Map<String, String>> options, Optional<String> codebookLanguage) {

    /** Copies the maps. */
    public FormsGroup {
        duplicatesFound = Collections.unmodifiableMap(new LinkedHashMap<>(duplicatesFound));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        options.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        options = Collections.unmodifiableMap(copy);
    }

    /**
     * @param itemId an item id (case-sensitive, as in the data)
     * @return this group's option texts of the item, keyed by the option as stored in the data; empty
     *         for items that are not choices
     */
    public Map<String, String> options(String itemId) {
        return options.getOrDefault(itemId, Map.of());
    }
}
