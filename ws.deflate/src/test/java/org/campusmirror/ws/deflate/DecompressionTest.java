package org.campusmirror.ws.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import org.campusmirror.ws.protocol.CloseStatus;
import org.campusmirror.ws.protocol.Frame;
import org.campusmirror.ws.protocol.FrameWriter;
import org.campusmirror.ws.protocol.MessageDelivery;
import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.protocol.ProtocolLimits;
import org.campusmirror.ws.protocol.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The receive side of RFC 7692 section 7.2.2: inflating, limits on the inflated size, bad data. */
class DecompressionTest {
    private static final FrameWriter SERVER_WRITER = new FrameWriter(Role.SERVER);
    private Peers peers;

    @AfterEach
    void close() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    @Timeout(10)
    void zipBombFailsWith1009AndInflatingStopsAtTheLimit() {
        CountingZlibStreams zlib = new CountingZlibStreams();
        long limit = 64 * 1024;
        peers = Peers.builder().clientFactory(new PerMessageDeflate(PerMessageDeflateOptions.DEFAULTS, zlib))
                .clientLimits(ProtocolLimits.DEFAULTS.withMaxMessageSize(limit)).delivery(MessageDelivery.STREAMED)
                .build();
        byte[] bomb = rawDeflate(new byte[64 << 20]); // 64 MiB of zeros, about 64 KiB compressed
        peers.client.receive(SERVER_WRITER.encode(Frame.of(OpCode.BINARY, ByteBuffer.wrap(bomb)).withRsv(Frame.RSV1)));
        assertEquals(1, peers.clientEvents.errors.size());
        assertEquals(CloseStatus.MESSAGE_TOO_BIG, peers.clientEvents.errors.get(0).closeCode());
        assertTrue(peers.clientEvents.streamedBytes <= limit, "delivered " + peers.clientEvents.streamedBytes);
        List<Frame> sent = Peers.frames(Peers.drain(peers.client), Role.CLIENT);
        assertEquals(CloseStatus.MESSAGE_TOO_BIG, sent.get(0).payload().getShort(0));
        peers.client.transportClosed(); // ends the Inflater, which reports what it produced
        long inflated = zlib.inflatedBytes();
        assertTrue(inflated > limit, "inflated " + inflated);
        assertTrue(inflated <= limit + org.campusmirror.ws.deflate.internal.MessageInflater.CHUNK,
                "inflated " + inflated + " bytes for a limit of " + limit);
        assertEquals(0, zlib.liveInflaters());
    }

    @Test
    void zipBombIsAlsoCaughtWhenMessagesAreAssembledWhole() {
        peers = Peers.builder().serverLimits(ProtocolLimits.DEFAULTS.withMaxMessageSize(100_000)).build();
        byte[] bomb = rawDeflate(new byte[10 << 20]);
        peers.client.sendBinary(ByteBuffer.wrap(new byte[10])); // an ordinary message first
        peers.clientToServer();
        peers.server.receive(maskedFromClient(Frame.of(OpCode.BINARY, ByteBuffer.wrap(bomb)).withRsv(Frame.RSV1)));
        assertEquals(1, peers.serverEvents.messages.size());
        assertEquals(CloseStatus.MESSAGE_TOO_BIG, peers.serverEvents.errors.get(0).closeCode());
    }

    @Test
    void messageRightAtTheLimitInflates() {
        peers = Peers.builder().clientLimits(ProtocolLimits.DEFAULTS.withMaxMessageSize(100_000)).build();
        peers.server.sendBinary(ByteBuffer.wrap(new byte[100_000]));
        peers.serverToClient();
        assertEquals(List.of(), peers.clientEvents.errors);
        assertEquals(100_000, peers.clientEvents.messages.get(0).data().length);
    }

    @Test
    void dataThatDoesNotInflateFailsWith1007() {
        peers = Peers.with(PerMessageDeflateOptions.DEFAULTS);
        // BTYPE 11 is reserved (RFC 1951 section 3.2.3).
        peers.client.receive(Hex.buffer("c1 03 ff ff ff"));
        assertEquals(CloseStatus.INVALID_PAYLOAD, peers.clientEvents.errors.get(0).closeCode());
        assertEquals(List.of(), peers.clientEvents.messages);
    }

