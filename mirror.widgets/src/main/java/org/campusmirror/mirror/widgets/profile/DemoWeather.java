package org.campusmirror.mirror.widgets.profile;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.campusmirror.mirror.widgets.http.Json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo's Open-Meteo forecast, timed at serve time in the mirror's zone: local times without offset plus
 * {@code utc_offset_seconds}, as Open-Meteo sends them; temperatures follow the season and the hour.
 */
final class DemoWeather {
    private static final int[] CODES = {2, 61, 3, 1, 80, 0, 71, 45, 95, 53};
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    byte[] forecast(Instant now, ZoneId zone, int days) throws IOException {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime interval = local.withMinute(local.getMinute() / 15 * 15).withSecond(0).withNano(0);
        LocalDate today = local.toLocalDate();
        double seasonal = 9 - 10 * Math.cos(2 * Math.PI * (today.getDayOfYear() - 15) / 365.0);
        double daily = 4 * Math.sin(2 * Math.PI * (local.getHour() - 9) / 24.0);
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("latitude", 52.14).put("longitude", 11.64).put("utc_offset_seconds", local.getOffset()
                .getTotalSeconds()).put("timezone", zone.getId());
        boolean day = local.getHour() >= 7 && local.getHour() < 18;
        int code = CODES[Math.floorMod(today.getDayOfYear(), CODES.length)];
        root.putObject("current").put("time", LOCAL.format(interval)).put("interval", 900)
                .put("temperature_2m", round(seasonal + daily)).put("apparent_temperature", round(seasonal + daily - 2.5))
                .put("weather_code", code).put("is_day", day ? 1 : 0).put("wind_speed_10m", 12.4)
                .put("relative_humidity_2m", 71);
        ObjectNode block = root.putObject("daily");
        ArrayNode time = block.putArray("time");
        ArrayNode codes = block.putArray("weather_code");
        ArrayNode max = block.putArray("temperature_2m_max");
        ArrayNode min = block.putArray("temperature_2m_min");
        ArrayNode rain = block.putArray("precipitation_probability_max");
        for (int i = 0; i < Math.max(1, Math.min(days, 16)); i++) {
            LocalDate date = today.plusDays(i);
            int dayCode = CODES[Math.floorMod(date.getDayOfYear(), CODES.length)];
            double wobble = 2.5 * Math.sin(date.getDayOfYear());
            time.add(date.toString());
            codes.add(dayCode);
            max.add(round(seasonal + 4 + wobble));
            min.add(round(seasonal - 4 + wobble));
            rain.add(dayCode >= 51 ? 60 + Math.floorMod(date.getDayOfYear() * 7, 35) : Math.floorMod(date.getDayOfYear(), 15));
        }
        return Json.mapper().writeValueAsBytes(root);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
