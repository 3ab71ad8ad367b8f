package org.campusmirror.mirror.runtime.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The throttle against a clock the test moves by hand. */
class LoginThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(now::get);

    @Test
    void firstFailuresAreFreeThenLockoutsDoubleUpToFifteenMinutes() {
        for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
            assertTrue(throttle.attempt("10.0.0.7").allowed(), "attempt " + i);
            assertEquals(Duration.ZERO, throttle.failed("10.0.0.7"));
        }
        assertTrue(throttle.attempt("10.0.0.7").allowed());
        assertEquals(Duration.ofSeconds(1), throttle.failed("10.0.0.7"));
        LoginThrottle.Decision locked = throttle.attempt("10.0.0.7");
        assertFalse(locked.allowed());
        assertEquals(1, locked.retryAfterSeconds());

        Duration expected = Duration.ofSeconds(1);
        for (int round = 0; round < 12; round++) {
            advance(expected);
            assertTrue(throttle.attempt("10.0.0.7").allowed(), "after the lockout of " + expected);
            expected = expected.multipliedBy(2).compareTo(LoginThrottle.LONGEST_LOCKOUT) > 0
                    ? LoginThrottle.LONGEST_LOCKOUT : expected.multipliedBy(2);
            assertEquals(expected, throttle.failed("10.0.0.7"));
        }
        assertEquals(LoginThrottle.LONGEST_LOCKOUT, expected);
        assertEquals(900, throttle.attempt("10.0.0.7").retryAfterSeconds());
        advance(Duration.ofMillis(899_500));
        assertEquals(1, throttle.attempt("10.0.0.7").retryAfterSeconds(), "half a second left: retry after 1 s");
    }

    @Test
    void otherClientsAreNotAffected() {
        lockOut("10.0.0.7");
        assertFalse(throttle.attempt("10.0.0.7").allowed());
        assertTrue(throttle.attempt("10.0.0.8").allowed());
    }

    @Test
    void successClearsTheRecord() {
        for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.attempt("10.0.0.7");
            throttle.failed("10.0.0.7");
        }
        throttle.attempt("10.0.0.7");
        throttle.succeeded("10.0.0.7");
        throttle.attempt("10.0.0.7");
        assertEquals(Duration.ZERO, throttle.failed("10.0.0.7"), "counting starts again");
    }

    @Test
    void recordsAreBoundedAndForgottenAfterAQuietHour() {
        for (int i = 0; i < LoginThrottle.MAX_CLIENTS + 500; i++) {
            String client = "10.1." + (i / 256) + "." + (i % 256);
            throttle.attempt(client);
            throttle.failed(client);
        }
        assertEquals(LoginThrottle.MAX_CLIENTS, throttle.remembered());
        advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
        assertTrue(throttle.attempt("10.0.0.9").allowed());
        assertEquals(0, throttle.remembered());
    }

    @ParameterizedTest(name = "{0} counts as {1}")
    @CsvSource({"192.0.2.2, 192.0.2.2", "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:0:0:0:0/64",
            "[2001:db8:1:2::99], 2001:db8:1:2:0:0:0:0/64", "fe80::1%eth0, fe80:0:0:0:0:0:0:0/64",
            "::ffff:10.0.0.7, 10.0.0.7", "'', unknown"})
    void clientIsTheIpv4AddressOrTheIpv6Slash64(String remote, String client) {
        assertEquals(client, LoginThrottle.clientOf(remote));
    }

    private void lockOut(String client) {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.attempt(client);
            throttle.failed(client);
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
