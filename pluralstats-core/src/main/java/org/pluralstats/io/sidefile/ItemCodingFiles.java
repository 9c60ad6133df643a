package org.pluralstats.io.sidefile;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.json.JsonInput;
import org.pluralstats.io.TextFiles;
import org.pluralstats.weight.AutomaticRule;
import org.pluralstats.weight.ItemCoding;
import org.pluralstats.weight.ItemCodings;

/**
 * Reads items files ({@link ItemCodings} describes the format) by binding them to records. Member names are
 * matched ignoring case; an unknown member, an item without an id or given twice, and a code that is
 * neither a number nor a text are errors naming the file, the line and the member path.
 */
public final class ItemCodingFiles {
    private ItemCodingFiles() {
    }

    /**
     * @param file an items file (JSON)
     * @return its codings
     * @throws org.pluralstats.SurveyFormatException naming the file and the offending entry
     */
    public static ItemCodings read(Path file) {
        return parse(file.toString(), TextFiles.readUtf8(file));
    }

    /**
     * @param source a name for messages
     * @param json the JSON text
     * @return its codings
     */
    public static ItemCodings parse(String source, String json) {
        ItemsJson f = JsonInput.bind(source, json, ItemsJson.class);
        return new ItemCodings(source, f.items().stream().map(ItemJson::coding).toList(),
                Optional.ofNullable(f.nonPositiveMissing()));
    }

    /**
     * The file; member names are matched ignoring case.
     *
     * @param items the items, each once (ids compared ignoring case)
     * @param description free text
     * @param nonPositiveMissing whether codes ≤ 0 are missing, if the file says
     */
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
    record ItemsJson(List<ItemJson> items, String description, Boolean nonPositiveMissing) {
        ItemsJson {
            if (items == null || items.isEmpty()) {
                throw new JsonInput.Invalid("items", items == null ? "not an items file" : "lists no items",
                        "{\"items\":[{\"id\":...,\"positive\":[...]}]}");
            }
            Map<String, Integer> ids = new HashMap<>();
            for (int k = 0; k < items.size(); k++) {
                Integer earlier = ids.putIfAbsent(items.get(k).id().strip().toLowerCase(Locale.ROOT), k);
                if (earlier != null) {
                    throw new JsonInput.Invalid("items[" + k + "]", "item given twice (also items[" + earlier + "]): "
                            + items.get(k).id(), "each item once");
                }
            }
        }
    }

    /**
     * One item; member names are matched ignoring case.
     *
     * @param id the item id
     * @param label its label
     * @param positive the positive codes, numbers or texts
     * @param missing further missing codes
     * @param reverse whether to flip the indicator
     * @param rule {@code paper} or {@code scale}, instead of positive codes
     */
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
    record ItemJson(String id, String label, List<Object> positive, List<Object> missing, Boolean reverse, String rule) {
        ItemJson {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("an item needs an \"id\"");
            }
            positive = codes("positive", positive);
            missing = codes("missing", missing);
            if (rule != null && !List.of("paper", "scale", "scale-midpoint").contains(rule.toLowerCase(Locale.ROOT))) {
                throw new JsonInput.Invalid("rule", "unknown rule \"" + rule + "\"", "paper or scale");
            }
            if (rule != null && !positive.isEmpty()) {
                throw new IllegalArgumentException("gives both \"positive\" codes and a \"rule\"");
            }
        }

        private static List<Object> codes(String member, List<Object> codes) {
            for (Object v : codes == null ? List.of() : codes) {
                if (!(v instanceof String || v instanceof Number n && Double.isFinite(n.doubleValue()))) {
                    throw new JsonInput.Invalid(member, "found " + v, "numbers or texts");
                }
            }
            return codes == null ? List.of() : codes;
        }

        ItemCoding coding() {
            Optional<AutomaticRule> r = Optional.ofNullable(rule).map(x -> x.equalsIgnoreCase("paper")
                    ? AutomaticRule.PAPER : AutomaticRule.SCALE_MIDPOINT);
            return new ItemCoding(id, label == null ? "" : label, text(positive), text(missing),
                    Boolean.TRUE.equals(reverse), r);
        }

        private static List<String> text(List<Object> codes) {
            return codes.stream().map(v -> v instanceof Number n ? SurveyData.formatNumber(n.doubleValue()) : (String) v)
                    .toList();
        }
    }
}
