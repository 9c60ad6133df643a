package org.pluralstats.io.forms;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.pluralstats.io.InputFiles;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.data.ItemKind;
import org.pluralstats.io.json.JsonInput;
import org.pluralstats.data.Scale;

/**
 * Maps the translated copies of a Google Form onto canonical items: for each item, its id, kind and
 * scale, its column header in every language, and for choice items the option texts per language and
 * the code each option gets in the data. With a codebook, columns are matched by header (so the
 * forms may order their questions differently), answers are checked against the declared scale and
 * options, and choice answers are stored as codes that are the same in every group.
 *
 * <p>The JSON format is described in {@code docs/codebook.md}; in short:
 * <pre>{@code
 * {"format": "pluralstats-forms-codebook", "version": 1,
 *  "items": [
 *    {"id": "Q1", "kind": "scale", "scale": {"min": 1, "max": 10},
 *     "headers": {"en": "Current AI tools reflect my values.", "ar": "..."}},
 *    {"id": "Q4", "kind": "choice", "headers": {"en": "Which assistant would you choose?", "ar": "..."},
 *     "options": [{"code": "A", "label": "Model A", "texts": {"en": "Model A: ...", "ar": "..."}},
 *                 {"code": "B", "label": "Model B", "texts": {"en": "Model B: ...", "ar": "..."}}]}]}
 * }</pre>
 * Headers and option texts are compared after Unicode NFC normalisation, folding of white space
 * (line breaks included) and case.
 */
public final class Codebook {
    /** The value of the {@code format} member that marks a codebook file. */
    public static final String FORMAT = "pluralstats-forms-codebook";
    /** The format version this library reads. */
    public static final int VERSION = 1;

    private final String source;
    private final Optional<String> title;
    private final List<CodebookItem> items;
    private final List<String> ignoredHeaders;
    private final List<String> timestampHeaders;
    private final List<String> emailHeaders;
    private final List<String> scoreHeaders;

    private final Map<String, CodebookItem> byId = new HashMap<>();
    private final Map<String, HeaderMatch> byHeader = new HashMap<>();
    private final Map<String, String> ignored = new HashMap<>();
    private final Map<String, Map<String, CodebookOption>> optionsByText = new HashMap<>();

    /** A header of the codebook: the item it belongs to and the languages under which it is listed. */
    record HeaderMatch(CodebookItem item, List<String> languages) {
    }

    private Codebook(String source, Optional<String> title, List<CodebookItem> items, List<String> ignoredHeaders,
                     List<String> timestampHeaders, List<String> emailHeaders, List<String> scoreHeaders) {
        this.source = source;
        this.title = title;
        this.items = List.copyOf(items);
        this.ignoredHeaders = List.copyOf(ignoredHeaders);
        this.timestampHeaders = List.copyOf(timestampHeaders);
        this.emailHeaders = List.copyOf(emailHeaders);
        this.scoreHeaders = List.copyOf(scoreHeaders);
        validate();
    }

