package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What a connection holds of incoming messages is drawn from its {@link ByteBudget}: charged before it is
 * allocated, refused with 1013 when it does not fit, and given back exactly, whatever way the connection ends.
 */
class ConnectionBudgetTest {
    private final RecordingListener events = new RecordingListener();
    private final CountingBudget budget = new CountingBudget(256 << 10);
    private final WebSocketConnection server = WebSocketConnection.builder(Role.SERVER).listener(events)
            .inboundBudget(budget).build();
    private final Wire wire = new Wire(server);

    @Test
    void aFrameWhollyInOneReadTakesNothing() {
        wire.send(Frame.of(OpCode.BINARY, ByteBuffer.allocate(100 << 10)));
        assertEquals(1, events.events.size());
        assertEquals(0, budget.peak(), "delivered from the read buffer, never assembled");
    }

    @Test
    void aMessageSpanningReadsIsChargedWhileItArrivesAndGivenBackAfterIt() {
        ByteBuffer frame = wire.encode(Frame.of(OpCode.BINARY, ByteBuffer.allocate(100 << 10)));
        server.receive(frame.slice(0, 40 << 10));
        assertTrue(budget.used() >= 40 << 10, "the first part is held and charged: " + budget.used());
        server.receive(frame.slice(40 << 10, frame.remaining() - (40 << 10)));
        assertEquals(List.of("binary:" + "00".repeat(100 << 10)), events.events);
        assertEquals(0, budget.used(), "a 100 KiB assembly buffer is dropped after its message");
        assertTrue(budget.peak() >= 100 << 10 && budget.peak() <= 200 << 10, "held at most " + budget.peak());
    }

    @Test
    void aMessageThatDoesNotFitTheBudgetFailsWith1013AndAllIsGivenBack() throws Exception {
        CountingBudget small = new CountingBudget(64 << 10);
        RecordingListener listener = new RecordingListener();
        WebSocketConnection connection = WebSocketConnection.builder(Role.SERVER).listener(listener)
                .inboundBudget(small).build();
        Wire peer = new Wire(connection);
        ByteBuffer frame = peer.encode(Frame.of(OpCode.BINARY, ByteBuffer.allocate(200 << 10)));
        for (int at = 0; at < frame.remaining(); at += 16 << 10) {
            connection.receive(frame.slice(at, Math.min(16 << 10, frame.remaining() - at)));
        }
        assertEquals(List.of("error:" + CloseStatus.TRY_AGAIN_LATER), listener.events);
        assertEquals(List.of(Frame.close(CloseStatus.TRY_AGAIN_LATER, "")), peer.written());
        assertTrue(connection.shouldCloseTransport());
        assertEquals(0, small.used(), "the partial message was given back when the connection failed");
        connection.transportClosed();
        assertEquals(0, small.used());
    }

    @Test
    void aFragmentedMessageCutShortByTheTransportClosingIsGivenBack() {
        wire.send(Frame.fragment(OpCode.TEXT, ByteBuffer.wrap(new byte[3000])));
        assertTrue(budget.used() > 0);
        server.transportClosed();
        assertEquals(0, budget.used());
    }

    @Test
    void aSmallAssemblyBufferIsKeptChargedForTheNextMessageUntilTheEnd() {
        wire.send(Frame.fragment(OpCode.BINARY, ByteBuffer.allocate(10)));
        wire.send(Frame.of(OpCode.CONTINUATION, ByteBuffer.allocate(10)));
        long kept = budget.used();
        assertTrue(kept > 0 && kept <= 4 << 10, "kept " + kept);
        wire.send(Frame.fragment(OpCode.BINARY, ByteBuffer.allocate(10)));
        assertEquals(kept, budget.used(), "the kept buffer is reused, not charged twice");
        server.transportClosed();
        assertEquals(0, budget.used());
    }

    @Test
    void whatAnExtensionKeepsIsChargedAndGivenBackWhenTheConnectionEnds() {
        CountingBudget counting = new CountingBudget(1 << 20);
        RetainingExtension extension = new RetainingExtension();
        WebSocketConnection connection = WebSocketConnection.builder(Role.SERVER).listener(new RecordingListener())
                .extensions(List.of(extension)).inboundBudget(counting).build();
        Wire peer = new Wire(connection);
        extension.retained = 32 << 10;
        ByteBuffer compressed = peer.encode(Frame.of(OpCode.TEXT, ByteBuffer.wrap(new byte[] {'a'})));
        compressed.put(0, (byte) (Frame.FIN | Frame.RSV1 | OpCode.TEXT.code()));
        connection.receive(compressed);
        assertEquals((32 << 10) + 1024, counting.used(), "what the extension keeps, and the kept 1 KiB assembly buffer");
        connection.transportClosed();
        assertEquals(0, counting.used());
    }

    /** An RSV1 extension that passes payload through and claims to keep {@link #retained} bytes. */
    private static final class RetainingExtension implements Extension {
        long retained;

        @Override
        public ExtensionOffer negotiated() {
            return new ExtensionOffer("x-retaining", List.of());
        }

        @Override
        public int rsvBits() {
            return Frame.RSV1;
        }

        @Override
        public boolean encodes(OpCode type, long length) {
            return false;
        }

        @Override
        public void encode(ByteBuffer data, PayloadSink out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void encodeFinal(ByteBuffer data, PayloadSink out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void decode(ByteBuffer data, PayloadSink out) throws WebSocketProtocolException {
            out.accept(data);
        }

        @Override
        public void finishDecoding(PayloadSink out) {
        }

        @Override
        public long retainedBytes() {
            return retained;
        }

        @Override
        public void close() {
            retained = 0;
        }
    }
}
