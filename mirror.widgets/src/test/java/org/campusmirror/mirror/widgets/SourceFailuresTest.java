package org.campusmirror.mirror.widgets;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.campusmirror.mirror.widget.Widget;
import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.canteen.CanteenWidget;
import org.campusmirror.mirror.widgets.common.ConfigProxy;
import org.campusmirror.mirror.widgets.common.TestContext;
import org.campusmirror.mirror.widgets.departures.DeparturesWidget;
import org.campusmirror.mirror.widgets.http.BodyTooLargeException;
import org.campusmirror.mirror.widgets.http.HttpFetcher;
import org.campusmirror.mirror.widgets.http.HttpFetcherSettings;
import org.campusmirror.mirror.widgets.http.HttpStatusException;
import org.campusmirror.mirror.widgets.http.HttpTestServer;
import org.campusmirror.mirror.widgets.http.MalformedBodyException;
import org.campusmirror.mirror.widgets.http.PoliteHttpFetcher;
import org.campusmirror.mirror.widgets.http.RateLimitedException;
import org.campusmirror.mirror.widgets.http.UnexpectedContentTypeException;
import org.campusmirror.mirror.widgets.occupancy.OccupancyWidget;
import org.campusmirror.mirror.widgets.weather.WeatherWidget;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.sun.net.httpserver.HttpHandler;

/**
 * Every data widget of this bundle against a source that misbehaves: error statuses, a rate limit, an HTML page,
 * malformed, empty and wrongly shaped JSON, a body far over the limit, silence, a connection cut mid-body. Each
 * refresh fails with the exception the runtime classifies (an IOException: stale tile; a configuration error:
 * message on the tile), naming the source, never with a RuntimeException.
 */
@Timeout(60)
class SourceFailuresTest {
    private static final String JSON = "application/json";

    record Source(String name, HttpHandler handler, Class<? extends Exception> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Kind(String name, Function<String, Function<HttpFetcher, Widget>> widget) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Kind> kinds() {
        return List.of(
                new Kind("canteen", base -> http -> new CanteenWidget(ConfigProxy.of(CanteenWidget.Config.class,
                        "canteen.id", 1, "canteen.base.url", base), http)),
                new Kind("departures (hafas)", base -> http -> new DeparturesWidget(ConfigProxy.of(
                        DeparturesWidget.Config.class, "departures.provider", "hafas", "departures.base.url", base,
                        "departures.stop", "900058101"), http)),
                new Kind("departures (motis)", base -> http -> new DeparturesWidget(ConfigProxy.of(
                        DeparturesWidget.Config.class, "departures.provider", "motis", "departures.base.url", base,
                        "departures.stop", "de:1"), http)),
                new Kind("weather", base -> http -> new WeatherWidget(ConfigProxy.of(WeatherWidget.Config.class,
                        "weather.latitude", 52.1, "weather.longitude", 11.6, "weather.base.url", base), http)),
                new Kind("occupancy", base -> http -> new OccupancyWidget(ConfigProxy.of(OccupancyWidget.Config.class,
                        "occupancy.url", base + "/seats", "occupancy.areas", new String[] {"A | /a | 10"}), http)));
    }

    static List<Source> sources(HttpTestServer server) {
        return List.of(
                new Source("HTTP 500", exchange -> exchange.sendResponseHeaders(500, -1), HttpStatusException.class),
                new Source("HTTP 403", exchange -> exchange.sendResponseHeaders(403, -1), HttpStatusException.class),
                new Source("HTTP 503 with Retry-After", exchange -> {
                    exchange.getResponseHeaders().set("Retry-After", "120");
                    exchange.sendResponseHeaders(503, -1);
                }, RateLimitedException.class),
                new Source("an HTML login page", exchange -> HttpTestServer.send(exchange, 200, "text/html",
                        "<html><form>Login</form></html>".getBytes(StandardCharsets.UTF_8)),
                        UnexpectedContentTypeException.class),
                new Source("malformed JSON", exchange -> HttpTestServer.send(exchange, 200, JSON,
                        "{\"a\": [1, 2".getBytes(StandardCharsets.UTF_8)), MalformedBodyException.class),
                new Source("an empty body", exchange -> HttpTestServer.send(exchange, 200, JSON, new byte[0]),
                        MalformedBodyException.class),
                new Source("50 MB of JSON", exchange -> server.stream(exchange, JSON, 50L << 20, false),
                        BodyTooLargeException.class),
                new Source("no answer", exchange -> silence(), HttpTimeoutException.class),
                new Source("a connection cut mid-body", exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", JSON);
                    exchange.sendResponseHeaders(200, 1000);
                    OutputStream out = exchange.getResponseBody();
                    out.write("[{\"date\":".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    exchange.getHttpContext().getServer().stop(0);
                }, IOException.class));
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (HttpTestServer names = new HttpTestServer()) {
            for (Kind kind : kinds()) {
                for (Source source : sources(names)) {
                    cases.add(Arguments.of(kind, source.name()));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void aMisbehavingSourceGivesAClassifiedError(Kind kind, String sourceName) throws IOException {
        try (HttpTestServer server = new HttpTestServer();
                PoliteHttpFetcher fetcher = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0")
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(5)))) {
            Source source = sources(server).stream().filter(s -> s.name().equals(sourceName)).findFirst()
                    .orElseThrow();
            server.route("/", source.handler());
            Widget widget = kind.widget().apply(server.uri("/api").toString()).apply(fetcher);
            Exception thrown = assertThrows(Exception.class, () -> widget.refresh(TestContext.at(
                    "2026-11-24T09:00:00Z", ZoneId.of("Europe/Berlin"), Locale.GERMANY)));
            assertInstanceOf(source.expected(), thrown, () -> thrown.toString());
            assertTrue(thrown.getMessage() != null && thrown.getMessage().contains("127.0.0.1"),
                    () -> "the message names the source: " + thrown.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void jsonOfAnotherShapeIsMalformedOrAConfigurationErrorNeverACrash(Kind kind) throws IOException {
        try (HttpTestServer server = new HttpTestServer();
                PoliteHttpFetcher fetcher = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0"))) {
            server.route("/", exchange -> HttpTestServer.send(exchange, 200, JSON,
                    "{\"hello\":\"world\",\"list\":[null,true,{}]}".getBytes(StandardCharsets.UTF_8)));
            Widget widget = kind.widget().apply(server.uri("/api").toString()).apply(fetcher);
            Exception thrown = assertThrows(Exception.class, () -> widget.refresh(TestContext.at(
                    "2026-11-24T09:00:00Z", ZoneId.of("Europe/Berlin"), Locale.GERMANY)));
            assertTrue(thrown instanceof MalformedBodyException || thrown instanceof WidgetConfigurationException,
                    thrown::toString);
        }
    }

    private static void silence() {
        try {
            new CountDownLatch(1).await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
