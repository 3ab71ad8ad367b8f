package org.campusmirror.mirror.widgets.timetable;

import static org.campusmirror.mirror.widgets.timetable.Ics.BERLIN;
import static org.campusmirror.mirror.widgets.timetable.Ics.event;
import static org.campusmirror.mirror.widgets.timetable.Ics.events;
import static org.campusmirror.mirror.widgets.timetable.Ics.expand;
import static org.campusmirror.mirror.widgets.timetable.Ics.feed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Recurrence expansion across both 2026 daylight-saving switches in Europe/Berlin (29 March, 25 October), with the
 * mirror's zone equal to the feed's and different from it. The test JVM runs in America/Los_Angeles (pom), so a
 * value that leaks the JVM's zone shows up as a wrong hour or day.
 */
class OccurrenceExpanderTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York"); // switches 8 March and 1 November
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Start instants of the occurrences, in order. */
    private static List<Instant> starts(OccurrenceExpander.Result result) {
        return result.occurrences().stream().map(Occurrence::start).toList();
    }

    private static Instant at(String berlinLocal) {
        return LocalDateTime.parse(berlinLocal).atZone(BERLIN).toInstant();
    }

    @Test
    void weeklyLectureKeepsItsWallClockTimeAcrossTheSpringSwitch() throws Exception {
        byte[] feed = feed(event("lecture", "DTSTART;TZID=Europe/Berlin:20260316T101500",
                "DTEND;TZID=Europe/Berlin:20260316T114500", "RRULE:FREQ=WEEKLY;BYDAY=MO", "SUMMARY:Analysis I"));
        var result = expand(feed, BERLIN, LocalDate.of(2026, 3, 22), 14);
        assertEquals(List.of(Instant.parse("2026-03-23T09:15:00Z"), Instant.parse("2026-03-30T08:15:00Z")),
                starts(result));
        assertEquals(Instant.parse("2026-03-30T09:45:00Z"), result.occurrences().get(1).end());
    }

    @Test
    void weeklyLectureKeepsItsWallClockTimeAcrossTheAutumnSwitch() throws Exception {
        byte[] feed = feed(event("lecture", "DTSTART;TZID=Europe/Berlin:20261019T101500",
                "DTEND;TZID=Europe/Berlin:20261019T114500", "RRULE:FREQ=WEEKLY;BYDAY=MO", "SUMMARY:Analysis I"));
        var result = expand(feed, BERLIN, LocalDate.of(2026, 10, 19), 14);
        assertEquals(List.of(Instant.parse("2026-10-19T08:15:00Z"), Instant.parse("2026-10-26T09:15:00Z")),
                starts(result));
    }

    /** MagicMirror #3797: a weekly event created in March before DST showed one hour late after the switch. */
    @Test
    void magicMirror3797_recurringEventCreatedBeforeDstKeepsItsTimeAfterTheSwitch() throws Exception {
        byte[] feed = feed(event("standup", "DTSTART;TZID=Europe/Berlin:20260310T090000",
                "DTEND;TZID=Europe/Berlin:20260310T091500", "RRULE:FREQ=WEEKLY;BYDAY=TU", "SUMMARY:Standup"));
        var berlin = expand(feed, BERLIN, LocalDate.of(2026, 5, 5), 1);
        assertEquals(List.of(at("2026-05-05T09:00")), starts(berlin));
        assertEquals(Instant.parse("2026-05-05T07:00:00Z"), berlin.occurrences().get(0).start());
        // Seen from a mirror in New York, the same instant.
        var newYork = expand(feed, NEW_YORK, LocalDate.of(2026, 5, 5), 1);
        assertEquals(List.of(Instant.parse("2026-05-05T07:00:00Z")), starts(newYork));
    }

    /** MagicMirror #3098: recurring events created before the switch back (October) were shifted by an hour after it. */
    @Test
    void magicMirror3098_recurringEventCreatedInSummerKeepsItsTimeAfterTheSwitchBack() throws Exception {
        byte[] feed = feed(event("seminar", "DTSTART;TZID=Europe/Berlin:20260602T090000",
                "DTEND;TZID=Europe/Berlin:20260602T103000", "RRULE:FREQ=WEEKLY;BYDAY=TU", "SUMMARY:Seminar"));
        var result = expand(feed, BERLIN, LocalDate.of(2026, 10, 20), 14);
        assertEquals(List.of(Instant.parse("2026-10-20T07:00:00Z"), Instant.parse("2026-10-27T08:00:00Z")),
                starts(result));
        // A mirror in London (switches the same night) sees 08:00 both weeks.
        var london = expand(feed, LONDON, LocalDate.of(2026, 10, 20), 14);
        assertEquals(List.of(Instant.parse("2026-10-20T07:00:00Z"), Instant.parse("2026-10-27T08:00:00Z")),
                starts(london));
    }

    /**
     * MagicMirror #2151: recurring event times were not adjusted across standard/daylight changes. A daily event
     * over the switch night keeps 08:00 local on the switch day itself; a mirror in New York, which switches on
     * other dates, sees the offsets change on each side's dates.
     */
    @Test
    void magicMirror2151_dailyEventOverBothSwitchNightsStaysAtItsLocalTime() throws Exception {
        byte[] feed = feed(events(event("daily", "DTSTART;TZID=Europe/Berlin:20260327T080000", "DURATION:PT1H",
                "RRULE:FREQ=DAILY;COUNT=4", "SUMMARY:Daily"),
                event("autumn", "DTSTART;TZID=Europe/Berlin:20261024T080000", "DURATION:PT1H",
                        "RRULE:FREQ=DAILY;UNTIL=20261026T070000Z", "SUMMARY:Autumn")));
        var spring = expand(feed, BERLIN, LocalDate.of(2026, 3, 27), 4);
        assertEquals(List.of(at("2026-03-27T08:00"), at("2026-03-28T08:00"), at("2026-03-29T08:00"),
                at("2026-03-30T08:00")), starts(spring));
        assertEquals(Instant.parse("2026-03-29T06:00:00Z"), spring.occurrences().get(2).start());
        var autumn = expand(feed, NEW_YORK, LocalDate.of(2026, 10, 23), 5);
        // 24th 06:00Z (CEST), 25th 07:00Z (CET); the 26th at 07:00Z equals UNTIL and counts.
        assertEquals(List.of(Instant.parse("2026-10-24T06:00:00Z"), Instant.parse("2026-10-25T07:00:00Z"),
                Instant.parse("2026-10-26T07:00:00Z")), starts(autumn));
    }

    @Test
    void eventInTheSkippedHourOfTheSpringSwitchMovesBehindTheGap() throws Exception {
        byte[] feed = feed(event("night", "DTSTART;TZID=Europe/Berlin:20260329T023000", "DURATION:PT30M",
                "SUMMARY:Night shift"));
        var result = expand(feed, BERLIN, LocalDate.of(2026, 3, 29), 1);
        // 02:30 does not exist that night; RFC 5545 3.3.5 reads it with the offset before the gap: 03:30 CEST.
        assertEquals(List.of(Instant.parse("2026-03-29T01:30:00Z")), starts(result));
    }

    /** RFC 5545 says UNTIL of a zoned series is UTC; the last instance (in winter) equals it exactly. */
    @Test
    void untilGivenInUtcKeepsTheLastInstanceEvenWhenTheSeriesBeganInSummer() throws Exception {
        byte[] feed = feed(event("course", "DTSTART;TZID=Europe/Berlin:20261012T101500",
                "DTEND;TZID=Europe/Berlin:20261012T114500",
                "RRULE:FREQ=WEEKLY;UNTIL=20261130T091500Z;INTERVAL=1;BYDAY=MO", "SUMMARY:Course"));
        var result = expand(feed, BERLIN, LocalDate.of(2026, 11, 23), 14);
        assertEquals(List.of(at("2026-11-23T10:15"), at("2026-11-30T10:15")), starts(result));
    }

    @Test
    void untilAsInTheUniversityFeedsEndsTheSemester() throws Exception {
        byte[] feed = feed(event("semester", "DTSTART;TZID=Europe/Berlin:20261012T101500",
                "DTEND;TZID=Europe/Berlin:20261012T114500",
                "RRULE:FREQ=WEEKLY;UNTIL=20270131T225959Z;INTERVAL=1;BYDAY=MO", "SUMMARY:Course"));
        var result = expand(feed, BERLIN, LocalDate.of(2027, 1, 24), 14);
        assertEquals(List.of(at("2027-01-25T10:15")), starts(result));
    }

    /** An all-day series whose UNTIL is a UTC time (Outlook) still includes its last day in the feed's zone. */
    @Test
    void untilInUtcOfAnAllDaySeriesIsReadAsADateInTheFeedsZone() throws Exception {
        byte[] feed = feed(events(new String[] {"X-WR-TIMEZONE:Europe/Berlin"},
                event("exams", "DTSTART;VALUE=DATE:20261201", "DTEND;VALUE=DATE:20261202", "RRULE:FREQ=DAILY;UNTIL=20261203T230000Z", "SUMMARY:Exam week")));
        var result = expand(feed, NEW_YORK, LocalDate.of(2026, 11, 30), 7);
        assertEquals(List.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 3),
                LocalDate.of(2026, 12, 4)), result.occurrences().stream().map(Occurrence::firstDay).toList());
    }

    @Test
    void allDayEventsStayOnTheirDatesWhateverTheZones() throws Exception {
        byte[] feed = feed(event("xmas", "DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261227",
                "SUMMARY:Weihnachtsferien"));
        for (ZoneId zone : List.of(BERLIN, NEW_YORK, ZoneId.of("Pacific/Auckland"), ZoneId.of("Pacific/Kiritimati"),
                ZoneId.of("Pacific/Pago_Pago"))) {
            var result = expand(feed, zone, LocalDate.of(2026, 12, 22), 7);
            assertEquals(1, result.occurrences().size(), zone.getId());
            Occurrence holiday = result.occurrences().get(0);
            assertEquals(LocalDate.of(2026, 12, 24), holiday.firstDay(), zone.getId());
            assertEquals(LocalDate.of(2026, 12, 27), holiday.endDay(), zone.getId());
            assertTrue(holiday.touches(LocalDate.of(2026, 12, 26), zone));
            assertTrue(!holiday.touches(LocalDate.of(2026, 12, 23), zone) && !holiday.touches(LocalDate.of(2026, 12, 27), zone));
        }
    }

    /** Birthdays and holidays recur yearly on a date; across the switch they must not slide to the day before. */
    @Test
    void yearlyAllDayEventLandsOnItsDateAfterTheSwitch() throws Exception {
        byte[] feed = feed(event("birthday", "DTSTART;VALUE=DATE:20180326", "DTEND;VALUE=DATE:20180327",
                "RRULE:FREQ=YEARLY", "SUMMARY:Geburtstag"));
        var result = expand(feed, ZoneId.of("Australia/Sydney"), LocalDate.of(2026, 3, 25), 3);
        assertEquals(1, result.occurrences().size());
        assertEquals(LocalDate.of(2026, 3, 26), result.occurrences().get(0).firstDay());
    }

    @Test
    void exdateCancelsOneInstanceAlsoWhenGivenInUtc() throws Exception {
        byte[] feed = feed(event("lecture", "DTSTART;TZID=Europe/Berlin:20261012T101500", "DURATION:PT90M",
                "RRULE:FREQ=WEEKLY;COUNT=10", "EXDATE;TZID=Europe/Berlin:20261019T101500",
                "EXDATE:20261102T091500Z", "SUMMARY:Lecture"));
        var result = expand(feed, BERLIN, LocalDate.of(2026, 10, 12), 28);
        assertEquals(List.of(at("2026-10-12T10:15"), at("2026-10-26T10:15")), starts(result));
    }

    @Test
    void recurrenceIdOverridesMoveOneInstanceAndCancelAnother() throws Exception {
        byte[] feed = feed(events(
                event("lab", "DTSTART;TZID=Europe/Berlin:20261013T140000", "DTEND;TZID=Europe/Berlin:20261013T160000",
                        "RRULE:FREQ=WEEKLY;BYDAY=TU", "SUMMARY:Labor", "LOCATION:G10-101"),
                event("lab", "RECURRENCE-ID;TZID=Europe/Berlin:20261020T140000",
                        "DTSTART;TZID=Europe/Berlin:20261022T090000", "DTEND;TZID=Europe/Berlin:20261022T110000",
                        "SUMMARY:Labor (verlegt)", "LOCATION:G10-205"),
                event("lab", "RECURRENCE-ID:20261027T130000Z", "DTSTART:20261027T130000Z",
                        "DTEND:20261027T150000Z", "STATUS:CANCELLED", "SUMMARY:Labor")));
        var result = expand(feed, BERLIN, LocalDate.of(2026, 10, 19), 16);
        assertEquals(List.of(at("2026-10-22T09:00"), at("2026-11-03T14:00")), starts(result));
        assertEquals("Labor (verlegt)", result.occurrences().get(0).summary());
        assertEquals("G10-205", result.occurrences().get(0).location());
    }

    @Test
    void monthlyRuleWithBySetPosGivesTheLastWorkingDay() throws Exception {
        byte[] feed = feed(event("board", "DTSTART;TZID=Europe/Berlin:20260130T130000", "DURATION:PT1H",
                "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "SUMMARY:Fakultätsrat"));
        var october = expand(feed, BERLIN, LocalDate.of(2026, 10, 1), 61);
        assertEquals(List.of(at("2026-10-30T13:00"), at("2026-11-30T13:00")), starts(october));
    }

    @Test
    void multiDayTimedEventOverTheSwitchTouchesEachOfItsDays() throws Exception {
        byte[] feed = feed(event("trip", "DTSTART;TZID=Europe/Berlin:20261024T180000",
                "DTEND;TZID=Europe/Berlin:20261026T100000", "SUMMARY:Exkursion"));
        var result = expand(feed, BERLIN, LocalDate.of(2026, 10, 23), 5);
        Occurrence trip = result.occurrences().get(0);
        assertEquals(List.of(false, true, true, true, false), LocalDate.of(2026, 10, 23).datesUntil(
                LocalDate.of(2026, 10, 28)).map(day -> trip.touches(day, BERLIN)).toList());
        // 40 wall-clock hours, 41 real ones: the night of the 25th has 25 hours.
        assertEquals(41 * 3600, trip.end().getEpochSecond() - trip.start().getEpochSecond());
    }

    @Test
    void eventThatBeganBeforeTheWindowAndStillRunsIsFound() throws Exception {
        byte[] feed = feed(event("block", "DTSTART;VALUE=DATE:20261005", "DTEND;VALUE=DATE:20261017",
                "RRULE:FREQ=YEARLY", "SUMMARY:Blockwoche"));
        var result = expand(feed, BERLIN, LocalDate.of(2026, 10, 12), 1);
        assertEquals(List.of(LocalDate.of(2026, 10, 5)),
                result.occurrences().stream().map(Occurrence::firstDay).toList());
    }

    @Test
    void countEndsTheSeries() throws Exception {
        byte[] feed = feed(event("short", "DTSTART;TZID=Europe/Berlin:20261012T080000", "DURATION:PT1H",
                "RRULE:FREQ=DAILY;COUNT=3", "SUMMARY:Blockkurs"));
        var result = expand(feed, BERLIN, LocalDate.of(2026, 10, 10), 10);
        assertEquals(List.of(at("2026-10-12T08:00"), at("2026-10-13T08:00"), at("2026-10-14T08:00")),
                starts(result));
    }

    @Test
    void floatingTimesAreReadInTheFeedsDeclaredZone() throws Exception {
        byte[] feed = feed(events(new String[] {"X-WR-TIMEZONE:Europe/Berlin"},
                event("floating", "DTSTART:20261012T101500", "DTEND:20261012T114500", "SUMMARY:Floating")));
        var result = expand(feed, NEW_YORK, LocalDate.of(2026, 10, 12), 1);
        assertEquals(List.of(Instant.parse("2026-10-12T08:15:00Z")), starts(result));
    }

    @Test
    void cancelledEventsAreLeftOut() throws Exception {
        byte[] feed = feed(event("gone", "DTSTART;TZID=Europe/Berlin:20261012T101500", "DURATION:PT1H",
                "STATUS:CANCELLED", "SUMMARY:Fällt aus"));
        assertTrue(expand(feed, BERLIN, LocalDate.of(2026, 10, 12), 1).occurrences().isEmpty());
    }
}
