package org.campusmirror.ws.server.osgi;

import org.campusmirror.ws.protocol.ProtocolLimits;
import org.campusmirror.ws.server.ServerLimits;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The WebSocket server's configuration (PID {@value WebSocketServerComponent#PID}), as the Web Console edits it
 * and as {@link WebSocketServerComponent} reads it. This is the one place each setting is defined: its key is
 * the method's name (underscores become dots: {@code max_connections} is {@code max.connections}) and its
 * default is {@link ServerLimits}'s {@code DEFAULT_} constant, which the plain-Java defaults use too. A key left
 * empty falls back to the framework/system property of the contract where there is one ({@code mirror.ws.port},
 * {@code mirror.ws.host}, {@code mirror.ws.deflate}, {@code mirror.ws.echo}).
 */
@ObjectClassDefinition(name = "Campus Mirror WebSocket server",
        description = "Port, threads, limits, memory budget, permessage-deflate and TLS of the WebSocket server "
                + "(ws.server)")
public @interface ServerConfiguration {
    @AttributeDefinition(description = "TCP port; empty: -Dmirror.ws.port, else 8081", required = false)
    String port() default "";

    @AttributeDefinition(description = "Address to listen on; empty: -Dmirror.ws.host, else all interfaces",
            required = false)
    String bind_address() default "";

    @AttributeDefinition(description = "I/O threads; 0: half the processors, at least 1")
    int io_threads() default 0;

    @AttributeDefinition(description = "Offer permessage-deflate on every endpoint", required = false,
            options = {@Option(label = "As -Dmirror.ws.deflate (default off)", value = ""),
                    @Option(label = "On", value = "true"), @Option(label = "Off", value = "false")})
    String deflate() default "";

    @AttributeDefinition(description = "Serve /echo and /broadcast for conformance and load tests", required = false,
            options = {@Option(label = "As -Dmirror.ws.echo (default off)", value = ""),
                    @Option(label = "On", value = "true"), @Option(label = "Off", value = "false")})
    String echo() default "";

    @AttributeDefinition(description = "Open connections at most; more are answered 503. Each holds about 3 KiB "
            + "idle, 11 KiB once it has sent, outside the memory budget")
    int max_connections() default ServerLimits.DEFAULT_MAX_CONNECTIONS;

    @AttributeDefinition(description = "Bytes for every connection's queued output and partial input together; "
            + "above half, broadcasts skip the slowest consumers; above three quarters, the slowest are closed with "
            + "1013; at the limit, incoming messages that need more are refused with 1013. 0: a quarter of the "
            + "maximum heap (15.5 MiB of the default 64 MB)")
    long memory_budget_bytes() default ServerLimits.DEFAULT_MEMORY_BUDGET_BYTES;

    @AttributeDefinition(description = "Largest message in bytes, also after inflating (1009 beyond); keep it well "
            + "below the memory budget")
    long max_message_bytes() default ServerLimits.DEFAULT_MAX_MESSAGE_BYTES;

    @AttributeDefinition(description = "Largest frame payload in bytes (1009 beyond)")
    long max_frame_bytes() default ServerLimits.DEFAULT_MAX_MESSAGE_BYTES;

    @AttributeDefinition(description = "Largest handshake request head in bytes (431 beyond)")
    int handshake_max_bytes() default ProtocolLimits.DEFAULT_MAX_HANDSHAKE_BYTES;

    @AttributeDefinition(description = "Milliseconds a client has to complete its handshake")
    long handshake_timeout_ms() default ProtocolLimits.DEFAULT_HANDSHAKE_TIMEOUT_MS;

    @AttributeDefinition(description = "Queued outbound bytes of one connection above which reading from it pauses")
    long high_water_bytes() default ServerLimits.DEFAULT_HIGH_WATER_BYTES;

    @AttributeDefinition(description = "Queued outbound bytes below which reading resumes")
    long low_water_bytes() default ServerLimits.DEFAULT_LOW_WATER_BYTES;

    @AttributeDefinition(description = "What to do with a connection that stays above the high-water mark",
            options = {@Option(label = "Close with 1008", value = "CLOSE"),
                    @Option(label = "Skip broadcasts to it", value = "DROP_BROADCASTS")})
    String slow_consumer_policy() default ServerLimits.DEFAULT_SLOW_CONSUMER_POLICY;

    @AttributeDefinition(description = "Milliseconds over the high-water mark before the policy acts")
    long slow_consumer_grace_ms() default ServerLimits.DEFAULT_SLOW_CONSUMER_GRACE_MS;

    @AttributeDefinition(description = "Close connections silent for this many seconds with 1001; 0: never")
    long idle_timeout_seconds() default ServerLimits.DEFAULT_IDLE_TIMEOUT_SECONDS;

    @AttributeDefinition(description = "Milliseconds a stop waits for closing handshakes")
    long shutdown_grace_ms() default ServerLimits.DEFAULT_SHUTDOWN_GRACE_MS;

    @AttributeDefinition(description = "Milliseconds a closing connection may take for its last bytes and the "
            + "peer's FIN")
    long close_linger_ms() default ServerLimits.DEFAULT_CLOSE_LINGER_MS;

    @AttributeDefinition(description = "Reverse proxies (IP or CIDR) whose X-Forwarded-For / Forwarded is believed",
            required = false)
    String[] trusted_proxies() default {};

    @AttributeDefinition(description = "Key store for wss (PKCS12 or JKS); empty: plain ws", required = false)
    String tls_keystore() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of the key store", required = false)
    String tls_password() default "";

    @AttributeDefinition(description = "Key store type", required = false)
    String tls_keystore_type() default "PKCS12";
}
