package org.campusmirror.ws.server;

import java.io.IOException;

/**
 * A client's opening handshake failed (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-4.1">RFC 6455
 * section 4.1</a>): the server (or the proxy) answered something other than a valid {@code 101}.
 */
public final class WebSocketHandshakeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public WebSocketHandshakeException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the server or proxy answered (0 when no response arrived). */
    public int status() {
        return status;
    }
}
