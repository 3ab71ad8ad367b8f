package org.campusmirror.mirror.widgets.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.common.ConfigProxy;
import org.campusmirror.mirror.widgets.common.TestContext;
import org.campusmirror.mirror.widgets.http.HttpFetcherSettings;
import org.campusmirror.mirror.widgets.http.HttpTestServer;
import org.campusmirror.mirror.widgets.http.MalformedBodyException;
import org.campusmirror.mirror.widgets.http.PoliteHttpFetcher;
import org.campusmirror.mirror.widgets.weather.WmoCode.Condition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The weather widget against Open-Meteo fixtures on a loopback server. */
class WeatherWidgetTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpTestServer server = new HttpTestServer();
    private final PoliteHttpFetcher fetcher = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)));

    WeatherWidgetTest() throws IOException {
    }

    @AfterEach
    void close() {
        fetcher.close();
        server.close();
    }

    private WeatherWidget widget(Object... more) {
        Object[] base = {"weather.latitude", 52.1394, "weather.longitude", 11.645, "weather.location", "Magdeburg",
                "weather.base.url", server.uri("").toString()};
        Object[] properties = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, properties, base.length, more.length);
        return new WeatherWidget(ConfigProxy.of(WeatherWidget.Config.class, properties), fetcher);
    }

    private static WeatherView refresh(WeatherWidget widget) throws Exception {
        return (WeatherView) widget.refresh(TestContext.at("2026-11-24T17:05:00Z", BERLIN, Locale.GERMANY)).data();
    }

    @Test
    void currentConditionsAndTheForecastAreRead() throws Exception {
        server.resource("/v1/forecast", JSON, "weather/forecast-winter.json");
        WeatherView view = refresh(widget());
        assertEquals("Magdeburg", view.location());
        assertEquals("°C", view.temperatureUnit());
        assertEquals(4.2, view.current().temperature());
        assertEquals(0.9, view.current().feelsLike());
        assertEquals(new Condition(3, "overcast", "Bedeckt", "Overcast"), view.current().condition());
        assertEquals(87, view.current().humidity());
        assertEquals(4, view.days().size(), "weather.days defaults to 4");
        assertEquals(LocalDate.of(2026, 11, 25), view.days().get(1).date());
        assertEquals("rain", view.days().get(1).condition().icon());
        assertEquals("Leichter Regen", view.days().get(1).condition().de());
        assertEquals(-2.3, view.days().get(2).min());
        assertEquals(85, view.days().get(1).precipitationProbability());
    }

    @Test
    void theLocalTimeBecomesAnInstantWithTheUtcOffset() throws Exception {
        server.resource("/v1/forecast", JSON, "weather/forecast-winter.json");
        assertEquals(Instant.parse("2026-11-24T17:00:00Z"), refresh(widget()).current().time());
        server.close();
        try (HttpTestServer summer = new HttpTestServer()) {
            summer.resource("/v1/forecast", JSON, "weather/forecast-summer.json");
            WeatherWidget widget = widget("weather.base.url", summer.uri("").toString());
            assertEquals(Instant.parse("2026-07-02T12:15:00Z"), refresh(widget).current().time(), "CEST, +2 h");
        }
    }

    @Test
    void theRequestUsesCurrentAndDailyNotCurrentWeather() throws Exception {
        server.resource("/v1/forecast", JSON, "weather/forecast-winter.json");
        refresh(widget("weather.days", 5, "weather.units", "fahrenheit"));
        String query = server.requests().get(0).uri().getQuery();
        assertTrue(query.contains("current=temperature_2m,apparent_temperature,weather_code,is_day"), query);
        assertTrue(query.contains("daily=weather_code,temperature_2m_max,temperature_2m_min"), query);
        assertFalse(query.contains("current_weather"), query);
        assertTrue(query.contains("timezone=Europe/Berlin"), query);
        assertTrue(query.contains("forecast_days=5"), query);
        assertTrue(query.contains("temperature_unit=fahrenheit"), query);
        assertTrue(query.contains("latitude=52.1394&longitude=11.6450"), query);
    }

    @Test
    void nightTurnsTheIconAndNullsStayNull() throws Exception {
        String night = new String(HttpTestServer.resourceBytes("weather/forecast-winter.json"), StandardCharsets.UTF_8)
                .replace("\"weather_code\":3,", "\"weather_code\":0,");
        server.fixture("/v1/forecast", JSON, night.getBytes(StandardCharsets.UTF_8));
        WeatherView view = refresh(widget("weather.days", 5));
        assertEquals("clear-night", view.current().condition().icon());
        assertNull(view.days().get(4).condition());
        assertNull(view.days().get(4).max());
        assertNull(view.days().get(4).precipitationProbability());
    }

    @Test
    void theWmoTableIsCompleteAndUnknownCodesAreNamed() {
        int[] documented = {0, 1, 2, 3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80, 81, 82, 85,
                86, 95, 96, 99};
        Set<Integer> table = new HashSet<>();
        for (WmoCode code : WmoCode.values()) {
            table.add(code.code());
            Condition condition = WmoCode.condition(code.code(), true);
            assertFalse(condition.de().isBlank());
            assertFalse(condition.en().isBlank());
            assertFalse(condition.icon().equals("unknown"));
        }
        assertEquals(Arrays.stream(documented).boxed().collect(java.util.stream.Collectors.toSet()), table);
        Condition odd = WmoCode.condition(42, true);
        assertEquals("unknown", odd.icon());
        assertEquals("Unknown (code 42)", odd.en());
        assertEquals("thunder", WmoCode.condition(95, false).icon(), "no night form for a thunderstorm");
        assertEquals("partly-cloudy-night", WmoCode.condition(2, false).icon());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"utc_offset_seconds\":3600,\"current_weather\":{\"temperature\":4.2,\"weathercode\":3}}",
            "{\"utc_offset_seconds\":3600,\"current\":{\"time\":\"yesterday\"},\"daily\":{\"time\":[]}}",
            "{\"current\":{\"time\":\"2026-11-24T18:00\"},\"daily\":{\"time\":[]}}",
            "{\"utc_offset_seconds\":3600,\"current\":{\"time\":\"2026-11-24T18:00\"},"
                    + "\"daily\":{\"time\":[\"2026-11-24\",\"2026-11-25\"],\"weather_code\":[3]}}",
            "[1,2,3]"})
    void anAnswerOfTheWrongShapeIsMalformedAndSaysWhy(String body) {
        server.fixture("/v1/forecast", JSON, body.getBytes(StandardCharsets.UTF_8));
        MalformedBodyException malformed = assertThrows(MalformedBodyException.class, () -> refresh(widget()));
        assertTrue(malformed.getMessage().startsWith("unexpected answer from http://127.0.0.1:"),
                malformed.getMessage());
    }

    @Test
    void settingsAreCheckedAndMessagesNameThem() {
        for (List<Object> bad : List.<List<Object>>of(List.of("weather.latitude", 91.0),
                List.of("weather.longitude", -181.0), List.of("weather.days", 0), List.of("weather.units", "kelvin"),
                List.of("weather.timezone", "Mars/Olympus"), List.of("weather.base.url", "jar:file:/x!/"))) {
            WidgetConfigurationException error = assertThrows(WidgetConfigurationException.class,
                    () -> refresh(widget(bad.get(0), bad.get(1))));
            assertTrue(error.getMessage().startsWith(bad.get(0) + ": "), error.getMessage());
        }
    }
}
