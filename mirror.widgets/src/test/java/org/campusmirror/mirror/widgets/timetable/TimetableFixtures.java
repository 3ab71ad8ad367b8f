package org.campusmirror.mirror.widgets.timetable;

import java.io.IOException;
import java.nio.file.Path;

import org.campusmirror.mirror.widget.RefreshContext;

/** Timetable data for tests in other packages (the renderer test). */
public final class TimetableFixtures {
    private TimetableFixtures() {
    }

    /** A weekly lecture moved on 26 October 2026, and an event whose title is {@code title}. */
    public static byte[] weekWith(String title) {
        return Ics.feed(Ics.events(
                Ics.event("lecture", "DTSTART;TZID=Europe/Berlin:20261012T101500",
                        "DTEND;TZID=Europe/Berlin:20261012T114500", "RRULE:FREQ=WEEKLY;BYDAY=MO", "SUMMARY:Analysis I",
                        "LOCATION:Hörsaal 1", "CATEGORIES:Vorlesung"),
                Ics.event("lecture", "RECURRENCE-ID;TZID=Europe/Berlin:20261026T101500",
                        "DTSTART;TZID=Europe/Berlin:20261026T100000", "DTEND;TZID=Europe/Berlin:20261026T113000",
                        "SUMMARY:Analysis I (verlegt)", "LOCATION:Audimax", "CATEGORIES:Vorlesung"),
                Ics.event("hostile", "DTSTART;TZID=Europe/Berlin:20261026T140000", "DURATION:PT1H",
                        "SUMMARY:" + title.replace(",", "\\,").replace(";", "\\;")),
                Ics.event("day", "DTSTART;VALUE=DATE:20261027", "SUMMARY:Dies academicus")));
    }

    /** The view a timetable over {@code file} in {@code home}/calendars computes. */
    public static Object refresh(Path home, String file, RefreshContext context) throws Exception {
        return new TimetableWidget(TimetableWidgetTest.config(file), home, request -> {
            throw new IOException("no network");
        }).refresh(context).data();
    }
}
