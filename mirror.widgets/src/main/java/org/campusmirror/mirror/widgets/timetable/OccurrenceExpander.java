package org.campusmirror.mirror.widgets.timetable;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.function.BooleanSupplier;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Status;

/**
 * Turns the VEVENTs of one parsed calendar into the occurrences that touch a window of days, within limits.
 *
 * <p>Recurrences are expanded with ical4j's {@link Recur} in the time zone of each series' DTSTART (its VTIMEZONE
 * or IANA id), so a weekly 09:00 lecture stays at 09:00 on both sides of a daylight-saving switch. All-day series
 * are expanded on plain dates and never meet a zone. EXDATE and RECURRENCE-ID are matched by instant (by date for
 * all-day series), so a UTC EXDATE cancels a Berlin instance. UNTIL is converted to the series' own kind of value
 * first (a UTC UNTIL of an all-day series becomes a date in the feed's zone), because ical4j would otherwise
 * compare it in the JVM's default zone.
 *
 * <p>Bounds: a hostile or broken feed (FREQ=SECONDLY without end, huge COUNT, BY-lists that multiply into millions
 * of candidates) must not hang the refresh or fill the heap. Each rule gets at most {@link Limits#maxSteps()}
 * candidate steps and {@link Limits#maxPerEvent()} instances; a rule whose BY-lists would produce more than
 * {@link Limits#maxCandidatesPerStep()} candidates in one step is not expanded at all; the result holds at most
 * {@link Limits#maxTotal()} occurrences. What was cut is reported, not silently dropped.
 */
final class OccurrenceExpander {

    /** How much one feed may cost. */
    record Limits(int maxPerEvent, int maxTotal, int maxSteps, int maxCandidatesPerStep) {
        static final Limits DEFAULT = new Limits(500, 2_000, 20_000, 4_000);
    }

    /** The days to show, {@code [firstDay, endDay)} in {@code zone} (the mirror's). */
    record Window(LocalDate firstDay, LocalDate endDay, ZoneId zone) {
        Instant start() {
            return firstDay.atStartOfDay(zone).toInstant();
        }

        Instant end() {
            return endDay.atStartOfDay(zone).toInstant();
        }

        boolean intersects(Occurrence occurrence) {
            if (occurrence.isAllDay()) {
                return occurrence.firstDay().isBefore(endDay) && occurrence.endDay().isAfter(firstDay);
            }
            if (occurrence.start().equals(occurrence.end())) {
                return !occurrence.start().isBefore(start()) && occurrence.start().isBefore(end());
            }
            return occurrence.start().isBefore(end()) && occurrence.end().isAfter(start());
        }
    }

    /**
     * @param occurrences sorted by start, at most {@link Limits#maxTotal()}
     * @param problems    what was cut or skipped, one line each, for the console and the log
     */
    record Result(List<Occurrence> occurrences, List<String> problems) {
    }

    private final Limits limits;
    private final BooleanSupplier cancelled;

    OccurrenceExpander(Limits limits, BooleanSupplier cancelled) {
        this.limits = limits;
        this.cancelled = cancelled;
    }

    /**
     * @param floatingZone the zone for floating times and for turning UTC values of all-day series into dates: the
     *                     feed's X-WR-TIMEZONE if it names one, else the mirror's zone
     */
    Result expand(Calendar calendar, Window window, ZoneId floatingZone) throws InterruptedIOException {
        List<VEvent> masters = new ArrayList<>();
        Map<String, List<VEvent>> overridesByUid = new HashMap<>();
        for (Component component : calendar.getComponents(Component.VEVENT)) {
            VEvent event = (VEvent) component;
            if (event.getProperty(Property.RECURRENCE_ID).isPresent()) {
                overridesByUid.computeIfAbsent(uid(event), k -> new ArrayList<>()).add(event);
            } else {
                masters.add(event);
            }
        }
        List<Occurrence> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (VEvent master : masters) {
            checkCancelled();
            List<VEvent> overrides = overridesByUid.remove(uid(master));
            if (isCancelled(master)) {
                continue;
            }
            TemporalKeys replaced = new TemporalKeys(floatingZone);
            if (overrides != null) {
                for (VEvent override : overrides) {
                    override.getProperty(Property.RECURRENCE_ID)
                            .ifPresent(id -> replaced.add(((DateProperty<?>) id).getDate()));
                    addSingle(override, window, floatingZone, found);
                }
            }
            expandSeries(master, window, floatingZone, replaced, found, problems);
        }
        // Overrides whose series is missing from the feed still happened: show them as they are.
        for (List<VEvent> orphans : overridesByUid.values()) {
            for (VEvent orphan : orphans) {
                addSingle(orphan, window, floatingZone, found);
            }
        }
        found.sort(Comparator.comparing((Occurrence o) -> o.sortKey(window.zone()))
                .thenComparing(Occurrence::summary));
        if (found.size() > limits.maxTotal()) {
            problems.add("more than " + limits.maxTotal() + " events in the window; the first " + limits.maxTotal()
                    + " are shown");
            found = new ArrayList<>(found.subList(0, limits.maxTotal()));
        }
        return new Result(List.copyOf(found), List.copyOf(problems));
    }

