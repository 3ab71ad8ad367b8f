package org.campusmirror.ws.deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;

import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.protocol.OutgoingMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The examples of RFC 7692 section 7.2.3, byte for byte: what our server sends (server frames are unmasked,
 * as the RFC shows them) and what our client makes of the RFC's frames.
 */
class Rfc7692ExamplesTest {
    private static final String HELLO_COMPRESSED = "c1 07 f2 48 cd c9 c9 07 00";
    private static final PerMessageDeflateOptions COMPRESS_ALL = PerMessageDeflateOptions.builder().threshold(0).build();

    private Peers peers = Peers.with(COMPRESS_ALL);

    @AfterEach
    void close() {
        peers.close();
    }

    @Test
    void section7231HelloCompressedInOneFrameIsWhatWeSend() {
        peers.server.sendText("Hello");
        assertEquals(HELLO_COMPRESSED, Hex.of(Peers.drain(peers.server)));
    }

    @Test
    void section7231HelloCompressedInOneFrameIsRead() {
        peers.client.receive(Hex.buffer(HELLO_COMPRESSED));
        assertEquals(List.of("Hello"), peers.clientEvents.texts());
    }

    @Test
    void section7231HelloCompressedAndFragmentedIsRead() {
        peers.client.receive(Hex.buffer("41 03 f2 48 cd"));
        peers.client.receive(Hex.buffer("80 04 c9 c9 07 00"));
        assertEquals(List.of("Hello"), peers.clientEvents.texts());
        assertEquals(List.of(), peers.clientEvents.errors);
    }

    @Test
    void helloBelowTheDefaultThresholdGoesOutUncompressed() {
        peers.close();
        peers = Peers.with(PerMessageDeflateOptions.DEFAULTS);
        peers.server.sendText("Hello");
        assertEquals("81 05 48 65 6c 6c 6f", Hex.of(Peers.drain(peers.server)));
    }

    @Test
    void uncompressedHelloIsReadOnADeflateConnection() {
        peers.client.receive(Hex.buffer("81 05 48 65 6c 6c 6f"));
        assertEquals(List.of("Hello"), peers.clientEvents.texts());
    }

    @Test
    void section7232SecondHelloRefersIntoTheFirstWithContextTakeover() {
        peers.server.sendText("Hello");
        peers.server.sendText("Hello");
        assertEquals(HELLO_COMPRESSED + " c1 05 f2 00 11 00 00", Hex.of(Peers.drain(peers.server)));
    }

    @Test
    void section7232SharedWindowIsRead() {
        peers.client.receive(Hex.buffer(HELLO_COMPRESSED + " c1 05 f2 00 11 00 00"));
        assertEquals(List.of("Hello", "Hello"), peers.clientEvents.texts());
    }

    @Test
    void withoutContextTakeoverTheSecondHelloIsCompressedAlone() {
        peers.close();
        peers = Peers.with(COMPRESS_ALL.toBuilder().serverNoContextTakeover(true).build());
        peers.server.sendText("Hello");
        peers.server.sendText("Hello");
        assertEquals(HELLO_COMPRESSED + " " + HELLO_COMPRESSED, Hex.of(Peers.drain(peers.server)));
    }

    @Test
    void section7233DeflateBlockWithNoCompressionIsRead() {
        peers.client.receive(Hex.buffer("c1 0b 00 05 00 fa ff 48 65 6c 6c 6f 00"));
        assertEquals(List.of("Hello"), peers.clientEvents.texts());
    }

    @Test
    void section7234BlockWithBfinalSetIsRead() {
        peers.client.receive(Hex.buffer("c1 08 f3 48 cd c9 c9 07 00 00"));
        assertEquals(List.of("Hello"), peers.clientEvents.texts());
        assertEquals(List.of(), peers.clientEvents.errors);
    }

    @Test
    void section7234HistorySurvivesTheFinalBlockForTheNextMessage() {
        // The second message is 7.2.3.2's back-reference to the first "Hello".
        peers.client.receive(Hex.buffer("c1 08 f3 48 cd c9 c9 07 00 00"));
        peers.client.receive(Hex.buffer("c1 05 f2 00 11 00 00"));
        assertEquals(List.of("Hello", "Hello"), peers.clientEvents.texts());
    }

    @Test
    void section7235TwoDeflateBlocksInOneMessageAreRead() {
        peers.client.receive(Hex.buffer("c1 0d f2 48 05 00 00 00 ff ff ca c9 c9 07 00"));
        assertEquals(List.of("Hello"), peers.clientEvents.texts());
    }

    @Test
    void section7236EmptyLastFragmentIsTheSingleByteZero() {
        OutgoingMessage message = peers.server.startMessage(OpCode.TEXT);
        message.send(ByteBuffer.wrap("Hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        message.finish();
        ByteBuffer wire = peers.serverToClient();
        // First fragment: RSV1, sync-flushed (its 00 00 ff ff stays: it is not the message's end).
        assertEquals("41 0b f2 48 cd c9 c9 07 00 00 00 ff ff 80 01 00", Hex.of(wire));
        assertEquals(List.of("Hello"), peers.clientEvents.texts());
    }
}
