package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;
import java.util.Objects;

import org.campusmirror.ws.protocol.internal.FrameHeaders;

/**
 * Encodes frames (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.2">RFC 6455 section 5.2</a>)
 * with the shortest length form. A client-role writer masks every frame with a fresh key
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.3">section 5.3</a>) into the destination,
 * never touching the frame's own payload; a server-role writer copies the payload as it is.
 *
 * <p>For broadcast, {@link #encodeShared(Frame)} encodes a server frame once for any number of connections.
 */
public final class FrameWriter {
    private final Role role;
    private final MaskKeyGenerator maskKeys;

    /** A writer for {@code role}; a client draws keys from {@link MaskKeyGenerator#secure()}. */
    public FrameWriter(Role role) {
        this(role, role.masksOutgoing() ? MaskKeyGenerator.secure() : null);
    }

    /** A writer for {@code role} with the given key source (used by the client role only). */
    public FrameWriter(Role role, MaskKeyGenerator maskKeys) {
        this.role = Objects.requireNonNull(role, "role");
        if (role.masksOutgoing()) {
            Objects.requireNonNull(maskKeys, "a client needs masking keys");
        }
        this.maskKeys = maskKeys;
    }

    /** Bytes {@link #write(Frame, ByteBuffer)} will produce for {@code frame}. */
    public int encodedLength(Frame frame) {
        int length = frame.payloadLength();
        return FrameHeaders.length(length, role.masksOutgoing()) + length;
    }

    /**
     * Writes the frame at {@code dst}'s position and advances it.
     *
     * @throws java.nio.BufferOverflowException when {@code dst} has less room than {@link #encodedLength(Frame)}
     */
    public void write(Frame frame, ByteBuffer dst) {
        if (dst.remaining() < encodedLength(frame)) {
            throw new java.nio.BufferOverflowException();
        }
        int firstByte = firstByte(frame);
        ByteBuffer payload = frame.payload().duplicate();
        if (role.masksOutgoing()) {
            int key = maskKeys.nextMaskKey();
            FrameHeaders.writeMasked(dst, firstByte, payload.remaining(), key);
            Masking.maskCopy(payload, dst, key, 0);
        } else {
            FrameHeaders.write(dst, firstByte, payload.remaining());
            dst.put(payload);
        }
    }

    /** The frame encoded into a new buffer, ready to read (position 0, limit at the end). */
    public ByteBuffer encode(Frame frame) {
        ByteBuffer out = ByteBuffer.allocate(encodedLength(frame));
        write(frame, out);
        return out.flip();
    }

    /**
     * Encodes a server-role (unmasked) frame once, to be written to many connections with
     * {@link WebSocketConnection#sendEncoded(EncodedFrame)}. A data frame sent this way goes out without any
     * further extension transform: with RSV clear it is plain, which RFC 7692 allows (RSV1 clear means
     * uncompressed). RSV bits are for an extension that transformed the payload itself (ws.deflate's
     * compress-once broadcast); {@code sendEncoded} then refuses the frame on a connection that did not
     * negotiate those bits.
     */
    public static EncodedFrame encodeShared(Frame frame) {
        ByteBuffer bytes = new FrameWriter(Role.SERVER).encode(frame);
        return new EncodedFrame(frame.opCode(), frame.isFinal(), frame.rsv(), bytes);
    }

    static int firstByte(Frame frame) {
        return (frame.isFinal() ? Frame.FIN : 0) | frame.rsv() | frame.opCode().code();
    }
}
