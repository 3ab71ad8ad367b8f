package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

/** The hot path allocates nothing per message once warm: receive, deliver in place, echo, write. */
class ConnectionGarbageTest {
    private static final int MESSAGES = 20_000;

    @Test
    void echoOfSmallBinaryMessagesAllocatesNothingPerMessage() throws Exception {
        long[] echoed = new long[1];
        WebSocketConnection server = WebSocketConnection.builder(Role.SERVER).listener(new WebSocketListener() {
            @Override
            public void onBinary(WebSocketConnection connection, ByteBuffer data) {
                connection.sendBinary(data);
                echoed[0]++;
            }
        }).build();
        // A masked 32-byte binary frame; unmasking in place toggles its payload, which binary does not mind.
        ByteBuffer frame = new FrameWriter(Role.CLIENT, Wire.FIXED_KEY).encode(Frame.of(OpCode.BINARY, ByteBuffer.allocate(32)));

        echo(server, frame, MESSAGES); // warm up: chunk allocated, code compiled
        long allocated = Allocations.measure(() -> echo(server, frame, MESSAGES));

        assertEquals(2L * MESSAGES, echoed[0]);
        assertTrue(allocated < MESSAGES / 4, "allocated " + allocated + " bytes for " + MESSAGES + " echoes");
    }

    private static void echo(WebSocketConnection server, ByteBuffer frame, int count) {
        OutboundQueue queue = server.outbound();
        for (int i = 0; i < count; i++) {
            server.receive(frame.clear());
            for (int b = 0; b < queue.size(); b++) {
                ByteBuffer buffer = queue.buffers()[b];
                buffer.position(buffer.limit()); // as if written to the socket
            }
            queue.removeWritten();
        }
    }
}
