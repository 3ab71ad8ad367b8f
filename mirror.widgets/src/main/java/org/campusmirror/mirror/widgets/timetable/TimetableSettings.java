package org.campusmirror.mirror.widgets.timetable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.campusmirror.mirror.widget.WidgetConfigurationException;

/**
 * A timetable configuration, checked: every message names the setting, as the console shows it.
 *
 * @param sources    the feeds, in the configured order
 * @param days       how many days to show, today included
 * @param maxEntries how many entries the tile shows at most
 * @param maxBytes   the size limit of one feed
 */
record TimetableSettings(List<CalendarSource> sources, int days, int maxEntries, long maxBytes) {
    static final int MAX_DAYS = 14;
    static final int MAX_ENTRIES = 200;
    static final int MAX_SOURCES = 10;
    static final long MAX_FEED_BYTES = 20L << 20;

    static TimetableSettings of(TimetableWidget.Config config, Path home) throws WidgetConfigurationException {
        int days = config.timetable_days();
        if (days < 1 || days > MAX_DAYS) {
            throw new WidgetConfigurationException("timetable.days: " + days + " is out of range; use 1 to "
                    + MAX_DAYS);
        }
        int maxEntries = config.timetable_max_entries();
        if (maxEntries < 1 || maxEntries > MAX_ENTRIES) {
            throw new WidgetConfigurationException("timetable.max.entries: " + maxEntries
                    + " is out of range; use 1 to " + MAX_ENTRIES);
        }
        long maxBytes = config.timetable_max_bytes();
        if (maxBytes < 1024 || maxBytes > MAX_FEED_BYTES) {
            throw new WidgetConfigurationException("timetable.max.bytes: " + maxBytes + " is out of range; use 1024"
                    + " to " + MAX_FEED_BYTES);
        }
        String[] configured = config.timetable_sources();
        List<CalendarSource> sources = new ArrayList<>();
        if (configured != null) {
            for (String value : configured) {
                if (value != null && !value.isBlank()) {
                    sources.add(CalendarSource.parse("timetable.sources", value, home, maxBytes));
                }
            }
        }
        if (sources.isEmpty()) {
            throw new WidgetConfigurationException("timetable.sources: give at least one iCal URL (http or https) "
                    + "or a file in " + CalendarSource.FOLDER + "/ of the mirror's home folder");
        }
        if (sources.size() > MAX_SOURCES) {
            throw new WidgetConfigurationException("timetable.sources: " + sources.size() + " feeds; at most "
                    + MAX_SOURCES);
        }
        return new TimetableSettings(List.copyOf(sources), days, maxEntries, maxBytes);
    }
}
