package org.campusmirror.ws.server;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.campusmirror.ws.protocol.HttpRequestHead;

/**
 * What the upgrade hook ({@link WebSocketEndpoint#upgrade}) sees of a client's opening handshake
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-4.1">RFC 6455 section 4.1</a>).
 *
 * @param head                the request head: method, target, headers
 * @param remoteAddress       the client, after trusted-proxy resolution ({@code Forwarded} /
 *                            {@code X-Forwarded-For} honoured only from a trusted proxy)
 * @param peerAddress         the TCP peer itself
 * @param secure              whether the connection is TLS (wss)
 * @param origin              the declared Origin, or null
 * @param offeredSubprotocols the client's {@code Sec-WebSocket-Protocol} list, in its order
 * @param selectedSubprotocol what the endpoint's options picked from that list, or null
 */
public record UpgradeRequest(HttpRequestHead head, InetSocketAddress remoteAddress, InetSocketAddress peerAddress,
        boolean secure, String origin, List<String> offeredSubprotocols, String selectedSubprotocol) {

    public UpgradeRequest {
        Objects.requireNonNull(head, "head");
        offeredSubprotocols = List.copyOf(offeredSubprotocols);
    }

    /** The path without query, e.g. {@code /mirror}. */
    public String path() {
        return head.path();
    }

    /** The raw query after {@code ?}, or the empty string. */
    public String query() {
        String target = head.target();
        int mark = target.indexOf('?');
        return mark < 0 ? "" : target.substring(mark + 1);
    }

    /** The query's parameters, decoded; a repeated name keeps its first value. */
    public Map<String, String> queryParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            parameters.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return parameters;
    }

    /** The value of the only header {@code name} (case-insensitive), or null when absent or repeated. */
    public String header(String name) {
        return head.singleHeader(name);
    }

    /** The values of every header {@code name}, in order. */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        head.headers().stream().filter(h -> h.is(name)).forEach(h -> values.add(h.value()));
        return values;
    }

    /** The value of cookie {@code name} from the {@code Cookie} headers, or null. */
    public String cookie(String name) {
        for (String header : headers("Cookie")) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                    return pair.substring(eq + 1).strip();
                }
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
