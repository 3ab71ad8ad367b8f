package org.campusmirror.ws.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * Every limit of the engine, with defaults ({@link #DEFAULTS}). Input over a limit fails the connection
 * with the code <a href="https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1">RFC 6455 section 7.4.1</a>
 * names: 1009 for a frame or message that is too big, a 400/431 rejection for an oversized handshake.
 *
 * @param maxFramePayload largest payload of one frame, in bytes (fails with 1009)
 * @param maxMessageSize  largest message, in bytes, counted after an extension has decoded it, so a
 *                        compressed message that inflates beyond it fails too (1009)
 * @param maxHandshakeBytes largest HTTP head of the opening handshake, request line and headers (431)
 * @param handshakeTimeout how long a transport waits for a complete handshake; the engine holds no
 *                        timers, the transport enforces it
 * @param closingTimeout  how long to wait for the peer's close frame after sending ours, and (client
 *                        role) for the server to close TCP after the close handshake
 */
public record ProtocolLimits(
        long maxFramePayload,
        long maxMessageSize,
        int maxHandshakeBytes,
        Duration handshakeTimeout,
        Duration closingTimeout) {

    /** Default largest frame payload and message: 16 MiB (the largest Autobahn case). */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 16L << 20;
    /** Default largest handshake head: 16 KiB. */
    public static final int DEFAULT_MAX_HANDSHAKE_BYTES = 16 << 10;
    /** Default time for a complete handshake: 10 s. */
    public static final long DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;
    /** Default wait for the peer's close frame: 30 s. */
    public static final long DEFAULT_CLOSING_TIMEOUT_MS = 30_000;

    /** The engine's defaults: the constants above (a server sets smaller messages, see ws.server's limits). */
    public static final ProtocolLimits DEFAULTS = new ProtocolLimits(DEFAULT_MAX_MESSAGE_BYTES,
            DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_HANDSHAKE_BYTES, Duration.ofMillis(DEFAULT_HANDSHAKE_TIMEOUT_MS),
            Duration.ofMillis(DEFAULT_CLOSING_TIMEOUT_MS));

    public ProtocolLimits {
        if (maxFramePayload < 125) {
            throw new IllegalArgumentException("maxFramePayload must allow control frames (>= 125): " + maxFramePayload);
        }
        if (maxMessageSize < 0) {
            throw new IllegalArgumentException("maxMessageSize must not be negative: " + maxMessageSize);
        }
        if (maxMessageSize > Integer.MAX_VALUE - 8) {
            // Whole messages are assembled in one buffer, which Java caps at 2 GiB.
            throw new IllegalArgumentException("maxMessageSize must stay below 2 GiB: " + maxMessageSize);
        }
        if (maxHandshakeBytes < 64) {
            throw new IllegalArgumentException("maxHandshakeBytes too small: " + maxHandshakeBytes);
        }
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(closingTimeout, "closingTimeout");
        if (closingTimeout.isNegative() || handshakeTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }

    public ProtocolLimits withMaxFramePayload(long bytes) {
        return new ProtocolLimits(bytes, maxMessageSize, maxHandshakeBytes, handshakeTimeout, closingTimeout);
    }

    public ProtocolLimits withMaxMessageSize(long bytes) {
        return new ProtocolLimits(maxFramePayload, bytes, maxHandshakeBytes, handshakeTimeout, closingTimeout);
    }

    public ProtocolLimits withMaxHandshakeBytes(int bytes) {
        return new ProtocolLimits(maxFramePayload, maxMessageSize, bytes, handshakeTimeout, closingTimeout);
    }

    public ProtocolLimits withHandshakeTimeout(Duration timeout) {
        return new ProtocolLimits(maxFramePayload, maxMessageSize, maxHandshakeBytes, timeout, closingTimeout);
    }

    public ProtocolLimits withClosingTimeout(Duration timeout) {
        return new ProtocolLimits(maxFramePayload, maxMessageSize, maxHandshakeBytes, handshakeTimeout, timeout);
    }
}
