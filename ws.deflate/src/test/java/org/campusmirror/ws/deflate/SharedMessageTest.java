package org.campusmirror.ws.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.campusmirror.ws.protocol.EncodedFrame;
import org.campusmirror.ws.protocol.Frame;
import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.protocol.Role;
import org.campusmirror.ws.protocol.WebSocketConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Compress once, send to many: {@link PerMessageDeflate#encodeShared} and {@link SharedMessage}. */
class SharedMessageTest {
    private static final byte[] NEWS = CompressionTest.json(20_000, 11);

    private final PerMessageDeflate broadcast = PerMessageDeflate.create(PerMessageDeflateOptions.builder().forBroadcast().build());
    private final List<Peers> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Peers::close);
        broadcast.close();
    }

    @Test
    void oneCompressedFrameServesEveryConnectionThatAgreedToNoContextTakeover() {
        SharedMessage message = broadcast.encodeShared(OpCode.BINARY, ByteBuffer.wrap(NEWS));
        EncodedFrame compressed = message.compressedFrame().orElseThrow();
        assertEquals(Frame.RSV1, compressed.rsv());
        assertTrue(compressed.length() < NEWS.length / 3, "compressed to " + compressed.length());
        for (int i = 0; i < 3; i++) {
            Peers peers = connect(PerMessageDeflateOptions.DEFAULTS);
            assertTrue(peers.serverExtension.parameters().serverNoContextTakeover(), "asked for by forBroadcast");
            assertSame(compressed, message.frameFor(peers.server));
            assertTrue(message.sendTo(peers.server));
            peers.serverToClient();
            assertArrayEquals(NEWS, peers.clientEvents.messages.get(0).data());
        }
    }

    @Test
    void connectionKeepsItsOwnCompressionWorkingAroundSharedFrames() {
        Peers peers = connect(PerMessageDeflateOptions.DEFAULTS);
        SharedMessage message = broadcast.encodeShared(OpCode.TEXT, ByteBuffer.wrap(NEWS));
        peers.server.sendBinary(ByteBuffer.wrap(NEWS));
        message.sendTo(peers.server);
        peers.server.sendBinary(ByteBuffer.wrap(NEWS));
        peers.serverToClient();
        assertEquals(List.of(), peers.clientEvents.errors);
        assertEquals(3, peers.clientEvents.messages.size());
        for (Recorder.Message received : peers.clientEvents.messages) {
            assertArrayEquals(NEWS, received.data());
        }
        assertEquals(OpCode.TEXT, peers.clientEvents.messages.get(1).type());
    }

    @Test
    void connectionWithContextTakeoverGetsThePlainFrame() {
        try (PerMessageDeflate ordinary = PerMessageDeflate.create()) {
            Peers peers = track(Peers.builder().serverFactory(ordinary).build());
            SharedMessage message = broadcast.encodeShared(OpCode.BINARY, ByteBuffer.wrap(NEWS));
            assertSame(message.plainFrame(), message.frameFor(peers.server));
            message.sendTo(peers.server);
            List<Frame> frames = Peers.frames(peers.serverToClient(), Role.SERVER);
            assertEquals(0, frames.get(0).rsv());
            assertArrayEquals(NEWS, peers.clientEvents.messages.get(0).data());
        }
    }

    @Test
    void connectionWithASmallerServerWindowGetsThePlainFrame() {
        Peers peers = connect(PerMessageDeflateOptions.builder().serverMaxWindowBits(10).build());
        SharedMessage message = broadcast.encodeShared(OpCode.BINARY, ByteBuffer.wrap(NEWS));
        assertSame(message.plainFrame(), message.frameFor(peers.server));
    }

    @Test
    void connectionWithoutDeflateGetsThePlainFrameAndRefusesTheCompressedOne() {
        Recorder events = new Recorder();
        WebSocketConnection plain = WebSocketConnection.builder(Role.SERVER).listener(events).build();
        SharedMessage message = broadcast.encodeShared(OpCode.BINARY, ByteBuffer.wrap(NEWS));
        assertSame(message.plainFrame(), message.frameFor(plain));
        assertThrows(IllegalArgumentException.class, () -> plain.sendEncoded(message.compressedFrame().orElseThrow()));
    }

    @Test
    void messageBelowTheThresholdIsOnlyPlain() {
        SharedMessage message = broadcast.encodeShared(OpCode.TEXT, ByteBuffer.wrap("short".getBytes()));
        assertTrue(message.compressedFrame().isEmpty());
        Peers peers = connect(PerMessageDeflateOptions.DEFAULTS);
        message.sendTo(peers.server);
        peers.serverToClient();
        assertEquals(List.of("short"), peers.clientEvents.texts());
    }

    @Test
    void callersBufferIsLeftAsItWas() {
        ByteBuffer data = ByteBuffer.wrap(NEWS);
        broadcast.encodeShared(OpCode.BINARY, data);
        assertEquals(0, data.position());
        assertEquals(NEWS.length, data.limit());
    }

    @Test
    void textMustBeUtf8AndTheTypeAMessageType() {
        assertThrows(IllegalArgumentException.class,
                () -> broadcast.encodeShared(OpCode.TEXT, ByteBuffer.wrap(new byte[] {(byte) 0xc3, 0x28})));
        assertThrows(IllegalArgumentException.class, () -> broadcast.encodeShared(OpCode.PING, ByteBuffer.allocate(1)));
    }

    @Test
    void sharedCompressionLeavesNoSlotInUse() {
        broadcast.encodeShared(OpCode.BINARY, ByteBuffer.wrap(NEWS));
        assertEquals(0, broadcast.slotsInUse());
    }

    private Peers connect(PerMessageDeflateOptions clientOptions) {
        return track(Peers.builder().serverFactory(broadcast).clientOptions(clientOptions).build());
    }

    private Peers track(Peers peers) {
        opened.add(peers);
        return peers;
    }
}
