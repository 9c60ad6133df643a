package org.pluralstats.weight;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.JsonInput;
import org.pluralstats.data.SurveyData;

/**
 * An items file: the items to score and how to binarise them. The binding minimal form is
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
    private static final Set<String> TOP = Set.of("items", "description", "nonpositivemissing");
    private static final Set<String> ITEM = Set.of("id", "label", "positive", "missing", "reverse", "rule");

    /** Copies the list. */
    public ItemCodings {
        items = List.copyOf(items);
        nonPositiveMissing = nonPositiveMissing == null ? Optional.empty() : nonPositiveMissing;
    }

    /**
     * @param file an items file (JSON)
     * @return its codings
     * @throws SurveyFormatException naming the file and the offending entry
     */
    public static ItemCodings read(Path file) {
        return parse(file.toString(), JsonInput.readTree(file));
    }

    /**
     * @param source a name for messages
     * @param root the parsed JSON
     * @return its codings
     */
    public static ItemCodings parse(String source, JsonNode root) {
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

    /** @return the binarisation these codings describe, every item by its listed positive codes */
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
