package org.campusmirror.mirror.widgets.weather;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.campusmirror.mirror.widgets.http.FetchRequest;
import org.campusmirror.mirror.widgets.http.FetchResponse;
import org.campusmirror.mirror.widgets.http.HttpFetcher;
import org.campusmirror.mirror.widgets.http.HttpUrls;
import org.campusmirror.mirror.widgets.http.Json;
import org.campusmirror.mirror.widgets.http.MalformedBodyException;
import org.campusmirror.mirror.widgets.weather.WeatherView.Current;
import org.campusmirror.mirror.widgets.weather.WeatherView.Day;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Open-Meteo forecast API with {@code current=} and {@code daily=} (not the old {@code current_weather}).
 * Times come as local times without offset: {@code utc_offset_seconds} turns them into instants.
 */
final class OpenMeteo {
    static final String CURRENT = "temperature_2m,apparent_temperature,weather_code,is_day,wind_speed_10m,"
            + "relative_humidity_2m";
    static final String DAILY = "weather_code,temperature_2m_max,temperature_2m_min,precipitation_probability_max";
    private static final long MAX_BYTES = 256 * 1024;

    private final HttpFetcher http;
    private final WeatherSettings settings;

    OpenMeteo(HttpFetcher http, WeatherSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    URI uri(ZoneId mirrorZone) {
        ZoneId zone = settings.zone() != null ? settings.zone() : mirrorZone;
        return URI.create(settings.baseUrl() + "/v1/forecast?latitude=" + coordinate(settings.latitude())
                + "&longitude=" + coordinate(settings.longitude()) + "&current=" + CURRENT + "&daily=" + DAILY
                + "&timezone=" + URLEncoder.encode(zone.getId(), StandardCharsets.UTF_8)
                + "&forecast_days=" + settings.days() + "&wind_speed_unit=kmh"
                + (settings.fahrenheit() ? "&temperature_unit=fahrenheit" : ""));
    }

    WeatherView forecast(ZoneId mirrorZone) throws IOException {
        URI uri = uri(mirrorZone);
        FetchResponse response = http.fetch(FetchRequest.get(uri).withAccept("application/json")
                .withMaxBytes(MAX_BYTES));
        JsonNode root = Json.tree(response);
        JsonNode offsetNode = root.path("utc_offset_seconds");
        if (!offsetNode.canConvertToInt() || Math.abs(offsetNode.asInt()) > 18 * 3600) {
            throw malformed(uri, "no utc_offset_seconds");
        }
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetNode.asInt());
        return new WeatherView(settings.location(), settings.fahrenheit() ? "°F" : "°C",
                current(uri, root.path("current"), offset), days(uri, root.path("daily")));
    }

    private static Current current(URI uri, JsonNode current, ZoneOffset offset) throws MalformedBodyException {
        if (!current.isObject()) {
            throw malformed(uri, "no 'current' block (is the server an old one that only knows current_weather?)");
        }
        Instant time;
        try {
            time = LocalDateTime.parse(current.path("time").asText("")).toInstant(offset);
        } catch (DateTimeException e) {
            throw malformed(uri, "current.time '" + shorten(current.path("time").asText("")) + "' is not a local time");
        }
        boolean day = current.path("is_day").asInt(1) != 0;
        return new Current(time, number(current.get("temperature_2m")), number(current.get("apparent_temperature")),
                WmoCode.condition(integer(current.get("weather_code")), day), number(current.get("wind_speed_10m")),
                integer(current.get("relative_humidity_2m")));
    }

    private List<Day> days(URI uri, JsonNode daily) throws MalformedBodyException {
        JsonNode dates = daily.path("time");
        if (!dates.isArray()) {
            throw malformed(uri, "no 'daily' block with times");
        }
        String[] columns = {"weather_code", "temperature_2m_max", "temperature_2m_min", "precipitation_probability_max"};
        for (String column : columns) {
            JsonNode values = daily.path(column);
            if (!values.isMissingNode() && (!values.isArray() || values.size() != dates.size())) {
                throw malformed(uri, "daily." + column + " has " + values.size() + " values for " + dates.size()
                        + " days");
            }
        }
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < dates.size() && days.size() < settings.days(); i++) {
            LocalDate date;
            try {
                date = LocalDate.parse(dates.get(i).asText(""));
            } catch (DateTimeException e) {
                throw malformed(uri, "daily.time '" + shorten(dates.get(i).asText("")) + "' is not a date");
            }
            days.add(new Day(date, WmoCode.condition(integer(daily.path("weather_code").get(i)), true),
                    number(daily.path("temperature_2m_max").get(i)), number(daily.path("temperature_2m_min").get(i)),
                    integer(daily.path("precipitation_probability_max").get(i))));
        }
        return List.copyOf(days);
    }

    private static Double number(JsonNode node) {
        return node != null && node.isNumber() && Double.isFinite(node.asDouble()) ? node.asDouble() : null;
    }

    private static Integer integer(JsonNode node) {
        return node != null && node.isNumber() ? (int) Math.round(node.asDouble()) : null;
    }

    private static MalformedBodyException malformed(URI uri, String what) {
        return new MalformedBodyException("unexpected answer from " + HttpUrls.forDisplay(uri) + ": " + what, null);
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
