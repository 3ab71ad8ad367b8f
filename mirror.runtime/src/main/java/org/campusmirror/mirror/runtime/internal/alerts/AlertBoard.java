package org.campusmirror.mirror.runtime.internal.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.campusmirror.mirror.runtime.AlertEvents;
import org.campusmirror.mirror.runtime.internal.timing.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts shown now: raised and cleared by id, cleared by themselves at their {@code until} time, at most
 * {@value #MAX_ALERTS} (a new one beyond that replaces the oldest of the lowest level). What shows, urgent first,
 * goes to {@code shown} on every change. Thread-safe.
 */
public final class AlertBoard {
    static final int MAX_ALERTS = 16;
    private static final Logger LOG = LoggerFactory.getLogger(AlertBoard.class);
    private static final List<String> ORDER = List.of(AlertEvents.URGENT, AlertEvents.WARNING, AlertEvents.INFO);

    private final Timer timer;
    private final Clock clock;
    private final Consumer<List<Alert>> shown;
    private final Map<String, Alert> alerts = new LinkedHashMap<>();
    private final Map<String, Timer.Cancellable> expiries = new HashMap<>();

    public AlertBoard(Timer timer, Clock clock, Consumer<List<Alert>> shown) {
        this.timer = timer;
        this.clock = clock;
        this.shown = shown;
    }

    /** Applies a request; returns false (and logs) when it was invalid or changed nothing. */
    public synchronized boolean apply(AlertRequest request) {
        if (request instanceof AlertRequest.Raise raise) {
            return raise(raise.alert());
        } else if (request instanceof AlertRequest.Clear clear) {
            return clear(clear.id());
        }
        LOG.warn("Alert refused: {}", ((AlertRequest.Invalid) request).reason());
        return false;
    }

    public synchronized List<Alert> alerts() {
        List<Alert> sorted = new ArrayList<>(alerts.values());
        sorted.sort(Comparator.comparingInt(alert -> ORDER.indexOf(alert.level())));
        return sorted;
    }

    private boolean raise(Alert alert) {
        Instant now = clock.instant();
        if (alert.until() != null && !alert.until().isAfter(now)) {
            LOG.info("Alert {} from {} ignored: its time ({}) is over", alert.id(), alert.source(), alert.until());
            return false;
        }
        cancelExpiry(alert.id());
        alerts.remove(alert.id());
        if (alerts.size() >= MAX_ALERTS) {
            Alert dropped = oldestOfTheLowestLevel();
            LOG.warn("More than {} alerts: {} from {} makes way for {}", MAX_ALERTS, dropped.id(), dropped.source(),
                    alert.id());
            cancelExpiry(dropped.id());
            alerts.remove(dropped.id());
        }
        alerts.put(alert.id(), alert);
        if (alert.until() != null) {
            expiries.put(alert.id(), timer.schedule(() -> expire(alert), Duration.between(now, alert.until())));
        }
        LOG.info("Alert {} ({}) raised by {}", alert.id(), alert.level(), alert.source());
        shown.accept(alerts());
        return true;
    }

    private Alert oldestOfTheLowestLevel() {
        int lowest = alerts.values().stream().mapToInt(alert -> ORDER.indexOf(alert.level())).max().orElseThrow();
        // The map keeps the order alerts were raised in: the first of that level is the oldest.
        return alerts.values().stream().filter(alert -> ORDER.indexOf(alert.level()) == lowest).findFirst()
                .orElseThrow();
    }

    private boolean clear(String id) {
        cancelExpiry(id);
        if (alerts.remove(id) == null) {
            return false;
        }
        LOG.info("Alert {} cleared", id);
        shown.accept(alerts());
        return true;
    }

    private synchronized void expire(Alert alert) {
        if (alerts.get(alert.id()) == alert) {
            expiries.remove(alert.id());
            alerts.remove(alert.id());
            LOG.info("Alert {} cleared itself at {}", alert.id(), alert.until());
            shown.accept(alerts());
        }
    }

    private void cancelExpiry(String id) {
        Timer.Cancellable expiry = expiries.remove(id);
        if (expiry != null) {
            expiry.cancel();
        }
    }
}
