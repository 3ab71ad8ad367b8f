package org.campusmirror.mirror.widgets.weather;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.common.SettingChecks;
import org.campusmirror.mirror.widgets.common.TileSettings;

/** A weather configuration, checked; every message names the setting. */
record WeatherSettings(String baseUrl, double latitude, double longitude, String location, int days,
        boolean fahrenheit, ZoneId zone) {

    static WeatherSettings of(WeatherWidget.Config config) throws WidgetConfigurationException {
        TileSettings.check(config.widget_title(), config.widget_region(), config.widget_page(),
                config.widget_refresh_seconds());
        String base = SettingChecks.baseUrl("weather.base.url", config.weather_base_url());
        double latitude = SettingChecks.range("weather.latitude", config.weather_latitude(), -90, 90);
        double longitude = SettingChecks.range("weather.longitude", config.weather_longitude(), -180, 180);
        int days = (int) SettingChecks.range("weather.days", config.weather_days(), 1, 7);
        String units = config.weather_units() == null ? "" : config.weather_units().strip();
        if (!units.equals("celsius") && !units.equals("fahrenheit")) {
            throw new WidgetConfigurationException("weather.units: '" + units + "' is neither celsius nor fahrenheit");
        }
        ZoneId zone = null;
        String zoneText = config.weather_timezone() == null ? "" : config.weather_timezone().strip();
        if (!zoneText.isEmpty()) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                throw new WidgetConfigurationException("weather.timezone: '" + zoneText
                        + "' is not a time zone like Europe/Berlin");
            }
        }
        String location = config.weather_location() == null ? "" : config.weather_location().strip();
        return new WeatherSettings(base, latitude, longitude, location, days, units.equals("fahrenheit"), zone);
    }
}
