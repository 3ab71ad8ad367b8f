package org.campusmirror.ws.protocol;

/**
 * The peer broke RFC 6455 (or a configured limit); the connection must be failed with
 * {@link #closeCode()} as <a href="https://www.rfc-editor.org/rfc/rfc6455#section-7.1.7">section 7.1.7</a>
 * describes.
 */
public final class WebSocketProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int closeCode;

    /** @param closeCode one of {@link CloseStatus}: 1002, 1007, 1008, 1009, 1010 or 1011 */
    public WebSocketProtocolException(int closeCode, String message) {
        super(message);
        this.closeCode = closeCode;
    }

    /** The close code to send when failing the connection. */
    public int closeCode() {
        return closeCode;
    }
}
