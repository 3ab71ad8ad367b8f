package org.campusmirror.ws.protocol;

import java.util.List;

/**
 * The opening handshake (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-4">RFC 6455 section
 * 4</a>) failed. On the server side {@link #status()} is the HTTP status to answer with (400 malformed, 403
 * origin refused, 405 not GET, 426 unsupported version, 431 head too large) and {@link #rejection()} renders
 * the response. On the client side the connection must be failed (section 4.1) and the status is only
 * informative.
 */
public final class HandshakeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final List<HttpHeader> headers;

    public HandshakeException(int status, String message) {
        this(status, message, List.of());
    }

    /** @param headers extra response headers, e.g. {@code Sec-WebSocket-Version: 13, 8} with a 426 */
    public HandshakeException(int status, String message, List<HttpHeader> headers) {
        super(message);
        this.status = status;
        this.headers = List.copyOf(headers);
    }

    /** The HTTP status for the rejection. */
    public int status() {
        return status;
    }

    /** Extra headers the rejection must carry. */
    public List<HttpHeader> headers() {
        return headers;
    }

    /** The HTTP response a server sends before closing the connection. */
    public HandshakeRejection rejection() {
        return new HandshakeRejection(status, headers, getMessage());
    }
}
