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
import static org.campusmirror.ws.protocol.internal.HandshakeHeaders.SUPPORTED_VERSIONS;
import static org.campusmirror.ws.protocol.internal.HandshakeHeaders.UPGRADE;
import static org.campusmirror.ws.protocol.internal.HandshakeHeaders.WEBSOCKET;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.campusmirror.ws.protocol.internal.HandshakeHeaders;
import org.campusmirror.ws.protocol.internal.NegotiatedExtensions;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The server side of the opening handshake
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-4.2">RFC 6455 section 4.2</a>): validates a
 * client's request, negotiates subprotocol and extensions, and produces the 101 response or a rejection.
 *
 * <p>Checks, in order, with the status each failure gets: method GET (405), HTTP/1.1 or later (400),
 * exactly one Host (400), {@code Upgrade: websocket} (400), {@code Connection} listing {@code upgrade} (400),
 * {@code Sec-WebSocket-Version} 13 or 8 (426 with {@code Sec-WebSocket-Version: 13, 8}, section 4.4), one
 * {@code Sec-WebSocket-Key} that is base64 of 16 bytes (400), the origin policy ({@code Origin}, or
 * {@code Sec-WebSocket-Origin} for version 8; 403), a well-formed {@code Sec-WebSocket-Protocol} token list
 * (400) and {@code Sec-WebSocket-Extensions} (section 9.1; 400). Immutable and thread-safe: one instance
 * serves every connection of an endpoint.
 */
public final class ServerHandshake {

    /** Picks the subprotocol from the client's offers (in the client's order), or returns null for none. */
    @ConsumerType
    @FunctionalInterface
    public interface SubprotocolSelector {
        String select(List<String> offered);
    }

    /** Decides whether a request's origin may connect; {@code origin} is null when the request has none. */
    @ConsumerType
    @FunctionalInterface
    public interface OriginPolicy {
        boolean allows(String origin);
    }

    private final ProtocolLimits limits;
    private final SubprotocolSelector subprotocols;
    private final List<ExtensionFactory> extensions;
    private final OriginPolicy originPolicy;

