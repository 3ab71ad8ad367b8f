package org.campusmirror.mirror.widgets.timetable;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.campusmirror.mirror.widget.RefreshContext;
import org.campusmirror.mirror.widget.ViewModel;
import org.campusmirror.mirror.widgets.http.FetchRequest;
import org.campusmirror.mirror.widgets.http.HttpFetcher;

import net.fortuna.ical4j.model.Calendar;

/**
 * One timetable tile's work: fetch every feed, parse, expand over the window, lay out by day.
 *
 * <p>A feed that fails (network, HTTP error, malformed body) is replaced by its last good copy from memory, with a
 * note naming it and the time that copy is from; only when every feed fails without a copy does the refresh fail
 * (an IOException: the runtime then shows the tile's last data as stale).
 */
final class Timetable {
    private final TimetableSettings settings;
    /** What calendar servers send: text/calendar mostly, some exports as text/plain or octet-stream. */
    private static final String ACCEPT = "text/calendar, text/plain;q=0.5, */*;q=0.1";

    private final HttpFetcher http;
    private final OccurrenceExpander.Limits limits;
    /** The last good body of each feed, by label, and when it was fetched. */
    private final Map<String, Fetched> lastGood = new ConcurrentHashMap<>();

    private record Fetched(byte[] body, Instant at) {
    }

    Timetable(TimetableSettings settings, HttpFetcher http, OccurrenceExpander.Limits limits) {
        this.settings = settings;
        this.http = http;
        this.limits = limits;
    }

    ViewModel refresh(RefreshContext context) throws IOException {
        Instant now = context.clock().instant();
        ZoneId zone = context.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        var window = new OccurrenceExpander.Window(today, today.plusDays(settings.days()), zone);
        var expander = new OccurrenceExpander(limits, context::cancelled);
        List<Occurrence> occurrences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Instant asOf = now;
        IOException firstFailure = null;
        int used = 0;
        for (CalendarSource source : settings.sources()) {
            Fetched fetched;
            Calendar calendar;
            try {
                fetched = new Fetched(read(source), now);
                calendar = IcalParser.parse(fetched.body());
                lastGood.put(source.label(), fetched);
            } catch (java.io.InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (firstFailure == null) {
                    firstFailure = new IOException(source.label() + ": " + e.getMessage(), e);
                }
                fetched = lastGood.get(source.label());
                if (fetched == null) {
                    notes.add(source.label() + ": " + e.getMessage());
                    continue;
                }
                notes.add(source.label() + ": " + e.getMessage() + "; showing the copy from " + fetched.at());
                calendar = IcalParser.parse(fetched.body());
            }
            ZoneId floating = IcalParser.declaredZone(calendar).orElse(zone);
            var result = expander.expand(calendar, window, floating);
            occurrences.addAll(result.occurrences());
            notes.addAll(result.problems());
            asOf = fetched.at().isBefore(asOf) ? fetched.at() : asOf;
            used++;
        }
        if (used == 0) {
            throw firstFailure;
        }
        occurrences.sort(Comparator.comparing((Occurrence o) -> o.sortKey(zone)).thenComparing(Occurrence::summary));
        return new ViewModel(TimetableView.of(occurrences, window, now, settings.maxEntries(), notes), asOf);
    }

    private byte[] read(CalendarSource source) throws IOException {
        if (source instanceof CalendarSource.Url url) {
            return http.fetch(FetchRequest.get(url.uri()).withAccept(ACCEPT).withMaxBytes(settings.maxBytes())).body();
        }
        try (InputStream in = ((CalendarSource.File) source).open()) {
            return in.readAllBytes();
        }
    }
}
