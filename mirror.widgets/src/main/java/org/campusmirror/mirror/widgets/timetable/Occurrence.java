package org.campusmirror.mirror.widgets.timetable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One instance of a calendar event after recurrence expansion: either all-day (floating dates, never shifted by a
 * time zone) or timed (two instants).
 *
 * @param summary     the title, unescaped text
 * @param location    the room, or empty
 * @param categories  e.g. {@code Vorlesung}
 * @param firstDay    all-day: the first date; timed: null
 * @param endDay      all-day: the day after the last date (exclusive, as DTEND); timed: null
 * @param start       timed: the start; all-day: null
 * @param end         timed: the end (equal to start for an event without length); all-day: null
 */
record Occurrence(String summary, String location, List<String> categories,
                  LocalDate firstDay, LocalDate endDay, Instant start, Instant end) {

    Occurrence {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(location, "location");
        categories = List.copyOf(categories);
        if ((firstDay == null) == (start == null)) {
            throw new IllegalArgumentException("an occurrence is either all-day or timed");
        }
    }

    static Occurrence allDay(String summary, String location, List<String> categories, LocalDate first,
            LocalDate endExclusive) {
        LocalDate end = endExclusive.isAfter(first) ? endExclusive : first.plusDays(1);
        return new Occurrence(summary, location, categories, first, end, null, null);
    }

    static Occurrence timed(String summary, String location, List<String> categories, Instant start, Instant end) {
        return new Occurrence(summary, location, categories, null, null, start, end.isBefore(start) ? start : end);
    }

    boolean isAllDay() {
        return firstDay != null;
    }

    /** When it begins in {@code zone}: midnight of the first day for all-day events. Used to sort. */
    Instant sortKey(ZoneId zone) {
        return isAllDay() ? firstDay.atStartOfDay(zone).toInstant() : start;
    }

    /** Whether any part of it falls on {@code day} in {@code zone}. */
    boolean touches(LocalDate day, ZoneId zone) {
        if (isAllDay()) {
            return !day.isBefore(firstDay) && day.isBefore(endDay);
        }
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        if (start.equals(end)) {
            return !start.isBefore(dayStart) && start.isBefore(dayEnd);
        }
        return start.isBefore(dayEnd) && end.isAfter(dayStart);
    }
}
