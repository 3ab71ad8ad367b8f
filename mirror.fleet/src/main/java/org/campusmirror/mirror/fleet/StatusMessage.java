package org.campusmirror.mirror.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.campusmirror.mirror.runtime.MirrorHealth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The retained status on {@code PREFIX/mirrors/MIRROR_ID/status}: {@code {"state": "online"|"offline", "mirrorId",
 * "version", "uptimeSeconds", "name", "location", "groups", "widgets": {"ok", "stale", "error"}, "widgetsInError",
 * "displays", "time"}}. The MQTT 5 will is the same message with {@code "state": "offline"}.
 */
record StatusMessage(String state, String mirrorId, String version, Duration uptime, String name, String location,
        List<String> groups, MirrorHealth.Health health, Instant time) {
    static final String ONLINE = "online";
    static final String OFFLINE = "offline";

    byte[] json(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("state", state);
        node.put("mirrorId", mirrorId);
        node.put("version", version);
        node.put("uptimeSeconds", uptime.toSeconds());
        node.put("name", name);
        node.put("location", location);
        groups.forEach(node.putArray("groups")::add);
        ObjectNode widgets = node.putObject("widgets");
        widgets.put("ok", health == null ? 0 : health.widgetsOk());
        widgets.put("stale", health == null ? 0 : health.widgetsStale());
        widgets.put("error", health == null ? 0 : health.widgetsError());
        (health == null ? List.<String>of() : health.inError()).forEach(node.putArray("widgetsInError")::add);
        node.put("displays", health == null ? 0 : health.displays());
        node.put("time", time.toString());
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always writes", e);
        }
    }
}
