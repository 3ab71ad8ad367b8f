package org.campusmirror.ws.server;

import org.campusmirror.ws.server.osgi.EchoEndpointComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Opens and closes many connections, each exchanging a message, 200 at a time; at the end heap after GC and
 * thread count are back where they started. 100,000 connections (about 30 s here); {@code -Dsoak.connections=N}
 * changes it.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
@Tag("own-jvm") // measures the heap or counts threads: surefire runs it in a JVM of its own (pom.xml)
class SoakTest {
    private static final int CONNECTIONS = Integer.getInteger("soak.connections", 100_000);
    private static final int CONCURRENT = 200;

    @Test
    void manyConnectionsComeAndGoWithoutLeaving() throws Exception {
        // -Dsoak.reusePort=true: one SO_REUSEPORT socket per loop instead of loop 0 dealing connections (to compare)
        try (WebSocketServer server = Loopback.server().ioThreads(2).reusePort(Boolean.getBoolean("soak.reusePort"))
                .endpoint("/echo", new EchoEndpointComponent()).build()
                .start(); WebSocketClient client = WebSocketClient.builder().ioThreads(2).build()) {
            batch(server, client, CONCURRENT); // warm up: classes, loop buffers, JIT
            long heapBefore = IdleMemoryTest.heapAfterGc();
            int threadsBefore = threadsOutsideJunit();
            long start = System.nanoTime();
            AtomicInteger done = new AtomicInteger();
            for (int i = 0; i < CONNECTIONS; i += CONCURRENT) {
                done.addAndGet(batch(server, client, Math.min(CONCURRENT, CONNECTIONS - i)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            awaitNoConnections(server);
            long heapAfter = IdleMemoryTest.heapAfterGc();
            int threadsAfter = threadsOutsideJunit();
            System.out.printf("soak: %d connections in %.1f s (%.0f/s); heap after GC %d -> %d bytes; threads %d -> %d%n",
                    done.get(), seconds, done.get() / seconds, heapBefore, heapAfter, threadsBefore, threadsAfter);
            assertEquals(CONNECTIONS, done.get());
            assertEquals(CONNECTIONS + CONCURRENT, server.stats().upgraded());
            assertTrue(heapAfter - heapBefore < 4L << 20, "heap back near its start: +" + (heapAfter - heapBefore));
            // fewer is fine: threads of an earlier test class in this JVM may still be ending
            assertTrue(threadsAfter <= threadsBefore, "no thread left behind: " + threadsBefore + " -> " + threadsAfter);
        }
    }

    /** Live threads, without the fork-join workers JUnit's parallel scheduler adds and retires as it pleases. */
    private static int threadsOutsideJunit() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !thread.getName().startsWith("ForkJoinPool-")).count();
    }

    /** Opens {@code count} connections, echoes one message on each, closes them; returns how many completed. */
    private static int batch(WebSocketServer server, WebSocketClient client, int count) throws Exception {
        List<CompletableFuture<Integer>> closed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CompletableFuture<Integer> closeCode = new CompletableFuture<>();
            String message = "soak " + i;
            client.connect(Loopback.uri(server, "/echo"), ClientOptions.DEFAULTS, new WebSocketHandler() {
                @Override
                public void onOpen(WebSocket socket) {
                    socket.sendText(message);
                }

                @Override
                public void onText(WebSocket socket, String text) {
                    if (text.equals(message)) {
                        socket.close();
                    }
                }

                @Override
                public void onClose(WebSocket socket, int code, String reason) {
                    closeCode.complete(code);
                }
            }).exceptionally(e -> {
                closeCode.completeExceptionally(e);
                return null;
            });
            closed.add(closeCode);
        }
        int completed = 0;
        for (CompletableFuture<Integer> code : closed) {
            if (code.get(30, TimeUnit.SECONDS) == 1000) {
                completed++;
            }
        }
        return completed;
    }

    private static void awaitNoConnections(WebSocketServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.stats().openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, server.stats().openConnections());
    }
}
