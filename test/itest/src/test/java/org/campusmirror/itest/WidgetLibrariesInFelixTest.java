package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import com.sun.net.httpserver.HttpServer;

/**
 * The calendar and news libraries as bundles inside the real mirror: ical4j 4.2.5 (with its zone data, its
 * ical4j.properties read through the widget bundle, its java.time zone provider), Rome 2.1.0 on the wrapped JDOM 2,
 * jsoup, and Event Admin. The test serves fixture feeds from a local HTTP server, configures a timetable (a URL and a
 * file in the calendar folder), a news feed, a clock and the announcements through the console's configuration
 * form, installs a probe bundle that refreshes each widget service once with a pinned clock (Monday 26 October
 * 2026, 10:30 in Berlin, the day after the autumn switch), and reads what the widgets computed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WidgetLibrariesInFelixTest {
    private static final String PASSWORD = "widget-itest-password-1";
    private static final String NOW = "2026-10-26T09:30:00Z";

    private HttpServer feeds;
    private final Map<String, AtomicInteger> feedRequests = new java.util.concurrent.ConcurrentHashMap<>();
    private Path home;
    private MirrorProcess mirror;

    @BeforeAll
    void start() throws Exception {
        feeds = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/lectures.ics", "lectures.ics", "text/calendar; charset=utf-8");
        serve("/asta.xml", "asta-cp1252.xml", "application/rss+xml");
        feeds.start();
        home = MirrorProcess.workFolder("widgets").resolve("home");
        Files.createDirectories(home.resolve("calendars"));
        try (InputStream in = fixture("office.ics")) {
            Files.copy(in, home.resolve("calendars/office.ics"));
        }
        mirror = MirrorProcess.start(MirrorProcess.Options.in(home).withProperty("mirror.admin.password", PASSWORD)
                .withProperty("probe.now", NOW)).awaitReady();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (mirror != null) {
            mirror.close();
        }
        if (feeds != null) {
            feeds.stop(0);
        }
    }

    private static InputStream fixture(String name) {
        return WidgetLibrariesInFelixTest.class.getResourceAsStream("/widgets/" + name);
    }

    private void serve(String path, String fixture, String contentType) {
        feeds.createContext(path, exchange -> {
            feedRequests.computeIfAbsent(path, any -> new AtomicInteger()).incrementAndGet();
            byte[] body;
            try (InputStream in = fixture(fixture)) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private ConsoleClient console() {
        return new ConsoleClient(mirror.options().httpPort(), "admin", PASSWORD);
    }

    private String feedUrl(String path) {
        return "http://127.0.0.1:" + feeds.getAddress().getPort() + path;
    }

    /** What the probe wrote for a configuration, once it is there. */
    private String probed(String pid) throws Exception {
        Path file = home.resolve("probe").resolve(pid + ".txt");
        Eventually.await("the probe's result for " + pid, () -> Files.isRegularFile(file));
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void widgetsComputeTheirViewsInsideTheFramework() throws Exception {
        String timetable = console().createFactoryConfiguration("org.campusmirror.mirror.widgets.timetable", List.of(
                Map.entry("widget.title", "Stundenplan"),
                Map.entry("timetable.sources", feedUrl("/lectures.ics")),
                Map.entry("timetable.sources", "office.ics"),
                Map.entry("timetable.days", "2")));
        String news = console().createFactoryConfiguration("org.campusmirror.mirror.widgets.news", List.of(
                Map.entry("news.feeds", feedUrl("/asta.xml"))));
        String clock = console().createFactoryConfiguration("org.campusmirror.mirror.widgets.clock", List.of(
                Map.entry("clock.seconds", "true")));
        String ticker = console().createFactoryConfiguration("org.campusmirror.mirror.widgets.announcements",
                List.of(Map.entry("widget.region", "top_bar")));
        console().createFactoryConfiguration("org.campusmirror.mirror.announcement", List.of(
                Map.entry("text.de", "Bibliothek heute bis 22 Uhr geöffnet"),
                Map.entry("text.en", "Library open until 10 pm today"),
                Map.entry("priority", "important")));
        String badTimetable = console().createFactoryConfiguration("org.campusmirror.mirror.widgets.timetable",
                List.of(Map.entry("timetable.sources", "../admin.password")));

        var install = console().installBundle(TestBundles.widgetProbe(home.getParent().resolve("probe.jar")));
        assertEquals(302, install.statusCode(), install.body());

        String lectures = probed(timetable);
        assertFalse(lectures.contains("FAILED"), lectures);
        // The RECURRENCE-ID override replaced today's instance: 10:00-11:30 in the Audimax, running at 10:30 CET.
        assertTrue(lectures.contains("title=Analysis I (verlegt), location=Audimax, categories=[Vorlesung], "
                + "allDay=false, start=2026-10-26T09:00:00Z, end=2026-10-26T10:30:00Z, startTime=10:00, "
                + "endTime=11:30"), lectures);
        assertTrue(lectures.contains("running=true"), lectures);
        assertFalse(lectures.contains("title=Analysis I, Gruppe A, location=Hörsaal 1, categories=[Vorlesung], "
                + "allDay=false, start=2026-10-26"), "the replaced instance is gone: " + lectures);
        assertTrue(lectures.contains("title=Sprechstunde Prof. Muster, location=B 2.01"), "the file source: " + lectures);
        assertTrue(lectures.contains("title=Dies academicus, location=, categories=[], allDay=true"), lectures);
        assertTrue(lectures.contains("date=2026-10-27, today=false"), lectures);
        // ical4j reads its settings once, on first use: relaxed parsing, no zone updates from the network.
        assertFalse(mirror.output().contains("ical4j.properties not found"), "ical4j ran without this bundle's "
                + "settings:\n" + mirror.output());

        String headlines = probed(news);
        assertTrue(headlines.contains("title=„Semesterticket“ kostet 200 € – Abstimmung, summary=Die Urabstimmung "
                + "läuft bis Freitag., source=AStA News, published=2026-10-26T07:00:00Z"), headlines);
        assertTrue(headlines.contains("title=Ohne Datum, summary=, source=AStA News, published=null"), headlines);
        assertFalse(headlines.contains("alert") || headlines.contains("<"), headlines);

        String time = probed(clock);
        assertTrue(time.contains("zone=Europe/Berlin, hour12=false, seconds=true"), time);
        assertTrue(time.contains("week=44, weekLabel=KW 44, dateText=Montag, 26. Oktober 2026"), time);

        String announcements = probed(ticker);
        assertTrue(announcements.contains("textDe=Bibliothek heute bis 22 Uhr geöffnet, "
                + "textEn=Library open until 10 pm today, priority=important"), announcements);

        String refused = probed(badTimetable);
        assertTrue(refused.contains("FAILED org.campusmirror.mirror.widget.WidgetConfigurationException: "
                + "timetable.sources: '../admin.password' is outside the calendar folder"), refused);
        assertFalse(refused.contains(PASSWORD));

        // Two refresh each widget here: the runtime's scheduler (its first refresh) and the probe; one GET per refresh.
        assertEquals(java.util.Set.of("/lectures.ics", "/asta.xml"), feedRequests.keySet(), "every feed fetched");
        feedRequests.forEach((path, gets) -> assertTrue(gets.get() <= 2, "at most one GET per refresh of " + path
                + ": " + gets.get()));
    }

    @Test
    void renderersAreServedFromTheWidgetBundle() throws Exception {
        var anonymous = ConsoleClient.anonymous(mirror.options().httpPort());
        for (String kind : List.of("timetable", "news", "clock", "announcements")) {
            var js = anonymous.get("/widgets/" + kind + "/renderer.js");
            assertEquals(200, js.statusCode(), kind);
            assertTrue(js.headers().firstValue("Content-Type").orElse("").contains("javascript"), kind);
            assertTrue(js.body().contains("export default"), kind);
            assertFalse(js.body().contains("innerHTML"), kind);
            assertEquals(200, anonymous.get("/widgets/" + kind + "/renderer.css").statusCode(), kind);
        }
        assertEquals(404, anonymous.get("/widgets/timetable/ical4j.properties").statusCode());
    }

    @Test
    void everyBundleOfTheRunIsActive() throws Exception {
        for (String bundle : List.of("ical4j", "com.rometools.rome", "org.jdom2", "org.jsoup",
                "com.github.ben-manes.caffeine", "org.threeten.extra", "org.apache.felix.eventadmin",
                "org.campusmirror.mirror.widgets")) {
            assertEquals("Active", console().bundle(bundle).orElseThrow(() -> new IOException("no " + bundle))
                    .path("state").asText(), bundle);
        }
    }
}
