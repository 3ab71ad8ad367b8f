package org.campusmirror.ws.server.osgi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.campusmirror.ws.deflate.PerMessageDeflateOptions;
import org.campusmirror.ws.server.EndpointOptions;
import org.campusmirror.ws.server.WebSocketEndpoint;
import org.campusmirror.ws.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint whiteboard's logic, without OSGi: endpoint services (with their service properties) come and
 * go, in any order relative to the server's start; each is served at its {@value WebSocketEndpoint#PATH_PROPERTY}
 * while it is there. A second endpoint for a path already served waits (logged) and takes over when the
 * first goes. Removing an endpoint closes its connections with 1001. Thread-safe.
 */
public final class EndpointWhiteboard {
    private static final Logger LOG = LoggerFactory.getLogger("org.campusmirror.ws.server");

    private record Entry(WebSocketEndpoint endpoint, Map<String, ?> properties, String path) {
    }

    private final Map<Object, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Object> served = new HashMap<>();
    private WebSocketServer server;
    private boolean deflateDefault;

    /** An endpoint service arrived; {@code key} identifies it (e.g. its service id). */
    public synchronized void add(Object key, WebSocketEndpoint endpoint, Map<String, ?> properties) {
        Object path = properties.get(WebSocketEndpoint.PATH_PROPERTY);
        if (!(path instanceof String text) || !text.startsWith("/")) {
            LOG.warn("WebSocket endpoint {} ignored: its {} property is missing or does not start with /: {}",
                    endpoint.getClass().getName(), WebSocketEndpoint.PATH_PROPERTY, path);
            return;
        }
        entries.put(key, new Entry(endpoint, Map.copyOf(properties), text));
        if (server != null) {
            serve(key);
        }
    }

    /** The endpoint service went away: stop serving it (connections get 1001); a waiting one takes over. */
    public synchronized void remove(Object key) {
        Entry entry = entries.remove(key);
        if (entry == null || server == null || served.get(entry.path) != key) {
            return;
        }
        served.remove(entry.path);
        server.removeEndpoint(entry.path);
        LOG.info("WebSocket endpoint {} removed", entry.path);
        entries.entrySet().stream().filter(e -> e.getValue().path.equals(entry.path)).findFirst()
                .ifPresent(e -> serve(e.getKey()));
    }

    /** The server is listening: serve every endpoint known so far. */
    public synchronized void start(WebSocketServer started, boolean deflateByDefault) {
        this.server = started;
        this.deflateDefault = deflateByDefault;
        new ArrayList<>(entries.keySet()).forEach(this::serve);
    }

    /** The server stops: forget what was served (its close ends the connections). */
    public synchronized void stop() {
        served.clear();
        server = null;
    }

    /** The paths served now. */
    public synchronized Set<String> paths() {
        return Set.copyOf(served.keySet());
    }

    private void serve(Object key) {
        Entry entry = entries.get(key);
        Object holder = served.get(entry.path);
        if (holder != null) {
            if (holder != key) {
                LOG.warn("WebSocket endpoint {} waits: {} is already served by {}", entry.endpoint.getClass().getName(),
                        entry.path, entries.get(holder).endpoint.getClass().getName());
            }
            return;
        }
        try {
            server.addEndpoint(entry.path, entry.endpoint, options(entry.properties, deflateDefault));
        } catch (IllegalArgumentException e) {
            LOG.warn("WebSocket endpoint {} ignored: {}", entry.endpoint.getClass().getName(), e.getMessage());
            return;
        }
        served.put(entry.path, key);
        LOG.info("WebSocket endpoint {} served by {}", entry.path, entry.endpoint.getClass().getName());
    }

    /** Endpoint options from the service properties (see {@link WebSocketEndpoint}'s property names). */
    static EndpointOptions options(Map<String, ?> properties, boolean deflateDefault) {
        EndpointOptions.Builder builder = EndpointOptions.builder()
                .subprotocols(strings(properties.get(WebSocketEndpoint.SUBPROTOCOLS_PROPERTY)))
                .allowedOrigins(Set.copyOf(strings(properties.get(WebSocketEndpoint.ORIGINS_PROPERTY))))
                .broadcast(bool(properties.get(WebSocketEndpoint.BROADCAST_PROPERTY), false));
        Object heartbeat = properties.get(WebSocketEndpoint.HEARTBEAT_PROPERTY);
        if (heartbeat != null) {
            builder.heartbeat(Duration.ofSeconds(Long.parseLong(heartbeat.toString().strip())));
        }
        if (bool(properties.get(WebSocketEndpoint.DEFLATE_PROPERTY), deflateDefault)) {
            builder.deflate(PerMessageDeflateOptions.DEFAULTS);
        }
        return builder.build();
    }

    private static boolean bool(Object value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString().strip());
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof java.util.Collection<?> collection) {
            return collection.stream().map(Object::toString).toList();
        }
        return List.of(value.toString());
    }
}