    @Test
    void textThatInflatesToInvalidUtf8FailsWith1007() {
        peers = Peers.with(PerMessageDeflateOptions.DEFAULTS);
        byte[] invalid = rawDeflate(new byte[] {'o', 'k', (byte) 0xc3, 0x28});
        peers.client.receive(SERVER_WRITER.encode(Frame.of(OpCode.TEXT, ByteBuffer.wrap(invalid)).withRsv(Frame.RSV1)));
        assertEquals(CloseStatus.INVALID_PAYLOAD, peers.clientEvents.errors.get(0).closeCode());
    }

    @Test
    void rsv1OnAContinuationFrameFailsWith1002() {
        peers = Peers.with(PerMessageDeflateOptions.DEFAULTS);
        peers.client.receive(Hex.buffer("41 03 f2 48 cd"));
        peers.client.receive(Hex.buffer("c0 04 c9 c9 07 00"));
        assertEquals(CloseStatus.PROTOCOL_ERROR, peers.clientEvents.errors.get(0).closeCode());
    }

    @Test
    void rsv1OnAControlFrameFailsWith1002() {
        peers = Peers.with(PerMessageDeflateOptions.DEFAULTS);
        peers.client.receive(Hex.buffer("c9 00"));
        assertEquals(CloseStatus.PROTOCOL_ERROR, peers.clientEvents.errors.get(0).closeCode());
    }

    @Test
    void emptyCompressedPayloadIsAnEmptyMessageAndTheStreamGoesOn() {
        peers = Peers.with(PerMessageDeflateOptions.DEFAULTS);
        peers.client.receive(Hex.buffer("c1 07 f2 48 cd c9 c9 07 00 c1 00 c1 05 f2 00 11 00 00"));
        assertEquals(List.of("Hello", "", "Hello"), peers.clientEvents.texts());
    }

    @Test
    void compressedMessageInManyFramesSplitAtEveryByteIsRead() {
        byte[] message = CompressionTest.json(20_000, 7);
        byte[] compressed = rawDeflate(message);
        List<ByteBuffer> wire = new ArrayList<>();
        int step = 997;
        for (int offset = 0; offset < compressed.length; offset += step) {
            int end = Math.min(compressed.length, offset + step);
            ByteBuffer part = ByteBuffer.wrap(Arrays.copyOfRange(compressed, offset, end));
            boolean first = offset == 0;
            boolean last = end == compressed.length;
            Frame frame = last ? Frame.of(first ? OpCode.TEXT : OpCode.CONTINUATION, part)
                    : Frame.fragment(first ? OpCode.TEXT : OpCode.CONTINUATION, part);
            wire.add(SERVER_WRITER.encode(first ? frame.withRsv(Frame.RSV1) : frame));
        }
        peers = Peers.with(PerMessageDeflateOptions.DEFAULTS);
        for (ByteBuffer frame : wire) {
            while (frame.hasRemaining()) {
                peers.client.receive(ByteBuffer.wrap(new byte[] {frame.get()}));
            }
        }
        assertEquals(List.of(), peers.clientEvents.errors);
        assertArrayEquals(message, peers.clientEvents.messages.get(0).data());
    }

    @Test
    void decompressorWithoutContextTakeoverForgetsBetweenMessages() {
        // The server agreed not to take over context; a message of its that refers back is then invalid.
        peers = Peers.with(PerMessageDeflateOptions.builder().serverNoContextTakeover(true).build());
        peers.client.receive(Hex.buffer("c1 07 f2 48 cd c9 c9 07 00"));
        peers.client.receive(Hex.buffer("c1 05 f2 00 11 00 00"));
        assertEquals(List.of("Hello"), peers.clientEvents.texts());
        assertEquals(CloseStatus.INVALID_PAYLOAD, peers.clientEvents.errors.get(0).closeCode());
    }

    /** Raw DEFLATE with a sync flush, tail stripped: a message payload as a conforming peer sends it. */
    static byte[] rawDeflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(data);
            byte[] out = new byte[data.length / 100 + 1024];
            int length = 0;
            while (true) {
                int n = deflater.deflate(out, length, out.length - length, Deflater.SYNC_FLUSH);
                length += n;
                if (length < out.length) {
                    break;
                }
                out = Arrays.copyOf(out, out.length * 2);
            }
            return Arrays.copyOf(out, length - 4);
        } finally {
            deflater.end();
        }
    }

    private static ByteBuffer maskedFromClient(Frame frame) {
        return new FrameWriter(Role.CLIENT).encode(frame);
    }
}
