package org.campusmirror.mirror.widgets.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.campusmirror.mirror.widgets.common.TestContext;
import org.campusmirror.mirror.widgets.http.BodyTooLargeException;
import org.campusmirror.mirror.widgets.http.HttpFetcherSettings;
import org.campusmirror.mirror.widgets.http.HttpTestServer;
import org.campusmirror.mirror.widgets.http.PoliteHttpFetcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The news widget fetching feeds from a local HTTP server through the shared polite client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NewsOverHttpTest {
    private static final TestContext NOW = TestContext.at("2026-10-12T10:00:00Z", ZoneId.of("Europe/Berlin"),
            Locale.GERMANY);
    private final HttpTestServer server = new HttpTestServer();
    /** One client per widget, so one case's backoff does not hide the next case. */
    private final List<PoliteHttpFetcher> fetchers = new ArrayList<>();

    NewsOverHttpTest() throws IOException {
    }

    @AfterEach
    void stop() {
        fetchers.forEach(PoliteHttpFetcher::close);
        server.close();
    }

    private NewsWidget widget(String... paths) {
        String[] urls = new String[paths.length];
        for (int i = 0; i < paths.length; i++) {
            urls[i] = server.uri(paths[i]).toString();
        }
        var fetcher = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3)));
        fetchers.add(fetcher);
        return new NewsWidget(NewsWidgetTest.config(10, urls), fetcher);
    }

    @Test
    void rssAtomAndALatin1FeedServedWithTheirContentTypes() throws Exception {
        server.fixture("/rss", "application/rss+xml", NewsFeedReaderTest.fixture("uni-rss.xml"))
                .fixture("/atom", "application/atom+xml; charset=utf-8", NewsFeedReaderTest.fixture("faculty-atom.xml"))
                .fixture("/latin1", "text/xml", NewsFeedReaderTest.fixture("latin1-rss.xml"));
        var view = (NewsView) widget("/rss", "/atom", "/latin1").refresh(NOW).data();
        assertEquals(6, view.headlines().size(), "3 + 2 + 1 items");
        assertTrue(view.headlines().stream().anyMatch(h -> h.title().equals("Prüfungsamt geschlossen - größere Änderung")));
        assertTrue(view.headlines().stream().noneMatch(h -> h.summary().contains("alert")));
        for (var request : server.requests()) {
            assertEquals("CampusMirror/0.1.0", request.headers().getFirst("User-Agent"));
            assertTrue(request.headers().getFirst("Accept").contains("application/rss+xml"));
        }
    }

    @Test
    void anUnchangedFeedIsRevalidatedWithIfModifiedSince() throws Exception {
        String modified = "Mon, 12 Oct 2026 08:00:00 GMT";
        server.route("/rss", exchange -> {
            exchange.getResponseHeaders().set("Last-Modified", modified);
            if (modified.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                HttpTestServer.send(exchange, 200, "application/rss+xml", NewsFeedReaderTest.fixture("uni-rss.xml"));
            }
        });
        var widget = widget("/rss");
        widget.refresh(NOW);
        var view = (NewsView) widget.refresh(NOW).data();
        assertEquals(3, view.headlines().size());
        assertEquals(modified, server.requests().get(1).headers().getFirst("If-Modified-Since"));
    }

    @Test
    void oneFeedDownLeavesTheOthersWithANote() throws Exception {
        server.fixture("/rss", "application/rss+xml", NewsFeedReaderTest.fixture("uni-rss.xml"))
                .route("/gone", exchange -> HttpTestServer.send(exchange, 404, "text/html",
                        "<h1>Not Found</h1>".getBytes(StandardCharsets.UTF_8)));
        var view = (NewsView) widget("/rss", "/gone").refresh(NOW).data();
        assertEquals(3, view.headlines().size());
        assertTrue(view.notes().get(0).contains("404"), view.notes().toString());
    }

    @Test
    void errorStatusesTimeoutsAndHugeBodiesFailTheRefresh() {
        server.route("/500", exchange -> HttpTestServer.send(exchange, 500, "text/plain",
                        "boom".getBytes(StandardCharsets.UTF_8)))
                .silent("/slow").trickle("/trickle", "application/rss+xml")
                .route("/huge", exchange -> server.stream(exchange, "application/rss+xml", 50L << 20, false));
        assertTrue(assertThrows(IOException.class, () -> widget("/500").refresh(NOW)).getMessage().contains("500"));
        assertTrue(assertThrows(IOException.class, () -> widget("/slow").refresh(NOW)).getMessage()
                .contains("did not answer"));
        assertTrue(assertThrows(IOException.class, () -> widget("/trickle").refresh(NOW)).getMessage()
                .contains("did not finish within 3 s"));
        var huge = assertThrows(IOException.class, () -> widget("/huge").refresh(NOW));
        assertTrue(huge.getCause() instanceof BodyTooLargeException tooLarge && tooLarge.limit() == 1L << 20,
                "cut at news.max.bytes: " + huge.getCause());
    }

    @Test
    void wrongContentTypesAndMalformedBodiesAreMalformedFeeds() throws Exception {
        server.fixture("/json", "application/json", "{\"items\":[]}".getBytes(StandardCharsets.UTF_8))
                .fixture("/html", "text/html", NewsFeedReaderTest.fixture("maintenance.html"))
                .fixture("/laughs", "application/rss+xml", NewsFeedReaderTest.fixture("billion-laughs.xml"));
        for (String path : new String[] {"/json", "/html", "/laughs"}) {
            var e = assertThrows(IOException.class, () -> widget(path).refresh(NOW), path);
            assertTrue(e.getCause() instanceof NewsFeedReader.MalformedFeedException, path + ": " + e);
        }
    }
}
