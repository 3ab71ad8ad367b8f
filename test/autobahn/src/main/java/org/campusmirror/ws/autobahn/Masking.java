package org.campusmirror.ws.autobahn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The peer's own masking (RFC 6455 section 5.3): XOR with the 4-byte key, 8 bytes at a time. The peer
 * masks and unmasks gigabytes in the 12.x/13.x cases, so a byte loop here showed up in profiles.
 */
final class Masking {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Masking() {
    }

    /**
     * Writes {@code source[from..from+length)} XOR the key into {@code target[to..)}; the byte at
     * {@code from} is at position {@code maskPosition} of the masked payload. Source and target may
     * be the same array at the same offset.
     */
    static void xor(byte[] source, int from, byte[] target, int to, int length, byte[] key, long maskPosition) {
        int phase = (int) (maskPosition & 3);
        int i = 0;
        if (length >= 16) {
            // the key rotated to this phase, repeated to 8 bytes in little-endian order
            long word = 0;
            for (int k = 7; k >= 0; k--) {
                word = word << 8 | key[(phase + k) & 3] & 0xFFL;
            }
            for (; i + 8 <= length; i += 8) {
                LONGS.set(target, to + i, (long) LONGS.get(source, from + i) ^ word);
            }
        }
        for (; i < length; i++) {
            target[to + i] = (byte) (source[from + i] ^ key[(phase + i) & 3]);
        }
    }
}
