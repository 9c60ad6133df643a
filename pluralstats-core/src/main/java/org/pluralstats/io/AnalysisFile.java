package org.pluralstats.io;

import org.pluralstats.io.json.JsonInput;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.pluralstats.SurveyFormatException;

/**
 * An analysis file ({@code pluralstats report --analysis FILE}, docs/reports.md) read as JSON: an object
 * or one of its parts, whose fields are read as checked texts, paths (relative to the file's folder),
 * counts and whole numbers. Every wrong field is a {@link SurveyFormatException} naming the file and the
 * field ({@code models.seed}), never a silent default. {@code run.Analysis} says which fields there are
 * and what they mean.
 */
public final class AnalysisFile {
    private final String name;
    private final Path base;
    private final JsonNode node;
    private final String prefix;

    private AnalysisFile(String name, Path base, JsonNode node, String prefix) {
        this.name = name;
        this.base = base;
        this.node = node;
        this.prefix = prefix;
    }

    /**
     * @param file the JSON file
     * @param format the format name the file may declare in {@code "format"}
     * @param known the fields of the top level
     * @return the top level
     */
    public static AnalysisFile read(Path file, String format, Set<String> known) {
        String name = file.toString();
        JsonNode root = JsonInput.bind(name, TextFiles.readUtf8(file), JsonNode.class);
        if (root == null || !root.isObject()) {
            throw SurveyFormatException.in(name).problem("not an analysis file").expected("a JSON object").build();
        }
        if (root.has("format") && !format.equals(root.get("format").textValue())) {
            throw SurveyFormatException.in(name).column("format").found(root.get("format").toString())
                    .expected(format).build();
        }
        AnalysisFile top = new AnalysisFile(name, file.toAbsolutePath().getParent(), root, "");
        top.check(known, "the top level");
        return top;
    }

    /**
     * @param field a field holding an object
     * @param known its fields
     * @return the object, if the field is there
     */
    public Optional<AnalysisFile> part(String field, Set<String> known) {
        if (!node.has(field)) {
            return Optional.empty();
        }
        AnalysisFile p = new AnalysisFile(name, base, node.get(field), where(field) + ".");
        p.check(known, where(field));
        return Optional.of(p);
    }

