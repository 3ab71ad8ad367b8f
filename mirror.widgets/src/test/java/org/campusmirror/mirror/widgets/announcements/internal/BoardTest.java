package org.campusmirror.mirror.widgets.announcements.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.campusmirror.mirror.runtime.AlertEvents;
import org.campusmirror.mirror.widgets.announcements.Announcement;
import org.campusmirror.mirror.widgets.announcements.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The board's alerts, with a clock and timers the test moves by hand. */
class BoardTest {
    private static final Instant T0 = Instant.parse("2026-10-12T08:00:00Z");

    /** Timers that run only when the test advances the clock past them. */
    static final class ManualTimers extends ScheduledThreadPoolExecutor {
        final MutableClock clock;
        final List<Task> tasks = new ArrayList<>();

        ManualTimers(MutableClock clock) {
            super(1);
            this.clock = clock;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            Task task = new Task(clock.instant().plusMillis(unit.toMillis(delay)), command);
            tasks.add(task);
            return task;
        }

        void advanceTo(Instant when) {
            clock.now = when;
            tasks.stream().filter(t -> !t.cancelled && !t.done && !t.at.isAfter(when))
                    .sorted(Comparator.comparing(t -> t.at)).toList().forEach(Task::run);
        }
    }

    static final class Task implements ScheduledFuture<Object> {
        final Instant at;
        final Runnable command;
        boolean cancelled;
        boolean done;

        Task(Instant at, Runnable command) {
            this.at = at;
            this.command = command;
        }

        void run() {
            done = true;
            command.run();
        }

        public long getDelay(TimeUnit unit) { return 0; }
        public int compareTo(Delayed o) { return 0; }
        public boolean cancel(boolean interrupt) { cancelled = true; return true; }
        public boolean isCancelled() { return cancelled; }
        public boolean isDone() { return done || cancelled; }
        public Object get() { return null; }
        public Object get(long timeout, TimeUnit unit) { return null; }
    }

    static final class MutableClock extends Clock {
        Instant now = T0;

        public ZoneId getZone() { return ZoneOffset.UTC; }
        public Clock withZone(ZoneId zone) { return this; }
        public Instant instant() { return now; }
    }

    private final MutableClock clock = new MutableClock();
    private final ManualTimers timers = new ManualTimers(clock);
    private final List<Map<String, Object>> alerts = new ArrayList<>();
    private final Board board = new Board(clock, timers, alerts::add);

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    private static Announcement urgent(String id, Instant start, Instant end) {
        return new Announcement(id, "Feueralarmprobe um 11 Uhr", "Fire drill at 11:00", start, end, Priority.URGENT,
                "test");
    }

    @Test
    void urgentActiveAnnouncementRaisesAnAlertAndItsEndClearsIt() {
        board.publish(urgent("drill", T0.minusSeconds(60), T0.plus(Duration.ofHours(1))));
        assertEquals(1, alerts.size());
        Map<String, Object> alert = alerts.get(0);
        assertEquals("announcement:drill", alert.get(AlertEvents.ID));
        assertEquals(AlertEvents.URGENT, alert.get(AlertEvents.LEVEL));
        assertEquals("Feueralarmprobe um 11 Uhr", alert.get(AlertEvents.TEXT_DE));
        assertEquals("Fire drill at 11:00", alert.get(AlertEvents.TEXT_EN));
        assertEquals(T0.plus(Duration.ofHours(1)).toEpochMilli(), alert.get(AlertEvents.UNTIL));
        timers.advanceTo(T0.plus(Duration.ofHours(1)));
        assertEquals(Map.of(AlertEvents.ID, "announcement:drill", AlertEvents.CLEAR, true), alerts.get(1));
        assertTrue(board.active(clock.instant()).isEmpty());
    }

    @Test
    void futureUrgentAnnouncementIsRaisedAtItsStart() {
        board.publish(urgent("later", T0.plus(Duration.ofMinutes(30)), null));
        assertTrue(alerts.isEmpty());
        timers.advanceTo(T0.plus(Duration.ofMinutes(29)));
        assertTrue(alerts.isEmpty());
        timers.advanceTo(T0.plus(Duration.ofMinutes(30)));
        assertEquals("announcement:later", alerts.get(0).get(AlertEvents.ID));
        assertEquals(List.of("later"), board.active(clock.instant()).stream().map(Announcement::id).toList());
    }

    @Test
    void withdrawingClearsTheAlertAndCancelsItsTimers() {
        board.publish(urgent("drill", null, T0.plus(Duration.ofHours(1))));
        board.withdraw("drill");
        assertEquals(2, alerts.size());
        assertEquals(true, alerts.get(1).get(AlertEvents.CLEAR));
        timers.advanceTo(T0.plus(Duration.ofHours(2)));
        assertEquals(2, alerts.size(), "no second clear from the cancelled end timer");
    }

    @Test
    void replacingWithANormalOneClearsTheAlertAndAStaleTimerDoesNothing() {
        board.publish(urgent("x", T0.plus(Duration.ofMinutes(10)), null));
        board.publish(new Announcement("x", "Mensa heute bis 15 Uhr", "", null, null, Priority.NORMAL, "test"));
        timers.advanceTo(T0.plus(Duration.ofMinutes(20)));
        assertTrue(alerts.isEmpty(), alerts.toString());
        assertEquals(Priority.NORMAL, board.active(clock.instant()).get(0).priority());
    }

    @Test
    void activeListIsUrgentFirstAndLeavesOutWhatHasNotStartedOrHasEnded() {
        board.publish(new Announcement("n", "normal", "", null, null, Priority.NORMAL, "test"));
        board.publish(new Announcement("i", "wichtig", "", null, null, Priority.IMPORTANT, "test"));
        board.publish(urgent("u", null, null));
        board.publish(new Announcement("future", "später", "", T0.plusSeconds(60), null, Priority.URGENT, "test"));
        board.publish(new Announcement("past", "vorbei", "", null, T0, Priority.NORMAL, "test"));
        assertEquals(List.of("u", "i", "n"), board.active(T0).stream().map(Announcement::id).toList());
        assertEquals(5, board.all().size());
    }

    @Test
    void closingClearsEveryRaisedAlert() {
        board.publish(urgent("a", null, null));
        board.publish(urgent("b", null, null));
        board.close();
        assertEquals(2, alerts.stream().filter(a -> Boolean.TRUE.equals(a.get(AlertEvents.CLEAR))).count());
    }

    @Test
    void invalidAnnouncementsAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class,
                () -> new Announcement("e", "", " ", null, null, Priority.NORMAL, "test"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Announcement("e", "x", "", T0, T0.minusSeconds(1), Priority.NORMAL, "test"));
        assertTrue(e.getMessage().contains("ends"), e.getMessage());
        board.publish(urgent("bad", null, null));
        board.invalid("bad", "start: 'morgen' is not a date and time");
        assertEquals(List.of("bad: start: 'morgen' is not a date and time"), board.problems());
        assertTrue(board.all().isEmpty());
        assertEquals(true, alerts.get(alerts.size() - 1).get(AlertEvents.CLEAR));
    }
}
