package org.campusmirror.ws.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Broadcast: one encoding, the same bytes to every open connection, closed ones skipped, slow ones per policy. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BroadcastTest {
    private final BlockingQueue<WebSocket> opened = new LinkedBlockingQueue<>();
    private final WebSocketEndpoint tracking = new WebSocketEndpoint() {
        @Override
        public void onOpen(WebSocket socket) {
            opened.add(socket);
        }
    };
    private WebSocketServer server;
    private WebSocketClient client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private List<Recorder> connect(int count) throws Exception {
        List<Recorder> recorders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Recorder recorder = new Recorder();
            Loopback.connect(client, server, "/news", recorder);
            recorders.add(recorder);
        }
        return recorders;
    }

    @Test
    void oneEncodingReachesEveryConnection() throws Exception {
        server = Loopback.server().ioThreads(2).endpoint("/news", tracking).build().start();
        client = WebSocketClient.builder().build();
        List<Recorder> recorders = connect(6);
        assertTrue(server.broadcast("/news", "tram 4 is late"));
        server.broadcastBinary("/news", ByteBuffer.wrap(new byte[] {7, 8, 9}));
        for (Recorder recorder : recorders) {
            assertEquals(new Recorder.Event("TEXT", "tram 4 is late"), recorder.next());
            assertEquals(new Recorder.Event("BINARY", "\u0007\u0008\u0009"), recorder.next());
        }
        ServerStats stats = server.stats();
        assertEquals(2, stats.broadcastsEncoded(), "each broadcast encoded once");
        assertEquals(12, stats.broadcastDeliveries(), "and queued on each of the 6 connections");
    }

    @Test
    void closedConnectionsAreSkipped() throws Exception {
        server = Loopback.server().endpoint("/news", tracking).build().start();
        client = WebSocketClient.builder().build();
        List<Recorder> recorders = connect(3);
        WebSocket first = opened.poll(5, TimeUnit.SECONDS);
        first.close();
        awaitCount("/news", 2);
        server.broadcast("/news", "after one left");
        int received = 0;
        for (Recorder recorder : recorders) {
            Recorder.Event event = recorder.events.poll(2, TimeUnit.SECONDS);
            if (event != null) {
                assertEquals("after one left", event.data());
                received++;
            }
        }
        assertEquals(2, received);
        assertEquals(2, server.stats().broadcastDeliveries());
    }

    @Test
    void broadcastToAChosenSet() throws Exception {
        server = Loopback.server().endpoint("/news", tracking).build().start();
        client = WebSocketClient.builder().build();
        List<Recorder> recorders = connect(3);
        List<WebSocket> sockets = List.of(opened.take(), opened.take(), opened.take());
        server.broadcast(List.of(sockets.get(0), sockets.get(2)), "two of three");
        int received = 0;
        for (Recorder recorder : recorders) {
            if (recorder.events.poll(1, TimeUnit.SECONDS) != null) {
                received++;
            }
        }
        assertEquals(2, received);
        assertEquals(1, server.stats().broadcastsEncoded());
    }

    @Test
    void unknownPathBroadcastsNothing() throws Exception {
        server = Loopback.server().endpoint("/news", tracking).build().start();
        assertFalse(server.broadcast("/nothing-here", "x"));
        assertEquals(0, server.stats().broadcastsEncoded());
    }

    @Test
    void slowConsumerSkipsBroadcastsAndItsQueueStaysBounded() throws Exception {
        long high = 256 << 10;
        server = Loopback.server()
                .limits(ServerLimits.DEFAULTS.withWaterMarks(high, 64 << 10)
                        .withSlowConsumer(SlowConsumerPolicy.DROP_BROADCASTS, Duration.ofMillis(100)))
                .endpoint("/news", tracking).build().start();
        try (RawPeer neverReads = RawPeer.open(server, "/news")) {
            neverReads.socket.setReceiveBufferSize(16 << 10);
            WebSocket slow = opened.poll(5, TimeUnit.SECONDS);
            ByteBuffer chunk = ByteBuffer.allocate(64 << 10);
            long maxSeen = 0;
            for (int i = 0; i < 400; i++) {
                server.broadcastBinary("/news", chunk.duplicate());
                if (i % 20 == 19) {
                    Thread.sleep(20);
                    maxSeen = Math.max(maxSeen, slow.bufferedAmount());
                }
            }
            Thread.sleep(200);
            maxSeen = Math.max(maxSeen, slow.bufferedAmount());
            ServerStats stats = server.stats();
            assertTrue(stats.broadcastsDropped() > 0, "some broadcasts skipped: " + stats);
            assertTrue(maxSeen <= high + (64 << 10) + 16, "queue bounded by the high-water mark: " + maxSeen);
            assertTrue(slow.isOpen(), "DROP_BROADCASTS keeps the connection");
        }
    }

    @Test
    void slowConsumerIsClosedWith1008UnderTheClosePolicy() throws Exception {
        server = Loopback.server()
                .limits(ServerLimits.DEFAULTS.withWaterMarks(128 << 10, 32 << 10)
                        .withSlowConsumer(SlowConsumerPolicy.CLOSE, Duration.ofMillis(200))
                        .withProtocol(ServerLimits.DEFAULTS.protocol().withClosingTimeout(Duration.ofMillis(500))))
                .endpoint("/news", tracking).build().start();
        try (RawPeer neverReads = RawPeer.open(server, "/news")) {
            neverReads.socket.setReceiveBufferSize(16 << 10);
            opened.poll(5, TimeUnit.SECONDS);
            ByteBuffer chunk = ByteBuffer.allocate(64 << 10);
            for (int i = 0; i < 200 && server.stats().slowConsumerCloses() == 0; i++) {
                server.broadcastBinary("/news", chunk.duplicate());
                Thread.sleep(10);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.stats().slowConsumerCloses() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, server.stats().slowConsumerCloses());
            awaitCount("/news", 0); // the peer never read the close frame either: TCP dropped after the timeout
        }
    }

    private void awaitCount(String path, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.connectionCount(path) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " has " + server.connectionCount(path) + " connections, not " + expected);
            }
            Thread.sleep(20);
        }
    }
}
