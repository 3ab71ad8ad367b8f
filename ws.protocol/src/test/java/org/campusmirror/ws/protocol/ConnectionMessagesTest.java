package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The receive path of a connection: messages, fragmentation, UTF-8, limits (RFC 6455 sections 5.4-5.6, 8.1). */
class ConnectionMessagesTest {
    private final RecordingListener events = new RecordingListener();
    private WebSocketConnection server = WebSocketConnection.builder(Role.SERVER).listener(events).build();
    private Wire wire = new Wire(server);

    @Test
    void maskedTextFrameArrivesAsOneMessage() {
        wire.sendRaw("81 85 37 fa 21 3d 7f 9f 4d 51 58");
        assertEquals(List.of("text:Hello"), events.events);
    }

    @Test
    void frameSplitAtEveryByteBoundaryArrivesOnce() {
        byte[] wireBytes = Hex.bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58");
        for (int cut = 1; cut < wireBytes.length; cut++) {
            RecordingListener listener = new RecordingListener();
            WebSocketConnection c = WebSocketConnection.builder(Role.SERVER).listener(listener).build();
            c.receive(ByteBuffer.wrap(wireBytes.clone(), 0, cut));
            c.receive(ByteBuffer.wrap(wireBytes.clone(), cut, wireBytes.length - cut));
            assertEquals(List.of("text:Hello"), listener.events, "split at " + cut);
        }
    }

    @Test
    void binaryMessageEveryByteInItsOwnRead() {
        ByteBuffer frame = wire.encode(Frame.of(OpCode.BINARY, Hex.buffer("00 01 02 ff")));
        while (frame.hasRemaining()) {
            server.receive(ByteBuffer.wrap(new byte[] {frame.get()}));
        }
        assertEquals(List.of("binary:000102ff"), events.events);
    }

    @Test
    void rfc6455Section57FragmentedHelloIsOneMessage() {
        wire.send(Frame.fragment(OpCode.TEXT, Hex.buffer("48 65 6c")), Frame.of(OpCode.CONTINUATION, Hex.buffer("6c 6f")));
        assertEquals(List.of("text:Hello"), events.events);
    }

    @Test
    void pingBetweenFragmentsIsAnsweredAtOnce() throws Exception {
        wire.send(Frame.fragment(OpCode.TEXT, Hex.buffer("48 65 6c")), Frame.of(OpCode.PING, Hex.buffer("01 02")));
        assertEquals(List.of(Frame.of(OpCode.PONG, Hex.buffer("01 02"))), wire.written());
        wire.send(Frame.of(OpCode.CONTINUATION, Hex.buffer("6c 6f")));
        assertEquals(List.of("ping:0102", "text:Hello"), events.events);
    }

    @Test
    void emptyTextAndBinaryMessagesArrive() {
        wire.send(Frame.of(OpCode.TEXT, ByteBuffer.allocate(0)), Frame.of(OpCode.BINARY, ByteBuffer.allocate(0)));
        assertEquals(List.of("text:", "binary:"), events.events);
    }

    @Test
    void messageWithEmptyFragmentsArrivesWhole() {
        wire.send(Frame.fragment(OpCode.TEXT, ByteBuffer.allocate(0)),
                Frame.fragment(OpCode.CONTINUATION, Hex.buffer("41")),
                Frame.of(OpCode.CONTINUATION, ByteBuffer.allocate(0)));
        assertEquals(List.of("text:A"), events.events);
    }

    @Test
    void singleFrameMessageInOneReadIsDeliveredWithoutCopy() {
        ByteBuffer[] seen = new ByteBuffer[1];
        WebSocketConnection c = WebSocketConnection.builder(Role.CLIENT).listener(new WebSocketListener() {
            @Override
            public void onBinary(WebSocketConnection connection, ByteBuffer data) {
                seen[0] = data;
            }
        }).build();
        ByteBuffer in = Hex.buffer("82 03 01 02 03");
        c.receive(in);
        assertSame(in, seen[0]);
    }

