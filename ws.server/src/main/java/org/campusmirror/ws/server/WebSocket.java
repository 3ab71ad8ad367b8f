package org.campusmirror.ws.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One open WebSocket connection (<a href="https://www.rfc-editor.org/rfc/rfc6455">RFC 6455</a>), server or
 * client side, as the application sees it: like the {@code WebSocket} of Node's {@code ws} library.
 *
 * <p>Every method may be called from any thread. Calls on the connection's I/O thread (inside a
 * {@link WebSocketHandler} callback) act at once; calls from other threads are handed to that thread in
 * order, and their bytes are copied first, so the caller may reuse its buffers on return. Sends after the
 * connection started closing return false and are dropped.
 */
@ProviderType
public interface WebSocket {

    /** Sends a text message. Returns false when the connection no longer sends. */
    boolean sendText(CharSequence text);

    /**
     * Sends a text message given as UTF-8 bytes (between position and limit; left as they were).
     *
     * @throws IllegalArgumentException when the bytes are not valid UTF-8
     */
    boolean sendText(ByteBuffer utf8);

    /** Sends a binary message (bytes between position and limit; left as they were). */
    boolean sendBinary(ByteBuffer data);

    /** Sends a ping with at most 125 bytes of payload (RFC 6455 section 5.5.2). */
    boolean ping(ByteBuffer payload);

    /** Starts the closing handshake (RFC 6455 section 7.1.2) with 1000. */
    void close();

    /** Starts the closing handshake with {@code code} and {@code reason} (at most 123 UTF-8 bytes). */
    void close(int code, String reason);

    /** Drops the TCP connection at once, without a closing handshake (the handler sees 1006). */
    void terminate();

    /**
     * Bytes queued for the peer and not yet written, including sends from other threads still on their way
     * to the I/O thread: the browser API's {@code bufferedAmount}. Compare it with
     * {@link ServerLimits#highWaterBytes()} to produce no faster than the peer reads.
     */
    long bufferedAmount();

    /** Stops reading from the peer (backpressure for a slow application) until {@link #resume()}. */
    void pause();

    /** Reads from the peer again after {@link #pause()}. */
    void resume();

    /** Whether messages can still be sent: open, and no close frame sent yet. */
    boolean isOpen();

    /** The negotiated subprotocol, or null. */
    String subprotocol();

    /** Whether permessage-deflate (or another extension) was negotiated: the extension tokens, comma-separated. */
    String extensions();

    /** The request path the connection was opened on, e.g. {@code /mirror}. */
    String path();

    /**
     * The client's address: the TCP peer, or, when that peer is one of the server's trusted proxies, the
     * address it reported in {@code Forwarded} / {@code X-Forwarded-For}.
     */
    InetSocketAddress remoteAddress();

    /** The principal the upgrade hook attached ({@link UpgradeDecision#principal(Object)}), or null. */
    Object principal();

    /** An object the application keeps with the connection, or null. */
    Object attachment();

    /** Keeps {@code value} with the connection. */
    void attach(Object value);

    /**
     * Sends this connection's events to {@code handler} from now on instead of its endpoint (e.g. a
     * {@link WebSocketStream}). Call it on the I/O thread (in {@link WebSocketHandler#onOpen}) to miss nothing.
     */
    void handler(WebSocketHandler handler);
}
