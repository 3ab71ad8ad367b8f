package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;

/**
 * A server-role frame (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.2">RFC 6455 section
 * 5.2</a>), encoded once by {@link FrameWriter#encodeShared(Frame)}, whose bytes any number of server
 * connections write without copying: each connection queues its own read-only duplicate, so their write
 * positions never interfere. Immutable and safe to share between threads.
 *
 * <p>A frame whose payload an extension transformed itself (ws.deflate compresses a broadcast once) carries
 * that extension's {@link #rsv() RSV bits}; {@link WebSocketConnection#sendEncoded} accepts it only on a
 * connection that negotiated those bits.
 */
public final class EncodedFrame {
    private final OpCode opCode;
    private final boolean fin;
    private final int rsv;
    private final ByteBuffer bytes;

    EncodedFrame(OpCode opCode, boolean fin, int rsv, ByteBuffer bytes) {
        this.opCode = opCode;
        this.fin = fin;
        this.rsv = rsv;
        this.bytes = bytes.asReadOnlyBuffer();
    }

    public OpCode opCode() {
        return opCode;
    }

    /** Whether this is the final frame of its message. */
    public boolean isFinal() {
        return fin;
    }

    /** The RSV bits of the frame header ({@link Frame#RSV1} for a compressed message), 0 for most frames. */
    public int rsv() {
        return rsv;
    }

    /** Encoded size: header and payload. */
    public int length() {
        return bytes.remaining();
    }

    /** A fresh read-only view of the encoded bytes, with its own position, for one connection's writes. */
    public ByteBuffer bytes() {
        return bytes.duplicate();
    }
}
