package org.campusmirror.installer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kiosk script of the release against a local HTTP server in the mirror's place, with a stand-in Chromium that
 * records how it was started (test/installer/standins/chromium).
 */
class KioskScriptTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String CRASHED_PROFILE = "{\"profile\":{\"exit_type\":\"Crashed\",\"exited_cleanly\":false}}";

    private HttpServer mirror;
    private final AtomicBoolean mirrorReady = new AtomicBoolean();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Process> started = new ArrayList<>();
    private Path work;
    private Path log;
    private Release release;

    @BeforeEach
    void startMirrorStandIn() throws Exception {
        mirror = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        mirror.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] page = "<!doctype html><title>mirror</title>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(mirrorReady.get() ? 200 : 503, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        mirror.start();
        work = Release.workFolder("kiosk");
        log = work.resolve("standins.log");
        Files.writeString(work.resolve("campus-mirror.conf"), "MIRROR_HTTP_PORT=" + mirror.getAddress().getPort() + "\n");
        Files.createDirectories(work.resolve("config/campus-mirror-kiosk/Default"));
        Files.writeString(work.resolve("config/campus-mirror-kiosk/Default/Preferences"), CRASHED_PROFILE);
        release = Release.extract();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process process : started) {
            Shell.kill(process);
        }
        mirror.stop(0);
    }

    @Test
    void waitsForTheMirrorThenOpensThePageFullScreenWithACleanProfile() throws Exception {
        startKiosk(Map.of("STANDIN_BROWSER_SECONDS", "300"));
        await(() -> requests.get() >= 2, "the kiosk asks the mirror");
        assertEquals(List.of(), browserStarts(), "opened while the mirror answered 503");

        mirrorReady.set(true);
        await(() -> !browserStarts().isEmpty(), "the browser opens once the mirror answers 200");

        String start = browserStarts().get(0);
        String preferences = Files.readString(work.resolve("config/campus-mirror-kiosk/Default/Preferences"));
        assertAll(
                () -> assertTrue(start.startsWith("chromium --kiosk --user-data-dir=" + work.resolve("config")
                        + "/campus-mirror-kiosk "), start),
                () -> assertTrue(start.endsWith(" http://127.0.0.1:" + mirror.getAddress().getPort() + "/"), start),
                () -> assertTrue(start.contains(" --noerrdialogs "), start),
                () -> assertTrue(start.contains(" --disable-session-crashed-bubble "), start),
                () -> assertTrue(start.contains(" --hide-crash-restore-bubble "), start),
                () -> assertEquals("{\"profile\":{\"exit_type\":\"Normal\",\"exited_cleanly\":true}}", preferences));
    }

    @Test
    void opensTheBrowserAgainWhenItEnds() throws Exception {
        mirrorReady.set(true);
        startKiosk(Map.of("STANDIN_BROWSER_SECONDS", "0"));
        await(() -> browserStarts().size() >= 2, "a browser that ended is opened again");
    }

    @Test
    void onlyOneCopyRunsInASession() throws Exception {
        mirrorReady.set(true);
        startKiosk(Map.of("STANDIN_BROWSER_SECONDS", "300"));
        await(() -> browserStarts().size() == 1, "the first copy opens the browser");
        Process second = startKiosk(Map.of("STANDIN_BROWSER_SECONDS", "300"));
        assertTrue(second.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS), "the second copy ends by itself");
        assertEquals(0, second.exitValue());
        assertEquals(1, browserStarts().size());
    }

    @Test
    void turnsScreenBlankingOffOnX11() throws Exception {
        mirrorReady.set(true);
        startKiosk(Map.of("STANDIN_BROWSER_SECONDS", "300", "DISPLAY", ":0"));
        await(() -> !browserStarts().isEmpty(), "the browser opens");
        assertEquals(List.of("xset s off", "xset s noblank", "xset -dpms"), calls("xset "));
    }

    @Test
    void leavesWaylandIdlingToTheSession() throws Exception {
        mirrorReady.set(true);
        startKiosk(Map.of("STANDIN_BROWSER_SECONDS", "300", "DISPLAY", ":0", "WAYLAND_DISPLAY", "wayland-0"));
        await(() -> !browserStarts().isEmpty(), "the browser opens");
        assertEquals(List.of(), calls("xset "));
    }

    private Process startKiosk(Map<String, String> extra) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", release.file("campus-mirror-kiosk").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("kiosk-" + started.size() + ".out").toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("DISPLAY");
        environment.remove("WAYLAND_DISPLAY");
        environment.put("PATH", Release.repositoryRoot().resolve("test/installer/standins") + ":/usr/bin:/bin");
        environment.put("HOME", work.toString());
        environment.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        environment.put("XDG_RUNTIME_DIR", work.toString());
        environment.put("CAMPUS_MIRROR_CONFIG", work.resolve("campus-mirror.conf").toString());
        environment.put("STANDIN_LOG", log.toString());
        environment.putAll(extra);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private List<String> browserStarts() {
        return calls("chromium ");
    }

    private List<String> calls(String prefix) {
        try {
            return Files.exists(log) ? Files.readAllLines(log).stream().filter(line -> line.startsWith(prefix)).toList()
                    : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(BOUND);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("not within " + BOUND + ": " + what);
            }
            Thread.sleep(100);
        }
    }
}
