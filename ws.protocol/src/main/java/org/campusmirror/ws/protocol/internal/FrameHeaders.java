package org.campusmirror.ws.protocol.internal;

import java.nio.ByteBuffer;

/** Encodes frame headers (RFC 6455 section 5.2) with the shortest length form, as the RFC requires. */
public final class FrameHeaders {
    /** The longest header: 2 bytes, 8 bytes of length, 4 bytes of masking key. */
    public static final int MAX_LENGTH = 14;

    private FrameHeaders() {
    }

    /** Header size for a payload length, with or without a masking key. */
    public static int length(long payloadLength, boolean masked) {
        int size = payloadLength < 126 ? 2 : payloadLength <= 0xFFFF ? 4 : 10;
        return masked ? size + 4 : size;
    }

    /** Writes an unmasked header at {@code dst}'s position and advances it. */
    public static void write(ByteBuffer dst, int firstByte, long payloadLength) {
        putLength(dst, firstByte, payloadLength, 0);
    }

    /** Writes a header with the mask bit and {@code maskKey} at {@code dst}'s position and advances it. */
    public static void writeMasked(ByteBuffer dst, int firstByte, long payloadLength, int maskKey) {
        putLength(dst, firstByte, payloadLength, 0x80);
        putBigEndian(dst, maskKey, 4);
    }

    private static void putLength(ByteBuffer dst, int firstByte, long payloadLength, int maskBit) {
        dst.put((byte) firstByte);
        if (payloadLength < 126) {
            dst.put((byte) (maskBit | (int) payloadLength));
        } else if (payloadLength <= 0xFFFF) {
            dst.put((byte) (maskBit | 126));
            putBigEndian(dst, payloadLength, 2);
        } else {
            dst.put((byte) (maskBit | 127));
            putBigEndian(dst, payloadLength, 8);
        }
    }

    /** Network byte order whatever the buffer's own order is. */
    private static void putBigEndian(ByteBuffer dst, long value, int bytes) {
        for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
            dst.put((byte) (value >>> shift));
        }
    }
}
