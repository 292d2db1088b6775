package org.scalefit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON output helpers: one mapper with stable key order, and numbers written so that a
 * non-finite value becomes {@code null} (JSON has no NaN) rather than an invalid document.
 *
 * <pre>{@code
 * ObjectNode o = Json.object();
 * Json.put(o, "rss", Double.NaN);        // "rss" : null
 * String text = Json.write(o);
 * }</pre>
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** @return a new empty object */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** @return a new empty array */
    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * Puts a number, or null when it is NaN or infinite.
     *
     * @param node  the object
     * @param key   the key
     * @param value the number
     */
    public static void put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    /**
     * Adds a number to an array, or null when it is not finite.
     *
     * @param array the array
     * @param value the number
     */
    public static void add(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(value);
        } else {
            array.addNull();
        }
    }

    /**
     * @param lo lower end
     * @param hi upper end
     * @return {@code [lo, hi]} with nulls for non-finite ends
     */
    public static ArrayNode interval(double lo, double hi) {
        ArrayNode a = array();
        add(a, lo);
        add(a, hi);
        return a;
    }

    /**
     * @param node a JSON tree
     * @return it as indented text
     */
    public static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** @return the shared mapper (thread-safe for reading and writing) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