    /**
     * A codebook built in code (no ignored or extra metadata headers).
     *
     * @param items the canonical items, in the order they take in the data
     * @return the codebook
     * @throws SurveyFormatException when ids or headers repeat, or an item lacks what its kind needs
     */
    public static Codebook of(List<CodebookItem> items) {
        return new Codebook("<codebook>", Optional.empty(), items, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Reads a codebook file (UTF-8 JSON).
     *
     * @param file the file
     * @return the codebook
     * @throws SurveyFormatException naming the file, line and JSON member when it is not a valid codebook
     * @throws PluralstatsException when the file cannot be read
     */
    public static Codebook read(Path file) {
        InputFiles.requireRegular(file);
        byte[] bytes;
        bytes = InputFiles.readAllBytes(file, org.pluralstats.io.TextFiles.MAX_BYTES, "a codebook");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw SurveyFormatException.in(file.toString()).problem("not UTF-8 text").expected("a UTF-8 JSON file")
                    .cause(e).build();
        }
        return parse(text, file.toString());
    }

    /**
     * Parses a codebook from JSON text.
     *
     * @param json the JSON document
     * @param source the name used in messages (a file name)
     * @return the codebook
     * @throws SurveyFormatException naming the source, line and JSON member when it is not a valid codebook
     */
    public static Codebook parse(String json, String source) {
        Json doc = JsonInput.bind(source, json, Json.class);
        if (doc == null) {
            throw SurveyFormatException.in(source).line(1).problem("empty codebook")
                    .expected("a JSON object with \"format\": \"" + FORMAT + "\"").build();
        }
        return fromJson(source, doc);
    }

    /** @return the file name or description this codebook came from */
    public String source() {
        return source;
    }

    /** @return the codebook's title, if it has one */
    public Optional<String> title() {
        return title;
    }

    /** @return the canonical items, in data order */
    public List<CodebookItem> items() {
        return items;
    }

    /**
     * @param id an item id, case-insensitive
     * @return the item
     */
    public Optional<CodebookItem> item(String id) {
        return Optional.ofNullable(byId.get(id.toLowerCase(Locale.ROOT)));
    }

    /** @return headers of columns that are neither metadata nor items, and are skipped */
    public List<String> ignoredHeaders() {
        return ignoredHeaders;
    }

    /** @return extra titles of the timestamp column, beside the built-in localised ones */
    public List<String> timestampHeaders() {
        return timestampHeaders;
    }

    /** @return extra titles of the e-mail column, beside the built-in localised ones */
    public List<String> emailHeaders() {
        return emailHeaders;
    }

    /** @return extra titles of the quiz score column, beside the built-in localised ones */
    public List<String> scoreHeaders() {
        return scoreHeaders;
    }

    Optional<HeaderMatch> matchHeader(String header) {
        return Optional.ofNullable(byHeader.get(TextKey.of(header)));
    }

    boolean isIgnored(String header) {
        return ignored.containsKey(TextKey.of(header));
    }

    Optional<CodebookOption> matchOption(CodebookItem item, String text) {
        Map<String, CodebookOption> m = optionsByText.get(item.id().toLowerCase(Locale.ROOT));
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(TextKey.of(text)));
    }

