package org.campusmirror.mirror.widgets.clock;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

import org.campusmirror.mirror.widget.WidgetConfigurationException;

/** The clock's configuration, checked; {@code zone} null means the mirror's zone. */
record ClockSettings(ZoneId zone, boolean hour12, boolean seconds, boolean showDate, boolean showWeek) {

    static ClockSettings of(ClockWidget.Config config, ZoneId mirrorZone) throws WidgetConfigurationException {
        ZoneId zone = mirrorZone;
        String configured = config.clock_zone() == null ? "" : config.clock_zone().strip();
        if (!configured.isEmpty()) {
            try {
                zone = ZoneId.of(configured);
            } catch (DateTimeException e) {
                throw new WidgetConfigurationException("clock.zone: '" + configured + "' is not a time zone; use an "
                        + "IANA name such as Europe/Berlin, or leave it empty for the mirror's zone");
            }
        }
        String cycle = config.clock_hour_cycle() == null ? "" : config.clock_hour_cycle().strip().toLowerCase(Locale.ROOT);
        boolean hour12;
        switch (cycle) {
            case "24h", "24", "" -> hour12 = false;
            case "12h", "12" -> hour12 = true;
            default -> throw new WidgetConfigurationException("clock.hour.cycle: '" + config.clock_hour_cycle()
                    + "'; use 24h or 12h");
        }
        return new ClockSettings(zone, hour12, config.clock_seconds(), config.clock_show_date(),
                config.clock_show_week());
    }
}
