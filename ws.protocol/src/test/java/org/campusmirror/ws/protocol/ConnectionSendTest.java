package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The send path: messages, fragments, control frames, broadcast, the outbound queue (RFC 6455 5.2-5.5). */
class ConnectionSendTest {
    private final RecordingListener events = new RecordingListener();
    private final WebSocketConnection server = WebSocketConnection.builder(Role.SERVER).listener(events).build();
    private final Wire wire = new Wire(server);

    @Test
    void serverSendsRfc6455Section57UnmaskedHello() {
        server.sendText("Hello");
        assertEquals(Hex.norm("81 05 48 65 6c 6c 6f"), Hex.of(wire.drain()));
    }

    @Test
    void clientMasksWithTheKeyFromItsGenerator() {
        WebSocketConnection client = WebSocketConnection.builder(Role.CLIENT).listener(events).maskKeys(Wire.FIXED_KEY).build();
        client.sendText("Hello");
        assertEquals(Hex.norm("81 85 37 fa 21 3d 7f 9f 4d 51 58"), Hex.of(new Wire(client).drain()));
    }

    @Test
    void sendingLeavesTheCallersBufferAsItWas() {
        WebSocketConnection client = WebSocketConnection.builder(Role.CLIENT).listener(events).build();
        ByteBuffer data = Hex.buffer("01 02 03 04 05");
        client.sendBinary(data);
        assertEquals(0, data.position());
        assertEquals("0102030405", Hex.of(data));
    }

    @Test
    void largeMessagesUseTheLongLengthForms() throws Exception {
        server.sendBinary(ByteBuffer.allocate(70_000));
        server.sendBinary(ByteBuffer.allocate(300));
        List<Frame> frames = wire.written();
        assertEquals(70_000, frames.get(0).payloadLength());
        assertEquals(300, frames.get(1).payloadLength());
    }

    @Test
    void manySmallFramesShareOneBufferOfTheQueue() {
        for (int i = 0; i < 100; i++) {
            server.sendText("tick " + i);
        }
        assertEquals(1, server.outbound().size());
    }

    @Test
    void bufferedAmountCountsQueuedBytesUntilWritten() {
        server.sendBinary(ByteBuffer.allocate(10_000));
        assertEquals(10_004, server.bufferedAmount());
        ByteBuffer first = server.outbound().buffers()[0];
        first.position(first.limit());
        server.outbound().removeWritten();
        assertEquals(10_000, server.bufferedAmount());
        wire.drain();
        assertEquals(0, server.bufferedAmount());
        assertTrue(server.outbound().isEmpty());
    }

    @Test
    void fragmentedMessageWithAPingInBetween() throws Exception {
        OutgoingMessage message = server.startMessage(OpCode.TEXT);
        message.send(Hex.buffer("48 65 6c"));
        server.ping(Hex.buffer("70"));
        message.finish(Hex.buffer("6c 6f"));
        assertEquals(List.of(
                Frame.fragment(OpCode.TEXT, Hex.buffer("48 65 6c")),
                Frame.of(OpCode.PING, Hex.buffer("70")),
                Frame.of(OpCode.CONTINUATION, Hex.buffer("6c 6f"))), wire.written());
    }

    @Test
    void anotherDataMessageWhileOneIsOpenIsRefused() {
        server.startMessage(OpCode.BINARY).send(Hex.buffer("01"));
        assertThrows(IllegalStateException.class, () -> server.sendText("interleaved"));
        assertThrows(IllegalStateException.class, () -> server.startMessage(OpCode.TEXT));
    }

    @Test
    void invalidUtf8TextIsRefusedBeforeItIsSent() {
        assertThrows(IllegalArgumentException.class, () -> server.sendText(Hex.buffer("ff")));
        OutgoingMessage message = server.startMessage(OpCode.TEXT);
        message.send(Hex.buffer("ce"));
        assertThrows(IllegalArgumentException.class, () -> message.finish(Hex.buffer("41")));
        assertEquals(3, server.bufferedAmount(), "only the first fragment was queued");
        message.finish(Hex.buffer("ba"));
        assertEquals(6, server.bufferedAmount(), "the refused fragment did not spoil the message");
    }

    @Test
    void controlPayloadOver125BytesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> server.ping(ByteBuffer.allocate(126)));
    }

    @Test
    void pingIsAnsweredWithTheSamePayload() throws Exception {
        wire.send(Frame.of(OpCode.PING, Hex.buffer("de ad be ef")));
        assertEquals(List.of(Frame.of(OpCode.PONG, Hex.buffer("de ad be ef"))), wire.written());
        assertEquals(List.of("ping:deadbeef"), events.events);
    }

    @Test
    void unsolicitedPongIsOnlyReported() throws Exception {
        wire.send(Frame.of(OpCode.PONG, Hex.buffer("01")));
        assertEquals(List.of(), wire.written());
        assertEquals(List.of("pong:01"), events.events);
    }

    @Test
    void sharedFrameIsQueuedWithoutCopyForEveryConnection() {
        EncodedFrame shared = FrameWriter.encodeShared(Frame.text("news"));
        WebSocketConnection other = WebSocketConnection.builder(Role.SERVER).listener(events).build();
        assertTrue(server.sendEncoded(shared));
        assertTrue(other.sendEncoded(shared));
        ByteBuffer mine = server.outbound().peek();
        assertTrue(mine.isReadOnly());
        assertEquals(Hex.norm("81 04 6e 65 77 73"), Hex.of(wire.drain()));
        assertEquals(Hex.norm("81 04 6e 65 77 73"), Hex.of(new Wire(other).drain()));
    }

    @Test
    void clientCannotSendSharedUnmaskedFrames() {
        WebSocketConnection client = WebSocketConnection.builder(Role.CLIENT).listener(events).build();
        assertThrows(IllegalStateException.class, () -> client.sendEncoded(FrameWriter.encodeShared(Frame.text("x"))));
    }

    @Test
    void directBuffersAreUsedWhenAsked() {
        WebSocketConnection direct = WebSocketConnection.builder(Role.SERVER).listener(events).directBuffers(true).build();
        direct.sendBinary(ByteBuffer.allocate(5000));
        assertTrue(direct.outbound().buffers()[0].isDirect());
        assertTrue(direct.outbound().buffers()[1].isDirect());
        assertEquals(5004, direct.bufferedAmount());
    }

    @Test
    void chunkIsReusedOnceWritten() {
        server.sendText("a");
        ByteBuffer chunk = server.outbound().peek();
        wire.drain();
        server.sendText("b");
        assertSame(chunk, server.outbound().peek());
        assertEquals(Hex.norm("81 01 62"), Hex.of(wire.drain()));
    }

    @Test
    void messageAfterCloseIsDroppedEvenWithAnUnfinishedFragmentedOne() {
        server.startMessage(OpCode.TEXT).send(Hex.buffer("41"));
        server.close();
        assertFalse(server.sendText("late"));
    }

    @Test
    void sendAfterTransportClosedReturnsFalse() {
        server.transportClosed();
        assertFalse(server.sendBinary(ByteBuffer.allocate(1)));
        assertEquals(0, server.bufferedAmount());
    }
}
