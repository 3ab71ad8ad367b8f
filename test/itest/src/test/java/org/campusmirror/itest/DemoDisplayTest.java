package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The end-to-end test: the real mirror.jar in the demo profile, the real display page in a real headless
 * Chromium on a portrait panel. Every widget kind renders its sample data, none in error or stale (seen in the
 * console's Mirror state and in the page's DOM), in German and in English; then an admin configures one more
 * instance of each kind through the console's configMgr form, with the admin password, and each renders too.
 * The screenshots of the demo page ({@code target/screenshots/display-demo-de.png}, {@code -en.png}) are what
 * {@code docs/display.png} is copied from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DemoDisplayTest {
    private static final String PASSWORD = "demo-display-test-password";
    private static final Duration APPEAR = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("itest.screenshots", "target/screenshots"));
    private static final String WIDGETS = "org.campusmirror.mirror.widgets.";
    private static final String LAYOUT = "org.campusmirror.mirror.layout";
    /** Per kind, a pattern the rendered demo tile's text must match, whatever the day: data, not placeholders. */
    private static final Map<String, String> DEMO_SHOWS = new TreeMap<>(Map.of(
            "announcements", "Willkommen zur Demo von Campus Mirror!",
            "canteen", "\\d,\\d\\d\\s?€",
            "clock", "\\d{1,2}:\\d{2}[\\s\\S]*KW\\s?\\d{1,2}",
            "departures", "\\d{1,2}:\\d{2}",
            "news", "\\S{4,}",
            "occupancy", "Lesesaal[\\s\\S]*Gruppenräume[\\s\\S]*Lernzentrum",
            "timetable", "\\d{1,2}:\\d{2}",
            "weather", "Musterstadt[\\s\\S]*-?\\d+\\s?°"));

    private MirrorProcess mirror;
    private Browser browser;
    private BrowserPage page;
    /** Display id to kind of the demo's tiles. */
    private final Map<String, String> demoTiles = new LinkedHashMap<>();

    @BeforeAll
    void startTheDemoAndOpenTheDisplay() throws Exception {
        Path home = MirrorProcess.workFolder("demo-display").resolve("home");
        mirror = MirrorProcess.start(MirrorProcess.Options.in(home).withProperty("mirror.admin.password", PASSWORD)
                .withProperty("mirror.demo", "true")).awaitReady();
        browser = Browser.launch();
        page = browser.open("http://127.0.0.1:" + mirror.options().httpPort() + "/", 1080, 1920);
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (page != null) {
            page.close();
        }
        if (browser != null) {
            browser.close();
        }
        if (mirror != null) {
            mirror.close();
        }
    }

    private ConsoleClient console() {
        return new ConsoleClient(mirror.options().httpPort(), "admin", PASSWORD);
    }

    private static String tile(String id) {
        return "document.querySelector('[data-widget-id=\"" + id + "\"]')";
    }

    /**
     * The tile is on the page with its kind, neither loading nor in error nor stale, and its text matches; with
     * {@code onScreen}, it also lies wholly on the panel and its content is not cut off.
     */
    private void awaitRendered(String id, String kind, String pattern, boolean onScreen) throws Exception {
        try {
            awaitTile(id, kind, pattern, onScreen);
        } catch (AssertionError notRendered) {
            page.screenshot(SCREENSHOTS.resolve("display-demo-failed-" + kind + ".png"));
            throw new AssertionError(notRendered.getMessage() + "\nthe tile now: " + page.evaluate("((t) => t && "
                    + "JSON.stringify({state: t.dataset.state, classes: t.className, text: t.innerText, "
                    + "rect: t.getBoundingClientRect(), scroll: [t.scrollWidth, t.clientWidth, t.scrollHeight, "
                    + "t.clientHeight]}))(" + tile(id)
                    + ")"), notRendered);
        }
    }

    private void awaitTile(String id, String kind, String pattern, boolean onScreen) throws Exception {
        String placed = !onScreen ? "" : " && ((r) => r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight"
                + " && r.right <= innerWidth)(t.getBoundingClientRect())"
                + " && t.scrollWidth <= t.clientWidth + 1 && t.scrollHeight <= t.clientHeight + 1";
        page.await(kind + " tile " + id + " rendered, text matching " + pattern, APPEAR, "((t) => t !== null"
                + " && t.dataset.widgetKind === " + BrowserPage.quote(kind) + " && !t.dataset.state"
                + " && !t.classList.contains('loading') && !t.querySelector('.tile-body').hidden"
                + " && new RegExp(" + BrowserPage.quote(pattern) + ").test(t.querySelector('.tile-body').innerText)"
                + placed + ")(" + tile(id) + ")");
    }

    /** Waits until the console lists {@code count} widgets whose PID passes {@code chosen}, all ok with data. */
    private Map<String, String> awaitOkWidgets(String what, int count, java.util.function.Predicate<String> chosen)
            throws Exception {
        Map<String, String> kinds = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Eventually.await(what, APPEAR, () -> {
            kinds.clear();
            problems.clear();
            for (JsonNode widget : console().mirrorState().path("widgets")) {
                if (chosen.test(widget.path("pid").asText())) {
                    kinds.put(widget.path("id").asText(), widget.path("kind").asText());
                    if (!widget.path("state").asText().equals("ok") || widget.path("dataAsOf").isNull()) {
                        problems.add(widget.path("pid").asText() + " " + widget.path("state").asText() + " "
                                + widget.path("error").asText());
                    }
                }
            }
            return kinds.size() == count && problems.isEmpty();
        });
        return kinds;
    }

    private void awaitLocale(String tag, String language) throws Exception {
        console().saveConfiguration(LAYOUT, Map.of("pages", "main=30", "rotate", "true", "locale", tag,
                "timeZone", "Europe/Berlin"));
        page.await("the page in " + tag, APPEAR, "document.documentElement.lang.startsWith('" + language + "')");
    }

    private int errorTiles() throws Exception {
        return page.evaluate("document.querySelectorAll('[data-widget-kind][data-state]').length").asInt();
    }

    @Test
    @Order(1)
    void everyKindRendersItsSampleDataInGermanNoneInError() throws Exception {
        demoTiles.putAll(awaitOkWidgets("every demo widget refreshed", DEMO_SHOWS.size(),
                pid -> pid.contains("~demo-")));
        assertEquals(DEMO_SHOWS.keySet(), new java.util.TreeSet<>(demoTiles.values()), "one tile of every kind");
        awaitLocale("de-DE", "de");
        for (Map.Entry<String, String> demo : demoTiles.entrySet()) {
            awaitRendered(demo.getKey(), demo.getValue(), DEMO_SHOWS.get(demo.getValue()), true);
        }
        assertEquals(0, errorTiles(), "no tile in error or stale");
        assertTrue(page.console().stream().noneMatch(line -> line.startsWith("exception")), page.console().toString());
        page.screenshot(SCREENSHOTS.resolve("display-demo-de.png"));
    }

    @Test
    @Order(2)
    void everyKindRendersInEnglishToo() throws Exception {
        awaitLocale("en-GB", "en");
        Map<String, String> english = new TreeMap<>(DEMO_SHOWS);
        english.put("announcements", "Welcome to the Campus Mirror demo!");
        english.put("canteen", "€\\s?\\d\\.\\d\\d");
        english.put("clock", "\\d{1,2}:\\d{2}[\\s\\S]*Week\\s?\\d{1,2}");
        for (Map.Entry<String, String> demo : demoTiles.entrySet()) {
            awaitRendered(demo.getKey(), demo.getValue(), english.get(demo.getValue()), true);
        }
        assertEquals(0, errorTiles(), "no tile in error or stale");
        page.screenshot(SCREENSHOTS.resolve("display-demo-en.png"));
    }

    @Test
    @Order(3)
    void eachKindConfiguredThroughTheConsoleRenders() throws Exception {
        awaitLocale("de-DE", "de");
        ConsoleClient console = console();
        String canteenBase = ConsoleClient.json(console.get("/system/console/configMgr/" + WIDGETS
                + "canteen~demo-canteen.json")).get(0).path("properties").path("canteen.base.url").path("value")
                .asText();
        String server = canteenBase.replace("/openmensa/api/v2", "");
        assertTrue(server.startsWith("http://127.0.0.1:"), server);
        String region = "middle_center";
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> kindOf = new LinkedHashMap<>();
        // Not the demo's settings: another provider, role, unit, hour cycle, and markup where text goes.
        add(kindOf, expected, "clock", "(AM|PM|am|pm)", Map.of("widget.region", region, "clock.hour.cycle", "12h",
                "clock.zone", "America/New_York"));
        add(kindOf, expected, "canteen", "\\d,\\d\\d\\s?€", Map.of("widget.region", region, "canteen.id", "42",
                "canteen.base.url", canteenBase, "canteen.price.role", "employees"));
        add(kindOf, expected, "departures", "\\d{1,2}:\\d{2}", Map.of("widget.region", region,
                "departures.provider", "hafas", "departures.base.url", server + "/db-rest",
                "departures.stop", "900000000001", "departures.stop.name", "Campus Nord"));
        add(kindOf, expected, "weather", "München[\\s\\S]*°F", Map.of("widget.region", region,
                "weather.latitude", "48.137", "weather.longitude", "11.575", "weather.location", "München",
                "weather.base.url", server + "/open-meteo", "weather.units", "fahrenheit"));
        add(kindOf, expected, "occupancy", "<img src=x onerror=alert\\(1\\)>Lesesaal", Map.of("widget.region",
                region, "occupancy.url", server + "/occupancy/library.json", "occupancy.areas",
                "<img src=x onerror=alert(1)>Lesesaal | /areas/0/occupied | 200"));
        add(kindOf, expected, "timetable", "\\d{1,2}:\\d{2}", Map.of("widget.region", region, "widget.title",
                "Mein Stundenplan", "timetable.sources", server + "/files/timetable/semester.ics"));
        add(kindOf, expected, "news", "\\S{4,}", Map.of("widget.region", region, "news.feeds",
                server + "/files/news/informatik.atom"));
        console.createFactoryConfiguration("org.campusmirror.mirror.announcement", Map.of("text.de",
                "Prüfungsanmeldung <b>bis Freitag</b>", "text.en", "Exam registration until Friday", "priority",
                "important"));
        add(kindOf, expected, "announcements", "Prüfungsanmeldung <b>bis Freitag</b>", Map.of("widget.region", region,
                "announcements.rotate.seconds", "300"));

        Map<String, String> created = awaitOkWidgets("the admin's widgets refreshed", kindOf.size(),
                kindOf::containsKey);
        for (Map.Entry<String, String> tile : created.entrySet()) {
            assertFalse(demoTiles.containsKey(tile.getKey()), tile.getKey());
            // Eight more tiles in one region overflow the panel; on the page and rendered is what counts here.
            awaitRendered(tile.getKey(), tile.getValue(), expected.get(tile.getValue()), false);
        }
        assertEquals(0, page.evaluate("document.querySelectorAll('.tile-body img, .tile-body b').length").asInt(),
                "markup in settings and announcements shows as text, never as elements");
        assertEquals(0, errorTiles(), "no tile in error or stale");
        page.screenshot(SCREENSHOTS.resolve("display-demo-and-admin.png"));
    }

    /** Creates an instance of {@code kind} through the console, noting its PID, kind and the text it must show. */
    private void add(Map<String, String> kindOf, Map<String, String> expected, String kind, String shows,
            Map<String, String> properties) throws Exception {
        String pid = console().createFactoryConfiguration(WIDGETS + kind, properties);
        assertFalse(pid.contains("~demo-"), pid);
        kindOf.put(pid, kind);
        expected.put(kind, shows);
    }
}
