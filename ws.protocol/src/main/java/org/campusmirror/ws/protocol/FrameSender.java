package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;

import org.campusmirror.ws.protocol.internal.FrameHeaders;

/**
 * Encodes outgoing frames of one connection into its {@link OutboundQueue}: the header and a small payload
 * go into the queue's shared chunk, a large payload into a buffer of its own; a client masks while copying
 * (RFC 6455 section 5.3), so the caller's buffer is never modified. Extension output is collected in a
 * reusable buffer and framed from there.
 */
final class FrameSender {
    /** Frames up to this size (header included) are packed into the shared chunk. */
    private static final int INLINE_LIMIT = 2048;
    /** A collected extension output buffer above this size is dropped after use rather than kept. */
    private static final int KEEP_COLLECTED = 64 << 10;

    private final boolean masks;
    private final MaskKeyGenerator maskKeys;
    private final OutboundQueue queue;
    private final ExtensionPipeline pipeline;
    private final Collector collector = new Collector();

    FrameSender(Role role, MaskKeyGenerator maskKeys, OutboundQueue queue, ExtensionPipeline pipeline) {
        this.masks = role.masksOutgoing();
        this.maskKeys = maskKeys;
        this.queue = queue;
        this.pipeline = pipeline;
    }

    /** Queues one frame; {@code payload} is read between position and limit and left as it was. */
    void sendFrame(int firstByte, ByteBuffer payload) {
        int length = payload.remaining();
        int headerLength = FrameHeaders.length(length, masks);
        int start = payload.position();
        int key = masks ? maskKeys.nextMaskKey() : 0;
        ByteBuffer body;
        if (headerLength + length <= INLINE_LIMIT) {
            body = queue.reserve(headerLength + length);
            writeHeader(body, firstByte, length, key);
        } else {
            writeHeader(queue.reserve(headerLength), firstByte, length, key);
            queue.commit();
            body = queue.allocate(length);
        }
        if (masks) {
            Masking.maskCopy(payload, body, key, 0);
        } else {
            body.put(payload);
        }
        payload.position(start);
        if (headerLength + length <= INLINE_LIMIT) {
            queue.commit();
        } else {
            queue.add(body.flip(), false);
        }
    }

    /** Queues a whole data message, transformed by the extensions that want it. */
    void sendMessage(OpCode type, ByteBuffer data) {
        int rsv = pipeline.beginEncoding(type, data.remaining());
        if (rsv == 0) {
            sendFrame(Frame.FIN | type.code(), data);
            return;
        }
        ByteBuffer encoded = collect(data, FragmentPosition.ONLY);
        sendFrame(Frame.FIN | rsv | type.code(), encoded);
        collector.release();
    }

    /**
     * Queues one fragment of a message sent in parts. The first fragment decides (and carries) the extension
     * RSV bits; later ones are continuation frames.
     */
    void sendFragment(OpCode type, ByteBuffer data, FragmentPosition position) {
        int rsv = 0;
        if (position.isFirst()) {
            rsv = pipeline.beginEncoding(type, -1);
        }
        int opcode = position.isFirst() ? type.code() : OpCode.CONTINUATION.code();
        int firstByte = (position.isLast() ? Frame.FIN : 0) | rsv | opcode;
        if (!pipeline.isActive()) {
            sendFrame(firstByte, data);
            return;
        }
        ByteBuffer encoded = collect(data, position.isLast() ? FragmentPosition.LAST : FragmentPosition.MIDDLE);
        sendFrame(firstByte, encoded);
        collector.release();
    }

    /** Queues an already encoded server frame; the queue gets its own read-only view of the shared bytes. */
    void sendEncoded(EncodedFrame frame) {
        queue.add(frame.bytes(), true);
    }

    private ByteBuffer collect(ByteBuffer data, FragmentPosition position) {
        collector.reset();
        ByteBuffer source = data.duplicate();
        try {
            if (position.isLast()) {
                pipeline.encodeFinal(source, collector);
            } else {
                pipeline.encode(source, collector);
            }
        } catch (WebSocketProtocolException e) {
            // Only decoding can break a limit; an encoder that fails is a bug in the extension.
            throw new IllegalStateException("extension failed to encode: " + e.getMessage(), e);
        }
        return collector.bytes();
    }

    private void writeHeader(ByteBuffer dst, int firstByte, int length, int key) {
        if (masks) {
            FrameHeaders.writeMasked(dst, firstByte, length, key);
        } else {
            FrameHeaders.write(dst, firstByte, length);
        }
    }

    /** Gathers what the extensions produce for one frame. */
    private static final class Collector implements PayloadSink {
        private ByteBuffer buffer = ByteBuffer.allocate(1024);

        void reset() {
            buffer.clear();
        }

        @Override
        public void accept(ByteBuffer bytes) {
            if (buffer.remaining() < bytes.remaining()) {
                int wanted = Math.max(buffer.capacity() * 2, buffer.position() + bytes.remaining());
                ByteBuffer larger = ByteBuffer.allocate(wanted);
                larger.put(buffer.flip());
                buffer = larger;
            }
            buffer.put(bytes);
        }

        ByteBuffer bytes() {
            return buffer.flip();
        }

        void release() {
            if (buffer.capacity() > KEEP_COLLECTED) {
                buffer = ByteBuffer.allocate(1024);
            }
        }
    }
}
