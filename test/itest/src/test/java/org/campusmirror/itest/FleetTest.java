package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A campus of three real mirrors ({@code target/mirror.jar}) in two groups on a real Mosquitto with TLS, users and
 * an ACL generated here: mirror-a and mirror-b in {@code library}, mirror-c in {@code building-a}; mirror-a holds
 * the fleet key. Each test builds on the ones before (ordered); the whole class is bounded, and every process it
 * starts is killed in {@link #stopEverything()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60)
class FleetTest {
    private static final String PREFIX = "campusmirror";
    private static final int KEEPALIVE_SECONDS = 4;
    private static final String ADMIN_USER = "fleet-admin";
    private static final String CONSOLE_PASSWORD = "fleet-console-test";
    private static final String SAMPLE_BSN = "org.campusmirror.sample.widget";
    private static final Duration ANNOUNCEMENT_DEADLINE = Duration.ofSeconds(2);
    private static final List<String> MIRRORS = List.of("mirror-a", "mirror-b", "mirror-c");
    private static final Map<String, String> GROUPS = Map.of("mirror-a", "library", "mirror-b", "library",
            "mirror-c", "building-a");

    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Map<String, MirrorProcess> mirrors = new LinkedHashMap<>();
    private Path work;
    private FleetPki pki;
    private Mosquitto broker;
    private MqttProbe admin;
    private FleetSigner fleet;
    private HttpsServer bundleServer;
    private long seq = 1000;

    @BeforeAll
    @Timeout(value = 180)
    void startCampus() throws Exception {
        work = MirrorProcess.workFolder("fleet");
        pki = FleetPki.create(work.resolve("pki"));
        fleet = new FleetSigner();
        passwords.put(ADMIN_USER, "admin-" + System.nanoTime());
        MIRRORS.forEach(id -> passwords.put(id, "pw-" + id + "-" + System.nanoTime()));
        String acl = String.join("\n",
                "user " + ADMIN_USER, "topic readwrite " + PREFIX + "/#", "",
                // The managing mirror sends what the admin sends.
                "user mirror-a", "topic readwrite " + PREFIX + "/#", "",
                "pattern read " + PREFIX + "/announce/#",
                "pattern read " + PREFIX + "/config/#",
                "pattern read " + PREFIX + "/rollout/#",
                "pattern readwrite " + PREFIX + "/mirrors/%u/#", "");
        broker = Mosquitto.start(work.resolve("broker"), MirrorProcess.freePort(), pki, passwords, acl);
        admin = adminProbe();
        bundleServer = startBundleServer();
        for (String id : MIRRORS) {
            mirrors.put(id, MirrorProcess.start(options(id)));
        }
        for (MirrorProcess mirror : mirrors.values()) {
            mirror.awaitReady();
        }
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (MirrorProcess mirror : mirrors.values()) {
            mirror.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (bundleServer != null) {
            bundleServer.stop(0);
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void everyMirrorPublishesItsRetainedStatus() throws Exception {
        for (String id : MIRRORS) {
            Eventually.await(id + " online", () -> "online".equals(state(admin, id)));
        }
        // A client that subscribes later still gets each status at once: retained.
        try (MqttProbe late = adminProbe()) {
            late.subscribe(PREFIX + "/mirrors/+/status");
            for (String id : MIRRORS) {
                Eventually.await(id + " status retained", Duration.ofSeconds(5), () -> late.latest(statusTopic(id)) != null);
                MqttProbe.Received status = late.latest(statusTopic(id));
                assertTrue(status.retained(), "retained");
                JsonNode json = status.json();
                assertEquals(id, json.path("mirrorId").asText());
                assertEquals("Mirror " + id, json.path("name").asText());
                assertTrue(json.path("groups").toString().contains(GROUPS.get(id)), json.toString());
                assertTrue(json.path("widgets").has("ok") && json.path("widgets").has("stale")
                        && json.path("widgets").has("error"), json.toString());
                assertTrue(json.path("uptimeSeconds").asLong() > 0 && !json.path("version").asText().isEmpty());
            }
        }
    }

    @Test
    @Order(2)
    void anAnnouncementToAllReachesEveryDisplayWithinTwoSecondsAndOneToAGroupOnlyThatGroup() throws Exception {
        // Urgent: an alert at once.
        String text = "Fire drill at 11:00 " + System.nanoTime();
        long sent = System.nanoTime();
        admin.publish(PREFIX + "/announce/all", announcement("drill", text, "urgent"), true);
        awaitOnDisplays("the announcement to all", MIRRORS, text, sent);

        String groupText = "Library closes at 18:00 " + System.nanoTime();
        sent = System.nanoTime();
        admin.publish(PREFIX + "/announce/library", announcement("closing", groupText, "urgent"), true);
        awaitOnDisplays("the announcement to the library", List.of("mirror-a", "mirror-b"), groupText, sent);
        Thread.sleep(1000);
        assertFalse(snapshot("mirror-c").contains(groupText), "not on the building-a mirror");
    }

    @Test
    @Order(3)
    void normalAndImportantAnnouncementsReachTheTickerOnEveryDisplayPageWithinTwoSeconds() throws Exception {
        Map<String, String> tickers = new LinkedHashMap<>();
        for (String id : MIRRORS) {
            tickers.put(id, console(id).createFactoryConfiguration("org.campusmirror.mirror.widgets.announcements",
                    Map.of("widget.region", "top_bar")));
        }
        Map<String, BrowserPage> pages = new LinkedHashMap<>();
        try (Browser browser = Browser.launch()) {
            for (String id : MIRRORS) {
                BrowserPage page = browser.open("http://127.0.0.1:" + mirrors.get(id).options().httpPort() + "/",
                        1280, 720);
                page.await(id + "'s ticker is up", Duration.ofSeconds(20), TICKER + " !== undefined");
                pages.put(id, page);
            }
            // Not urgent: no alert, the ticker widget is refreshed by the board's change, not at its interval.
            String text = "Lecture hall 2 moves to room 0.12 " + System.nanoTime();
            long sent = System.nanoTime();
            admin.publish(PREFIX + "/announce/all", announcement("moved", text, "normal"), true);
            awaitOnTickers("the normal announcement to all", pages, MIRRORS, text, sent);

            String groupText = "Library quiet hours from 14:00 " + System.nanoTime();
            sent = System.nanoTime();
            admin.publish(PREFIX + "/announce/library", announcement("quiet", groupText, "important"), true);
            awaitOnTickers("the important announcement to the library", pages, List.of("mirror-a", "mirror-b"),
                    groupText, sent);

            // Entered in a console: the same board, the same path to the page.
            String consoleText = "Canteen closed on Friday " + System.nanoTime();
            sent = System.nanoTime();
            console("mirror-c").createFactoryConfiguration("org.campusmirror.mirror.announcement",
                    Map.of("text.en", consoleText, "text.de", consoleText, "priority", "normal"));
            awaitOnTickers("the announcement saved in mirror-c's console", pages, List.of("mirror-c"), consoleText,
                    sent);

            Thread.sleep(1000);
            assertFalse(tickerHas(pages.get("mirror-c"), groupText), "the library's is not on building-a");
            assertFalse(tickerHas(pages.get("mirror-a"), consoleText), "a console's is on its own mirror only");
            // Cleared: gone from the ticker as fast.
            sent = System.nanoTime();
            admin.publish(PREFIX + "/announce/all", new byte[0], true);
            for (String id : MIRRORS) {
                long deadline = sent + ANNOUNCEMENT_DEADLINE.toNanos();
                while (tickerHas(pages.get(id), text)) {
                    assertTrue(System.nanoTime() < deadline, "the cleared announcement still on " + id);
                    Thread.sleep(50);
                }
            }
            // What the later checks expect to be shown.
            admin.publish(PREFIX + "/announce/all", announcement("drill", "Fire drill again " + System.nanoTime(),
                    "urgent"), true);
            admin.publish(PREFIX + "/announce/library", announcement("closing", "Library closes at 18:00 "
                    + System.nanoTime(), "urgent"), true);
        } finally {
            // The later checks count the widgets of each mirror without the ticker.
            for (Map.Entry<String, String> ticker : tickers.entrySet()) {
                console(ticker.getKey()).deleteConfiguration(ticker.getValue());
            }
        }
    }

    @Test
    @Order(4)
    void aSignedConfigurationChangesAWidgetOnThatGroupsMirrorsOnly() throws Exception {
        String title = "Fleet clock " + System.nanoTime();
        String topic = PREFIX + "/config/library/org.campusmirror.mirror.widgets.clock~fleet";
        admin.publish(topic, fleet.sign(topic, "{\"seq\":" + nextSeq() + ",\"properties\":{\"widget.title\":\""
                + title + "\",\"widget.region\":\"top_left\"}}"), true);
        for (String id : List.of("mirror-a", "mirror-b")) {
            Eventually.await(id + " shows the configured clock", () -> snapshot(id).contains(title));
            Eventually.await(id + " reports it applied", () -> event(id, topic, "applied") != null);
        }
        Thread.sleep(1000);
        assertFalse(snapshot("mirror-c").contains(title), "not on the building-a mirror");
    }

    @Test
    @Order(5)
    void aSignedRolloutOverHttpsInstallsTheSampleWidgetOnTheGroupAndItShows() throws Exception {
        Path jar = TestBundles.sampleWidget();
        String version;
        try (JarFile file = new JarFile(jar.toFile())) {
            version = file.getManifest().getMainAttributes().getValue("Bundle-Version");
        }
        String topic = PREFIX + "/rollout/library";
        admin.publish(topic, fleet.sign(topic, rollout(version, bundleUrl(), sha256(Files.readAllBytes(jar)))), true);
        for (String id : List.of("mirror-a", "mirror-b")) {
            Eventually.await(id + " installed the sample widget", () -> console(id).bundle(SAMPLE_BSN)
                    .filter(bundle -> "Active".equals(bundle.path("state").asText())).isPresent());
            Eventually.await(id + " reports the rollout", () -> event(id, topic, "applied") != null);
        }
        String configTopic = PREFIX + "/config/library/org.campusmirror.sample.widget.ExamCountdown~fleet";
        admin.publish(configTopic, fleet.sign(configTopic, "{\"seq\":" + nextSeq() + ",\"properties\":{"
                + "\"exam\":\"Analysis I\",\"startsAt\":\"2030-02-15T09:00\",\"durationMinutes\":90,"
                + "\"location\":\"Audimax\",\"widget.title\":\"Rolled out\",\"widget.region\":\"top_right\"}}"), true);
        for (String id : List.of("mirror-a", "mirror-b")) {
            Eventually.await(id + " shows the rolled-out widget", () -> snapshot(id).contains("\"exam-countdown\""));
        }
        assertTrue(console("mirror-c").bundle(SAMPLE_BSN).isEmpty(), "not installed on the building-a mirror");
        // The status follows: the fleet's clock and the rolled-out widget are counted, none in error.
        Eventually.await("mirror-a's status counts both widgets", Duration.ofSeconds(20), () -> {
            JsonNode widgets = admin.latest(statusTopic("mirror-a")).json().path("widgets");
            return widgets.path("ok").asInt() + widgets.path("stale").asInt() == 2 && widgets.path("error").asInt() == 0;
        });
    }

    @Test
    @Order(6)
    void badSignatureWrongShaReplayAndHttpUrlAreEachRefusedAndReported() throws Exception {
        String configTopic = PREFIX + "/config/building-a/org.campusmirror.mirror.widgets.clock~guarded";
        String good = "{\"seq\":" + nextSeq() + ",\"properties\":{\"widget.title\":\"Guarded\"}}";
        byte[] goodMessage = fleet.sign(configTopic, good);
        admin.publish(configTopic, goodMessage, true);
        Eventually.await("the first configuration applies", () -> event("mirror-c", configTopic, "applied") != null);

        FleetSigner stranger = new FleetSigner();
        assertRefused(configTopic, stranger.sign(configTopic, "{\"seq\":" + nextSeq() + ",\"properties\":{}}"),
                "bad-signature");
        assertRefused(configTopic, ("{\"seq\":" + nextSeq() + ",\"properties\":{}}").getBytes(StandardCharsets.UTF_8),
                "unsigned");
        // The same signed message again, live, and an older one: both replays.
        assertRefused(configTopic, goodMessage, "replayed");
        assertRefused(configTopic, fleet.sign(configTopic, "{\"seq\":5,\"properties\":{\"widget.title\":\"Old\"}}"),
                "replayed");

        // Signed announcements: the same number again live, and an older one, are replays too.
        String announceTopic = PREFIX + "/announce/building-a";
        String signedText = "Signed: exam in hall 3 " + System.nanoTime();
        byte[] signedAnnouncement = fleet.sign(announceTopic, "{\"seq\":" + nextSeq()
                + ",\"id\":\"exam\",\"text\":{\"en\":\"" + signedText + "\"},\"priority\":\"urgent\"}");
        admin.publish(announceTopic, signedAnnouncement, true);
        Eventually.await("the signed announcement shows", () -> snapshot("mirror-c").contains(signedText));
        assertRefused(announceTopic, signedAnnouncement, "replayed");
        assertRefused(announceTopic, fleet.sign(announceTopic, "{\"seq\":7,\"id\":\"stale\",\"text\":"
                + "{\"en\":\"Stale signed announcement\"}}"), "replayed");
        assertFalse(snapshot("mirror-c").contains("Stale signed announcement"), "the older one is not shown");

        Path jar = TestBundles.sampleWidget();
        String rolloutTopic = PREFIX + "/rollout/building-a";
        assertRefused(rolloutTopic, fleet.sign(rolloutTopic, rollout("1.0.0", bundleUrl(), "0".repeat(64))),
                "sha256-mismatch");
        assertRefused(rolloutTopic, fleet.sign(rolloutTopic, rollout("1.0.0",
                bundleUrl().replace("https://", "http://"), sha256(Files.readAllBytes(jar)))), "not-https");
        assertTrue(console("mirror-c").bundle(SAMPLE_BSN).isEmpty(), "nothing installed");
        assertFalse(snapshot("mirror-c").contains("\"Old\""), "the old configuration was not applied");
    }

    @Test
    @Order(7)
    void aMessageOverTheMirrorsPacketLimitNeverReachesItAndTheMirrorGoesOn() throws Exception {
        String huge = "Too long " + "x".repeat(300 * 1024);
        admin.publish(PREFIX + "/announce/building-a", announcement("huge", huge, "urgent"), false);
        String text = "After the oversized one " + System.nanoTime();
        long sent = System.nanoTime();
        admin.publish(PREFIX + "/announce/building-a", announcement("after", text, "urgent"), false);
        awaitOnDisplays("the next announcement", List.of("mirror-c"), text, sent);
        assertFalse(snapshot("mirror-c").contains("Too long"), "the 300 KiB announcement is not shown");
        assertTrue(mirrors.get("mirror-c").isAlive() && "online".equals(state(admin, "mirror-c")), "still online");
    }

    @Test
    @Order(8)
    void aMirrorPublishingUnderAnotherMirrorsIdIsRefusedByTheAcl() throws Exception {
        try (MqttProbe intruder = new MqttProbe(broker, pki, "mirror-b", passwords.get("mirror-b"), "intruder")) {
            int code = intruder.publish(statusTopic("mirror-c"), "{\"state\":\"offline\",\"mirrorId\":\"mirror-c\"}",
                    true);
            assertEquals(135, code, "PUBACK reason: not authorized");
            assertEquals(135, intruder.publish(PREFIX + "/rollout/library", "{}", true), "nor can it roll out");
            assertEquals(0, intruder.publish(PREFIX + "/mirrors/mirror-b/events", "{\"probe\":true}", false),
                    "its own topics are open to it");
        }
        try (MqttProbe late = adminProbe()) {
            late.subscribe(statusTopic("mirror-c"));
            Eventually.await("mirror-c's status", Duration.ofSeconds(5), () -> late.latest(statusTopic("mirror-c")) != null);
            assertEquals("online", late.latest(statusTopic("mirror-c")).json().path("state").asText());
        }
    }

    @Test
    @Order(9)
    void theFleetConsolePageListsTheMirrorsAndSendsAnAnnouncement() throws Exception {
        ConsoleClient console = console("mirror-a");
        Eventually.await("the Fleet plugin sees all three", () -> {
            JsonNode state = ConsoleClient.json(console.get("/system/console/fleet/state.json"));
            return state.path("holdsKey").asBoolean() && state.path("mirrors").size() == 3;
        });
        var page = console.get("/system/console/fleet");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("data-token=\"([^\"]+)\"").matcher(page.body());
        assertTrue(token.find(), "the page carries its form token");
        String text = "Sent from the Fleet console " + System.nanoTime();
        var response = console.postForm("/system/console/fleet/action", Map.of("token", token.group(1),
                "do", "announce", "group", "building-a", "id", "console", "text_en", text, "priority", "urgent"));
        assertEquals(303, response.statusCode(), response.body());
        Eventually.await("mirror-c shows the console's announcement", () -> snapshot("mirror-c").contains(text));
        var forged = console.postForm("/system/console/fleet/action", Map.of("do", "clear-announcement",
                "group", "building-a"));
        assertEquals(403, forged.statusCode(), "no token, no action");

        // The broker password is on no console page (the fleet's own configuration page included) and in no log.
        Map<String, String> pages = ConsolePages.fetchAll(console);
        String fleetConfiguration = pages.get("/system/console/configMgr/org.campusmirror.mirror.fleet.json");
        assertTrue(fleetConfiguration != null && fleetConfiguration.contains("127.0.0.1:" + broker.port()),
                "the crawl read the fleet's configuration: " + fleetConfiguration);
        for (Map.Entry<String, String> crawled : pages.entrySet()) {
            assertFalse(crawled.getValue().contains(passwords.get("mirror-a")), "broker password on " + crawled.getKey());
        }
        String log = Files.readString(work.resolve("mirror-a").resolve("logs/mirror.log"), StandardCharsets.UTF_8)
                + mirrors.get("mirror-a").output();
        assertFalse(log.contains(passwords.get("mirror-a")), "broker password in the log");

        try (Browser browser = Browser.launch();
                BrowserPage view = browser.openWithHeaders("http://127.0.0.1:" + mirrors.get("mirror-a").options()
                        .httpPort() + "/system/console/fleet", 1400, 1100, Map.of("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString(("admin:" + CONSOLE_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))))) {
            view.await("three mirrors listed", Duration.ofSeconds(15),
                    "document.querySelectorAll('#fp-mirrors tbody tr').length === 3");
            assertEquals("online", view.text("#fp-mirrors tr[data-mirror-id='mirror-c'] td:nth-child(4)"));
            view.screenshot(Path.of(System.getProperty("itest.screenshots", "target/screenshots"), "fleet-console.png"));
        }
    }

    @Test
    @Order(10)
    void aKilledMirrorShowsOfflineWithinOneAndAHalfKeepAlivesAndCatchesUpWhenItReturns() throws Exception {
        long killed = System.nanoTime();
        mirrors.get("mirror-c").kill();
        Duration bound = Duration.ofMillis(KEEPALIVE_SECONDS * 1500L);
        Eventually.await("mirror-c offline", bound, () -> "offline".equals(state(admin, "mirror-c")));
        System.out.printf("FIGURE fleet: mirror-c offline %d ms after kill -9 (keep-alive %d s)%n",
                (System.nanoTime() - killed) / 1_000_000, KEEPALIVE_SECONDS);

        // While it is away: the announcement to all is cleared, and building-a gets a new one.
        String text = "Building A lift out of order " + System.nanoTime();
        admin.publish(PREFIX + "/announce/all", new byte[0], true);
        admin.publish(PREFIX + "/announce/building-a", announcement("lift", text, "urgent"), true);
        Eventually.await("cleared on the mirrors that stayed", Duration.ofSeconds(5),
                () -> !snapshot("mirror-a").contains("Fire drill"));

        MirrorProcess returned = MirrorProcess.start(mirrors.get("mirror-c").options());
        mirrors.put("mirror-c", returned);
        returned.awaitReady();
        Eventually.await("mirror-c online again", () -> "online".equals(state(admin, "mirror-c")));
        Eventually.await("mirror-c caught up with the retained announcement", () -> snapshot("mirror-c").contains(text));
        Eventually.await("mirror-c dropped the announcement cleared while it was away",
                () -> !snapshot("mirror-c").contains("Fire drill"));
    }

    @Test
    @Order(11)
    @Timeout(value = 90)
    void withTheBrokerDownTheDisplaysGoOnAndTheMirrorsReconnectAndCatchUp() throws Exception {
        String before = snapshot("mirror-b");
        assertTrue(before.contains("Library closes"), "the library announcement shows");
        admin.close();
        broker.stop();
        Thread.sleep(3000);
        for (String id : MIRRORS) {
            assertTrue(mirrors.get(id).isAlive(), id + " runs on");
            assertTrue(snapshot(id).contains("\"tiles\""), id + " still serves its display");
        }
        assertTrue(snapshot("mirror-b").contains("Library closes"), "announcements stay while the broker is down");

        broker.startProcess();
        admin = adminProbe();
        for (String id : MIRRORS) {
            Eventually.await(id + " reconnected", () -> "online".equals(state(admin, id)));
        }
        String text = "Back on the broker " + System.nanoTime();
        long sent = System.nanoTime();
        admin.publish(PREFIX + "/announce/all", announcement("back", text, "urgent"), true);
        awaitOnDisplays("the announcement after the outage", MIRRORS, text, sent);
    }

    // --- helpers ---

    private MirrorProcess.Options options(String id) throws IOException {
        Path home = work.resolve(id);
        Files.createDirectories(home.resolve("fleet"));
        Files.writeString(home.resolve("fleet").resolve("mirror.id"), id + "\n");
        if (id.equals("mirror-a")) {
            fleet.writeKeyFile(home.resolve("fleet").resolve("fleet.key"));
        }
        // Straight into Config Admin's store, as a console save leaves it (deploy/*.cfg: DeployConfigSafetyTest).
        Path store = home.resolve("configs").resolve("org").resolve("campusmirror").resolve("mirror");
        Files.createDirectories(store);
        Files.writeString(store.resolve("fleet.config"), String.join("\n",
                "service.pid=\"org.campusmirror.mirror.fleet\"",
                "broker.url=\"" + broker.url() + "\"",
                "name=\"Mirror " + id + "\"",
                "location=\"Campus test\"",
                "groups=[\"" + GROUPS.get(id) + "\"]",
                "username=\"" + id + "\"",
                ".password=\"" + passwords.get(id) + "\"",
                "ca.certificate=\"" + pki.caPem + "\"",
                "keepalive.seconds=I\"" + KEEPALIVE_SECONDS + "\"",
                "reconnect.max.seconds=I\"2\"",
                "fleet.public.key=\"" + fleet.publicKey() + "\"", ""));
        return MirrorProcess.Options.in(home)
                .withEnvironment("MIRROR_ADMIN_PASSWORD", CONSOLE_PASSWORD)
                .withProperty("javax.net.ssl.trustStore", pki.truststore.toString())
                .withProperty("javax.net.ssl.trustStorePassword", FleetPki.PASSWORD)
                .withProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    private MqttProbe adminProbe() throws Exception {
        MqttProbe probe = new MqttProbe(broker, pki, ADMIN_USER, passwords.get(ADMIN_USER), "test-admin-" + System.nanoTime());
        probe.subscribe(PREFIX + "/mirrors/+/status", PREFIX + "/mirrors/+/events");
        return probe;
    }

    private HttpsServer startBundleServer() throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(pki.serverContext()));
        server.createContext("/sample-widget.jar", exchange -> {
            byte[] body = Files.readAllBytes(TestBundles.sampleWidget());
            exchange.getResponseHeaders().add("Content-Type", "application/java-archive");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private String bundleUrl() {
        return "https://127.0.0.1:" + bundleServer.getAddress().getPort() + "/sample-widget.jar";
    }

    private String rollout(String version, String url, String sha256) {
        return "{\"seq\":" + nextSeq() + ",\"symbolicName\":\"" + SAMPLE_BSN + "\",\"version\":\"" + version
                + "\",\"url\":\"" + url + "\",\"sha256\":\"" + sha256 + "\"}";
    }

    private static byte[] announcement(String id, String text, String priority) {
        return ("{\"id\":\"" + id + "\",\"text\":{\"en\":\"" + text + "\",\"de\":\"" + text + "\"},\"priority\":\""
                + priority + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private void assertRefused(String topic, byte[] payload, String reason) throws Exception {
        long after = System.nanoTime();
        admin.publish(topic, payload, false);
        Eventually.await(reason + " refused and reported", Duration.ofSeconds(10), () -> admin.received().stream()
                .filter(m -> m.nanos() > after && m.topic().equals(eventsTopic("mirror-c")))
                .map(MqttProbe.Received::json)
                .anyMatch(e -> e.path("topic").asText().equals(topic) && "refused".equals(e.path("result").asText())
                        && reason.equals(e.path("reason").asText())));
    }

    private void awaitOnDisplays(String what, List<String> ids, String text, long sentNanos) throws Exception {
        for (String id : ids) {
            long deadline = sentNanos + ANNOUNCEMENT_DEADLINE.toNanos();
            while (!snapshot(id).contains(text)) {
                assertTrue(System.nanoTime() < deadline, what + " not on " + id + "'s display within "
                        + ANNOUNCEMENT_DEADLINE.toMillis() + " ms");
                Thread.sleep(50);
            }
            System.out.printf("FIGURE fleet: %s on %s's display after %d ms%n", what, id,
                    (System.nanoTime() - sentNanos) / 1_000_000);
        }
    }

    /** The announcements the ticker on the page holds (it shows one at a time, rotating); undefined before. */
    private static final String TICKER = "[...document.querySelectorAll('*')].map(e => e.__ticker)"
            + ".find(t => t && t.data)";

    private static boolean tickerHas(BrowserPage page, String text) throws IOException, InterruptedException {
        return page.evaluate("JSON.stringify((" + TICKER + " || {}).data || null).includes(" + BrowserPage.quote(text)
                + ")").asBoolean();
    }

    private void awaitOnTickers(String what, Map<String, BrowserPage> pages, List<String> ids, String text,
            long sentNanos) throws Exception {
        for (String id : ids) {
            long deadline = sentNanos + ANNOUNCEMENT_DEADLINE.toNanos();
            while (!tickerHas(pages.get(id), text)) {
                assertTrue(System.nanoTime() < deadline, what + " not in " + id + "'s ticker within "
                        + ANNOUNCEMENT_DEADLINE.toMillis() + " ms");
                Thread.sleep(50);
            }
            System.out.printf("FIGURE fleet: %s in %s's ticker after %d ms%n", what, id,
                    (System.nanoTime() - sentNanos) / 1_000_000);
        }
    }

    private JsonNode event(String id, String topic, String result) {
        return admin.received().stream().filter(m -> m.topic().equals(eventsTopic(id))).map(MqttProbe.Received::json)
                .filter(e -> e.path("topic").asText().equals(topic) && result.equals(e.path("result").asText()))
                .findFirst().orElse(null);
    }

    private static String state(MqttProbe probe, String id) {
        MqttProbe.Received status = probe.latest(statusTopic(id));
        return status == null ? null : status.json().path("state").asText();
    }

    private String snapshot(String id) throws IOException, InterruptedException {
        return ConsoleClient.anonymous(mirrors.get(id).options().httpPort()).get("/display/snapshot.json").body();
    }

    private ConsoleClient console(String id) {
        return new ConsoleClient(mirrors.get(id).options().httpPort(), "admin", CONSOLE_PASSWORD);
    }

    private long nextSeq() {
        return ++seq + System.currentTimeMillis();
    }

    private static String statusTopic(String id) {
        return PREFIX + "/mirrors/" + id + "/status";
    }

    private static String eventsTopic(String id) {
        return PREFIX + "/mirrors/" + id + "/events";
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
