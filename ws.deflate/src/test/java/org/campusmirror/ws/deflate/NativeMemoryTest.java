package org.campusmirror.ws.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.campusmirror.ws.deflate.internal.ZlibStreams;
import org.campusmirror.ws.protocol.ExtensionOffer;
import org.campusmirror.ws.protocol.HandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Native zlib memory is released when a connection ends: 10,000 cycles of negotiate, compress, decompress,
 * close. A Deflater or Inflater that is not ended keeps its native memory (about 256 KiB and 40 KiB) until a
 * garbage collection happens to run its cleaner, so without {@code end()} the counts below stay up and the
 * resident memory grows by gigabytes within the cycles.
 */
class NativeMemoryTest {
    private static final int CYCLES = 10_000;
    private static final byte[] MESSAGE = CompressionTest.json(4096, 42);

    @Test
    @Timeout(300)
    void everyZlibStreamIsEndedWhenItsConnectionEnds() throws HandshakeException {
        CountingZlibStreams zlib = new CountingZlibStreams();
        // Context takeover both ways: each connection owns a Deflater and an Inflater on each side.
        try (PerMessageDeflate server = new PerMessageDeflate(PerMessageDeflateOptions.DEFAULTS, zlib);
                PerMessageDeflate client = new PerMessageDeflate(PerMessageDeflateOptions.DEFAULTS, zlib)) {
            for (int i = 0; i < CYCLES; i++) {
                cycle(server, client);
            }
            assertEquals(2 * CYCLES, zlib.createdDeflaters(), "one Deflater per side and connection");
            assertEquals(2 * CYCLES, zlib.createdInflaters(), "one Inflater per side and connection");
            assertEquals(0, zlib.liveDeflaters());
            assertEquals(0, zlib.liveInflaters());
        }
    }

    @Test
    @Timeout(300)
    void withoutContextTakeoverDeflatersArePooledAndEndedWithTheFactory() throws HandshakeException {
        CountingZlibStreams zlib = new CountingZlibStreams();
        PerMessageDeflateOptions options = PerMessageDeflateOptions.builder()
                .serverNoContextTakeover(true).clientNoContextTakeover(true).build();
        PerMessageDeflate server = new PerMessageDeflate(options, zlib);
        PerMessageDeflate client = new PerMessageDeflate(options, zlib);
        for (int i = 0; i < CYCLES; i++) {
            cycle(server, client);
        }
        assertEquals(2, zlib.createdDeflaters(), "one pooled Deflater per factory served every connection");
        assertEquals(2, zlib.liveDeflaters());
        assertEquals(0, zlib.liveInflaters());
        server.close();
        client.close();
        assertEquals(0, zlib.liveDeflaters());
    }

    @Test
    @Timeout(300)
    @EnabledOnOs(OS.LINUX)
    void residentMemoryDoesNotGrowOverTenThousandConnections() throws IOException, HandshakeException {
        try (PerMessageDeflate server = new PerMessageDeflate(PerMessageDeflateOptions.DEFAULTS, ZlibStreams.JDK);
                PerMessageDeflate client = new PerMessageDeflate(PerMessageDeflateOptions.DEFAULTS, ZlibStreams.JDK)) {
            for (int i = 0; i < 500; i++) { // warm up: JIT, heap, allocator arenas
                cycle(server, client);
            }
            long before = residentKib();
            for (int i = 0; i < CYCLES; i++) {
                cycle(server, client);
            }
            long grown = residentKib() - before;
            // Without end() 10,000 connections hold about 2 x 296 KiB each: gigabytes, or at best as much as
            // the young generation lets pile up between collections. 64 MiB covers heap growth and noise.
            assertTrue(grown < 64 * 1024, "VmRSS grew by " + grown + " KiB over " + CYCLES + " connections");
        }
    }

    /** One connection: the handshake through both factories, one message each way, then the end. */
    private static void cycle(PerMessageDeflate serverFactory, PerMessageDeflate clientFactory) throws HandshakeException {
        List<ExtensionOffer> offers = clientFactory.offers();
        DeflateExtension server = (DeflateExtension) serverFactory.acceptOffer(offers).orElseThrow();
        DeflateExtension client = (DeflateExtension) clientFactory.acceptResponse(server.negotiated());
        Recorder serverEvents = new Recorder();
        Recorder clientEvents = new Recorder();
        var serverConnection = org.campusmirror.ws.protocol.WebSocketConnection
                .builder(org.campusmirror.ws.protocol.Role.SERVER).listener(serverEvents).extensions(List.of(server)).build();
        var clientConnection = org.campusmirror.ws.protocol.WebSocketConnection
                .builder(org.campusmirror.ws.protocol.Role.CLIENT).listener(clientEvents).extensions(List.of(client)).build();
        serverConnection.sendBinary(ByteBuffer.wrap(MESSAGE));
        clientConnection.receive(Peers.drain(serverConnection));
        clientConnection.sendBinary(ByteBuffer.wrap(MESSAGE));
        serverConnection.receive(Peers.drain(clientConnection));
        assertArrayEquals(MESSAGE, clientEvents.messages.get(0).data());
        assertArrayEquals(MESSAGE, serverEvents.messages.get(0).data());
        serverConnection.transportClosed();
        clientConnection.transportClosed();
    }

    private static long residentKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
