package org.campusmirror.mirror.widgets.timetable;

import static org.campusmirror.mirror.widgets.timetable.Ics.BERLIN;
import static org.campusmirror.mirror.widgets.timetable.Ics.event;
import static org.campusmirror.mirror.widgets.timetable.Ics.feed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.campusmirror.mirror.widgets.common.TestContext;
import org.campusmirror.mirror.widgets.fetch.FixtureServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The timetable fetching its feed from a local HTTP server through the framework's fetch path. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimetableOverHttpTest {
    private static final byte[] FEED = feed(event("lecture", "DTSTART;TZID=Europe/Berlin:20261012T101500",
            "DTEND;TZID=Europe/Berlin:20261012T114500", "RRULE:FREQ=WEEKLY;BYDAY=MO", "SUMMARY:Analysis I",
            "LOCATION:HS 1"));
    private static final TestContext MONDAY = TestContext.at("2026-10-26T09:30:00Z", BERLIN, Locale.GERMANY);

    @TempDir
    Path home;
    private final FixtureServer server = new FixtureServer();

    TimetableOverHttpTest() throws IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TimetableWidget widget(String path) {
        return new TimetableWidget(TimetableWidgetTest.config(server.uri(path).toString()), home,
                FixtureServer.download());
    }

    @Test
    void feedServedAsTextCalendar() throws Exception {
        server.body("/feed.ics", 200, "text/calendar; charset=utf-8", FEED);
        var view = (TimetableView) widget("/feed.ics").refresh(MONDAY).data();
        var entry = view.days().get(0).entries().get(0);
        assertEquals("Analysis I", entry.title());
        assertTrue(entry.running());
    }

    @Test
    void errorStatusesFailTheRefreshNamingTheStatus() {
        for (int status : new int[] {404, 403, 500, 503}) {
            server.body("/s" + status, status, "text/html", "<h1>error</h1>".getBytes(StandardCharsets.UTF_8));
            var e = assertThrows(IOException.class, () -> widget("/s" + status).refresh(MONDAY));
            assertTrue(e.getMessage().contains(String.valueOf(status)), e.getMessage());
        }
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() {
        server.slow("/slow", Duration.ofSeconds(10));
        long start = System.nanoTime();
        var e = assertThrows(IOException.class, () -> widget("/slow").refresh(MONDAY));
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(9), "gave up before the server answered");
    }

    @Test
    void aBodyThatNeverEndsTimesOut() {
        server.trickle("/trickle");
        var e = assertThrows(IOException.class, () -> widget("/trickle").refresh(MONDAY));
        assertTrue(e.getMessage().contains("did not send its body"), e.getMessage());
    }

    @Test
    void hugeBodiesAreCutAtTheLimitWithOrWithoutContentLength() {
        server.huge("/chunked", 50L << 20, false).huge("/declared", 50L << 20, true);
        var chunked = assertThrows(IOException.class, () -> widget("/chunked").refresh(MONDAY));
        assertTrue(chunked.getMessage().contains("limit"), chunked.getMessage());
        var declared = assertThrows(IOException.class, () -> widget("/declared").refresh(MONDAY));
        assertTrue(declared.getMessage().contains("limit"), declared.getMessage());
    }

    @Test
    void loginPageWithTheWrongContentTypeIsAMalformedFeed() {
        server.body("/login", 200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><body><form>Login</form></body></html>".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(IOException.class, () -> widget("/login").refresh(MONDAY));
        assertTrue(e.getCause() instanceof IcalParser.MalformedCalendarException, String.valueOf(e.getCause()));
    }

    @Test
    void truncatedBodyIsAMalformedFeed() {
        server.body("/cut", 200, "text/calendar", Arrays.copyOf(FEED, FEED.length / 2));
        var e = assertThrows(IOException.class, () -> widget("/cut").refresh(MONDAY));
        assertTrue(e.getCause() instanceof IcalParser.MalformedCalendarException, String.valueOf(e.getCause()));
    }
}
