package org.campusmirror.mirror.fleet;

import java.time.Duration;

/** Waits between reconnects: 1 s, doubling after each failure, at most {@code max}; a success starts over. */
final class Backoff {
    private static final Duration FIRST = Duration.ofSeconds(1);
    private final Duration max;
    private int failures;

    Backoff(Duration max) {
        this.max = max.compareTo(FIRST) < 0 ? FIRST : max;
    }

    /** The wait before the next attempt, counting one more failure. */
    synchronized Duration next() {
        Duration wait = FIRST.multipliedBy(1L << Math.min(failures, 20));
        failures++;
        return wait.compareTo(max) > 0 ? max : wait;
    }

    synchronized void reset() {
        failures = 0;
    }
}
