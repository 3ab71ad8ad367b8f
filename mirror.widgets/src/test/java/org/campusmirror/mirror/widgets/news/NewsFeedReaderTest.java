package org.campusmirror.mirror.widgets.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class NewsFeedReaderTest {

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = NewsFeedReaderTest.class.getResourceAsStream("/news/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void rssDescriptionsBecomePlainTextWithoutScriptsOrStyles() throws Exception {
        var feed = NewsFeedReader.read(fixture("uni-rss.xml"), "application/rss+xml", 20);
        assertEquals("Hochschule Musterstadt – Aktuelles", feed.source());
        Headline first = feed.headlines().get(0);
        assertEquals("Neue Mensa & Café eröffnet", first.title());
        assertEquals("Ab Montag hat die neue Mensa geöffnet. Preise < 5 €.", first.summary());
        assertEquals(Instant.parse("2026-10-12T06:30:00Z"), first.published());
        assertEquals("Vortrag: KI in der Lehre", feed.headlines().get(1).title(), "markup escaped into a title");
        assertEquals("Am Mittwoch im Hörsaal 1 & online.", feed.headlines().get(1).summary(),
                "an RSS description is HTML: its escaped entity is decoded once more");
    }

    @Test
    void itemWithoutADateKeepsItsPlaceUndated() throws Exception {
        var feed = NewsFeedReader.read(fixture("uni-rss.xml"), "application/rss+xml", 20);
        assertEquals(3, feed.headlines().size());
        Headline undated = feed.headlines().get(2);
        assertEquals("Bibliothek: längere Öffnungszeiten", undated.title());
        assertNull(undated.published());
    }

    @Test
    void atomSummariesAndXhtmlContentBecomeText() throws Exception {
        var feed = NewsFeedReader.read(fixture("faculty-atom.xml"), "application/atom+xml", 20);
        assertEquals("Fakultät Informatik", feed.source());
        assertEquals("Preis für Studierende", feed.headlines().get(0).title());
        assertEquals("Gratulation an das Team!", feed.headlines().get(0).summary());
        assertEquals("Inhalt mit Link.", feed.headlines().get(1).summary());
        assertEquals(Instant.parse("2026-10-10T07:00:00Z"), feed.headlines().get(1).published());
    }

    @Test
    void isoLatin1DeclaredInTheProlog() throws Exception {
        var feed = NewsFeedReader.read(fixture("latin1-rss.xml"), "text/xml", 20);
        assertEquals("Studentenwerk Übersicht", feed.source());
        assertEquals("Prüfungsamt geschlossen - größere Änderung", feed.headlines().get(0).title());
        assertEquals("Grüße vom Dezernat für Studienangelegenheiten", feed.headlines().get(0).summary());
    }

    @Test
    void windows1252DeclaredInTheProlog() throws Exception {
        var feed = NewsFeedReader.read(fixture("cp1252-rss.xml"), "application/rss+xml", 20);
        assertEquals("„Semesterticket“ kostet 200 € – Abstimmung", feed.headlines().get(0).title());
        assertEquals("Die Urabstimmung läuft bis Freitag…", feed.headlines().get(0).summary());
    }

    @Test
    void prologWinsOverABlanketCharsetOfTheServer() throws Exception {
        var feed = NewsFeedReader.read(fixture("latin1-rss.xml"), "text/xml; charset=utf-8", 20);
        assertEquals("Prüfungsamt geschlossen - größere Änderung", feed.headlines().get(0).title());
    }

    @Test
    void charsetOfTheContentTypeCountsWhenThePrologNamesNone() throws Exception {
        String body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>Grüße</title></item></channel></rss>";
        var feed = NewsFeedReader.read(body.getBytes(StandardCharsets.ISO_8859_1), "application/rss+xml; charset=\"ISO-8859-1\"", 20);
        assertEquals("Grüße", feed.headlines().get(0).title());
        var utf8 = NewsFeedReader.read(body.getBytes(StandardCharsets.UTF_8), "application/rss+xml", 20);
        assertEquals("Grüße", utf8.headlines().get(0).title());
    }

    @Test
    void veryLongFeedIsCappedAtTheItemLimit() throws Exception {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Long</title>");
        for (int i = 0; i < 5_000; i++) {
            rss.append("<item><title>Item ").append(i).append("</title><description>")
                    .append("Text ".repeat(100)).append("</description></item>");
        }
        rss.append("</channel></rss>");
        var feed = NewsFeedReader.read(rss.toString().getBytes(StandardCharsets.UTF_8), null, 25);
        assertEquals(25, feed.headlines().size());
        assertTrue(feed.capped());
        assertEquals("Item 0", feed.headlines().get(0).title());
        assertTrue(feed.headlines().get(0).summary().length() <= NewsFeedReader.SUMMARY_CHARS);
        assertTrue(feed.headlines().get(0).summary().endsWith("…"));
    }

    @Test
    void billionLaughsIsRefusedBeforeExpansion() throws Exception {
        var e = assertThrows(NewsFeedReader.MalformedFeedException.class,
                () -> NewsFeedReader.read(fixture("billion-laughs.xml"), "application/rss+xml", 20));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void externalEntitiesAreNeitherFetchedNorRead() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] secret = "SECRET".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, secret.length);
            exchange.getResponseBody().write(secret);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
            for (String doctype : List.of("<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>",
                    "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + url + "\">]>",
                    "<!DOCTYPE rss SYSTEM \"" + url + "\">",
                    "<!DOCTYPE rss [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>")) {
                String body = "<?xml version=\"1.0\"?>" + doctype
                        + "<rss version=\"2.0\"><channel><title>x</title><item><title>&xxe;</title></item></channel></rss>";
                assertThrows(NewsFeedReader.MalformedFeedException.class,
                        () -> NewsFeedReader.read(body.getBytes(StandardCharsets.UTF_8), "application/rss+xml", 20),
                        doctype);
            }
            assertEquals(0, requests.get(), "the parser fetched an external entity or DTD");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void htmlPagesAndGarbageAreMalformedFeeds() throws Exception {
        assertThrows(NewsFeedReader.MalformedFeedException.class,
                () -> NewsFeedReader.read(fixture("maintenance.html"), "text/html", 20));
        assertThrows(NewsFeedReader.MalformedFeedException.class, () -> NewsFeedReader.read(
                "<html><body><p>Login</p></body></html>".getBytes(StandardCharsets.UTF_8), "text/html", 20));
        assertThrows(NewsFeedReader.MalformedFeedException.class, () -> NewsFeedReader.read(
                "{\"json\": true}".getBytes(StandardCharsets.UTF_8), "application/json", 20));
        assertThrows(NewsFeedReader.MalformedFeedException.class, () -> NewsFeedReader.read(new byte[0], null, 20));
        String cut = new String(fixture("uni-rss.xml"), StandardCharsets.UTF_8).substring(0, 300);
        assertThrows(NewsFeedReader.MalformedFeedException.class,
                () -> NewsFeedReader.read(cut.getBytes(StandardCharsets.UTF_8), "application/rss+xml", 20));
    }

    @Test
    void hiddenControlCharactersAreDropped() {
        assertEquals("abc", FeedText.plain("a\u202Eb\u0000c\u200B", 100));
        assertFalse(FeedText.plain("<p>x</p><script>document.write(1)</script>", 100).contains("document"));
    }

    @Test
    void demoFeedsRead() throws Exception {
        for (String name : List.of("hochschule.rss", "informatik.atom")) {
            byte[] body;
            try (InputStream in = NewsFeedReaderTest.class.getResourceAsStream("/demo/news/" + name)) {
                body = in.readAllBytes();
            }
            var feed = NewsFeedReader.read(body, "application/xml", 20);
            assertTrue(feed.headlines().size() >= 3, name);
            assertTrue(feed.headlines().stream().allMatch(h -> !h.title().contains("<") && !h.summary().contains("<")));
        }
    }
}
