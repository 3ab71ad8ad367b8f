package org.campusmirror.mirror.widgets.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Body limits enforced while streaming, and the read, total and interrupt bounds of an exchange. */
@Timeout(60)
class LimitsAndTimeoutsTest {
    private static final long MIB = 1L << 20;

    private final HttpTestServer server = new HttpTestServer();
    private final PoliteHttpFetcher fetcher = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(3))
            .withMaxBodyBytes(MIB), new MutableClock(Instant.parse("2026-11-24T10:00:00Z")));

    LimitsAndTimeoutsTest() throws IOException {
    }

    @AfterEach
    void close() {
        fetcher.close();
        server.close();
    }

    @Test
    void aHugeStreamedBodyIsCutAtTheLimitNotReadWhole() {
        long size = 512 * MIB;
        server.route("/huge", exchange -> server.stream(exchange, "application/json", size, false));
        BodyTooLargeException refused = assertThrows(BodyTooLargeException.class,
                () -> fetcher.get(server.uri("/huge")));
        assertEquals(MIB, refused.limit());
        assertTrue(refused.getMessage().contains("over the limit of 1048576 bytes"), refused.getMessage());
        // The server could write the limit plus what the socket buffers hold before the connection dropped.
        assertTrue(server.bytesWritten.get() < 64 * MIB, "server wrote " + server.bytesWritten.get());
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        server.route("/declared", exchange -> server.stream(exchange, "application/json", 300 * MIB, true));
        BodyTooLargeException refused = assertThrows(BodyTooLargeException.class,
                () -> fetcher.get(server.uri("/declared")));
        assertTrue(refused.getMessage().contains("declares 314572800 bytes"), refused.getMessage());
        assertTrue(server.bytesWritten.get() < 64 * MIB, "server wrote " + server.bytesWritten.get());
    }

    @Test
    void aRequestMaySetASmallerLimitAndABodyAtTheLimitPasses() throws IOException {
        server.route("/exact", exchange -> server.stream(exchange, "text/plain", 4096, false));
        assertEquals(4096, fetcher.fetch(FetchRequest.get(server.uri("/exact")).withMaxBytes(4096)).body().length);
        assertThrows(BodyTooLargeException.class,
                () -> fetcher.fetch(FetchRequest.get(server.uri("/exact")).withMaxBytes(4095)));
    }

    @Test
    void aServerThatNeverAnswersHitsTheReadTimeout() {
        CountDownLatch release = new CountDownLatch(1);
        server.route("/silent", exchange -> await(release));
        try {
            HttpTimeoutException timeout = assertThrows(HttpTimeoutException.class,
                    () -> fetcher.get(server.uri("/silent")));
            assertTrue(timeout.getMessage().contains("did not answer"), timeout.getMessage());
            assertTrue(timeout.getMessage().contains("read timeout"), timeout.getMessage());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aBodyThatStopsHitsTheReadTimeout() {
        CountDownLatch release = new CountDownLatch(1);
        server.route("/stalled", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("[1,2,".getBytes());
            out.flush();
            await(release);
        });
        try {
            HttpTimeoutException timeout = assertThrows(HttpTimeoutException.class,
                    () -> fetcher.get(server.uri("/stalled")));
            assertTrue(timeout.getMessage().contains("stopped sending the body"), timeout.getMessage());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aTricklingBodyHitsTheTotalTimeout() {
        server.route("/trickle", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 600; i++) {
                out.write('x');
                out.flush();
                sleep(100);
            }
        });
        HttpTimeoutException timeout = assertThrows(HttpTimeoutException.class,
                () -> fetcher.get(server.uri("/trickle")));
        assertTrue(timeout.getMessage().contains("did not finish within 3 s"), timeout.getMessage());
    }

    @Test
    void anInterruptEndsTheFetch() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("/slow", exchange -> {
            arrived.countDown();
            await(release);
        });
        PoliteHttpFetcher patient = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0")
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30)));
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                patient.get(server.uri("/slow"));
                outcome.complete(null);
            } catch (Throwable thrown) {
                outcome.complete(thrown);
            }
        });
        try {
            caller.start();
            assertTrue(arrived.await(10, TimeUnit.SECONDS));
            caller.interrupt();
            Throwable thrown = outcome.get(10, TimeUnit.SECONDS);
            assertInstanceOf(InterruptedIOException.class, thrown);
        } finally {
            release.countDown();
            patient.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
