package org.campusmirror.mirror.widgets.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ETag and If-Modified-Since with the cached body, and the headers every request carries. */
class RevalidationTest {
    private static final byte[] MENU = "{\"menu\":1}".getBytes(StandardCharsets.UTF_8);

    private final HttpTestServer server = new HttpTestServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final PoliteHttpFetcher fetcher = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0.SNAPSHOT")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)), clock);

    RevalidationTest() throws IOException {
    }

    @AfterEach
    void close() {
        fetcher.close();
        server.close();
    }

    @Test
    void sendsTheProjectsUserAgentAndTheAcceptedType() throws IOException {
        server.fixture("/menu", "application/json", MENU);
        fetcher.fetch(FetchRequest.get(server.uri("/menu")).withAccept("application/json"));
        HttpTestServer.Seen request = server.requests().get(0);
        assertEquals("CampusMirror/0.1.0", request.headers().getFirst("User-Agent"));
        assertEquals("application/json", request.headers().getFirst("Accept"));
    }

    @Test
    void aWidgetCannotReplaceTheUserAgent() throws IOException {
        server.fixture("/menu", "application/json", MENU);
        fetcher.fetch(FetchRequest.get(server.uri("/menu")).withHeader("User-Agent", "Mozilla/5.0"));
        assertEquals(List.of("CampusMirror/0.1.0"), server.requests().get(0).headers().get("User-Agent"));
    }

    @Test
    void anEtagIsSentBackAndA304GivesTheCachedBody() throws IOException {
        server.route("/menu", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                HttpTestServer.send(exchange, 200, "application/json", MENU);
            }
        });
        FetchResponse first = fetcher.get(server.uri("/menu"));
        clock.advance(Duration.ofMinutes(5));
        FetchResponse second = fetcher.get(server.uri("/menu"));

        assertFalse(first.revalidated());
        assertTrue(second.revalidated());
        assertArrayEquals(MENU, second.body());
        assertEquals("application/json", second.mediaType().essence());
        assertEquals(clock.instant(), second.fetchedAt(), "a 304 makes the cached copy current now");
        assertNull(server.requests().get(0).headers().getFirst("If-None-Match"));
        assertEquals("\"v1\"", server.requests().get(1).headers().getFirst("If-None-Match"));
    }

    @Test
    void lastModifiedIsSentBackAsIfModifiedSince() throws IOException {
        String lastModified = "Tue, 24 Nov 2026 08:00:00 GMT";
        server.route("/feed", exchange -> {
            exchange.getResponseHeaders().set("Last-Modified", lastModified);
            if (lastModified.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                HttpTestServer.send(exchange, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
            }
        });
        fetcher.get(server.uri("/feed"));
        FetchResponse second = fetcher.get(server.uri("/feed"));
        assertTrue(second.revalidated());
        assertEquals("<rss/>", second.text());
    }

    @Test
    void aChangedBodyReplacesTheCachedOne() throws IOException {
        AtomicInteger version = new AtomicInteger(1);
        server.route("/menu", exchange -> {
            String etag = "\"v" + version.get() + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                HttpTestServer.send(exchange, 200, "text/plain", ("menu " + version.get()).getBytes(StandardCharsets.UTF_8));
            }
        });
        fetcher.get(server.uri("/menu"));
        version.set(2);
        assertEquals("menu 2", fetcher.get(server.uri("/menu")).text());
        FetchResponse third = fetcher.get(server.uri("/menu"));
        assertTrue(third.revalidated());
        assertEquals("menu 2", third.text());
    }

    @Test
    void withoutRevalidationNothingConditionalIsSent() throws IOException {
        server.route("/departures", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"d\"");
            HttpTestServer.send(exchange, 200, "application/json", MENU);
        });
        FetchRequest request = FetchRequest.get(server.uri("/departures")).withoutRevalidation();
        fetcher.fetch(request);
        fetcher.fetch(request);
        assertNull(server.requests().get(1).headers().getFirst("If-None-Match"));
        assertEquals(0, fetcher.cachedBytes());
    }

    @Test
    void a304WithNothingCachedIsAnError() throws IOException {
        server.status("/odd", 304, Map.of());
        HttpStatusException error = assertThrows(HttpStatusException.class, () -> fetcher.get(server.uri("/odd")));
        assertEquals(304, error.status());
        assertTrue(error.getMessage().contains("nothing is cached"), error.getMessage());
    }

    @Test
    void theCacheKeepsItsBoundAndDropsTheLeastRecentlyUsed() {
        ConditionalCache cache = new ConditionalCache(10_000);
        URI uri = URI.create("http://example.invalid/");
        HttpHeaders none = HttpHeaders.of(Map.of(), (name, value) -> true);
        for (int i = 0; i < 10; i++) {
            cache.put("k" + i, new ConditionalCache.Entry(uri, 200, new byte[2000], none, "\"" + i + "\"", null));
        }
        assertTrue(cache.usedBytes() <= 10_000, "used " + cache.usedBytes());
        assertNull(cache.get("k0"));
        assertEquals("\"9\"", cache.get("k9").etag());
        cache.put("big", new ConditionalCache.Entry(uri, 200, new byte[6000], none, "\"b\"", null));
        assertNull(cache.get("big"), "an entry over half the capacity is not kept");
    }
}
