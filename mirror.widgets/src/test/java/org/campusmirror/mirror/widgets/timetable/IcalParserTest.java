package org.campusmirror.mirror.widgets.timetable;

import static org.campusmirror.mirror.widgets.timetable.Ics.BERLIN;
import static org.campusmirror.mirror.widgets.timetable.Ics.event;
import static org.campusmirror.mirror.widgets.timetable.Ics.expand;
import static org.campusmirror.mirror.widgets.timetable.Ics.feed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What real feeds look like on the wire: escapes, folds, line ends, Outlook's zone names, broken bodies. */
class IcalParserTest {

    @Test
    void escapedTextIsUnescaped() throws Exception {
        byte[] feed = feed(event("escaped", "DTSTART;TZID=Europe/Berlin:20261012T101500", "DURATION:PT1H",
                "SUMMARY:Mathe\\, Physik\\; Chemie \\\\ Bio", "LOCATION:Hörsaal 1\\, Gebäude A",
                "CATEGORIES:Vorlesung,Pflicht\\, 1. Semester"));
        Occurrence lecture = expand(feed, BERLIN, LocalDate.of(2026, 10, 12), 1).occurrences().get(0);
        assertEquals("Mathe, Physik; Chemie \\ Bio", lecture.summary());
        assertEquals("Hörsaal 1, Gebäude A", lecture.location());
        assertEquals(List.of("Vorlesung", "Pflicht, 1. Semester"), lecture.categories());
    }

    @Test
    void linesFoldedAt75OctetsInsideAUtf8SequenceAreJoinedWhole() throws Exception {
        // 70 ASCII characters push the en dash (3 octets) across the 75-octet fold.
        String title = "Übung " + "x".repeat(60) + " – Grundlagen der Elektrotechnik für Maschinenbauer";
        byte[] feed = feed(event("long", "DTSTART;TZID=Europe/Berlin:20261012T101500", "DURATION:PT1H",
                "SUMMARY:" + title));
        String text = new String(feed, StandardCharsets.ISO_8859_1);
        assertEquals(true, text.contains("\r\n "), "the fixture is folded");
        assertEquals(title, expand(feed, BERLIN, LocalDate.of(2026, 10, 12), 1).occurrences().get(0).summary());
    }

    @Test
    void unfoldJoinsCrlfAndLfFoldsAndKeepsLineEnds() {
        byte[] folded = "SUMMARY:ab\r\n c\n\td\r\nEND:X\nY".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals("SUMMARY:abcd\r\nEND:X\r\nY".getBytes(StandardCharsets.US_ASCII), IcalParser.unfold(folded));
    }

    @Test
    void lfOnlyLineEndsParse() throws Exception {
        String feed = new String(feed(event("lf", "DTSTART;TZID=Europe/Berlin:20261012T101500", "DURATION:PT1H",
                "SUMMARY:LF only")), StandardCharsets.UTF_8).replace("\r\n", "\n");
        var result = expand(feed.getBytes(StandardCharsets.UTF_8), BERLIN, LocalDate.of(2026, 10, 12), 1);
        assertEquals("LF only", result.occurrences().get(0).summary());
    }

    @Test
    void outlookZoneNamesAreUnderstood() throws Exception {
        String outlook = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
                "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN", "BEGIN:VTIMEZONE",
                "TZID:W. Europe Standard Time", "BEGIN:STANDARD", "DTSTART:16011028T030000",
                "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
                "BEGIN:DAYLIGHT", "DTSTART:16010325T020000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
                "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT", "END:VTIMEZONE", "BEGIN:VEVENT",
                "UID:outlook-1", "DTSTAMP:20260101T000000Z", "DTSTART;TZID=\"W. Europe Standard Time\":20260323T101500",
                "DTEND;TZID=\"W. Europe Standard Time\":20260323T114500", "RRULE:FREQ=WEEKLY;BYDAY=MO",
                "SUMMARY:Outlook lecture", "END:VEVENT", "END:VCALENDAR", "");
        var result = expand(outlook.getBytes(StandardCharsets.UTF_8), BERLIN, LocalDate.of(2026, 3, 23), 8);
        assertEquals(List.of(Instant.parse("2026-03-23T09:15:00Z"), Instant.parse("2026-03-30T08:15:00Z")),
                result.occurrences().stream().map(Occurrence::start).toList());
    }

    @Test
    void ianaZoneWithoutVtimezoneUsesTheZoneDataInIcal4j() throws Exception {
        String feed = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x", "BEGIN:VEVENT", "UID:no-vtz",
                "DTSTAMP:20260101T000000Z", "DTSTART;TZID=Europe/Berlin:20261026T101500", "DURATION:PT1H",
                "SUMMARY:No VTIMEZONE", "END:VEVENT", "END:VCALENDAR", "");
        var result = expand(feed.getBytes(StandardCharsets.UTF_8), BERLIN, LocalDate.of(2026, 10, 26), 1);
        assertEquals(Instant.parse("2026-10-26T09:15:00Z"), result.occurrences().get(0).start());
    }

    @Test
    void htmlInsteadOfACalendarIsAMalformedFeed() {
        byte[] html = "<!DOCTYPE html><html><body>Login required</body></html>".getBytes(StandardCharsets.UTF_8);
        var e = assertThrows(IcalParser.MalformedCalendarException.class, () -> IcalParser.parse(html));
        assertEquals(true, e.getMessage().startsWith("not a valid iCalendar feed"), e.getMessage());
    }

    @Test
    void truncatedFeedIsAMalformedFeed() {
        byte[] whole = feed(event("cut", "DTSTART;TZID=Europe/Berlin:20261012T101500", "SUMMARY:Cut"));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 40);
        assertThrows(IcalParser.MalformedCalendarException.class, () -> IcalParser.parse(cut));
    }

    @Test
    void emptyBodyIsAMalformedFeed() {
        assertThrows(IcalParser.MalformedCalendarException.class, () -> IcalParser.parse(new byte[0]));
    }

    /**
     * ical4j's pool of java.time zone ids for VTIMEZONEs (1,500, JVM-wide) is given back only as parses are
     * garbage-collected. Drain it with parses held alive, let them go, and parse on: the parser reclaims the ids
     * instead of failing ("Error at line 18: null", as ical4j does on an empty pool).
     */
    @Test
    void parsesGoOnAfterTheZoneIdPoolRanLow() throws Exception {
        byte[] feed = feed(event("pool", "DTSTART;TZID=Europe/Berlin:20261026T101500", "DURATION:PT1H",
                "SUMMARY:Pool"));
        var pool = net.fortuna.ical4j.model.ZoneRulesProviderImpl.INSTANCE.getZoneIdPool();
        java.util.List<Object> held = new java.util.ArrayList<>();
        while (pool.availableZoneIds() > 10) {
            held.add(new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(
                    new String(feed, StandardCharsets.UTF_8))));
        }
        held.clear();
        for (int i = 0; i < 50; i++) {
            assertEquals(Instant.parse("2026-10-26T09:15:00Z"),
                    expand(feed, BERLIN, LocalDate.of(2026, 10, 26), 1).occurrences().get(0).start());
        }
    }
}
