package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The events of one {@link WebSocketConnection}, called from within
 * {@link WebSocketConnection#receive(ByteBuffer)} (and {@link WebSocketConnection#transportClosed()}) on the
 * transport's thread. Every method has an empty default.
 *
 * <p>Buffers passed in are the engine's (often the transport's read buffer itself): read them during the
 * call, between position and limit, and copy what you keep. The engine resets them afterwards. A listener
 * may call the connection's send and close methods from inside any event.
 *
 * <p>With {@link MessageDelivery#WHOLE_MESSAGES} (the default) a data message arrives once, complete, as
 * {@link #onText} / {@link #onTextUtf8} or {@link #onBinary}. With {@link MessageDelivery#STREAMED} it arrives
 * as {@link #onMessageStart}, any number of {@link #onMessageData}, then {@link #onMessageEnd}; text data is
 * UTF-8 checked before each chunk is delivered (a chunk may end inside a code point).
 *
 * <p>References: messages and fragmentation, <a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.4">RFC
 * 6455 section 5.4</a>; control frames, section 5.5; closing, section 7.
 */
@ConsumerType
public interface WebSocketListener {

    /** A complete text message, already validated. The default decodes it and calls {@link #onText}. */
    default void onTextUtf8(WebSocketConnection connection, ByteBuffer utf8) {
        onText(connection, StandardCharsets.UTF_8.decode(utf8).toString());
    }

    /** A complete text message, decoded (called by the default {@link #onTextUtf8}). */
    default void onText(WebSocketConnection connection, String text) {
    }

    /** A complete binary message. */
    default void onBinary(WebSocketConnection connection, ByteBuffer data) {
    }

    /** {@link MessageDelivery#STREAMED}: a message of {@code type} (TEXT or BINARY) begins. */
    default void onMessageStart(WebSocketConnection connection, OpCode type) {
    }

    /** {@link MessageDelivery#STREAMED}: the next bytes of the current message (decoded, validated). */
    default void onMessageData(WebSocketConnection connection, ByteBuffer data) {
    }

    /** {@link MessageDelivery#STREAMED}: the current message is complete (and valid UTF-8 if text). */
    default void onMessageEnd(WebSocketConnection connection) {
    }

    /** A ping arrived; the engine has already queued the pong (RFC 6455 section 5.5.2). */
    default void onPing(WebSocketConnection connection, ByteBuffer payload) {
    }

    /** A pong arrived (RFC 6455 section 5.5.3). */
    default void onPong(WebSocketConnection connection, ByteBuffer payload) {
    }

    /**
     * The peer's close frame arrived (RFC 6455 section 5.5.1). The engine has already answered it; no more
     * messages will be delivered. {@code code} is {@link CloseStatus#NO_STATUS} when the frame had no payload.
     */
    default void onCloseReceived(WebSocketConnection connection, int code, String reason) {
    }

    /**
     * The peer broke the protocol or a limit; the engine failed the connection with {@code e.closeCode()}
     * (close frame queued, {@link WebSocketConnection#shouldCloseTransport()} true). A transport logs this.
     */
    default void onError(WebSocketConnection connection, WebSocketProtocolException e) {
    }

    /**
     * The connection is over: the transport reported the TCP connection closed. Called exactly once.
     * {@code code} is the peer's close code, {@link CloseStatus#NO_STATUS} if its close frame had none, or
     * {@link CloseStatus#ABNORMAL} (1006) if no close frame arrived (RFC 6455 section 7.1.5).
     */
    default void onClose(WebSocketConnection connection, int code, String reason) {
    }
}
