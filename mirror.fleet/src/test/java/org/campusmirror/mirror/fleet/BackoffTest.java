package org.campusmirror.mirror.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToTheMaximumAndStartsOverAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(1), backoff.next());
        assertEquals(Duration.ofSeconds(2), backoff.next());
        assertEquals(Duration.ofSeconds(4), backoff.next());
        assertEquals(Duration.ofSeconds(5), backoff.next());
        for (int i = 0; i < 100; i++) {
            backoff.next();
        }
        assertEquals(Duration.ofSeconds(5), backoff.next());
        backoff.reset();
        assertEquals(Duration.ofSeconds(1), backoff.next());
    }
}
