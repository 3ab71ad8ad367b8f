package org.campusmirror.mirror.widgets.timetable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What the timetable tile shows: one entry per day of the window (today first), each with the events touching
 * it, and notes on what was left out. Plain data: the renderer words the day names ("Heute", "Today") and formats.
 *
 * @param days      today and the following days, in order; days without events are kept (an empty day is news)
 * @param truncated whether more events existed than the tile shows
 * @param notes     what the feeds could not give (a feed unavailable, a rule not expanded), one line each
 */
public record TimetableView(List<Day> days, boolean truncated, List<String> notes) {

    public TimetableView {
        days = List.copyOf(days);
        notes = List.copyOf(notes);
    }

    /**
     * @param date    the day in the mirror's zone
     * @param today   whether it is today
     * @param entries what happens that day: all-day events first, then by start time
     */
    public record Day(LocalDate date, boolean today, List<Entry> entries) {
        public Day {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One event on one day.
     *
     * @param title      SUMMARY, as text
     * @param location   LOCATION (the room), or empty
     * @param categories CATEGORIES, e.g. {@code Vorlesung}
     * @param allDay     an all-day event (no times)
     * @param start      timed: the start instant; all-day: null
     * @param end        timed: the end instant; all-day: null
     * @param startTime  timed: the start on this day in the mirror's zone, null when it began on an earlier day
     * @param endTime    timed: the end on this day in the mirror's zone, null when it ends on a later day
     * @param firstDay   the event's first day in the mirror's zone
     * @param lastDay    the event's last day in the mirror's zone (inclusive)
     * @param running    whether it runs at the time of the refresh (the page re-checks with its own clock)
     */
    public record Entry(String title, String location, List<String> categories, boolean allDay, Instant start,
                        Instant end, LocalTime startTime, LocalTime endTime, LocalDate firstDay, LocalDate lastDay,
                        boolean running) {
        public Entry {
            categories = List.copyOf(categories);
        }
    }

    /**
     * Lays the occurrences (sorted by start) out over the window's days, at most {@code maxEntries} in all; the days
     * after the limit are left out, not listed as empty.
     */
    static TimetableView of(List<Occurrence> occurrences, OccurrenceExpander.Window window, Instant now,
            int maxEntries, List<String> notes) {
        ZoneId zone = window.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Day> days = new ArrayList<>();
        int shown = 0;
        boolean truncated = false;
        for (LocalDate day = window.firstDay(); day.isBefore(window.endDay()); day = day.plusDays(1)) {
            List<Entry> allDay = new ArrayList<>();
            List<Entry> timed = new ArrayList<>();
            for (Occurrence occurrence : occurrences) {
                if (!occurrence.touches(day, zone)) {
                    continue;
                }
                if (shown >= maxEntries) {
                    truncated = true;
                    break;
                }
                shown++;
                (occurrence.isAllDay() ? allDay : timed).add(entry(occurrence, day, zone, now));
            }
            allDay.addAll(timed);
            if (truncated && allDay.isEmpty()) {
                break; // a day whose events were all cut off must not show as a day without events
            }
            days.add(new Day(day, day.equals(today), allDay));
            if (truncated) {
                break;
            }
        }
        return new TimetableView(days, truncated, notes);
    }

    private static Entry entry(Occurrence o, LocalDate day, ZoneId zone, Instant now) {
        if (o.isAllDay()) {
            LocalDate last = o.endDay().minusDays(1);
            boolean running = !now.isBefore(o.firstDay().atStartOfDay(zone).toInstant())
                    && now.isBefore(o.endDay().atStartOfDay(zone).toInstant());
            return new Entry(o.summary(), o.location(), o.categories(), true, null, null, null, null, o.firstDay(),
                    last, running);
        }
        ZonedDateTime start = o.start().atZone(zone);
        ZonedDateTime end = o.end().atZone(zone);
        // An event ending exactly at midnight belongs to the day before.
        LocalDate lastDay = end.toLocalTime().equals(LocalTime.MIDNIGHT) && o.end().isAfter(o.start())
                ? end.toLocalDate().minusDays(1) : end.toLocalDate();
        boolean running = !now.isBefore(o.start()) && now.isBefore(o.end());
        return new Entry(o.summary(), o.location(), o.categories(), false, o.start(), o.end(),
                start.toLocalDate().equals(day) ? start.toLocalTime() : null,
                end.toLocalDate().equals(day) ? end.toLocalTime() : null, start.toLocalDate(), lastDay, running);
    }
}
