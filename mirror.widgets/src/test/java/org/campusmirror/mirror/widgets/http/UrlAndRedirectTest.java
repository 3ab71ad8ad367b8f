package org.campusmirror.mirror.widgets.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only http and https are fetched, redirects are bounded, and messages never show credentials. */
class UrlAndRedirectTest {
    private final HttpTestServer server = new HttpTestServer();
    private final PoliteHttpFetcher fetcher = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)));

    UrlAndRedirectTest() throws IOException {
    }

    @AfterEach
    void close() {
        fetcher.close();
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file:///etc/passwd", "jar:file:/tmp/x.jar!/a", "ftp://example.org/menu.json",
            "gopher://example.org/", "mailto:mensa@example.org"})
    void otherSchemesAreRefusedSayingWhy(String url) {
        UnsupportedUrlException refused = assertThrows(UnsupportedUrlException.class,
                () -> fetcher.get(URI.create(url)));
        assertTrue(refused.getMessage().contains("is not an http or https URL"), refused.getMessage());
        assertTrue(refused.getMessage().contains("is not fetched"), refused.getMessage());
    }

    @Test
    void configuredUrlsAreCheckedTheSameWay() throws UnsupportedUrlException {
        assertEquals(URI.create("https://openmensa.org/api/v2"), HttpUrls.parse(" https://openmensa.org/api/v2 "));
        assertTrue(assertThrows(UnsupportedUrlException.class, () -> HttpUrls.parse("openmensa.org/api"))
                .getMessage().contains("not an http or https URL"));
        assertTrue(assertThrows(UnsupportedUrlException.class, () -> HttpUrls.parse("https://"))
                .getMessage().contains("not a valid URL"));
        assertTrue(assertThrows(UnsupportedUrlException.class, () -> HttpUrls.parse(""))
                .getMessage().contains("no URL"));
        assertTrue(assertThrows(UnsupportedUrlException.class, () -> HttpUrls.parse("http:/relative/only"))
                .getMessage().contains("names no host"));
    }

    @Test
    void credentialsInAUrlAreRefusedAndNeverShown() {
        UnsupportedUrlException refused = assertThrows(UnsupportedUrlException.class,
                () -> HttpUrls.parse("https://admin:s3cret@occupancy.example.org/seats"));
        assertFalse(refused.getMessage().contains("s3cret"), refused.getMessage());
        assertFalse(refused.getMessage().contains("admin"), refused.getMessage());
    }

    @Test
    void secretLookingQueryValuesAreMaskedInMessages() {
        String shown = HttpUrls.forDisplay(URI.create("https://api.example.org/v1?stop=8000&apikey=abc123&token=t0"));
        assertEquals("https://api.example.org/v1?stop=8000&apikey=***&token=***", shown);
    }

    @Test
    void redirectsAreFollowedRelativeOnes(/* too */) throws IOException {
        server.status("/old", 301, Map.of("Location", "/new"));
        server.status("/new", 302, Map.of("Location", server.uri("/final").toString()));
        server.fixture("/final", "text/plain", "here".getBytes(StandardCharsets.UTF_8));
        FetchResponse response = fetcher.get(server.uri("/old"));
        assertEquals("here", response.text());
        assertEquals(server.uri("/final"), response.uri());
    }

    @Test
    void aRedirectLoopEndsAfterTheBound() {
        server.status("/loop", 307, Map.of("Location", "/loop"));
        RedirectRefusedException refused = assertThrows(RedirectRefusedException.class,
                () -> fetcher.get(server.uri("/loop")));
        assertTrue(refused.getMessage().contains("more than 5 redirects"), refused.getMessage());
        assertEquals(6, server.count("/loop"));
    }

    @Test
    void aRedirectToAFileUrlIsRefused() {
        server.status("/sneaky", 302, Map.of("Location", "file:///etc/passwd"));
        RedirectRefusedException refused = assertThrows(RedirectRefusedException.class,
                () -> fetcher.get(server.uri("/sneaky")));
        assertTrue(refused.getMessage().contains("not fetched"), refused.getMessage());
    }

    @Test
    void aRedirectWithoutLocationIsRefused() {
        server.status("/nowhere", 302, Map.of());
        assertTrue(assertThrows(RedirectRefusedException.class, () -> fetcher.get(server.uri("/nowhere")))
                .getMessage().contains("without a Location"));
    }

    @Test
    void httpsIsNotRedirectedDownToHttp() {
        RedirectRefusedException refused = assertThrows(RedirectRefusedException.class,
                () -> PoliteHttpFetcher.redirectTarget(URI.create("https://uni.example.org/feed"), 301,
                        "http://uni.example.org/feed"));
        assertTrue(refused.getMessage().contains("from https down to"), refused.getMessage());
    }
}
