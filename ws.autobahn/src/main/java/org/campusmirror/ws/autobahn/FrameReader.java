package org.campusmirror.ws.autobahn;

import java.nio.ByteBuffer;

/**
 * The peer's own incremental frame parser (RFC 6455 section 5.2), independent of our engine. It
 * only splits the stream into headers and unmasked payload pieces; the checks live in
 * {@link PeerProtocol}, which may stop it at any point by returning false.
 */
final class FrameReader {
    private enum State { HEADER, PAYLOAD, STOPPED }

    /** Receives the parts of each frame. Returning false stops the reader for good. */
    interface Listener {
        boolean onHeader(int opcode, boolean fin, int rsv, boolean masked, long length);

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
        ByteBuffer piece = in.slice();
        piece.limit(count);
        in.position(in.position() + count);
        if (mask != null) {
            ByteBuffer unmasked = ByteBuffer.allocate(count);
            for (int i = 0; i < count; i++) {
                unmasked.put((byte) (piece.get(i) ^ mask[(int) ((maskPosition + i) & 3)]));
            }
            unmasked.flip();
            piece = unmasked;
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

    private void endFrame() {
        state = State.HEADER;
        if (!listener.onFrameEnd()) {
            state = State.STOPPED;
        }
    }
}