    @Test
    void continuationWithoutMessageFailsWith1002() throws Exception {
        wire.send(Frame.of(OpCode.CONTINUATION, Hex.buffer("41")));
        assertFailedWith(CloseStatus.PROTOCOL_ERROR);
    }

    @Test
    void newMessageInsideAFragmentedOneFailsWith1002() throws Exception {
        wire.send(Frame.fragment(OpCode.TEXT, Hex.buffer("41")), Frame.of(OpCode.TEXT, Hex.buffer("42")));
        assertFailedWith(CloseStatus.PROTOCOL_ERROR);
    }

    @Test
    void unmaskedFrameFromAClientFailsWith1002() throws Exception {
        wire.sendRaw("81 05 48 65 6c 6c 6f");
        assertFailedWith(CloseStatus.PROTOCOL_ERROR);
    }

    @Test
    void invalidUtf8InATextMessageFailsWith1007() throws Exception {
        wire.send(Frame.of(OpCode.TEXT, Hex.buffer("ce ba e1 bd b9 cf 83 ce bc ce b5 ed a0 80 65 64 69 74 65 64")));
        assertFailedWith(CloseStatus.INVALID_PAYLOAD);
    }

    @Test
    void invalidUtf8FailsAtTheFragmentThatHoldsIt() throws Exception {
        // Autobahn 6.4.1: the second fragment breaks the text; the final fragment must not be needed.
        wire.send(Frame.fragment(OpCode.TEXT, Hex.buffer("ce ba e1 bd b9 cf 83 ce bc ce b5")));
        assertEquals(List.of(), events.events);
        wire.send(Frame.fragment(OpCode.CONTINUATION, Hex.buffer("f4 90 80 80")));
        assertFailedWith(CloseStatus.INVALID_PAYLOAD);
    }

    @Test
    void invalidUtf8FailsWhileTheFrameIsStillArriving() throws Exception {
        // Autobahn 6.4.3: one frame, sent in chops; the chop with the bad byte fails the connection.
        ByteBuffer frame = wire.encode(Frame.of(OpCode.TEXT,
                Hex.buffer("ce ba e1 bd b9 cf 83 ce bc ce b5 f4 90 80 80 65 64 69 74 65 64")));
        server.receive(frame.duplicate().limit(6 + 11));
        assertTrue(server.state() == WebSocketConnection.State.OPEN);
        server.receive(frame.duplicate().position(17).limit(6 + 13));
        assertFailedWith(CloseStatus.INVALID_PAYLOAD);
    }

    @Test
    void textEndingInsideACodePointFailsWith1007() throws Exception {
        wire.send(Frame.of(OpCode.TEXT, Hex.buffer("41 ce")));
        assertFailedWith(CloseStatus.INVALID_PAYLOAD);
    }

    @Test
    void codePointSplitAcrossFragmentsIsAccepted() {
        wire.send(Frame.fragment(OpCode.TEXT, Hex.buffer("ce")), Frame.of(OpCode.CONTINUATION, Hex.buffer("ba")));
        assertEquals(List.of("text:κ"), events.events);
    }

    @Test
    void binaryMessagesAreNotUtf8Checked() {
        wire.send(Frame.of(OpCode.BINARY, Hex.buffer("ff fe")));
        assertEquals(List.of("binary:fffe"), events.events);
    }

    @Test
    void frameOverMaxFramePayloadFailsWith1009() throws Exception {
        useLimits(ProtocolLimits.DEFAULTS.withMaxFramePayload(200));
        wire.send(Frame.of(OpCode.BINARY, ByteBuffer.allocate(201)));
        assertFailedWith(CloseStatus.MESSAGE_TOO_BIG);
    }

