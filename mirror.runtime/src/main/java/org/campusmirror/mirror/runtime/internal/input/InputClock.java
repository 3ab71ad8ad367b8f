package org.campusmirror.mirror.runtime.internal.input;

import java.time.Duration;
import java.time.Instant;

/**
 * Time and the one thread of the input side (buttons, motion, schedules): every task runs on that thread, one at a
 * time, so the state machines that use it need no locks. {@link InputThread} in the mirror; a hand-driven clock in
 * tests, so no test waits for real time.
 */
interface InputClock {

    /** What {@link #schedule} returns: cancelling it keeps the task from running (if it has not started). */
    interface Cancellable {
        void cancel();
    }

    /** The wall clock (UTC instant): for schedules. */
    Instant now();

    /** A monotonic clock in nanoseconds: for durations (debounce, long press, inactivity). */
    long nanoTime();

    /** Runs {@code task} on the input thread after {@code delay}. */
    Cancellable schedule(Runnable task, Duration delay);

    /** Runs {@code task} on the input thread as soon as it is free. */
    void execute(Runnable task);
}
