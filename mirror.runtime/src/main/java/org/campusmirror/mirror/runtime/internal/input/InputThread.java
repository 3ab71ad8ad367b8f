package org.campusmirror.mirror.runtime.internal.input;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input side's one thread ({@code mirror-input}). It sleeps while nothing is due: a GPIO edge or a due timer
 * wakes it. A task that throws is logged and the thread goes on.
 */
final class InputThread implements InputClock, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InputThread.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mirror-input");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        try {
            ScheduledFuture<?> future = executor.schedule(logged(task), Math.max(0, delay.toNanos()),
                    TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException closed) {
            return () -> { };
        }
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(logged(task));
        } catch (RejectedExecutionException closed) {
            // The component stops: an edge that comes in now has nobody to act on it.
        }
    }

    private static Runnable logged(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("An input task failed", e);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
