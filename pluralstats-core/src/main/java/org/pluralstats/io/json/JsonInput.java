package org.pluralstats.io.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ObjLongConsumer;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.FileErrors;

/**
 * The one way the library reads JSON inputs: JSON Lines model outputs and every side file (items,
 * codebooks, analysis files, population mappings, score tables, margins, answer distributions).
 *
 * <p>One reader configuration for all of them, strict where Jackson's defaults are lenient:
 * <ul>
 *   <li>a key given twice in one object is an error ({@code STRICT_DUPLICATE_DETECTION}) — by default
 *       the last one silently wins;</li>
 *   <li>anything after the first value is an error ({@code FAIL_ON_TRAILING_TOKENS}): a JSONL line
 *       holds one value, a file one document;</li>
 *   <li>no type coercions in data binding: {@code "3"} is not an integer, {@code 3.5} not an
 *       {@code int}, {@code true} not a number ({@code ALLOW_COERCION_OF_SCALARS} and
 *       {@code ACCEPT_FLOAT_AS_INT} off); unknown properties are errors (closed schemas);</li>
 *   <li>syntax errors carry the line and character column of the input.</li>
 * </ul>
 * Side files bind to records ({@link #bind}); large model-output files stream one element at a time.
 */
public final class JsonInput {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonMapper MAPPER = JsonMapper.builder(FACTORY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final ObjectReader READER = MAPPER.reader();
    // one array element at a time: what follows an element is the rest of the array, not trailing text
    private static final ObjectReader ELEMENT = READER.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonInput() {
    }

    /**
     * Streams a document that is one JSON array, binding and handing over one element at a time: memory
     * holds one element, never the whole document. Strict as {@link #bind}: a duplicate key,
     * a syntax error, malformed UTF-8 (Jackson's UTF-8 decoder reports it) and anything after the array are
     * errors naming the line and character.
     *
     * @param source the file name for messages
     * @param <T> the type of an element
     * @param in the UTF-8 bytes (a leading byte-order mark is dropped; not closed here)
     * @param type the type to bind each element to
     * @param each receives each element and its 1-based position in the array
     * @throws SurveyFormatException when the document is not one JSON array, or cannot be read
     */
    public static <T> void readArray(String source, InputStream in, Class<T> type, ObjLongConsumer<T> each) {
        try (JsonParser p = ELEMENT.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY) {
                JsonLocation loc = p.currentTokenLocation();
                throw SurveyFormatException.in(source).line(Math.max(1, loc.getLineNr()))
                        .found(t == null ? "no JSON value" : String.valueOf(t.asString())).expected("a JSON array").build();
            }
            long k = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                each.accept(ELEMENT.forType(type).readValue(p), ++k);
            }
            if (p.nextToken() != null) {
                JsonLocation loc = p.currentTokenLocation();
                throw SurveyFormatException.in(source).line(loc.getLineNr()).column("character " + loc.getColumnNr())
                        .problem("more than one JSON value").expected("one JSON document").build();
            }
        } catch (JsonProcessingException e) {
            throw error(source, 0, e);
        } catch (IOException e) {
            throw SurveyFormatException.in(source).problem("cannot read: " + FileErrors.reason(e)).cause(e).build();
        }
    }

    /**
     * Binds one JSON document to a type whose (record) constructors validate what they are given: the
     * one way side files are read into values. Strict as {@link #bind}; a wrong type,
     * an unknown member and a constructor's refusal ({@link Invalid}, {@link IllegalArgumentException})
     * become one located error.
     *
     * @param <T> the type
     * @param source the file name for messages
     * @param text the whole text (a leading byte-order mark is dropped)
     * @param type the type to bind
     * @return the value
     * @throws SurveyFormatException naming the source, line and field path of the first problem
     */
    public static <T> T bind(String source, String text, Class<T> type) {
        return bind(source, 0, text.startsWith("\uFEFF") ? text.substring(1) : text, type);
    }

    /** A record of the shapes side files have, for {@link #warmUp()}. */
    private record Warm(String id, java.util.List<Double> positive, java.util.Map<String, String> labels) {
    }

    /**
     * Binds a small document once, so that the mapper's first-use cost (class initialisation and the
     * reflection that builds record deserializers, about 100 ms on a cold JVM) is paid before a
     * command needs it: the command line calls it on a background thread while it parses its
     * arguments. Has no other effect.
     */
    public static void warmUp() {
        bind("warm-up", 0, "{\"id\":\"q\",\"positive\":[1,2.5],\"labels\":{\"1\":\"yes\"}}", Warm.class);
    }

    /**
     * Binds one line of a JSON Lines file (exactly one JSON value) as {@link #bind(String, String, Class)} does.
     *
     * @param <T> the type
     * @param source the file name for messages
     * @param line the 1-based line number, or 0 for a whole document
     * @param text the line
     * @param type the type to bind
     * @return the value
     * @throws SurveyFormatException naming the line and the character column or field path of a syntax error,
     *     a duplicate key, a second value on the line or a refused value
     */
    public static <T> T bind(String source, long line, String text, Class<T> type) {
        try {
            return READER.forType(type).readValue(text);
        } catch (JsonProcessingException e) {
            throw error(source, line, e);
        }
    }

    /**
     * A value a binding type's constructor refuses, naming the member (relative to the object being
     * built) so that the error can name it.
     */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String member;
        private final String expected;

        /**
         * @param member the member refused, e.g. {@code targets}
         * @param problem what is wrong, e.g. {@code found "shares"}
         * @param expected what is expected instead (may be empty)
         */
        public Invalid(String member, String problem, String expected) {
            super(problem);
            this.member = member;
            this.expected = expected;
        }
    }

    /**
     * Turns a Jackson error into a located format error.
     *
     * @param source the file name
     * @param line the line of a JSON Lines record, or 0 when the error's own line counts (a whole document)
     * @param e the error
     * @return the located error: line, character column or the field path (0-based indices, as JSON
     *     Pointer counts), the problem
     */
    private static SurveyFormatException error(String source, long line, JsonProcessingException e) {
        SurveyFormatException.Builder b = SurveyFormatException.in(source).cause(e);
        JsonLocation loc = e.getLocation();
        if (line > 0) {
            b.line(line);
        } else if (loc != null && loc.getLineNr() > 0) {
            b.line(loc.getLineNr());
        }
        String at = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof Invalid i) {
            at = at.isEmpty() ? i.member : at + "." + i.member;
        }
        if (!at.isEmpty()) {
            b.column(at);
        } else if (loc != null && loc.getColumnNr() > 0) {
            b.column("character " + loc.getColumnNr());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            u.getKnownPropertyIds().forEach(x -> known.add(String.valueOf(x)));
            Collections.sort(known);
            return b.problem("unknown member").found(u.getPropertyName())
                    .expected("one of " + String.join(", ", known)).build();
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException c) {
            b.problem(firstLine(c.getMessage()));
            return c instanceof Invalid i && !i.expected.isEmpty() ? b.expected(i.expected).build() : b.build();
        }
        String msg = firstLine(e.getOriginalMessage());
        if (msg.startsWith("Duplicate field")) {
            return b.problem(msg.replace("Duplicate field", "duplicate key") + ": each key may appear once").build();
        }
        if (e instanceof MismatchedInputException && msg.startsWith("Trailing token")) {
            return b.problem("more than one JSON value" + (line > 0 ? " on the line" : "")).expected(
                    line > 0 ? "one JSON value per line (JSON Lines)" : "one JSON document").build();
        }
        int aside = msg.indexOf(" (but ");
        if (aside > 0) {
            msg = msg.substring(0, aside); // Jackson's hint about its own coercion settings
        }
        boolean syntax = e instanceof StreamReadException || e.getCause() instanceof StreamReadException;
        if (!syntax && e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            Class<?> t = mi.getTargetType();
            b.expected(t == Boolean.class || t == boolean.class ? "true or false"
                    : t == Long.class || t == Integer.class || t == long.class || t == int.class ? "a whole number"
                    : Number.class.isAssignableFrom(t) || t.isPrimitive() ? "a number"
                    : t == String.class ? "a string" : java.util.Collection.class.isAssignableFrom(t) || t.isArray() ? "a list"
                    : "an object");
        }
        return b.problem((syntax ? "not valid JSON: " : "wrong JSON type: ")
                + msg.replaceAll("org\\.pluralstats\\.[\\w.]+\\$(\\w+?)(?:Json)?\\b", "$1")).build();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (s.length() > 0) {
                    s.append('.');
                }
                s.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }
}
