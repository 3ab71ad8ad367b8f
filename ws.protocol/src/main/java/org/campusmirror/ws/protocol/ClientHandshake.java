package org.campusmirror.ws.protocol;

import static org.campusmirror.ws.protocol.internal.HandshakeHeaders.CONNECTION;
import static org.campusmirror.ws.protocol.internal.HandshakeHeaders.HOST;
import static org.campusmirror.ws.protocol.internal.HandshakeHeaders.ORIGIN;
import static org.campusmirror.ws.protocol.internal.HandshakeHeaders.SEC_WEBSOCKET_ACCEPT;
import static org.campusmirror.ws.protocol.internal.HandshakeHeaders.SEC_WEBSOCKET_EXTENSIONS;
import static org.campusmirror.ws.protocol.internal.HandshakeHeaders.SEC_WEBSOCKET_KEY;
import static org.campusmirror.ws.protocol.internal.HandshakeHeaders.SEC_WEBSOCKET_ORIGIN;
import static org.campusmirror.ws.protocol.internal.HandshakeHeaders.SEC_WEBSOCKET_PROTOCOL;
import static org.campusmirror.ws.protocol.internal.HandshakeHeaders.SEC_WEBSOCKET_VERSION;
import static org.campusmirror.ws.protocol.internal.HandshakeHeaders.UPGRADE;
import static org.campusmirror.ws.protocol.internal.HandshakeHeaders.WEBSOCKET;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.campusmirror.ws.protocol.internal.HandshakeHeaders;
import org.campusmirror.ws.protocol.internal.NegotiatedExtensions;

/**
 * The client side of the opening handshake
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-4.1">RFC 6455 section 4.1</a>): builds the request
 * with a fresh random key and validates the server's response.
 *
 * <p>The response must be {@code 101} with {@code Upgrade: websocket}, {@code Connection: upgrade}, the right
 * {@code Sec-WebSocket-Accept}, no other {@code Sec-WebSocket-Version}, a subprotocol only if it is one we
 * offered (none is fine: RFC 6455 then means no subprotocol), and only extensions we offered, each at most
 * once (section 9.1). Anything else fails the connection. One instance per connection attempt.
 */
public final class ClientHandshake {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String host;
    private final String target;
    private final String origin;
    private final int version;
    private final List<String> subprotocols;
    private final List<ExtensionFactory> extensions;
    private final List<HttpHeader> extraHeaders;
    private final ProtocolLimits limits;
    private final String key;

    private ClientHandshake(Builder b) {
        this.host = b.host;
        this.target = b.target;
        this.origin = b.origin;
        this.version = b.version;
        this.subprotocols = List.copyOf(b.subprotocols);
        this.extensions = List.copyOf(b.extensions);
        this.extraHeaders = List.copyOf(b.extraHeaders);
        this.limits = b.limits;
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        this.key = Base64.getEncoder().encodeToString(nonce);
    }

    /**
     * @param host   the Host header value: host name and, unless default, {@code :port}
     * @param target the request target, e.g. {@code /mirror}
     */
    public static Builder builder(String host, String target) {
        return new Builder(host, target);
    }

    /** The Sec-WebSocket-Key sent (base64 of 16 random bytes). */
    public String key() {
        return key;
    }

