package org.campusmirror.mirror.fleet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.campusmirror.mirror.fleet.trust.Refusal;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A signed configuration: {@code {"seq": N, "properties": {...}}} on {@code PREFIX/config/GROUP/PID}, where PID is
 * a PID or {@code factoryPid~name} (a factory instance, created if missing). The properties replace the
 * configuration's, through Config Admin, as a console save would. Values: strings, whole numbers (Long), other
 * numbers (Double), booleans, and arrays of strings. The fleet's own PID and the Web Console's are refused: a
 * message must not cut the mirror off its fleet or touch the console's password.
 */
final class ConfigCommand {
    private static final Set<String> PROTECTED = Set.of(FleetConfiguration.PID,
            "org.apache.felix.webconsole.internal.servlet.OsgiManager");
    private static final int MAX_PROPERTIES = 200;

    private ConfigCommand() {
    }

    static String apply(ConfigurationAdmin admin, String pid, ObjectNode body) throws Refusal {
        if (PROTECTED.contains(pid) || PROTECTED.contains(pid.split("~", 2)[0])) {
            throw new Refusal(Refusal.Reason.INVALID, "the configuration " + pid + " cannot be set from the fleet");
        }
        JsonNode properties = body.path("properties");
        if (!properties.isObject() || properties.size() > MAX_PROPERTIES) {
            throw new Refusal(Refusal.Reason.INVALID, "'properties' must be an object of at most " + MAX_PROPERTIES
                    + " entries");
        }
        Hashtable<String, Object> values = new Hashtable<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            values.put(entry.getKey(), value(entry.getKey(), entry.getValue()));
        }
        try {
            Configuration configuration;
            if (pid.contains("~")) {
                String[] parts = pid.split("~", 2);
                configuration = admin.getFactoryConfiguration(parts[0], parts[1], "?");
            } else {
                configuration = admin.getConfiguration(pid, "?");
            }
            configuration.update(values);
            return "configuration " + pid + " set (" + values.size() + " properties)";
        } catch (IOException | RuntimeException e) {
            throw new Refusal(Refusal.Reason.CONFIG_FAILED, "Config Admin refused " + pid + ": " + e.getMessage());
        }
    }

    private static Object value(String key, JsonNode node) throws Refusal {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isValueNode() || item.isNull()) {
                    throw new Refusal(Refusal.Reason.INVALID, "'" + key + "': arrays hold plain values only");
                }
                items.add(item.asText());
            }
            return items.toArray(String[]::new);
        }
        throw new Refusal(Refusal.Reason.INVALID, "'" + key + "' has a value Config Admin cannot hold");
    }
}