    /**
     * @param item an item of this codebook
     * @param separator a checkbox separator
     * @return the most separators inside one option text of the item (as compared, see {@link TextKey})
     */
    int maxOptionSeparators(CodebookItem item, String separator) {
        Map<String, CodebookOption> m = optionsByText.get(item.id().toLowerCase(Locale.ROOT));
        return m == null ? 0 : OptionSplitter.maxSeparators(m.keySet(), separator);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Codebook c && items.equals(c.items) && title.equals(c.title)
                && ignoredHeaders.equals(c.ignoredHeaders) && timestampHeaders.equals(c.timestampHeaders)
                && emailHeaders.equals(c.emailHeaders) && scoreHeaders.equals(c.scoreHeaders);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, title, ignoredHeaders, timestampHeaders, emailHeaders, scoreHeaders);
    }

    @Override
    public String toString() {
        return "Codebook[" + source + ", " + items.size() + " items]";
    }

    private SurveyFormatException invalid(String path, String problem, String expected) {
        SurveyFormatException.Builder b = SurveyFormatException.in(source).column(path).problem(problem);
        return (expected == null ? b : b.expected(expected)).build();
    }

    private void validate() {
        if (items.isEmpty()) {
            throw invalid("items", "the codebook has no items", "at least one item");
        }
        for (int i = 0; i < items.size(); i++) {
            CodebookItem item = items.get(i);
            String at = "items[" + i + "]";
            String key = item.id().toLowerCase(Locale.ROOT);
            if (key.equals(FormsSurvey.GROUP.toLowerCase(Locale.ROOT))) {
                throw invalid(at + ".id", "the id \"" + item.id() + "\" is reserved for the group attribute",
                        "another id");
            }
            if (byId.put(key, item) != null) {
                throw invalid(at + ".id", "item id \"" + item.id() + "\" appears twice", "unique ids");
            }
            if (item.headers().isEmpty()) {
                throw invalid(at + ".headers", "item " + item.id() + " has no headers",
                        "at least one column header, keyed by language");
            }
            item.headers().forEach((lang, header) -> {
                if (header == null || header.isBlank()) {
                    throw invalid(at + ".headers." + lang, "empty header", "the column title of the question");
                }
                String k = TextKey.of(header);
                HeaderMatch m = byHeader.get(k);
                if (m != null && m.item() != item) {
                    throw invalid(at + ".headers." + lang, "the header \"" + header + "\" is also a header of item "
                            + m.item().id(), "each header text to belong to one item");
                }
                List<String> langs = new ArrayList<>(m == null ? List.of() : m.languages());
                langs.add(lang);
                byHeader.put(k, new HeaderMatch(item, List.copyOf(langs)));
            });
            boolean choice = item.kind() == ItemKind.CHOICE || item.kind() == ItemKind.MULTI_CHOICE;
            if (item.kind() == ItemKind.SCALE && item.scale().isEmpty()) {
                throw invalid(at + ".scale", "scale item " + item.id() + " has no scale",
                        "\"scale\": {\"min\": 1, \"max\": 10}");
            }
            if (item.kind() != ItemKind.SCALE && item.scale().isPresent()) {
                throw invalid(at + ".scale", "item " + item.id() + " of kind " + item.kind().jsonName()
                        + " has a scale", "a scale only on items of kind \"scale\"");
            }
            if (choice && item.options().isEmpty()) {
                throw invalid(at + ".options", item.kind().jsonName() + " item " + item.id() + " has no options",
                        "a list of options with code and texts");
            }
            if (!choice && (!item.options().isEmpty() || item.otherCode().isPresent())) {
                throw invalid(at + ".options", "item " + item.id() + " of kind " + item.kind().jsonName()
                        + " has options", "options only on items of kind \"choice\" or \"multi\"");
            }
            Map<String, CodebookOption> texts = new HashMap<>();
            Map<String, CodebookOption> codes = new HashMap<>();
            for (int j = 0; j < item.options().size(); j++) {
                CodebookOption o = item.options().get(j);
                String oat = at + ".options[" + j + "]";
                if (codes.put(o.code(), o) != null || item.otherCode().filter(o.code()::equals).isPresent()) {
                    throw invalid(oat + ".code", "option code \"" + o.code() + "\" appears twice in item " + item.id(),
                            "unique codes within an item");
                }
                List<String> all = new ArrayList<>(o.texts().values());
                all.add(o.label());
                for (String t : all) {
                    if (t == null || t.isBlank()) {
                        throw invalid(oat + ".texts", "empty option text", "the option as shown in the form");
                    }
                    CodebookOption prev = texts.put(TextKey.of(t), o);
                    if (prev != null && prev != o) {
                        throw invalid(oat + ".texts", "the text \"" + t + "\" is also a text of option " + prev.code(),
                                "each text to belong to one option");
                    }
                }
            }
            optionsByText.put(key, texts);
        }
        for (int i = 0; i < ignoredHeaders.size(); i++) {
            String k = TextKey.of(ignoredHeaders.get(i));
            if (byHeader.containsKey(k)) {
                throw invalid("ignore[" + i + "]", "the ignored header \"" + ignoredHeaders.get(i)
                        + "\" is a header of item " + byHeader.get(k).item().id(), "headers of no item");
            }
            ignored.put(k, ignoredHeaders.get(i));
        }
    }

    // ---- JSON binding -------------------------------------------------------------------------------------

    private record Json(String format, Integer version, String title, String description, MetadataJson metadata,
                        List<String> ignore, List<ItemJson> items) {
    }

    private record MetadataJson(List<String> timestamp, List<String> email, List<String> score) {
    }

    private record ItemJson(String id, String kind, String label, String description, ScaleJson scale,
                            LinkedHashMap<String, String> headers, List<OptionJson> options, String other) {
    }

    private record ScaleJson(Integer min, Integer max, LinkedHashMap<String, String> labels, String direction) {
    }

    private record OptionJson(String code, String label, LinkedHashMap<String, String> texts) {
    }

    private static Codebook fromJson(String source, Json doc) {
        if (!FORMAT.equals(doc.format())) {
            throw SurveyFormatException.in(source).column("format").found(String.valueOf(doc.format()))
                    .expected("\"format\": \"" + FORMAT + "\"").build();
        }
        if (doc.version() == null || doc.version() != VERSION) {
            throw SurveyFormatException.in(source).column("version").found(String.valueOf(doc.version()))
                    .expected("\"version\": " + VERSION).build();
        }
        List<ItemJson> raw = doc.items() == null ? List.of() : doc.items();
        List<CodebookItem> items = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            items.add(item(source, "items[" + i + "]", raw.get(i)));
        }
        MetadataJson meta = doc.metadata() == null ? new MetadataJson(null, null, null) : doc.metadata();
        return new Codebook(source, Optional.ofNullable(doc.title()), items, orEmpty(doc.ignore()),
                orEmpty(meta.timestamp()), orEmpty(meta.email()), orEmpty(meta.score()));
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static CodebookItem item(String source, String at, ItemJson j) {
        if (j == null) {
            throw SurveyFormatException.in(source).column(at).found("null").expected("an item object").build();
        }
        if (j.id() == null || j.id().isBlank()) {
            throw SurveyFormatException.in(source).column(at + ".id").problem("missing item id")
                    .expected("an id such as \"Q1\"").build();
        }
        ItemKind kind = null;
        for (ItemKind k : ItemKind.values()) {
            if (k.jsonName().equals(j.kind())) {
                kind = k;
            }
        }
        if (kind == null) {
            throw SurveyFormatException.in(source).column(at + ".kind").found(String.valueOf(j.kind()))
                    .expected("one of scale, choice, multi, text, numeric").build();
        }
        Optional<Scale> scale = Optional.empty();
        if (j.scale() != null) {
            ScaleJson s = j.scale();
            if (s.min() == null || s.max() == null || s.min() > s.max()) {
                throw SurveyFormatException.in(source).column(at + ".scale")
                        .found("min " + s.min() + ", max " + s.max()).expected("integers min <= max").build();
            }
            if (!Scale.isValidRange(s.min(), s.max())) {
                throw SurveyFormatException.in(source).column(at + ".scale")
                        .problem("a scale of more than " + Scale.MAX_POINTS + " points (the limit)")
                        .found("min " + s.min() + ", max " + s.max())
                        .expected("at most " + Scale.MAX_POINTS + " points; declare a wider item as \"numeric\"")
                        .build();
            }
            Map<Integer, String> labels = new TreeMap<>();
            if (s.labels() != null) {
                for (Map.Entry<String, String> e : s.labels().entrySet()) {
                    int point;
                    try {
                        point = Integer.parseInt(e.getKey().trim());
                    } catch (NumberFormatException x) {
                        throw SurveyFormatException.in(source).column(at + ".scale.labels").found(e.getKey())
                                .expected("scale points as keys (\"1\", \"10\")").build();
                    }
                    if (point < s.min() || point > s.max()) {
                        throw SurveyFormatException.in(source).column(at + ".scale.labels").found(e.getKey())
                                .expected("a point from " + s.min() + " to " + s.max()).build();
                    }
                    labels.put(point, e.getValue());
                }
            }
            Scale.Direction dir;
            if (s.direction() == null || s.direction().equals("ascending")) {
                dir = Scale.Direction.ASCENDING;
            } else if (s.direction().equals("descending")) {
                dir = Scale.Direction.DESCENDING;
            } else {
                throw SurveyFormatException.in(source).column(at + ".scale.direction").found(s.direction())
                        .expected("ascending or descending").build();
            }
            scale = Optional.of(new Scale(s.min(), s.max(), new TreeMap<>(labels), dir));
        }
        List<CodebookOption> options = new ArrayList<>();
        if (j.options() != null) {
            for (int k = 0; k < j.options().size(); k++) {
                OptionJson o = j.options().get(k);
                if (o == null || o.code() == null || o.code().isBlank()) {
                    throw SurveyFormatException.in(source).column(at + ".options[" + k + "].code")
                            .problem("missing option code").expected("a code such as \"B\"").build();
                }
                options.add(new CodebookOption(o.code(), o.label(), o.texts()));
            }
        }
        return new CodebookItem(j.id(), kind, Optional.ofNullable(j.label()), scale, j.headers(), options,
                Optional.ofNullable(j.other()));
    }
}
