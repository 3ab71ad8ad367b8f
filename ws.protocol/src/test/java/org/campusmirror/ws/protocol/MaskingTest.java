package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingTest {
    private static final int KEY = 0x37fa213d;

    @Test
    void unmasksTheRfc6455Section57MaskedHello() {
        ByteBuffer payload = Hex.buffer("7f 9f 4d 51 58");
        Masking.unmask(payload, KEY, 0);
        assertEquals(Hex.norm("48 65 6c 6c 6f"), Hex.of(payload));
    }

    @Test
    void leavesPositionAndLimitWhereTheyWere() {
        ByteBuffer payload = Hex.buffer("00 7f 9f 4d 51 58 00");
        payload.position(1).limit(6);
        Masking.unmask(payload, KEY, 0);
        assertEquals(1, payload.position());
        assertEquals(6, payload.limit());
        assertEquals("0048656c6c6f00", Hex.of(payload.clear()));
    }

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {0, 1, 3, 4, 7, 8, 9, 31, 32, 33, 63, 100, 1000, 4099})
    void heapResultEqualsByteByByteXor(int length) {
        byte[] data = random(length, length);
        ByteBuffer buffer = ByteBuffer.wrap(data.clone());
        Masking.unmask(buffer, KEY, 0);
        assertArrayEquals(naive(data, KEY, 0), array(buffer));
    }

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {0, 1, 5, 8, 13, 32, 65, 4099})
    void directResultEqualsByteByByteXor(int length) {
        byte[] data = random(length, length + 7);
        ByteBuffer buffer = ByteBuffer.allocateDirect(length);
        buffer.put(data).flip();
        Masking.unmask(buffer, KEY, 0);
        assertArrayEquals(naive(data, KEY, 0), array(buffer));
    }

    @Test
    void directBufferInLittleEndianOrderGivesTheSameBytes() {
        byte[] data = random(77, 3);
        ByteBuffer buffer = ByteBuffer.allocateDirect(77).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(data).flip();
        Masking.unmask(buffer, KEY, 0);
        assertArrayEquals(naive(data, KEY, 0), array(buffer));
    }

    @Test
    void piecesUnmaskedWithTheirPayloadOffsetEqualTheWhole() {
        byte[] data = random(101, 11);
        byte[] expected = naive(data, KEY, 0);
        byte[] pieces = data.clone();
        int[] cuts = {0, 1, 6, 7, 30, 57, 101};
        for (int i = 0; i + 1 < cuts.length; i++) {
            ByteBuffer piece = ByteBuffer.wrap(pieces, cuts[i], cuts[i + 1] - cuts[i]);
            Masking.unmask(piece, KEY, cuts[i]);
        }
        assertArrayEquals(expected, pieces);
    }

    @Test
    void sliceWithArrayOffsetIsMaskedFromItsOwnStart() {
        byte[] backing = random(40, 5);
        ByteBuffer slice = ByteBuffer.wrap(backing.clone(), 3, 30).slice();
        Masking.unmask(slice, KEY, 0);
        byte[] original = new byte[30];
        System.arraycopy(backing, 3, original, 0, 30);
        assertArrayEquals(naive(original, KEY, 0), array(slice));
    }

    @Test
    void maskingTwiceRestoresTheBytes() {
        byte[] data = random(333, 9);
        ByteBuffer buffer = ByteBuffer.wrap(data.clone());
        Masking.unmask(buffer, KEY, 2);
        Masking.unmask(buffer, KEY, 2);
        assertArrayEquals(data, array(buffer));
    }

    @Test
    void maskCopyLeavesTheSourceAndWritesMaskedBytes() {
        byte[] data = random(70, 21);
        ByteBuffer src = ByteBuffer.wrap(data.clone());
        ByteBuffer dst = ByteBuffer.allocateDirect(80);
        dst.position(5);
        Masking.maskCopy(src, dst, KEY, 0);
        assertEquals(70, src.position());
        assertEquals(75, dst.position());
        assertArrayEquals(data, src.array());
        assertArrayEquals(naive(data, KEY, 0), array(dst.flip().position(5)));
    }

    @Test
    void readOnlyBufferIsRefused() {
        ByteBuffer readOnly = ByteBuffer.allocateDirect(8).asReadOnlyBuffer();
        assertThrows(ReadOnlyBufferException.class, () -> Masking.unmask(readOnly, KEY, 0));
    }

    static byte[] naive(byte[] data, int key, long offset) {
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            int keyByte = (int) ((offset + i) & 3);
            out[i] = (byte) (data[i] ^ (key >>> (24 - 8 * keyByte)));
        }
        return out;
    }

    private static byte[] random(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static byte[] array(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
