package org.campusmirror.mirror.widgets.weather;

import java.util.Set;

/**
 * The WMO weather interpretation codes (WW) that Open-Meteo documents for {@code weather_code}, each with an icon
 * name for the renderer and words in German and English.
 */
public enum WmoCode {
    CLEAR(0, "clear", "Klar", "Clear sky"),
    MAINLY_CLEAR(1, "mostly-clear", "Überwiegend klar", "Mainly clear"),
    PARTLY_CLOUDY(2, "partly-cloudy", "Teilweise bewölkt", "Partly cloudy"),
    OVERCAST(3, "overcast", "Bedeckt", "Overcast"),
    FOG(45, "fog", "Nebel", "Fog"),
    RIME_FOG(48, "fog", "Nebel mit Raureif", "Depositing rime fog"),
    DRIZZLE_LIGHT(51, "drizzle", "Leichter Nieselregen", "Light drizzle"),
    DRIZZLE_MODERATE(53, "drizzle", "Nieselregen", "Moderate drizzle"),
    DRIZZLE_DENSE(55, "drizzle", "Starker Nieselregen", "Dense drizzle"),
    FREEZING_DRIZZLE_LIGHT(56, "freezing-rain", "Leichter gefrierender Nieselregen", "Light freezing drizzle"),
    FREEZING_DRIZZLE_DENSE(57, "freezing-rain", "Starker gefrierender Nieselregen", "Dense freezing drizzle"),
    RAIN_SLIGHT(61, "rain", "Leichter Regen", "Slight rain"),
    RAIN_MODERATE(63, "rain", "Regen", "Moderate rain"),
    RAIN_HEAVY(65, "rain", "Starker Regen", "Heavy rain"),
    FREEZING_RAIN_LIGHT(66, "freezing-rain", "Leichter gefrierender Regen", "Light freezing rain"),
    FREEZING_RAIN_HEAVY(67, "freezing-rain", "Starker gefrierender Regen", "Heavy freezing rain"),
    SNOW_SLIGHT(71, "snow", "Leichter Schneefall", "Slight snow fall"),
    SNOW_MODERATE(73, "snow", "Schneefall", "Moderate snow fall"),
    SNOW_HEAVY(75, "snow", "Starker Schneefall", "Heavy snow fall"),
    SNOW_GRAINS(77, "snow", "Schneegriesel", "Snow grains"),
    RAIN_SHOWERS_SLIGHT(80, "rain-showers", "Leichte Regenschauer", "Slight rain showers"),
    RAIN_SHOWERS_MODERATE(81, "rain-showers", "Regenschauer", "Moderate rain showers"),
    RAIN_SHOWERS_VIOLENT(82, "rain-showers", "Heftige Regenschauer", "Violent rain showers"),
    SNOW_SHOWERS_SLIGHT(85, "snow-showers", "Leichte Schneeschauer", "Slight snow showers"),
    SNOW_SHOWERS_HEAVY(86, "snow-showers", "Starke Schneeschauer", "Heavy snow showers"),
    THUNDERSTORM(95, "thunder", "Gewitter", "Thunderstorm"),
    THUNDERSTORM_SLIGHT_HAIL(96, "hail", "Gewitter mit leichtem Hagel", "Thunderstorm with slight hail"),
    THUNDERSTORM_HEAVY_HAIL(99, "hail", "Gewitter mit starkem Hagel", "Thunderstorm with heavy hail");

    /** Icons that have a night form (moon instead of sun). */
    private static final Set<String> NIGHT_FORMS = Set.of("clear", "mostly-clear",
            "partly-cloudy", "rain-showers", "snow-showers");

    private final int code;
    private final String icon;
    private final String german;
    private final String english;

    WmoCode(int code, String icon, String german, String english) {
        this.code = code;
        this.icon = icon;
        this.german = german;
        this.english = english;
    }

    public int code() {
        return code;
    }

    /** The condition for a code, in its day or night form; a code not in the table gives icon {@code unknown}. */
    static Condition condition(Integer code, boolean day) {
        if (code == null) {
            return null;
        }
        for (WmoCode known : values()) {
            if (known.code == code) {
                String icon = !day && NIGHT_FORMS.contains(known.icon) ? known.icon + "-night" : known.icon;
                return new Condition(code, icon, known.german, known.english);
            }
        }
        return new Condition(code, "unknown", "Unbekannt (Code " + code + ")", "Unknown (code " + code + ")");
    }

    /**
     * A weather condition as the tile shows it.
     *
     * @param code the WMO code
     * @param icon the renderer's icon name, e.g. {@code partly-cloudy-night}
     * @param de   the words in German
     * @param en   the words in English
     */
    public record Condition(int code, String icon, String de, String en) {
    }
}
