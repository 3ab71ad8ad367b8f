package org.campusmirror.mirror.runtime.internal.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The off-times of the mirror in its time zone. An off-time is the span of real time from the first moment the local
 * clock reaches its start to the first moment after that it reaches its end: a start in the spring-forward gap begins
 * when the clock jumps past it, and an off-time that spans the repeated autumn hour does not end in it.
 */
record OffSchedule(List<OffTime> offTimes, ZoneId zone) {
    /** No off-times. */
    static OffSchedule none(ZoneId zone) {
        return new OffSchedule(List.of(), zone);
    }

    boolean isEmpty() {
        return offTimes.isEmpty();
    }

    /** Whether {@code instant} lies in an off-time. */
    boolean isOff(Instant instant) {
        LocalDate today = LocalDate.ofInstant(instant, zone);
        for (Span span : spans(today.minusDays(2), today.plusDays(1))) {
            if (!instant.isBefore(span.start) && instant.isBefore(span.end)) {
                return true;
            }
        }
        return false;
    }

    /** The first moment after {@code now} at which {@link #isOff} changes, if one comes within a week. */
    Optional<Instant> nextChange(Instant now) {
        boolean offNow = isOff(now);
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Instant> boundaries = new ArrayList<>();
        for (Span span : spans(today.minusDays(1), today.plusDays(8))) {
            boundaries.add(span.start);
            boundaries.add(span.end);
        }
        return boundaries.stream().filter(boundary -> boundary.isAfter(now)).sorted()
                .filter(boundary -> isOff(boundary) != offNow).findFirst();
    }

    private record Span(Instant start, Instant end) {
    }

    private List<Span> spans(LocalDate from, LocalDate to) {
        List<Span> spans = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (OffTime offTime : offTimes) {
                if (offTime.days().contains(date.getDayOfWeek())) {
                    LocalDateTime start = date.atTime(offTime.start());
                    LocalDateTime end = offTime.end() == null ? date.plusDays(1).atStartOfDay()
                            : (offTime.overnight() ? date.plusDays(1) : date).atTime(offTime.end());
                    spans.add(new Span(firstReached(start), firstReached(end)));
                }
            }
        }
        return spans;
    }

    /** The first instant at which the local clock shows {@code local} or later. */
    private Instant firstReached(LocalDateTime local) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.toInstant(offsets.get(0));
    }
}
