package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A shared frame whose payload an extension transformed itself keeps its RSV bits, and a connection sends it
 * only when it negotiated an extension that owns them (RFC 6455 section 5.2: RSV bits need a negotiated
 * extension).
 */
class SharedFrameRsvTest {
    private final RecordingListener events = new RecordingListener();

    @Test
    void sharedFrameKeepsItsRsvBitsOnTheWire() {
        EncodedFrame shared = FrameWriter.encodeShared(Frame.text("news").withRsv(Frame.RSV2));
        assertEquals(Frame.RSV2, shared.rsv());
        WebSocketConnection server = WebSocketConnection.builder(Role.SERVER).listener(events)
                .extensions(List.of(new XorExtension())).build();
        assertTrue(server.sendEncoded(shared));
        assertEquals(Hex.norm("a1 04 6e 65 77 73"), Hex.of(new Wire(server).drain()));
    }

    @Test
    void connectionWithoutTheExtensionRefusesTheFrame() {
        EncodedFrame shared = FrameWriter.encodeShared(Frame.text("news").withRsv(Frame.RSV1));
        WebSocketConnection plain = WebSocketConnection.builder(Role.SERVER).listener(events).build();
        assertThrows(IllegalArgumentException.class, () -> plain.sendEncoded(shared));
        assertTrue(plain.outbound().isEmpty());
    }
}
