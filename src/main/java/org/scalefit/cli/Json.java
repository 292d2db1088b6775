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

    /** Options that do not change a result (or are the output format itself) and so stay out of the record. */
    private static final java.util.Set<String> NOT_RECORDED = java.util.Set.of("threads", "json", "quiet", "debug",
            "help", "version");

    /**
     * Records how a JSON result was made, so that it can be reproduced from the file alone: the scalefit
     * version, and every option of the command with its value (defaults included; keys are the long
     * names without dashes, {@code -} as {@code _}) under {@code options} — merged into an existing
     * {@code options} object without overwriting its keys — and the positional arguments under
     * {@code inputs}. {@code --threads} is left out on purpose: results do not depend on it, and the
     * JSON must be byte-identical whatever the thread count.
     *
     * <pre>{@code
     * ObjectNode json = report.json();
     * Json.recordInvocation(json, spec);   // adds scalefit_version, options.seed, options.laws, inputs, ...
     * }</pre>
     *
     * @param json the result object
     * @param spec the command that produced it
     */
    public static void recordInvocation(ObjectNode json, picocli.CommandLine.Model.CommandSpec spec) {
        if (!json.has("scalefit_version")) {
            json.put("scalefit_version", Version.current());
        }
        ObjectNode options = json.has("options") && json.get("options").isObject() ? (ObjectNode) json.get("options")
                : json.putObject("options");
        for (picocli.CommandLine.Model.OptionSpec o : spec.options()) {
            String key = o.longestName().replaceFirst("^-+", "").replace('-', '_');
            if (NOT_RECORDED.contains(key) || options.has(key)) {
                continue;
            }
            options.set(key, value(o.getValue()));
        }
        if (!json.has("inputs")) {
            ArrayNode inputs = json.putArray("inputs");
            for (picocli.CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
                Object v = p.getValue();
                if (v != null) {
                    inputs.add(v.toString());
                }
            }
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode value(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (v instanceof Integer || v instanceof Long) {
            return f.numberNode(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? f.numberNode(d) : f.nullNode();
        }
        if (v instanceof java.util.Collection<?> c) {
            ArrayNode a = f.arrayNode();
            c.forEach(e -> a.add(value(e)));
            return a;
        }
        return f.textNode(v.toString());
    }
}
