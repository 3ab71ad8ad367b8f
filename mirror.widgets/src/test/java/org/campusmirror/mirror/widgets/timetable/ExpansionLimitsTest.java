package org.campusmirror.mirror.widgets.timetable;

import static org.campusmirror.mirror.widgets.timetable.Ics.BERLIN;
import static org.campusmirror.mirror.widgets.timetable.Ics.event;
import static org.campusmirror.mirror.widgets.timetable.Ics.events;
import static org.campusmirror.mirror.widgets.timetable.Ics.expand;
import static org.campusmirror.mirror.widgets.timetable.Ics.feed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.campusmirror.mirror.widgets.timetable.OccurrenceExpander.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile recurrence sets are cut by the expander's limits, reported, and leave the other events intact. The
 * timeouts are safety bounds for a regression (a hang), not what is tested.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExpansionLimitsTest {
    private static final String[] NORMAL = event("normal", "DTSTART;TZID=Europe/Berlin:20261012T101500",
            "DURATION:PT1H", "SUMMARY:Normal lecture");

    @Test
    void secondlyRuleWithoutEndIsCutAtThePerEventLimit() throws Exception {
        byte[] feed = feed(events(event("bomb", "DTSTART:20200101T000000Z", "RRULE:FREQ=SECONDLY",
                "SUMMARY:Bomb"), NORMAL));
        var result = expand(feed, BERLIN, LocalDate.of(2026, 10, 12), 7);
        long bombs = result.occurrences().stream().filter(o -> o.summary().equals("Bomb")).count();
        assertEquals(Limits.DEFAULT.maxPerEvent(), bombs);
        assertTrue(result.occurrences().stream().anyMatch(o -> o.summary().equals("Normal lecture")));
        assertTrue(result.problems().stream().anyMatch(p -> p.contains("'Bomb'")), result.problems().toString());
    }

    @Test
    void hugeCountFromLongAgoStopsAtTheStepLimit() throws Exception {
        byte[] feed = feed(events(event("count", "DTSTART:20000101T000000Z", "RRULE:FREQ=SECONDLY;COUNT=2000000000",
                "SUMMARY:Counted"), NORMAL));
        var result = expand(feed, BERLIN, LocalDate.of(2026, 10, 12), 7);
        assertTrue(result.occurrences().stream().noneMatch(o -> o.summary().equals("Counted")));
        assertTrue(result.problems().stream().anyMatch(p -> p.contains("steps")), result.problems().toString());
        assertEquals(1, result.occurrences().size());
    }

    @Test
    void byListsThatMultiplyIntoMillionsAreNotExpanded() throws Exception {
        StringBuilder minutes = new StringBuilder("0");
        for (int i = 1; i < 60; i++) {
            minutes.append(',').append(i);
        }
        byte[] feed = feed(events(event("lists", "DTSTART;TZID=Europe/Berlin:20260101T000000",
                "RRULE:FREQ=YEARLY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE="
                        + minutes + ";BYSECOND=" + minutes, "SUMMARY:Lists"), NORMAL));
        var result = expand(feed, BERLIN, LocalDate.of(2026, 10, 12), 7);
        assertEquals(1, result.occurrences().size());
        assertTrue(result.problems().stream().anyMatch(p -> p.contains("not expanded")), result.problems().toString());
    }

    @Test
    void theWholeResultIsCappedAtTheTotalLimit() throws Exception {
        byte[] feed = feed(events(event("minutely", "DTSTART;TZID=Europe/Berlin:20261012T000000", "DURATION:PT1M",
                "RRULE:FREQ=MINUTELY", "SUMMARY:Every minute"), event("hourly", "DTSTART;TZID=Europe/Berlin:20261012T000000",
                "DURATION:PT1M", "RRULE:FREQ=MINUTELY;INTERVAL=2", "SUMMARY:Every other minute")));
        var limits = new Limits(400, 500, 20_000, 4_000);
        var result = expand(feed, BERLIN, LocalDate.of(2026, 10, 12), 7, limits);
        assertEquals(500, result.occurrences().size());
        assertTrue(result.problems().stream().anyMatch(p -> p.contains("more than 500")), result.problems().toString());
    }

    @Test
    void candidatesPerStepBoundsCommonRulesLow() throws Exception {
        var weekly = ((net.fortuna.ical4j.model.property.RRule<?>) IcalParser.parse(feed(event("w",
                "DTSTART;TZID=Europe/Berlin:20261012T101500", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE", "SUMMARY:w")))
                .getComponents("VEVENT").get(0).getProperty("RRULE").get()).getRecur();
        assertEquals(7, OccurrenceExpander.candidatesPerStep(weekly));
    }
}
