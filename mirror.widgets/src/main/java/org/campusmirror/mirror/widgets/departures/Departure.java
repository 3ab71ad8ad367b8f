package org.campusmirror.mirror.widgets.departures;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One departure as a provider read it, and as the tile shows it.
 *
 * @param line            the line's name, e.g. {@code S1}, {@code 10}, {@code RE 7}
 * @param product         what kind of transport
 * @param direction       where it goes
 * @param planned         the timetabled departure
 * @param expected        the real-time departure, or null when there is no real-time data or it is cancelled
 * @param delayMinutes    the delay in whole minutes (negative when early), or null when unknown
 * @param cancelled       whether it does not run
 * @param platform        the current platform or track, or null
 * @param plannedPlatform the timetabled platform, or null
 * @param warnings        remarks and alerts to show as warnings (plain text)
 */
public record Departure(String line, Product product, String direction, Instant planned, Instant expected,
        Integer delayMinutes, boolean cancelled, String platform, String plannedPlatform, List<String> warnings) {

    public Departure {
        Objects.requireNonNull(planned, "planned");
        warnings = List.copyOf(warnings);
    }

    /** The best known time it leaves: real-time when known, else timetabled. */
    public Instant leaves() {
        return expected != null ? expected : planned;
    }

    /** Whether it now leaves from another platform than timetabled. */
    public boolean platformChanged() {
        return platform != null && plannedPlatform != null && !platform.equals(plannedPlatform);
    }

    static Integer minutesBetween(Instant planned, Instant expected) {
        if (planned == null || expected == null) {
            return null;
        }
        return (int) Math.round(Duration.between(planned, expected).getSeconds() / 60.0);
    }
}
