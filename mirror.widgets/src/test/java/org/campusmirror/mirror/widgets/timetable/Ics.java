package org.campusmirror.mirror.widgets.timetable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.campusmirror.mirror.widgets.timetable.OccurrenceExpander.Limits;
import org.campusmirror.mirror.widgets.timetable.OccurrenceExpander.Result;
import org.campusmirror.mirror.widgets.timetable.OccurrenceExpander.Window;

/** Builds iCalendar feeds the way Stud.IP or WebUntis write them (CRLF, folded at 75 octets) and expands them. */
final class Ics {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The VTIMEZONE university systems send for Europe/Berlin. */
    static final List<String> BERLIN_VTIMEZONE = List.of(
            "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "X-LIC-LOCATION:Europe/Berlin",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "END:VTIMEZONE");

    private Ics() {
    }

    /**
     * A calendar with the Berlin VTIMEZONE and the given lines, CRLF, folded: leading lines that begin no component
     * are calendar properties (X-WR-TIMEZONE), the rest are events.
     */
    static byte[] feed(String... eventLines) {
        List<String> lines = new ArrayList<>(List.of("BEGIN:VCALENDAR", "VERSION:2.0",
                "PRODID:-//Campus Mirror//test//DE", "CALSCALE:GREGORIAN"));
        int first = 0;
        while (first < eventLines.length && !eventLines[first].startsWith("BEGIN:")) {
            lines.add(eventLines[first++]);
        }
        lines.addAll(BERLIN_VTIMEZONE);
        lines.addAll(List.of(eventLines).subList(first, eventLines.length));
        lines.add("END:VCALENDAR");
        return fold(lines);
    }

    /** One VEVENT with a UID and DTSTAMP, and the given properties. */
    static String[] event(String uid, String... properties) {
        List<String> lines = new ArrayList<>(List.of("BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20260101T000000Z"));
        lines.addAll(List.of(properties));
        lines.add("END:VEVENT");
        return lines.toArray(String[]::new);
    }

    static String[] events(String[]... events) {
        List<String> all = new ArrayList<>();
        for (String[] event : events) {
            all.addAll(List.of(event));
        }
        return all.toArray(String[]::new);
    }

    /** Lines ended by CRLF and folded at 75 octets as RFC 5545 says, even inside a UTF-8 sequence (as simple producers do). */
    static byte[] fold(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : lines) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            int column = 0;
            for (byte b : bytes) {
                if (column == 75) {
                    out.write('\r');
                    out.write('\n');
                    out.write(' ');
                    column = 1;
                }
                out.write(b);
                column++;
            }
            out.write('\r');
            out.write('\n');
        }
        return out.toByteArray();
    }

    static Result expand(byte[] feed, ZoneId mirrorZone, LocalDate firstDay, int days) throws Exception {
        return expand(feed, mirrorZone, firstDay, days, Limits.DEFAULT);
    }

    static Result expand(byte[] feed, ZoneId mirrorZone, LocalDate firstDay, int days, Limits limits)
            throws Exception {
        var calendar = IcalParser.parse(feed);
        ZoneId floating = IcalParser.declaredZone(calendar).orElse(mirrorZone);
        return new OccurrenceExpander(limits, () -> false)
                .expand(calendar, new Window(firstDay, firstDay.plusDays(days), mirrorZone), floating);
    }
}
