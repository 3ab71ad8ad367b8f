package org.campusmirror.ws.server.osgi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.campusmirror.ws.server.ServerLimits;
import org.campusmirror.ws.server.SlowConsumerPolicy;
import org.campusmirror.ws.server.TlsConfig;
import org.campusmirror.ws.server.WebSocketServer;

/**
 * The server's effective settings: the typed configuration ({@link ServerConfiguration}, which holds every
 * key and default), with the contract's framework properties for the keys left empty. Plain Java: the
 * component hands it the configuration and {@code BundleContext::getProperty}.
 *
 * @param port           the port
 * @param portSource     where the port came from, for messages: {@code port=N in the configuration ...} or
 *                       {@code -Dmirror.ws.port=N}
 * @param bindAddress    the address to listen on, or null for all
 * @param ioThreads      I/O threads
 * @param deflate        whether endpoints offer permessage-deflate unless they say otherwise
 * @param echo           whether /echo and /broadcast are served
 * @param limits         the limits
 * @param trustedProxies trusted reverse proxies
 * @param tls            wss key store, or null
 */
public record ServerSettings(int port, String portSource, InetAddress bindAddress, int ioThreads, boolean deflate,
        boolean echo, ServerLimits limits, List<String> trustedProxies, TlsConfig tls) {
    /** Contract property: the WebSocket port. */
    public static final String PORT_PROPERTY = "mirror.ws.port";
    /** Contract property: the address the WebSocket server listens on. */
    public static final String HOST_PROPERTY = "mirror.ws.host";
    /** Contract property: permessage-deflate on the server. */
    public static final String DEFLATE_PROPERTY = "mirror.ws.deflate";
    /** Contract property: serve the test endpoints. */
    public static final String ECHO_PROPERTY = "mirror.ws.echo";
    public static final int DEFAULT_PORT = 8081;

    /**
     * @param config    the configuration (unset keys have their defaults)
     * @param framework framework or system property lookup (null for unset)
     * @throws IllegalArgumentException for a value that does not parse or fit, naming the key
     */
    public static ServerSettings from(ServerConfiguration config, Function<String, String> framework) {
        String configuredPort = config.port().strip();
        String portText = configuredPort.isEmpty() ? framework.apply(PORT_PROPERTY) : configuredPort;
        String portSource = configuredPort.isEmpty()
                ? "-D" + PORT_PROPERTY + "=N"
                : "port=N in the configuration " + WebSocketServerComponent.PID;
        int port = portText == null || portText.isBlank() ? DEFAULT_PORT
                : parsePort(portText.strip(), configuredPort.isEmpty() ? PORT_PROPERTY : "port");
        int threads = config.io_threads();
        ServerLimits defaults = ServerLimits.DEFAULTS;
        ServerLimits limits = defaults
                .withProtocol(defaults.protocol()
                        .withMaxMessageSize(config.max_message_bytes())
                        .withMaxFramePayload(config.max_frame_bytes())
                        .withMaxHandshakeBytes(config.handshake_max_bytes())
                        .withHandshakeTimeout(Duration.ofMillis(config.handshake_timeout_ms())))
                .withMaxConnections(config.max_connections())
                .withWaterMarks(config.high_water_bytes(), config.low_water_bytes())
                .withSlowConsumer(policy(config.slow_consumer_policy()),
                        Duration.ofMillis(config.slow_consumer_grace_ms()))
                .withIdleTimeout(Duration.ofSeconds(config.idle_timeout_seconds()))
                .withShutdownGrace(Duration.ofMillis(config.shutdown_grace_ms()))
                .withCloseLinger(Duration.ofMillis(config.close_linger_ms()))
                .withMemoryBudget(config.memory_budget_bytes());
        String keystore = config.tls_keystore().strip();
        TlsConfig tls = keystore.isEmpty() ? null
                : new TlsConfig(Path.of(keystore), config.tls_password(), config.tls_keystore_type());
        List<String> proxies = Arrays.stream(config.trusted_proxies()).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        return new ServerSettings(port, portSource, address(config.bind_address(), framework),
                threads > 0 ? threads : WebSocketServer.defaultIoThreads(),
                bool(config.deflate(), framework.apply(DEFLATE_PROPERTY)),
                bool(config.echo(), framework.apply(ECHO_PROPERTY)), limits, proxies, tls);
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

    private static int parsePort(String text, String key) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + ": not a port number (0-65535): " + text);
    }

    /** "" in the console means: as the framework property says (default false). */
    private static boolean bool(String configured, String property) {
        String value = configured.isBlank() ? property : configured;
        return value != null && Boolean.parseBoolean(value.strip());
    }

    private static SlowConsumerPolicy policy(String name) {
        String value = name.strip().toUpperCase(Locale.ROOT);
        try {
            return SlowConsumerPolicy.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("slow.consumer.policy: CLOSE or DROP_BROADCASTS, not " + value);
        }
    }

    /** The configured bind address, else {@value #HOST_PROPERTY}, else null (all interfaces). */
    private static InetAddress address(String configured, Function<String, String> framework) {
        String key = "bind.address";
        String value = configured.strip();
        if (value.isEmpty()) {
            key = HOST_PROPERTY;
            value = framework.apply(HOST_PROPERTY) == null ? "" : framework.apply(HOST_PROPERTY).strip();
        }
        if (value.isEmpty()) {
            return null;
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(key + ": unknown address " + value);
        }
    }
}
