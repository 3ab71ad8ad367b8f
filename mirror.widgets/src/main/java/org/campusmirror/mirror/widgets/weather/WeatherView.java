package org.campusmirror.mirror.widgets.weather;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.campusmirror.mirror.widgets.weather.WmoCode.Condition;

/**
 * What the weather tile shows: now, and a few days ahead. Missing values (Open-Meteo sends null) stay null.
 *
 * @param location        the configured place name, or empty
 * @param temperatureUnit {@code °C} or {@code °F}
 * @param current         the current conditions
 * @param days            today and the next days
 */
public record WeatherView(String location, String temperatureUnit, Current current, List<Day> days) {

    /**
     * @param time        the start of the current interval, as an instant (local time plus utc_offset_seconds)
     * @param temperature air temperature at 2 m
     * @param feelsLike   apparent temperature
     * @param condition   the WMO condition, in its night form after dark
     * @param windKmh     wind speed at 10 m in km/h
     * @param humidity    relative humidity in percent
     */
    public record Current(Instant time, Double temperature, Double feelsLike, Condition condition, Double windKmh,
            Integer humidity) {
    }

    /**
     * @param date                     the day in the forecast's zone
     * @param condition                the day's most significant WMO condition
     * @param max                      the highest temperature
     * @param min                      the lowest temperature
     * @param precipitationProbability the highest chance of precipitation, percent
     */
    public record Day(LocalDate date, Condition condition, Double max, Double min, Integer precipitationProbability) {
    }
}
