package org.campusmirror.ws.protocol;

/**
 * How a {@link WebSocketConnection} hands received data messages
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.4">RFC 6455 section 5.4</a>) to its
 * {@link WebSocketListener}.
 */
public enum MessageDelivery {
    /** Each message once, complete and in one buffer (up to {@link ProtocolLimits#maxMessageSize()}). */
    WHOLE_MESSAGES,
    /** Each message as start, data chunks as they arrive, end: nothing is assembled, memory stays flat. */
    STREAMED
}
