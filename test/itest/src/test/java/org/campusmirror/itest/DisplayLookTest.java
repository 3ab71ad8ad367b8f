package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
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

/**
 * What a passer-by and an admin see, in a real headless Chromium: the display with example widgets on a portrait
 * panel (black, type readable from two metres), and the Mirror plugin in the console over HTTPS, whose live preview
 * follows the display although the page is served over HTTPS and the display socket is plain {@code ws://}. Both are
 * saved as screenshots under {@code target/screenshots/} ({@code display-exams.png}, {@code console.png});
 * {@code docs/console.png} in the repository is a copy of a run. {@code docs/display.png} shows the demo profile and
 * comes from {@link DemoDisplayTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DisplayLookTest {
    private static final String PASSWORD = "display-look-test-password";
    private static final String EXAM_PID = "org.campusmirror.sample.widget.ExamCountdown";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("itest.screenshots", "target/screenshots"));
    private static final String EXAM_NAMES = "[...document.querySelectorAll('[data-widget-kind=\"exam-countdown\"] "
            + ".exam-name')].map(e => e.textContent).sort().join('|')";
    private static final String EXAMS_SHOWN = "Analysis I|Lineare Algebra|Programmieren 1";

    private MirrorProcess mirror;
    private Browser browser;

    @BeforeAll
    void startMirrorWithExampleWidgets() throws Exception {
        Path home = MirrorProcess.workFolder("display-look").resolve("home");
        Files.createDirectories(home.resolve("deploy"));
        Files.copy(TestBundles.sampleWidget(), home.resolve("deploy").resolve("sample.widget.jar"));
        mirror = MirrorProcess.start(MirrorProcess.Options.in(home).withProperty("mirror.admin.password", PASSWORD))
                .awaitReady();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        exam("Analysis I", today.plusDays(3), "Audimax", "top_left", "Nächste Prüfung");
        exam("Programmieren 1", today.plusDays(11), "Hörsaal B 104", "top_right", "");
        exam("Lineare Algebra", today.plusDays(26), "Hörsaal A 001", "bottom_left", "");
        browser = Browser.launch("--ignore-certificate-errors");
    }

    private void exam(String name, LocalDate day, String room, String region, String title) throws Exception {
        console().createFactoryConfiguration(EXAM_PID, Map.of("exam", name, "startsAt", day + "T09:00",
                "location", room, "widget.region", region, "widget.title", title));
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (mirror != null) {
            mirror.close();
        }
    }

    @Test
    @Order(1)
    void theDisplayIsBlackWithTypeReadableFromTwoMetres() throws Exception {
        try (BrowserPage page = browser.open("http://127.0.0.1:" + mirror.options().httpPort() + "/", 1080, 1920)) {
            page.await("three exam tiles", WAIT, EXAM_NAMES + " === '" + EXAMS_SHOWN + "'");
            page.await("countdowns in German", WAIT, "[...document.querySelectorAll('.exam-countdown')]"
                    + ".every(e => /^in \\d+ (Tagen|Wochen)|^übermorgen/.test(e.textContent))");
            assertEquals("rgb(0, 0, 0)", page.evaluate("getComputedStyle(document.body).backgroundColor").asText());
            // A 1080 x 1920 panel of about 27 inch: 28 px body text is about 9 mm high, readable from two metres.
            double bodyPixels = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.tile-body'))"
                    + ".fontSize)").asDouble();
            assertTrue(bodyPixels >= 26, "body text " + bodyPixels + " px");
            assertEquals("top_left", page.evaluate("document.querySelector('[data-widget-kind=\"exam-countdown\"]"
                    + " .tile-title').closest('[data-region]').dataset.region").asText(), "the titled tile");
            page.screenshot(SCREENSHOTS.resolve("display-exams.png"));
        }
    }

    @Test
    @Order(2)
    void theConsolePluginOverHttpsShowsTheWidgetsAndALivePreview() throws Exception {
        String console = "https://127.0.0.1:" + mirror.options().httpsPort() + "/system/console/mirror";
        try (BrowserPage page = browser.openWithHeaders(console, 1400, 1100, Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8))))) {
            page.await("three widgets listed, all ok", WAIT, "document.querySelectorAll('#mp-widgets tbody tr').length"
                    + " === 3 && [...document.querySelectorAll('#mp-widgets .mp-state')].every(c => c.textContent"
                    + " === 'ok')");
            String preview = "document.querySelector('#mirror-plugin iframe').contentDocument";
            page.await("the preview shows the display", WAIT, "((document) => " + EXAM_NAMES + " === '" + EXAMS_SHOWN
                    + "')(" + preview + ")");
            assertEquals("https:", page.evaluate(preview + ".location.protocol").asText());
            page.screenshot(SCREENSHOTS.resolve("console.png"));

            // Live: an alert raised now shows in the preview without a reload.
            page.evaluate(preview + ".defaultView.__sameDocument = true");
            assertEquals(303, console().mirrorAction("raise-alert", Map.of("id", "preview", "text",
                    "Bibliothek schließt heute um 18 Uhr", "level", "info")).statusCode());
            page.await("the alert in the preview", WAIT, preview + ".querySelector('#alerts [data-alert-id=\"preview\"]')"
                    + "?.textContent === 'Bibliothek schließt heute um 18 Uhr'");
            assertTrue(page.evaluate(preview + ".defaultView.__sameDocument === true").asBoolean(), "no reload");
        }
    }

    @Test
    @Order(3)
    void theSnapshotAPreviewPollsIsTheOneADisplayGets() throws Exception {
        var snapshot = ConsoleClient.json(ConsoleClient.anonymous(mirror.options().httpPort())
                .get("/display/snapshot.json"));
        assertEquals("snapshot", snapshot.path("type").asText());
        assertEquals(1, snapshot.path("v").asInt());
        List<String> kinds = snapshot.path("tiles").findValuesAsText("kind");
        assertEquals(List.of("exam-countdown", "exam-countdown", "exam-countdown"), kinds);
    }

    private ConsoleClient console() {
        return new ConsoleClient(mirror.options().httpPort(), "admin", PASSWORD);
    }
}
