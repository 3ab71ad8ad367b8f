package org.campusmirror.ws.autobahn;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The peer's own opening handshake (RFC 6455 section 4) for both roles, with the permessage-deflate
 * negotiation of the case (RFC 7692 section 5). Each instance handles one connection: feed it bytes
 * until {@link #done()}; the bytes after the HTTP head are the first frames.
 */
final class OpeningHandshake {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_HEAD = 64 * 1024;

    private final boolean peerIsServer;
    private final DeflateNegotiation.Setup deflate;
    private final StringBuilder head = new StringBuilder();
    private String key;
    private boolean done;
    private String failure;
    private byte[] response;
    private DeflateNegotiation.Parameters parameters;
    private ByteBuffer leftover = ByteBuffer.allocate(0);
    private String requestText;

    OpeningHandshake(boolean peerIsServer, DeflateNegotiation.Setup deflate) {
        this.peerIsServer = peerIsServer;
        this.deflate = deflate;
    }

    /** The peer as client: its Upgrade request. */
    byte[] clientRequest(String host, int port, String path, Random random) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        key = Base64.getEncoder().encodeToString(nonce);
        StringBuilder request = new StringBuilder();
        request.append("GET ").append(path).append(" HTTP/1.1\r\n");
        request.append("User-Agent: CampusMirror-AutobahnPeer/0.1\r\n");
        request.append("Host: ").append(host).append(':').append(port).append("\r\n");
        request.append("Upgrade: WebSocket\r\n");
        request.append("Connection: Upgrade\r\n");
        request.append("Pragma: no-cache\r\n");
        request.append("Cache-Control: no-cache\r\n");
        request.append("Sec-WebSocket-Key: ").append(key).append("\r\n");
        request.append("Sec-WebSocket-Version: 13\r\n");
        if (deflate != null && !deflate.clientOffers().isEmpty()) {
            request.append("Sec-WebSocket-Extensions: ")
                    .append(String.join(", ", deflate.clientOffers().stream()
                            .map(DeflateNegotiation.Offer::headerValue).toList()))
                    .append("\r\n");
        }
        request.append("\r\n");
        requestText = request.toString();
        return requestText.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Feeds bytes; returns true once the HTTP head is complete (then see {@link #failure()}). */
    boolean feed(ByteBuffer bytes) {
        while (bytes.hasRemaining() && !done) {
            head.append((char) (bytes.get() & 0xFF));
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                done = true;
                leftover = bytes.slice();
                bytes.position(bytes.limit());
                if (peerIsServer) {
                    answerRequest(head.toString());
                } else {
                    checkResponse(head.toString());
                }
            } else if (head.length() > MAX_HEAD) {
                done = true;
                failure = "opening handshake head exceeds " + MAX_HEAD + " bytes";
            }
        }
        return done;
    }

    boolean done() {
        return done;
    }

    /** Why the handshake failed, or null. */
    String failure() {
        return failure;
    }

    /** The peer as server: the response to send (101, or 400 on failure). */
    byte[] response() {
        return response;
    }

    /** The negotiated permessage-deflate parameters, or null when none. */
    DeflateNegotiation.Parameters deflateParameters() {
        return parameters;
    }

    /** Bytes that followed the HTTP head. */
    ByteBuffer leftover() {
        return leftover;
    }

    /** The request and response heads, for reports. */
    String transcript() {
        return (requestText == null ? "" : requestText) + head;
    }

    private void checkResponse(String text) {
        String[] lines = text.split("\r\n");
        if (!lines[0].matches("HTTP/1\\.1 101( .*)?")) {
            failure = "server did not switch protocols: " + lines[0];
            return;
        }
        Map<String, String> headers = headers(lines);
        if (!"websocket".equalsIgnoreCase(headers.getOrDefault("upgrade", "").trim())) {
            failure = "missing or wrong Upgrade header: " + headers.get("upgrade");
            return;
        }
        if (!hasToken(headers.get("connection"), "upgrade")) {
            failure = "missing or wrong Connection header: " + headers.get("connection");
            return;
        }
        String accept = headers.get("sec-websocket-accept");
        if (accept == null || !accept.trim().equals(acceptFor(key))) {
            failure = "wrong Sec-WebSocket-Accept " + accept + ", expected " + acceptFor(key);
            return;
        }
        String extensions = headers.get("sec-websocket-extensions");
        if (extensions == null || extensions.isBlank()) {
            return;
        }
        try {
            for (Map.Entry<String, Map<String, String>> extension : DeflateNegotiation.parseHeader(extensions)) {
                if (!extension.getKey().equals(DeflateNegotiation.EXTENSION) || deflate == null
                        || deflate.clientOffers().isEmpty()) {
                    failure = "server wants to use extension '" + extension.getKey() + "' we did not request";
                    return;
                }
                if (parameters != null) {
                    failure = "multiple permessage-compress extensions used";
                    return;
                }
                parameters = DeflateNegotiation.Parameters.fromResponse(extension.getValue(), deflate.clientOffers());
            }
        } catch (IllegalArgumentException e) {
            failure = "invalid Sec-WebSocket-Extensions response: " + e.getMessage();
        }
    }

    private void answerRequest(String text) {
        String[] lines = text.split("\r\n");
        Map<String, String> headers = headers(lines);
        String problem = null;
        if (!lines[0].matches("GET \\S+ HTTP/1\\.1")) {
            problem = "not a GET HTTP/1.1 request line: " + lines[0];
        } else if (!"websocket".equalsIgnoreCase(headers.getOrDefault("upgrade", "").trim())) {
            problem = "missing or wrong Upgrade header: " + headers.get("upgrade");
        } else if (!hasToken(headers.get("connection"), "upgrade")) {
            problem = "missing or wrong Connection header: " + headers.get("connection");
        } else if (!"13".equals(headers.getOrDefault("sec-websocket-version", "").trim())) {
            problem = "Sec-WebSocket-Version is not 13: " + headers.get("sec-websocket-version");
        } else {
            key = headers.getOrDefault("sec-websocket-key", "").trim();
            if (!validKey(key)) {
                problem = "invalid Sec-WebSocket-Key: " + key;
            }
        }
        String extensionResponse = null;
        if (problem == null && headers.containsKey("sec-websocket-extensions")) {
            try {
                List<DeflateNegotiation.Offer> offers = new ArrayList<>();
                for (Map.Entry<String, Map<String, String>> extension
                        : DeflateNegotiation.parseHeader(headers.get("sec-websocket-extensions"))) {
                    if (extension.getKey().equals(DeflateNegotiation.EXTENSION)) {
                        offers.add(DeflateNegotiation.Offer.parse(extension.getValue()));
                    }
                }
                if (deflate != null && deflate.serverAccept() != null && !offers.isEmpty()) {
                    DeflateNegotiation.Accept accept = deflate.serverAccept().apply(offers);
                    if (accept != null) {
                        parameters = accept.parameters();
                        extensionResponse = accept.headerValue();
                    }
                }
            } catch (IllegalArgumentException e) {
                problem = "invalid permessage-deflate offer: " + e.getMessage();
            }
        }
        if (problem != null) {
            failure = "client's opening handshake refused: " + problem;
            response = ("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            return;
        }
        StringBuilder answer = new StringBuilder();
        answer.append("HTTP/1.1 101 Switching Protocols\r\n");
        answer.append("Server: CampusMirror-AutobahnPeer/0.1\r\n");
        answer.append("Upgrade: WebSocket\r\n");
        answer.append("Connection: Upgrade\r\n");
        answer.append("Sec-WebSocket-Accept: ").append(acceptFor(key)).append("\r\n");
        if (extensionResponse != null) {
            answer.append("Sec-WebSocket-Extensions: ").append(extensionResponse).append("\r\n");
        }
        answer.append("\r\n");
        requestText = text;
        head.setLength(0);
        head.append(answer);
        response = answer.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Map<String, String> headers(String[] lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                headers.merge(name, value, (first, second) -> first + ", " + second);
            }
        }
        return headers;
    }

    private static boolean hasToken(String header, String token) {
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            if (part.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean validKey(String key) {
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String acceptFor(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
