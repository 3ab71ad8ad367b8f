package org.campusmirror.mirror.runtime.internal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Off-times and both 2026 daylight-saving switches of Europe/Berlin (29 March, 25 October). */
class OffScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static OffSchedule schedule(String... entries) {
        return new OffSchedule(List.of(entries).stream().map(OffTime::parse).toList(), BERLIN);
    }

    private static Instant berlin(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), BERLIN).toInstant();
    }

    @Test
    void parsesDaysRangesAndTimes() {
        OffTime weekdays = OffTime.parse("Mon-Fri 22:00-06:00");
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), weekdays.days());
        assertEquals(LocalTime.of(22, 0), weekdays.start());
        assertEquals(LocalTime.of(6, 0), weekdays.end());
        assertTrue(weekdays.overnight());
        assertEquals(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), OffTime.parse("Sa,So 00:00-24:00").days());
        assertEquals(null, OffTime.parse("Sa,So 00:00-24:00").end(), "24:00 is the end of the day");
        assertEquals(EnumSet.allOf(DayOfWeek.class), OffTime.parse("7:30-8:00").days(), "no days: every day");
        assertEquals(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY),
                OffTime.parse("fr-mo 20:00-23:00").days(), "a range wraps over the week's end");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Mon-Fri 25:00-06:00", "Funday 10:00-11:00", "10:00-10:00", "Mon-Fri", "always",
        "Mon-Tue-Wed 10:00-11:00", "Mon 24:00-06:00", "Mon 10:60-11:00", ""})
    void refusesWhatIsNotAnOffTime(String entry) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> OffTime.parse(entry));
        assertFalse(refused.getMessage().isBlank());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        // The night of the spring switch: 02:00 CET jumps to 03:00 CEST; the off-time lasts 7 hours.
        "2026-03-28T21:59, false", "2026-03-28T22:00, true", "2026-03-29T01:59, true", "2026-03-29T03:00, true",
        "2026-03-29T05:59, true", "2026-03-29T06:00, false",
        // The night of the autumn switch: 03:00 CEST goes back to 02:00 CET; the off-time lasts 9 hours.
        "2026-10-24T22:00, true", "2026-10-25T05:59, true", "2026-10-25T06:00, false",
        // Mon-Fri only: Friday night runs into Saturday morning, Saturday night is on.
        "2026-10-23T23:00, true", "2026-10-24T05:00, true", "2026-10-24T07:00, false",
        "2026-10-25T23:00, false", "2026-10-26T22:30, true"})
    void weekdayNightsAcrossBothSwitches(String local, boolean off) {
        OffSchedule schedule = schedule("Mon-Fri 22:00-06:00", "Sat 22:00-06:00");
        assertEquals(off, schedule.isOff(berlin(local)));
    }

    @Test
    void theSpringNightEndsSevenRealHoursAfterItBegins() {
        OffSchedule schedule = schedule("22:00-06:00");
        Instant start = schedule.nextChange(berlin("2026-03-28T12:00")).orElseThrow();
        Instant end = schedule.nextChange(start).orElseThrow();
        assertEquals(Instant.parse("2026-03-28T21:00:00Z"), start);
        assertEquals(Instant.parse("2026-03-29T04:00:00Z"), end, "06:00 CEST");
    }

    @Test
    void theAutumnNightEndsNineRealHoursAfterItBeginsAndNotInTheRepeatedHour() {
        OffSchedule schedule = schedule("22:00-06:00");
        Instant start = schedule.nextChange(berlin("2026-10-24T12:00")).orElseThrow();
        Instant end = schedule.nextChange(start).orElseThrow();
        assertEquals(Instant.parse("2026-10-24T20:00:00Z"), start);
        assertEquals(Instant.parse("2026-10-25T05:00:00Z"), end, "06:00 CET");
        for (Instant repeated : List.of(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T01:30:00Z"))) {
            assertTrue(schedule.isOff(repeated), "02:30 is off both times it happens: " + repeated);
        }
    }

    @Test
    void aStartInTheSpringGapBeginsWhenTheClockJumpsPastIt() {
        OffSchedule schedule = schedule("Sun 02:30-04:00");
        assertEquals(Optional.of(Instant.parse("2026-03-29T01:00:00Z")),
                schedule.nextChange(berlin("2026-03-29T00:00")), "03:00 CEST, the first moment past 02:30");
        assertEquals(Optional.of(Instant.parse("2026-03-29T02:00:00Z")),
                schedule.nextChange(Instant.parse("2026-03-29T01:00:00Z")), "04:00 CEST");
    }

    @Test
    void anOffTimeInTheRepeatedAutumnHourRunsFromItsFirstStartToItsEnd() {
        OffSchedule schedule = schedule("Sun 02:30-04:00");
        Instant start = schedule.nextChange(berlin("2026-10-25T00:00")).orElseThrow();
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), start, "02:30 CEST, the first 02:30");
        assertTrue(schedule.isOff(Instant.parse("2026-10-25T01:10:00Z")), "02:10 CET, the clock went back");
        assertEquals(Instant.parse("2026-10-25T03:00:00Z"), schedule.nextChange(start).orElseThrow(), "04:00 CET");
    }

    @Test
    void adjacentOffTimesMakeOneSpan() {
        OffSchedule schedule = schedule("Fri 18:00-24:00", "Sat 00:00-24:00", "Sun 00:00-08:00");
        Instant start = schedule.nextChange(berlin("2026-05-08T12:00")).orElseThrow();
        assertEquals(berlin("2026-05-08T18:00"), start);
        assertEquals(berlin("2026-05-10T08:00"), schedule.nextChange(start).orElseThrow());
    }

    @Test
    void noOffTimesNeverChange() {
        assertEquals(Optional.empty(), OffSchedule.none(BERLIN).nextChange(berlin("2026-05-08T12:00")));
        assertEquals(Optional.empty(), schedule("00:00-24:00").nextChange(berlin("2026-05-08T12:00")),
                "always off: no change within a week");
    }
}
