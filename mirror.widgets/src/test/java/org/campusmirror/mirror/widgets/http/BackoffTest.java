package org.campusmirror.mirror.widgets.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exponential backoff per host and URL, and Retry-After on 429 and 503, on a clock the test moves. */
class BackoffTest {
    private final HttpTestServer server = new HttpTestServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final PoliteHttpFetcher fetcher = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withBackoff(Duration.ofSeconds(15), Duration.ofMinutes(4), Duration.ofHours(1)), clock);

    BackoffTest() throws IOException {
    }

    @AfterEach
    void close() {
        fetcher.close();
        server.close();
    }

    @Test
    void aServerErrorIsNotAskedAgainUntilTheBackoffEndsAndTheWaitDoubles() throws IOException {
        server.status("/broken", 500, Map.of());
        URI broken = server.uri("/broken");
        HttpStatusException first = assertThrows(HttpStatusException.class, () -> fetcher.get(broken));
        assertEquals(500, first.status());
        assertTrue(first.getMessage().contains("HTTP 500 (Internal Server Error) from " + broken), first.getMessage());

        BackingOffException waiting = assertThrows(BackingOffException.class, () -> fetcher.get(broken));
        assertEquals(clock.instant().plusSeconds(15), waiting.until());
        assertEquals(1, server.count("/broken"), "nothing is sent while backing off");

        clock.advance(Duration.ofSeconds(15));
        assertThrows(HttpStatusException.class, () -> fetcher.get(broken));
        assertEquals(2, server.count("/broken"));
        assertEquals(clock.instant().plusSeconds(30),
                assertThrows(BackingOffException.class, () -> fetcher.get(broken)).until());
    }

    @Test
    void theWaitStopsGrowingAtTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(15), Duration.ofMinutes(4), clock);
        assertEquals(Duration.ofSeconds(15), backoff.delay(1));
        assertEquals(Duration.ofSeconds(120), backoff.delay(4));
        assertEquals(Duration.ofMinutes(4), backoff.delay(5));
        assertEquals(Duration.ofMinutes(4), backoff.delay(1000));
    }

    @Test
    void aBrokenUrlDoesNotStopOtherUrlsOfTheSameHost() throws IOException {
        server.status("/broken", 500, Map.of());
        server.fixture("/fine", "text/plain", "ok".getBytes(StandardCharsets.UTF_8));
        assertThrows(HttpStatusException.class, () -> fetcher.get(server.uri("/broken")));
        assertEquals("ok", fetcher.get(server.uri("/fine")).text());
    }

    @Test
    void aNotFoundIsAnAnswerNotAFailureToBackOffFrom() throws IOException {
        server.status("/days/2026-11-28/meals", 404, Map.of());
        URI day = server.uri("/days/2026-11-28/meals");
        assertEquals(404, assertThrows(HttpStatusException.class, () -> fetcher.get(day)).status());
        assertEquals(404, assertThrows(HttpStatusException.class, () -> fetcher.get(day)).status());
        assertEquals(2, server.count("/days"));
    }

    @Test
    void tooManyRequestsWithRetryAfterSecondsHoldsTheWholeHostThatLong() throws IOException {
        server.status("/stops/1/departures", 429, Map.of("Retry-After", "120"));
        server.fixture("/stops/2/departures", "application/json", "[]".getBytes(StandardCharsets.UTF_8));
        RateLimitedException limited = assertThrows(RateLimitedException.class,
                () -> fetcher.get(server.uri("/stops/1/departures")));
        assertEquals(429, limited.status());
        assertEquals(clock.instant().plusSeconds(120), limited.retryAt().orElseThrow());

        BackingOffException waiting = assertThrows(BackingOffException.class,
                () -> fetcher.get(server.uri("/stops/2/departures")));
        assertTrue(waiting.getMessage().contains("127.0.0.1:" + server.port()), waiting.getMessage());
        clock.advance(Duration.ofSeconds(119));
        assertThrows(BackingOffException.class, () -> fetcher.get(server.uri("/stops/2/departures")));
        assertEquals(0, server.count("/stops/2"), "nothing sent to the host while it asked to wait");
        clock.advance(Duration.ofSeconds(1));
        assertEquals("[]", fetcher.get(server.uri("/stops/2/departures")).text());
    }

    @Test
    void unavailableWithRetryAfterAsAnHttpDate() throws IOException {
        Instant retry = clock.instant().plusSeconds(600);
        server.status("/forecast", 503, Map.of("Retry-After",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(retry.atOffset(ZoneOffset.UTC))));
        RateLimitedException limited = assertThrows(RateLimitedException.class,
                () -> fetcher.get(server.uri("/forecast")));
        assertEquals(503, limited.status());
        assertEquals(retry, limited.retryAt().orElseThrow());
        assertEquals(retry, assertThrows(BackingOffException.class, () -> fetcher.get(server.uri("/forecast")))
                .until());
    }

    @Test
    void aHugeRetryAfterIsCutToTheConfiguredMaximum() {
        server.status("/x", 429, Map.of("Retry-After", "999999999999999999999"));
        RateLimitedException limited = assertThrows(RateLimitedException.class, () -> fetcher.get(server.uri("/x")));
        assertEquals(clock.instant().plus(Duration.ofHours(1)), limited.retryAt().orElseThrow());
    }

    @Test
    void retryAfterReadsSecondsDatesAndRefusesNonsense() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        Duration max = Duration.ofHours(6);
        assertEquals(now.plusSeconds(30), RetryAfter.parse("30", now, max));
        assertEquals(Instant.parse("2026-11-24T10:05:00Z"),
                RetryAfter.parse("Tue, 24 Nov 2026 10:05:00 GMT", now, max));
        assertEquals(now, RetryAfter.parse("Tue, 24 Nov 2026 09:00:00 GMT", now, max), "a past date: now");
        assertEquals(now.plus(max), RetryAfter.parse("Fri, 24 Nov 2028 10:05:00 GMT", now, max));
        assertEquals(null, RetryAfter.parse("soon", now, max));
        assertEquals(null, RetryAfter.parse("-5", now, max));
    }

    @Test
    void aRateLimitWithoutRetryAfterBacksOffExponentially() {
        server.status("/x", 429, Map.of());
        RateLimitedException limited = assertThrows(RateLimitedException.class, () -> fetcher.get(server.uri("/x")));
        assertTrue(limited.retryAt().isEmpty());
        assertEquals(clock.instant().plusSeconds(15),
                assertThrows(BackingOffException.class, () -> fetcher.get(server.uri("/x"))).until());
    }

    @Test
    void aSuccessEndsTheBackoff() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        server.route("/flaky", exchange -> HttpTestServer.send(exchange, calls.incrementAndGet() == 1 ? 502 : 200,
                "text/plain", "ok".getBytes(StandardCharsets.UTF_8)));
        assertThrows(HttpStatusException.class, () -> fetcher.get(server.uri("/flaky")));
        clock.advance(Duration.ofSeconds(15));
        assertEquals("ok", fetcher.get(server.uri("/flaky")).text());
        assertEquals("ok", fetcher.get(server.uri("/flaky")).text(), "no wait after the success");
    }

    @Test
    void aRefusedConnectionNamesTheHostAndBacksOff() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + closedPort + "/api");
        ConnectException refused = assertThrows(ConnectException.class, () -> fetcher.get(nobody));
        assertTrue(refused.getMessage().contains("cannot connect to http://127.0.0.1:" + closedPort),
                refused.getMessage());
        assertThrows(BackingOffException.class, () -> fetcher.get(nobody));
    }
}
