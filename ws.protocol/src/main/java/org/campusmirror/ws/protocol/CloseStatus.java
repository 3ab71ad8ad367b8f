package org.campusmirror.ws.protocol;

/**
 * Close status codes of <a href="https://www.rfc-editor.org/rfc/rfc6455#section-7.4">RFC 6455 section 7.4</a>
 * and the <a href="https://www.iana.org/assignments/websocket/websocket.xhtml">IANA registry</a>.
 *
 * <p>{@link #isValidOnWire(int)} decides whether a code may appear in a close frame. Like the Node.js
 * {@code ws} library we accept 1000-1003, 1007-1014 and 3000-4999; 1004 is reserved and 1005, 1006 and
 * 1015 are only ever reported locally, never sent.
 */
public final class CloseStatus {
    /** 1000: the purpose of the connection has been fulfilled. */
    public static final int NORMAL = 1000;
    /** 1001: an endpoint is going away (server shutdown, page navigation). */
    public static final int GOING_AWAY = 1001;
    /** 1002: the peer broke the protocol. */
    public static final int PROTOCOL_ERROR = 1002;
    /** 1003: a data type the endpoint cannot accept. */
    public static final int UNSUPPORTED_DATA = 1003;
    /** 1005: reported locally when a close frame carried no status code. Never on the wire. */
    public static final int NO_STATUS = 1005;
    /** 1006: reported locally when the connection ended without a close frame. Never on the wire. */
    public static final int ABNORMAL = 1006;
    /** 1007: data inconsistent with the message type, e.g. invalid UTF-8 in a text message. */
    public static final int INVALID_PAYLOAD = 1007;
    /** 1008: a message violates the endpoint's policy. */
    public static final int POLICY_VIOLATION = 1008;
    /** 1009: a frame or message is too big to process. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** 1010: the client expected the server to negotiate an extension. */
    public static final int MANDATORY_EXTENSION = 1010;
    /** 1011: the server met an unexpected condition. */
    public static final int INTERNAL_ERROR = 1011;
    /** 1012: the service is restarting. */
    public static final int SERVICE_RESTART = 1012;
    /** 1013: try again later. */
    public static final int TRY_AGAIN_LATER = 1013;
    /** 1014: a gateway received an invalid response. */
    public static final int BAD_GATEWAY = 1014;
    /** 1015: reported locally when the TLS handshake failed. Never on the wire. */
    public static final int TLS_HANDSHAKE = 1015;

    private CloseStatus() {
    }

    /** Whether {@code code} may be sent or received in a close frame (RFC 6455 section 7.4.1 / 7.4.2). */
    public static boolean isValidOnWire(int code) {
        return (code >= 1000 && code <= 1003)
                || (code >= 1007 && code <= 1014)
                || (code >= 3000 && code <= 4999);
    }
}
