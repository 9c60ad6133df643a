package org.pluralstats.io.sidefile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.JsonInput;
import org.pluralstats.io.TextFiles;
import org.pluralstats.weight.AutomaticRule;
import org.pluralstats.weight.ItemCoding;
import org.pluralstats.weight.ItemCodings;

/**
 * Reads items files ({@link ItemCodings} describes the format). Field names are matched ignoring case;
 * an unknown field, an item without an id or given twice, and a code that is neither a number nor a
 * text are errors naming the file and the entry.
 */
public final class ItemCodingFiles {
    private static final Set<String> TOP = Set.of("items", "description", "nonpositivemissing");
    private static final Set<String> ITEM = Set.of("id", "label", "positive", "missing", "reverse", "rule");

    private ItemCodingFiles() {
    }

    /**
     * @param file an items file (JSON)
     * @return its codings
     * @throws SurveyFormatException naming the file and the offending entry
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
        JsonNode root = JsonInput.readTree(source, json);
        if (root == null || !root.isObject() || !root.path("items").isArray()) {
            throw SurveyFormatException.in(source).problem("not an items file")
                    .expected("{\"items\":[{\"id\":...,\"positive\":[...]}]}").build();
        }
        checkFields(source, root, TOP, "the top level");
        List<ItemCoding> out = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        int k = 0;
        for (JsonNode it : root.get("items")) {
            k++;
            String where = "items[" + k + "]";
            if (!it.isObject() || !it.path("id").isTextual() || it.get("id").asText().isBlank()) {
                throw SurveyFormatException.in(source).column(where).problem("an item needs an \"id\"").build();
            }
            checkFields(source, it, ITEM, where);
            String id = it.get("id").textValue();
            String earlier = ids.put(id.strip().toLowerCase(Locale.ROOT), where);
            if (earlier != null) {
                throw SurveyFormatException.in(source).column(where).found(id)
                        .problem("item given twice (also " + earlier + ")").expected("each item once").build();
            }
            List<String> positive = codes(source, it, "positive", id);
            List<String> missing = codes(source, it, "missing", id);
            Optional<AutomaticRule> rule = Optional.empty();
            if (it.has("rule")) {
                String r = JsonInput.text(source, it.get("rule"), where + ".rule").toLowerCase(Locale.ROOT);
                rule = Optional.of(switch (r) {
                    case "paper" -> AutomaticRule.PAPER;
                    case "scale", "scale-midpoint" -> AutomaticRule.SCALE_MIDPOINT;
                    default -> throw SurveyFormatException.in(source).column(id).problem("unknown rule \"" + r + "\"")
                            .expected("paper or scale").build();
                });
                if (!positive.isEmpty()) {
                    throw SurveyFormatException.in(source).column(id)
                            .problem("gives both \"positive\" codes and a \"rule\"").build();
                }
            }
            out.add(new ItemCoding(id, JsonInput.text(source, it, "label", where + ".label").orElse(""), positive, missing,
                    JsonInput.bool(source, it, "reverse", where + ".reverse").orElse(false), rule));
        }
        if (out.isEmpty()) {
            throw SurveyFormatException.in(source).problem("lists no items").build();
        }
        Optional<Boolean> npm = JsonInput.bool(source, root, "nonPositiveMissing", "nonPositiveMissing");
        return new ItemCodings(source, out, npm);
    }

    private static void checkFields(String source, JsonNode node, Set<String> allowed, String where) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!allowed.contains(f.toLowerCase(Locale.ROOT))) {
                throw SurveyFormatException.in(source).column(where).problem("unknown field \"" + f + "\"")
                        .expected("one of " + allowed).build();
            }
        }
    }

    private static List<String> codes(String source, JsonNode item, String field, String id) {
        List<String> out = new ArrayList<>();
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw SurveyFormatException.in(source).column(id).problem("\"" + field + "\" is not a list").build();
        }
        for (JsonNode v : node) {
            if (v.isNumber()) {
                out.add(SurveyData.formatNumber(JsonInput.number(source, v, id + "." + field)));
            } else if (v.isTextual()) {
                out.add(v.asText());
            } else {
                throw SurveyFormatException.in(source).column(id).problem("\"" + field + "\" holds " + v)
                        .expected("numbers or texts").build();
            }
        }
        return out;
    }
}
