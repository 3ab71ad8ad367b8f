package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * The display page of the real mirror.jar in a real headless Chromium, with the fixture widgets from {@code deploy/}
 * configured in the console: tiles in their regions, the isolation of throwing, hanging and badly rendered widgets, HTML in
 * data shown as text, configuration errors on the tile and in the console, the example widget hot-installed
 * through the console and through {@code deploy/}, virtual buttons on two displays, and alerts. One mirror and one
 * browser for the class; the steps build on each other, so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DisplayPageTest {
    private static final String PASSWORD = "display-page-test-password";
    private static final Duration APPEAR = Duration.ofSeconds(30);
    private static final Duration HOT_INSTALL = Duration.ofSeconds(5);
    private static final String EXAM_PID = "org.campusmirror.sample.widget.ExamCountdown";

    private Path home;
    private MirrorProcess mirror;
    private ValueSource source;
    private Browser browser;
    private BrowserPage page;
    private String throwing;
    private String hanging;
    private String html;
    private String badRenderer;
    private String counter;
    private String wrongType;
    private String missingValue;
    private String alerting;

    @BeforeAll
    void startMirrorWithFixturesAndOpenTheDisplay() throws Exception {
        home = MirrorProcess.workFolder("display").resolve("home");
        source = new ValueSource();
        FixtureWidgets.deploy(home.resolve("deploy"));
        mirror = MirrorProcess.start(MirrorProcess.Options.in(home).withProperty("mirror.admin.password", PASSWORD))
                .awaitReady();
        // Configured as an admin does, in the console. A short refresh timeout, so the hanging widget is given up
        // on quickly.
        console().saveConfiguration("org.campusmirror.mirror.registry", Map.of("refreshTimeoutSeconds", "3"));
        throwing = configure(FixtureWidgets.THROWING, Map.of("widget.region", "top_left", "widget.title", "Throws"));
        hanging = configure(FixtureWidgets.HANGING, Map.of("widget.region", "top_center", "widget.title", "Hangs"));
        html = configure(FixtureWidgets.HTML, Map.of("widget.region", "middle_center",
                "widget.title", "<i>Title</i> with HTML"));
        badRenderer = configure(FixtureWidgets.BAD_RENDERER, Map.of("widget.region", "bottom_left",
                "widget.title", "Bad renderer"));
        counter = configure(FixtureWidgets.SOURCE, Map.of("widget.region", "bottom_right", "widget.title", "Counter",
                "url", source.url()));
        wrongType = configure(FixtureWidgets.CHECKED, Map.of("widget.region", "lower_third", "count", "many",
                "label", "x"));
        missingValue = configure(FixtureWidgets.CHECKED, Map.of("widget.region", "lower_third", "count", "3"));
        alerting = configure(FixtureWidgets.ALERTING, Map.of("widget.region", "upper_third", "widget.page", "second"));
        browser = Browser.launch();
        page = browser.open(displayUrl(), 1080, 1920);
    }

    private String configure(String factoryPid, Map<String, String> properties) throws Exception {
        return console().createFactoryConfiguration(factoryPid, properties);
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (mirror != null) {
            mirror.close();
        }
        if (source != null) {
            source.close();
        }
    }

    @Test
    @Order(1)
    void configuredWidgetsShowInTheirRegions() throws Exception {
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put(throwing, "top_left");
        regions.put(hanging, "top_center");
        regions.put(html, "middle_center");
        regions.put(badRenderer, "bottom_left");
        regions.put(counter, "bottom_right");
        regions.put(wrongType, "lower_third");
        regions.put(missingValue, "lower_third");
        for (Map.Entry<String, String> tile : regions.entrySet()) {
            page.await(tile.getKey() + " in " + tile.getValue(), APPEAR, "document.querySelector('[data-region=\""
                    + tile.getValue() + "\"] > [data-widget-id=\"" + tile.getKey() + "\"][data-widget-kind]')");
        }
        assertEquals("fixture-source", page.evaluate(tile(counter) + ".dataset.widgetKind").asText());
        assertEquals("Counter", page.text(selector(counter) + " .tile-title"));
    }

    @Test
    @Order(2)
    void throwingShowsAnErrorAndHangingShowsStaleDataWhileOthersKeepUpdating() throws Exception {
        page.await("throwing tile in error", APPEAR, tile(throwing) + ".dataset.state === 'error'");
        String error = page.text(selector(throwing));
        assertTrue(error.contains("fixture widget fails on purpose"), error);

        page.await("hanging tile stale with its last data", APPEAR, tile(hanging) + ".dataset.state === 'stale'"
                + " && " + tile(hanging) + ".textContent.includes('answered before the hang')");

        source.set("second value");
        page.await("the counter keeps updating", APPEAR, tile(counter) + ".textContent.includes('second value')");
        assertFalse(page.evaluate(tile(counter) + ".hasAttribute('data-state')").asBoolean());
        JsonNode hangingStatus = widget(hanging);
        assertEquals("stale", hangingStatus.path("state").asText());
        assertFalse(hangingStatus.path("runningSince").isNull(), "the console shows the hung refresh: " + hangingStatus);
        assertTrue(console().mirrorState().path("busyThreads").asInt() >= 1, "the hung refresh holds its thread");
    }

    @Test
    @Order(3)
    void htmlAndScriptInAViewModelShowAsText() throws Exception {
        page.await("html tile rendered", APPEAR, tile(html) + ".textContent.includes('onerror')");
        String text = page.text(selector(html));
        assertTrue(text.contains("<img src=x onerror=\"window.__xss='img'\">"), text);
        assertTrue(text.contains("<script>window.__xss='script'</script>"), text);
        assertTrue(text.contains("<b>not bold</b>"), text);
        assertEquals(0, page.evaluate(tile(html) + ".querySelectorAll('img, script, b, i').length").asInt());
        assertTrue(page.evaluate("window.__xss === undefined").asBoolean(), "no script of the data ran");
        assertEquals("<i>Title</i> with HTML", page.text(selector(html) + " .tile-title"));
    }

    @Test
    @Order(4)
    void aKindWithoutRendererGetsTheDefaultRenderingAndAThrowingRendererBreaksOnlyItsTile() throws Exception {
        assertTrue(page.evaluate(tile(html) + ".querySelector('.tile-body.default-renderer') !== null").asBoolean());
        page.await("bad renderer's tile in error", APPEAR, tile(badRenderer) + ".dataset.state === 'error'");
        assertTrue(page.text(selector(badRenderer)).contains("fixture renderer fails on purpose"));
        source.set("third value");
        page.await("the others still update", APPEAR, tile(counter) + ".textContent.includes('third value')");
    }

    @Test
    @Order(5)
    void wrongTypeAndMissingValueShowAsErrorsOnTheTileAndInTheConsoleWithoutStackTrace() throws Exception {
        page.await("wrong type tile in error", APPEAR, tile(wrongType) + ".dataset.state === 'error'");
        page.await("missing value tile in error", APPEAR, tile(missingValue) + ".dataset.state === 'error'");
        String wrong = page.text(selector(wrongType));
        String missing = page.text(selector(missingValue));
        assertTrue(wrong.contains("many"), "names the bad value: " + wrong);
        assertTrue(missing.contains("label is missing"), missing);
        for (String text : new String[] {wrong, missing, page.evaluate("document.body.innerText").asText()}) {
            assertFalse(text.matches("(?s).*\\bat [a-z]+\\.[a-z].*\\(.*\\.java:\\d+\\).*"), "no stack trace: " + text);
            assertFalse(text.contains("Caused by"), text);
        }
        JsonNode failed = widget(wrongType);
        assertFalse(failed.path("activated").asBoolean());
        assertTrue(failed.path("error").asText().contains("many"), failed.toString());
        assertTrue(widget(missingValue).path("error").asText().contains("label is missing"));
        String console = console().get("/system/console/mirror").body();
        assertTrue(console.contains("mirror-plugin"), "the plugin page renders");
    }

    @Test
    @Order(6)
    void exampleWidgetUploadedThroughTheConsoleAppearsWithoutReloadAndGoesOnUninstall() throws Exception {
        page.evaluate("window.__sameDocument = true");
        console().createFactoryConfiguration(EXAM_PID, Map.of("exam", "Analysis I", "startsAt", "2030-02-15T09:00",
                "location", "Audimax", "widget.title", "Next exam"));
        long uploaded = System.nanoTime();
        assertEquals(302, console().installBundle(TestBundles.sampleWidget()).statusCode());
        page.await("exam tile rendered by its own renderer", HOT_INSTALL, examTile()
                + " && " + examTile() + ".querySelector('.exam-countdown') && " + examTile()
                + ".querySelector('.exam-name').textContent === 'Analysis I'");
        System.out.printf("example widget on the page %d ms after the upload%n",
                (System.nanoTime() - uploaded) / 1_000_000);
        assertTrue(page.evaluate("window.__sameDocument === true").asBoolean(), "no reload");
        assertEquals("top_right", page.evaluate(examTile() + ".closest('[data-region]').dataset.region").asText());

        long id = console().bundle(TestBundles.SAMPLE_BSN).orElseThrow().path("id").asLong();
        console().uninstallBundle(id);
        page.await("exam tile gone", HOT_INSTALL, "!" + examTile());
        assertTrue(page.evaluate("window.__sameDocument === true").asBoolean(), "no reload");
    }

    @Test
    @Order(7)
    void exampleWidgetDroppedIntoDeployAppearsAndGoesWhenRemoved() throws Exception {
        Path staged = home.resolveSibling("sample.widget.jar");
        Files.copy(TestBundles.sampleWidget(), staged);
        Path deployed = home.resolve("deploy").resolve("sample.widget.jar");
        Files.move(staged, deployed);
        page.await("exam tile back through deploy/", HOT_INSTALL, examTile() + " && " + examTile()
                + ".querySelector('.exam-name') && " + examTile() + ".querySelector('.exam-name').textContent === 'Analysis I'");
        Files.delete(deployed);
        page.await("exam tile gone with the file", HOT_INSTALL, "!" + examTile());
        assertTrue(page.evaluate("window.__sameDocument === true").asBoolean(), "no reload");
    }

    @Test
    @Order(8)
    void aVirtualButtonChangesThePageOnTwoDisplays() throws Exception {
        // Two pages, in one field as an admin may type them.
        console().saveConfiguration("org.campusmirror.mirror.layout", Map.of("pages", "main=0, second=0",
                "rotate", "false"));
        page.await("two pages", APPEAR, "document.querySelectorAll('#pages .page-dot').length === 2");
        try (BrowserPage second = browser.open(displayUrl(), 800, 600)) {
            second.await("second display on page main", APPEAR, "document.documentElement.dataset.page === 'main'");
            page.await("first display on page main", APPEAR, "document.documentElement.dataset.page === 'main'");
            assertTrue(page.evaluate(tile(alerting) + ".hidden").asBoolean(), "a tile of page second is hidden");

            assertEquals(303, console().mirrorAction("next", Map.of()).statusCode());
            second.await("second display on page second", APPEAR, "document.documentElement.dataset.page === 'second'");
            page.await("first display on page second", APPEAR, "document.documentElement.dataset.page === 'second'");
            assertFalse(page.evaluate(tile(alerting) + ".hidden").asBoolean(), "its tile shows now");
            assertFalse(page.evaluate(tile(counter) + ".hidden").asBoolean(), "a tile on every page still shows");
            assertEquals(2, console().mirrorState().path("displays").size());
        }
    }

    @Test
    @Order(9)
    void anEventAdminAlertShowsAndClears() throws Exception {
        console().mirrorAction("action", Map.of("name", "fixture-alert-raise"));
        page.await("alert overlay", APPEAR, "!document.getElementById('alerts').hidden");
        String alert = page.text("#alerts [data-alert-id='fixture-alert']");
        assertEquals("Feueralarmübung <b>um 11:00</b>", alert, "German text of the display's locale, as text");
        assertEquals("urgent", page.evaluate("document.querySelector('#alerts .alert').dataset.level").asText());
        console().mirrorAction("action", Map.of("name", "fixture-alert-clear"));
        page.await("alert cleared", APPEAR, "document.getElementById('alerts').hidden");
    }

    @Test
    @Order(10)
    void anAlertFromTheConsoleShowsAndClears() throws Exception {
        assertEquals(303, console().mirrorAction("raise-alert", Map.of("id", "console-test",
                "text", "Mensa heute geschlossen", "level", "warning", "minutes", "5")).statusCode());
        page.await("console alert shows", APPEAR, "document.querySelector(\"#alerts [data-alert-id='console-test']\")");
        assertEquals("Mensa heute geschlossen", page.text("#alerts [data-alert-id='console-test']"));
        assertEquals(303, console().mirrorAction("clear-alert", Map.of("id", "console-test")).statusCode());
        page.await("console alert cleared", APPEAR, "document.getElementById('alerts').hidden");
    }

    @Test
    @Order(11)
    void consoleActionsNeedTheTokenAndTheConsolesOrigin() throws Exception {
        var noToken = console().postForm("/system/console/mirror/action", Map.of("do", "next"));
        assertEquals(403, noToken.statusCode());
        String token = console().mirrorToken();
        var foreign = console().postFormWithHeaders("/system/console/mirror/action",
                Map.of("do", "next", "token", token), Map.of("Origin", "http://evil.example"));
        assertEquals(403, foreign.statusCode());
        assertEquals("second", console().mirrorState().path("page").asText(), "nothing happened");
        assertEquals(401, ConsoleClient.anonymous(mirror.options().httpPort())
                .postForm("/system/console/mirror/action", Map.of("do", "next", "token", token)).statusCode());
    }

    @Test
    @Order(12)
    void sleepBlanksEveryDisplayAndWakeBringsItBack() throws Exception {
        console().mirrorAction("sleep", Map.of());
        page.await("asleep", APPEAR, "document.body.classList.contains('asleep')");
        assertEquals("hidden", page.evaluate("getComputedStyle(document.getElementById('mirror')).visibility").asText());
        console().mirrorAction("wake", Map.of());
        page.await("awake", APPEAR, "!document.body.classList.contains('asleep')");
    }

    @Test
    @Order(13)
    void theConsolePluginInChromiumShowsWidgetsDisplaysAndPreviewAndItsButtonsAct() throws Exception {
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String plugin = "http://127.0.0.1:" + mirror.options().httpPort() + "/system/console/mirror";
        try (BrowserPage admin = browser.openWithHeaders(plugin, 1400, 1100, Map.of("Authorization", auth))) {
            String row = "document.querySelector('#mp-widgets tr[data-widget-id=\"" + throwing + "\"]')";
            admin.await("the throwing widget listed in error with its error", APPEAR, row + " && " + row
                    + ".querySelector('.mp-state-error') && " + row + ".textContent.includes("
                    + BrowserPage.quote(widget(throwing).path("lastError").asText()) + ")");
            String counterRow = "document.querySelector('#mp-widgets tr[data-widget-id=\"" + counter + "\"]')";
            admin.await("the counter with its last refresh and data age", APPEAR, counterRow + " && [4, 5].every("
                    + "(i) => " + counterRow + ".cells[i].textContent.trim() !== '')");
            String current = console().mirrorState().path("page").asText();
            admin.await("the current page", APPEAR, "document.getElementById('mp-page').textContent === "
                    + BrowserPage.quote(current));
            admin.await("the display and the preview listed", APPEAR,
                    "Number(document.getElementById('mp-displays-count').textContent) >= 2"
                    + " && document.querySelector('#mp-displays tbody').textContent.includes('(this preview)')");
            admin.await("the live preview shows the tiles", APPEAR, "(() => { const d = document.querySelector("
                    + "'.mp-preview iframe').contentDocument; return d && d.querySelector("
                    + BrowserPage.quote(selector(counter)) + ") !== null; })()");

            // A virtual button pressed in the browser (form, token, the console's origin) turns every display.
            String other = current.equals("main") ? "second" : "main";
            admin.evaluate("document.querySelector('button[name=do][value=previous]').click()");
            page.await("the display follows the console's button", APPEAR,
                    "document.documentElement.dataset.page === " + BrowserPage.quote(other));
            admin.await("the console shows the new page", APPEAR, "document.getElementById('mp-page') && "
                    + "document.getElementById('mp-page').textContent === " + BrowserPage.quote(other));
        }
    }

    @Test
    @Order(14)
    void aBundleStoppedMidRefreshLeavesNothingBehind() throws Exception {
        assertFalse(widget(hanging).path("runningSince").isNull(), "the hanging widget is inside a refresh");
        Path cache = home.resolve("cache");
        Map<Path, FileTime> cached = new LinkedHashMap<>();
        try (var files = Files.list(cache)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("org.campusmirror.fixture")).toList()) {
                cached.put(file, Files.getLastModifiedTime(file));
            }
        }
        assertFalse(cached.isEmpty(), "fixture widgets have cached data");
        long id = console().bundle(FixtureWidgets.BSN).orElseThrow().path("id").asLong();
        assertEquals(200, console().postForm("/system/console/bundles/" + id, Map.of("action", "stop")).statusCode());

        page.await("every fixture tile gone", APPEAR, "!document.querySelector('[data-widget-kind^=\"fixture-\"]')");
        Eventually.await("no refresh thread busy", () -> console().mirrorState().path("busyThreads").asInt() == 0);
        for (JsonNode widget : console().mirrorState().path("widgets")) {
            assertFalse(widget.path("id").asText().startsWith("org.campusmirror.fixture"), "still listed: " + widget);
        }
        Thread.sleep(3000); // longer than the fastest fixture's interval: a leftover refresh would write by now
        for (Map.Entry<Path, FileTime> file : cached.entrySet()) {
            assertEquals(file.getValue(), Files.getLastModifiedTime(file.getKey()), "no cache write after removal: "
                    + file.getKey());
        }
    }

    private String displayUrl() {
        return "http://127.0.0.1:" + mirror.options().httpPort() + "/";
    }

    private ConsoleClient console() {
        return new ConsoleClient(mirror.options().httpPort(), "admin", PASSWORD);
    }

    private JsonNode widget(String id) throws Exception {
        for (JsonNode widget : console().mirrorState().path("widgets")) {
            if (id.equals(widget.path("id").asText())) {
                return widget;
            }
        }
        throw new AssertionError("no widget " + id + " in the console's state");
    }

    private static String selector(String id) {
        return "[data-widget-id=\"" + id + "\"]";
    }

    private static String tile(String id) {
        return "document.querySelector('" + selector(id) + "')";
    }

    private static String examTile() {
        return "document.querySelector('[data-widget-kind=\"exam-countdown\"]')";
    }
}
