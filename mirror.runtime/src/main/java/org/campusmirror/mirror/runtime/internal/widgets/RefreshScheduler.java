package org.campusmirror.mirror.runtime.internal.widgets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

import org.campusmirror.mirror.runtime.internal.timing.Timer;
import org.campusmirror.mirror.runtime.internal.timing.Timer.Cancellable;

/**
 * Refreshes each widget on its own interval with the isolation the mirror promises:
 * <ul>
 * <li>at most {@code parallelism} refreshes run at once; the others wait their turn in order;</li>
 * <li>one refresh at a time per widget: a widget is not refreshed again until its last call returned;</li>
 * <li>a call that runs past the timeout is given up on: its widget is reported {@linkplain Listener#overdue
 * overdue}, the call is interrupted and asked to stop ({@code cancelled}), and it no longer counts against
 * {@code parallelism}, so a hung widget holds exactly one thread and nothing else waits for it;</li>
 * <li>after {@link #remove} returns, nothing of that widget reaches the listener, even from a call still running
 * (which is interrupted).</li>
 * </ul>
 * Time comes from a {@link Timer} and a {@link Clock}, so tests drive it by hand. Threads come from the given
 * executor: the scheduler itself never blocks. The listener is called under the scheduler's lock, which is what
 * makes the last promise hold: it must be quick and must not call back into the scheduler.
 */
final class RefreshScheduler {
    /** One widget's refresh; must not throw (it classifies what the widget throws). */
    interface Job {
        RefreshOutcome run(BooleanSupplier cancelled);
    }

    /** What happens to refreshes; called under the scheduler's lock, in order per widget. */
    interface Listener {
        /** A call returned; {@code late} when it was overdue first (its widget was interrupted and cancelled). */
        void finished(String id, RefreshOutcome outcome, Instant started, Instant ended, boolean late);

        /** A call is still running at its timeout. */
        void overdue(String id, Instant started, Duration timeout);

        /** A call could not start (no thread left): it is tried again after the interval. */
        void notStarted(String id, String reason);
    }

    private final class Slot {
        final String id;
        final Job job;
        final Duration interval;
        Cancellable due;
        Run running;
        boolean waiting;
        boolean removed;
        /** Asked to refresh while a call ran: that call may have read the old data, so one more follows at once. */
        boolean again;

        Slot(String id, Job job, Duration interval) {
            this.id = id;
            this.job = job;
            this.interval = interval;
        }
    }

    private final class Run implements Runnable {
        final Slot slot;
        final Instant started;
        volatile boolean cancelled;
        Thread thread;
        boolean holdsPermit = true;
        boolean finished;
        boolean overdue;
        Cancellable timeoutTask;

        Run(Slot slot, Instant started) {
            this.slot = slot;
            this.started = started;
        }

        @Override
        public void run() {
            synchronized (lock) {
                if (cancelled && slot.removed) {
                    complete(this, null);
                    return;
                }
                thread = Thread.currentThread();
            }
            RefreshOutcome outcome = null;
            try {
                outcome = slot.job.run(() -> cancelled);
            } catch (RuntimeException | Error e) {
                outcome = new RefreshOutcome.Failed(WidgetRefresh.oneLine(WidgetRefresh.describe(e), e));
                throw e;
            } finally {
                synchronized (lock) {
                    complete(this, outcome);
                }
                // A timeout or removal may have interrupted us just before we finished: the pool thread stays clean.
                Thread.interrupted();
            }
        }
    }

    private final Object lock = new Object();
    private final Map<String, Slot> slots = new HashMap<>();
    private final ArrayDeque<Slot> queue = new ArrayDeque<>();
    private final Timer timer;
    private final Clock clock;
    private final Executor threads;
    private final Listener listener;
    private final Duration timeout;
    private int permits;

