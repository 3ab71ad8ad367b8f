package org.campusmirror.ws.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The events of {@link WebSocket} connections, called on the connection's I/O thread: never block in them
 * (hand long work to an executor). Every method has an empty default. One handler may serve many
 * connections: each call names its connection.
 *
 * <p>Buffers passed in are valid during the call only (often they are the I/O thread's read buffer): copy
 * what you keep. Messages arrive whole (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.4">RFC 6455
 * section 5.4</a>: fragments are assembled, up to {@link ServerLimits#protocol()}'s message size).
 */
@ConsumerType
public interface WebSocketHandler {

    /** The connection is open: the handshake completed. */
    default void onOpen(WebSocket socket) {
    }

    /** A text message as UTF-8 bytes, already validated. The default decodes it and calls {@link #onText}. */
    default void onTextUtf8(WebSocket socket, ByteBuffer utf8) {
        onText(socket, StandardCharsets.UTF_8.decode(utf8).toString());
    }

    /** A text message, decoded (called by the default {@link #onTextUtf8}). */
    default void onText(WebSocket socket, String text) {
    }

    /** A binary message. */
    default void onBinary(WebSocket socket, ByteBuffer data) {
    }

    /** A ping arrived; the pong has been queued already. */
    default void onPing(WebSocket socket, ByteBuffer payload) {
    }

    /** A pong arrived (an answer to a heartbeat or to {@link WebSocket#ping}). */
    default void onPong(WebSocket socket, ByteBuffer payload) {
    }

    /**
     * The outbound queue fell below {@link ServerLimits#lowWaterBytes()} after it had been above
     * {@link ServerLimits#highWaterBytes()}: a good time to produce more.
     */
    default void onDrain(WebSocket socket) {
    }

    /**
     * The connection is over (called once): {@code code} is the peer's close code, 1005 when its close frame
     * had none, or 1006 when the connection ended without a closing handshake (RFC 6455 section 7.1.5).
     */
    default void onClose(WebSocket socket, int code, String reason) {
    }

    /** The peer broke the protocol or a limit; the connection is failing with the code in the message. */
    default void onError(WebSocket socket, Exception error) {
    }
}
