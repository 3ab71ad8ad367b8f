package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo profile and the first-run default configuration in the real mirror.jar: which configurations each start
 * creates or removes (seen through the console's configMgr), the demo's loopback sources answering with data of
 * today, the renderers served, and that an admin's deletions and own widgets are respected.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DemoAndDefaultsTest {
    private static final String PASSWORD = "demo-and-defaults-test-password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WIDGETS = "org.campusmirror.mirror.widgets.";
    private static final List<String> KINDS = List.of("announcements", "canteen", "clock", "departures", "news",
            "occupancy", "timetable", "weather");
    private static final List<String> KINDS_OF_THIS_BUNDLE = List.of("canteen", "departures", "occupancy", "weather");
    private static final List<String> DEFAULT_KINDS = List.of("announcements", "canteen", "clock", "news", "timetable",
            "weather");

    private static MirrorProcess.Options options(Path home) throws Exception {
        return MirrorProcess.Options.in(home).withProperty("mirror.admin.password", PASSWORD);
    }

    private static ConsoleClient console(MirrorProcess mirror) {
        return new ConsoleClient(mirror.options().httpPort(), "admin", PASSWORD);
    }

    /** PID to properties (name to value) of every configuration, as the console lists them. */
    private static Map<String, JsonNode> configurations(MirrorProcess mirror) throws Exception {
        Map<String, JsonNode> all = new java.util.TreeMap<>();
        for (JsonNode configuration : ConsoleClient.json(console(mirror).get("/system/console/configMgr/*.json"))) {
            all.put(configuration.path("pid").asText(), configuration.path("properties"));
        }
        return all;
    }

    private static Set<String> pidsNamed(Map<String, JsonNode> configurations, String marker) {
        Set<String> pids = new TreeSet<>();
        for (String pid : configurations.keySet()) {
            if (pid.contains("~" + marker + "-")) {
                pids.add(pid);
            }
        }
        return pids;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theDemoProfileConfiguresEveryKindAgainstALoopbackServerAndLeavesNothingBehind() throws Exception {
        Path home = MirrorProcess.workFolder("demo").resolve("home");
        try (MirrorProcess mirror = MirrorProcess.start(options(home).withProperty("mirror.demo", "true"))
                .awaitReady()) {
            assertTrue(mirror.output().contains("Demo profile on: sample data served at http://127.0.0.1:"),
                    mirror.output());
            Map<String, JsonNode> configurations = configurations(mirror);
            Set<String> expected = new TreeSet<>();
            for (String kind : KINDS) {
                expected.add(WIDGETS + kind + "~demo-" + kind);
            }
            expected.add("org.campusmirror.mirror.announcement~demo-announcement-welcome");
            assertEquals(expected, pidsNamed(configurations, "demo"));

            String canteenBase = configurations.get(WIDGETS + "canteen~demo-canteen").path("canteen.base.url")
                    .path("value").asText();
            assertTrue(canteenBase.startsWith("http://127.0.0.1:"), canteenBase);
            JsonNode days = JSON.readTree(get(URI.create(canteenBase + "/canteens/42/days")).body());
            LocalDate today = LocalDate.now(ZoneId.systemDefault());
            LocalDate first = LocalDate.parse(days.get(0).path("date").asText());
            assertTrue(!first.isAfter(today) && !first.isBefore(today.minusDays(1)), "dated at serve time: " + first);

            String weatherBase = configurations.get(WIDGETS + "weather~demo-weather").path("weather.base.url")
                    .path("value").asText();
            JsonNode forecast = JSON.readTree(get(URI.create(weatherBase + "/v1/forecast?forecast_days=5")).body());
            Instant current = LocalDateTime.parse(forecast.path("current").path("time").asText())
                    .toInstant(ZoneOffset.ofTotalSeconds(forecast.path("utc_offset_seconds").asInt()));
            assertTrue(Duration.between(current, Instant.now()).abs().toMinutes() <= 16, "current: " + current);

            for (String kind : KINDS_OF_THIS_BUNDLE) {
                HttpResponse<String> renderer = ConsoleClient.anonymous(mirror.options().httpPort())
                        .get("/widgets/" + kind + "/renderer.js");
                assertEquals(200, renderer.statusCode(), kind);
                assertTrue(renderer.body().contains("export default"), kind);
                String component = WIDGETS + kind + "." + Character.toUpperCase(kind.charAt(0)) + kind.substring(1)
                        + "Widget";
                assertTrue(console(mirror).componentState(component).isPresent(), component);
            }
            mirror.stop();
        }
        try (MirrorProcess mirror = MirrorProcess.start(options(home)).awaitReady()) {
            assertEquals(Set.of(), pidsNamed(configurations(mirror), "demo"),
                    "a start without the demo profile removes its configurations");
            assertTrue(mirror.output().contains("Demo profile off: removed its 9 widget configurations"),
                    mirror.output());
        }
    }

    @Test
    void theDefaultConfigurationIsInstalledOnceAndADeletedDefaultStaysDeleted() throws Exception {
        Path home = MirrorProcess.workFolder("defaults").resolve("home");
        MirrorProcess.Options withDefaults = options(home).withProperty("mirror.defaults", "true");
        String canteen = WIDGETS + "canteen~defaults-canteen";
        try (MirrorProcess mirror = MirrorProcess.start(withDefaults).awaitReady()) {
            Map<String, JsonNode> configurations = configurations(mirror);
            Set<String> expected = new TreeSet<>();
            for (String kind : DEFAULT_KINDS) {
                expected.add(WIDGETS + kind + "~defaults-" + kind);
            }
            assertEquals(expected, pidsNamed(configurations, "defaults"));
            assertEquals("https://openmensa.org/api/v2",
                    configurations.get(canteen).path("canteen.base.url").path("value").asText());
            String marker = Files.readString(home.resolve("defaults.installed"), StandardCharsets.UTF_8);
            assertTrue(marker.contains("installed " + WIDGETS + "announcements~defaults-announcements"), marker);

            HttpResponse<String> deleted = console(mirror).postForm("/system/console/configMgr/" + canteen,
                    Map.of("apply", "true", "delete", "true"));
            assertEquals(200, deleted.statusCode());
            assertFalse(configurations(mirror).containsKey(canteen));
            mirror.stop();
        }
        try (MirrorProcess mirror = MirrorProcess.start(withDefaults).awaitReady()) {
            Set<String> pids = pidsNamed(configurations(mirror), "defaults");
            assertFalse(pids.contains(canteen), "the admin's deletion stays: " + pids);
            assertEquals(DEFAULT_KINDS.size() - 1, pids.size(), pids.toString());
        }
    }

    @Test
    void aHomeWithWidgetsOfItsOwnGetsNoDefaults() throws Exception {
        Path home = MirrorProcess.workFolder("own-widgets").resolve("home");
        Files.createDirectories(home.resolve("deploy"));
        Files.writeString(home.resolve("deploy").resolve(WIDGETS + "weather-mine.cfg"),
                "weather.latitude=D\"48.137\"\nweather.longitude=D\"11.575\"\nweather.location=\"München\"\n",
                StandardCharsets.UTF_8);
        try (MirrorProcess mirror = MirrorProcess.start(options(home)).awaitReady()) {
            Eventually.await("the admin's weather widget configured", () -> configurations(mirror).keySet().stream()
                    .anyMatch(pid -> pid.startsWith(WIDGETS + "weather~") || pid.startsWith(WIDGETS + "weather.")));
            mirror.stop();
        }
        try (MirrorProcess mirror = MirrorProcess.start(options(home).withProperty("mirror.defaults", "true"))
                .awaitReady()) {
            assertEquals(Set.of(), pidsNamed(configurations(mirror), "defaults"));
            assertTrue(Files.readString(home.resolve("defaults.installed"), StandardCharsets.UTF_8)
                    .contains("not installed: widget configurations existed already"));
        }
    }
}