    /**
     * @param field a field holding an object or a list of objects
     * @param known the fields of each object
     * @return the objects, in order (none when absent); an object of a list is named {@code field[i]} in errors
     */
    public List<AnalysisFile> parts(String field, Set<String> known) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            return List.of(part(field, known).orElseThrow());
        }
        List<AnalysisFile> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String at = where(field) + "[" + i + "]";
            AnalysisFile p = new AnalysisFile(name, base, v.get(i), at + ".");
            p.check(known, at);
            out.add(p);
        }
        return out;
    }

    /**
     * @param field a field
     * @return whether it is there and not {@code null}
     */
    public boolean has(String field) {
        return node.hasNonNull(field);
    }

    /**
     * @param field a field
     * @return whether it holds a list
     */
    public boolean isList(String field) {
        return node.path(field).isArray();
    }

    /**
     * @param field a field
     * @param fallback the value when it is absent
     * @return its text
     */
    public String text(String field, String fallback) {
        return text(node.get(field), where(field)).orElse(fallback);
    }

    /**
     * @param field a field
     * @return its text, empty when absent or blank
     */
    public Optional<String> text(String field) {
        return text(node.get(field), where(field)).filter(t -> !t.isBlank());
    }

    /**
     * @param field a field holding a text or a list of texts
     * @return the texts (none when absent)
     */
    public List<String> texts(String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            out.add(v.textValue());
        } else if (v.isArray()) {
            for (JsonNode x : v) {
                out.add(text(x, where(field)).orElseThrow(() -> error(field).found("null").expected("a string").build()));
            }
        } else {
            throw error(field).found(v.toString()).expected("a list of texts").build();
        }
        return out;
    }

    /**
     * @param field a field holding an object of texts
     * @param expected what the object should look like, for the message
     * @return its entries, in order (none when absent)
     */
    public Map<String, String> texts(String field, String expected) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode v = node.get(field);
        if (v != null && !v.isNull() && !v.isObject()) {
            throw error(field).found(v.toString()).expected(expected).build();
        }
        node.path(field).fields().forEachRemaining(e -> out.put(e.getKey(), text(e.getValue(), where(field) + "." + e.getKey())
                .orElseThrow(() -> error(field + "." + e.getKey()).found("null").expected("a string").build())));
        return out;
    }

    /**
     * @param field a field holding an object of file names
     * @return its entries, the paths resolved, in order
     */
    public Map<String, Path> pathMap(String field) {
        Map<String, Path> out = new LinkedHashMap<>();
        node.path(field).fields().forEachRemaining(e -> out.put(e.getKey(),
                path(e.getValue(), where(field) + "." + e.getKey())));
        return out;
    }

    /**
     * @param field a field holding a file name
     * @param expected what the file is, for the message when it is missing
     * @return the path, resolved against the file's folder
     */
    public Path path(String field, String expected) {
        if (!node.has(field)) {
            throw error(field).problem("missing").expected(expected).build();
        }
        return path(node.get(field), where(field));
    }

    /**
     * @param field a field holding a file name
     * @return the path, if the field is there
     */
    public Optional<Path> optionalPath(String field) {
        return has(field) ? Optional.of(path(node.get(field), where(field))) : Optional.empty();
    }

    /**
     * @param field a field holding a file name or a list of them ({@code ""} for this part itself)
     * @return the paths (none when absent)
     */
    public List<Path> paths(String field) {
        JsonNode v = field.isEmpty() ? node : node.path(field);
        String at = field.isEmpty() ? prefix.substring(0, Math.max(0, prefix.length() - 1)) : where(field);
        List<Path> out = new ArrayList<>();
        if (v.isTextual()) {
            out.add(path(v, at));
        } else if (v.isArray()) {
            for (JsonNode x : v) {
                out.add(path(x, at));
            }
        } else if (!v.isMissingNode() && !v.isNull()) {
            throw SurveyFormatException.in(name).column(at).found(v.toString()).expected("a file path or a list of them")
                    .build();
        }
        return out;
    }

    /**
     * @param field a field holding {@code true} or {@code false}
     * @param fallback the value when it is absent
     * @return the value
     */
    public boolean flag(String field, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw error(field).found(v.toString()).expected("true or false").build();
        }
        return v.booleanValue();
    }

    /**
     * @param field a field holding a whole number ≥ 0
     * @param fallback the value when it is absent
     * @return the number
     */
    public int count(String field, int fallback) {
        if (!node.hasNonNull(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
            throw error(field).found(v.toString()).expected("a whole number ≥ 0").build();
        }
        return v.asInt();
    }

    /**
     * @param field a field holding a whole number
     * @return the number, if the field is there
     */
    public OptionalLong wholeNumber(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return OptionalLong.empty();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()
                || v.isFloatingPointNumber() && v.canConvertToExactIntegral() && v.canConvertToLong()) {
            return OptionalLong.of(v.longValue());
        }
        throw error(field).problem(found(v))
                .expected("a whole number (from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")").build();
    }

    // a text value: absent or null gives empty; a number, boolean, array or object is an error
    private Optional<String> text(JsonNode v, String where) {
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw SurveyFormatException.in(name).column(where).problem(found(v)).expected("a string").build();
        }
        return Optional.of(v.textValue());
    }

    // the value as JSON text (a string keeps its quotes, so "1" and 1 differ), shortened
    private static String found(JsonNode v) {
        String json = v.toString();
        int cps = json.codePointCount(0, json.length());
        return "found " + (cps > 60 ? json.substring(0, json.offsetByCodePoints(0, 57)) + "..." : json);
    }

    /**
     * @param field a field of this part ({@code ""} for the part itself)
     * @return an error naming the file and the field, to complete with what was found and expected
     */
    public SurveyFormatException.Builder error(String field) {
        return field.isEmpty() && prefix.isEmpty() ? SurveyFormatException.in(name)
                : SurveyFormatException.in(name).column(field.isEmpty() ? prefix.substring(0, prefix.length() - 1)
                : where(field));
    }

    /**
     * @param field a field of this part
     * @return what it holds, as JSON text (for messages)
     */
    public String found(String field) {
        return node.path(field).toString();
    }

    private String where(String field) {
        return prefix + field;
    }

    private Path path(JsonNode v, String where) {
        if (!v.isTextual() || v.asText().isBlank()) {
            throw SurveyFormatException.in(name).column(where).found(v.toString()).expected("a file path").build();
        }
        Path p = Path.of(v.asText());
        return p.isAbsolute() || base == null ? p : base.resolve(p).normalize();
    }

    private void check(Set<String> known, String where) {
        if (!node.isObject()) {
            throw SurveyFormatException.in(name).column(where).problem("not an object").build();
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw SurveyFormatException.in(name).column(where).problem("unknown field \"" + f + "\"")
                        .expected(String.join(", ", new TreeSet<>(known))).build();
            }
        }
    }
}
