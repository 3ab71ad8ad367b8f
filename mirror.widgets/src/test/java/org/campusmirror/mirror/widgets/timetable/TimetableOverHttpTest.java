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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.campusmirror.mirror.widgets.common.TestContext;
import org.campusmirror.mirror.widgets.http.BodyTooLargeException;
import org.campusmirror.mirror.widgets.http.HttpFetcherSettings;
import org.campusmirror.mirror.widgets.http.HttpTestServer;
import org.campusmirror.mirror.widgets.http.MutableClock;
import org.campusmirror.mirror.widgets.http.PoliteHttpFetcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The timetable fetching its feed from a local HTTP server through the shared polite client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimetableOverHttpTest {
    private static final byte[] FEED = feed(event("lecture", "DTSTART;TZID=Europe/Berlin:20261012T101500",
            "DTEND;TZID=Europe/Berlin:20261012T114500", "RRULE:FREQ=WEEKLY;BYDAY=MO", "SUMMARY:Analysis I",
            "LOCATION:HS 1"));
    private static final TestContext MONDAY = TestContext.at("2026-10-26T09:30:00Z", BERLIN, Locale.GERMANY);

    @TempDir
    Path home;
    private final HttpTestServer server = new HttpTestServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-26T09:30:00Z"));
    /** One client per test, so one test's backoff does not leak into the next. */
    private final List<PoliteHttpFetcher> fetchers = new ArrayList<>();

    TimetableOverHttpTest() throws IOException {
    }

    @AfterEach
    void stop() {
        fetchers.forEach(PoliteHttpFetcher::close);
        server.close();
    }

    private PoliteHttpFetcher fetcher() {
        var fetcher = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3)), clock);
        fetchers.add(fetcher);
        return fetcher;
    }

    private TimetableWidget widget(String path) {
        return widget(path, fetcher());
    }

    private TimetableWidget widget(String path, PoliteHttpFetcher fetcher) {
        return new TimetableWidget(TimetableWidgetTest.config(server.uri(path).toString()), home, fetcher);
    }

    @Test
    void feedServedAsTextCalendarWithTheProjectsUserAgent() throws Exception {
        server.fixture("/feed.ics", "text/calendar; charset=utf-8", FEED);
        var view = (TimetableView) widget("/feed.ics").refresh(MONDAY).data();
        var entry = view.days().get(0).entries().get(0);
        assertEquals("Analysis I", entry.title());
        assertTrue(entry.running());
        var request = server.requests().get(0).headers();
        assertEquals("CampusMirror/0.1.0", request.getFirst("User-Agent"));
        assertTrue(request.getFirst("Accept").startsWith("text/calendar"), request.getFirst("Accept"));
    }

    @Test
    void anUnchangedFeedIsRevalidatedWithItsEtagAndStillShown() throws Exception {
        server.route("/feed.ics", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"w42\"");
            if ("\"w42\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                HttpTestServer.send(exchange, 200, "text/calendar", FEED);
            }
        });
        var widget = widget("/feed.ics");
        widget.refresh(MONDAY);
        var view = (TimetableView) widget.refresh(MONDAY).data();
        assertEquals("Analysis I", view.days().get(0).entries().get(0).title());
        assertEquals("\"w42\"", server.requests().get(1).headers().getFirst("If-None-Match"));
        assertTrue(view.notes().isEmpty(), view.notes().toString());
    }

    @Test
    void retryAfterIsHonouredAndTheLastGoodCopyShownMeanwhile() throws Exception {
        var busy = new boolean[] {false};
        server.route("/feed.ics", exchange -> {
            if (busy[0]) {
                exchange.getResponseHeaders().set("Retry-After", "600");
                exchange.sendResponseHeaders(429, -1);
            } else {
                HttpTestServer.send(exchange, 200, "text/calendar", FEED);
            }
        });
        var widget = widget("/feed.ics");
        widget.refresh(MONDAY);
        busy[0] = true;
        var limited = (TimetableView) widget.refresh(MONDAY).data();
        assertTrue(limited.notes().get(0).contains("429"), limited.notes().toString());
        clock.advance(Duration.ofMinutes(5));
        var waiting = (TimetableView) widget.refresh(MONDAY).data();
        assertEquals(2, server.count("/feed.ics"), "no request before the 10 minutes are over");
        assertEquals("Analysis I", waiting.days().get(0).entries().get(0).title());
        clock.advance(Duration.ofMinutes(6));
        widget.refresh(MONDAY);
        assertEquals(3, server.count("/feed.ics"), "asks again after Retry-After");
    }

    @Test
    void errorStatusesFailTheRefreshNamingTheStatus() {
        var fetcher = fetcher();
        for (int status : new int[] {404, 403, 500, 503}) {
            server.route("/s" + status, exchange -> HttpTestServer.send(exchange, status, "text/html",
                    "<h1>error</h1>".getBytes(StandardCharsets.UTF_8)));
            var e = assertThrows(IOException.class, () -> widget("/s" + status, fetcher).refresh(MONDAY));
            assertTrue(e.getMessage().contains(String.valueOf(status)), e.getMessage());
        }
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() {
        server.silent("/slow");
        var e = assertThrows(IOException.class, () -> widget("/slow").refresh(MONDAY));
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
    }

    @Test
    void aBodyThatNeverEndsTimesOut() {
        server.trickle("/trickle", "text/calendar");
        var e = assertThrows(IOException.class, () -> widget("/trickle").refresh(MONDAY));
        assertTrue(e.getMessage().contains("did not finish within 3 s"), e.getMessage());
    }

    @Test
    void hugeBodiesAreCutAtTheConfiguredLimitWithOrWithoutContentLength() {
        server.route("/chunked", exchange -> server.stream(exchange, "text/calendar", 50L << 20, false))
                .route("/declared", exchange -> server.stream(exchange, "text/calendar", 50L << 20, true));
        for (String path : new String[] {"/chunked", "/declared"}) {
            var e = assertThrows(IOException.class, () -> widget(path).refresh(MONDAY));
            assertTrue(e.getCause() instanceof BodyTooLargeException tooLarge && tooLarge.limit() == 1L << 20,
                    path + ": cut at timetable.max.bytes, " + e.getCause());
        }
        assertTrue(server.bytesWritten.get() < 20L << 20, "stopped reading near the limit: "
                + server.bytesWritten.get());
    }

    @Test
    void loginPageWithTheWrongContentTypeIsAMalformedFeed() {
        server.fixture("/login", "text/html; charset=utf-8",
                "<!DOCTYPE html><html><body><form>Login</form></body></html>".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(IOException.class, () -> widget("/login").refresh(MONDAY));
        assertTrue(e.getCause() instanceof IcalParser.MalformedCalendarException, String.valueOf(e.getCause()));
    }

    @Test
    void truncatedBodyIsAMalformedFeed() {
        server.fixture("/cut", "text/calendar", Arrays.copyOf(FEED, FEED.length / 2));
        var e = assertThrows(IOException.class, () -> widget("/cut").refresh(MONDAY));
        assertTrue(e.getCause() instanceof IcalParser.MalformedCalendarException, String.valueOf(e.getCause()));
    }
}
