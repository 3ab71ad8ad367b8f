package org.campusmirror.mirror.runtime.internal.timing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A timer and clock that move only when a test says so: {@link #advance} runs every task that falls due, in time
 * order, on the test's thread. Tasks may be scheduled from any thread.
 */
public final class ManualTimer implements Timer {
    private final class Task implements Cancellable {
        final Instant due;
        final long order;
        final Runnable action;
        boolean cancelled;

        Task(Instant due, long order, Runnable action) {
            this.due = due;
            this.order = order;
            this.action = action;
        }

        @Override
        public void cancel() {
            synchronized (ManualTimer.this) {
                cancelled = true;
            }
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private Instant now;
    private long counter;

    public ManualTimer(Instant start) {
        this.now = start;
    }

    public synchronized Instant now() {
        return now;
    }

    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Task scheduled = new Task(now.plus(delay.isNegative() ? Duration.ZERO : delay), counter++, task);
        tasks.add(scheduled);
        return scheduled;
    }

    /** Tasks scheduled and not cancelled, due or not. */
    public synchronized int pending() {
        return (int) tasks.stream().filter(task -> !task.cancelled).count();
    }

    /** Runs what is due now, including tasks those tasks schedule for now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves the time on by {@code step}, running each task when its time comes. */
    public void advance(Duration step) {
        Instant end;
        synchronized (this) {
            end = now.plus(step);
        }
        while (true) {
            Task next;
            synchronized (this) {
                tasks.removeIf(task -> task.cancelled);
                next = tasks.stream().filter(task -> !task.due.isAfter(end))
                        .min(Comparator.comparing((Task task) -> task.due).thenComparingLong(task -> task.order))
                        .orElse(null);
                if (next == null) {
                    now = end;
                    return;
                }
                tasks.remove(next);
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
            }
            next.action.run();
        }
    }
}
