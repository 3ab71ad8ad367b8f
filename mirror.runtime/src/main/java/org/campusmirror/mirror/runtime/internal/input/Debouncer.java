package org.campusmirror.mirror.runtime.internal.input;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Passes a level on once the input has held it for the debounce time: the bounces of a contact, and a glitch shorter
 * than the debounce time, never get through. One timer at a time, re-armed from the last edge when it fires, so a
 * burst of bounces costs no scheduling. Runs on the input thread.
 */
final class Debouncer {
    private final long debounceNanos;
    private final InputClock clock;
    private final Consumer<Boolean> stableLevel;

    private boolean raw;
    private boolean stable;
    private long lastEdgeNanos;
    private InputClock.Cancellable settle;

    /** Starts inactive; {@code stableLevel} gets every new stable level (true: active). */
    Debouncer(Duration debounce, InputClock clock, Consumer<Boolean> stableLevel) {
        this.debounceNanos = debounce.toNanos();
        this.clock = clock;
        this.stableLevel = stableLevel;
    }

    /** An edge as the input reported it (true: active). */
    void edge(boolean active) {
        raw = active;
        lastEdgeNanos = clock.nanoTime();
        if (debounceNanos == 0) {
            settle();
        } else if (settle == null) {
            settle = clock.schedule(this::settleIfQuiet, Duration.ofNanos(debounceNanos));
        }
    }

    private void settleIfQuiet() {
        long quietFor = clock.nanoTime() - lastEdgeNanos;
        if (quietFor < debounceNanos) {
            settle = clock.schedule(this::settleIfQuiet, Duration.ofNanos(debounceNanos - quietFor));
            return;
        }
        settle = null;
        settle();
    }

    private void settle() {
        if (raw != stable) {
            stable = raw;
            stableLevel.accept(stable);
        }
    }

    /** Drops a pending settle: the input is being closed. */
    void cancel() {
        if (settle != null) {
            settle.cancel();
            settle = null;
        }
    }
}
