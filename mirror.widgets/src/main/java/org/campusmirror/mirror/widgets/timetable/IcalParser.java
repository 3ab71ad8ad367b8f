package org.campusmirror.mirror.widgets.timetable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ZoneRulesProviderImpl;

/**
 * Parses iCalendar (RFC 5545) text with ical4j: CRLF or LF line ends, folded lines, escaped text, VTIMEZONEs.
 *
 * <p>ical4j reads its settings ({@code ical4j.properties}: relaxed parsing, Outlook and Notes compatibility, no
 * zone updates from the network) once, through the thread context class loader. Under OSGi that loader is
 * whatever the calling thread happens to carry, so every call here runs with this bundle's class loader as the
 * context loader; the first call then finds this bundle's file.
 */
final class IcalParser {

    private IcalParser() {
    }

    /** Parses a feed read whole (its size is bounded by the caller); iCalendar is UTF-8 (RFC 5545, 3.1.4). */
    static Calendar parse(InputStream in) throws IOException {
        return parse(in.readAllBytes());
    }

    static Calendar parse(byte[] feed) throws IOException {
        return parse(new InputStreamReader(new ByteArrayInputStream(unfold(feed)), StandardCharsets.UTF_8));
    }

    /**
     * Joins folded lines on bytes, before decoding: RFC 5545 (3.1) folds at 75 octets, and simple producers split a
     * UTF-8 sequence there ("Übung" broken inside the Ü), which decoding first would turn into U+FFFD.
     */
    static byte[] unfold(byte[] feed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(feed.length);
        for (int i = 0; i < feed.length; i++) {
            byte b = feed[i];
            int next = i + 1;
            if (b == '\r' && next < feed.length && feed[next] == '\n') {
                next++;
            } else if (b != '\n') {
                out.write(b);
                continue;
            }
            if (next < feed.length && (feed[next] == ' ' || feed[next] == '\t')) {
                i = next; // line end plus one blank: a fold, dropped with the blank
            } else {
                out.write('\r');
                out.write('\n');
                i = next - 1;
            }
        }
        return out.toByteArray();
    }

    static Calendar parse(Reader reader) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(IcalParser.class.getClassLoader());
        try {
            // Inside: the zone pool's first use reads ical4j.properties, which only this loader finds.
            reclaimZoneIdsIfLow();
            return new CalendarBuilder().build(reader);
        } catch (ParserException e) {
            throw new MalformedCalendarException("not a valid iCalendar feed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // ical4j reports some malformed values (dates, rules, zone ids) as runtime exceptions.
            throw new MalformedCalendarException("not a valid iCalendar feed: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * ical4j maps each VTIMEZONE of a parse to one of a fixed pool of java.time zone ids ({@code ical4j-local-N},
     * 1,500 by default), given back only when the parse's zone registry is garbage-collected. A mirror that parses
     * every few minutes on a heap that rarely collects could run the pool dry, and parses would then fail; so when
     * few ids are left, ask for a collection first.
     */
    private static void reclaimZoneIdsIfLow() {
        var pool = ZoneRulesProviderImpl.INSTANCE.getZoneIdPool();
        if (pool.availableZoneIds() < 100) {
            System.gc();
            pool.cleanup();
        }
    }

    /** The zone a feed names for floating times (X-WR-TIMEZONE, as Google and Apple write it), if valid. */
    static Optional<ZoneId> declaredZone(Calendar calendar) {
        return calendar.getProperty("X-WR-TIMEZONE").map(p -> p.getValue().strip()).flatMap(id -> {
            try {
                return Optional.of(ZoneId.of(id));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        });
    }

    /** The feed is not iCalendar, or broken beyond what relaxed parsing accepts. */
    static final class MalformedCalendarException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedCalendarException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
