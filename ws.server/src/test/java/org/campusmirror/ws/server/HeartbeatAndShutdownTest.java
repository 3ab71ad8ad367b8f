package org.campusmirror.ws.server;

import org.campusmirror.ws.server.osgi.EchoEndpointComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.campusmirror.ws.protocol.CloseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Heartbeats find silent peers; a graceful stop says 1001 to everyone and leaves no thread behind. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HeartbeatAndShutdownTest {
    private final BlockingQueue<Integer> serverSideCloses = new LinkedBlockingQueue<>();
    private final WebSocketEndpoint watched = new WebSocketEndpoint() {
        @Override
        public void onClose(WebSocket socket, int code, String reason) {
            serverSideCloses.add(code);
        }
    };

    @Test
    void silentPeerIsTerminatedAndAnsweringPeerStays() throws Exception {
        EndpointOptions heartbeat = EndpointOptions.builder().heartbeat(Duration.ofMillis(200)).build();
        try (WebSocketServer server = Loopback.server().endpoint("/beat", watched, heartbeat).build().start();
                WebSocketClient client = WebSocketClient.builder().build();
                RawPeer silent = RawPeer.open(server, "/beat")) {
            Recorder answering = new Recorder();
            WebSocket good = Loopback.connect(client, server, "/beat", answering);
            RawPeer.Frame ping = silent.readFrame();
            assertEquals(0x9, ping.opcode(), "the server pings");
            Integer code = serverSideCloses.poll(5, TimeUnit.SECONDS);
            assertEquals(CloseStatus.ABNORMAL, code, "the silent peer is terminated: 1006 locally");
            assertTrue(silent.closedByServer());
            assertEquals(1, server.stats().heartbeatTimeouts());
            Thread.sleep(600); // three more heartbeats: our client answers every ping by itself
            assertTrue(good.isOpen());
            assertEquals(1, server.connectionCount("/beat"));
        }
    }

    @Test
    void shutdownClosesEveryConnectionWith1001AndEndsItsThreads() throws Exception {
        WebSocketServer server = Loopback.server().ioThreads(2).endpoint("/echo", new EchoEndpointComponent()).build().start();
        List<Thread> ioThreads = server.threads();
        List<Recorder> recorders = new ArrayList<>();
        try (WebSocketClient client = WebSocketClient.builder().build()) {
            for (int i = 0; i < 4; i++) {
                Recorder recorder = new Recorder();
                Loopback.connect(client, server, "/echo", recorder);
                recorders.add(recorder);
            }
            assertTrue(server.close(Duration.ofSeconds(5)));
            for (Recorder recorder : recorders) {
                assertEquals(CloseStatus.GOING_AWAY, recorder.awaitClose());
            }
        }
        for (Thread thread : ioThreads) {
            assertFalse(thread.isAlive(), thread.getName() + " still running");
        }
        assertEquals(0, server.stats().openConnections());
    }

    @Test
    void shutdownDoesNotWaitLongerThanTheGraceForAPeerThatNeverAnswers() throws Exception {
        WebSocketServer server = Loopback.server().endpoint("/echo", new EchoEndpointComponent()).build().start();
        try (RawPeer mute = RawPeer.open(server, "/echo")) {
            long start = System.nanoTime();
            assertTrue(server.close(Duration.ofMillis(500)));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(tookMillis < 3000, "stopped within the grace and a little: " + tookMillis + " ms");
            assertEquals(CloseStatus.GOING_AWAY, mute.readUntilClose().closeCode());
            assertTrue(mute.closedByServer());
        }
    }
}
