package org.campusmirror.mirror.widgets.timetable;

import static org.campusmirror.mirror.widgets.timetable.Ics.BERLIN;
import static org.campusmirror.mirror.widgets.timetable.Ics.event;
import static org.campusmirror.mirror.widgets.timetable.Ics.feed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.common.TestContext;
import org.campusmirror.mirror.widgets.http.CannedFetcher;
import org.campusmirror.mirror.widgets.http.HttpFetcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The widget as the runtime drives it: configuration checks, file sources, fallbacks, the laid-out view. */
class TimetableWidgetTest {
    @TempDir
    Path home;

    static TimetableWidget.Config config(String... sources) {
        return config(3, 30, sources);
    }

    static TimetableWidget.Config config(int days, int maxEntries, String... sources) {
        return new TimetableWidget.Config() {
            public Class<? extends Annotation> annotationType() { return TimetableWidget.Config.class; }
            public String widget_title() { return "Stundenplan"; }
            public String widget_region() { return "top_left"; }
            public String[] widget_page() { return new String[] {"*"}; }
            public long widget_refresh_seconds() { return 900; }
            public String[] timetable_sources() { return sources; }
            public int timetable_days() { return days; }
            public int timetable_max_entries() { return maxEntries; }
            public long timetable_max_bytes() { return 1L << 20; }
        };
    }

    private static final HttpFetcher NO_NETWORK = request -> {
        throw new IOException("no network in this test");
    };

    private Path calendarFile(String name, byte[] content) throws IOException {
        Path folder = Files.createDirectories(home.resolve("calendars"));
        return Files.write(folder.resolve(name), content);
    }

    private static final byte[] LECTURES = feed(event("lecture", "DTSTART;TZID=Europe/Berlin:20261012T101500",
            "DTEND;TZID=Europe/Berlin:20261012T114500", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE", "SUMMARY:Analysis I",
            "LOCATION:HS 1", "CATEGORIES:Vorlesung"));

