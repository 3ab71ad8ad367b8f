package org.campusmirror.ws.server.osgi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.campusmirror.ws.server.ServerLimits;
import org.campusmirror.ws.server.SlowConsumerPolicy;
import org.campusmirror.ws.server.TlsConfig;
import org.campusmirror.ws.server.WebSocketServer;

/**
 * The server's effective settings from a Config Admin configuration (keys of {@link ServerConfiguration},
 * dots for underscores) over the contract's framework properties over the defaults. Plain Java: the
 * component hands it the configuration map and {@code BundleContext::getProperty}.
 *
 * @param port           the port
 * @param bindAddress    the address to listen on, or null for all
 * @param ioThreads      I/O threads
 * @param deflate        whether endpoints offer permessage-deflate unless they say otherwise
 * @param echo           whether /echo and /broadcast are served
 * @param limits         the limits
 * @param trustedProxies trusted reverse proxies
 * @param tls            wss key store, or null
 */
public record ServerSettings(int port, InetAddress bindAddress, int ioThreads, boolean deflate, boolean echo,
        ServerLimits limits, List<String> trustedProxies, TlsConfig tls) {
    /** Contract property: the WebSocket port. */
    public static final String PORT_PROPERTY = "mirror.ws.port";
    /** Contract property: permessage-deflate on the server. */
    public static final String DEFLATE_PROPERTY = "mirror.ws.deflate";
    /** Contract property: serve the test endpoints. */
    public static final String ECHO_PROPERTY = "mirror.ws.echo";
    public static final int DEFAULT_PORT = 8081;

    /**
     * @param config    the configuration's properties (may be empty)
     * @param framework framework or system property lookup (null for unset)
     * @throws IllegalArgumentException for a value that does not parse, naming the key
     */
    public static ServerSettings from(Map<String, ?> config, Function<String, String> framework) {
        Values values = new Values(config, framework);
        int port = values.integer("port", PORT_PROPERTY, DEFAULT_PORT);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: not a port number: " + port);
        }
        int threads = values.integer("io.threads", null, 0);
        ServerLimits defaults = ServerLimits.DEFAULTS;
        ServerLimits limits = defaults
                .withProtocol(defaults.protocol()
                        .withMaxMessageSize(values.longValue("max.message.bytes", defaults.protocol().maxMessageSize()))
                        .withMaxFramePayload(values.longValue("max.frame.bytes", defaults.protocol().maxFramePayload()))
                        .withMaxHandshakeBytes(values.integer("handshake.max.bytes", null,
                                defaults.protocol().maxHandshakeBytes()))
                        .withHandshakeTimeout(Duration.ofMillis(values.longValue("handshake.timeout.ms",
                                defaults.protocol().handshakeTimeout().toMillis()))))
                .withMaxConnections(values.integer("max.connections", null, defaults.maxConnections()))
                .withWaterMarks(values.longValue("high.water.bytes", defaults.highWaterBytes()),
                        values.longValue("low.water.bytes", defaults.lowWaterBytes()))
                .withSlowConsumer(values.policy(), Duration.ofMillis(values.longValue("slow.consumer.grace.ms",
                        defaults.slowConsumerGrace().toMillis())))
                .withIdleTimeout(Duration.ofSeconds(values.longValue("idle.timeout.seconds", 0)))
                .withShutdownGrace(Duration.ofMillis(values.longValue("shutdown.grace.ms",
                        defaults.shutdownGrace().toMillis())));
        String keystore = values.string("tls.keystore", "");
        TlsConfig tls = keystore.isBlank() ? null : new TlsConfig(Path.of(keystore), values.string("tls.password", ""),
                values.string("tls.keystore.type", "PKCS12"));
        return new ServerSettings(port, values.address(), threads > 0 ? threads : WebSocketServer.defaultIoThreads(),
                values.bool("deflate", DEFLATE_PROPERTY), values.bool("echo", ECHO_PROPERTY), limits,
                values.strings("trusted.proxies"), tls);
    }

    /** A server builder with these settings (endpoints are added by the whiteboard). */
    public WebSocketServer.Builder builder() {
        WebSocketServer.Builder builder = WebSocketServer.builder().port(port).bindAddress(bindAddress)
                .ioThreads(ioThreads).limits(limits).trustedProxies(trustedProxies).threadName("mirror-ws");
        if (tls != null) {
            builder.tls(tls);
        }
        return builder;
    }

    /** Looks keys up in the configuration first, then in the framework properties. */
    private record Values(Map<String, ?> config, Function<String, String> framework) {
        private Object raw(String key, String frameworkKey) {
            Object value = config.get(key);
            if ((value == null || value.toString().isBlank()) && frameworkKey != null) {
                value = framework.apply(frameworkKey);
            }
            return value;
        }

        int integer(String key, String frameworkKey, int fallback) {
            return (int) number(key, frameworkKey, fallback);
        }

        long longValue(String key, long fallback) {
            return number(key, null, fallback);
        }

        private long number(String key, String frameworkKey, long fallback) {
            Object value = raw(key, frameworkKey);
            if (value == null || value.toString().isBlank()) {
                return fallback;
            }
            if (value instanceof Number n) {
                return n.longValue();
            }
            try {
                return Long.parseLong(value.toString().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException((frameworkKey != null && config.get(key) == null ? frameworkKey
                        : key) + ": not a number: " + value);
            }
        }

        boolean bool(String key, String frameworkKey) {
            Object value = config.get(key);
            if (value == null || value.toString().isBlank()) {
                value = framework.apply(frameworkKey); // "" in the console means: as the property says
            }
            if (value instanceof Boolean b) {
                return b;
            }
            return value != null && Boolean.parseBoolean(value.toString().strip());
        }

        String string(String key, String fallback) {
            Object value = config.get(key);
            return value == null ? fallback : value.toString();
        }

        List<String> strings(String key) {
            Object value = config.get(key);
            if (value == null) {
                return List.of();
            }
            if (value instanceof String[] array) {
                return Arrays.stream(array).filter(s -> !s.isBlank()).toList();
            }
            if (value instanceof java.util.Collection<?> collection) {
                return collection.stream().map(Object::toString).filter(s -> !s.isBlank()).toList();
            }
            return Arrays.stream(value.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        SlowConsumerPolicy policy() {
            String value = string("slow.consumer.policy", "CLOSE").strip().toUpperCase(Locale.ROOT);
            try {
                return SlowConsumerPolicy.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("slow.consumer.policy: CLOSE or DROP_BROADCASTS, not " + value);
            }
        }

        InetAddress address() {
            String value = string("bind.address", "").strip();
            if (value.isEmpty()) {
                return null;
            }
            try {
                return InetAddress.getByName(value);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("bind.address: unknown address " + value);
            }
        }
    }
}
