package org.campusmirror.mirror.runtime.internal.timing;

import java.time.Duration;

/** Runs a task once after a delay: a scheduled executor in the mirror, a hand-driven clock in tests. */
public interface Timer {
    /** What {@link #schedule} returns: cancel it and the task does not run (if it has not started). */
    interface Cancellable {
        void cancel();
    }

    Cancellable schedule(Runnable task, Duration delay);
}
