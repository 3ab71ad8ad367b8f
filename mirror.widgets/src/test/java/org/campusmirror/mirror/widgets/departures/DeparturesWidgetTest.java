package org.campusmirror.mirror.widgets.departures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.common.ConfigProxy;
import org.campusmirror.mirror.widgets.common.TestContext;
import org.campusmirror.mirror.widgets.http.BackingOffException;
import org.campusmirror.mirror.widgets.http.HttpFetcherSettings;
import org.campusmirror.mirror.widgets.http.HttpTestServer;
import org.campusmirror.mirror.widgets.http.MalformedBodyException;
import org.campusmirror.mirror.widgets.http.PoliteHttpFetcher;
import org.campusmirror.mirror.widgets.http.RateLimitedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Departures from hafas-rest-api and MOTIS fixtures on a loopback server, at 18:40 in Berlin. */
class DeparturesWidgetTest {
    private static final String NOW = "2026-11-24T17:40:00Z";
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpTestServer server = new HttpTestServer();
    private final PoliteHttpFetcher fetcher = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)));

    DeparturesWidgetTest() throws IOException {
        server.resource("/hafas/stops/900058101/departures", JSON, "departures/hafas-departures.json");
        server.resource("/old/stops/1/departures", JSON, "departures/hafas-bare.json");
        server.resource("/motis/api/v5/stoptimes", JSON, "departures/motis-stoptimes.json");
    }

    @AfterEach
    void close() {
        fetcher.close();
        server.close();
    }

    private DeparturesWidget hafas(Object... more) {
        return widget("hafas", "/hafas", "900058101", more);
    }

    private DeparturesWidget motis(Object... more) {
        return widget("motis", "/motis", "de-DELFI_de:15003:21210", more);
    }

    private DeparturesWidget widget(String provider, String path, String stop, Object... more) {
        Object[] base = {"departures.provider", provider, "departures.base.url", server.uri(path).toString(),
                "departures.stop", stop};
        Object[] properties = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, properties, base.length, more.length);
        return new DeparturesWidget(ConfigProxy.of(DeparturesWidget.Config.class, properties), fetcher);
    }

    private static DeparturesView refresh(DeparturesWidget widget) throws Exception {
        return (DeparturesView) widget.refresh(TestContext.at(NOW, ZoneId.of("Europe/Berlin"), Locale.GERMANY))
                .data();
    }

    private static List<String> lines(DeparturesView view) {
        return view.departures().stream().map(Departure::line).toList();
    }

    @Test
    void hafasDelaysCancellationsPlatformChangesAndWarnings() throws Exception {
        DeparturesView view = refresh(hafas());
        assertEquals("S Südkreuz", view.stop());
        assertEquals(List.of("S1", "Bus 73", "RE 7", "M10", "ICE 1537"), lines(view),
                "soonest first; the S7 left a minute ago; the one without a readable time is dropped");
        Departure bus = view.departures().get(1);
        assertEquals(Product.BUS, bus.product());
        assertEquals(3, bus.delayMinutes());
        assertEquals(Instant.parse("2026-11-24T17:44:00Z"), bus.planned());
        assertEquals(Instant.parse("2026-11-24T17:47:00Z"), bus.expected());

        Departure cancelled = view.departures().get(2);
        assertTrue(cancelled.cancelled());
        assertNull(cancelled.expected());
        assertNull(cancelled.delayMinutes());
        assertEquals(Product.REGIONAL, cancelled.product());
        assertEquals(List.of("Fahrt fällt aus"), cancelled.warnings(), "warnings, not hints");

        Departure tram = view.departures().get(3);
        assertNull(tram.delayMinutes(), "delay null: no real-time data");
        assertTrue(tram.platformChanged());
        assertEquals("B", tram.platform());
        assertEquals("A", tram.plannedPlatform());

        Departure ice = view.departures().get(4);
        assertEquals(Product.EXPRESS, ice.product());
        assertEquals(7, ice.delayMinutes());
        assertEquals(List.of("Bauarbeiten zwischen Halle (Saale) und Erfurt: +15 min"), ice.warnings(),
                "HTML in remarks becomes plain text");
        assertEquals(List.of(), view.departures().get(0).warnings());
    }

    @Test
    void hafasOlderServersAnswerWithABareArray() throws Exception {
        DeparturesView view = refresh(widget("hafas", "/old", "1"));
        assertEquals("Ostkreuz", view.stop());
        assertEquals(2, view.departures().size());
        assertEquals(2, view.departures().get(0).delayMinutes());
    }

    @Test
    void hafasRequestAsksForAWindowFromNow() throws Exception {
        refresh(hafas("departures.duration.minutes", 45));
        String query = server.requests().get(0).uri().getQuery();
        assertTrue(query.startsWith("when=2026-11-24T17:40:00Z&duration=45&results="), query);
        assertTrue(query.contains("remarks=true"), query);
    }

    @Test
    void motisStopTimesOfApiV5() throws Exception {
        DeparturesView view = refresh(motis());
        assertEquals("Magdeburg Hbf", view.stop());
        assertEquals(List.of("S1", "73", "Tram 10", "RE1", "IC 2037"), lines(view),
                "the RB 32 only arrives here (pickup NOT_ALLOWED)");
        Departure s1 = view.departures().get(0);
        assertEquals(Product.SUBURBAN, s1.product());
        assertEquals(2, s1.delayMinutes());
        assertEquals("Schönebeck-Bad Salzelmen", s1.direction());
        assertNull(view.departures().get(1).delayMinutes(), "realTime false: no delay known");
        assertNull(view.departures().get(1).expected());
        assertTrue(view.departures().get(2).cancelled());
        Departure re1 = view.departures().get(3);
        assertTrue(re1.platformChanged());
        assertEquals(3, re1.delayMinutes());
        assertEquals(List.of("Bauarbeiten bei Burg", "Aufzug an Gleis 5 defekt"), re1.warnings());
        Departure ic = view.departures().get(4);
        assertEquals(Product.EXPRESS, ic.product());
        assertEquals("Leipzig Hbf", ic.direction(), "no headsign: the trip's last stop");
    }

    @Test
    void motisRequestFollowsTheOpenApiDescription() throws Exception {
        refresh(motis());
        var request = server.requests().get(0).uri();
        assertEquals("/motis/api/v5/stoptimes", request.getPath());
        assertTrue(request.getQuery().startsWith("stopId=de-DELFI_de:15003:21210&n="), request.getQuery());
        assertTrue(request.getQuery().contains("time=2026-11-24T17:40:00Z&arriveBy=false"), request.getQuery());
    }

    @Test
    void departuresYouCannotReachOnFootAreHidden() throws Exception {
        DeparturesView view = refresh(hafas("departures.walking.minutes", 8));
        assertEquals(8, view.walkingMinutes());
        assertEquals(List.of("RE 7", "M10", "ICE 1537"), lines(view),
                "S1 at 18:41 and the bus at 18:47 leave before 18:48");
    }

    @Test
    void productAndLineFilters() throws Exception {
        assertEquals(List.of("S1", "ICE 1537"), lines(refresh(hafas("departures.products",
                new String[] {"suburban", "nationalExpress"}))));
        assertEquals(List.of("RE 7", "M10"), lines(refresh(hafas("departures.lines", new String[] {"re7", "M 10"}))));
        assertEquals(List.of("73"), lines(refresh(motis("departures.products", new String[] {"BUS"}))));
    }

    @Test
    void theNumberShownIsBounded() throws Exception {
        assertEquals(2, refresh(hafas("departures.max", 2)).departures().size());
    }

    @Test
    void aRateLimitIsRespectedThroughTheClient() {
        server.status("/limited/stops/9/departures", 429, Map.of("Retry-After", "60"));
        DeparturesWidget widget = widget("hafas", "/limited", "9");
        assertThrows(RateLimitedException.class, () -> refresh(widget));
        assertThrows(BackingOffException.class, () -> refresh(widget));
        assertEquals(1, server.count("/limited"));
    }

    @Test
    void anAnswerOfTheWrongShapeIsMalformed() {
        server.fixture("/odd/stops/1/departures", JSON, "{\"error\":\"nope\"}".getBytes(StandardCharsets.UTF_8));
        server.fixture("/odd/api/v5/stoptimes", JSON, "[]".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(MalformedBodyException.class, () -> refresh(widget("hafas", "/odd", "1")))
                .getMessage().contains("neither a list of departures"));
        assertTrue(assertThrows(MalformedBodyException.class, () -> refresh(widget("motis", "/odd", "1")))
                .getMessage().contains("no 'stopTimes'"));
    }

    @Test
    void settingsAreCheckedAndMessagesNameThem() {
        assertSetting("departures.provider", hafas("departures.provider", "vbb"));
        assertSetting("departures.stop", hafas("departures.stop", " "));
        assertSetting("departures.base.url", hafas("departures.base.url", "ftp://example.org"));
        assertSetting("departures.products", hafas("departures.products", new String[] {"zeppelin"}));
        assertSetting("departures.walking.minutes", hafas("departures.walking.minutes", -1));
        assertSetting("departures.max", hafas("departures.max", 31));
    }

    private static void assertSetting(String setting, DeparturesWidget widget) {
        WidgetConfigurationException error = assertThrows(WidgetConfigurationException.class, () -> refresh(widget));
        assertTrue(error.getMessage().startsWith(setting + ": "), error.getMessage());
        assertFalse(error.getMessage().contains("Exception"), error.getMessage());
    }
}
