package org.campusmirror.ws.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The XOR masking of <a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.3">RFC 6455 section 5.3</a>,
 * eight bytes at a time through a {@code long} view of heap arrays and direct buffers.
 *
 * <p>The 32-bit masking key is given as an {@code int} whose most significant byte is the first key byte
 * on the wire. {@code payloadOffset} is the offset of the first byte handled within the frame payload, so
 * a payload that arrives in pieces can be unmasked piece by piece: octet {@code i} of the payload is
 * XORed with key octet {@code i % 4}.
 */
public final class Masking {
    private static final VarHandle ARRAY_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BUFFER_LONGS =
            MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Masking() {
    }

    /**
     * XORs the bytes between {@code buffer}'s position and limit with the key, in place; position and limit
     * do not move. Masking twice restores the original bytes.
     *
     * @throws java.nio.ReadOnlyBufferException when the buffer is read-only
     */
    public static void unmask(ByteBuffer buffer, int maskKey, long payloadOffset) {
        int from = buffer.position();
        int to = buffer.limit();
        int key = rotatedKey(maskKey, payloadOffset);
        if (buffer.hasArray()) {
            int base = buffer.arrayOffset();
            xorArray(buffer.array(), base + from, base + to, key);
        } else if (buffer.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        } else {
            xorBuffer(buffer, from, to, key);
        }
    }

    /**
     * Copies the bytes between {@code src}'s position and limit to {@code dst} at its position, masked;
     * both positions advance by the number of bytes copied. {@code src} is left unchanged otherwise.
     */
    public static void maskCopy(ByteBuffer src, ByteBuffer dst, int maskKey, long payloadOffset) {
        int length = src.remaining();
        if (dst.remaining() < length) {
            throw new java.nio.BufferOverflowException();
        }
        int key = rotatedKey(maskKey, payloadOffset);
        long wideKey = wideKey(key);
        int s = src.position();
        int d = dst.position();
        int i = 0;
        if (src.hasArray() && dst.hasArray() && !dst.isReadOnly()) {
            byte[] in = src.array();
            byte[] out = dst.array();
            int si = src.arrayOffset() + s;
            int di = dst.arrayOffset() + d;
            for (; i + 8 <= length; i += 8) {
                ARRAY_LONGS.set(out, di + i, (long) ARRAY_LONGS.get(in, si + i) ^ wideKey);
            }
            for (; i < length; i++) {
                out[di + i] = (byte) (in[si + i] ^ keyByte(key, i));
            }
        } else {
            for (; i + 8 <= length; i += 8) {
                BUFFER_LONGS.set(dst, d + i, (long) BUFFER_LONGS.get(src, s + i) ^ wideKey);
            }
            for (; i < length; i++) {
                dst.put(d + i, (byte) (src.get(s + i) ^ keyByte(key, i)));
            }
        }
        src.position(s + length);
        dst.position(d + length);
    }

    /** XORs {@code array[from, to)} with the key, whose first byte applies to {@code array[from]}. */
    public static void unmask(byte[] array, int from, int to, int maskKey, long payloadOffset) {
        xorArray(array, from, to, rotatedKey(maskKey, payloadOffset));
    }

    private static void xorArray(byte[] array, int from, int to, int key) {
        long wideKey = wideKey(key);
        int i = from;
        // Four longs per round give the CPU independent work; the tail falls back to one long, then bytes.
        for (; i + 32 <= to; i += 32) {
            ARRAY_LONGS.set(array, i, (long) ARRAY_LONGS.get(array, i) ^ wideKey);
            ARRAY_LONGS.set(array, i + 8, (long) ARRAY_LONGS.get(array, i + 8) ^ wideKey);
            ARRAY_LONGS.set(array, i + 16, (long) ARRAY_LONGS.get(array, i + 16) ^ wideKey);
            ARRAY_LONGS.set(array, i + 24, (long) ARRAY_LONGS.get(array, i + 24) ^ wideKey);
        }
        for (; i + 8 <= to; i += 8) {
            ARRAY_LONGS.set(array, i, (long) ARRAY_LONGS.get(array, i) ^ wideKey);
        }
        for (; i < to; i++) {
            array[i] ^= keyByte(key, i - from);
        }
    }

    private static void xorBuffer(ByteBuffer buffer, int from, int to, int key) {
        long wideKey = wideKey(key);
        int i = from;
        for (; i + 32 <= to; i += 32) {
            BUFFER_LONGS.set(buffer, i, (long) BUFFER_LONGS.get(buffer, i) ^ wideKey);
            BUFFER_LONGS.set(buffer, i + 8, (long) BUFFER_LONGS.get(buffer, i + 8) ^ wideKey);
            BUFFER_LONGS.set(buffer, i + 16, (long) BUFFER_LONGS.get(buffer, i + 16) ^ wideKey);
            BUFFER_LONGS.set(buffer, i + 24, (long) BUFFER_LONGS.get(buffer, i + 24) ^ wideKey);
        }
        for (; i + 8 <= to; i += 8) {
            BUFFER_LONGS.set(buffer, i, (long) BUFFER_LONGS.get(buffer, i) ^ wideKey);
        }
        for (; i < to; i++) {
            buffer.put(i, (byte) (buffer.get(i) ^ keyByte(key, i - from)));
        }
    }

    /** The key as it applies from a payload offset: key byte {@code offset % 4} first. */
    private static int rotatedKey(int maskKey, long payloadOffset) {
        return Integer.rotateLeft(maskKey, 8 * (int) (payloadOffset & 3));
    }

    /** Eight key bytes in memory order, read as a little-endian long. */
    private static long wideKey(int key) {
        long bigEndian = ((long) key << 32) | (key & 0xFFFF_FFFFL);
        return Long.reverseBytes(bigEndian);
    }

    private static byte keyByte(int key, int index) {
        return (byte) (key >>> (24 - 8 * (index & 3)));
    }
}
