package org.campusmirror.ws.deflate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HexFormat;

import org.campusmirror.ws.protocol.PayloadSink;
import org.campusmirror.ws.protocol.WebSocketProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7692 section 7.2.1: the last four bytes 00 00 ff ff are removed, wherever the pieces end. */
class TailStrippingSinkTest {
    private static final HexFormat HEX = HexFormat.of();

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final PayloadSink target = bytes -> {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        received.writeBytes(copy);
    };

    @ParameterizedTest(name = "pieces of {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 11})
    void tailIsRemovedHoweverTheOutputIsCut(int pieceSize) throws WebSocketProtocolException {
        byte[] stream = HEX.parseHex("f248cdc9c90700" + "0000ffff");
        TailStrippingSink sink = new TailStrippingSink();
        sink.begin(target);
        for (int offset = 0; offset < stream.length; offset += pieceSize) {
            sink.accept(ByteBuffer.wrap(stream, offset, Math.min(pieceSize, stream.length - offset)));
        }
        sink.finish();
        assertEquals("f248cdc9c90700", HEX.formatHex(received.toByteArray()));
    }

    @Test
    void nothingLeftMeansTheSingleByteZero() throws WebSocketProtocolException {
        TailStrippingSink sink = new TailStrippingSink();
        sink.begin(target);
        sink.finish();
        assertEquals("00", HEX.formatHex(received.toByteArray()));
    }

    @Test
    void onlyTheTailMeansTheSingleByteZero() throws WebSocketProtocolException {
        TailStrippingSink sink = new TailStrippingSink();
        sink.begin(target).accept(ByteBuffer.wrap(HEX.parseHex("0000ffff")));
        sink.finish();
        assertEquals("00", HEX.formatHex(received.toByteArray()));
    }

    @Test
    void outputWithoutTheTailIsACompressorBug() throws WebSocketProtocolException {
        TailStrippingSink sink = new TailStrippingSink();
        sink.begin(target).accept(ByteBuffer.wrap(HEX.parseHex("f248cdc9c90700")));
        assertThrows(IllegalStateException.class, sink::finish);
    }

    @Test
    void sinkIsReusableForTheNextMessage() throws WebSocketProtocolException {
        TailStrippingSink sink = new TailStrippingSink();
        sink.begin(target).accept(ByteBuffer.wrap(HEX.parseHex("aa0000ffff")));
        sink.finish();
        sink.begin(target).accept(ByteBuffer.wrap(HEX.parseHex("bb0000ffff")));
        sink.finish();
        assertEquals("aabb", HEX.formatHex(received.toByteArray()));
    }
}
