package org.campusmirror.mirror.widgets.timetable;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated winter-semester feed as a university system exports it: weekly lectures with RRULE/UNTIL in UTC,
 * holiday EXDATEs, moved and cancelled instances (RECURRENCE-ID), single events and all-day events, the Berlin
 * VTIMEZONE, CRLF, folded at 75 octets. Deterministic (fixed seed), so every run measures the same feed.
 */
final class SemesterFeed {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 10, 12);
    static final LocalDate LAST_DAY = LocalDate.of(2027, 2, 5);

    private SemesterFeed() {
    }

    /**
     * @param series    weekly lecture series (each a VEVENT with RRULE and EXDATEs)
     * @param overrides RECURRENCE-ID VEVENTs (two thirds moved, one third cancelled)
     * @param singles   one-off timed events
     * @param allDay    all-day events
     */
    static byte[] generate(int series, int overrides, int singles, int allDay) {
        Random random = new Random(20261012L);
        List<String> lines = new ArrayList<>(List.of("BEGIN:VCALENDAR", "VERSION:2.0",
                "PRODID:-//Campus Mirror//semester bench//DE", "X-WR-CALNAME:Wintersemester 2026/27",
                "X-WR-TIMEZONE:Europe/Berlin"));
        lines.addAll(Ics.BERLIN_VTIMEZONE);
        String[] subjects = {"Analysis", "Lineare Algebra", "Programmierung", "Datenbanken", "Rechnernetze",
                "Betriebssysteme", "Software Engineering", "Theoretische Informatik", "Elektrotechnik", "Mechanik",
                "Werkstoffkunde", "Thermodynamik", "Statistik", "BWL für Ingenieure", "Englisch B2"};
        String[] kinds = {"Vorlesung", "Übung", "Seminar", "Praktikum", "Tutorium"};
        List<LocalDateTime> firstStarts = new ArrayList<>();
        for (int i = 0; i < series; i++) {
            LocalDate day = FIRST_MONDAY.plusDays(random.nextInt(5));
            LocalDateTime start = day.atTime(LocalTime.of(8 + 2 * random.nextInt(5), random.nextBoolean() ? 0 : 15));
            firstStarts.add(start);
            String kind = kinds[random.nextInt(kinds.length)];
            lines.addAll(List.of("BEGIN:VEVENT", "UID:series-" + i + "@hs-musterstadt.example",
                    "DTSTAMP:20260901T120000Z", "DTSTART;TZID=Europe/Berlin:" + LOCAL.format(start),
                    "DTEND;TZID=Europe/Berlin:" + LOCAL.format(start.plusMinutes(90)),
                    "RRULE:FREQ=WEEKLY;UNTIL=20270205T225959Z;INTERVAL=1;BYDAY="
                            + start.getDayOfWeek().name().substring(0, 2),
                    // Christmas break: two weeks off.
                    "EXDATE;TZID=Europe/Berlin:" + LOCAL.format(start.plusWeeks(11)) + ","
                            + LOCAL.format(start.plusWeeks(12)),
                    "SUMMARY:" + subjects[i % subjects.length] + " " + (1 + i / subjects.length) + " (" + kind
                            + ")\\, Gruppe " + (char) ('A' + random.nextInt(4)),
                    "LOCATION:Gebäude " + (char) ('A' + random.nextInt(8)) + "\\, Raum " + (100 + random.nextInt(300)),
                    "CATEGORIES:" + kind + ",Informatik",
                    "DESCRIPTION:Dozent: Prof. Dr. Muster\\nModul " + (1000 + i) + "\\; Anwesenheit empfohlen.",
                    "END:VEVENT"));
        }
        for (int i = 0; i < overrides; i++) {
            int s = random.nextInt(series);
            LocalDateTime original = firstStarts.get(s).plusWeeks(1 + random.nextInt(10));
            lines.addAll(List.of("BEGIN:VEVENT", "UID:series-" + s + "@hs-musterstadt.example",
                    "DTSTAMP:20260901T120000Z", "RECURRENCE-ID;TZID=Europe/Berlin:" + LOCAL.format(original)));
            if (i % 3 == 2) {
                lines.addAll(List.of("DTSTART;TZID=Europe/Berlin:" + LOCAL.format(original),
                        "DTEND;TZID=Europe/Berlin:" + LOCAL.format(original.plusMinutes(90)), "STATUS:CANCELLED",
                        "SUMMARY:Fällt aus"));
            } else {
                LocalDateTime moved = original.plusDays(random.nextInt(3)).plusHours(2);
                lines.addAll(List.of("DTSTART;TZID=Europe/Berlin:" + LOCAL.format(moved),
                        "DTEND;TZID=Europe/Berlin:" + LOCAL.format(moved.plusMinutes(90)),
                        "SUMMARY:Verlegt", "LOCATION:Hörsaal " + (1 + random.nextInt(6))));
            }
            lines.add("END:VEVENT");
        }
        long days = FIRST_MONDAY.until(LAST_DAY).getDays();
        for (int i = 0; i < singles; i++) {
            LocalDate day = FIRST_MONDAY.plusDays(random.nextInt((int) days));
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            LocalDateTime start = day.atTime(9 + random.nextInt(9), 0);
            lines.addAll(List.of("BEGIN:VEVENT", "UID:single-" + i + "@hs-musterstadt.example",
                    "DTSTAMP:20260901T120000Z", "DTSTART;TZID=Europe/Berlin:" + LOCAL.format(start),
                    "DTEND;TZID=Europe/Berlin:" + LOCAL.format(start.plusHours(1 + random.nextInt(3))),
                    "SUMMARY:" + (i % 4 == 0 ? "Klausur " : "Gastvortrag ") + subjects[i % subjects.length],
                    "LOCATION:Audimax", "CATEGORIES:" + (i % 4 == 0 ? "Prüfung" : "Vortrag"), "END:VEVENT"));
        }
        for (int i = 0; i < allDay; i++) {
            LocalDate day = FIRST_MONDAY.plusDays(random.nextInt((int) days));
            lines.addAll(List.of("BEGIN:VEVENT", "UID:day-" + i + "@hs-musterstadt.example",
                    "DTSTAMP:20260901T120000Z", "DTSTART;VALUE=DATE:" + DATE.format(day),
                    "DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1 + random.nextInt(3))),
                    "SUMMARY:Aktionstag " + i, "END:VEVENT"));
        }
        lines.add("END:VCALENDAR");
        byte[] feed = Ics.fold(lines);
        return feed;
    }

    public static void main(String[] args) throws Exception {
        java.nio.file.Files.write(java.nio.file.Path.of(args[0]), generate(400, 400, 1100, 100));
        System.out.println(new String(generate(1, 0, 0, 0), StandardCharsets.UTF_8).length());
    }
}
