package org.campusmirror.ws.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.campusmirror.ws.deflate.PerMessageDeflate;
import org.campusmirror.ws.deflate.PerMessageDeflateOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Broadcast with permessage-deflate (RFC 7692): on a broadcast endpoint every client agrees to
 * {@code server_no_context_takeover}, the message is compressed once and the same compressed bytes reach
 * every connection; where the server keeps context (a plain deflate endpoint) the broadcast goes out
 * uncompressed, which RFC 7692 allows, rather than being compressed once per connection.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DeflateBroadcastTest {
    private static final String OFFER = "Sec-WebSocket-Extensions: permessage-deflate\r\n";
    private static final String NEWS = "{\"tile\":\"canteen\",\"menu\":\"" + "Linsen mit Spätzle, ".repeat(200) + "\"}";

    @Test
    void broadcastEndpointCompressesOnceForEveryConnection() throws Exception {
        EndpointOptions options = EndpointOptions.builder().deflate(PerMessageDeflateOptions.DEFAULTS)
                .broadcast(true).build();
        try (WebSocketServer server = Loopback.server().endpoint("/news", new WebSocketEndpoint() { }, options)
                .build().start();
                RawPeer a = RawPeer.open(server, "/news", OFFER);
                RawPeer b = RawPeer.open(server, "/news", OFFER);
                WebSocketClient client = WebSocketClient.builder().build()) {
            Recorder ours = new Recorder();
            client.connect(Loopback.uri(server, "/news"), ClientOptions.builder()
                    .extensions(List.of(PerMessageDeflate.create())).build(), ours).get(10, TimeUnit.SECONDS);
            awaitConnections(server, "/news", 3);
            server.broadcast("/news", NEWS);
            RawPeer.Frame first = a.readFrame();
            RawPeer.Frame second = b.readFrame();
            assertTrue(first.rsv1(), "compressed (RSV1)");
            assertTrue(first.payload().length < NEWS.length() / 4, "really compressed: " + first.payload().length);
            assertArrayEquals(first.payload(), second.payload(), "the same compressed bytes for both");
            assertEquals(NEWS, inflate(first.payload()));
            assertEquals(NEWS, ours.next().data(), "our deflate client reads it too");
            assertEquals(1, server.stats().broadcastsEncoded());
            assertEquals(3, server.stats().broadcastDeliveries());
        }
    }

    @Test
    void negotiationAsksForServerNoContextTakeover() throws Exception {
        EndpointOptions options = EndpointOptions.builder().deflate(PerMessageDeflateOptions.DEFAULTS)
                .broadcast(true).build();
        try (WebSocketServer server = Loopback.server().endpoint("/news", new WebSocketEndpoint() { }, options)
                .build().start()) {
            String head = Loopback.rawExchange(server, Loopback.upgradeRequest("/news", OFFER));
            assertTrue(head.contains("permessage-deflate") && head.contains("server_no_context_takeover"), head);
        }
    }

    @Test
    void endpointKeepingContextGetsThePlainFrame() throws Exception {
        EndpointOptions options = EndpointOptions.builder().deflate(PerMessageDeflateOptions.DEFAULTS).build();
        try (WebSocketServer server = Loopback.server().endpoint("/news", new WebSocketEndpoint() { }, options)
                .build().start(); RawPeer peer = RawPeer.open(server, "/news", OFFER)) {
            awaitConnections(server, "/news", 1);
            server.broadcast("/news", NEWS);
            RawPeer.Frame frame = peer.readFrame();
            assertFalse(frame.rsv1(), "uncompressed: this connection's compressor keeps context");
            assertEquals(NEWS, new String(frame.payload(), StandardCharsets.UTF_8));
        }
    }

    /** RFC 7692 section 7.2.2: append 00 00 ff ff and inflate raw DEFLATE. */
    private static String inflate(byte[] payload) throws DataFormatException, IOException {
        Inflater inflater = new Inflater(true);
        byte[] input = new byte[payload.length + 4];
        System.arraycopy(payload, 0, input, 0, payload.length);
        input[payload.length + 2] = (byte) 0xFF;
        input[payload.length + 3] = (byte) 0xFF;
        inflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!inflater.needsInput()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) {
                break;
            }
            out.write(buffer, 0, n);
        }
        inflater.end();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void awaitConnections(WebSocketServer server, String path, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.connectionCount(path) != count) {
            assertTrue(System.nanoTime() < deadline, "connections on " + path);
            Thread.sleep(20);
        }
    }
}
