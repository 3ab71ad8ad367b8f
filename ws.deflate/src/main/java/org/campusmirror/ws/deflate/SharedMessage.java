package org.campusmirror.ws.deflate;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

import org.campusmirror.ws.deflate.internal.CompressionPool;
import org.campusmirror.ws.deflate.internal.TailStrippingSink;
import org.campusmirror.ws.deflate.internal.ZlibMessageCompressor;
import org.campusmirror.ws.protocol.EncodedFrame;
import org.campusmirror.ws.protocol.Frame;
import org.campusmirror.ws.protocol.FrameWriter;
import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.protocol.PayloadSink;
import org.campusmirror.ws.protocol.Utf8Validator;
import org.campusmirror.ws.protocol.WebSocketConnection;
import org.campusmirror.ws.protocol.WebSocketProtocolException;

/**
 * A data message encoded once for many server connections (broadcast), made by
 * {@link PerMessageDeflate#encodeShared}. It holds up to two immutable frames
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.2">RFC 6455 section 5.2</a>):
 * <ul>
 * <li>{@link #plainFrame()}: the message uncompressed, RSV1 clear, valid on every connection (RFC 7692 lets
 *     any message go uncompressed);</li>
 * <li>{@link #compressedFrame()}: the message compressed on its own with a 15-bit window, RSV1 set, tail
 *     stripped (<a href="https://www.rfc-editor.org/rfc/rfc7692#section-7.2.1">RFC 7692 section 7.2.1</a>).
 *     It is valid only where the connection's own compressor does not take over context
 *     ({@code server_no_context_takeover} agreed): otherwise the client's decompressor would add this message
 *     to a history our compressor for that connection does not have, and later messages would refer to the
 *     wrong bytes. It is also invalid where the client limited the server's window below 15 bits.</li>
 * </ul>
 * {@link #frameFor(WebSocketConnection)} picks the right one per connection, so a transport writes
 * {@code connection.sendEncoded(message.frameFor(connection))} to each connection; no copy is made per
 * connection. Immutable and thread-safe.
 */
public final class SharedMessage {
    private final EncodedFrame plain;
    private final EncodedFrame compressed;

    private SharedMessage(EncodedFrame plain, EncodedFrame compressed) {
        this.plain = plain;
        this.compressed = compressed;
    }

    static SharedMessage encode(OpCode type, ByteBuffer data, int threshold, CompressionPool pool) {
        Objects.requireNonNull(data, "data");
        if (type != OpCode.TEXT && type != OpCode.BINARY) {
            throw new IllegalArgumentException("a message is TEXT or BINARY: " + type);
        }
        if (type == OpCode.TEXT && !Utf8Validator.isValid(data)) {
            throw new IllegalArgumentException("text is not valid UTF-8");
        }
        EncodedFrame plain = FrameWriter.encodeShared(Frame.of(type, data.duplicate()));
        EncodedFrame compressed = null;
        if (data.remaining() >= threshold) {
            CompressionPool.Slot slot = pool.tryAcquire();
            if (slot != null) {
                try {
                    compressed = FrameWriter.encodeShared(Frame.of(type, compress(data, slot)).withRsv(Frame.RSV1));
                } finally {
                    pool.release(slot);
                }
            }
        }
        return new SharedMessage(plain, compressed);
    }

    private static ByteBuffer compress(ByteBuffer data, CompressionPool.Slot slot) {
        Collected collected = new Collected(data.remaining() / 2 + 64);
        TailStrippingSink tail = new TailStrippingSink();
        try {
            ZlibMessageCompressor.deflate(slot.deflater(), data.duplicate(), slot.scratch(), tail.begin(collected));
            tail.finish();
        } catch (WebSocketProtocolException e) {
            throw new IllegalStateException("collecting compressed bytes cannot fail", e);
        }
        return collected.bytes();
    }

    /** The uncompressed frame, valid on every connection. */
    public EncodedFrame plainFrame() {
        return plain;
    }

    /** The compressed frame, unless the message was below the threshold or every compression slot was busy. */
    public Optional<EncodedFrame> compressedFrame() {
        return Optional.ofNullable(compressed);
    }

    /**
     * The frame to write to {@code connection}: the compressed one if it exists and is valid there (server
     * role, permessage-deflate with {@code server_no_context_takeover} and a 15-bit server window), else the
     * plain one.
     */
    public EncodedFrame frameFor(WebSocketConnection connection) {
        if (compressed == null) {
            return plain;
        }
        Optional<DeflateExtension> deflate = DeflateExtension.on(connection);
        return deflate.isPresent() && deflate.get().acceptsSharedCompressedFrames() ? compressed : plain;
    }

    /** {@code connection.sendEncoded(frameFor(connection))}; false when the connection no longer sends. */
    public boolean sendTo(WebSocketConnection connection) {
        return connection.sendEncoded(frameFor(connection));
    }

    /** Gathers compressed output in one growing buffer. */
    private static final class Collected implements PayloadSink {
        private ByteBuffer buffer;

        Collected(int initialCapacity) {
            buffer = ByteBuffer.allocate(initialCapacity);
        }

        @Override
        public void accept(ByteBuffer bytes) {
            if (buffer.remaining() < bytes.remaining()) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes.remaining()));
                buffer = larger.put(buffer.flip());
            }
            buffer.put(bytes);
        }

        ByteBuffer bytes() {
            return buffer.flip();
        }
    }
}