    private void addSingle(VEvent event, Window window, ZoneId floatingZone, List<Occurrence> found) {
        if (isCancelled(event)) {
            return;
        }
        Optional<Temporal> start = dtStart(event);
        if (start.isEmpty()) {
            return;
        }
        Series series = Series.of(event, start.get(), floatingZone);
        Occurrence occurrence = series.occurrence(series.seed);
        if (window.intersects(occurrence)) {
            found.add(occurrence);
        }
    }

    private void expandSeries(VEvent event, Window window, ZoneId floatingZone, TemporalKeys replaced,
            List<Occurrence> found, List<String> problems) throws InterruptedIOException {
        Optional<Temporal> start = dtStart(event);
        if (start.isEmpty()) {
            return;
        }
        Series series = Series.of(event, start.get(), floatingZone);
        TemporalKeys excluded = new TemporalKeys(floatingZone);
        for (Property exdate : event.getProperties(Property.EXDATE)) {
            for (Object date : ((DateListProperty<?>) exdate).getDates()) {
                excluded.add((Temporal) date);
            }
        }
        // Keyed by instant or date, so DTSTART, RDATEs and rule instances that coincide count once.
        Map<Object, Temporal> starts = new LinkedHashMap<>();
        starts.put(series.key(series.seed), series.seed);
        List<Property> rules = event.getProperties(Property.RRULE);
        for (Property rule : rules) {
            expandRule(series, ((RRule<?>) rule).getRecur(), window, starts, problems);
        }
        for (Property rdate : event.getProperties(Property.RDATE)) {
            if (rdate.getParameter(Value.VALUE).filter(Value.PERIOD::equals).isPresent()) {
                continue; // explicit periods are rare in timetables; their start dates would lose the length
            }
            for (Object date : ((DateListProperty<?>) rdate).getDates()) {
                Temporal converted = series.sameKind((Temporal) date);
                starts.putIfAbsent(series.key(converted), converted);
            }
        }
        int added = 0;
        for (Temporal instance : starts.values()) {
            if (excluded.matches(instance, series) || replaced.matches(instance, series)) {
                continue;
            }
            Occurrence occurrence = series.occurrence(instance);
            if (window.intersects(occurrence)) {
                found.add(occurrence);
                if (++added >= limits.maxPerEvent()) {
                    problems.add("'" + series.summary + "': more than " + limits.maxPerEvent()
                            + " instances in the window; the rest are left out");
                    break;
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void expandRule(Series series, Recur<?> rule, Window window, Map<Object, Temporal> starts,
            List<String> problems) throws InterruptedIOException {
        long perStep = candidatesPerStep(rule);
        if (perStep > limits.maxCandidatesPerStep()) {
            problems.add("'" + series.summary + "': recurrence rule " + rule + " would expand to " + perStep
                    + " candidates per step; not expanded");
            return;
        }
        Recur recur = series.withUntilOfSameKind(rule);
        // Instances that began before the window but still run in it count too.
        Temporal periodStart = series.windowBound(window.start(), window.firstDay()).minus(series.length);
        Temporal periodEnd = series.windowBound(window.end(), window.endDay());
        Spliterator<Temporal> candidates =
                recur.getDatesAsStream(series.seed, periodStart, periodEnd, limits.maxPerEvent()).spliterator();
        int steps = 0;
        while (candidates.tryAdvance(date -> starts.putIfAbsent(series.key(date), date))) {
            if (++steps >= limits.maxSteps()) {
                problems.add("'" + series.summary + "': recurrence rule " + rule + " needs more than "
                        + limits.maxSteps() + " steps to reach the window; expansion stopped");
                return;
            }
            if ((steps & 0xff) == 0) {
                checkCancelled();
            }
        }
    }

    /** An upper bound of the candidates one step of the rule generates (ical4j builds them as one list). */
    static long candidatesPerStep(Recur<?> rule) {
        long days = switch (rule.getFrequency()) {
            case YEARLY -> 366;
            case MONTHLY -> 31;
            case WEEKLY -> 7;
            default -> 1;
        };
        long hours = Math.max(1, rule.getHourList().size());
        long minutes = Math.max(1, rule.getMinuteList().size());
        long seconds = Math.max(1, rule.getSecondList().size());
        return switch (rule.getFrequency()) {
            case SECONDLY -> 1;
            case MINUTELY -> seconds;
            case HOURLY -> minutes * seconds;
            default -> days * hours * minutes * seconds;
        };
    }

    private void checkCancelled() throws InterruptedIOException {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("timetable expansion cancelled");
        }
    }

    private static String uid(VEvent event) {
        return event.getProperty(Property.UID).map(Property::getValue).orElse("");
    }

    private static boolean isCancelled(VEvent event) {
        return event.getProperty(Property.STATUS).map(Property::getValue)
                .filter(Status.VALUE_CANCELLED::equalsIgnoreCase).isPresent();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Temporal> dtStart(VEvent event) {
        return event.getProperty(Property.DTSTART).map(p -> ((DateProperty<Temporal>) p).getDate());
    }

    /** One event's start, length and texts, in the form its recurrence is expanded in. */
    private static final class Series {
        final Temporal seed; // LocalDate (all-day) or ZonedDateTime (timed)
        final TemporalAmount length;
        final ZoneId floatingZone;
        final String summary;
        final String location;
        final List<String> categories;

        private Series(Temporal seed, TemporalAmount length, ZoneId floatingZone, VEvent event) {
            this.seed = seed;
            this.length = length;
            this.floatingZone = floatingZone;
            this.summary = event.getProperty(Property.SUMMARY).map(Property::getValue).orElse("").strip();
            this.location = event.getProperty(Property.LOCATION).map(Property::getValue).orElse("").strip();
            List<String> names = new ArrayList<>();
            for (Property property : event.getProperties(Property.CATEGORIES)) {
                for (String name : ((Categories) property).getCategories().getTexts()) {
                    if (!name.isBlank() && !names.contains(name.strip())) {
                        names.add(name.strip());
                    }
                }
            }
            this.categories = names;
        }

        static Series of(VEvent event, Temporal start, ZoneId floatingZone) {
            boolean allDay = start instanceof LocalDate;
            Temporal seed = allDay ? start : zoned(start, floatingZone);
            return new Series(seed, length(event, seed, floatingZone), floatingZone, event);
        }

        @SuppressWarnings("unchecked")
        private static TemporalAmount length(VEvent event, Temporal seed, ZoneId floatingZone) {
            Optional<Temporal> end = event.getProperty(Property.DTEND)
                    .map(p -> ((DateProperty<Temporal>) p).getDate());
            if (end.isPresent()) {
                if (seed instanceof LocalDate startDate) {
                    LocalDate endDate = dateIn(end.get(), floatingZone);
                    Period days = Period.between(startDate, endDate);
                    return days.isNegative() || days.isZero() ? Period.ofDays(1) : days;
                }
                ZonedDateTime startTime = (ZonedDateTime) seed;
                ZonedDateTime endTime = end.get() instanceof LocalDate d ? d.atStartOfDay(startTime.getZone())
                        : zoned(end.get(), floatingZone);
                Duration duration = Duration.between(startTime, endTime);
                return duration.isNegative() ? Duration.ZERO : duration;
            }
            Optional<TemporalAmount> duration = event.getProperty(Property.DURATION)
                    .map(p -> ((net.fortuna.ical4j.model.property.Duration) p).getDuration());
            if (duration.isPresent()) {
                return duration.get();
            }
            return seed instanceof LocalDate ? Period.ofDays(1) : Duration.ZERO;
        }

        boolean allDay() {
            return seed instanceof LocalDate;
        }

        Occurrence occurrence(Temporal instanceStart) {
            if (allDay()) {
                LocalDate first = (LocalDate) instanceStart;
                return Occurrence.allDay(summary, location, categories, first, first.plus(length));
            }
            ZonedDateTime start = (ZonedDateTime) instanceStart;
            return Occurrence.timed(summary, location, categories, start.toInstant(),
                    start.plus(length).toInstant());
        }

        /** The key an instance is matched by: its date for all-day series, else its instant. */
        Object key(Temporal instance) {
            return allDay() ? instance : ((ZonedDateTime) instance).toInstant();
        }

        /** A window bound in the series' own kind of value: the mirror's day for dates, else the instant. */
        Temporal windowBound(Instant bound, LocalDate day) {
            return allDay() ? day : bound.atZone(((ZonedDateTime) seed).getZone());
        }

        /** An RDATE (or similar) converted to the series' kind of value. */
        Temporal sameKind(Temporal value) {
            if (allDay()) {
                return dateIn(value, floatingZone);
            }
            ZoneId zone = ((ZonedDateTime) seed).getZone();
            if (value instanceof LocalDate date) {
                return ((ZonedDateTime) seed).with(date).withZoneSameLocal(zone);
            }
            return zoned(value, floatingZone).withZoneSameInstant(zone);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        Recur withUntilOfSameKind(Recur<?> rule) {
            Temporal until = rule.getUntil();
            if (until == null) {
                return rule;
            }
            Temporal converted;
            if (allDay()) {
                if (until instanceof LocalDate) {
                    return rule;
                }
                converted = dateIn(until, floatingZone);
            } else {
                ZoneId zone = ((ZonedDateTime) seed).getZone();
                converted = until instanceof LocalDate date
                        ? date.plusDays(1).atStartOfDay(zone).minusSeconds(1) // the whole last day counts
                        : zoned(until, floatingZone).withZoneSameInstant(zone);
            }
            return new Recur.Builder((Recur) rule).until(converted).build();
        }
    }

    /** Instants and dates that EXDATE or RECURRENCE-ID name, matched against instances of a series. */
    private static final class TemporalKeys {
        private final ZoneId floatingZone;
        private final java.util.Set<Instant> instants = new java.util.HashSet<>();
        private final java.util.Set<LocalDate> dates = new java.util.HashSet<>();

        TemporalKeys(ZoneId floatingZone) {
            this.floatingZone = floatingZone;
        }

        void add(Temporal value) {
            if (value instanceof LocalDate date) {
                dates.add(date);
            } else {
                instants.add(zoned(value, floatingZone).toInstant());
            }
        }

        boolean matches(Temporal instance, Series series) {
            if (instance instanceof LocalDate date) {
                if (dates.contains(date)) {
                    return true;
                }
                for (Instant instant : instants) {
                    if (instant.atZone(floatingZone).toLocalDate().equals(date)) {
                        return true;
                    }
                }
                return false;
            }
            ZonedDateTime time = (ZonedDateTime) instance;
            return instants.contains(time.toInstant()) || dates.contains(time.toLocalDate());
        }
    }

    /** The date a value falls on in {@code zone}; a date stays as it is (floating, never shifted). */
    static LocalDate dateIn(Temporal value, ZoneId zone) {
        return value instanceof LocalDate date ? date : zoned(value, zone).withZoneSameInstant(zone).toLocalDate();
    }

    /** Any date-time ical4j produces as a zoned value; floating (local) times are read in {@code floatingZone}. */
    static ZonedDateTime zoned(Temporal value, ZoneId floatingZone) {
        if (value instanceof ZonedDateTime zoned) {
            return zoned;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toZonedDateTime();
        }
        if (value instanceof Instant instant) {
            return instant.atZone(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime local) {
            return local.atZone(floatingZone);
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(floatingZone);
        }
        throw new IllegalArgumentException("unsupported date value " + value.getClass().getSimpleName());
    }
}
