package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link WebSocketConnection#fail}: a transport shedding load drops what the peer has not begun to receive and
 * closes ahead of it, keeping the stream well-formed (RFC 6455 section 7.1.7).
 */
class ConnectionFailTest {
    private final RecordingListener events = new RecordingListener();
    private final WebSocketConnection server = WebSocketConnection.builder(Role.SERVER).listener(events).build();
    private final Wire wire = new Wire(server);

    @Test
    void nothingWrittenYetLeavesOnlyTheCloseFrame() throws Exception {
        server.sendText("one");
        server.sendBinary(ByteBuffer.allocate(5000));
        long queued = server.bufferedAmount();
        long dropped = server.fail(CloseStatus.TRY_AGAIN_LATER, "busy");
        assertEquals(queued, dropped);
        assertEquals(List.of(Frame.close(CloseStatus.TRY_AGAIN_LATER, "busy")), wire.written());
        assertTrue(server.shouldCloseTransport());
        assertFalse(server.sendText("late"));
    }

    @Test
    void theFrameInProgressIsFinishedAndTheRestDropped() throws Exception {
        server.sendBinary(ByteBuffer.allocate(5000)); // header in the chunk, payload in a buffer of its own
        server.sendText("after");
        server.sendEncoded(FrameWriter.encodeShared(Frame.text("shared")));
        OutboundQueue queue = server.outbound();
        queue.buffers()[0].position(2); // the transport wrote part of the header
        long before = queue.enqueuedBytes();
        long dropped = server.fail(CloseStatus.TRY_AGAIN_LATER, "");
        assertEquals(before - dropped + 4, queue.enqueuedBytes(), "the count goes down by the dropped bytes");
        ByteBuffer rest = wire.drain();
        ByteBuffer stream = ByteBuffer.allocate(2 + rest.remaining());
        stream.put((byte) 0x82).put((byte) 126).put(rest).flip(); // the two header bytes the transport wrote
        List<Frame> frames = parse(stream);
        assertEquals(2, frames.size(), "the binary frame completed, then the close frame: " + frames);
        assertEquals(5000, frames.get(0).payloadLength());
        assertEquals(Frame.close(CloseStatus.TRY_AGAIN_LATER, ""), frames.get(1));
    }

    @Test
    void sharedFramesNotBegunAreDroppedTheOneBegunIsFinished() throws Exception {
        EncodedFrame shared = FrameWriter.encodeShared(Frame.text("x".repeat(300)));
        for (int i = 0; i < 5; i++) {
            server.sendEncoded(shared);
        }
        server.outbound().buffers()[0].position(100);
        long dropped = server.fail(CloseStatus.TRY_AGAIN_LATER, "");
        assertEquals(4L * shared.length(), dropped);
        ByteBuffer tail = wire.drain();
        assertEquals(shared.length() - 100 + 4, tail.remaining(), "the rest of the first frame, then the close");
    }

    @Test
    void afterOurCloseFrameNothingIsDropped() throws Exception {
        server.sendText("last words");
        server.close(CloseStatus.GOING_AWAY, "");
        assertEquals(0, server.fail(CloseStatus.TRY_AGAIN_LATER, ""));
        List<Frame> frames = wire.written();
        assertEquals(List.of(Frame.text("last words"), Frame.close(CloseStatus.GOING_AWAY, "")), frames);
        assertTrue(server.shouldCloseTransport());
    }

    @Test
    void enqueuedBytesMinusWrittenIsWhatWaits() {
        server.sendText("abc");
        server.sendBinary(ByteBuffer.allocate(4000));
        server.sendEncoded(FrameWriter.encodeShared(Frame.text("s")));
        assertEquals(server.bufferedAmount(), server.outbound().enqueuedBytes());
        wire.drain();
        assertEquals(0, server.bufferedAmount());
        assertEquals(5 + 4004 + 3, server.outbound().enqueuedBytes(), "the count only grows while nothing is dropped");
    }

    private static List<Frame> parse(ByteBuffer stream) throws WebSocketProtocolException {
        FrameParser parser = new FrameParser(Role.CLIENT, ProtocolLimits.DEFAULTS, 0);
        List<Frame> frames = new ArrayList<>();
        for (Frame f = parser.parse(stream); f != null; f = parser.parse(stream)) {
            frames.add(f);
        }
        assertFalse(stream.hasRemaining(), "a partial frame is left");
        return frames;
    }
}
