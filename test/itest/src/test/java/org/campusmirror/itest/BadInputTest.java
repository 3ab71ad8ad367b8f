package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/** Bundles that cannot resolve or start, and a corrupt upload: reported, refused, and the mirror goes on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BadInputTest {
    private static final String PASSWORD = "bad-input-test-password";

    private Path work;
    private Path home;
    private MirrorProcess mirror;
    private ConsoleClient console;

    @BeforeAll
    void start() throws Exception {
        work = MirrorProcess.workFolder("bad-input");
        home = work.resolve("home");
        mirror = MirrorProcess.start(MirrorProcess.Options.in(home)
                .withProperty("mirror.admin.password", PASSWORD)).awaitReady();
        console = new ConsoleClient(mirror.options().httpPort(), "admin", PASSWORD);
    }

    @AfterAll
    void killMirror() throws InterruptedException {
        if (mirror != null) {
            mirror.close();
        }
    }

    @Test
    void bundleThatCannotResolveIsReportedInConsoleAndLogAndMirrorKeepsRunning() throws Exception {
        String bsn = "org.campusmirror.itest.unresolvable";
        Path jar = TestBundles.bundle(work.resolve("unresolvable.jar"), bsn,
                Map.of("Import-Package", "org.campusmirror.itest.no.such.pkg"));
        assertEquals(302, console.installBundle(jar).statusCode());

        Eventually.await("failure in the log", () -> log().contains("Unable to resolve " + bsn));
        JsonNode bundle = console.bundle(bsn).orElseThrow();
        assertEquals("Installed", bundle.path("state").asText());
        assertTrue(bundle.toString().contains("org.campusmirror.itest.no.such.pkg -- Cannot be resolved"),
                "the console names the missing package: " + bundle);
        assertMirrorStillServes();
    }

    @Test
    void bundleThatCannotStartIsReportedInConsoleAndLogAndMirrorKeepsRunning() throws Exception {
        String bsn = "org.campusmirror.itest.badactivator";
        Path jar = TestBundles.bundle(work.resolve("badactivator.jar"), bsn,
                Map.of("Bundle-Activator", "org.campusmirror.itest.NoSuchActivator"));
        assertEquals(302, console.installBundle(jar).statusCode());

        Eventually.await("failure in the log", () -> log().contains("org.campusmirror.itest.NoSuchActivator"));
        assertEquals("Resolved", console.bundle(bsn).orElseThrow().path("state").asText());
        assertMirrorStillServes();
    }

    @Test
    void corruptUploadIsRefusedWithClearMessage() throws Exception {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Path corrupt = Files.write(work.resolve("corrupt.jar"), noise);
        int bundlesBefore = console.bundleCount();

        var response = console.installBundle(corrupt);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("Bundle upload refused: 'corrupt.jar' is not an installable bundle"),
                response.body());
        assertEquals(bundlesBefore, console.bundleCount(), "nothing was installed");

        Path noBundle = TestBundles.bundle(work.resolve("plain.jar"), "x", Map.of());
        rewriteWithoutSymbolicName(noBundle);
        var plain = console.installBundle(noBundle);
        assertEquals(400, plain.statusCode(), plain.body());
        assertTrue(plain.body().contains("no Bundle-SymbolicName"), plain.body());
        assertMirrorStillServes();
    }

    @Test
    void bundleWithAMalformedHeaderIsRefusedWithTheFrameworksReason() throws Exception {
        String bsn = "org.campusmirror.itest.badrange";
        Path jar = TestBundles.bundle(work.resolve("badrange.jar"), bsn, Map.of("Import-Package", "a;version=\"[1\""));
        int bundlesBefore = console.bundleCount();

        var response = console.installBundle(jar);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("Bundle upload refused: 'badrange.jar' is not an installable bundle: the framework would refuse"
                + " its manifest: Import-Package: invalid range \"[1\": invalid format", response.body().strip());
        assertEquals(bundlesBefore, console.bundleCount(), "nothing was installed");
        assertTrue(console.bundle(bsn).isEmpty());
        assertMirrorStillServes();
    }

    private static void rewriteWithoutSymbolicName(Path jar) throws Exception {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new java.util.zip.ZipEntry("plain.txt"));
            out.write("a jar, not a bundle".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    private void assertMirrorStillServes() throws Exception {
        assertTrue(mirror.isAlive());
        assertEquals(200, ConsoleClient.anonymous(mirror.options().httpPort()).get("/").statusCode());
        assertEquals(200, console.get("/system/console/bundles.json").statusCode());
    }

    private String log() throws Exception {
        return Files.readString(home.resolve("logs").resolve("mirror.log"), StandardCharsets.UTF_8);
    }
}
