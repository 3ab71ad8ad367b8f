package org.campusmirror.mirror.runtime.internal.input;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * An {@link InputClock} that only moves when a test says so. Wall clock and monotonic clock move together;
 * {@link #advance} runs every task that falls due on the way, in order, at its due time. {@link #execute} runs the
 * task at once, on the caller's thread, as the input thread would run it next.
 */
final class ManualClock implements InputClock {
    private record Task(long dueNanos, long sequence, Runnable runnable, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.sequence, b.sequence));
    private final Instant start;
    private long nanos;
    private long sequence;

    ManualClock(Instant start) {
        this.start = start;
    }

    @Override
    public Instant now() {
        return start.plusNanos(nanos);
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        boolean[] cancelled = {false};
        tasks.add(new Task(nanos + Math.max(0, delay.toNanos()), sequence++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    /** Moves time on by {@code duration}, running what falls due. */
    void advance(Duration duration) {
        long target = nanos + duration.toNanos();
        while (!tasks.isEmpty() && tasks.peek().dueNanos <= target) {
            Task task = tasks.poll();
            if (!task.cancelled[0]) {
                nanos = Math.max(nanos, task.dueNanos);
                task.runnable.run();
            }
        }
        nanos = target;
    }

    /** Moves the clock to {@code instant} (not backwards). */
    void advanceTo(Instant instant) {
        advance(Duration.between(now(), instant));
    }

    /** The tasks still waiting (not cancelled). */
    long pending() {
        return tasks.stream().filter(task -> !task.cancelled[0]).count();
    }
}
