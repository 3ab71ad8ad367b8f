package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameWriterTest {
    private static final MaskKeyGenerator RFC_KEY = () -> 0x37fa213d;
    private final FrameWriter server = new FrameWriter(Role.SERVER);
    private final FrameWriter client = new FrameWriter(Role.CLIENT, RFC_KEY);

    @Test
    void rfc6455Section57UnmaskedHello() {
        assertEquals(Hex.norm("81 05 48 65 6c 6c 6f"), Hex.of(server.encode(Frame.text("Hello"))));
    }

    @Test
    void rfc6455Section57MaskedHello() {
        assertEquals(Hex.norm("81 85 37 fa 21 3d 7f 9f 4d 51 58"), Hex.of(client.encode(Frame.text("Hello"))));
    }

    @Test
    void rfc6455Section57FragmentedHello() {
        assertEquals(Hex.norm("01 03 48 65 6c"), Hex.of(server.encode(Frame.fragment(OpCode.TEXT, Hex.buffer("48 65 6c")))));
        assertEquals(Hex.norm("80 02 6c 6f"), Hex.of(server.encode(Frame.of(OpCode.CONTINUATION, Hex.buffer("6c 6f")))));
    }

    @Test
    void rfc6455Section57PingAndMaskedPong() {
        assertEquals(Hex.norm("89 05 48 65 6c 6c 6f"), Hex.of(server.encode(Frame.of(OpCode.PING, Hex.buffer("48656c6c6f")))));
        assertEquals(Hex.norm("8a 85 37 fa 21 3d 7f 9f 4d 51 58"),
                Hex.of(client.encode(Frame.of(OpCode.PONG, Hex.buffer("48656c6c6f")))));
    }

    /** The shortest length form, at every boundary (RFC 6455 section 5.2). */
    @ParameterizedTest(name = "{0} bytes -> {1}")
    @CsvSource({
        "0,     8200",
        "125,   827d",
        "126,   827e007e",
        "65535, 827effff",
        "65536, 827f0000000000010000",
    })
    void usesTheShortestLengthForm(int length, String header) {
        ByteBuffer encoded = server.encode(Frame.of(OpCode.BINARY, ByteBuffer.allocate(length)));
        assertEquals(header, Hex.of(encoded.limit(header.length() / 2)));
        assertEquals(header.length() / 2 + length, encoded.capacity());
    }

    @Test
    void clientMaskingLeavesTheFramePayloadUntouched() {
        ByteBuffer payload = Hex.buffer("48 65 6c 6c 6f");
        client.encode(Frame.of(OpCode.BINARY, payload));
        assertEquals(Hex.norm("48 65 6c 6c 6f"), Hex.of(payload));
        assertEquals(0, payload.position());
    }

    @Test
    void secureKeysDifferFromFrameToFrame() {
        FrameWriter secure = new FrameWriter(Role.CLIENT);
        String first = Hex.of(secure.encode(Frame.text("x")));
        String second = Hex.of(secure.encode(Frame.text("x")));
        assertNotEquals(first, second);
        assertTrue(first.startsWith("8181"));
    }

    @Test
    void rsvBitsGoIntoTheFirstByte() {
        assertEquals(Hex.norm("c1 01 00"), Hex.of(server.encode(Frame.of(OpCode.TEXT, Hex.buffer("00")).withRsv(Frame.RSV1))));
    }

    @Test
    void closeFrameCarriesCodeAndReason() {
        assertEquals(Hex.norm("88 04 03 e8 6f 6b"), Hex.of(server.encode(Frame.close(1000, "ok"))));
    }

    @Test
    void sharedFrameGivesEachConnectionItsOwnReadOnlyView() {
        EncodedFrame shared = FrameWriter.encodeShared(Frame.text("Hello"));
        ByteBuffer first = shared.bytes();
        ByteBuffer second = shared.bytes();
        first.position(first.limit());
        assertEquals(Hex.norm("81 05 48 65 6c 6c 6f"), Hex.of(second));
        assertThrows(ReadOnlyBufferException.class, () -> second.put(0, (byte) 0));
    }

    @Test
    void writeRefusesATooSmallDestination() {
        assertThrows(java.nio.BufferOverflowException.class,
                () -> server.write(Frame.text("Hello"), ByteBuffer.allocate(6)));
    }
}