    private ServerHandshake(Builder b) {
        this.limits = b.limits;
        this.subprotocols = b.subprotocols;
        this.extensions = List.copyOf(b.extensions);
        this.originPolicy = b.originPolicy;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A parser for one incoming request head, limited to {@link ProtocolLimits#maxHandshakeBytes()}. */
    public HttpHeadParser newRequestParser() {
        return new HttpHeadParser(limits.maxHandshakeBytes());
    }

    /**
     * Validates {@code request} and negotiates. On success the caller writes {@link Accepted#response()} and
     * builds the connection with {@link WebSocketConnection.Builder#negotiated(Negotiated)}.
     *
     * @throws HandshakeException with the status to answer ({@link HandshakeException#rejection()})
     */
    public Accepted accept(HttpRequestHead request) throws HandshakeException {
        if (!"GET".equals(request.method())) {
            throw new HandshakeException(405, "the opening handshake is a GET request",
                    List.of(new HttpHeader("Allow", "GET")));
        }
        if (!isHttp11OrLater(request.version())) {
            throw new HandshakeException(400, "the opening handshake needs HTTP/1.1");
        }
        if (request.headerCount(HOST) != 1 || request.singleHeader(HOST).isEmpty()) {
            throw new HandshakeException(400, "missing or repeated Host header");
        }
        if (!request.listHeaderContains(UPGRADE, WEBSOCKET)) {
            throw new HandshakeException(400, "missing or invalid Upgrade header");
        }
        if (!request.listHeaderContains(CONNECTION, "upgrade")) {
            throw new HandshakeException(400, "missing or invalid Connection header");
        }
        int version = version(request);
        String key = request.singleHeader(SEC_WEBSOCKET_KEY);
        if (!HandshakeHeaders.isValidKey(key)) {
            throw new HandshakeException(400, "missing or invalid Sec-WebSocket-Key header");
        }
        String origin = request.singleHeader(version == 8 ? SEC_WEBSOCKET_ORIGIN : ORIGIN);
        if (!originPolicy.allows(origin)) {
            throw new HandshakeException(403, "origin not allowed");
        }
        String subprotocol = selectSubprotocol(request);
        List<Extension> negotiated = negotiateExtensions(request);
        return new Accepted(request, version, key, origin, subprotocol, negotiated, List.of());
    }

    private static int version(HttpRequestHead request) throws HandshakeException {
        String value = request.singleHeader(SEC_WEBSOCKET_VERSION);
        if ("13".equals(value)) {
            return 13;
        }
        if ("8".equals(value)) {
            return 8;
        }
        throw new HandshakeException(426, "unsupported Sec-WebSocket-Version",
                List.of(new HttpHeader(SEC_WEBSOCKET_VERSION, SUPPORTED_VERSIONS)));
    }

    private String selectSubprotocol(HttpRequestHead request) throws HandshakeException {
        if (request.headerCount(SEC_WEBSOCKET_PROTOCOL) == 0) {
            return null;
        }
        Set<String> offered = new LinkedHashSet<>();
        for (String protocol : request.listHeader(SEC_WEBSOCKET_PROTOCOL)) {
            if (!HttpTokens.isToken(protocol) || !offered.add(protocol)) {
                throw new HandshakeException(400, "invalid Sec-WebSocket-Protocol header");
            }
        }
        if (offered.isEmpty()) {
            throw new HandshakeException(400, "empty Sec-WebSocket-Protocol header");
        }
        String selected = subprotocols.select(List.copyOf(offered));
        if (selected != null && !offered.contains(selected)) {
            throw new IllegalStateException("the subprotocol selector chose one the client did not offer: " + selected);
        }
        return selected;
    }

    private List<Extension> negotiateExtensions(HttpRequestHead request) throws HandshakeException {
        String header = request.joinedHeader(SEC_WEBSOCKET_EXTENSIONS);
        if (header == null || extensions.isEmpty()) {
            return List.of();
        }
        List<ExtensionOffer> offers = ExtensionOffer.parseHeader(header);
        NegotiatedExtensions negotiated = new NegotiatedExtensions();
        try {
            // The client's order of first appearance decides the order extensions apply in.
            for (String name : namesInOrder(offers)) {
                ExtensionFactory factory = NegotiatedExtensions.find(extensions, name);
                if (factory == null) {
                    continue;
                }
                List<ExtensionOffer> sameName = offers.stream().filter(o -> o.name().equalsIgnoreCase(name)).toList();
                Optional<Extension> extension = factory.acceptOffer(sameName);
                if (extension.isPresent() && !negotiated.add(extension.get())) {
                    throw new IllegalStateException("extensions " + name + " and another claim the same RSV bit");
                }
            }
        } catch (HandshakeException | RuntimeException e) {
            negotiated.closeAll();
            throw e;
        }
        return negotiated.list();
    }

    private static List<String> namesInOrder(List<ExtensionOffer> offers) {
        Set<String> names = new LinkedHashSet<>();
        for (ExtensionOffer offer : offers) {
            names.add(offer.name().toLowerCase(java.util.Locale.ROOT));
        }
        return List.copyOf(names);
    }

    private static boolean isHttp11OrLater(String version) {
        int major = version.charAt(5) - '0';
        int minor = version.charAt(7) - '0';
        return major > 1 || (major == 1 && minor >= 1);
    }

    /**
     * A successful handshake. It owns the negotiated extensions until a connection takes them; call
     * {@link #discard()} if no connection is built.
     *
     * @param request      the client's request (path, headers for routing and authentication)
     * @param version      13, or 8 for HyBi drafts 07-12
     * @param key          the client's Sec-WebSocket-Key
     * @param origin       the origin the client declared, or null
     * @param subprotocol  the selected subprotocol, or null
     * @param extensions   the negotiated extensions, in order
     * @param extraHeaders more headers for the 101 response (e.g. Set-Cookie)
     */
    public record Accepted(HttpRequestHead request, int version, String key, String origin, String subprotocol,
            List<Extension> extensions, List<HttpHeader> extraHeaders) implements Negotiated {

        public Accepted {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(key, "key");
            extensions = List.copyOf(extensions);
            extraHeaders = List.copyOf(extraHeaders);
        }

        /** The same handshake with one more response header. */
        public Accepted withHeader(String name, String value) {
            List<HttpHeader> more = new ArrayList<>(extraHeaders);
            more.add(new HttpHeader(name, value));
            return new Accepted(request, version, key, origin, subprotocol, extensions, more);
        }

        /** The {@code 101 Switching Protocols} response (RFC 6455 section 4.2.2 item 5). */
        public ByteBuffer response() {
            StringBuilder head = new StringBuilder(256)
                    .append("HTTP/1.1 101 Switching Protocols\r\n")
                    .append(UPGRADE).append(": websocket\r\n")
                    .append(CONNECTION).append(": Upgrade\r\n")
                    .append(SEC_WEBSOCKET_ACCEPT).append(": ").append(HandshakeHeaders.acceptFor(key)).append("\r\n");
            if (subprotocol != null) {
                head.append(SEC_WEBSOCKET_PROTOCOL).append(": ").append(subprotocol).append("\r\n");
            }
            if (!extensions.isEmpty()) {
                head.append(SEC_WEBSOCKET_EXTENSIONS).append(": ")
                        .append(ExtensionOffer.formatHeader(extensions.stream().map(Extension::negotiated).toList()))
                        .append("\r\n");
            }
            for (HttpHeader h : extraHeaders) {
                head.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
            return ByteBuffer.wrap(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Releases the extensions when no connection will be built from this handshake. */
        public void discard() {
            extensions.forEach(Extension::close);
        }
    }

    /** Options of a server handshake; all have defaults (no subprotocol, no extension, any origin). */
    public static final class Builder {
        private ProtocolLimits limits = ProtocolLimits.DEFAULTS;
        private SubprotocolSelector subprotocols = offered -> null;
        private List<ExtensionFactory> extensions = List.of();
        private OriginPolicy originPolicy = origin -> true;

        private Builder() {
        }

        public Builder limits(ProtocolLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Supported subprotocols: the first the client offers that is among them is selected. */
        public Builder subprotocols(List<String> supported) {
            List<String> copy = List.copyOf(supported);
            this.subprotocols = offered -> offered.stream().filter(copy::contains).findFirst().orElse(null);
            return this;
        }

        public Builder subprotocolSelector(SubprotocolSelector selector) {
            this.subprotocols = Objects.requireNonNull(selector, "selector");
            return this;
        }

        /** Extensions the server is willing to negotiate. */
        public Builder extensions(List<ExtensionFactory> factories) {
            this.extensions = List.copyOf(factories);
            return this;
        }

        public Builder originPolicy(OriginPolicy policy) {
            this.originPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public ServerHandshake build() {
            return new ServerHandshake(this);
        }
    }
}
