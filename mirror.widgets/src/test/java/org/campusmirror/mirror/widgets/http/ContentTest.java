package org.campusmirror.mirror.widgets.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Content types, charsets and paging links. */
class ContentTest {
    private final HttpTestServer server = new HttpTestServer();
    private final PoliteHttpFetcher fetcher = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)));

    ContentTest() throws IOException {
    }

    @AfterEach
    void close() {
        fetcher.close();
        server.close();
    }

    @Test
    void theDeclaredCharsetDecodesTheText() throws IOException {
        server.fixture("/latin1", "text/plain; charset=ISO-8859-1", "Grüße aus Köln".getBytes(StandardCharsets.ISO_8859_1));
        server.fixture("/quoted", "text/plain; charset=\"windows-1252\"", "Preis: 2,85 €".getBytes(
                java.nio.charset.Charset.forName("windows-1252")));
        server.fixture("/none", "text/plain", "Grüße".getBytes(StandardCharsets.UTF_8));
        assertEquals("Grüße aus Köln", fetcher.get(server.uri("/latin1")).text());
        assertEquals("Preis: 2,85 €", fetcher.get(server.uri("/quoted")).text());
        assertEquals("Grüße", fetcher.get(server.uri("/none")).text(), "no charset: UTF-8");
    }

    @Test
    void anUnknownCharsetFallsBack() {
        assertEquals(Optional.empty(), MediaType.parse("text/plain; charset=klingon-8").charset());
    }

    @Test
    void aLoginPageInsteadOfJsonIsNamed() throws IOException {
        server.fixture("/api", "text/html; charset=utf-8", "<html>Login</html>".getBytes(StandardCharsets.UTF_8));
        FetchResponse response = fetcher.get(server.uri("/api"));
        UnexpectedContentTypeException wrong = assertThrows(UnexpectedContentTypeException.class,
                () -> response.requireContentType("JSON", Json.CONTENT_TYPES));
        assertEquals("text/html", wrong.received().essence());
        assertTrue(wrong.getMessage().contains("answered text/html, not JSON (an error or login page?)"),
                wrong.getMessage());
    }

    @Test
    void mediaTypesMatchRangesAndSuffixes() {
        MediaType geo = MediaType.parse("Application/GEO+JSON; Charset=UTF-8");
        assertTrue(geo.isAnyOf("+json"));
        assertTrue(geo.isAnyOf("application/*"));
        assertTrue(geo.isAnyOf("*/*"));
        assertFalse(geo.isAnyOf("application/json", "text/*"));
        assertEquals(StandardCharsets.UTF_8, geo.charset().orElseThrow());
        assertEquals(MediaType.NONE, MediaType.parse(null));
        assertEquals(MediaType.NONE, MediaType.parse("nonsense"));
        assertEquals("none", MediaType.parse("/json").essence());
    }

    @Test
    void pagingLinksAreFoundAndResolved() {
        URI base = URI.create("https://openmensa.org/api/v2/canteens?page=1");
        assertEquals(Optional.of(URI.create("https://openmensa.org/api/v2/canteens?page=2")),
                LinkHeader.find(List.of("</api/v2/canteens?page=2>; rel=\"next\", </api/v2/canteens?page=9>; rel=\"last\""),
                        base, "next"));
        assertEquals(Optional.of(URI.create("https://openmensa.org/api/v2/canteens?page=9")),
                LinkHeader.find(List.of("<https://openmensa.org/api/v2/canteens?page=9>; rel=last"), base, "last"));
        assertEquals(Optional.empty(), LinkHeader.find(List.of("</x>; rel=\"prev\""), base, "next"));
        assertEquals(Optional.empty(), LinkHeader.find(List.of(), base, "next"));
    }
}
