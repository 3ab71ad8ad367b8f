package org.campusmirror.mirror.widgets.canteen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.canteen.CanteenView.MealView;
import org.campusmirror.mirror.widgets.canteen.CanteenView.Status;
import org.campusmirror.mirror.widgets.common.ConfigProxy;
import org.campusmirror.mirror.widgets.common.TestContext;
import org.campusmirror.mirror.widgets.http.HttpFetcherSettings;
import org.campusmirror.mirror.widgets.http.HttpTestServer;
import org.campusmirror.mirror.widgets.http.PoliteHttpFetcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The canteen widget against OpenMensa fixtures on a loopback server, at pinned times in Berlin. */
class CanteenWidgetTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpTestServer server = new HttpTestServer();
    private final PoliteHttpFetcher fetcher = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)));

    CanteenWidgetTest() throws IOException {
        server.resource("/api/v2/canteens/1/days", JSON, "canteen/days.json");
        server.route("/api/v2/canteens/1/days/", exchange -> {
            String date = exchange.getRequestURI().getPath().split("/")[6];
            if (CanteenWidgetTest.class.getClassLoader().getResource("canteen/meals-" + date + ".json") == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                HttpTestServer.send(exchange, 200, JSON, HttpTestServer.resourceBytes("canteen/meals-" + date + ".json"));
            }
        });
        server.resource("/api/v2/canteens/1", JSON, "canteen/canteen.json");
    }

    @AfterEach
    void close() {
        fetcher.close();
        server.close();
    }

    private CanteenWidget widget(Object... more) {
        Object[] properties = new Object[more.length + 4];
        properties[0] = "canteen.id";
        properties[1] = 1;
        properties[2] = "canteen.base.url";
        properties[3] = server.uri("/api/v2/").toString();
        System.arraycopy(more, 0, properties, 4, more.length);
        return new CanteenWidget(ConfigProxy.of(CanteenWidget.Config.class, properties), fetcher);
    }

    private static CanteenView refresh(CanteenWidget widget, String instant) throws Exception {
        return (CanteenView) widget.refresh(TestContext.at(instant, BERLIN, Locale.GERMANY)).data();
    }

    @Test
    void beforeTheSwitchTimeTodaysMealsShowWithStudentPricesAndIcons() throws Exception {
        CanteenView view = refresh(widget(), "2026-11-24T09:00:00Z");
        assertEquals("Mensa UniCampus Magdeburg", view.canteen());
        assertEquals(LocalDate.of(2026, 11, 24), view.date());
        assertEquals(Status.OPEN, view.status());
        assertEquals("students", view.role());
        assertEquals(6, view.meals().size());
        MealView chicken = view.meals().get(0);
        assertEquals("Hähnchenbrust in Sesampanade", chicken.name());
        assertEquals("Schneller Teller", chicken.category());
        assertEquals(new BigDecimal("2.85"), chicken.price());
        assertEquals(List.of(DietaryNote.POULTRY, DietaryNote.GLUTEN), chicken.icons());
        assertEquals(List.of("Geflügel", "Sesam", "Weizen"), chicken.notes());
        assertEquals(List.of(DietaryNote.VEGAN, DietaryNote.SOY), view.meals().get(1).icons());
        assertEquals(List.of(DietaryNote.VEGETARIAN, DietaryNote.GLUTEN, DietaryNote.MILK, DietaryNote.EGG),
                view.meals().get(2).icons());
        assertEquals(List.of(DietaryNote.GAME, DietaryNote.ALCOHOL), view.meals().get(3).icons());
        assertEquals("Seelachsfilet <b>gebacken</b> mit Remoulade", view.meals().get(5).name(),
                "markup stays text; the page shows it with textContent");
    }

    @Test
    void aNullPriceMeansNotOfferedToThatGroup() throws Exception {
        CanteenView students = refresh(widget(), "2026-11-24T09:00:00Z");
        assertNull(students.meals().get(3).price(), "the game dish is not offered to students");
        CanteenView pupils = refresh(widget("canteen.price.role", "pupils"), "2026-11-24T09:00:00Z");
        assertNull(pupils.meals().get(0).price());
        assertEquals(new BigDecimal("2.6"), pupils.meals().get(1).price());
    }

    @Test
    void fromTheSwitchTimeTomorrowShowsAndSingularPriceKeysAreRead() throws Exception {
        CanteenView view = refresh(widget("canteen.price.role", "employees"), "2026-11-24T15:00:00Z");
        assertEquals(LocalDate.of(2026, 11, 25), view.date());
        assertEquals(new BigDecimal("4.8"), view.meals().get(0).price(), "key 'employee'");
        assertNull(view.meals().get(1).price());
        assertEquals(List.of(DietaryNote.PORK), view.meals().get(0).icons());
        CanteenView students = refresh(widget(), "2026-11-24T15:00:00Z");
        assertEquals(new BigDecimal("2.20"), students.meals().get(1).price(), "a price written as text '2,20'");
    }

    @Test
    void theSwitchTimeIsASetting() throws Exception {
        assertEquals(LocalDate.of(2026, 11, 24),
                refresh(widget("canteen.switch.time", "18:30"), "2026-11-24T17:29:00Z").date());
        assertEquals(LocalDate.of(2026, 11, 25),
                refresh(widget("canteen.switch.time", "18:30"), "2026-11-24T17:30:00Z").date());
    }

    @Test
    void aClosedDayMovesToTheNextOpenDayAndSaysSo() throws Exception {
        CanteenView view = refresh(widget(), "2026-11-25T16:00:00Z");
        assertEquals(LocalDate.of(2026, 11, 26), view.wanted());
        assertEquals(LocalDate.of(2026, 11, 27), view.date());
        assertEquals(List.of(LocalDate.of(2026, 11, 26)), view.closedDates());
        assertEquals("Rindergulasch mit Nudeln", view.meals().get(0).name());
    }

    @Test
    void aDayWithoutPlanAnswers404AndShowsNoPlan() throws Exception {
        CanteenView view = refresh(widget(), "2026-11-28T09:00:00Z");
        assertEquals(Status.NO_PLAN, view.status());
        assertEquals(LocalDate.of(2026, 11, 30), view.date());
        assertEquals(List.of(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 29)), view.closedDates());
        assertTrue(view.meals().isEmpty());
    }

    @Test
    void closedForAWeekShowsClosed() throws Exception {
        server.resource("/api/v2/canteens/2/days", JSON, "canteen/days-all-closed.json");
        server.resource("/api/v2/canteens/2", JSON, "canteen/canteen.json");
        CanteenView view = refresh(widget("canteen.id", 2), "2026-12-22T09:00:00Z");
        assertEquals(Status.CLOSED, view.status());
        assertEquals(8, view.closedDates().size(), "the wanted day and the 7 after it");
        assertEquals(0, server.count("/api/v2/canteens/2/days/"), "no meals asked for a closed canteen");
    }

    @Test
    void categoryFiltersIncludeAndExcludeIgnoringCase() throws Exception {
        CanteenView excluded = refresh(widget("canteen.categories.exclude", new String[] {"beilagen", " Aktionsessen "}),
                "2026-11-24T09:00:00Z");
        assertEquals(4, excluded.meals().size());
        assertTrue(excluded.meals().stream().noneMatch(meal -> meal.category().equals("Beilagen")));
        CanteenView included = refresh(widget("canteen.categories.include", new String[] {"ESSEN 1", "Essen 2"}),
                "2026-11-24T09:00:00Z");
        assertEquals(List.of("Essen 1", "Essen 2"), included.meals().stream().map(MealView::category).toList());
    }

    @Test
    void mealsOverTheLimitAreCounted() throws Exception {
        CanteenView view = refresh(widget("canteen.max.meals", 2), "2026-11-24T09:00:00Z");
        assertEquals(2, view.meals().size());
        assertEquals(4, view.moreMeals());
    }

    @Test
    void daysArePagedByLinkHeader() throws Exception {
        server.route("/api/v2/canteens/3/days", exchange -> {
            boolean second = "page=2".equals(exchange.getRequestURI().getQuery());
            if (!second) {
                exchange.getResponseHeaders().set("Link", "</api/v2/canteens/3/days?page=2>; rel=\"next\"");
            }
            HttpTestServer.send(exchange, 200, JSON,
                    HttpTestServer.resourceBytes(second ? "canteen/days-page2.json" : "canteen/days-page1.json"));
        });
        server.resource("/api/v2/canteens/3/days/2026-11-24/meals", JSON, "canteen/meals-2026-11-24.json");
        server.resource("/api/v2/canteens/3", JSON, "canteen/canteen.json");
        CanteenView view = refresh(widget("canteen.id", 3), "2026-11-24T09:00:00Z");
        assertEquals(Status.OPEN, view.status());
        assertEquals(LocalDate.of(2026, 11, 24), view.date());
        assertEquals(2, server.requests().stream().filter(r -> r.uri().getPath().equals("/api/v2/canteens/3/days"))
                .count());
    }

    @Test
    void daysArePagedByTotalPagesWhenThereIsNoLink() throws Exception {
        server.route("/api/v2/canteens/4/days", exchange -> {
            boolean second = "page=2".equals(exchange.getRequestURI().getQuery());
            exchange.getResponseHeaders().set("X-Total-Pages", "2");
            HttpTestServer.send(exchange, 200, JSON,
                    HttpTestServer.resourceBytes(second ? "canteen/days-page2.json" : "canteen/days-page1.json"));
        });
        server.resource("/api/v2/canteens/4/days/2026-11-25/meals", JSON, "canteen/meals-2026-11-25.json");
        server.resource("/api/v2/canteens/4", JSON, "canteen/canteen.json");
        CanteenView view = refresh(widget("canteen.id", 4), "2026-11-25T09:00:00Z");
        assertEquals(LocalDate.of(2026, 11, 25), view.date());
        assertEquals("Schweinebraten mit Kartoffelklößen", view.meals().get(0).name());
    }

    @Test
    void anUnknownCanteenIsAConfigurationError() {
        server.status("/api/v2/canteens/999", 404, Map.of());
        WidgetConfigurationException error = assertThrows(WidgetConfigurationException.class,
                () -> refresh(widget("canteen.id", 999), "2026-11-24T09:00:00Z"));
        assertTrue(error.getMessage().startsWith("canteen.id: "), error.getMessage());
        assertTrue(error.getMessage().contains("knows no canteen 999"), error.getMessage());
    }

    @Test
    void settingsAreCheckedAndMessagesNameThem() {
        assertSetting("canteen.price.role", widget("canteen.price.role", "professors"));
        assertSetting("canteen.switch.time", widget("canteen.switch.time", "4pm"));
        assertSetting("canteen.base.url", widget("canteen.base.url", "file:///etc/passwd"));
        assertSetting("canteen.id", widget("canteen.id", 0));
        assertSetting("canteen.max.meals", widget("canteen.max.meals", 0));
        assertSetting("widget.region", widget("widget.region", "left"));
    }

    private static void assertSetting(String setting, CanteenWidget widget) {
        WidgetConfigurationException error = assertThrows(WidgetConfigurationException.class,
                () -> refresh(widget, "2026-11-24T09:00:00Z"));
        assertTrue(error.getMessage().startsWith(setting + ": "), error.getMessage());
    }

    @Test
    void theBaseUrlMayEndWithOrWithoutSlash() throws Exception {
        CanteenWidget widget = widget("canteen.base.url", URI.create(server.uri("/api/v2").toString()).toString());
        assertEquals(Status.OPEN, refresh(widget, "2026-11-24T09:00:00Z").status());
    }

    @Test
    void dietaryNotesAreRecognisedInGermanAndEnglish() {
        assertEquals(List.of(DietaryNote.VEGAN), DietaryNote.of(List.of("vegan", "vegetarian")));
        assertEquals(List.of(DietaryNote.BEEF, DietaryNote.FISH), DietaryNote.of(List.of("beef", "Fisch")));
        assertEquals(List.of(), DietaryNote.of(List.of("Farbstoff", "Schweiß")), "no false 'Ei' or 'Schwein'");
        assertEquals(List.of(DietaryNote.ORGANIC), DietaryNote.of(List.of("Bio")));
    }
}
