package org.campusmirror.mirror.widgets.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.campusmirror.mirror.widget.ViewModel;
import org.campusmirror.mirror.widget.Widget;
import org.campusmirror.mirror.widgets.canteen.CanteenView;
import org.campusmirror.mirror.widgets.canteen.CanteenWidget;
import org.campusmirror.mirror.widgets.common.ConfigProxy;
import org.campusmirror.mirror.widgets.common.TestContext;
import org.campusmirror.mirror.widgets.departures.DeparturesView;
import org.campusmirror.mirror.widgets.departures.DeparturesWidget;
import org.campusmirror.mirror.widgets.http.HttpFetcherSettings;
import org.campusmirror.mirror.widgets.http.PoliteHttpFetcher;
import org.campusmirror.mirror.widgets.occupancy.OccupancyView;
import org.campusmirror.mirror.widgets.occupancy.OccupancyWidget;
import org.campusmirror.mirror.widgets.weather.WeatherView;
import org.campusmirror.mirror.widgets.weather.WeatherWidget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The demo: the bundled demo configurations, read as the profile reads them, build widgets that refresh without
 * error against the demo server, with data dated around the pinned "now" (a Monday evening and a Sunday morning).
 */
class DemoProfileTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Path DEMO_CONFIGS = Path.of("src/main/resources/demo/configs");
    private static final Path DEFAULT_CONFIGS = Path.of("src/main/resources/defaults/configs");

    static List<BundledConfiguration> read(Path folder, Map<String, String> placeholders) throws IOException {
        List<BundledConfiguration> configurations = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".json", "");
                try (InputStream in = Files.newInputStream(file)) {
                    configurations.add(BundledConfiguration.read(name, in, placeholders));
                }
            }
        }
        return configurations;
    }

    private static BundledConfiguration named(List<BundledConfiguration> all, String name) {
        return all.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "now = {0}")
    @ValueSource(strings = {"2026-11-23T17:20:00Z", "2026-11-29T08:05:00Z", "2026-07-02T10:45:00Z",
            "2026-11-23T23:20:00Z"})
    void everyDemoWidgetOfThisBundleShowsDataFromTheDemoServer(String now) throws Exception {
        Clock clock = Clock.fixed(Instant.parse(now), BERLIN);
        // The server runs in UTC, the mirror in Berlin: the forecast follows the zone the widget asks for.
        try (DemoServer server = new DemoServer(clock, ZoneId.of("UTC"));
                PoliteHttpFetcher http = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0"))) {
            List<BundledConfiguration> demo = read(DEMO_CONFIGS, Map.of("demo", server.base().toString()));
            TestContext context = new TestContext(Locale.GERMANY, BERLIN, clock);

            CanteenView canteen = (CanteenView) refresh(new CanteenWidget(ConfigProxy.of(CanteenWidget.Config.class,
                    named(demo, "canteen").properties()), http), context);
            assertEquals("Mensa am Campus", canteen.canteen());
            assertEquals(CanteenView.Status.OPEN, canteen.status());
            assertFalse(canteen.meals().isEmpty());
            assertTrue(canteen.meals().stream().noneMatch(meal -> meal.category().equals("Beilagen")));
            LocalDate date = canteen.date();
            assertFalse(DemoCanteen.closed(date), "a weekday is shown: " + date);
            assertFalse(date.isBefore(clock.instant().atZone(BERLIN).toLocalDate()));

            DeparturesView departures = (DeparturesView) refresh(new DeparturesWidget(ConfigProxy.of(
                    DeparturesWidget.Config.class, named(demo, "departures").properties()), http), context);
            assertEquals("Hauptbahnhof", departures.stop());
            assertEquals(((Number) named(demo, "departures").properties().get("departures.max")).intValue(),
                    departures.departures().size(), "as many as configured");
            assertTrue(departures.departures().stream().allMatch(d -> !d.leaves().isBefore(
                    clock.instant().plusSeconds(180))), "walking time of 3 minutes applied");

            WeatherView weather = (WeatherView) refresh(new WeatherWidget(ConfigProxy.of(WeatherWidget.Config.class,
                    named(demo, "weather").properties()), http), context);
            assertEquals(((Number) named(demo, "weather").properties().get("weather.days")).intValue(),
                    weather.days().size(), "as many days as configured");
            assertEquals(clock.instant().atZone(BERLIN).toLocalDate(), weather.days().get(0).date());
            assertTrue(Math.abs(weather.current().time().getEpochSecond() - clock.instant().getEpochSecond()) < 900,
                    "the current reading is of this quarter hour: " + weather.current().time());

            OccupancyView occupancy = (OccupancyView) refresh(new OccupancyWidget(ConfigProxy.of(
                    OccupancyWidget.Config.class, named(demo, "occupancy").properties()), http), context);
            assertEquals(List.of("Lesesaal", "Gruppenräume", "Lernzentrum"),
                    occupancy.areas().stream().map(OccupancyView.AreaView::name).toList());
            assertTrue(occupancy.areas().stream().allMatch(area -> area.percent() != null));
        }
    }

    private static Object refresh(Widget widget, TestContext context) throws Exception {
        ViewModel model = widget.refresh(context);
        return model.data();
    }

    @Test
    void theDemoServerServesTheBundledFeedFilesAndNothingElse() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T17:20:00Z"), BERLIN);
        try (DemoServer server = new DemoServer(clock, BERLIN)) {
            HttpClient client = HttpClient.newHttpClient();
            assertEquals(200, get(client, server.base().resolve("/files/canteen/meals.json")).statusCode());
            String atom = get(client, server.base().resolve("/files/news/informatik.atom")).body();
            assertTrue(atom.contains("<updated>2026-11-22T08:00:00Z</updated>"), "the newest entry is from yesterday");
            assertFalse(atom.contains("2026-10-"), "no date left unmoved: " + atom);
            assertEquals(404, get(client, server.base().resolve("/files/configs/../../defaults/configs/news.json"))
                    .statusCode());
            assertEquals(404, get(client, server.base().resolve("/files/nothing/here.ics")).statusCode());
            assertEquals(404, get(client, server.base().resolve("/elsewhere")).statusCode());
            assertEquals(404, get(client, server.base().resolve("/openmensa/api/v2/canteens/42/days/2026-11-29/meals"))
                    .statusCode(), "a Sunday has no plan");
            assertEquals("127.0.0.1", server.base().getHost(), "loopback only");
        }
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyKindHasOneDemoConfigurationWithThePlaceholderReplaced() throws IOException {
        List<BundledConfiguration> demo = read(DEMO_CONFIGS, Map.of("demo", "http://127.0.0.1:1234"));
        List<String> kinds = demo.stream().map(BundledConfiguration::factoryPid)
                .filter(ProfileComponent.WIDGET_FACTORY_PIDS::contains).sorted().toList();
        assertEquals(ProfileComponent.WIDGET_FACTORY_PIDS.stream().sorted().toList(), kinds);
        for (BundledConfiguration configuration : demo) {
            for (Object value : configuration.properties().values()) {
                String text = value instanceof String[] list ? String.join(" ", list) : String.valueOf(value);
                assertFalse(text.contains("${"), configuration.name() + ": " + text);
                if (text.contains("://")) {
                    assertTrue(text.contains("http://127.0.0.1:1234/"), configuration.name() + ": " + text);
                }
            }
        }
        assertEquals(300L, named(demo, "canteen").properties().get("widget.refresh.seconds"));
        assertArrayEquals(new String[] {"Beilagen"}, (String[]) named(demo, "canteen").properties()
                .get("canteen.categories.exclude"));
        assertEquals("demo", named(demo, "clock").dictionary("demo").get(BundledConfiguration.MARKER));
    }

    @Test
    void theDefaultConfigurationPointsAtPublicHttpsSourcesOnly() throws IOException {
        List<BundledConfiguration> defaults = read(DEFAULT_CONFIGS, Map.of());
        assertTrue(defaults.size() >= 4);
        for (BundledConfiguration configuration : defaults) {
            assertTrue(ProfileComponent.WIDGET_FACTORY_PIDS.contains(configuration.factoryPid()),
                    configuration.factoryPid());
            for (Object value : configuration.properties().values()) {
                String text = value instanceof String[] list ? String.join(" ", list) : String.valueOf(value);
                if (text.contains("://")) {
                    assertTrue(text.startsWith("https://"), configuration.name() + ": " + text);
                }
            }
        }
        assertEquals(1, named(defaults, "canteen").properties().get("canteen.id"));
    }
}