    RefreshScheduler(int parallelism, Duration timeout, Timer timer, Clock clock, Executor threads,
            Listener listener) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism " + parallelism + " < 1");
        }
        this.permits = parallelism;
        this.timeout = timeout;
        this.timer = timer;
        this.clock = clock;
        this.threads = threads;
        this.listener = listener;
    }

    /** Starts refreshing a widget: the first call as soon as a thread is free, then every {@code interval}. */
    void add(String id, Job job, Duration interval) {
        synchronized (lock) {
            if (slots.containsKey(id)) {
                throw new IllegalArgumentException("widget " + id + " is scheduled already");
            }
            Slot slot = new Slot(id, job, interval);
            slots.put(id, slot);
            becomeDue(slot);
        }
    }

    /**
     * Stops refreshing a widget. A call still running is interrupted and cancelled, and its result, whenever it
     * comes, is dropped: after this returns, the listener hears nothing more of {@code id}.
     */
    void remove(String id) {
        synchronized (lock) {
            Slot slot = slots.remove(id);
            if (slot == null) {
                return;
            }
            slot.removed = true;
            if (slot.due != null) {
                slot.due.cancel();
            }
            queue.remove(slot);
            Run run = slot.running;
            if (run != null) {
                run.cancelled = true;
                if (run.thread != null) {
                    run.thread.interrupt();
                }
                releasePermit(run);
            }
        }
    }

    /**
     * Refreshes a widget now. A call waiting for a thread will read the new data anyway; a call running may not,
     * so one more call follows as soon as it returns (one, however often this is asked meanwhile).
     */
    void refreshNow(String id) {
        synchronized (lock) {
            Slot slot = slots.get(id);
            if (slot == null || slot.waiting) {
                return;
            }
            if (slot.running != null) {
                slot.again = true;
                return;
            }
            if (slot.due != null) {
                slot.due.cancel();
            }
            becomeDue(slot);
        }
    }

    /** Removes every widget (see {@link #remove}). */
    void close() {
        synchronized (lock) {
            List.copyOf(slots.keySet()).forEach(this::remove);
        }
    }

    /** Calls still running, including overdue ones: each holds one thread. */
    int running() {
        synchronized (lock) {
            return (int) slots.values().stream().filter(slot -> slot.running != null).count();
        }
    }

    private void becomeDue(Slot slot) {
        slot.due = null;
        if (slot.removed || slot.running != null || slot.waiting) {
            return;
        }
        if (permits > 0) {
            start(slot);
        } else {
            slot.waiting = true;
            queue.add(slot);
        }
    }

    private void scheduleDue(Slot slot, Duration delay) {
        slot.due = timer.schedule(() -> {
            synchronized (lock) {
                becomeDue(slot);
            }
        }, delay);
    }

    private void start(Slot slot) {
        Run run = new Run(slot, clock.instant());
        permits--;
        slot.running = run;
        try {
            threads.execute(run);
        } catch (RejectedExecutionException e) {
            slot.running = null;
            permits++;
            listener.notStarted(slot.id, "no refresh thread is free (too many widgets hang)");
            scheduleDue(slot, slot.interval);
            return;
        }
        run.timeoutTask = timer.schedule(() -> {
            synchronized (lock) {
                timedOut(run);
            }
        }, timeout);
    }

    private void timedOut(Run run) {
        if (run.finished || run.slot.removed) {
            return;
        }
        run.overdue = true;
        run.cancelled = true;
        if (run.thread != null) {
            run.thread.interrupt();
        }
        releasePermit(run);
        listener.overdue(run.slot.id, run.started, timeout);
    }

    /** Called once per run, under the lock, when its call returned (or never started). */
    private void complete(Run run, RefreshOutcome outcome) {
        run.finished = true;
        run.thread = null;
        if (run.timeoutTask != null) {
            run.timeoutTask.cancel();
        }
        releasePermit(run);
        Slot slot = run.slot;
        if (slot.running == run) {
            slot.running = null;
        }
        if (slot.removed) {
            return;
        }
        Instant ended = clock.instant();
        if (outcome != null) {
            listener.finished(slot.id, outcome, run.started, ended, run.overdue);
        }
        // Not for a call that hung past its timeout: that widget waits its interval, as it would have.
        boolean again = slot.again && !run.overdue;
        slot.again = false;
        if (again) {
            becomeDue(slot);
            return;
        }
        Duration elapsed = Duration.between(run.started, ended);
        Duration delay = slot.interval.minus(elapsed);
        scheduleDue(slot, delay.isNegative() ? Duration.ZERO : delay);
    }

    private void releasePermit(Run run) {
        if (!run.holdsPermit) {
            return;
        }
        run.holdsPermit = false;
        permits++;
        while (permits > 0 && !queue.isEmpty()) {
            Slot next = queue.poll();
            next.waiting = false;
            if (!next.removed && next.running == null) {
                start(next);
            }
        }
    }
}
