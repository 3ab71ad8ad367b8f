package org.campusmirror.ws.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import org.campusmirror.ws.protocol.ExtensionFactory;
import org.campusmirror.ws.protocol.HttpHeader;
import org.campusmirror.ws.protocol.ProtocolLimits;

/**
 * How a {@link WebSocketClient} opens one connection (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-4.1">RFC
 * 6455 section 4.1</a>). Build with {@link #builder()}; {@link #DEFAULTS} offers nothing special, connects
 * within 10 s, directly, trusting the JVM's default certificate authorities for wss.
 *
 * @param subprotocols   subprotocols to offer, in preference order
 * @param extensions     extensions to offer, e.g. ws.deflate's permessage-deflate factory
 * @param headers        more request headers (authentication, cookies)
 * @param origin         the Origin to declare, or null
 * @param connectTimeout TCP connect, proxy tunnel, TLS and the opening handshake must be done within this
 * @param proxy          an HTTP proxy to tunnel through with {@code CONNECT}, or null
 * @param sslContext     the TLS context for wss (null: the JVM default)
 * @param limits         message and frame size, handshake size, closing timeout, water marks, how long a closing
 *                       connection lingers ({@link ServerLimits#closeLinger()})
 */
public record ClientOptions(List<String> subprotocols, List<ExtensionFactory> extensions, List<HttpHeader> headers,
        String origin, Duration connectTimeout, InetSocketAddress proxy, SSLContext sslContext, ServerLimits limits) {

    public static final ClientOptions DEFAULTS = builder().build();

    public ClientOptions {
        subprotocols = List.copyOf(subprotocols);
        extensions = List.copyOf(extensions);
        headers = List.copyOf(headers);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(limits, "limits");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ClientOptions}. */
    public static final class Builder {
        private List<String> subprotocols = List.of();
        private List<ExtensionFactory> extensions = List.of();
        private List<HttpHeader> headers = List.of();
        private String origin;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private InetSocketAddress proxy;
        private SSLContext sslContext;
        /** The client keeps the engine's 16 MiB messages: it talks to one server, and no budget applies to it. */
        private ServerLimits limits = ServerLimits.DEFAULTS.withProtocol(ProtocolLimits.DEFAULTS);

        private Builder() {
        }

        public Builder subprotocols(List<String> protocols) {
            this.subprotocols = List.copyOf(protocols);
            return this;
        }

        public Builder extensions(List<ExtensionFactory> factories) {
            this.extensions = List.copyOf(factories);
            return this;
        }

        public Builder headers(List<HttpHeader> more) {
            this.headers = List.copyOf(more);
            return this;
        }

        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Tunnel through this HTTP proxy ({@code CONNECT host:port}, RFC 9110 section 9.3.6). */
        public Builder proxy(InetSocketAddress proxy) {
            this.proxy = proxy;
            return this;
        }

        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        public Builder limits(ServerLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public ClientOptions build() {
            return new ClientOptions(subprotocols, extensions, headers, origin, connectTimeout, proxy, sslContext,
                    limits);
        }
    }
}
