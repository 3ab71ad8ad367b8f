package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;

/** Polls a condition that the mirror reaches asynchronously (DS activation, File Install's scan). */
final class Eventually {
    static final Duration DEFAULT = Duration.ofSeconds(30);

    interface Check {
        boolean holds() throws Exception;
    }

    private Eventually() {
    }

    static void await(String what, Check check) throws Exception {
        await(what, DEFAULT, check);
    }

    static void await(String what, Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(200);
        }
        fail(what + ": not within " + timeout.toSeconds() + " s");
    }
}
