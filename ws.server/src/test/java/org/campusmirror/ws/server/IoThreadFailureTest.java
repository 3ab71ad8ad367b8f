package org.campusmirror.ws.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.campusmirror.ws.protocol.CloseStatus;
import org.campusmirror.ws.server.osgi.EchoEndpointComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An I/O thread that ends, here by a real StackOverflowError in a handler (an Error the loop does not contain
 * per connection), is never lost silently: the server reports it to its {@link ServerMonitor}, starts a new
 * thread in its place that serves new clients, and after too many failures within a minute stops listening,
 * so that clients are refused at once instead of waiting on a dead thread.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IoThreadFailureTest {
    private record Report(String kind, String thread, Throwable cause, boolean restarting) {
    }

    private final BlockingQueue<Report> reports = new LinkedBlockingQueue<>();
    private final ServerMonitor monitor = new ServerMonitor() {
        @Override
        public void ioThreadFailed(String thread, Throwable cause, boolean restarting) {
            reports.add(new Report("failed", thread, cause, restarting));
        }

        @Override
        public void ioThreadRestarted(String thread) {
            reports.add(new Report("restarted", thread, null, true));
        }
    };

    /** Recurses on the I/O thread until its stack runs out. */
    private final WebSocketEndpoint overflowing = new WebSocketEndpoint() {
        @Override
        public void onText(WebSocket socket, String text) {
            socket.sendText(Integer.toString(depth(0)));
        }

        private int depth(int n) {
            return depth(n + 1) + 1;
        }
    };

    private WebSocketServer server() throws Exception {
        return Loopback.server().monitor(monitor).endpoint("/echo", new EchoEndpointComponent())
                .endpoint("/overflow", overflowing).build().start();
    }

    @Test
    void aFailedIoThreadIsReportedReplacedAndServesNewClients() throws Exception {
        try (WebSocketServer server = server(); WebSocketClient client = WebSocketClient.builder().build()) {
            Thread first = server.threads().get(0);
            Recorder victim = new Recorder();
            Loopback.connect(client, server, "/overflow", victim).sendText("go");
            assertEquals(CloseStatus.ABNORMAL, victim.awaitClose(), "its connection was dropped with the thread");
            Report failed = reports.poll(10, TimeUnit.SECONDS);
            assertNotNull(failed, "the failure was reported");
            assertEquals("failed", failed.kind());
            assertEquals("ws-io-0", failed.thread());
            assertInstanceOf(StackOverflowError.class, failed.cause());
            assertTrue(failed.restarting());
            assertEquals(new Report("restarted", "ws-io-0", null, true), reports.poll(10, TimeUnit.SECONDS));
            first.join(5000);
            assertFalse(first.isAlive(), "the failed thread ended");
            Thread second = server.threads().get(0);
            assertTrue(second != first && second.isAlive(), "a new thread runs in its place");

            Recorder fresh = new Recorder();
            WebSocket socket = Loopback.connect(client, server, "/echo", fresh);
            socket.sendText("served again");
            assertEquals(new Recorder.Event("TEXT", "served again"), fresh.next());
            assertEquals(1, server.stats().ioThreadRestarts());
            socket.close();
            fresh.awaitClose();
        }
    }

    @Test
    void afterTooManyFailuresWithinAMinuteTheServerStopsListening() throws Exception {
        WebSocketServer server = server();
        try (WebSocketClient client = WebSocketClient.builder().build()) {
            for (int failure = 1; failure <= 6; failure++) {
                Recorder victim = new Recorder();
                Loopback.connect(client, server, "/overflow", victim).sendText("go");
                victim.awaitClose();
                Report failed = reports.poll(10, TimeUnit.SECONDS);
                assertNotNull(failed, "failure " + failure + " was reported");
                assertEquals("failed", failed.kind());
                if (failure <= 5) {
                    assertTrue(failed.restarting(), "failure " + failure + " is followed by a restart");
                    assertEquals("restarted", reports.poll(10, TimeUnit.SECONDS).kind());
                } else {
                    assertFalse(failed.restarting(), "the sixth within a minute is not");
                }
            }
            int port = server.port();
            assertThrows(ConnectException.class, () -> new Socket(Loopback.ADDRESS, port).close(),
                    "nothing listens: a client is refused at once");
        } finally {
            assertTrue(server.close(Duration.ofSeconds(2)), "every thread ended");
        }
    }
}
