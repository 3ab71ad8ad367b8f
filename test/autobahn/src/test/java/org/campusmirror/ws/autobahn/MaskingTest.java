package org.campusmirror.ws.autobahn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class MaskingTest {

    private static byte[] byteByByte(byte[] source, int from, int length, byte[] key, long maskPosition) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (source[from + i] ^ key[(int) ((maskPosition + i) & 3)]);
        }
        return out;
    }

    @Test
    void wordAtATimeMatchesTheByteLoopAtEveryPhaseOffsetAndLength() {
        Random random = new Random(42);
        byte[] key = new byte[4];
        byte[] source = new byte[300];
        for (int round = 0; round < 2000; round++) {
            random.nextBytes(key);
            random.nextBytes(source);
            int from = random.nextInt(20);
            int length = random.nextInt(source.length - from);
            long maskPosition = random.nextInt(1 << 20);
            byte[] target = new byte[length + 7];
            Masking.xor(source, from, target, 7, length, key, maskPosition);
            assertArrayEquals(byteByByte(source, from, length, key, maskPosition),
                    java.util.Arrays.copyOfRange(target, 7, 7 + length), "round " + round);
        }
    }

    @Test
    void inPlaceUnmaskingRestoresTheOriginal() {
        Random random = new Random(7);
        byte[] key = {1, 2, 3, 4};
        byte[] original = new byte[1000];
        random.nextBytes(original);
        byte[] data = original.clone();
        Masking.xor(data, 0, data, 0, data.length, key, 3);
        Masking.xor(data, 0, data, 0, data.length, key, 3);
        assertArrayEquals(original, data);
    }
}
