package org.campusmirror.mirror.widgets.profile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.campusmirror.mirror.widgets.http.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One configuration shipped in this bundle (the demo's, or the first run's defaults), read from a JSON file:
 * {@code {"factoryPid": "...", "properties": {"canteen.id": 1, "widget.refresh.seconds:Long": 600, ...}}}. A key may
 * name its type after a colon ({@code Long}, {@code Integer}, {@code Double}, {@code Boolean}, {@code String});
 * otherwise text is a String, a whole number an Integer, a fraction a Double, a list a String[]. {@code ${name}} in
 * text is replaced from the placeholders.
 *
 * @param name       the configuration's name, from the file name: the PID becomes {@code factoryPid~name}
 * @param factoryPid the widget's factory PID
 * @param properties the properties, typed
 */
public record BundledConfiguration(String name, String factoryPid, Map<String, Object> properties) {
    /** Property marking a configuration as installed from this bundle, with the profile as its value. */
    public static final String MARKER = "mirror.bundled";

    public BundledConfiguration {
        Objects.requireNonNull(factoryPid, "factoryPid");
        properties = Map.copyOf(properties);
    }

    public static BundledConfiguration read(String name, InputStream json, Map<String, String> placeholders)
            throws IOException {
        JsonNode root = Json.mapper().readTree(json);
        String factoryPid = root.path("factoryPid").asText("");
        if (factoryPid.isBlank()) {
            throw new IOException(name + ": no factoryPid");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.path("properties").fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            String type = "";
            int colon = key.indexOf(':');
            if (colon > 0) {
                type = key.substring(colon + 1);
                key = key.substring(0, colon);
            }
            properties.put(key, value(name, key, type, field.getValue(), placeholders));
        }
        return new BundledConfiguration(name, factoryPid, properties);
    }

    private static Object value(String file, String key, String type, JsonNode node, Map<String, String> placeholders)
            throws IOException {
        if (node.isArray()) {
            String[] values = new String[node.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = substitute(node.get(i).asText(), placeholders);
            }
            return values;
        }
        switch (type) {
            case "Long":
                return node.asLong();
            case "Integer":
                return node.asInt();
            case "Double":
                return node.asDouble();
            case "Boolean":
                return node.asBoolean();
            case "String":
                return substitute(node.asText(), placeholders);
            case "":
                break;
            default:
                throw new IOException(file + ": unknown type " + type + " of " + key);
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asInt();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return substitute(node.asText(), placeholders);
    }

    private static String substitute(String text, Map<String, String> placeholders) {
        String result = text;
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            result = result.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
        }
        return result;
    }

    /** The properties to save, with the marker naming the profile. */
    public Dictionary<String, Object> dictionary(String profile) {
        Hashtable<String, Object> dictionary = new Hashtable<>(properties);
        dictionary.put(MARKER, profile);
        return dictionary;
    }
}
