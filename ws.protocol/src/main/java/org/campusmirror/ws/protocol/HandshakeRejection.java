package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * An HTTP error response that refuses an opening handshake
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2">RFC 6455 section 4.2.2</a>); the
 * transport writes {@link #toBytes()} and closes the connection.
 *
 * @param status  the HTTP status code, 400-599
 * @param headers extra headers (e.g. {@code Sec-WebSocket-Version} with 426)
 * @param body    a short plain-text explanation
 */
public record HandshakeRejection(int status, List<HttpHeader> headers, String body) {

    public HandshakeRejection {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a rejection has a 4xx or 5xx status: " + status);
        }
        headers = List.copyOf(headers);
        body = Objects.requireNonNullElse(body, "");
    }

    /** A rejection with no extra headers and the status's reason phrase as body. */
    public static HandshakeRejection of(int status) {
        return new HandshakeRejection(status, List.of(), reasonPhrase(status));
    }

    /** The complete response: status line, headers ({@code Connection: close}) and body. */
    public ByteBuffer toBytes() {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(128)
                .append("HTTP/1.1 ").append(status).append(' ').append(reasonPhrase(status)).append("\r\n")
                .append("Connection: close\r\n")
                .append("Content-Type: text/plain; charset=utf-8\r\n")
                .append("Content-Length: ").append(content.length).append("\r\n");
        for (HttpHeader header : headers) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocate(headBytes.length + content.length).put(headBytes).put(content).flip();
    }

    /** The standard reason phrase for the statuses a handshake can end with. */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 101 -> "Switching Protocols";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 426 -> "Upgrade Required";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> status < 500 ? "Client Error" : "Server Error";
        };
    }
}
