package org.campusmirror.mirror.widgets.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * The clock's settings and the date at the refresh. The page ticks the time itself (every second or minute); the
 * date, week and their texts here are what the refresh saw, and the page recomputes them as the day changes.
 *
 * @param zone      the IANA zone the clock shows
 * @param hour12    12-hour clock (with AM/PM) instead of 24-hour
 * @param seconds   whether seconds are shown
 * @param showDate  whether the date is shown
 * @param showWeek  whether the ISO calendar week is shown
 * @param date      today in {@code zone}
 * @param week      the ISO week of {@code date} (1-53)
 * @param weekLabel "KW 42" in German, "Week 42" in English
 * @param dateText  the date in words for the mirror's locale, e.g. "Montag, 12. Oktober 2026"
 */
public record ClockView(String zone, boolean hour12, boolean seconds, boolean showDate, boolean showWeek,
                        LocalDate date, int week, String weekLabel, String dateText) {

    static ClockView of(ClockSettings settings, Instant now, Locale locale) {
        ZoneId zone = settings.zone();
        LocalDate date = now.atZone(zone).toLocalDate();
        int week = date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        String label = ("de".equals(locale.getLanguage()) ? "KW " : "Week ") + week;
        String text = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
        return new ClockView(zone.getId(), settings.hour12(), settings.seconds(), settings.showDate(),
                settings.showWeek(), date, week, label, text);
    }
}
