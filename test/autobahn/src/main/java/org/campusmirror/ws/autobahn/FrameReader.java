package org.campusmirror.ws.autobahn;

import java.nio.ByteBuffer;

/**
 * The peer's own incremental frame parser (RFC 6455 section 5.2), independent of our engine. It
 * only splits the stream into headers and unmasked payload pieces; the checks live in
 * {@link PeerProtocol}, which may stop it at any point by returning false.
 */
final class FrameReader {
    private enum State { HEADER, PAYLOAD, STOPPED }

    /** Largest masked piece unmasked at once, so the reused buffer stays small. */
    private static final int MAX_UNMASKED = 64 * 1024;

    /** Receives the parts of each frame. Returning false stops the reader for good. */
    interface Listener {
        boolean onHeader(int opcode, boolean fin, int rsv, boolean masked, long length);

        /** A piece of payload, unmasked; valid only during the call (the reader reuses the buffer). */
        boolean onPayload(ByteBuffer unmasked);

        boolean onFrameEnd();
    }

    private final Listener listener;
    private final byte[] header = new byte[14];
    private int headerFill;
    private State state = State.HEADER;
    private long payloadRemaining;
    private byte[] mask;
    private long maskPosition;
    private final byte[] unmasked = new byte[MAX_UNMASKED];

    FrameReader(Listener listener) {
        this.listener = listener;
    }

    /** Consumes all of {@code in} (unless stopped). */
    void feed(ByteBuffer in) {
        while (in.hasRemaining() && state != State.STOPPED) {
            if (state == State.HEADER) {
                readHeader(in);
            } else {
                readPayload(in);
            }
        }
    }

    void stop() {
        state = State.STOPPED;
    }

    private void readHeader(ByteBuffer in) {
        header[headerFill++] = in.get();
        if (headerFill < 2) {
            return;
        }
        int lengthCode = header[1] & 0x7F;
        boolean masked = (header[1] & 0x80) != 0;
        int needed = 2 + (lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0) + (masked ? 4 : 0);
        if (headerFill < needed) {
            return;
        }
        long length = lengthCode;
        int at = 2;
        if (lengthCode == 126) {
            length = (header[2] & 0xFFL) << 8 | header[3] & 0xFFL;
            at = 4;
        } else if (lengthCode == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = length << 8 | header[2 + i] & 0xFFL;
            }
            at = 10;
        }
        mask = null;
        if (masked) {
            mask = new byte[] {header[at], header[at + 1], header[at + 2], header[at + 3]};
        }
        headerFill = 0;
        int first = header[0] & 0xFF;
        if (length < 0) {
            // RFC 6455 5.2: the most significant bit of a 64-bit length must be 0
            length = Long.MAX_VALUE;
        }
        if (!listener.onHeader(first & 0x0F, (first & 0x80) != 0, (first >> 4) & 7, masked, length)) {
            state = State.STOPPED;
            return;
        }
        payloadRemaining = length;
        maskPosition = 0;
        state = State.PAYLOAD;
        if (payloadRemaining == 0) {
            endFrame();
        }
    }

    private void readPayload(ByteBuffer in) {
        int count = (int) Math.min(in.remaining(), payloadRemaining);
        if (mask != null) {
            count = Math.min(count, MAX_UNMASKED);
        }
        ByteBuffer piece = in.slice();
        piece.limit(count);
        in.position(in.position() + count);
        if (mask != null) {
            piece = unmask(piece, count);
        }
        maskPosition += count;
        payloadRemaining -= count;
        if (!listener.onPayload(piece)) {
            state = State.STOPPED;
            return;
        }
        if (payloadRemaining == 0) {
            endFrame();
        }
    }

    /** The unmasked payload piece, in a buffer reused from call to call (listeners do not keep it). */
    private ByteBuffer unmask(ByteBuffer masked, int count) {
        if (masked.hasArray()) {
            Masking.xor(masked.array(), masked.arrayOffset() + masked.position(), unmasked, 0, count, mask, maskPosition);
        } else {
            masked.get(masked.position(), unmasked, 0, count);
            Masking.xor(unmasked, 0, unmasked, 0, count, mask, maskPosition);
        }
        return ByteBuffer.wrap(unmasked, 0, count);
    }

    private void endFrame() {
        state = State.HEADER;
        if (!listener.onFrameEnd()) {
            state = State.STOPPED;
        }
    }
}
