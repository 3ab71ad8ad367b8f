package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;

import org.campusmirror.ws.protocol.internal.FrameDecoder;

/**
 * Parses whole frames (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.2">RFC 6455 section
 * 5.2</a>) from bytes that may arrive split at any boundary, and checks every frame-level rule: masking per
 * role (5.1: a server refuses unmasked frames, a client masked ones), RSV bits only as negotiated, reserved
 * opcodes, control frames final and at most 125 bytes (5.5), the 64-bit length's top bit, and
 * {@link ProtocolLimits#maxFramePayload()} (1009). Fragment order is checked by {@link WebSocketConnection}.
 *
 * <p>Each returned frame owns a fresh copy of its (unmasked) payload. {@link WebSocketConnection} does not
 * use this class: it streams payload chunks without assembling frames. Not thread-safe.
 */
public final class FrameParser {
    private static final int INITIAL_PAYLOAD_CAPACITY = 64 << 10;

    private final FrameDecoder decoder;
    private final Collector collector = new Collector();

    /** A parser for frames received by {@code role}, with no RSV bits negotiated. */
    public FrameParser(Role role, ProtocolLimits limits) {
        this(role, limits, 0);
    }

    /** A parser for frames received by {@code role}; {@code allowedRsv} are RSV bits ({@link Frame#RSV1}...) extensions negotiated. */
    public FrameParser(Role role, ProtocolLimits limits, int allowedRsv) {
        this.decoder = new FrameDecoder(role, allowedRsv, limits.maxFramePayload());
    }

    /**
     * Returns the next frame, or null when {@code in} holds too few bytes. Once failed, stays failed.
     * Bytes of an incomplete frame are consumed and kept; bytes after a complete frame stay in {@code in}.
     * A masked payload is unmasked in place inside {@code in} (a read-only buffer is copied first).
     *
     * @throws WebSocketProtocolException with the close code to fail the connection with
     */
    public Frame parse(ByteBuffer in) throws WebSocketProtocolException {
        decoder.decode(in, collector);
        Frame frame = collector.ready;
        collector.ready = null;
        return frame;
    }

    /** Assembles one frame's payload; stops the decoder after each complete frame. */
    private static final class Collector implements FrameDecoder.Sink {
        private int firstByte;
        private long length;
        private ByteBuffer payload;
        private Frame ready;

        @Override
        public void frameStart(int firstByte, long payloadLength) throws WebSocketProtocolException {
            if (payloadLength > Integer.MAX_VALUE - 8) {
                // Only reachable with maxFramePayload above 2 GiB: a Frame's payload is one array.
                throw new WebSocketProtocolException(CloseStatus.MESSAGE_TOO_BIG,
                        "frame payload " + payloadLength + " does not fit one buffer");
            }
            this.firstByte = firstByte;
            this.length = payloadLength;
            // Grow with the bytes that actually arrive: a header alone cannot make us allocate its claimed length.
            this.payload = ByteBuffer.allocate((int) Math.min(payloadLength, INITIAL_PAYLOAD_CAPACITY));
        }

        @Override
        public void payload(ByteBuffer chunk) {
            if (payload.remaining() < chunk.remaining()) {
                long wanted = Math.max((long) payload.capacity() * 2, (long) payload.position() + chunk.remaining());
                ByteBuffer larger = ByteBuffer.allocate((int) Math.min(wanted, length));
                payload.flip();
                larger.put(payload);
                payload = larger;
            }
            payload.put(chunk);
        }

        @Override
        public boolean frameEnd() {
            payload.flip();
            OpCode op = OpCode.fromCode(firstByte & 0x0F);
            Frame frame = (firstByte & Frame.FIN) != 0 ? Frame.of(op, payload) : Frame.fragment(op, payload);
            ready = frame.withRsv(firstByte & Frame.RSV_MASK);
            payload = null;
            return false;
        }
    }
}
