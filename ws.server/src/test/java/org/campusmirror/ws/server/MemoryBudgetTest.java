package org.campusmirror.ws.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.campusmirror.ws.protocol.CloseStatus;
import org.campusmirror.ws.server.osgi.BroadcastEndpointComponent;
import org.campusmirror.ws.server.osgi.EchoEndpointComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The memory budget's accounting is exact: whatever way connections queue, hold, drop and end (broadcast views
 * written, shed, dropped with the connection; partial messages refused or cut off; hand-overs from other threads,
 * refused or run), once every connection has gone the budget is back at zero. Small budgets, so that every path
 * is taken.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemoryBudgetTest {

    private static WebSocketServer server(long budget) throws Exception {
        WebSocketServer server = Loopback.server().limits(ServerLimits.DEFAULTS.withMemoryBudget(budget))
                .endpoint("/echo", new EchoEndpointComponent()).build().start();
        server.addEndpoint("/broadcast", new BroadcastEndpointComponent(server),
                EndpointOptions.builder().broadcast(true).build());
        return server;
    }

    @Test
    void aBroadcastStormWithSheddingLeavesNothingCharged() throws Exception {
        try (WebSocketServer server = server(2 << 20); LoadPeers load = new LoadPeers()) {
            List<LoadPeers.Peer> readers = load.open(server.port(), "/broadcast", 40, true);
            List<LoadPeers.Peer> paused = load.open(server.port(), "/broadcast", 20, false);
            byte[] message = RawPeer.frame(0x81, "x".repeat(1000).getBytes(StandardCharsets.UTF_8));
            load.run(readers, n -> message, TimeUnit.MILLISECONDS.toNanos(2), LoadPeers.seconds(4));
            assertTrue(server.stats().shedConnections() > 0, "the paused readers were shed: " + server.stats());
            assertTrue(server.stats().memoryUsed() <= server.stats().memoryBudget() * 11 / 10,
                    "memory stayed near the budget: " + server.stats());
            load.drain(LoadPeers.seconds(2), LoadPeers.seconds(20));
            assertTrue(paused.stream().anyMatch(p -> p.scanner.closeCode == CloseStatus.TRY_AGAIN_LATER),
                    "a paused reader read its 1013: " + load.closeCodes());
        }
    }

    @Test
    void everythingIsGivenBackOnceTheConnectionsAreGone() throws Exception {
        WebSocketServer server = server(2 << 20);
        try {
            try (LoadPeers load = new LoadPeers()) {
                List<LoadPeers.Peer> readers = load.open(server.port(), "/broadcast", 20, true);
                load.open(server.port(), "/broadcast", 10, false);
                byte[] message = RawPeer.frame(0x81, "y".repeat(3000).getBytes(StandardCharsets.UTF_8));
                load.run(readers, n -> message, TimeUnit.MILLISECONDS.toNanos(2), LoadPeers.seconds(2));
                // Partial messages: a 600 KiB frame announced, 100 KiB of it sent, then the peers vanish.
                List<LoadPeers.Peer> partial = load.open(server.port(), "/echo", 5, false);
                byte[] big = RawPeer.frame(0x82, new byte[600 << 10]);
                load.run(partial, n -> n == 0 ? Arrays.copyOf(big, 100 << 10) : null,
                        TimeUnit.MILLISECONDS.toNanos(10), LoadPeers.seconds(1));
                assertTrue(server.stats().memoryUsed() > 0, "something is held now: " + server.stats());
            }
            awaitNoConnections(server);
            assertEquals(0, server.stats().memoryUsed(), "every byte came back: " + server.stats());
        } finally {
            server.close();
        }
    }

    @Test
    void handOversTheBudgetCannotTakeCloseTheConnectionWith1013() throws Exception {
        BlockingQueue<WebSocket> opened = new LinkedBlockingQueue<>();
        WebSocketServer server = Loopback.server().limits(ServerLimits.DEFAULTS.withMemoryBudget(1 << 20))
                .endpoint("/push", new WebSocketEndpoint() {
                    @Override
                    public void onOpen(WebSocket socket) {
                        opened.add(socket);
                    }
                }).build().start();
        try {
            try (RawPeer slow = RawPeer.open(server, "/push")) {
                WebSocket socket = opened.poll(10, TimeUnit.SECONDS);
                ByteBuffer chunk = ByteBuffer.allocate(64 << 10);
                int sent = 0;
                while (socket.sendBinary(chunk) && sent < 10_000) { // from this thread: handed over, the peer reads nothing
                    sent++;
                }
                assertTrue(sent < 10_000, "a send was refused once the budget was used up");
                assertFalse(socket.isOpen());
                assertEquals(CloseStatus.TRY_AGAIN_LATER, slow.readUntilClose().closeCode(),
                        "the peer learns to come back later");
            }
            awaitNoConnections(server);
            assertEquals(0, server.stats().memoryUsed(), server.stats().toString());
            assertEquals(1, server.stats().shedConnections());
        } finally {
            server.close();
        }
    }

    private static void awaitNoConnections(WebSocketServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (server.stats().openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, server.stats().openConnections(), "every connection ended: " + server.stats());
    }
}
