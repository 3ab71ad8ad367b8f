package org.campusmirror.ws.server.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The WebSocket server's configuration as the Web Console edits it (PID {@value WebSocketServerComponent#PID}).
 * A key that is not configured falls back to the framework/system property of the contract where there is
 * one ({@code mirror.ws.port}, {@code mirror.ws.deflate}, {@code mirror.ws.echo}), else to the default of
 * {@link org.campusmirror.ws.server.ServerLimits#DEFAULTS}. Only read through {@link ServerSettings}.
 */
@ObjectClassDefinition(name = "Campus Mirror WebSocket server",
        description = "Port, threads, limits, permessage-deflate and TLS of the WebSocket server (ws.server)")
@interface ServerConfiguration {
    @AttributeDefinition(description = "TCP port; empty: -Dmirror.ws.port, else 8081", required = false)
    String port() default "";

    @AttributeDefinition(description = "Address to listen on; empty: all interfaces", required = false)
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

    @AttributeDefinition(description = "Open connections at most; more are answered 503")
    int max_connections() default 10_000;

    @AttributeDefinition(description = "Largest message in bytes, also after inflating (1009 beyond)")
    long max_message_bytes() default 16L << 20;

    @AttributeDefinition(description = "Largest frame payload in bytes (1009 beyond)")
    long max_frame_bytes() default 16L << 20;

    @AttributeDefinition(description = "Largest handshake request head in bytes (431 beyond)")
    int handshake_max_bytes() default 16 << 10;

    @AttributeDefinition(description = "Milliseconds a client has to complete its handshake")
    long handshake_timeout_ms() default 10_000;

    @AttributeDefinition(description = "Queued outbound bytes per connection above which reading pauses")
    long high_water_bytes() default 1L << 20;

    @AttributeDefinition(description = "Queued outbound bytes below which reading resumes")
    long low_water_bytes() default 256L << 10;

    @AttributeDefinition(description = "What to do with a connection that stays above the high-water mark",
            options = {@Option(label = "Close with 1008", value = "CLOSE"),
                    @Option(label = "Skip broadcasts to it", value = "DROP_BROADCASTS")})
    String slow_consumer_policy() default "CLOSE";

    @AttributeDefinition(description = "Milliseconds over the high-water mark before the policy acts")
    long slow_consumer_grace_ms() default 10_000;

    @AttributeDefinition(description = "Close connections silent for this many seconds with 1001; 0: never")
    long idle_timeout_seconds() default 0;

    @AttributeDefinition(description = "Milliseconds a stop waits for closing handshakes")
    long shutdown_grace_ms() default 5_000;

    @AttributeDefinition(description = "Reverse proxies (IP or CIDR) whose X-Forwarded-For / Forwarded is believed",
            required = false)
    String[] trusted_proxies() default {};

    @AttributeDefinition(description = "Key store for wss (PKCS12 or JKS); empty: plain ws", required = false)
    String tls_keystore() default "";

    @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            description = "Password of the key store", required = false)
    String tls_password() default "";

    @AttributeDefinition(description = "Key store type", required = false)
    String tls_keystore_type() default "PKCS12";
}
