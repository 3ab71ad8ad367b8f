package org.campusmirror.mirror.widgets.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.common.TestContext;
import org.campusmirror.mirror.widgets.http.CannedFetcher;
import org.junit.jupiter.api.Test;

class NewsWidgetTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static NewsWidget.Config config(int rotate, String... feeds) {
        return new NewsWidget.Config() {
            public Class<? extends Annotation> annotationType() { return NewsWidget.Config.class; }
            public String widget_title() { return "Neuigkeiten"; }
            public String widget_region() { return "bottom_bar"; }
            public String[] widget_page() { return new String[] {"*"}; }
            public long widget_refresh_seconds() { return 900; }
            public String[] news_feeds() { return feeds; }
            public int news_max_items() { return 20; }
            public int news_rotate_seconds() { return rotate; }
            public boolean news_show_summary() { return true; }
            public long news_max_bytes() { return 1L << 20; }
        };
    }

    @Test
    void severalFeedsMergeNewestFirstWithUndatedItemsLast() throws Exception {
        var fixtures = new CannedFetcher();
        fixtures.answer("https://hs.example/rss", NewsFeedReaderTest.fixture("uni-rss.xml"), "application/rss+xml");
        fixtures.answer("https://inf.example/atom", NewsFeedReaderTest.fixture("faculty-atom.xml"), "application/atom+xml");
        var widget = new NewsWidget(config(12, "https://hs.example/rss", "https://inf.example/atom"), fixtures);
        var view = (NewsView) widget.refresh(TestContext.at("2026-10-12T10:00:00Z", BERLIN, Locale.GERMANY)).data();
        assertEquals(List.of("Preis für Studierende", "Neue Mensa & Café eröffnet", "Vortrag: KI in der Lehre",
                "Only content", "Bibliothek: längere Öffnungszeiten"),
                view.headlines().stream().map(Headline::title).toList());
        assertEquals(12, view.rotateSeconds());
        assertTrue(view.notes().isEmpty(), view.notes().toString());
    }

    @Test
    void aFeedThatGoesDownKeepsItsLastHeadlinesWithANote() throws Exception {
        var fixtures = new CannedFetcher();
        fixtures.answer("https://hs.example/rss", NewsFeedReaderTest.fixture("uni-rss.xml"), "application/rss+xml");
        var widget = new NewsWidget(config(10, "https://hs.example/rss"), fixtures);
        widget.refresh(TestContext.at("2026-10-12T10:00:00Z", BERLIN, Locale.GERMANY));
        fixtures.answer("https://hs.example/rss", NewsFeedReaderTest.fixture("maintenance.html"), "text/html");
        var model = widget.refresh(TestContext.at("2026-10-12T10:15:00Z", BERLIN, Locale.GERMANY));
        var view = (NewsView) model.data();
        assertEquals(3, view.headlines().size());
        assertTrue(view.notes().get(0).startsWith("hs.example: not an RSS or Atom feed"), view.notes().toString());
        assertEquals(java.time.Instant.parse("2026-10-12T10:00:00Z"), model.asOf());
    }

    @Test
    void noFeedReachableFailsTheRefresh() {
        var widget = new NewsWidget(config(10, "https://hs.example/rss"), new CannedFetcher());
        assertThrows(IOException.class,
                () -> widget.refresh(TestContext.at("2026-10-12T10:00:00Z", BERLIN, Locale.GERMANY)));
    }

    @Test
    void configurationErrorsNameTheSetting() {
        for (var c : List.of(new Object[] {config(10), "news.feeds: give at least one"},
                new Object[] {config(10, "ftp://x.example/rss"), "news.feeds: 'ftp://x.example/rss'"},
                new Object[] {config(10, "javascript:alert(1)"), "news.feeds: 'javascript:alert(1)'"},
                new Object[] {config(1, "https://x.example/rss"), "news.rotate.seconds: 1"})) {
            var widget = new NewsWidget((NewsWidget.Config) c[0], new CannedFetcher());
            var e = assertThrows(WidgetConfigurationException.class,
                    () -> widget.refresh(TestContext.at("2026-10-12T10:00:00Z", BERLIN, Locale.GERMANY)));
            assertTrue(e.getMessage().startsWith((String) c[1]), e.getMessage());
        }
    }
}
