package org.campusmirror.mirror.widgets.timetable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The demo profile's timetable shows a full week of lectures whatever the date of the demo. */
class DemoDataTest {
    @Test
    void demoSemesterHasLecturesOnEveryWeekdayAndNoneOnSunday() throws Exception {
        byte[] feed;
        try (InputStream in = DemoDataTest.class.getResourceAsStream("/demo/timetable/semester.ics")) {
            feed = in.readAllBytes();
        }
        for (LocalDate monday : new LocalDate[] {LocalDate.of(2026, 12, 7), LocalDate.of(2027, 6, 14),
                LocalDate.of(2029, 3, 26)}) {
            var result = Ics.expand(feed, ZoneId.of("Europe/Berlin"), monday, 7);
            assertTrue(result.problems().isEmpty(), result.problems().toString());
            for (int day = 0; day < 5; day++) {
                LocalDate date = monday.plusDays(day);
                assertTrue(result.occurrences().stream().filter(o -> o.touches(date, ZoneId.of("Europe/Berlin")))
                        .count() >= 3, date.toString());
            }
            assertEquals(0, result.occurrences().stream().filter(o -> o.start().atZone(ZoneId.of("Europe/Berlin"))
                    .getDayOfWeek() == DayOfWeek.SUNDAY).count());
        }
    }
}