    @Test
    void fileInTheCalendarFolderIsShownByDayWithWhatRunsNow() throws Exception {
        calendarFile("lectures.ics", LECTURES);
        var widget = new TimetableWidget(config("lectures.ics"), home, NO_NETWORK);
        var view = (TimetableView) widget.refresh(TestContext.at("2026-10-12T08:30:00Z", BERLIN, Locale.GERMANY))
                .data();
        assertEquals(List.of(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 13), LocalDate.of(2026, 10, 14)),
                view.days().stream().map(TimetableView.Day::date).toList());
        assertTrue(view.days().get(0).today());
        var entry = view.days().get(0).entries().get(0);
        assertEquals("Analysis I", entry.title());
        assertEquals("HS 1", entry.location());
        assertEquals(List.of("Vorlesung"), entry.categories());
        assertEquals(LocalTime.of(10, 15), entry.startTime());
        assertEquals(LocalTime.of(11, 45), entry.endTime());
        assertTrue(entry.running(), "10:30 is within 10:15-11:45");
        assertTrue(view.days().get(1).entries().isEmpty(), "no lecture on Tuesday");
        assertFalse(view.days().get(2).entries().get(0).running());
    }

    @Test
    void pathsOutsideTheCalendarFolderAreRefused() throws Exception {
        Files.writeString(home.resolve("admin.password"), "secret");
        calendarFile("ok.ics", LECTURES);
        Path outside = Files.writeString(home.resolve("outside.ics"), "x");
        Files.createSymbolicLink(home.resolve("calendars/link.ics"), outside);
        Files.createSymbolicLink(home.resolve("calendars/dir"), home);
        for (String bad : List.of("../admin.password", "/etc/passwd", home.resolve("admin.password").toString(),
                "link.ics", "dir/admin.password", "calendars/../../admin.password", "file:///etc/passwd",
                "jar:file:/x.jar!/a.ics", "ftp://example.org/a.ics")) {
            var widget = new TimetableWidget(config(bad), home, NO_NETWORK);
            var e = assertThrows(WidgetConfigurationException.class,
                    () -> widget.refresh(TestContext.at("2026-10-12T08:30:00Z", BERLIN, Locale.GERMANY)), bad);
            assertTrue(e.getMessage().startsWith("timetable.sources: "), e.getMessage());
            assertFalse(e.getMessage().contains("secret"));
        }
        // An absolute path into the folder is fine.
        var widget = new TimetableWidget(config(home.resolve("calendars/ok.ics").toString()), home, NO_NETWORK);
        assertEquals(3, ((TimetableView) widget.refresh(TestContext.at("2026-10-12T08:30:00Z", BERLIN,
                Locale.GERMANY)).data()).days().size());
    }

    @Test
    void aLinkThatAppearsAfterSavingIsStillRefusedWhenRead() throws Exception {
        Files.createDirectories(home.resolve("calendars"));
        var widget = new TimetableWidget(config("late.ics"), home, NO_NETWORK);
        Files.createSymbolicLink(home.resolve("calendars/late.ics"), Files.writeString(home.resolve("s.ics"), "x"));
        var e = assertThrows(IOException.class,
                () -> widget.refresh(TestContext.at("2026-10-12T08:30:00Z", BERLIN, Locale.GERMANY)));
        assertTrue(e.getMessage().contains("leads out"), e.getMessage());
    }

    @Test
    void configurationErrorsNameTheSetting() {
        var cases = List.of(
                new Object[] {config(new String[0]), "timetable.sources: give at least one"},
                new Object[] {config("https://user:pw@example.org/a.ics"),
                        "timetable.sources: 'https://example.org/a.ics' carries a user name or password"},
                new Object[] {config("https://"), "timetable.sources: 'https://'"},
                new Object[] {config(0, 30, "a.ics"), "timetable.days: 0"},
                new Object[] {config(15, 30, "a.ics"), "timetable.days: 15"},
                new Object[] {config(3, 0, "a.ics"), "timetable.max.entries: 0"});
        for (Object[] c : cases) {
            var widget = new TimetableWidget((TimetableWidget.Config) c[0], home, NO_NETWORK);
            var e = assertThrows(WidgetConfigurationException.class,
                    () -> widget.refresh(TestContext.at("2026-10-12T08:30:00Z", BERLIN, Locale.GERMANY)));
            assertTrue(e.getMessage().startsWith((String) c[1]), e.getMessage());
            assertFalse(e.getMessage().contains("pw@"), "no password in the message: " + e.getMessage());
        }
    }

    @Test
    void webcalIsReadOverHttps() throws Exception {
        var http = new CannedFetcher().answer("https://stundenplan.example/export.ics", LECTURES, "text/calendar");
        new TimetableWidget(config("webcal://stundenplan.example/export.ics"), home, http)
                .refresh(TestContext.at("2026-10-12T08:30:00Z", BERLIN, Locale.GERMANY));
        assertEquals(List.of("https://stundenplan.example/export.ics"),
                http.requests().stream().map(request -> request.uri().toString()).toList());
        assertEquals(1L << 20, http.requests().get(0).maxBytes(), "the configured limit goes to the fetcher");
    }

    @Test
    void aFailingFeedFallsBackToItsLastGoodCopyAndTheOthersStay() throws Exception {
        calendarFile("local.ics", feed(event("local", "DTSTART;TZID=Europe/Berlin:20261012T140000",
                "DURATION:PT1H", "RRULE:FREQ=DAILY", "SUMMARY:Sprechstunde")));
        var http = new CannedFetcher().answer("https://uni.example/a.ics", LECTURES, "text/calendar");
        var widget = new TimetableWidget(config("https://uni.example/a.ics", "local.ics"), home, http);
        var context = TestContext.at("2026-10-12T08:30:00Z", BERLIN, Locale.GERMANY);
        widget.refresh(context);
        http.refuse("https://uni.example/a.ics");
        var model = widget.refresh(TestContext.at("2026-10-12T09:30:00Z", BERLIN, Locale.GERMANY));
        var view = (TimetableView) model.data();
        assertEquals(List.of("Analysis I", "Sprechstunde"),
                view.days().get(0).entries().stream().map(TimetableView.Entry::title).toList());
        assertTrue(view.notes().get(0).contains("connection refused") && view.notes().get(0).contains("copy from"),
                view.notes().toString());
        assertEquals(java.time.Instant.parse("2026-10-12T08:30:00Z"), model.asOf());
    }

    @Test
    void everyFeedDownWithoutACopyFailsTheRefresh() {
        var widget = new TimetableWidget(config("https://uni.example/a.ics"), home, NO_NETWORK);
        var e = assertThrows(IOException.class,
                () -> widget.refresh(TestContext.at("2026-10-12T08:30:00Z", BERLIN, Locale.GERMANY)));
        assertTrue(e.getMessage().contains("no network"), e.getMessage());
    }

    @Test
    void aBodyThatIsNoCalendarFailsLikeAnOutage() {
        var html = new CannedFetcher().answer("https://uni.example/a.ics",
                "<html>Login</html>".getBytes(StandardCharsets.UTF_8), "text/html");
        var widget = new TimetableWidget(config("https://uni.example/a.ics"), home, html);
        var e = assertThrows(IOException.class,
                () -> widget.refresh(TestContext.at("2026-10-12T08:30:00Z", BERLIN, Locale.GERMANY)));
        assertTrue(e.getCause() instanceof IcalParser.MalformedCalendarException, String.valueOf(e.getCause()));
        assertTrue(e.getMessage().startsWith("https://uni.example/a.ics: not a valid iCalendar feed"), e.getMessage());
    }

    @Test
    void tooLargeFilesAreRefusedBeforeReading() throws Exception {
        calendarFile("huge.ics", new byte[(1 << 20) + 1]);
        var widget = new TimetableWidget(config("huge.ics"), home, NO_NETWORK);
        var e = assertThrows(IOException.class,
                () -> widget.refresh(TestContext.at("2026-10-12T08:30:00Z", BERLIN, Locale.GERMANY)));
        assertTrue(e.getMessage().contains("more than the limit"), e.getMessage());
    }

    @Test
    void multiDayEventShowsOnEachDayWithTimesOnlyWhereItStartsAndEnds() throws Exception {
        calendarFile("trip.ics", feed(Ics.events(event("trip", "DTSTART;TZID=Europe/Berlin:20261024T180000",
                "DTEND;TZID=Europe/Berlin:20261026T100000", "SUMMARY:Exkursion"), event("day",
                "DTSTART;VALUE=DATE:20261025", "SUMMARY:Tag der offenen Tür"))));
        var view = (TimetableView) new TimetableWidget(config("trip.ics"), home, NO_NETWORK)
                .refresh(TestContext.at("2026-10-24T10:00:00Z", BERLIN, Locale.GERMANY)).data();
        var saturday = view.days().get(0).entries().get(0);
        assertEquals(LocalTime.of(18, 0), saturday.startTime());
        assertNull(saturday.endTime());
        var sunday = view.days().get(1).entries();
        assertEquals(List.of("Tag der offenen Tür", "Exkursion"), sunday.stream().map(TimetableView.Entry::title).toList());
        assertTrue(sunday.get(0).allDay());
        assertNull(sunday.get(1).startTime());
        assertNull(sunday.get(1).endTime());
        assertEquals(LocalTime.of(10, 0), view.days().get(2).entries().get(0).endTime());
        assertEquals(LocalDate.of(2026, 10, 26), saturday.lastDay());
    }

    @Test
    void theTileShowsAtMostTheConfiguredEntries() throws Exception {
        calendarFile("many.ics", feed(event("hourly", "DTSTART;TZID=Europe/Berlin:20261012T080000",
                "DURATION:PT30M", "RRULE:FREQ=HOURLY", "SUMMARY:Tutorium")));
        var view = (TimetableView) new TimetableWidget(config(3, 10, "many.ics"), home, NO_NETWORK)
                .refresh(TestContext.at("2026-10-12T05:00:00Z", BERLIN, Locale.GERMANY)).data();
        assertEquals(10, view.days().stream().mapToInt(d -> d.entries().size()).sum());
        assertTrue(view.truncated());
    }

    @Test
    void daysCutOffByTheLimitAreLeftOutNotShownAsFree() throws Exception {
        // Two events a day, a limit of three: today shows two, tomorrow one, and the day after is not listed.
        calendarFile("week.ics", feed(Ics.events(event("daily", "DTSTART;TZID=Europe/Berlin:20261012T081500",
                "DURATION:PT90M", "RRULE:FREQ=DAILY", "SUMMARY:Vorlesung"), event("second",
                "DTSTART;TZID=Europe/Berlin:20261012T100000", "DURATION:PT90M", "RRULE:FREQ=DAILY",
                "SUMMARY:Übung"))));
        var view = (TimetableView) new TimetableWidget(config(3, 3, "week.ics"), home, NO_NETWORK)
                .refresh(TestContext.at("2026-10-12T05:00:00Z", BERLIN, Locale.GERMANY)).data();
        assertTrue(view.truncated());
        assertEquals(List.of(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 13)),
                view.days().stream().map(TimetableView.Day::date).toList(), "the third day is cut off, not free");
        assertEquals(List.of(2, 1), view.days().stream().map(day -> day.entries().size()).toList());
    }
}
