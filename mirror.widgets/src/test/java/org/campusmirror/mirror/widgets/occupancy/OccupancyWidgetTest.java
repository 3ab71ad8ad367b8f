package org.campusmirror.mirror.widgets.occupancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.common.ConfigProxy;
import org.campusmirror.mirror.widgets.common.TestContext;
import org.campusmirror.mirror.widgets.http.HttpFetcherSettings;
import org.campusmirror.mirror.widgets.http.HttpTestServer;
import org.campusmirror.mirror.widgets.http.PoliteHttpFetcher;
import org.campusmirror.mirror.widgets.http.UnexpectedContentTypeException;
import org.campusmirror.mirror.widgets.occupancy.OccupancyView.AreaView;
import org.campusmirror.mirror.widgets.occupancy.OccupancyView.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Values picked from a JSON fixture with configured JSON Pointers. */
class OccupancyWidgetTest {
    private final HttpTestServer server = new HttpTestServer();
    private final PoliteHttpFetcher fetcher = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)));

    OccupancyWidgetTest() throws IOException {
        server.resource("/api/occupancy", "application/json", "occupancy/library.json");
        server.resource("/plain/occupancy", "text/plain; charset=utf-8", "occupancy/library.json");
        server.resource("/html/occupancy", "text/html", "occupancy/library.json");
    }

    @AfterEach
    void close() {
        fetcher.close();
        server.close();
    }

    private OccupancyWidget widget(String[] areas, Object... more) {
        Object[] base = {"occupancy.url", server.uri("/api/occupancy").toString(), "occupancy.areas", areas};
        Object[] properties = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, properties, base.length, more.length);
        return new OccupancyWidget(ConfigProxy.of(OccupancyWidget.Config.class, properties), fetcher);
    }

    private static OccupancyView refresh(OccupancyWidget widget) throws Exception {
        return (OccupancyView) widget.refresh(TestContext.at("2026-11-24T09:00:00Z", ZoneId.of("Europe/Berlin"),
                Locale.GERMANY)).data();
    }

    @Test
    void pointersPickValueAndCapacity() throws Exception {
        OccupancyView view = refresh(widget(new String[] {"Lesesaal | /locations/0/occupied | /locations/0/seats",
                "Café | /locations/2/occupied | /locations/2/seats", "Mensa | /mensa/visitors"}));
        AreaView reading = view.areas().get(0);
        assertEquals(new AreaView("Lesesaal", 143, 180L, 37L, 79, Level.BUSY), reading);
        assertEquals(new AreaView("Café", 60, 60L, 0L, 100, Level.FULL), view.areas().get(1),
                "more people than seats: shown as full, not over 100 %");
        AreaView mensa = view.areas().get(2);
        assertEquals(512, mensa.occupied());
        assertNull(mensa.percent(), "no capacity: a count, no bar");
        assertEquals(Level.UNKNOWN, mensa.level());
    }

    @Test
    void aFreeCountWithAConstantCapacityAndTextNumbers() throws Exception {
        OccupancyView view = refresh(widget(new String[] {"Gruppenräume | /locations/1/free | 12"},
                "occupancy.value", "free"));
        assertEquals(new AreaView("Gruppenräume", 9, 12L, 3L, 75, Level.BUSY), view.areas().get(0));
    }

    @Test
    void thresholdsAreSettings() throws Exception {
        String[] reading = {"Lesesaal | /locations/0/occupied | /locations/0/seats"};
        assertEquals(Level.FREE, refresh(widget(reading, "occupancy.busy.percent", 80)).areas().get(0).level());
        assertEquals(Level.FULL, refresh(widget(reading, "occupancy.full.percent", 79)).areas().get(0).level());
    }

    @Test
    void escapedPointersFollowRfc6901() throws Exception {
        assertEquals(5, refresh(widget(new String[] {"Odd | /a~1b/c~0d | 10"})).areas().get(0).occupied());
    }

    @Test
    void aPointerThatMatchesNothingIsNamed() {
        WidgetConfigurationException error = assertThrows(WidgetConfigurationException.class,
                () -> refresh(widget(new String[] {"Lesesaal | /locations/0/occupied | 180",
                        "Archiv | /locations/7/occupied | /locations/7/seats"})));
        assertTrue(error.getMessage().startsWith("occupancy.areas[2] (Archiv): JSON Pointer /locations/7/occupied "
                + "matched nothing in the answer from http://127.0.0.1:"), error.getMessage());
    }

    @Test
    void aPointerAtSomethingElseThanANumberIsNamed() {
        WidgetConfigurationException error = assertThrows(WidgetConfigurationException.class,
                () -> refresh(widget(new String[] {"Mensa | /mensa/status | 600"})));
        assertTrue(error.getMessage().contains("JSON Pointer /mensa/status found an object, not a number"),
                error.getMessage());
        assertTrue(assertThrows(WidgetConfigurationException.class,
                () -> refresh(widget(new String[] {"Name | /locations/0/name | 10"}))).getMessage()
                .contains("found the text 'Lesesaal'"));
    }

    @Test
    void jsonSentAsTextPlainIsReadButAnHtmlPageIsNot() throws Exception {
        String[] areas = {"Lesesaal | /locations/0/occupied | /locations/0/seats"};
        assertEquals(143, refresh(widget(areas, "occupancy.url", server.uri("/plain/occupancy").toString()))
                .areas().get(0).occupied());
        assertThrows(UnexpectedContentTypeException.class,
                () -> refresh(widget(areas, "occupancy.url", server.uri("/html/occupancy").toString())));
    }

    @Test
    void areasAreCheckedWhenConfigured() {
        assertSetting("occupancy.areas[1]: 'locations/0' is not a JSON Pointer", new String[] {"A | locations/0"});
        assertSetting("occupancy.areas[2]: 'B' is not 'name | /pointer/to/value'", new String[] {"A | /a", "B"});
        assertSetting("occupancy.areas[1]: capacity 'lots' is neither", new String[] {"A | /a | lots"});
        assertSetting("occupancy.areas[1]: capacity 0 must be above 0", new String[] {"A | /a | 0"});
        assertSetting("occupancy.areas[1]: the name must have", new String[] {" | /a | 5"});
        assertSetting("occupancy.areas: give at least one area", new String[] {});
    }

    private void assertSetting(String start, String[] areas) {
        WidgetConfigurationException error = assertThrows(WidgetConfigurationException.class,
                () -> refresh(widget(areas)));
        assertTrue(error.getMessage().startsWith(start), error.getMessage());
    }

    @Test
    void otherSettingsAreChecked() {
        String[] areas = {"A | /a"};
        assertTrue(assertThrows(WidgetConfigurationException.class,
                () -> refresh(widget(areas, "occupancy.url", "file:///etc/passwd"))).getMessage()
                .startsWith("occupancy.url: "));
        assertTrue(assertThrows(WidgetConfigurationException.class,
                () -> refresh(widget(areas, "occupancy.busy.percent", 95))).getMessage()
                .startsWith("occupancy.busy.percent: 95 is above occupancy.full.percent 90"));
        assertTrue(assertThrows(WidgetConfigurationException.class,
                () -> refresh(widget(areas, "occupancy.value", "people"))).getMessage()
                .startsWith("occupancy.value: "));
    }
}
