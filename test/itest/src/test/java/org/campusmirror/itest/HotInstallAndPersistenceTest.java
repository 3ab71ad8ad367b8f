package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * One mirror home through its life: first start (generated password), console authentication, hot install of
 * the example widget and its configuration through the console, a configuration change through the console, SIGKILL and restart,
 * SIGTERM and restart, a bundle dropped into deploy/, and a new release of the jar on the same home. The steps
 * build on each other, so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HotInstallAndPersistenceTest {
    private static final String SAMPLE_BSN = TestBundles.SAMPLE_BSN;
    private static final String SAMPLE_COMPONENT = "org.campusmirror.sample.widget.ExamCountdownWidget";
    private static final String EXAM_FACTORY_PID = "org.campusmirror.sample.widget.ExamCountdown";
    private static final String FIRST_TITLE = "Next exam";
    private static final String NEW_TITLE = "Nächste Prüfung";
    private static final Pattern GENERATED = Pattern.compile(
            "generated the Web Console password for user admin: (\\S+)");

    private Path home;
    private MirrorProcess mirror;
    private String password;
    private long sampleBundleId;
    private String examPid;

    @BeforeAll
    void firstStart() throws Exception {
        home = MirrorProcess.workFolder("lifecycle").resolve("home");
        mirror = MirrorProcess.start(MirrorProcess.Options.in(home)).awaitReady();
    }

    @AfterAll
    void killMirror() throws InterruptedException {
        if (mirror != null) {
            mirror.close();
        }
    }

    @Test
    @Order(1)
    void firstStartGeneratesPasswordStoresItWithMode600AndLogsItOnce() throws Exception {
        Matcher generated = GENERATED.matcher(mirror.output());
        assertTrue(generated.find(), "the generated password is announced:\n" + mirror.output());
        password = generated.group(1);
        assertFalse(generated.find(), "announced once only");

        Path file = home.resolve("admin.password");
        assertEquals(password, Files.readString(file, StandardCharsets.UTF_8).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(password.length() >= 16, "a strong password: " + password);
    }

    @Test
    @Order(2)
    void consoleRefusesMissingAndDefaultCredentialsAndAcceptsThePassword() throws Exception {
        int port = mirror.options().httpPort();
        assertEquals(401, ConsoleClient.anonymous(port).get("/system/console/bundles").statusCode());
        assertEquals(401, new ConsoleClient(port, "admin", "admin").get("/system/console/bundles").statusCode());
        assertEquals(401, new ConsoleClient(port, "admin", password + "x").get("/system/console/bundles").statusCode());
        assertEquals(200, console().get("/system/console/bundles").statusCode());
    }

    @Test
    @Order(3)
    void displayPageIsServedWithoutPassword() throws Exception {
        var page = ConsoleClient.anonymous(mirror.options().httpPort()).get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Campus Mirror"), page.body());
        assertEquals(404, ConsoleClient.anonymous(mirror.options().httpPort()).get("/no-such-page").statusCode());
    }

    @Test
    @Order(4)
    void exampleWidgetUploadedThroughTheConsoleAndConfiguredThereBecomesActive() throws Exception {
        assertTrue(console().bundle(SAMPLE_BSN).isEmpty(), "not installed before the upload");
        var response = console().installBundle(TestBundles.sampleWidget());
        assertEquals(302, response.statusCode(), response.body());
        // The console installs, then starts the upload on a thread of its own: the answer may come first.
        Eventually.await("example widget bundle active", () -> console().bundle(SAMPLE_BSN)
                .filter(bundle -> "Active".equals(bundle.path("state").asText())).isPresent());
        JsonNode bundle = console().bundle(SAMPLE_BSN).orElseThrow();
        sampleBundleId = bundle.path("id").asLong();

        examPid = console().createFactoryConfiguration(EXAM_FACTORY_PID, exam(FIRST_TITLE));
        Eventually.await("example widget active",
                () -> console().componentState(SAMPLE_COMPONENT).filter("active"::equals).isPresent());
        Eventually.await("example widget on the display with its title", () -> FIRST_TITLE.equals(examTitle()));
    }

    @Test
    @Order(5)
    void configurationSavedInTheConsoleIsPickedUpByTheComponent() throws Exception {
        console().saveConfiguration(examPid, exam(NEW_TITLE));
        Eventually.await("widget re-activated with the new title", () -> NEW_TITLE.equals(examTitle()));
    }

    @Test
    @Order(6)
    void bundleAndConfigurationSurviveSigkill() throws Exception {
        mirror.kill();
        restart();
        assertSampleWidgetStillConfigured();
    }

    @Test
    @Order(7)
    void passwordFileIsReusedSilentlyAfterRestart() throws Exception {
        assertFalse(GENERATED.matcher(mirror.output()).find(), "no new password on a later start");
        assertEquals(password, Files.readString(home.resolve("admin.password"), StandardCharsets.UTF_8).strip());
        assertEquals(200, console().get("/system/console/bundles").statusCode());
    }

    @Test
    @Order(8)
    void bundleAndConfigurationSurviveOrderlyStop() throws Exception {
        int exit = mirror.stop();
        assertTrue(exit == 0 || exit == 143, "orderly stop, exit code " + exit + ":\n" + mirror.output());
        restart();
        assertSampleWidgetStillConfigured();
    }

    @Test
    @Order(9)
    void bundleDroppedIntoDeployFolderIsInstalledAndStarted() throws Exception {
        String bsn = "org.campusmirror.itest.deployed";
        Path staged = TestBundles.bundle(home.resolveSibling("staging").resolve("deployed.jar"), bsn, Map.of());
        // Move in one step, so File Install never sees a half-written jar.
        Files.move(staged, home.resolve("deploy").resolve("deployed.jar"));
        Eventually.await("bundle from deploy/ active",
                () -> console().bundle(bsn).map(b -> "Active".equals(b.path("state").asText())).orElse(false));
    }

    @Test
    @Order(10)
    void newReleaseUpdatesItsOwnBundlesAndKeepsInstalledOnes() throws Exception {
        String widgets = "org.campusmirror.mirror.widgets";
        long widgetsId = console().bundle(widgets).orElseThrow().path("id").asLong();
        Path release = ReleasedJar.withNewDigest(MirrorProcess.mirrorJar(),
                home.resolveSibling("mirror-next.jar"), "jar/" + widgets, "itest-next-release");
        mirror.stop();
        mirror = MirrorProcess.start(mirror.options().withJar(release)).awaitReady();

        // The launcher stored the new digest: it ran its update path for that bundle, in place.
        Path storedDigest = home.resolve("framework/bundle0/.bnd.launcher/" + widgetsId);
        assertEquals("itest-next-release", Files.readString(storedDigest, StandardCharsets.UTF_8).strip());
        assertEquals(widgetsId, console().bundle(widgets).orElseThrow().path("id").asLong());
        assertSampleWidgetStillConfigured();
        assertEquals("Active", console().bundle("org.campusmirror.itest.deployed").orElseThrow()
                .path("state").asText());
    }

    private void restart() throws Exception {
        mirror = MirrorProcess.start(mirror.options()).awaitReady();
    }

    private void assertSampleWidgetStillConfigured() throws Exception {
        JsonNode bundle = console().bundle(SAMPLE_BSN).orElseThrow();
        // The same bundle id: kept in the framework storage, not installed anew.
        assertEquals(sampleBundleId, bundle.path("id").asLong());
        Eventually.await("example widget on the display again with its saved title",
                () -> NEW_TITLE.equals(examTitle()));
    }

    private static Map<String, String> exam(String title) {
        return Map.of("exam", "Analysis I", "startsAt", "2030-02-15T09:00", "durationMinutes", "90",
                "location", "Audimax", "widget.title", title, "widget.region", "top_right");
    }

    /** The title of the example widget's tile, as the Mirror console plugin reports it, or null. */
    private String examTitle() throws Exception {
        for (JsonNode widget : console().mirrorState().path("widgets")) {
            if (widget.path("id").asText().equals(examPid)) {
                return widget.path("title").asText();
            }
        }
        return null;
    }

    private ConsoleClient console() {
        return new ConsoleClient(mirror.options().httpPort(), "admin", password);
    }
}
