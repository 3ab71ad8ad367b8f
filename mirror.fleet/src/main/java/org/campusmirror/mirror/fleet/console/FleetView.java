package org.campusmirror.mirror.fleet.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.campusmirror.mirror.fleet.FleetLink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the Fleet page shows, from the statuses and events the broker delivers: every mirror's last status with the
 * time it was heard, and the latest events. Everything here came from the network: bounded in count and length,
 * and the page shows it as text only.
 */
final class FleetView implements FleetLink.Watcher {
    static final int MAX_MIRRORS = 5000;
    static final int MAX_EVENTS = 300;
    static final int MAX_TEXT = 200;

    private record Seen(ObjectNode status, Instant at) {
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Seen> mirrors = new TreeMap<>();
    private final Deque<ObjectNode> events = new ArrayDeque<>();

    FleetView(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public synchronized void status(String mirrorId, byte[] payload) {
        if (payload.length == 0) {
            mirrors.remove(mirrorId);
            return;
        }
        JsonNode node = read(payload);
        if (node == null || (!mirrors.containsKey(mirrorId) && mirrors.size() >= MAX_MIRRORS)) {
            return;
        }
        ObjectNode status = json.createObjectNode();
        for (String field : new String[] {"state", "version", "name", "location", "time"}) {
            status.put(field, text(node.path(field)));
        }
        status.put("uptimeSeconds", node.path("uptimeSeconds").asLong());
        status.put("displays", node.path("displays").asInt());
        status.put("widgetsOk", node.path("widgets").path("ok").asInt());
        status.put("widgetsStale", node.path("widgets").path("stale").asInt());
        status.put("widgetsError", node.path("widgets").path("error").asInt());
        status.set("groups", texts(node.path("groups")));
        status.set("widgetsInError", texts(node.path("widgetsInError")));
        mirrors.put(mirrorId, new Seen(status, clock.instant()));
    }

    @Override
    public synchronized void event(String mirrorId, byte[] payload) {
        JsonNode node = read(payload);
        if (node == null || !node.path("result").isTextual()) {
            return; // not an event of the contract
        }
        ObjectNode event = json.createObjectNode();
        event.put("mirrorId", mirrorId);
        for (String field : new String[] {"time", "topic", "kind", "result", "reason", "detail"}) {
            event.put(field, text(node.path(field)));
        }
        event.put("seq", node.path("seq").asLong());
        events.addFirst(event);
        while (events.size() > MAX_EVENTS) {
            events.removeLast();
        }
    }

    /** The page's state: {@code mirrors} (by id) and {@code events} (newest first). */
    synchronized ObjectNode json() {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("mirrors");
        for (Map.Entry<String, Seen> entry : mirrors.entrySet()) {
            ObjectNode mirror = list.addObject();
            mirror.put("id", entry.getKey());
            mirror.put("lastSeen", entry.getValue().at().toString());
            mirror.setAll(entry.getValue().status());
        }
        ArrayNode recent = root.putArray("events");
        events.forEach(recent::add);
        return root;
    }

    synchronized Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        mirrors.forEach((id, seen) -> states.put(id, seen.status().path("state").asText()));
        return states;
    }

    private JsonNode read(byte[] payload) {
        try {
            JsonNode node = json.readTree(payload);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private ArrayNode texts(JsonNode array) {
        ArrayNode out = json.createArrayNode();
        if (array.isArray()) {
            for (int i = 0; i < Math.min(array.size(), 50); i++) {
                out.add(text(array.get(i)));
            }
        }
        return out;
    }

    private static String text(JsonNode node) {
        String value = node.isValueNode() ? node.asText() : "";
        return value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) + "…" : value;
    }
}