    /** The request bytes to write. */
    public ByteBuffer request() {
        StringBuilder head = new StringBuilder(256)
                .append("GET ").append(target).append(" HTTP/1.1\r\n")
                .append(HOST).append(": ").append(host).append("\r\n")
                .append(UPGRADE).append(": websocket\r\n")
                .append(CONNECTION).append(": Upgrade\r\n")
                .append(SEC_WEBSOCKET_KEY).append(": ").append(key).append("\r\n")
                .append(SEC_WEBSOCKET_VERSION).append(": ").append(version).append("\r\n");
        if (origin != null) {
            head.append(version == 8 ? SEC_WEBSOCKET_ORIGIN : ORIGIN).append(": ").append(origin).append("\r\n");
        }
        if (!subprotocols.isEmpty()) {
            head.append(SEC_WEBSOCKET_PROTOCOL).append(": ").append(String.join(", ", subprotocols)).append("\r\n");
        }
        List<ExtensionOffer> offers = new ArrayList<>();
        extensions.forEach(f -> offers.addAll(f.offers()));
        if (!offers.isEmpty()) {
            head.append(SEC_WEBSOCKET_EXTENSIONS).append(": ").append(ExtensionOffer.formatHeader(offers)).append("\r\n");
        }
        for (HttpHeader h : extraHeaders) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        return ByteBuffer.wrap(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A parser for the server's response head, limited to {@link ProtocolLimits#maxHandshakeBytes()}. */
    public HttpHeadParser newResponseParser() {
        return new HttpHeadParser(limits.maxHandshakeBytes());
    }

    /**
     * Validates the server's response.
     *
     * @throws HandshakeException when the connection must be failed; its status is the response's status
     */
    public Accepted validate(HttpResponseHead response) throws HandshakeException {
        int status = response.status();
        if (status != 101) {
            throw new HandshakeException(status, "unexpected server response " + status);
        }
        if (!response.listHeaderContains(UPGRADE, WEBSOCKET)) {
            throw new HandshakeException(status, "missing or invalid Upgrade header in the response");
        }
        if (!response.listHeaderContains(CONNECTION, "upgrade")) {
            throw new HandshakeException(status, "missing or invalid Connection header in the response");
        }
        if (!HandshakeHeaders.acceptFor(key).equals(response.singleHeader(SEC_WEBSOCKET_ACCEPT))) {
            throw new HandshakeException(status, "missing or wrong Sec-WebSocket-Accept");
        }
        if (response.headerCount(SEC_WEBSOCKET_VERSION) > 0
                && !String.valueOf(version).equals(response.singleHeader(SEC_WEBSOCKET_VERSION))) {
            throw new HandshakeException(status, "the server answered another Sec-WebSocket-Version");
        }
        String subprotocol = subprotocol(response);
        return new Accepted(response, subprotocol, extensions(response));
    }

    private String subprotocol(HttpResponseHead response) throws HandshakeException {
        if (response.headerCount(SEC_WEBSOCKET_PROTOCOL) == 0) {
            return null;
        }
        String chosen = response.singleHeader(SEC_WEBSOCKET_PROTOCOL);
        if (chosen == null || !subprotocols.contains(chosen)) {
            throw new HandshakeException(response.status(), "the server chose a subprotocol we did not offer");
        }
        return chosen;
    }

    private List<Extension> extensions(HttpResponseHead response) throws HandshakeException {
        String header = response.joinedHeader(SEC_WEBSOCKET_EXTENSIONS);
        if (header == null) {
            return List.of();
        }
        List<ExtensionOffer> answers = ExtensionOffer.parseHeader(header);
        NegotiatedExtensions negotiated = new NegotiatedExtensions();
        Set<String> seen = new HashSet<>();
        try {
            for (ExtensionOffer answer : answers) {
                ExtensionFactory factory = NegotiatedExtensions.find(extensions, answer.name());
                if (factory == null || !seen.add(answer.name().toLowerCase(java.util.Locale.ROOT))) {
                    throw new HandshakeException(response.status(), "the server accepted an extension we did not offer: "
                            + answer.name());
                }
                if (!negotiated.add(factory.acceptResponse(answer))) {
                    throw new HandshakeException(response.status(), "two extensions claim the same RSV bit");
                }
            }
        } catch (HandshakeException | RuntimeException e) {
            negotiated.closeAll();
            throw e;
        }
        return negotiated.list();
    }

    /**
     * A valid server response; build the connection with {@link WebSocketConnection.Builder#negotiated}.
     *
     * @param response    the server's response head
     * @param subprotocol the subprotocol the server chose, or null
     * @param extensions  the negotiated extensions, in the server's order
     */
    public record Accepted(HttpResponseHead response, String subprotocol, List<Extension> extensions)
            implements Negotiated {

        public Accepted {
            Objects.requireNonNull(response, "response");
            extensions = List.copyOf(extensions);
        }
    }

    /** Options of a client handshake. */
    public static final class Builder {
        private final String host;
        private final String target;
        private String origin;
        private int version = 13;
        private List<String> subprotocols = List.of();
        private List<ExtensionFactory> extensions = List.of();
        private List<HttpHeader> extraHeaders = List.of();
        private ProtocolLimits limits = ProtocolLimits.DEFAULTS;

        private Builder(String host, String target) {
            this.host = Objects.requireNonNull(host, "host");
            this.target = Objects.requireNonNull(target, "target");
            if (!target.startsWith("/") || target.chars().anyMatch(c -> c <= ' ' || c >= 0x7F)) {
                throw new IllegalArgumentException("request target must be an absolute path: " + target);
            }
        }

        /** The Origin to declare (browsers always do; other clients may). */
        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        /** 13 (RFC 6455, default) or 8 (HyBi drafts 07-12). */
        public Builder version(int version) {
            if (version != 13 && version != 8) {
                throw new IllegalArgumentException("supported versions are 13 and 8: " + version);
            }
            this.version = version;
            return this;
        }

        public Builder subprotocols(List<String> protocols) {
            for (String p : protocols) {
                if (!HttpTokens.isToken(p)) {
                    throw new IllegalArgumentException("subprotocol is not a token: " + p);
                }
            }
            this.subprotocols = List.copyOf(protocols);
            return this;
        }

        public Builder extensions(List<ExtensionFactory> factories) {
            this.extensions = List.copyOf(factories);
            return this;
        }

        /** More request headers (authentication, cookies). */
        public Builder headers(List<HttpHeader> headers) {
            this.extraHeaders = List.copyOf(headers);
            return this;
        }

        public Builder limits(ProtocolLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public ClientHandshake build() {
            return new ClientHandshake(this);
        }
    }
}
