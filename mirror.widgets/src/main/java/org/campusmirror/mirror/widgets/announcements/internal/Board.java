package org.campusmirror.mirror.widgets.announcements.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.campusmirror.mirror.runtime.AlertEvents;
import org.campusmirror.mirror.widgets.announcements.Announcement;
import org.campusmirror.mirror.widgets.announcements.AnnouncementBoard;
import org.campusmirror.mirror.widgets.announcements.Priority;

/**
 * The board: announcements by id, and the alert of each urgent one. An urgent announcement is raised (an event on
 * {@link AlertEvents#TOPIC}) when it becomes active, at once or by a timer at its start, and cleared when it ends
 * (a timer, and the alert's own {@code until}), is withdrawn, or is replaced by a non-urgent one. Alerts go out
 * through {@code alerts}, which posts to Event Admin in the framework and records in tests.
 */
final class Board implements AnnouncementBoard {
    /** Prefix of the alert ids, so an announcement cannot clear someone else's alert. */
    static final String ALERT_PREFIX = "announcement:";

    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Consumer<Map<String, Object>> alerts;
    private final Map<String, Announcement> announcements = new HashMap<>();
    private final Map<String, List<ScheduledFuture<?>>> pending = new HashMap<>();
    /** Ids whose alert is up. */
    private final java.util.Set<String> raised = new java.util.HashSet<>();
    /** Configurations that could not become announcements, by id, with the reason. */
    private final Map<String, String> problems = new HashMap<>();

    Board(Clock clock, ScheduledExecutorService timers, Consumer<Map<String, Object>> alerts) {
        this.clock = clock;
        this.timers = timers;
        this.alerts = alerts;
    }

    @Override
    public synchronized void publish(Announcement announcement) {
        String id = announcement.id();
        cancelTimers(id);
        problems.remove(id);
        announcements.put(id, announcement);
        Instant now = clock.instant();
        if (announcement.priority() != Priority.URGENT || (announcement.end() != null && !now.isBefore(announcement.end()))) {
            clear(id);
            return;
        }
        List<ScheduledFuture<?>> timersOfId = new ArrayList<>();
        if (announcement.activeAt(now)) {
            raise(announcement);
        } else {
            clear(id);
            timersOfId.add(schedule(announcement.start(), now, () -> raiseIfStillCurrent(announcement)));
        }
        if (announcement.end() != null) {
            timersOfId.add(schedule(announcement.end(), now, () -> clearIfStillCurrent(announcement)));
        }
        pending.put(id, timersOfId);
    }

    @Override
    public synchronized void withdraw(String id) {
        cancelTimers(id);
        problems.remove(id);
        announcements.remove(id);
        clear(id);
    }

    @Override
    public synchronized List<Announcement> active(Instant now) {
        return announcements.values().stream().filter(a -> a.activeAt(now))
                .sorted(Comparator.comparing(Announcement::priority).reversed()
                        .thenComparing(a -> a.start() == null ? Instant.MIN : a.start(), Comparator.reverseOrder())
                        .thenComparing(Announcement::id))
                .toList();
    }

    @Override
    public synchronized List<Announcement> all() {
        return announcements.values().stream().sorted(Comparator.comparing(Announcement::id)).toList();
    }

    /** A configuration with this id is invalid: whatever it published before is withdrawn, the reason kept. */
    synchronized void invalid(String id, String reason) {
        withdraw(id);
        problems.put(id, reason);
    }

    synchronized List<String> problems() {
        return problems.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    /** Clears every alert this board raised (the bundle is stopping). */
    synchronized void close() {
        for (String id : List.copyOf(pending.keySet())) {
            cancelTimers(id);
        }
        for (String id : List.copyOf(raised)) {
            clear(id);
        }
    }

    private synchronized void raiseIfStillCurrent(Announcement announcement) {
        if (announcements.get(announcement.id()) == announcement) {
            raise(announcement);
        }
    }

    private synchronized void clearIfStillCurrent(Announcement announcement) {
        if (announcements.get(announcement.id()) == announcement) {
            clear(announcement.id());
        }
    }

    private void raise(Announcement announcement) {
        Map<String, Object> alert = new HashMap<>();
        alert.put(AlertEvents.ID, ALERT_PREFIX + announcement.id());
        alert.put(AlertEvents.TEXT, announcement.textEn().isEmpty() ? announcement.textDe() : announcement.textEn());
        if (!announcement.textDe().isEmpty()) {
            alert.put(AlertEvents.TEXT_DE, announcement.textDe());
        }
        if (!announcement.textEn().isEmpty()) {
            alert.put(AlertEvents.TEXT_EN, announcement.textEn());
        }
        alert.put(AlertEvents.LEVEL, AlertEvents.URGENT);
        if (announcement.end() != null) {
            alert.put(AlertEvents.UNTIL, announcement.end().toEpochMilli());
        }
        raised.add(announcement.id());
        alerts.accept(alert);
    }

    private void clear(String id) {
        if (raised.remove(id)) {
            alerts.accept(Map.of(AlertEvents.ID, ALERT_PREFIX + id, AlertEvents.CLEAR, Boolean.TRUE));
        }
    }

    private ScheduledFuture<?> schedule(Instant at, Instant now, Runnable action) {
        long delay = Math.max(0, Duration.between(now, at).toMillis());
        return timers.schedule(action, delay, TimeUnit.MILLISECONDS);
    }

    private void cancelTimers(String id) {
        List<ScheduledFuture<?>> futures = pending.remove(id);
        if (futures != null) {
            futures.forEach(f -> f.cancel(false));
        }
    }
}
