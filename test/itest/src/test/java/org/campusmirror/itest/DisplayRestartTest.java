package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An open display page across a restart of the mirror: it notices the dropped socket, reconnects by itself with no
 * reload, and when the widget's data source is gone by then, shows the data of the offline cache, marked stale
 * with its age.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DisplayRestartTest {
    private static final String PASSWORD = "display-restart-test-password";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void pageReconnectsByItselfAndShowsCachedDataWithItsAgeWhenTheSourceIsGone() throws Exception {
        Path home = MirrorProcess.workFolder("display-restart").resolve("home");
        FixtureWidgets.deploy(home.resolve("deploy"));
        MirrorProcess.Options options = MirrorProcess.Options.in(home).withProperty("mirror.admin.password", PASSWORD);
        MirrorProcess mirror = MirrorProcess.start(options).awaitReady();
        try (ValueSource source = new ValueSource(); Browser browser = Browser.launch()) {
            source.set("Mensa: Linsen mit Spätzle");
            String id = new ConsoleClient(options.httpPort(), "admin", PASSWORD).createFactoryConfiguration(
                    FixtureWidgets.SOURCE, Map.of("widget.region", "top_left", "widget.title", "Mensa",
                            "url", source.url()));
            String tile = "document.querySelector('[data-widget-id=\"" + id + "\"]')";
            BrowserPage page = browser.open("http://127.0.0.1:" + options.httpPort() + "/", 1080, 1920);
            page.await("live data", WAIT, tile + " && " + tile + ".textContent.includes('Linsen mit Spätzle')");
            page.evaluate("window.__sameDocument = true");
            Path cached = home.resolve("cache").resolve(id + ".json");
            Eventually.await("data in the offline cache", () -> Files.isRegularFile(cached));

            int exit = mirror.stop();
            assertTrue(exit == 0 || exit == 143, "orderly stop, exit code " + exit);
            page.await("the page noticed", WAIT, "document.documentElement.dataset.connection !== 'open'");
            source.close();
            mirror = MirrorProcess.start(options).awaitReady();
            assertTrue(mirror.output().contains("Widgets ready: 1 on the display, 1 refreshed\n"),
                    "readiness counted the configured widget, whose configuration reaches it after the framework started:\n"
                    + mirror.output());

            page.await("reconnected by itself", WAIT, "document.documentElement.dataset.connection === 'open'");
            page.await("cached data, stale", WAIT, tile + " && " + tile + ".dataset.state === 'stale'");
            assertTrue(page.text("[data-widget-id=\"" + id + "\"] .tile-body").contains("Linsen mit Spätzle"));
            String note = page.text("[data-widget-id=\"" + id + "\"] .tile-note");
            assertTrue(note.matches("Stand vor \\d+ (Sekunden|Minuten?)|Stand jetzt"), "the age of the data: " + note);
            assertTrue(page.evaluate("window.__sameDocument === true").asBoolean(), "reconnected without a reload");
        } finally {
            mirror.close();
        }
    }
}
