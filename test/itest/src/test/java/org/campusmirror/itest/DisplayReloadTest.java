package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An open display page while the runtime bundle is updated under it (a rebuilt mirror.runtime with a higher
 * version, uploaded through the console): the page loses its socket, reconnects, sees another runtime version in
 * the snapshot, reloads itself once, and comes back with its tiles and live data.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DisplayReloadTest {
    private static final String PASSWORD = "display-reload-test-password";
    private static final String RUNTIME_BSN = "org.campusmirror.mirror.runtime";
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void pageReloadsItselfWhenTheRuntimeIsUpdatedAndComesBackWithItsTiles() throws Exception {
        Path work = MirrorProcess.workFolder("display-reload");
        Path home = work.resolve("home");
        FixtureWidgets.deploy(home.resolve("deploy"));
        MirrorProcess.Options options = MirrorProcess.Options.in(home).withProperty("mirror.admin.password", PASSWORD);
        try (MirrorProcess mirror = MirrorProcess.start(options).awaitReady();
                ValueSource source = new ValueSource(); Browser browser = Browser.launch()) {
            ConsoleClient console = new ConsoleClient(options.httpPort(), "admin", PASSWORD);
            source.set("Mensa: Linsen mit Spätzle");
            String id = console.createFactoryConfiguration(FixtureWidgets.SOURCE, Map.of("widget.region", "top_left",
                    "widget.title", "Mensa", "url", source.url()));
            String tile = "document.querySelector('[data-widget-id=\"" + id + "\"]')";
            BrowserPage page = browser.open("http://127.0.0.1:" + options.httpPort() + "/", 1080, 1920);
            page.await("live data", WAIT, tile + " && " + tile + ".textContent.includes('Linsen mit Spätzle')");
            String oldVersion = page.evaluate("document.documentElement.dataset.version").asText();
            page.evaluate("window.__beforeUpdate = true");

            String newVersion = higherVersion(console.bundle(RUNTIME_BSN).orElseThrow().path("version").asText());
            Path rebuilt = withVersion(runtimeBundle(), work.resolve("mirror.runtime-" + newVersion + ".jar"),
                    newVersion);
            HttpResponse<String> upload = console.installBundle(rebuilt);
            assertTrue(upload.statusCode() < 400, "upload of the rebuilt runtime: HTTP " + upload.statusCode()
                    + " " + upload.body());

            page.await("reloaded itself", WAIT, "window.__beforeUpdate === undefined");
            page.await("the page of the new runtime", WAIT,
                    "(document.documentElement.dataset.version || '').startsWith('" + newVersion + "-')");
            assertNotEquals(oldVersion, page.evaluate("document.documentElement.dataset.version").asText());
            page.await("connected again", WAIT, "document.documentElement.dataset.connection === 'open'");
            page.await("its tile back", WAIT, tile + " && " + tile + ".textContent.includes('Linsen mit Spätzle')");
            assertEquals(newVersion, console.bundle(RUNTIME_BSN).orElseThrow().path("version").asText(),
                    "the console updated the runtime bundle in place");

            // Once: the new page is the new runtime's and stays; live changes still arrive without another reload.
            page.evaluate("window.__afterUpdate = true");
            source.set("Mensa: Kürbissuppe");
            page.await("live data after the update", WAIT, tile + " && " + tile
                    + ".textContent.includes('Kürbissuppe')");
            assertTrue(page.evaluate("window.__afterUpdate === true").asBoolean(), "reloaded only once");
        }
    }

    private static Path runtimeBundle() {
        Path jar = Path.of(System.getProperty("runtime.bundle", "../../mirror.runtime/target/mirror.runtime.jar"))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no mirror.runtime bundle at " + jar + ": build mirror.runtime first");
        }
        return jar;
    }

    /** {@code 0.1.0.x} becomes {@code 0.1.1}: a release above the running one. */
    private static String higherVersion(String version) {
        String[] parts = (version + ".0.0").split("\\.");
        return parts[0] + "." + parts[1] + "." + (Integer.parseInt(parts[2]) + 1);
    }

    /** A copy of {@code jar} whose manifest says {@code Bundle-Version: version}; everything else is unchanged. */
    private static Path withVersion(Path jar, Path copy, String version) throws IOException {
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (OutputStream file = Files.newOutputStream(copy); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements();) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME) || entry.getName().equals("META-INF/")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return copy;
    }
}
