package org.campusmirror.ws.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.campusmirror.ws.protocol.Frame;
import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.protocol.OutgoingMessage;
import org.campusmirror.ws.protocol.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The send side of RFC 7692 section 7.2.1 on a connection: which messages are compressed, and how. */
class CompressionTest {
    private Peers peers;

    @AfterEach
    void close() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void messageBelowTheThresholdGoesOutUncompressedAndAtTheThresholdCompressed() {
        peers = Peers.with(PerMessageDeflateOptions.DEFAULTS);
        peers.server.sendText("a".repeat(1023));
        peers.server.sendText("a".repeat(1024));
        List<Frame> frames = Peers.frames(peers.serverToClient(), Role.SERVER);
        assertEquals(0, frames.get(0).rsv());
        assertEquals(1023, frames.get(0).payloadLength());
        assertEquals(Frame.RSV1, frames.get(1).rsv());
        assertTrue(frames.get(1).payloadLength() < 30, "1024 'a' compress to a few bytes");
        assertEquals(List.of("a".repeat(1023), "a".repeat(1024)), peers.clientEvents.texts());
    }

    @Test
    void thresholdIsConfigurable() {
        peers = Peers.with(PerMessageDeflateOptions.builder().threshold(10).build());
        peers.client.sendText("123456789");
        peers.client.sendText("1234567890");
        List<Frame> frames = Peers.frames(peers.clientToServer(), Role.CLIENT);
        assertEquals(0, frames.get(0).rsv());
        assertEquals(Frame.RSV1, frames.get(1).rsv());
        assertEquals(List.of("123456789", "1234567890"), peers.serverEvents.texts());
    }

    @Test
    void controlFramesAreNeverCompressed() {
        peers = Peers.with(PerMessageDeflateOptions.builder().threshold(0).build());
        peers.server.ping(ByteBuffer.wrap(new byte[125]));
        peers.server.close(1000, "a".repeat(100));
        List<Frame> frames = Peers.frames(Peers.drain(peers.server), Role.SERVER);
        assertEquals(OpCode.PING, frames.get(0).opCode());
        assertEquals(0, frames.get(0).rsv());
        assertEquals(125, frames.get(0).payloadLength());
        assertEquals(OpCode.CLOSE, frames.get(1).opCode());
        assertEquals(0, frames.get(1).rsv());
    }

    @Test
    void oneMessageCanBeSentUncompressed() {
        peers = Peers.with(PerMessageDeflateOptions.builder().threshold(0).build());
        DeflateExtension.on(peers.server).orElseThrow().sendNextUncompressed();
        peers.server.sendText("plain");
        peers.server.sendText("packed");
        List<Frame> frames = Peers.frames(peers.serverToClient(), Role.SERVER);
        assertEquals(0, frames.get(0).rsv());
        assertEquals("plain", StandardCharsets.UTF_8.decode(frames.get(0).payload()).toString());
        assertEquals(Frame.RSV1, frames.get(1).rsv());
        assertEquals(List.of("plain", "packed"), peers.clientEvents.texts());
    }

    @Test
    void contextTakeoverMakesARepeatedMessageTiny() {
        byte[] message = json(4000, 1);
        peers = Peers.with(PerMessageDeflateOptions.DEFAULTS);
        peers.server.sendBinary(ByteBuffer.wrap(message));
        peers.server.sendBinary(ByteBuffer.wrap(message));
        List<Frame> frames = Peers.frames(peers.serverToClient(), Role.SERVER);
        assertTrue(frames.get(0).payloadLength() > 500, "first copy: " + frames.get(0).payloadLength() + " bytes");
        // 4000 bytes as back-references of at most 258 bytes each: about 16 matches.
        assertTrue(frames.get(1).payloadLength() < 60,
                "second copy refers back into the first: " + frames.get(1).payloadLength() + " bytes");
        assertArrayEquals(message, peers.clientEvents.messages.get(1).data());
    }

    @Test
    void withoutContextTakeoverARepeatedMessageCompressesTheSameEachTime() {
        byte[] message = json(4000, 1);
        peers = Peers.with(PerMessageDeflateOptions.builder().serverNoContextTakeover(true).build());
        peers.server.sendBinary(ByteBuffer.wrap(message));
        peers.server.sendBinary(ByteBuffer.wrap(message));
        List<Frame> frames = Peers.frames(peers.serverToClient(), Role.SERVER);
        assertEquals(frames.get(0).payload(), frames.get(1).payload());
        assertTrue(frames.get(1).payloadLength() > 200);
        assertArrayEquals(message, peers.clientEvents.messages.get(1).data());
    }

    @Test
    void clientWithoutContextTakeoverAlsoCompressesEachMessageAlone() {
        byte[] message = json(4000, 2);
        peers = Peers.with(PerMessageDeflateOptions.builder().clientNoContextTakeover(true).build());
        peers.client.sendBinary(ByteBuffer.wrap(message));
        peers.client.sendBinary(ByteBuffer.wrap(message));
        List<Frame> frames = Peers.frames(peers.clientToServer(), Role.CLIENT);
        assertEquals(frames.get(0).payload(), frames.get(1).payload());
        assertEquals(2, peers.serverEvents.messages.size());
    }

