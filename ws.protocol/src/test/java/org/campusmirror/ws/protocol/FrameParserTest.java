package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameParserTest {
    private final FrameParser client = new FrameParser(Role.CLIENT, ProtocolLimits.DEFAULTS);
    private final FrameParser server = new FrameParser(Role.SERVER, ProtocolLimits.DEFAULTS);

    @Test
    void rfc6455Section57UnmaskedHello() throws Exception {
        Frame frame = client.parse(Hex.buffer("81 05 48 65 6c 6c 6f"));
        assertEquals(Frame.text("Hello"), frame);
    }

    @Test
    void rfc6455Section57MaskedHello() throws Exception {
        Frame frame = server.parse(Hex.buffer("81 85 37 fa 21 3d 7f 9f 4d 51 58"));
        assertEquals(Frame.text("Hello"), frame);
    }

    @Test
    void rfc6455Section57FragmentedHello() throws Exception {
        ByteBuffer in = Hex.buffer("01 03 48 65 6c 80 02 6c 6f");
        Frame first = client.parse(in);
        Frame second = client.parse(in);
        assertEquals(Frame.fragment(OpCode.TEXT, Hex.buffer("48 65 6c")), first);
        assertEquals(Frame.of(OpCode.CONTINUATION, Hex.buffer("6c 6f")), second);
        assertFalse(in.hasRemaining());
    }

    @Test
    void rfc6455Section57UnmaskedPing() throws Exception {
        assertEquals(Frame.of(OpCode.PING, Hex.buffer("48 65 6c 6c 6f")), client.parse(Hex.buffer("89 05 48 65 6c 6c 6f")));
    }

    @Test
    void rfc6455Section57MaskedPong() throws Exception {
        Frame frame = server.parse(Hex.buffer("8a 85 37 fa 21 3d 7f 9f 4d 51 58"));
        assertEquals(Frame.of(OpCode.PONG, Hex.buffer("48 65 6c 6c 6f")), frame);
    }

    @Test
    void rfc6455Section57BinaryWith16BitLength() throws Exception {
        ByteBuffer in = ByteBuffer.allocate(4 + 256).put(Hex.bytes("82 7e 01 00"));
        in.position(260).flip();
        Frame frame = client.parse(in);
        assertEquals(OpCode.BINARY, frame.opCode());
        assertEquals(256, frame.payloadLength());
    }

    @Test
    void rfc6455Section57BinaryWith64BitLength() throws Exception {
        ByteBuffer in = ByteBuffer.allocate(10 + 65536).put(Hex.bytes("82 7f 00 00 00 00 00 01 00 00"));
        in.position(in.capacity()).flip();
        Frame frame = client.parse(in);
        assertEquals(65536, frame.payloadLength());
    }

    @Test
    void returnsNullUntilTheFrameIsComplete() throws Exception {
        byte[] wire = Hex.bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58");
        for (int i = 0; i < wire.length - 1; i++) {
            assertNull(server.parse(ByteBuffer.wrap(wire, i, 1)), "after byte " + i);
        }
        assertEquals(Frame.text("Hello"), server.parse(ByteBuffer.wrap(wire, wire.length - 1, 1)));
    }

    @Test
    void leavesBytesOfTheNextFrameInTheBuffer() throws Exception {
        ByteBuffer in = Hex.buffer("89 00 8a 00");
        assertEquals(OpCode.PING, client.parse(in).opCode());
        assertEquals(2, in.position());
    }

    @Test
    void rsvBitAllowedWhenNegotiated() throws Exception {
        FrameParser deflating = new FrameParser(Role.CLIENT, ProtocolLimits.DEFAULTS, Frame.RSV1);
        Frame frame = deflating.parse(Hex.buffer("c1 01 00"));
        assertEquals(Frame.RSV1, frame.rsv());
    }

    /** Frames that break a rule, with the role receiving them and the close code expected. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "3.1 RSV2 without extension,            CLIENT, a1 00,          1002",
        "3.2 RSV1 without extension,            CLIENT, c1 00,          1002",
        "3.4 RSV3 on a ping,                    CLIENT, 99 00,          1002",
        "4.1.1 reserved opcode 3,               CLIENT, 83 00,          1002",
        "4.1.5 reserved opcode 7,               CLIENT, 87 00,          1002",
        "4.2.1 reserved control opcode 11,      CLIENT, 8b 00,          1002",
        "4.2.5 reserved control opcode 15,      CLIENT, 8f 00,          1002",
        "2.5 ping with 126 bytes,               CLIENT, 89 7e 00 7e,    1002",
        "5.1 fragmented ping,                   CLIENT, 09 00,          1002",
        "5.2 fragmented pong,                   CLIENT, 0a 00,          1002",
        "unmasked frame to a server,            SERVER, 81 00,          1002",
        "masked frame to a client,              CLIENT, 81 80 00 00 00 00, 1002",
        "64-bit length with top bit set,        CLIENT, 82 7f 80 00 00 00 00 00 00 00, 1002",
        "RSV1 on a continuation,                CLIENT, c0 00,          1002",
    })
    void violationFailsWithItsCloseCode(String rule, Role role, String hex, int code) {
        FrameParser parser = new FrameParser(role, ProtocolLimits.DEFAULTS, rule.contains("continuation") ? Frame.RSV1 : 0);
        WebSocketProtocolException e = assertThrows(WebSocketProtocolException.class, () -> parser.parse(Hex.buffer(hex)));
        assertEquals(code, e.closeCode());
    }

    @Test
    void frameOverTheLimitFailsWith1009FromItsHeaderAlone() {
        FrameParser parser = new FrameParser(Role.CLIENT, ProtocolLimits.DEFAULTS.withMaxFramePayload(1000));
        WebSocketProtocolException e = assertThrows(WebSocketProtocolException.class,
                () -> parser.parse(Hex.buffer("82 7e 03 e9")));
        assertEquals(CloseStatus.MESSAGE_TOO_BIG, e.closeCode());
    }

    @Test
    void violationIsReportedAsSoonAsTheSecondByteArrives() {
        FrameParser parser = new FrameParser(Role.SERVER, ProtocolLimits.DEFAULTS);
        assertThrows(WebSocketProtocolException.class, () -> parser.parse(Hex.buffer("81 7e")));
    }

    @Test
    void onceFailedStaysFailed() {
        assertThrows(WebSocketProtocolException.class, () -> client.parse(Hex.buffer("83 00")));
        WebSocketProtocolException again = assertThrows(WebSocketProtocolException.class,
                () -> client.parse(Hex.buffer("81 00")));
        assertEquals(CloseStatus.PROTOCOL_ERROR, again.closeCode());
    }

    @Test
    void readOnlyInputIsCopiedNotModified() throws Exception {
        ByteBuffer in = Hex.buffer("81 85 37 fa 21 3d 7f 9f 4d 51 58").asReadOnlyBuffer();
        assertEquals(Frame.text("Hello"), server.parse(in));
        assertFalse(in.hasRemaining());
        assertEquals(Hex.norm("81 85 37 fa 21 3d 7f 9f 4d 51 58"), Hex.of(in.flip()));
    }

    @Test
    void headerClaimingHugePayloadAllocatesOnlyWhatArrives() throws Exception {
        FrameParser parser = new FrameParser(Role.CLIENT, ProtocolLimits.DEFAULTS);
        ByteBuffer in = Hex.buffer("82 7f 00 00 00 00 00 ff ff ff 01 02");
        long allocated = Allocations.measure(() -> assertNull(parser.parse(in)));
        assertTrue(allocated < (1 << 20), "allocated " + allocated + " bytes for a 16 MiB claim backed by two bytes");
    }
}
