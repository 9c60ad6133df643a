package org.pluralstats.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.OptionalDouble;
import org.pluralstats.PluralstatsException;
import org.pluralstats.io.JsonOutput;

/**
 * JSON output conventions: full-precision numbers, and {@code null} wherever a number is undefined
 * (JSON has no NaN or infinity): {@link #write(JsonNode)} writes through {@link JsonOutput#finite}, so a
 * non-finite number that reaches a tree by any path still comes out as {@code null}.
 */
public final class Json {
    /** The shared mapper: indented output, numbers as Java writes them (shortest round-trip). */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** @return a new empty object */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** @return a new empty array */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /**
     * Puts a number, or {@code null} when it is NaN or infinite.
     *
     * @param node the object
     * @param field the field name
     * @param value the number
     * @return the object
     */
    public static ObjectNode put(ObjectNode node, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
        return node;
    }

    /**
     * Puts a number, or {@code null} when absent or not finite.
     *
     * @param node the object
     * @param field the field name
     * @param value the number
     * @return the object
     */
    public static ObjectNode put(ObjectNode node, String field, OptionalDouble value) {
        return put(node, field, value.orElse(Double.NaN));
    }

    /**
     * Adds a number to an array, or {@code null} when it is not finite.
     *
     * @param array the array
     * @param value the number
     * @return the array
     */
    public static ArrayNode add(ArrayNode array, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            array.addNull();
        } else {
            array.add(value);
        }
        return array;
    }

    /**
     * @param node a JSON tree
     * @return its indented text, ending with a newline
     */
    public static String write(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonOutput.finite(MAPPER.getFactory().createGenerator(out))) {
            MAPPER.writeValue(g, node);
        } catch (IOException e) {
            throw new PluralstatsException("cannot write JSON: " + e.getMessage(), e);
        }
        return out + System.lineSeparator();
    }
}