    @Test
    void fragmentedSendMarksOnlyTheFirstFrameAndEachFrameIsFlushed() {
        peers = Peers.with(PerMessageDeflateOptions.DEFAULTS);
        byte[] message = json(30_000, 3);
        OutgoingMessage out = peers.server.startMessage(OpCode.TEXT);
        out.send(ByteBuffer.wrap(message, 0, 10_000));
        out.send(ByteBuffer.wrap(message, 10_000, 10_000));
        out.finish(ByteBuffer.wrap(message, 20_000, 10_000));
        List<Frame> frames = Peers.frames(peers.serverToClient(), Role.SERVER);
        assertEquals(3, frames.size());
        assertEquals(Frame.RSV1, frames.get(0).rsv());
        assertEquals(OpCode.TEXT, frames.get(0).opCode());
        for (Frame continuation : frames.subList(1, 3)) {
            assertEquals(0, continuation.rsv());
            assertEquals(OpCode.CONTINUATION, continuation.opCode());
        }
        for (Frame nonFinal : frames.subList(0, 2)) {
            assertTrue(Hex.of(nonFinal.payload()).endsWith("00 00 ff ff"), "sync flushed");
        }
        assertFalse(Hex.of(frames.get(2).payload()).endsWith("00 00 ff ff"), "tail stripped at the end");
        assertArrayEquals(message, peers.clientEvents.messages.get(0).data());
    }

    @ParameterizedTest(name = "server window {0} bits")
    @ValueSource(ints = {8, 9, 12, 14, 15})
    void agreedServerWindowIsUsedAndTheClientReadsIt(int bits) {
        peers = Peers.builder().clientOptions(PerMessageDeflateOptions.builder().serverMaxWindowBits(bits).build()).build();
        assertEquals(bits, peers.serverExtension.parameters().windowBits(Role.SERVER));
        byte[] big = json(200_000, bits);
        peers.server.sendBinary(ByteBuffer.wrap(big));
        peers.server.sendBinary(ByteBuffer.wrap(big));
        peers.serverToClient();
        assertEquals(2, peers.clientEvents.messages.size());
        assertArrayEquals(big, peers.clientEvents.messages.get(0).data());
        assertArrayEquals(big, peers.clientEvents.messages.get(1).data());
    }

    @Test
    void everyBusySlotMeansTheMessageGoesOutUncompressed() {
        PerMessageDeflate serverFactory = PerMessageDeflate.create(
                PerMessageDeflateOptions.builder().threshold(0).concurrencyLimit(1).build());
        peers = Peers.builder().serverFactory(serverFactory).build();
        // A fragmented message holds the only slot until it is finished.
        OutgoingMessage open = peers.server.startMessage(OpCode.TEXT);
        open.send(ByteBuffer.wrap("first part".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(1, serverFactory.slotsInUse());
        try (Peers other = Peers.builder().serverFactory(serverFactory).build()) {
            other.server.sendText("no slot for me");
            List<Frame> frames = Peers.frames(other.serverToClient(), Role.SERVER);
            assertEquals(0, frames.get(0).rsv());
            assertEquals(List.of("no slot for me"), other.clientEvents.texts());
            open.finish();
            assertEquals(0, serverFactory.slotsInUse());
            other.server.sendText("now compressed");
            assertEquals(Frame.RSV1, Peers.frames(other.serverToClient(), Role.SERVER).get(0).rsv());
        }
    }

    @Test
    void connectionEndingMidMessageGivesItsSlotBack() {
        PerMessageDeflate serverFactory = PerMessageDeflate.create(
                PerMessageDeflateOptions.builder().threshold(0).concurrencyLimit(1).build());
        peers = Peers.builder().serverFactory(serverFactory).build();
        peers.server.startMessage(OpCode.BINARY).send(ByteBuffer.wrap(new byte[100]));
        assertEquals(1, serverFactory.slotsInUse());
        peers.server.transportClosed();
        assertEquals(0, serverFactory.slotsInUse());
    }

    @Test
    void emptyMessageIsSentAsTheSingleByteZeroAndReadBack() {
        peers = Peers.with(PerMessageDeflateOptions.builder().threshold(0).build());
        peers.server.sendBinary(ByteBuffer.allocate(0));
        peers.server.sendBinary(ByteBuffer.allocate(0));
        List<Frame> frames = Peers.frames(peers.serverToClient(), Role.SERVER);
        assertEquals("00", Hex.of(frames.get(0).payload()));
        assertEquals("00", Hex.of(frames.get(1).payload()));
        assertEquals(2, peers.clientEvents.messages.size());
        assertEquals(0, peers.clientEvents.messages.get(1).data().length);
    }

    static byte[] json(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(size + 100).append('[');
        String[] words = {"lecture", "canteen", "bus", "weather", "room", "news", "menu", "vegan", "delay"};
        for (int id = 0; out.length() < size; id++) {
            out.append("{\"id\":").append(id).append(",\"kind\":\"").append(words[random.nextInt(words.length)])
                    .append("\",\"value\":").append(random.nextInt(10_000)).append(",\"stale\":")
                    .append(random.nextInt(5) == 0).append("},");
        }
        return out.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }
}
