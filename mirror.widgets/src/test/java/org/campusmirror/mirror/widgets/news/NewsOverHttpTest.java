package org.campusmirror.mirror.widgets.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.campusmirror.mirror.widgets.common.TestContext;
import org.campusmirror.mirror.widgets.fetch.FixtureServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The news widget fetching feeds from a local HTTP server through the framework's fetch path. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NewsOverHttpTest {
    private static final TestContext NOW = TestContext.at("2026-10-12T10:00:00Z", ZoneId.of("Europe/Berlin"),
            Locale.GERMANY);
    private final FixtureServer server = new FixtureServer();

    NewsOverHttpTest() throws IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private NewsWidget widget(String... paths) {
        String[] urls = new String[paths.length];
        for (int i = 0; i < paths.length; i++) {
            urls[i] = server.uri(paths[i]).toString();
        }
        return new NewsWidget(NewsWidgetTest.config(10, urls), FixtureServer.download());
    }

    @Test
    void rssAtomAndALatin1FeedServedWithTheirContentTypes() throws Exception {
        server.body("/rss", 200, "application/rss+xml", NewsFeedReaderTest.fixture("uni-rss.xml"))
                .body("/atom", 200, "application/atom+xml; charset=utf-8", NewsFeedReaderTest.fixture("faculty-atom.xml"))
                .body("/latin1", 200, "text/xml", NewsFeedReaderTest.fixture("latin1-rss.xml"));
        var view = (NewsView) widget("/rss", "/atom", "/latin1").refresh(NOW).data();
        assertEquals(6, view.headlines().size(), "3 + 2 + 1 items");
        assertTrue(view.headlines().stream().anyMatch(h -> h.title().equals("Prüfungsamt geschlossen - größere Änderung")));
        assertTrue(view.headlines().stream().noneMatch(h -> h.summary().contains("alert")));
    }

    @Test
    void oneFeedDownLeavesTheOthersWithANote() throws Exception {
        server.body("/rss", 200, "application/rss+xml", NewsFeedReaderTest.fixture("uni-rss.xml"))
                .body("/gone", 404, "text/html", "<h1>Not Found</h1>".getBytes(StandardCharsets.UTF_8));
        var view = (NewsView) widget("/rss", "/gone").refresh(NOW).data();
        assertEquals(3, view.headlines().size());
        assertTrue(view.notes().get(0).contains("404"), view.notes().toString());
    }

    @Test
    void errorStatusesTimeoutsAndHugeBodiesFailTheRefresh() {
        server.body("/500", 500, "text/plain", "boom".getBytes(StandardCharsets.UTF_8))
                .slow("/slow", Duration.ofSeconds(10)).trickle("/trickle").huge("/huge", 50L << 20, false);
        assertTrue(assertThrows(IOException.class, () -> widget("/500").refresh(NOW)).getMessage().contains("500"));
        assertTrue(assertThrows(IOException.class, () -> widget("/slow").refresh(NOW)).getMessage()
                .contains("did not answer"));
        assertTrue(assertThrows(IOException.class, () -> widget("/trickle").refresh(NOW)).getMessage()
                .contains("did not send its body"));
        assertTrue(assertThrows(IOException.class, () -> widget("/huge").refresh(NOW)).getMessage().contains("limit"));
    }

    @Test
    void wrongContentTypesAndMalformedBodiesAreMalformedFeeds() throws Exception {
        server.body("/json", 200, "application/json", "{\"items\":[]}".getBytes(StandardCharsets.UTF_8))
                .body("/html", 200, "text/html", NewsFeedReaderTest.fixture("maintenance.html"))
                .body("/laughs", 200, "application/rss+xml", NewsFeedReaderTest.fixture("billion-laughs.xml"));
        for (String path : new String[] {"/json", "/html", "/laughs"}) {
            var e = assertThrows(IOException.class, () -> widget(path).refresh(NOW), path);
            assertTrue(e.getCause() instanceof NewsFeedReader.MalformedFeedException, path + ": " + e);
        }
    }
}
