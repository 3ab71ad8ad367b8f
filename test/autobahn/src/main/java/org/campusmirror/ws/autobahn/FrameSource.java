package org.campusmirror.ws.autobahn;

import java.nio.ByteBuffer;

/**
 * The bytes of one frame the peer sends (RFC 6455 section 5.2): header, then the payload made by
 * repeating a pattern to the frame length (autobahn's {@code payload_len}), masked on the fly.
 * Also serves the header-only and data-only writes of autobahn's frame-streaming API (6.4.3).
 */
final class FrameSource implements OutboundWrite.ByteSource {
    private static final int WIDE_PATTERN = 8192;

    private final byte[] header;
    private final byte[] pattern;
    private final long payloadLength;
    private final byte[] mask;
    private final long maskOffset;
    private int headerPosition;
    private long payloadPosition;

    private FrameSource(byte[] header, byte[] pattern, long payloadLength, byte[] mask, long maskOffset) {
        this.header = header;
        this.pattern = widen(pattern, payloadLength);
        this.payloadLength = payloadLength;
        this.mask = mask;
        this.maskOffset = maskOffset;
    }

    /** A whole frame; {@code mask} null for an unmasked frame. */
    static FrameSource frame(int opcode, boolean fin, int rsv, byte[] mask, byte[] pattern, long payloadLength) {
        return new FrameSource(header(opcode, fin, rsv, mask, payloadLength), pattern, payloadLength, mask, 0);
    }

    /** Only the header of a frame whose payload follows in later writes. */
    static FrameSource headerOnly(int opcode, boolean fin, int rsv, byte[] mask, long payloadLength) {
        return new FrameSource(header(opcode, fin, rsv, mask, payloadLength), new byte[0], 0, mask, 0);
    }

    /** Payload bytes of a frame already begun, masked from {@code maskOffset} on. */
    static FrameSource dataOnly(byte[] data, byte[] mask, long maskOffset) {
        return new FrameSource(new byte[0], data, data.length, mask, maskOffset);
    }

    /**
     * A short pattern repeated to a block of whole repetitions (9.x repeat one byte to 16 MiB), so
     * that {@link #read} copies blocks rather than one repetition at a time.
     */
    private static byte[] widen(byte[] pattern, long payloadLength) {
        if (pattern.length == 0 || pattern.length >= WIDE_PATTERN || payloadLength <= pattern.length) {
            return pattern;
        }
        int repetitions = (int) Math.min(WIDE_PATTERN / pattern.length,
                (payloadLength + pattern.length - 1) / pattern.length);
        byte[] wide = new byte[repetitions * pattern.length];
        for (int at = 0; at < wide.length; at += pattern.length) {
            System.arraycopy(pattern, 0, wide, at, pattern.length);
        }
        return wide;
    }

    static byte[] header(int opcode, boolean fin, int rsv, byte[] mask, long length) {
        int lengthBytes = length <= 125 ? 0 : length <= 0xFFFF ? 2 : 8;
        byte[] header = new byte[2 + lengthBytes + (mask == null ? 0 : 4)];
        header[0] = (byte) ((fin ? 0x80 : 0) | (rsv & 7) << 4 | opcode & 0x0F);
        int second = mask == null ? 0 : 0x80;
        if (lengthBytes == 0) {
            header[1] = (byte) (second | (int) length);
        } else if (lengthBytes == 2) {
            header[1] = (byte) (second | 126);
            header[2] = (byte) (length >>> 8);
            header[3] = (byte) length;
        } else {
            header[1] = (byte) (second | 127);
            for (int i = 0; i < 8; i++) {
                header[2 + i] = (byte) (length >>> (56 - 8 * i));
            }
        }
        if (mask != null) {
            System.arraycopy(mask, 0, header, 2 + lengthBytes, 4);
        }
        return header;
    }

    @Override
    public long remaining() {
        return header.length - headerPosition + payloadLength - payloadPosition;
    }

    @Override
    public void read(ByteBuffer into, int max) {
        int budget = Math.min(max, into.remaining());
        int fromHeader = Math.min(budget, header.length - headerPosition);
        into.put(header, headerPosition, fromHeader);
        headerPosition += fromHeader;
        budget -= fromHeader;
        while (budget > 0 && payloadPosition < payloadLength) {
            int offset = (int) (payloadPosition % pattern.length);
            int count = (int) Math.min(Math.min(budget, pattern.length - offset), payloadLength - payloadPosition);
            if (mask == null) {
                into.put(pattern, offset, count);
            } else if (into.hasArray()) {
                Masking.xor(pattern, offset, into.array(), into.arrayOffset() + into.position(), count, mask,
                        maskOffset + payloadPosition);
                into.position(into.position() + count);
            } else {
                byte[] masked = new byte[count];
                Masking.xor(pattern, offset, masked, 0, count, mask, maskOffset + payloadPosition);
                into.put(masked);
            }
            payloadPosition += count;
            budget -= count;
        }
    }
}
