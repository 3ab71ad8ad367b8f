package org.campusmirror.mirror.runtime.internal.timing;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's one timer thread ({@code mirror-timer}): refresh due times, timeouts, page rotation, alert expiry.
 * Its tasks only move state and hand work to other threads, so one thread keeps up. It sleeps while nothing is due:
 * no ticking. A task that throws is logged, not lost.
 */
public final class ExecutorTimer implements Timer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorTimer.class);

    private final ScheduledExecutorService executor;

    public ExecutorTimer(String threadName) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        // Every refresh schedules its timeout and cancels it when it returns: drop those at once, not when due.
        pool.setRemoveOnCancelPolicy(true);
        executor = pool;
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        Runnable logged = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("A timer task of the mirror failed", e);
            }
        };
        try {
            ScheduledFuture<?> future = executor.schedule(logged, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException shutDown) {
            return () -> { };
        }
    }

    /** Runs {@code task} on the timer thread as soon as it is free. */
    public void execute(Runnable task) {
        schedule(task, Duration.ZERO);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
