package org.campusmirror.mirror.widgets.timetable;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Times what one timetable refresh costs on a 2,000-event semester feed (no network): parse, then expand over the
 * window, as TimetableWidget does. Beside it, in the same run, the reference: the same parse followed by ical4j's
 * own per-event expansion (VEvent.calculateRecurrenceSet) over the same window. Prints medians and ratios.
 *
 * <p>Usage: TimetableBench [warmup-iterations] [measured-iterations]
 */
public final class TimetableBench {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        byte[] feed = SemesterFeed.generate(400, 400, 1100, 100);
        Calendar probe = IcalParser.parse(feed);
        int vevents = probe.getComponents(Component.VEVENT).size();
        LocalDate today = LocalDate.of(2026, 11, 16);
        System.out.printf("feed: %d VEVENTs (400 weekly series with EXDATEs, 400 RECURRENCE-ID overrides, "
                + "1100 single, 100 all-day), %d bytes%n", vevents, feed.length);
        System.out.printf("JVM: %s %s, options: %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf("warm-up %d, measured %d iterations each, window from %s%n%n", warmup, measured, today);

        List<String[]> rows = new ArrayList<>();
        double parse = time("parse only", warmup, measured, () -> IcalParser.parse(feed), rows);
        double ours3 = time("ours: parse + expand, 3 days", warmup, measured, () -> ours(feed, today, 3), rows);
        double ours14 = time("ours: parse + expand, 14 days", warmup, measured, () -> ours(feed, today, 14), rows);
        double ref3 = time("reference: parse + ical4j calculateRecurrenceSet, 3 days", warmup, measured,
                () -> reference(feed, today, 3), rows);
        System.out.println("| case | median ms | p10 ms | p90 ms |");
        System.out.println("|---|---|---|---|");
        for (String[] row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
        System.out.printf("%nexpansion alone (3 days): %.1f ms; ours / reference (3 days): %.2f; 14 days / 3 days: "
                + "%.2f%n", ours3 - parse, ours3 / ref3, ours14 / ours3);
        System.out.printf("occurrences in 3 days: ours %d (overrides applied), reference %d (overrides not "
                + "applied)%n", (Integer) ours(feed, today, 3), (Integer) reference(feed, today, 3));
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        Calendar held = IcalParser.parse(feed);
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("heap held by the parsed calendar (approx., after System.gc): %.1f MB%n",
                (after - before) / 1048576.0);
        if (held.getComponents().isEmpty()) {
            throw new AssertionError();
        }
    }

    private static Object ours(byte[] feed, LocalDate today, int days) throws Exception {
        Calendar calendar = IcalParser.parse(feed);
        var expander = new OccurrenceExpander(OccurrenceExpander.Limits.DEFAULT, () -> false);
        var result = expander.expand(calendar, new OccurrenceExpander.Window(today, today.plusDays(days), BERLIN),
                BERLIN);
        return result.occurrences().size();
    }

    private static Object reference(byte[] feed, LocalDate today, int days) throws Exception {
        Calendar calendar = IcalParser.parse(feed);
        ZonedDateTime start = today.atStartOfDay(BERLIN);
        var period = new net.fortuna.ical4j.model.Period<>(start, start.plusDays(days));
        int count = 0;
        for (Component component : calendar.getComponents(Component.VEVENT)) {
            count += ((VEvent) component).calculateRecurrenceSet(period).size();
        }
        return count;
    }

    private static double time(String name, int warmup, int measured, Callable<Object> work, List<String[]> rows)
            throws Exception {
        for (int i = 0; i < warmup; i++) {
            work.call();
        }
        double[] ms = new double[measured];
        for (int i = 0; i < measured; i++) {
            long t0 = System.nanoTime();
            work.call();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double median = ms[measured / 2];
        rows.add(new String[] {name, String.format("%.1f", median), String.format("%.1f", ms[measured / 10]),
                String.format("%.1f", ms[measured * 9 / 10])});
        return median;
    }
}
