package org.campusmirror.ws.server;

import org.campusmirror.ws.server.osgi.EchoEndpointComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What an idle connection costs the server: 2000 connections held open by a separate process, heap after GC
 * with them minus heap after GC before them, divided by their number. Target: under 8 KiB each.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("own-jvm") // measures the heap or counts threads: surefire runs it in a JVM of its own (pom.xml)
class IdleMemoryTest {
    static final int CONNECTIONS = 2000;

    static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    @Test
    void idleConnectionCostsUnder8KiBOfHeap() throws Exception {
        try (WebSocketServer server = Loopback.server().limits(ServerLimits.DEFAULTS.withMaxConnections(CONNECTIONS + 1))
                .endpoint("/idle", new EchoEndpointComponent()).build().start()) {
            // warm the server up so that class loading and one-time buffers are in the baseline
            try (RawPeer warm = RawPeer.open(server, "/idle")) {
                warm.sendFrame(1, "warm".getBytes(StandardCharsets.UTF_8));
                warm.readFrame();
            }
            Thread.sleep(200);
            long before = heapAfterGc();
            Process clients = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"), IdleClients.class.getName(),
                    Integer.toString(server.port()), Integer.toString(CONNECTIONS), "/idle"))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(clients.getInputStream(),
                        StandardCharsets.UTF_8));
                assertEquals("READY " + CONNECTIONS, out.readLine());
                assertEquals(CONNECTIONS, server.connectionCount("/idle"));
                long after = heapAfterGc();
                long perConnection = (after - before) / CONNECTIONS;
                System.out.printf("idle connection heap: %d bytes each (%d connections, %d -> %d bytes after GC)%n",
                        perConnection, CONNECTIONS, before, after);
                assertTrue(perConnection < 8 * 1024, "idle connection costs " + perConnection + " bytes of heap");
            } finally {
                clients.getOutputStream().close();
                clients.waitFor(30, TimeUnit.SECONDS);
                clients.destroyForcibly();
            }
        }
    }
}