    @Test
    void fragmentsAddingUpOverMaxMessageSizeFailWith1009BeforeThePayloadArrives() throws Exception {
        useLimits(ProtocolLimits.DEFAULTS.withMaxMessageSize(300));
        wire.send(Frame.fragment(OpCode.BINARY, ByteBuffer.allocate(200)));
        ByteBuffer second = wire.encode(Frame.of(OpCode.CONTINUATION, ByteBuffer.allocate(101)));
        server.receive(second.limit(8)); // header only
        assertFailedWith(CloseStatus.MESSAGE_TOO_BIG);
    }

    @Test
    void messageExactlyAtTheLimitArrives() {
        useLimits(ProtocolLimits.DEFAULTS.withMaxMessageSize(300));
        wire.send(Frame.fragment(OpCode.BINARY, ByteBuffer.allocate(200)), Frame.of(OpCode.CONTINUATION, ByteBuffer.allocate(100)));
        assertEquals(1, events.events.size());
        assertTrue(events.events.get(0).startsWith("binary:"));
    }

    @Test
    void streamedDeliveryHandsOnChunksAsTheyArrive() {
        server = WebSocketConnection.builder(Role.SERVER).listener(events).delivery(MessageDelivery.STREAMED).build();
        wire = new Wire(server);
        ByteBuffer frame = wire.encode(Frame.fragment(OpCode.TEXT, Hex.buffer("41 42 43 44")));
        server.receive(frame.duplicate().limit(8));
        server.receive(frame.duplicate().position(8));
        wire.send(Frame.of(OpCode.CONTINUATION, Hex.buffer("45")));
        assertEquals(List.of("start:TEXT", "data:4142", "data:4344", "data:45", "end"), events.events);
    }

    @Test
    void streamedDeliveryStillFailsOnInvalidUtf8BeforeDeliveringTheChunk() throws Exception {
        server = WebSocketConnection.builder(Role.SERVER).listener(events).delivery(MessageDelivery.STREAMED).build();
        wire = new Wire(server);
        wire.send(Frame.of(OpCode.TEXT, Hex.buffer("41 ff")));
        assertEquals(List.of("start:TEXT", "error:1007"), events.events);
    }

    @Test
    void largeMessageInManySmallReadsIsAssembled() {
        byte[] payload = "0123456789".repeat(7000).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer frame = wire.encode(Frame.of(OpCode.TEXT, ByteBuffer.wrap(payload)));
        while (frame.hasRemaining()) {
            server.receive(frame.duplicate().limit(Math.min(frame.limit(), frame.position() + 997)));
            frame.position(Math.min(frame.limit(), frame.position() + 997));
        }
        assertEquals(List.of("text:" + "0123456789".repeat(7000)), events.events);
    }

    @Test
    void listenerExceptionFailsTheConnectionWith1011AndPropagates() throws Exception {
        WebSocketConnection c = WebSocketConnection.builder(Role.SERVER).listener(new WebSocketListener() {
            @Override
            public void onText(WebSocketConnection connection, String text) {
                throw new IllegalStateException("application bug");
            }
        }).build();
        Wire w = new Wire(c);
        assertThrows(IllegalStateException.class, () -> w.send(Frame.text("x")));
        assertEquals(List.of(Frame.close(CloseStatus.INTERNAL_ERROR, "")), w.written());
        assertTrue(c.shouldCloseTransport());
    }

    @Test
    void bytesAfterAFailureAreDiscarded() {
        wire.sendRaw("83 00");
        ByteBuffer more = wire.encode(Frame.text("late"));
        server.receive(more);
        assertFalse(more.hasRemaining());
        assertEquals(List.of("error:1002"), events.events);
    }

    private void useLimits(ProtocolLimits limits) {
        server = WebSocketConnection.builder(Role.SERVER).listener(events).limits(limits).build();
        wire = new Wire(server);
    }

    private void assertFailedWith(int code) throws Exception {
        assertEquals(List.of("error:" + code), events.events);
        assertEquals(List.of(Frame.close(code, "")), wire.written());
        assertTrue(server.shouldCloseTransport());
        assertEquals(WebSocketConnection.State.CLOSING, server.state());
    }
}
